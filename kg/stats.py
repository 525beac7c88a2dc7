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
