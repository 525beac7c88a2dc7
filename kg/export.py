"""Exporters, found by format name in a registry (add one with ``register``).

``jsonl`` writes the contract of the evaluation scorer: one line per resolved
entity with its mentions from every issue, then one line per relation with its
evidence. The RDF formats write the store as it is: ``trig`` and ``nq`` keep the
named graph of each issue, ``ttl``, ``nt`` and ``jsonld`` (:mod:`kg.jsonld`)
write the union of all graphs. ``graphml``, ``gexf`` and ``neo4j``
(:mod:`kg.propgraph`) write the entity graph for property-graph tools; ``neo4j``
writes a folder of files (registered with ``output="folder"``), the others one
stream. :func:`write` writes any of them to a path, atomically.
"""
from __future__ import annotations

import json
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from . import plugin, vocab
from .errors import InputError
from .facts import statements
from .store import KnowledgeGraph

Exporter = Callable[[KnowledgeGraph, BinaryIO], None]


def register(name: str, target: str | Exporter, description: str, *, folder: bool = False) -> None:
    """Add an exporter: ``fn(graph, binary_stream)``, or a ``"module:function"`` string;
    with ``folder=True``, ``fn(graph, folder_path)`` writing files into an empty folder."""
    plugin.register(name, "exporter", target, description, **({"output": "folder"} if folder else {}))


def formats() -> dict[str, str]:
    return {name: p.description for name, p in plugin.plugins("exporter").items()}


def _find(fmt: str) -> plugin.Plugin:
    try:
        return plugin.find(fmt, "exporter")
    except plugin.PluginNotFound:
        raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(formats())}") from None


def writes_folder(fmt: str) -> bool:
    """Whether the format is a folder of files rather than one stream."""
    return _find(fmt).details.get("output") == "folder"


def export(graph: KnowledgeGraph, fmt: str, out: BinaryIO) -> None:
    """Write the graph to a binary stream in a one-file format."""
    if writes_folder(fmt):
        raise InputError(f"--format {fmt} writes a folder of files: name it with --output DIR")
    _find(fmt).load()(graph, out)


def write(graph: KnowledgeGraph, fmt: str, output: str | Path) -> None:
    """Write the graph to a file, or a folder for a folder format, atomically: into a
    temporary name beside it, renamed when complete. A folder replaces an earlier
    export of the same format, never a folder holding anything else."""
    output = Path(output)
    writer = _find(fmt).load()
    folder = writes_folder(fmt)
    tmp = output.with_name(f".{output.name}.part")
    _remove(tmp)
    try:
        if folder:
            _check_folder(output, fmt)
            tmp.mkdir(parents=False)
            writer(graph, tmp)
            (tmp / _MARK).write_text(fmt + "\n", encoding="utf-8")
            old = output.with_name(f".{output.name}.old")
            _remove(old)
            if output.exists():
                output.rename(old)
            tmp.rename(output)
            _remove(old)
        else:
            with open(tmp, "wb") as f:
                writer(graph, f)
            tmp.replace(output)
    except OSError as e:
        _remove(tmp)
        raise InputError(f"cannot write {output}: {e.strerror or e}") from e
    except BaseException:
        _remove(tmp)
        raise


_MARK = ".kg-export"  # names the format of a folder written by write()


def _check_folder(output: Path, fmt: str) -> None:
    if not output.exists():
        return
    if not output.is_dir():
        raise InputError(f"--output {output}: exists and is not a folder ({fmt} writes a folder of files)")
    mark = output / _MARK
    if any(output.iterdir()) and not (mark.is_file() and mark.read_text(encoding="utf-8").strip() == fmt):
        raise InputError(f"--output {output}: folder exists, is not empty and is not an earlier {fmt} export; "
                         "choose another --output or empty it")


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


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
             ?entity a ?class ; rdfs:label ?label }
  ?issue dcterms:identifier ?doc .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
}"""


def write_jsonl(graph: KnowledgeGraph, out: BinaryIO) -> None:
    """The scorer's contract: one line per entity with its mentions from every issue,
    then one line per relation with its evidence."""
    entities: dict[str, dict] = {}
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    mentions: dict[str, set] = defaultdict(set)
    labelled: set[tuple[str, str, str]] = set()  # (entity, label, issue): a label counts once per issue
    for row in graph.select(ENTITY_MENTIONS):
        iri = row["entity"]
        entities.setdefault(iri, {"type": row["type"]})
        if (iri, row["label"], row["doc"]) not in labelled:
            labelled.add((iri, row["label"], row["doc"]))
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
