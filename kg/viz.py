"""``kg viz``: the graph as an interactive network in one self-contained HTML file.

The page opens by double-click and works offline: vis-network (the library pyvis
wraps, read from the files the pyvis package ships) and every script and style
are inlined; nothing is loaded from the network. What it shows comes from
:mod:`kg.analytics`: entities sized by PageRank over the stated relations, the
relations labelled and styled per type, co-mention links behind a toggle.

Text from the documents only ever reaches the page as JSON data, embedded so that
it cannot close its ``<script>``, and the page's script puts it into the DOM with
``textContent``: a name or sentence containing ``<script>`` shows as that text.

Large graphs stay usable: positions are seeded from a networkx layout, the physics
runs for a short, bounded stabilization and is then switched off, and above
``max_nodes`` only the most important entities are kept (the page says how many
were left out).
"""
from __future__ import annotations

import datetime as dt
import html
import json
import math
import random
import re
import secrets
from collections import defaultdict, deque
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from . import analytics as ka
from . import resources
from .version import __version__
from .vocab import RELATION_STYLE, TYPE_STYLE

DEFAULT_MAX_NODES = 600
#: Co-mention links kept, per node shown (the strongest first).
CO_MENTIONS_PER_NODE = 4
#: Nodes laid out by a full networkx spring layout; the rest are placed next to them.
LAYOUT_CORE = 300
SEED = 7
#: Pixels between neighbouring nodes in the seeded layout.
SPACING = 90.0

_RESOURCE_ATTR = re.compile(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:url\(\s*["']?\s*(?:https?:)?//|@import\s+["']?(?:url\()?\s*["']?\s*(?:https?:)?//)""", re.IGNORECASE)


def vis_files() -> tuple[str, str]:
    """vis-network's script and style sheet, as shipped inside the pyvis package."""
    import pyvis

    lib = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
    versions = sorted((p for p in lib.glob("vis-9*") if (p / "vis-network.min.js").is_file()),
                      key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.name)))
    if not versions:
        raise FileNotFoundError(f"vis-network not found in {lib}: reinstall pyvis")
    js = (versions[-1] / "vis-network.min.js").read_text(encoding="utf-8")
    css = (versions[-1] / "vis-network.css").read_text(encoding="utf-8")
    # No source map to look for; the style sheet's images are only for the navigation and
    # editing buttons, which the page does not use (they are 200 KB of base64).
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    css = re.sub(r"""background-image:\s*url\(["']?data:[^)]*\)\s*;?""", "", css)
    return js, css


