"""Exporters, found by format name in a registry (add one with ``register``).

``jsonl`` writes the contract of the evaluation scorer: one line per resolved
entity with its mentions from every issue, then one line per relation with its
evidence. The RDF formats write the store as it is: ``trig`` and ``nq`` keep the
named graph of each issue, ``ttl`` and ``nt`` write the union of all graphs.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from typing import BinaryIO

import pyoxigraph as ox

from . import plugin, vocab
from .errors import InputError
from .facts import statements
from .store import KnowledgeGraph

Exporter = Callable[[KnowledgeGraph, BinaryIO], None]


def register(name: str, target: str | Exporter, description: str) -> None:
    """Add an exporter: ``fn(graph, binary_stream)``, or a ``"module:function"`` string."""
    plugin.register(name, "exporter", target, description)


def formats() -> dict[str, str]:
    return {name: p.description for name, p in plugin.plugins("exporter").items()}


def export(graph: KnowledgeGraph, fmt: str, out: BinaryIO) -> None:
    try:
        writer = plugin.get(fmt, "exporter")
    except plugin.PluginNotFound:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(formats())}") from None
    writer(graph, out)


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


def write_ttl(graph: KnowledgeGraph, out: BinaryIO) -> None:
    ox.serialize(_union_triples(graph), out, ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def write_nt(graph: KnowledgeGraph, out: BinaryIO) -> None:
    ox.serialize(_union_triples(graph), out, ox.RdfFormat.N_TRIPLES)


def write_trig(graph: KnowledgeGraph, out: BinaryIO) -> None:
    graph.store.dump(out, ox.RdfFormat.TRIG, prefixes=_PREFIXES)


def write_nq(graph: KnowledgeGraph, out: BinaryIO) -> None:
    graph.store.dump(out, ox.RdfFormat.N_QUADS)


ENTITY_MENTIONS = """
SELECT ?entity ?type ?label ?doc ?text ?start ?end WHERE {
  GRAPH ?g { ?m a kg:Mention ; kg:mentionOf ?entity ; kg:inIssue ?issue ; kg:surface ?text ;
                kg:start ?start ; kg:end ?end .
             ?issue dcterms:identifier ?doc .
             ?entity a ?class ; rdfs:label ?label }
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
}"""


def write_jsonl(graph: KnowledgeGraph, out: BinaryIO) -> None:
    """The scorer's contract: one line per entity with its mentions from every issue,
    then one line per relation with its evidence."""
    entities: dict[str, dict] = {}
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    mentions: dict[str, set] = defaultdict(set)
    for row in graph.select(ENTITY_MENTIONS):
        iri = row["entity"]
        entities.setdefault(iri, {"type": row["type"]})
        labels[iri][row["label"]] += 1
        mentions[iri].add((row["doc"], row["text"], int(row["start"]), int(row["end"])))
    for iri in sorted(entities):
        record = {
            "kind": "entity", "id": iri, "type": entities[iri]["type"], "label": vocab.preferred_label(labels[iri]),
            "mentions": [{"doc": d, "text": t, "start": s, "end": e}
                         for d, t, s, e in sorted(mentions[iri], key=lambda m: (m[0], m[2], m[3]))],
        }
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    for record in relation_records(graph):
        out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))


def relation_records(graph: KnowledgeGraph) -> list[dict]:
    """One record per stated relation (subject, relation, object, attributes), with all its evidence."""
    records: dict[tuple, dict] = {}
    for row in statements(graph):
        attributes = row["attributes"]
        key = (row["s"], row["relation"], row["o"], tuple(sorted(attributes.items())))
        record = records.setdefault(key, {
            "kind": "relation", "head": row["s"], "relation": row["relation"], "tail": row["o"],
            "attributes": attributes, "evidence": []})
        evidence = {"doc": row["doc"], "sentence": row["text"]}
        if evidence not in record["evidence"]:
            record["evidence"].append(evidence)
    for record in records.values():
        record["evidence"].sort(key=lambda e: (e["doc"], e["sentence"]))
    return [records[k] for k in sorted(records)]
