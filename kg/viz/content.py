"""What the network page shows, as JSON-ready data: entities, relations, communities,
the issue dates of the time slider, and the evidence sentences.

It comes from :mod:`kg.analytics`: entities sized by PageRank over the stated
relations, grouped by the Louvain communities ``kg stats`` reports, relations
labelled and styled per type, co-mention links behind a toggle. Every entity and
link carries the step of the time slider from which it is known (``t``: the index
of the first issue date that reports it; undated issues come after every date).
Entities with no stated relation are flagged (``u``): the page lists them at the
side instead of drawing them.
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from .. import analytics as ka
from ..version import __version__
from ..vocab import COMMUNITY_COLORS, OTHER_COMMUNITY_COLOR, RELATION_STYLE, TYPE_STYLE, TYPES
from .layout import community_layout, rows_below

DEFAULT_MAX_NODES = 600
#: Co-mention links kept, per node shown (the strongest first).
CO_MENTIONS_PER_NODE = 4
#: Entities that name a community in the legend.
COMMUNITY_NAMES = 3


def _filter_nodes(G: nx.Graph, types, min_mentions) -> nx.Graph:
    keep = [n for n, d in G.nodes(data=True)
            if (not types or d.get("type") in types) and d.get("mentions", 0) >= (min_mentions or 0)]
    return G if len(keep) == G.number_of_nodes() else G.subgraph(keep).copy()


def _select(graph, focus, hops, types, since, until, issues, min_mentions, max_nodes, co_mentions):
    """The graph to show, its importance order, PageRank, distances from the focus, notes."""
    if isinstance(graph, nx.Graph):
        if issues or since or until:
            raise ValueError("filter a networkx graph by issue when making it (kg.analytics.to_networkx)")
        G = _filter_nodes(graph, set(types) if types else None, min_mentions)
    else:
        G = ka.to_networkx(graph, co_mentions=co_mentions, types=types, issues=issues, since=since,
                           until=until, min_mentions=min_mentions)
    notes: list[str] = []
    fallback = False
    distance = None
    if focus:
        center = ka.find_entity(G, focus)
        reach = nx.single_source_shortest_path_length(ka.simple_graph(G), center, cutoff=hops)
        if len(reach) == 1 and co_mentions:
            reach = nx.single_source_shortest_path_length(ka.simple_graph(G, co_mentions=True), center,
                                                          cutoff=1)
            notes.append(f"{G.nodes[center]['label']} has no stated relation in this view: "
                         "showing the entities named with it instead")
            fallback = len(reach) > 1
        G = G.subgraph(reach).copy()
        distance = reach
    total = G.number_of_nodes()
    ranks = ka.pagerank(G)
    order = ka.importance(G, ranks)
    if distance is not None:
        order.sort(key=lambda n: distance[n])  # stable: nearest first, then by importance
    left_out = max(0, len(order) - max_nodes)
    if left_out:
        order = order[:max_nodes]
        G = G.subgraph(order).copy()
        ranks = ka.pagerank(G)  # importance within what is shown
    return G, order, ranks, total, left_out, notes, fallback


def _timeline(G: nx.Graph):
    """Issue ids in date order, the slider's dates, and each issue's step on it."""
    known = G.graph.get("issues", {})
    ids = sorted(known, key=lambda i: (known[i].get("date") or "9999", i))
    dates = sorted({known[i]["date"] for i in ids if known[i].get("date")})
    step_of_date = {d: k for k, d in enumerate(dates)}
    step = {i: step_of_date.get(known[i].get("date"), len(dates)) for i in ids}
    return ids, dates, step


def view(graph, *, focus: str | None = None, hops: int = 2, types: Iterable[str] | None = None,
         since=None, until=None, issues: Iterable[str] | None = None, min_mentions: int = 1,
         max_nodes: int = DEFAULT_MAX_NODES, co_mentions: bool = True) -> dict:
    """Everything the page shows, as JSON-ready data (``render`` writes it out).

    ``graph`` is a :class:`KnowledgeGraph`, a graph folder, or a graph made by
    :func:`kg.analytics.to_networkx` (then ``issues``/``since``/``until`` must be
    applied when making it).
    """
    types = [t.strip() for t in types if t.strip()] if types else None
    G, order, ranks, total_nodes, left_out, notes, fallback = _select(
        graph, focus, hops, types, since, until, issues, min_mentions, max_nodes, co_mentions)

    relation_edges = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] != ka.CO_MENTION]
    co_edges = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] == ka.CO_MENTION]
    co_total = len(co_edges)
    rank_pos = {n: k for k, n in enumerate(order)}
    co_edges.sort(key=lambda e: (-e[2].get("count", 1), rank_pos[e[0]] + rank_pos[e[1]]))
    co_edges = co_edges[:CO_MENTIONS_PER_NODE * G.number_of_nodes()]

    # communities over the stated relations, as `kg stats` finds them; the rest are unconnected
    H = ka.simple_graph(G)
    if fallback:  # a focus with no stated relation: its co-mentions are what links the view
        H = ka.simple_graph(G, co_mentions=True)
    groups = ka.communities(G, co_mentions=fallback)
    linked = {n for g in groups for n in g}
    unlinked = [n for n in order if n not in linked]
    positions = community_layout(H, order, groups)
    type_rank = {t: k for k, t in enumerate(TYPES)}
    unlinked.sort(key=lambda n: (type_rank.get(G.nodes[n].get("type"), 99), -G.nodes[n].get("mentions", 0), rank_pos[n]))
    positions.update(rows_below(unlinked, positions, key=lambda n: G.nodes[n].get("type")))
    community_of = {n: c for c, g in enumerate(groups) for n in g}

    issue_ids, dates, step = _timeline(G)
    issue_index = {i: k for k, i in enumerate(issue_ids)}
    sentences: list = []
    sentence_index: dict = {}

    def sentence(ev) -> int:
        key = (ev["doc"], ev.get("sentence_id") or ev["sentence"])
        if key not in sentence_index:
            sentence_index[key] = len(sentences)
            sentences.append([issue_index.get(ev["doc"], -1), ev["sentence"]])
        return sentence_index[key]

    node_index = {n: k for k, n in enumerate(order)}
    never = len(dates) + 1  # past the last step: in no issue kept
    first = {n: min((step[i] for i in G.nodes[n].get("issues", ()) if i in step), default=never) for n in order}
    top = max(ranks.values(), default=1) or 1
    nodes = []
    for n in order:
        d = G.nodes[n]
        weight = math.sqrt(ranks.get(n, 0) / top)
        x, y = positions.get(n, (0.0, 0.0))
        node = {"id": node_index[n], "iri": n, "label": d.get("label", n), "type": d.get("type"),
                "aliases": d.get("aliases", []), "mentions": d.get("mentions", 0),
                "issues": [issue_index[i] for i in d.get("issues", ()) if i in issue_index],
                "pr": round(ranks.get(n, 0), 5), "size": round(8 + 24 * weight, 1), "x": x, "y": y,
                "c": community_of.get(n, -1), "t": first[n]}
        if n not in linked:
            node["u"] = 1
        nodes.append(node)

    edges = []
    parallel: dict = defaultdict(int)
    for u, v, d in relation_edges + co_edges:
        pair = tuple(sorted((node_index[u], node_index[v])))
        evidence = [sentence(ev) for ev in d.get("evidence", ())]
        reported = sorted((i for i in {ev["doc"] for ev in d.get("evidence", ())} | set(d.get("issues", ()))
                           if i in issue_index), key=lambda i: issue_index[i])
        edge = {"from": node_index[u], "to": node_index[v], "rel": d["relation"], "ev": evidence,
                "iss": [issue_index[i] for i in reported],
                # known once it is reported and both its ends are
                "t": max(min((step[i] for i in reported), default=never), first[u], first[v])}
        if d["relation"] != ka.CO_MENTION:
            edge["n"] = parallel[pair]
            parallel[pair] += 1
        for attr in ("title", "round", "amount", "count"):
            if d.get(attr) is not None:
                edge[attr] = d[attr]
        if d.get("lead") is not None:
            edge["lead"] = d["lead"]
        edges.append(edge)

    communities = []
    for c, g in enumerate(groups):
        communities.append({"id": c, "size": len(g), "names": [G.nodes[n]["label"] for n in g[:COMMUNITY_NAMES]],
                            "color": COMMUNITY_COLORS[c] if c < len(COMMUNITY_COLORS) else OTHER_COMMUNITY_COLOR})

    filters = G.graph.get("filters", {})
    return {
        "meta": {
            "generator": f"kg {__version__}", "generated": dt.datetime.now().isoformat(timespec="seconds"),
            "focus": G.nodes[ka.find_entity(G, focus)]["label"] if focus else None,
            "hops": hops if focus else None, "types": types, "issues": list(issues) if issues else None,
            "since": str(since) if since else filters.get("since"),
            "until": str(until) if until else filters.get("until"),
            "min_mentions": min_mentions, "max_nodes": max_nodes, "total_nodes": total_nodes,
            "left_out": left_out, "co_mentions_total": co_total, "co_mentions_left_out": co_total - len(co_edges),
            "unconnected": len(unlinked), "co_mentions_shown": fallback, "notes": notes,
        },
        "types": {t: {**s, "name": t} for t, s in TYPE_STYLE.items()},
        "relations": {r: {**{k: v for k, v in s.items() if k != "label"}, "name": r, "label": s["label"]}
                      for r, s in RELATION_STYLE.items()},
        "issues": [{"id": i, **{k: G.graph["issues"][i].get(k) for k in ("date", "title", "label")}, "step": step[i]}
                   for i in issue_ids],
        "dates": dates,
        "communities": communities,
        "other_community_color": OTHER_COMMUNITY_COLOR,
        "sentences": sentences,
        "nodes": nodes,
        "edges": edges,
    }
