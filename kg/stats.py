"""Summary figures of a graph: what ``kg stats`` prints."""
from __future__ import annotations

from collections import Counter

from . import analytics as ka
from .store import KnowledgeGraph
from .vocab import preferred_label

CO_MENTION_PAIRS = """
SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { GRAPH ?g { ?a kg:coMentionedWith ?b } } }"""


def summary(graph: KnowledgeGraph, top: int = 10, communities: int = 10, members: int = 8,
            co_mentions: bool = False, by: str = "month") -> dict:
    """Everything ``kg stats`` prints (``--format json`` gives all of it).

    - ``types``: entities per type; ``relations``: per stated relation, the links
      (``edges``) and evidence sentences; ``co_mention_pairs``;
    - ``top_entities``: by number of issues, then mentions (``top_by_issues`` too);
      ``top_pagerank``: by PageRank over stated relations (see :mod:`kg.analytics`);
    - ``communities``: Louvain communities of linked entities, largest first, each
      with its size and its most important ``members``;
    - ``timeline``: issues over time (per ``by``: month, year or issue), with the
      entities named for the first time; ``issues``: every issue read.

    ``co_mentions`` adds co-mention links to PageRank and the communities.
    """
    issues = [dict(id=k, **v) for k, v in sorted(graph.manifest.get("issues", {}).items())]
    G = ka.to_networkx(graph, co_mentions=co_mentions)
    types = dict(Counter(d["type"] for _, d in G.nodes(data=True)).most_common())
    tops = [{"id": n, "label": d["label"], "type": d["type"], "mentions": d["mentions"], "issues": len(d["issues"])}
            for n, d in sorted(G.nodes(data=True), key=lambda nd: (-len(nd[1]["issues"]), -nd[1]["mentions"],
                                                                   nd[1]["label"]))[:top]]
    relations: dict[str, dict] = {}
    for *_, d in G.edges(data=True):
        if d["relation"] == ka.CO_MENTION:
            continue
        r = relations.setdefault(d["relation"], {"label": d["label"], "edges": 0, "evidence": 0})
        r["edges"] += 1
        r["evidence"] += len(d["evidence"])
    relations = {k: relations[k] for k in ka.RELATIONS if k in relations}
    pairs = next(iter(graph.select(CO_MENTION_PAIRS)), {"n": 0})["n"]

    ranks = ka.pagerank(G, co_mentions=co_mentions)
    H = ka.simple_graph(G, co_mentions=co_mentions)

    def entity(n, **extra) -> dict:
        d = G.nodes[n]
        return {"id": n, "label": d["label"], "type": d["type"], "mentions": d["mentions"],
                "issues": len(d["issues"]), **extra}

    top_pr = [entity(n, pagerank=round(ranks[n], 6), degree=H.degree(n))
              for n in ka.importance(G, ranks)[:top] if H.degree(n)]
    groups = ka.communities(G, co_mentions=co_mentions)
    linked = sum(len(c) for c in groups)
    found = [{"size": len(c), "types": dict(Counter(G.nodes[n]["type"] for n in c).most_common()),
              "members": [entity(n, pagerank=round(ranks[n], 6)) for n in c[:members]]}
             for c in groups[:communities]]
    return {"triples": len(graph), "types": types, "entities": G.number_of_nodes(),
            "relations": relations, "co_mention_pairs": int(pairs),
            "top_entities": tops, "top_by_issues": tops, "top_pagerank": top_pr,
            "communities": {"method": "louvain", "seed": ka.SEED,
                            "links": "stated relations" + (" and co-mentions" if co_mentions else ""),
                            "count": len(groups), "linked_entities": linked,
                            "unlinked_entities": G.number_of_nodes() - linked, "largest": found},
            "timeline": ka.timeline(G, by=by), "issues": issues}


#: Read issue graph by issue graph: an entity is described in every issue naming it,
#: and joining across graphs would multiply its rows by the issues.
ENTITIES = """
SELECT ?e ?type ?label ?surface ?doc (COUNT(DISTINCT ?m) AS ?n) WHERE {
  GRAPH ?g { ?m kg:mentionOf ?e ; kg:surface ?surface ; kg:inIssue ?i . ?i dcterms:identifier ?doc .
             ?e a ?class ; rdfs:label ?label }
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
        label = preferred_label(e.pop("labels"))
        record = {"id": e["id"], "type": e["type"], "label": label,
                  "aliases": sorted(e["aliases"] - {label}), "mentions": e["mentions"],
                  "issues": sorted(e["issues"])}
        if search and not any(search in name for name in (label, *record["aliases"])):
            continue
        out.append(record)
    return sorted(out, key=lambda r: (-len(r["issues"]), -r["mentions"], r["label"]))
