"""Summary figures of a graph: what ``kg stats`` prints."""
from __future__ import annotations

from .graph import KnowledgeGraph

TYPE_COUNTS = """
SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE {
  ?m kg:mentionOf ?e . ?e a ?class .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
} GROUP BY ?type ORDER BY DESC(?n)"""

TOP_ENTITIES = """
SELECT ?e ?type (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?m) AS ?mentions)
       (COUNT(DISTINCT ?issue) AS ?issues) WHERE {
  ?m kg:mentionOf ?e ; kg:inIssue ?issue . ?e a ?class ; rdfs:label ?l .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
} GROUP BY ?e ?type ORDER BY DESC(?issues) DESC(?mentions) ?label LIMIT %d"""


def summary(graph: KnowledgeGraph, top: int = 10) -> dict:
    types = {row["type"]: int(row["n"]) for row in graph.select(TYPE_COUNTS)}
    tops = [{"id": r["e"], "label": r["label"], "type": r["type"], "mentions": int(r["mentions"]),
             "issues": int(r["issues"])} for r in graph.select(TOP_ENTITIES % top)]
    issues = [dict(id=k, **v) for k, v in sorted(graph.manifest.get("issues", {}).items())]
    return {"triples": len(graph), "types": types, "top_entities": tops, "issues": issues}


ENTITIES = """
SELECT ?e ?type ?label ?surface ?doc (COUNT(DISTINCT ?m) AS ?n) WHERE {
  ?m kg:mentionOf ?e ; kg:surface ?surface ; kg:inIssue/dcterms:identifier ?doc .
  ?e a ?class ; rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(kg:)))
  BIND(STRAFTER(STR(?class), STR(kg:)) AS ?type)
} GROUP BY ?e ?type ?label ?surface ?doc"""


def entities(graph: KnowledgeGraph, type_: str | None = None, search: str | None = None) -> list[dict]:
    """Entities with their aliases, mention counts and issues, most mentioned first."""
    found: dict[str, dict] = {}
    for row in graph.select(ENTITIES):
        if type_ and row["type"] != type_:
            continue
        e = found.setdefault(row["e"], {"id": row["e"], "type": row["type"], "labels": {},
                                        "aliases": set(), "mentions": 0, "issues": set()})
        e["labels"][row["label"]] = e["labels"].get(row["label"], 0) + 1
        e["aliases"].add(row["surface"])
        e["mentions"] += int(row["n"])
        e["issues"].add(row["doc"])
    out = []
    for e in found.values():
        label = max(e.pop("labels").items(), key=lambda kv: (kv[1], len(kv[0])))[0]
        record = {"id": e["id"], "type": e["type"], "label": label,
                  "aliases": sorted(e["aliases"] - {label}), "mentions": e["mentions"],
                  "issues": sorted(e["issues"])}
        if search and not any(search in name for name in (label, *record["aliases"])):
            continue
        out.append(record)
    return sorted(out, key=lambda r: (-len(r["issues"]), -r["mentions"], r["label"]))
