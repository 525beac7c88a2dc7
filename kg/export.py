"""Exporters, found by format name in a registry (add one with ``register``).

``jsonl`` writes the contract of the evaluation scorer: one line per resolved
entity with its mentions from every issue, then one line per relation with its
evidence. The RDF formats write the store as it is: ``trig`` and ``nq`` keep the
named graph of each issue, ``ttl`` and ``nt`` write the union of all graphs.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import BinaryIO, Callable

import pyoxigraph as ox

from . import vocab
from .graph import KnowledgeGraph

Exporter = Callable[[KnowledgeGraph, BinaryIO], None]
_exporters: dict[str, tuple[Exporter, str]] = {}


def register(name: str, description: str):
    def decorate(fn: Exporter) -> Exporter:
        _exporters[name] = (fn, description)
        return fn
    return decorate


def formats() -> dict[str, str]:
    return {name: description for name, (_, description) in _exporters.items()}


def export(graph: KnowledgeGraph, fmt: str, out: BinaryIO) -> None:
    if fmt not in _exporters:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(_exporters)}")
    _exporters[fmt][0](graph, out)


_PREFIXES = {p: str(ns) for p, ns in vocab.PREFIXES.items()}


def _union_triples(graph: KnowledgeGraph, include_ontology: bool = False) -> list[ox.Triple]:
    """Each triple once, whichever issue graphs hold it."""
    skip = ox.NamedNode(str(vocab.ONTOLOGY_GRAPH))
    seen = set()
    for quad in graph.store.quads_for_pattern(None, None, None, None):
        if not include_ontology and quad.graph_name == skip:
            continue
        seen.add(quad.triple)
    return sorted(seen, key=str)


@register("ttl", "Turtle: the union of all issue graphs")
def _ttl(graph: KnowledgeGraph, out: BinaryIO) -> None:
    ox.serialize(_union_triples(graph), out, ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


@register("nt", "N-Triples: the union of all issue graphs")
def _nt(graph: KnowledgeGraph, out: BinaryIO) -> None:
    ox.serialize(_union_triples(graph), out, ox.RdfFormat.N_TRIPLES)


@register("trig", "TriG: one named graph per issue, plus the ontology graph")
def _trig(graph: KnowledgeGraph, out: BinaryIO) -> None:
    graph.store.dump(out, ox.RdfFormat.TRIG, prefixes=_PREFIXES)


@register("nq", "N-Quads: one named graph per issue, plus the ontology graph")
def _nq(graph: KnowledgeGraph, out: BinaryIO) -> None:
    graph.store.dump(out, ox.RdfFormat.N_QUADS)


ENTITY_MENTIONS = """
SELECT ?entity ?type ?label ?doc ?text ?start ?end WHERE {
  ?m a kg:Mention ; kg:mentionOf ?entity ; kg:inIssue ?issue ; kg:surface ?text ;
     kg:start ?start ; kg:end ?end .
  ?issue dcterms:identifier ?doc .
  ?entity a ?class ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
}"""


@register("jsonl", "JSON Lines: entities with mentions, relations with evidence (the scorer's contract)")
def _jsonl(graph: KnowledgeGraph, out: BinaryIO) -> None:
    entities: dict[str, dict] = {}
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    mentions: dict[str, set] = defaultdict(set)
    for row in graph.select(ENTITY_MENTIONS):
        iri = row["entity"]
        entities.setdefault(iri, {"type": row["type"]})
        labels[iri][row["label"]] += 1
        mentions[iri].add((row["doc"], row["text"], int(row["start"]), int(row["end"])))
    for iri in sorted(entities):
        label = max(labels[iri], key=lambda s: (labels[iri][s], len(s), s))
        record = {
            "kind": "entity", "id": iri, "type": entities[iri]["type"], "label": label,
            "mentions": [{"doc": d, "text": t, "start": s, "end": e}
                         for d, t, s, e in sorted(mentions[iri], key=lambda m: (m[0], m[2], m[3]))],
        }
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    for record in relation_records(graph):
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))


RELATIONS = """
SELECT ?st ?head ?rel ?tail ?doc ?sentence ?title ?round ?amount ?lead WHERE {
  ?st a kg:Statement ; kg:subject ?head ; kg:predicate ?p ; kg:object ?tail ; kg:evidence ?s .
  ?s rdf:value ?sentence ; kg:inIssue/dcterms:identifier ?doc .
  BIND(STRAFTER(STR(?p), STR(kg:)) AS ?rel)
  OPTIONAL { ?st kg:qualifiedBy ?q . OPTIONAL { ?q kg:title ?title } OPTIONAL { ?q kg:round ?round }
             OPTIONAL { ?q kg:amount ?amount } OPTIONAL { ?q kg:leadInvestor ?lead } }
}"""


def relation_records(graph: KnowledgeGraph) -> list[dict]:
    """One record per stated relation (subject, relation, object, attributes), with all its evidence."""
    records: dict[tuple, dict] = {}
    for row in graph.select(RELATIONS):
        attributes = {k: row[k] for k in ("title", "round", "amount") if row.get(k)}
        if row.get("lead") is not None:
            attributes["lead"] = row["lead"] == "true"
        key = (row["head"], row["rel"], row["tail"], tuple(sorted(attributes.items())))
        record = records.setdefault(key, {
            "kind": "relation", "head": row["head"], "relation": row["rel"], "tail": row["tail"],
            "attributes": attributes, "evidence": []})
        evidence = {"doc": row["doc"], "sentence": row["sentence"]}
        if evidence not in record["evidence"]:
            record["evidence"].append(evidence)
    for record in records.values():
        record["evidence"].sort(key=lambda e: (e["doc"], e["sentence"]))
    return [records[k] for k in sorted(records)]
