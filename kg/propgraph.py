"""The entity graph for property-graph tools: GraphML and GEXF (Gephi, Cytoscape,
yEd, networkx), and CSV files for Neo4j's bulk importer.

All three start from :func:`kg.analytics.to_networkx` over every issue: one node
per entity (regions that only contain a named one included), one edge per stated
relation (its statement's IRI as the edge id) and the region hierarchy
(``within``). Co-mention links are left out: they are not stated relations.

GraphML and GEXF attributes must be scalars, so lists are joined with ``|``
(aliases, issues) and each edge's evidence is written twice: ``evidence`` is the
whole list as JSON text (``[{"doc", "date", "sentence"}, ...]``), and
``evidence_count`` and ``first_sentence`` are there to read at a glance.
"""
from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from . import vocab
from .analytics import to_networkx
from .store import KnowledgeGraph

LIST_SEPARATOR = "|"
#: Neo4j's importer splits array fields on this (its default, ``--array-delimiter``).
ARRAY_DELIMITER = ";"
#: An element holding the delimiter gets the full-width form instead (Chinese text uses it anyway).
ARRAY_DELIMITER_STANDIN = "；"
NEO4J_README = "README.txt"
_CODES = "SELECT DISTINCT ?e ?code WHERE { GRAPH ?g { ?e a kg:Region ; dcterms:identifier ?code } }"
_MENTIONS = "SELECT ?e ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m kg:mentionOf ?e } } GROUP BY ?e ?g"