def script_json(data) -> str:
    """JSON that is safe inside ``<script type="application/json">``: it cannot end the
    element (``</script>``), open a comment (``<!--``) or break a line in old parsers."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def remote_references(page: str) -> list[str]:
    """Places where a page would load something over the network (``<script src>``,
    ``<link href>``, ``url()``, ``@import`` with an http(s) or protocol-relative
    address). Addresses merely written in text or comments are not loads."""
    return [m.group(0) for m in _RESOURCE_ATTR.finditer(page)] + [m.group(0) for m in _CSS_URL.finditer(page)]


# -- layout -----------------------------------------------------------------------------------

def seed_positions(H: nx.Graph, order: list, *, core: int = LAYOUT_CORE, seed: int = SEED,
                   spacing: float = SPACING) -> dict:
    """Starting positions (pixels) for every node of the undirected graph ``H``.

    Each connected component gets a networkx spring layout; in a component larger
    than ``core`` only its ``core`` most important nodes (by ``order``) do, and the
    others are put beside an already placed neighbour, breadth first (a full spring
    layout of thousands of nodes takes many seconds; the browser's physics then
    settles them). Components are packed in rows, the largest first.
    """
    rng = random.Random(seed)
    rank = {n: k for k, n in enumerate(order)}
    components = sorted(nx.connected_components(H), key=lambda c: (-len(c), min(rank.get(n, 0) for n in c)))
    boxes = []
    for comp in components:
        n = len(comp)
        if n == 1:
            boxes.append(({next(iter(comp)): (0.0, 0.0)}, 1))
            continue
        sub = _ordered_subgraph(H, comp, rank)
        inner = sorted(comp, key=lambda x: rank.get(x, 0))[:core]
        pos = {k: tuple(v) for k, v in nx.spring_layout(sub.subgraph(inner), seed=seed, weight="weight",
                                                        iterations=60 if n > 100 else 100).items()}
        if len(inner) < n:
            step = 1.2 / math.sqrt(len(inner))
            queue = deque(inner)
            while queue:
                u = queue.popleft()
                for v in sub[u]:
                    if v in pos:
                        continue
                    angle = rng.uniform(0, 2 * math.pi)
                    radius = step * rng.uniform(0.5, 1.0)
                    pos[v] = (pos[u][0] + radius * math.cos(angle), pos[u][1] + radius * math.sin(angle))
                    queue.append(v)
        boxes.append((pos, n))

    out: dict = {}
    # shelf packing: components side by side in rows about as wide as the whole is tall
    placed = []
    for pos, n in boxes:
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
        scale = spacing * math.sqrt(n) * 1.1 / span if n > 1 else 0
        local = {k: ((x - min(xs)) * scale, (y - min(ys)) * scale) for k, (x, y) in pos.items()}
        w = (max(xs) - min(xs)) * scale + spacing
        h = (max(ys) - min(ys)) * scale + spacing
        placed.append((local, w, h))
    total = sum(w * h for _, w, h in placed)
    width = max(max((w for _, w, _ in placed), default=0), math.sqrt(total) * 1.25)
    x = y = row = 0.0
    for local, w, h in placed:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for k, (px, py) in local.items():
            out[k] = (x + px, y + py)
        x += w
        row = max(row, h)
    if out:
        cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
        cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
        out = {k: (round(px - cx, 1), round(py - cy, 1)) for k, (px, py) in out.items()}
    return out


def _ordered_subgraph(H: nx.Graph, nodes: set, rank: dict) -> nx.Graph:
    """``H.subgraph(nodes)`` with nodes and edges in rank order: a subgraph view of a
    few nodes iterates them in set order, which changes from run to run (string
    hashing), and so would the layout."""
    key = lambda x: (rank.get(x, 0), str(x))  # noqa: E731
    sub = nx.Graph()
    sub.add_nodes_from(sorted(nodes, key=key))
    view = H.subgraph(nodes)
    sub.add_edges_from(sorted(((u, v, d) if key(u) <= key(v) else (v, u, d) for u, v, d in view.edges(data=True)),
                              key=lambda e: (key(e[0]), key(e[1]))))
    return sub


# -- the view ---------------------------------------------------------------------------------

def _filter_nodes(G: nx.Graph, types, min_mentions) -> nx.Graph:
    keep = [n for n, d in G.nodes(data=True)
            if (not types or d.get("type") in types) and d.get("mentions", 0) >= (min_mentions or 0)]
    return G if len(keep) == G.number_of_nodes() else G.subgraph(keep).copy()


def view(graph, *, focus: str | None = None, hops: int = 2, types: Iterable[str] | None = None,
         since=None, until=None, issues: Iterable[str] | None = None, min_mentions: int = 1,
         max_nodes: int = DEFAULT_MAX_NODES, co_mentions: bool = True) -> dict:
    """Everything the page shows, as JSON-ready data (``render`` writes it out).

    ``graph`` is a :class:`KnowledgeGraph`, a graph folder, or a graph made by
    :func:`kg.analytics.to_networkx` (then ``issues``/``since``/``until`` must be
    applied when making it).
    """
    types = [t.strip() for t in types if t.strip()] if types else None
    if isinstance(graph, nx.Graph):
        if issues or since or until:
            raise ValueError("filter a networkx graph by issue when making it (kg.analytics.to_networkx)")
        G = _filter_nodes(graph, set(types) if types else None, min_mentions)
    else:
        G = ka.to_networkx(graph, co_mentions=co_mentions, types=types, issues=issues, since=since,
                           until=until, min_mentions=min_mentions)
    total_nodes = G.number_of_nodes()
    notes = []

    distance = None
    if focus:
        center = ka.find_entity(G, focus)
        reach = nx.single_source_shortest_path_length(ka.simple_graph(G), center, cutoff=hops)
        if len(reach) == 1 and co_mentions:
            reach = nx.single_source_shortest_path_length(ka.simple_graph(G, co_mentions=True), center,
                                                          cutoff=1)
            notes.append(f"{G.nodes[center]['label']} has no stated relation in this view: "
                         "showing the entities named with it instead")
        G = G.subgraph(reach).copy()
        distance = reach
        total_nodes = G.number_of_nodes()

    ranks = ka.pagerank(G)
    order = ka.importance(G, ranks)
    if distance is not None:
        order.sort(key=lambda n: distance[n])  # stable: nearest first, then by importance
    left_out = max(0, len(order) - max_nodes)
    if left_out:
        order = order[:max_nodes]
        G = G.subgraph(order).copy()
        ranks = ka.pagerank(G)  # importance within what is shown

    relation_edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if d["relation"] != ka.CO_MENTION]
    co_edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if d["relation"] == ka.CO_MENTION]
    co_total = len(co_edges)
    rank_pos = {n: k for k, n in enumerate(order)}
    co_edges.sort(key=lambda e: (-e[3].get("count", 1), rank_pos[e[0]] + rank_pos[e[1]]))
    co_edges = co_edges[:CO_MENTIONS_PER_NODE * G.number_of_nodes()]

    H = ka.simple_graph(G)
    for u, v, _, d in co_edges:  # co-mentions pull named-together entities near each other, weakly
        if not H.has_edge(u, v):
            H.add_edge(u, v, weight=0.05 * d.get("count", 1))
    positions = seed_positions(H, order)

    issue_ids = sorted(G.graph.get("issues", {}),
                       key=lambda i: (G.graph["issues"][i].get("date") or "9999", i))
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
    top = max(ranks.values(), default=1) or 1
    nodes = []
    for n in order:
        d = G.nodes[n]
        weight = math.sqrt(ranks.get(n, 0) / top)
        x, y = positions.get(n, (0.0, 0.0))
        nodes.append({"id": node_index[n], "iri": n, "label": d.get("label", n), "type": d.get("type"),
                      "aliases": d.get("aliases", []), "mentions": d.get("mentions", 0),
                      "issues": [issue_index[i] for i in d.get("issues", ()) if i in issue_index],
                      "pr": round(ranks.get(n, 0), 5), "size": round(8 + 24 * weight, 1), "x": x, "y": y})
    edges = []
    parallel: dict = defaultdict(int)
    for u, v, _, d in relation_edges + co_edges:
        pair = tuple(sorted((node_index[u], node_index[v])))
        edge = {"from": node_index[u], "to": node_index[v], "rel": d["relation"],
                "ev": [sentence(ev) for ev in d.get("evidence", ())]}
        if d["relation"] != ka.CO_MENTION:
            edge["n"] = parallel[pair]
            parallel[pair] += 1
        else:
            edge["iss"] = [issue_index[i] for i in d.get("issues", ()) if i in issue_index]
        for attr in ("title", "round", "amount", "count"):
            if d.get(attr) is not None:
                edge[attr] = d[attr]
        if d.get("lead") is not None:
            edge["lead"] = d["lead"]
        edges.append(edge)

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
            "notes": notes,
        },
        "types": {t: {**s, "name": t} for t, s in TYPE_STYLE.items()},
        "relations": {r: {**{k: v for k, v in s.items() if k != "label"}, "name": r, "label": s["label"]}
                      for r, s in RELATION_STYLE.items()},
        "issues": [{"id": i, **{k: G.graph["issues"][i].get(k) for k in ("date", "title", "label")}}
                   for i in issue_ids],
        "sentences": sentences,
        "nodes": nodes,
        "edges": edges,
    }


def page(data: dict, title: str = "kg network") -> str:
    """The HTML document for :func:`view`'s data: one file, no external resource."""
    js, css = vis_files()
    # The scripts carry a fresh nonce and the page's Content-Security-Policy allows only them:
    # a script or event handler that got into the page some other way would not run.
    parts = {"NONCE": secrets.token_urlsafe(16), "TITLE": html.escape(title), "VIS_CSS": css, "APP_CSS": resources.text("kg.static", "viz.css"),
             "DATA": script_json(data), "VIS_JS": js, "APP_JS": resources.text("kg.static", "viz.js")}
    # one pass over the template: inserted text is never searched for placeholders again
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], resources.text("kg.static", "viz.html"))


