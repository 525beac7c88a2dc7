"""Graph analytics with networkx: who matters and how things connect.

Plain functions, networkx style, for notebooks and for ``kg stats``, ``kg path``
and ``kg viz``::

    import kg
    from kg import analytics as ka

    with kg.open("kg-data") as graph:
        G = ka.to_networkx(graph, co_mentions=True, since="2021-06-01")
    ranks = ka.pagerank(G)                       # over stated relations
    groups = ka.communities(G)                   # Louvain, fixed seed
    hops = ka.shortest_path(G, "工信部", "北京市经济和信息化局")

``to_networkx`` returns a ``nx.MultiDiGraph``: one node per entity (its IRI) with
``label``, ``type``, ``aliases``, ``issues``, ``mentions``; one edge per stated
relation (key: the statement's IRI) with ``relation``, ``label``, ``evidence`` (a
list of ``{"doc", "date", "sentence"}``) and, where stated, ``title`` (post) or
``round``/``amount``/``lead`` (investment). ``kg:within`` links between regions
come from the division data, not from a sentence: their evidence is empty.
Co-mention links (``relation == "coMentionedWith"``, with ``count``, the articles
naming both, and ``issues``; no evidence sentence) are added only when asked for.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import networkx as nx

from . import vocab
from .errors import EntityNotFound
from .facts import local_name, statements
from .store import KnowledgeGraph
from .vocab import CO_MENTION, RELATION_LABELS, RELATIONS, TYPE_LABELS, TYPES

#: Louvain is randomized: a fixed seed gives the same communities on every run.
SEED = 42
#: Weight of a co-mention link (per article) against a stated relation (per sentence).
CO_MENTION_WEIGHT = 0.2


_CLASSES = " ".join(f"kg:{t}" for t in TYPES)
_ENTITIES = f"""
SELECT ?e ?class ?g ?label WHERE {{
  VALUES ?class {{ {_CLASSES} }}
  GRAPH ?g {{ ?e a ?class ; rdfs:label ?label }}
}}"""
_ALIASES = "SELECT DISTINCT ?e ?alias WHERE { GRAPH ?g { ?e skos:altLabel ?alias } }"
_MENTIONS = "SELECT ?e ?g (COUNT(?m) AS ?n) WHERE { GRAPH ?g { ?m kg:mentionOf ?e } } GROUP BY ?e ?g"
_WITHIN = "SELECT DISTINCT ?a ?b ?g WHERE { GRAPH ?g { ?a kg:within ?b } }"
_CO_MENTIONS = "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a kg:coMentionedWith ?b } }"
_ARTICLES = "SELECT DISTINCT ?e ?article WHERE { GRAPH ?g { ?m kg:mentionOf ?e ; kg:inArticle ?article } }"


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def select_issues(graph: KnowledgeGraph, issues: Iterable[str] | None = None,
                  since=None, until=None) -> list[str]:
    """Ids of the issues kept by an explicit list and/or a date range (inclusive).

    An issue without a date is left out as soon as a date bound is given.
    Unknown ids raise :class:`EntityNotFound`.
    """
    known = graph.manifest.get("issues", {})
    chosen = list(known)
    if issues:
        issues = [i for i in issues if i]
        unknown = [i for i in issues if i not in known]
        if unknown:
            raise EntityNotFound(f"no issue {', '.join(unknown)} in {graph.path} "
                                 f"(issues: {', '.join(sorted(known)) or 'none'})")
        chosen = [i for i in chosen if i in set(issues)]
    since, until = _date(since), _date(until)
    if since or until:
        def inside(i):
            d = _date(known[i].get("date"))
            return d is not None and (not since or d >= since) and (not until or d <= until)
        chosen = [i for i in chosen if inside(i)]
    return sorted(chosen)


def to_networkx(graph: KnowledgeGraph | str | Path, relations: bool = True, co_mentions: bool = False, *,
                types: Iterable[str] | None = None, issues: Iterable[str] | None = None,
                since=None, until=None, min_mentions: int = 1,
                within: bool = True) -> nx.MultiDiGraph:
    """The entity graph as a ``nx.MultiDiGraph`` (see the module docs for attributes).

    ``issues``/``since``/``until`` keep only what the chosen issues say: mentions
    are counted in them and an edge keeps only their evidence (and is dropped
    without any). ``min_mentions`` (counted in the chosen issues) drops rarely
    named entities; 0 keeps also regions that are only the parent of a named one.
    ``types`` keeps entities of those types (Organization, Person, Region, Policy,
    Report). ``within=False`` leaves out the region hierarchy.
    """
    if isinstance(graph, (str, Path)):
        from .stores import open_graph

        with open_graph(graph) as opened:
            return to_networkx(opened, relations, co_mentions, types=types, issues=issues, since=since,
                               until=until, min_mentions=min_mentions, within=within)
    manifest = graph.manifest.get("issues", {})
    chosen = select_issues(graph, issues, since, until)
    by_graph = {str(vocab.issue_graph_iri(i)): i for i in chosen}
    types = set(types) if types else None
    if types and types - set(TYPES):
        raise EntityNotFound(f"unknown type {', '.join(sorted(types - set(TYPES)))} "
                             f"(types: {', '.join(TYPES)})")

    G = nx.MultiDiGraph()
    G.graph["issues"] = {i: {"date": manifest[i].get("date"), "title": manifest[i].get("title"),
                             "label": manifest[i].get("label"), "mentions": manifest[i].get("mentions", 0)}
                         for i in chosen}
    G.graph["filters"] = {"types": sorted(types) if types else None, "issues": list(issues) if issues else None,
                          "since": str(since) if since else None, "until": str(until) if until else None,
                          "min_mentions": min_mentions}

    labels: dict[str, Counter] = defaultdict(Counter)
    type_of: dict[str, str] = {}
    seen_in: dict[str, set] = defaultdict(set)
    for row in graph.select(_ENTITIES):
        issue = by_graph.get(row["g"])
        if issue is None:
            continue
        type_of[row["e"]] = local_name(row["class"])
        labels[row["e"]][row["label"]] += 1
        seen_in[row["e"]].add(issue)
    mentions: dict[str, Counter] = defaultdict(Counter)
    for row in graph.select(_MENTIONS):
        issue = by_graph.get(row["g"])
        if issue is not None:
            mentions[row["e"]][issue] += int(row["n"])
    aliases: dict[str, set] = defaultdict(set)
    for row in graph.select(_ALIASES):
        aliases[row["e"]].add(row["alias"])

    for e, type_ in type_of.items():
        if types and type_ not in types:
            continue
        counts = mentions.get(e, Counter())
        total = sum(counts.values())
        if total < min_mentions:
            continue
        label = vocab.preferred_label(labels[e])
        in_issues = sorted(counts) if counts else sorted(seen_in[e])
        dates = [d for d in (_date(G.graph["issues"][i]["date"]) for i in in_issues) if d]
        G.add_node(e, label=label, type=type_, aliases=sorted((aliases[e] | set(labels[e])) - {label}),
                   issues=in_issues, mentions=total,
                   first_seen=min(dates).isoformat() if dates else None)

    def evidence(row) -> dict:
        issue = by_graph[row["g"]]
        return {"doc": issue, "date": G.graph["issues"][issue]["date"], "sentence": row["text"],
                "sentence_id": row["sent"]}

    if relations:
        stated: dict[str, dict] = {}
        for row in statements(graph):
            if row["g"] not in by_graph or row["s"] not in G or row["o"] not in G:
                continue
            st = stated.get(row["st"])
            if st is None:
                relation = row["relation"]
                st = stated[row["st"]] = {"u": row["s"], "v": row["o"], "relation": relation,
                                          "label": RELATION_LABELS.get(relation, relation), "evidence": [],
                                          **row["attributes"]}
            ev = evidence(row)
            if ev not in st["evidence"]:
                st["evidence"].append(ev)
        for key in sorted(stated, key=lambda k: (stated[k]["relation"], k)):
            attrs = stated[key]
            attrs["evidence"].sort(key=lambda ev: (ev["date"] or "9999", ev["doc"], ev["sentence_id"]))
            u, v = attrs.pop("u"), attrs.pop("v")
            G.add_edge(u, v, key=key, weight=len(attrs["evidence"]), **attrs)
        if within:
            hierarchy: dict[tuple, set] = defaultdict(set)
            for row in graph.select(_WITHIN):
                if row["g"] in by_graph and row["a"] in G and row["b"] in G:
                    hierarchy[(row["a"], row["b"])].add(by_graph[row["g"]])
            for (a, b), docs in sorted(hierarchy.items()):
                G.add_edge(a, b, key=f"within:{a}:{b}", relation="within", label=RELATION_LABELS["within"],
                           evidence=[], issues=sorted(docs), weight=1)

    if co_mentions:
        pairs: dict[tuple, dict] = {}
        for row in graph.select(_CO_MENTIONS):
            if row["g"] not in by_graph or row["a"] not in G or row["b"] not in G:
                continue
            pair = pairs.setdefault((row["a"], row["b"]), {"count": 0, "issues": []})
            pair["issues"].append(by_graph[row["g"]])
        articles: dict[str, set] = defaultdict(set)  # an article's IRI names its issue
        for row in graph.select(_ARTICLES):
            if row["e"] in G:
                articles[row["e"]].add(row["article"])
        for (a, b), pair in pairs.items():  # articles of the issues where the pair is a co-mention
            where = {vocab.issue_iri(i) + "/article/" for i in pair["issues"]}
            pair["count"] = sum(1 for art in articles[a] & articles[b] if art[:art.rindex("/") + 1] in where)
        for (a, b), attrs in sorted(pairs.items()):
            G.add_edge(a, b, key=f"co:{a}:{b}", relation=CO_MENTION, label=RELATION_LABELS[CO_MENTION],
                       count=attrs["count"], issues=sorted(attrs["issues"]), evidence=[],
                       weight=CO_MENTION_WEIGHT * attrs["count"])
    return G


def simple_graph(G: nx.Graph, *, co_mentions: bool = False, relations: Iterable[str] | None = None) -> nx.Graph:
    """An undirected ``nx.Graph`` over the same nodes: parallel edges merged, weights added.

    Stated relations only unless ``co_mentions``; ``relations`` restricts them further.
    """
    keep = set(relations) if relations else None
    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    edges = G.edges(data=True) if not G.is_multigraph() else G.edges(keys=False, data=True)
    for u, v, d in edges:
        relation = d.get("relation")
        if relation == CO_MENTION:
            if not co_mentions:
                continue
        elif keep is not None and relation not in keep:
            continue
        if u == v:
            continue
        w = d.get("weight", 1)
        if H.has_edge(u, v):
            H[u][v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def pagerank(G: nx.Graph, *, co_mentions: bool = False, alpha: float = 0.85) -> dict:
    """PageRank of every node over the stated relations, read in both directions.

    Undirected, because "X located in 北京市" and "北京市 has X in it" say the same
    thing; weighted by the number of evidence sentences.
    """
    H = simple_graph(G, co_mentions=co_mentions)
    if H.number_of_nodes() == 0:
        return {}
    if H.number_of_edges() == 0:
        return {n: 1 / H.number_of_nodes() for n in H}
    return nx.pagerank(H, alpha=alpha, weight="weight")


def importance(G: nx.Graph, ranks: dict | None = None) -> list:
    """Nodes, most important first: PageRank, then mentions, then label (a stable order)."""
    ranks = pagerank(G) if ranks is None else ranks
    return sorted(G.nodes, key=lambda n: (-ranks.get(n, 0), -G.nodes[n].get("mentions", 0),
                                          G.nodes[n].get("label", ""), n))


def communities(G: nx.Graph, *, co_mentions: bool = False, resolution: float = 1.0,
                seed: int = SEED) -> list[list]:
    """Louvain communities (``nx.community.louvain_communities``) of the linked entities.

    Entities with no link are left out (each would be a community of one). Each
    community is a list of nodes, most important first; the largest come first.
    """
    H = simple_graph(G, co_mentions=co_mentions)
    H.remove_nodes_from([n for n, d in H.degree if d == 0])
    if H.number_of_nodes() == 0:
        return []
    ranks = pagerank(H)
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    groups = [sorted(c, key=lambda n: (-ranks.get(n, 0), G.nodes[n].get("label", ""), n)) for c in found]
    return sorted(groups, key=lambda c: (-len(c), G.nodes[c[0]].get("label", "")))


def find_entity(G: nx.Graph, name: str) -> str:
    """The node named ``name``: by IRI, label, then alias; the most mentioned wins a tie.

    Raises :class:`EntityNotFound`, with suggestions, when nothing matches.
    """
    name = name.strip()
    if name in G:
        return name
    nodes = G.nodes

    def best(found):
        return max(found, key=lambda n: (nodes[n].get("mentions", 0), G.degree(n), n))

    for match in (lambda n: nodes[n].get("label") == name,
                  lambda n: name in nodes[n].get("aliases", ())):
        found = [n for n in G if match(n)]
        if found:
            return best(found)
    near = sorted((n for n in G if name in nodes[n].get("label", "")
                   or any(name in a for a in nodes[n].get("aliases", ()))),
                  key=lambda n: (-nodes[n].get("mentions", 0), nodes[n].get("label", "")))
    hint = f"; did you mean {', '.join(nodes[n]['label'] for n in near[:5])}?" if near else ""
    raise EntityNotFound(f"no entity named {name!r} in the graph{hint}")


def _best_edge(edges: list[dict]) -> dict:
    """The edge to show for a hop: a stated relation before the hierarchy and co-mentions."""
    rank = {CO_MENTION: 2, "within": 1}
    return min(edges, key=lambda e: (rank.get(e["relation"], 0), -len(e.get("evidence", ())),
                                     e["relation"], e.get("key", "")))


def edges_between(G: nx.Graph, u, v) -> list[dict]:
    """Every edge between ``u`` and ``v``, either way, each with ``source``/``target``."""
    out = []
    for a, b in ((u, v), (v, u)):
        if not G.has_edge(a, b):
            continue
        data = G.get_edge_data(a, b)
        items = data.items() if G.is_multigraph() else [(None, data)]
        for key, d in items:
            out.append({"source": a, "target": b, "key": key, **d})
    return out


def shortest_path(G: nx.Graph, a: str, b: str, *, co_mentions: bool = False,
                  relations: Iterable[str] | None = None, avoid: Iterable[str] = ()) -> list[dict]:
    """The shortest chain of links from entity ``a`` to entity ``b`` (names, aliases or IRIs).

    Stated relations are followed in either direction; co-mentions only if asked.
    ``avoid`` names entities the path may not pass through (hubs such as 北京市).
    Returns one dict per hop: ``source``, ``target`` (node ids), ``source_label``,
    ``target_label``, ``relation``, ``label``, ``forward`` (stated from source to
    target), the qualifier (``title``/``round``) and ``evidence``; ``alternatives``
    lists the other links between the same two entities. ``[]`` if ``a`` is ``b``.
    Raises :class:`EntityNotFound` for an unknown name and ``nx.NetworkXNoPath``
    when they are not connected.
    """
    source, target = find_entity(G, a), find_entity(G, b)
    H = simple_graph(G, co_mentions=co_mentions, relations=relations)
    blocked = {find_entity(G, n) for n in avoid} - {source, target}
    H.remove_nodes_from(blocked)
    nodes = nx.shortest_path(H, source, target)
    hops = []
    for u, v in pairwise(nodes):
        edges = [e for e in edges_between(G, u, v)
                 if (co_mentions or e["relation"] != CO_MENTION)
                 and (not relations or e["relation"] in relations or e["relation"] == CO_MENTION)]
        edge = _best_edge(edges)
        hop = {"source": u, "target": v, "source_label": G.nodes[u]["label"],
               "target_label": G.nodes[v]["label"], "relation": edge["relation"], "label": edge.get("label"),
               "forward": edge["source"] == u,
               **{k: edge[k] for k in ("title", "round", "amount", "count", "issues") if k in edge},
               "evidence": [{k: ev[k] for k in ("doc", "date", "sentence")} for ev in edge.get("evidence", ())],
               "alternatives": [{"relation": e["relation"], "forward": e["source"] == u,
                                 **{k: e[k] for k in ("title", "round") if k in e}}
                                for e in edges if e is not edge]}
        hops.append(hop)
    return hops


def timeline(G: nx.Graph, by: str = "month") -> list[dict]:
    """Issues over time: per period (``month``, ``year`` or ``issue``), the issues read,
    mentions, entities named and entities named for the first time. Undated issues
    come last, as one period ``None``."""
    issues = G.graph.get("issues", {})
    width = {"year": 4, "month": 7, "issue": None}[by]

    def period(i):
        d = issues[i].get("date")
        if by == "issue":
            return i
        return d[:width] if d else None

    order = sorted(issues, key=lambda i: (issues[i].get("date") is None, issues[i].get("date") or "", i))
    named: dict[str, set] = defaultdict(set)
    for n, d in G.nodes(data=True):
        for i in d.get("issues", ()):
            named[i].add(n)
    rows: dict = {}
    seen: set = set()
    for i in order:
        p = period(i)
        row = rows.setdefault(p, {"period": p, "issues": [], "mentions": 0, "entities": set(), "new": set()})
        row["issues"].append(i)
        row["mentions"] += int(issues[i].get("mentions") or 0)
        row["entities"] |= named[i]
        row["new"] |= named[i] - seen
        seen |= named[i]
    return [{"period": r["period"], "issues": r["issues"], "mentions": r["mentions"],
             "entities": len(r["entities"]), "new_entities": len(r["new"])} for r in rows.values()]


__all__ = ["CO_MENTION", "CO_MENTION_WEIGHT", "RELATIONS", "RELATION_LABELS", "SEED", "TYPES", "TYPE_LABELS",
           "EntityNotFound", "communities", "edges_between", "find_entity", "importance", "pagerank", "select_issues",
           "shortest_path", "simple_graph", "timeline", "to_networkx"]