def entity_graph(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """:func:`~kg.analytics.to_networkx` of every entity and stated relation, with
    each region's division code (``code``) where the graph states one."""
    G = to_networkx(graph, min_mentions=0)
    for row in graph.select(_CODES):
        if row["e"] in G:
            G.nodes[row["e"]]["code"] = row["code"]
    return G


def _joined(values) -> str:
    return LIST_SEPARATOR.join(str(v) for v in values)


def _evidence(ev: list[dict]) -> list[dict]:
    return [{k: e.get(k) for k in ("doc", "date", "sentence")} for e in ev]


def scalar_graph(G: nx.MultiDiGraph, *, colors: bool = False, edge_ids: bool = False) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans (None left out);
    ``colors``: GEXF's viz colour by type; ``edge_ids``: the key as an ``id`` attribute
    (GEXF's writer numbers edges otherwise)."""
    H = nx.MultiDiGraph(name="kg entity graph", issue_count=len(G.graph.get("issues", {})))
    for n, d in G.nodes(data=True):
        attrs: dict[str, Any] = {"label": d["label"], "type": d["type"], "type_label": vocab.TYPE_LABELS.get(d["type"], ""),
                                 "aliases": _joined(d.get("aliases", ())), "issues": _joined(d.get("issues", ())),
                                 "issue_count": len(d.get("issues", ())), "mentions": int(d.get("mentions", 0))}
        for key in ("first_seen", "code"):
            if d.get(key):
                attrs[key] = d[key]
        if colors:
            attrs["viz"] = {"color": _rgb(vocab.TYPE_STYLE.get(d["type"], {}).get("color", "#999999"))}
        H.add_node(n, **attrs)
    for u, v, key, d in G.edges(keys=True, data=True):
        evidence = _evidence(d.get("evidence", []))
        attrs = {"relation": d["relation"], "label": d.get("label") or d["relation"], "weight": int(d.get("weight", 1)),
                 "evidence_count": len(evidence), "evidence": json.dumps(evidence, ensure_ascii=False)}
        if evidence:
            attrs["first_sentence"] = evidence[0]["sentence"]
        docs = d.get("issues") or sorted({e["doc"] for e in evidence})
        attrs["issues"] = _joined(docs)
        for name in ("title", "round", "amount", "lead"):
            if d.get(name) is not None:
                attrs[name] = d[name] if isinstance(d[name], bool) else str(d[name])
        if edge_ids:
            attrs["id"] = key
        H.add_edge(u, v, key=key, **attrs)
    return H


def _rgb(color: str) -> dict[str, int]:
    color = color.lstrip("#")
    return {"r": int(color[0:2], 16), "g": int(color[2:4], 16), "b": int(color[4:6], 16)}


def write_graphml(graph: KnowledgeGraph, out: BinaryIO) -> None:
    nx.write_graphml(scalar_graph(entity_graph(graph)), out, encoding="utf-8")


def write_gexf(graph: KnowledgeGraph, out: BinaryIO) -> None:
    nx.write_gexf(scalar_graph(entity_graph(graph), colors=True, edge_ids=True), out, encoding="utf-8")


# -- Neo4j -------------------------------------------------------------------------------------


def relationship_type(relation: str) -> str:
    """``holdsPosition`` → ``HOLDS_POSITION``, as Neo4j names relationship types."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", relation).upper()


def _array(values) -> str:
    return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ARRAY_DELIMITER_STANDIN) for v in values)


def _write_csv(path: Path, header: list[str], rows: list[list]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])


#: Relationship columns beyond the ids and type: (header, attribute); qualifiers only where a relation has them.
_REL_COLUMNS = [("statement", "key"), ("label", "label"), ("evidence_count:int", "evidence_count"),
                ("first_sentence", "first_sentence"), ("evidence", "evidence"), ("issues:string[]", "issues"),
                ("first_reported:date", "first_reported"), ("last_reported:date", "last_reported")]
_WITHIN_COLUMNS = [("label", "label"), ("issues:string[]", "issues")]
_QUALIFIERS = [("title", "title"), ("round", "round"), ("amount", "amount"), ("lead:boolean", "lead")]


def write_neo4j(graph: KnowledgeGraph, folder: Path) -> None:
    """Node and relationship CSV files for ``neo4j-admin database import``, and a README.

    Entities are ``:Entity`` nodes with their type as a second label, issues are
    ``:Issue`` nodes; relationships are one file per type (``HOLDS_POSITION``, …,
    ``WITHIN``) plus ``MENTIONED_IN`` (entity → issue, with the mention count).
    Every node's id is its IRI (one id space)."""
    G = entity_graph(graph)
    files: dict[str, list[str]] = {"nodes": [], "relationships": []}
    by_type: dict[str, list] = defaultdict(list)
    for n, d in G.nodes(data=True):
        by_type[d["type"]].append([n, d["label"], _array(d.get("aliases", ())), d.get("code"), int(d.get("mentions", 0)),
                                   _array(d.get("issues", ())), len(d.get("issues", ())), d.get("first_seen"),
                                   f"Entity{ARRAY_DELIMITER}{d['type']}"])
    for type_, rows in sorted(by_type.items()):
        name = f"nodes_{type_}.csv"
        _write_csv(folder / name, ["iri:ID", "name", "aliases:string[]", "code", "mentions:int", "issues:string[]",
                                   "issue_count:int", "first_seen:date", ":LABEL"], sorted(rows))
        files["nodes"].append(name)
    issues = graph.manifest.get("issues", {})
    _write_csv(folder / "nodes_Issue.csv",
               ["iri:ID", "id", "title", "issue_label", "date:date", "sentences:int", "mentions:int", ":LABEL"],
               [[vocab.issue_iri(i), i, m.get("title"), m.get("label"), m.get("date"), m.get("sentences"),
                 m.get("mentions"), "Issue"] for i, m in sorted(issues.items())])
    files["nodes"].append("nodes_Issue.csv")

    by_relation: dict[str, list[dict]] = defaultdict(list)
    for u, v, key, d in G.edges(keys=True, data=True):
        evidence = _evidence(d.get("evidence", []))
        dates = sorted(e["date"] for e in evidence if e.get("date"))
        by_relation[d["relation"]].append({
            **d, "u": u, "v": v, "key": key, "evidence_count": len(evidence),
            "first_sentence": evidence[0]["sentence"] if evidence else None,
            "evidence": json.dumps(evidence, ensure_ascii=False) if evidence else None,
            "issues": _array(d.get("issues") or sorted({e["doc"] for e in evidence})),
            "first_reported": dates[0] if dates else None, "last_reported": dates[-1] if dates else None})
    for relation, edges in sorted(by_relation.items()):
        rel_type = relationship_type(relation)
        qualifiers = [(h, a) for h, a in _QUALIFIERS if any(e.get(a) is not None for e in edges)]
        # the region hierarchy comes from the division data: no statement, no evidence
        columns = _WITHIN_COLUMNS if relation == "within" else _REL_COLUMNS + qualifiers
        rows = [[e["u"], e["v"], rel_type, *[_neo4j_value(e.get(a)) for _, a in columns]] for e in edges]
        name = f"rels_{rel_type}.csv"
        _write_csv(folder / name, [":START_ID", ":END_ID", ":TYPE", *[h for h, _ in columns]], sorted(rows))
        files["relationships"].append(name)

    known = {vocab.issue_graph_iri(i): vocab.issue_iri(i) for i in issues}
    mentioned = [[row["e"], known[row["g"]], "MENTIONED_IN", int(row["n"])]
                 for row in graph.select(_MENTIONS) if row["g"] in known and row["e"] in G]
    _write_csv(folder / "rels_MENTIONED_IN.csv", [":START_ID", ":END_ID", ":TYPE", "count:int"], sorted(mentioned))
    files["relationships"].append("rels_MENTIONED_IN.csv")
    (folder / NEO4J_README).write_text(neo4j_readme(files), encoding="utf-8")


def _neo4j_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def neo4j_readme(files: dict[str, list[str]]) -> str:
    nodes = " \\\n  ".join(f"--nodes={name}" for name in files["nodes"])
    rels = " \\\n  ".join(f"--relationships={name}" for name in files["relationships"])
    return f"""kg export for Neo4j: node and relationship CSV files for neo4j-admin's bulk importer.

Import into a new database (Neo4j 5; the database must be stopped, and the
command run in this folder, or with the file names given as full paths):

neo4j-admin database import full neo4j \\
  {nodes} \\
  {rels} \\
  --array-delimiter=";" --multiline-fields=true --overwrite-destination

(Neo4j 4.4: neo4j-admin import --database=neo4j with the same --nodes and
--relationships options.)

What is in it:
- :Entity nodes, with their type as a second label (:Organization, :Person,
  :Region, :Policy, :Report): iri (the id), name, aliases, code (a region's
  administrative division code or ISO 3166 country code), mentions, issues,
  issue_count, first_seen.
- :Issue nodes: iri, id, title, issue_label, date, sentences, mentions.
- One relationship file per type: HOLDS_POSITION, ISSUED, INVESTED_IN, FOUNDED,
  PARTNER_OF, SUBSIDIARY_OF, LOCATED_IN (stated relations: statement IRI, label,
  evidence_count, first_sentence, evidence as JSON text [{{"doc", "date",
  "sentence"}}], issues, first_reported, last_reported; title, round, amount,
  lead where the relation has them) and WITHIN (the region hierarchy).
- MENTIONED_IN: entity -> issue, with the number of mentions (count).

Arrays are split on ";" (an element holding ";" has "；" instead). Empty fields
are absent properties. Every node id is an IRI of the RDF graph, so the two can
be joined.

Then, for example:
  MATCH (p:Person)-[r:HOLDS_POSITION]->(o:Organization) RETURN p.name, r.title, o.name LIMIT 25;
"""


__all__ = ["entity_graph", "relationship_type", "scalar_graph", "write_gexf", "write_graphml", "write_neo4j"]