def render(graph, out_path: str | Path, *, focus: str | None = None, hops: int = 2,
           types: Iterable[str] | None = None, since=None, until=None, issues: Iterable[str] | None = None,
           min_mentions: int = 1, max_nodes: int = DEFAULT_MAX_NODES, co_mentions: bool = True,
           title: str | None = None) -> dict:
    """Write the network page to ``out_path``; return what it shows.

    The figures returned: ``nodes``, ``edges`` (stated relations), ``co_mentions``
    (links on the page, hidden until toggled), ``total_nodes`` (before the cap),
    ``left_out``, ``bytes`` and ``path``.
    """
    data = view(graph, focus=focus, hops=hops, types=types, since=since, until=until, issues=issues,
                min_mentions=min_mentions, max_nodes=max_nodes, co_mentions=co_mentions)
    if title is None:
        source = getattr(graph, "path", None) or (graph if isinstance(graph, (str, Path)) else "graph")
        title = f"kg · {Path(str(source)).name}" + (f" · {data['meta']['focus']}" if focus else "")
    data["meta"]["title"] = title
    text = page(data, title)
    out_path = Path(out_path)
    tmp = out_path.with_name(f".{out_path.name}.part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out_path)
    co = sum(1 for e in data["edges"] if e["rel"] == ka.CO_MENTION)
    return {"path": str(out_path), "bytes": out_path.stat().st_size, "nodes": len(data["nodes"]),
            "edges": len(data["edges"]) - co, "co_mentions": co, "total_nodes": data["meta"]["total_nodes"],
            "left_out": data["meta"]["left_out"], "co_mentions_left_out": data["meta"]["co_mentions_left_out"]}
