"""Where the page puts each entity: a seeded layout of communities, then of the
entities inside each, computed here so the browser has nothing left to settle.

Groups read as groups: each community (Louvain, as ``kg stats`` finds them) gets a
disk whose area grows with its size; the disks are laid out by the links between
communities (a spring layout of the community graph), then pushed apart until no
two overlap and pulled together until they pack. Inside a disk the community's
own spring layout places its entities. Entities with no stated relation are not
part of it: they go in rows under the groups, by type, for when the page is asked
to show them.

Everything is seeded and iterated in a fixed order: the same graph gives the same
picture on every run.
"""
from __future__ import annotations

import math
import random
from collections import deque

import networkx as nx
import numpy as np

SEED = 7
#: Pixels between neighbouring entities.
SPACING = 80.0
#: Communities larger than this get a spring layout of their most important members;
#: the others are placed beside an already placed neighbour, then relaxed briefly.
LAYOUT_CORE = 400
#: Communities packed by their links at most (twice that with the ones linked to others).
PACKED = 300


def ordered_subgraph(H: nx.Graph, nodes, rank: dict) -> nx.Graph:
    """``H.subgraph(nodes)`` with nodes and edges in rank order: a subgraph view
    iterates in set order, which changes from run to run (string hashing), and so
    would the layout."""
    key = lambda x: (rank.get(x, 0), str(x))  # noqa: E731
    sub = nx.Graph()
    sub.add_nodes_from(sorted(nodes, key=key))
    view = H.subgraph(nodes)
    sub.add_edges_from(sorted(((u, v, d) if key(u) <= key(v) else (v, u, d) for u, v, d in view.edges(data=True)),
                              key=lambda e: (key(e[0]), key(e[1]))))
    return sub


def _unit_disk(pos: dict) -> dict:
    """Positions centred on their mean and spread evenly over the unit disk.

    Each keeps its angle and its rank by distance from the centre, but the radii are
    redrawn so that the density is even: a spring layout bunches the leaves of a hub
    in a thin ring and throws a few far out, and scaling that to a disk would pile
    most of them on top of each other.
    """
    n = len(pos)
    if n == 1:
        return {k: (0.0, 0.0) for k in pos}
    xy = np.array(list(pos.values()), dtype=float)
    xy -= xy.mean(axis=0)
    radius = np.sqrt((xy ** 2).sum(axis=1))
    angle = np.arctan2(xy[:, 1], xy[:, 0])
    by_distance = np.argsort(radius, kind="stable")
    even = np.empty(n)
    even[by_distance] = np.sqrt((np.arange(n) + 0.5) / n)
    x, y = even * np.cos(angle), even * np.sin(angle)
    return {k: (float(a), float(b)) for k, a, b in zip(pos, x, y)}


def _separate(xy: np.ndarray, min_dist: float, iterations: int = 20) -> np.ndarray:
    """Push apart points closer than ``min_dist`` (a few rounds over every pair)."""
    n = len(xy)
    if n < 2 or n > 1000:  # every pair at once: memory grows with the square
        return xy
    xy = xy.copy()
    upper = np.triu_indices(n, 1)
    for _ in range(iterations):
        d = xy[upper[0]] - xy[upper[1]]
        dist = np.sqrt((d ** 2).sum(axis=1))
        close = dist < min_dist
        if not close.any():
            break
        i, j, d, dist = upper[0][close], upper[1][close], d[close], dist[close]
        unit = d / np.maximum(dist, 1e-9)[:, None]
        same = dist < 1e-9  # on top of each other: apart in a direction fixed by the pair
        unit[same] = np.stack([np.cos(i[same] + 0.5 * j[same]), np.sin(i[same] + 0.5 * j[same])], axis=1)
        push = unit * ((min_dist - dist) / 2)[:, None]
        np.add.at(xy, i, push)
        np.add.at(xy, j, -push)
    return xy


def _local_layout(H: nx.Graph, nodes: list, rank: dict, seed: int) -> dict:
    """One community's entities in the unit disk, the most important nearest the middle."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
    sub = ordered_subgraph(H, nodes, rank)
    if n <= LAYOUT_CORE:
        return _unit_disk(nx.spring_layout(sub, seed=seed, weight="weight", iterations=50 if n > 250 else 80 if n > 100 else 120))
    rng = random.Random(seed)
    core = sorted(nodes, key=lambda x: rank.get(x, 0))[:LAYOUT_CORE]
    pos = {k: tuple(v) for k, v in nx.spring_layout(sub.subgraph(core), seed=seed, weight="weight", iterations=60).items()}
    step = 1.5 / math.sqrt(len(core))
    queue = deque(core)
    while queue:
        u = queue.popleft()
        for v in sub[u]:
            if v not in pos:
                angle = rng.uniform(0, 2 * math.pi)
                radius = step * rng.uniform(0.4, 1.0)
                pos[v] = (pos[u][0] + radius * math.cos(angle), pos[u][1] + radius * math.sin(angle))
                queue.append(v)
    for v in sub:  # not reachable from the core (a community is not always connected)
        if v not in pos:
            pos[v] = (rng.uniform(-1, 1), rng.uniform(-1, 1))
    # a few rounds of the spring layout from there spread the newcomers out
    relaxed = nx.spring_layout(sub, pos={k: list(v) for k, v in pos.items()}, seed=seed, weight="weight", iterations=8)
    return _unit_disk(relaxed)


def disk_radius(n: int, spacing: float = SPACING) -> float:
    """The radius of the disk that holds a community of ``n`` entities."""
    return spacing * (0.4 + 0.62 * math.sqrt(n))


def pack_disks(centres: np.ndarray, radii: np.ndarray, gap: float, iterations: int = 400) -> np.ndarray:
    """Move disks (centres ``k × 2``, ``radii``) until none overlap another, pulling
    them gently towards their common centre so that they pack."""
    P = centres.astype(float).copy()
    k = len(P)
    if k < 2:
        return P - P.mean(axis=0) if k else P
    R = radii.astype(float)
    need = R[:, None] + R[None, :] + gap
    np.fill_diagonal(need, 0.0)
    area = R ** 2
    for it in range(iterations):
        d = P[:, None, :] - P[None, :, :]
        dist = np.sqrt((d ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        overlap = np.clip(need - dist, 0.0, None)
        np.fill_diagonal(overlap, 0.0)
        worst = float(overlap.max())
        # the lighter disk of a pair moves more
        share = area[None, :] / (area[:, None] + area[None, :])
        unit = d / np.where(np.isfinite(dist), dist, 1.0)[:, :, None]
        push = (unit * (overlap * share)[:, :, None]).sum(axis=1)
        centre = (P * area[:, None]).sum(axis=0) / area.sum()
        pull = (centre - P) * (0.04 if it < iterations * 0.7 else 0.0)
        P += push * 0.9 + pull
        if worst < 0.5 and it > iterations * 0.7:
            break
    return P - (P * area[:, None]).sum(axis=0) / area.sum()


def _shelves(placed: np.ndarray, placed_radii: np.ndarray, radii: np.ndarray, gap: float) -> np.ndarray:
    """Centres for disks of ``radii`` in rows under the disks already placed."""
    left = float((placed[:, 0] - placed_radii).min())
    # as wide as the packed disks, or wider when there are many to place: about square overall
    right = max(float((placed[:, 0] + placed_radii).max()),
                left + 1.3 * math.sqrt(float(((2 * radii + gap) ** 2).sum()) + float(((2 * placed_radii + gap) ** 2).sum())))
    y = float((placed[:, 1] + placed_radii).max()) + gap
    out = np.zeros((len(radii), 2))
    x, row = left, 0.0
    for k, r in enumerate(radii):
        if x > left and x + 2 * r > right:
            x, y, row = left, y + row + gap, 0.0
        out[k] = (x + r, y + r)
        x += 2 * r + gap
        row = max(row, 2 * r)
    return out


def community_layout(H: nx.Graph, order: list, groups: list[list], *, seed: int = SEED,
                     spacing: float = SPACING) -> dict:
    """Positions (pixels) of the entities in ``groups`` (lists of nodes of ``H``):
    communities apart, each a disk laid out by its own links."""
    if not groups:
        return {}
    rank = {n: k for k, n in enumerate(order)}
    member = {n: g for g, nodes in enumerate(groups) for n in nodes}
    local = [_local_layout(H, list(nodes), rank, seed) for nodes in groups]
    radii = np.array([disk_radius(len(nodes), spacing) for nodes in groups])

    Q = nx.Graph()
    Q.add_nodes_from(range(len(groups)))
    for u, v, d in H.edges(data=True):
        a, b = member.get(u), member.get(v)
        if a is None or b is None or a == b:
            continue
        w = d.get("weight", 1)
        if Q.has_edge(a, b):
            Q[a][b]["weight"] += w
        else:
            Q.add_edge(a, b, weight=w)
    # the largest communities (groups come largest first) and every one linked to another are
    # packed by their links; past PACKED, small communities on their own go in rows below
    packed = [g for g in range(len(groups)) if g < PACKED or Q.degree(g)][:PACKED * 2]
    rest = [g for g in range(len(groups)) if g not in set(packed)]
    if len(packed) == 1:
        start = np.zeros((1, 2))
    else:
        spring = nx.spring_layout(Q.subgraph(packed), seed=seed, weight="weight", iterations=100)
        start = np.array([spring[g] for g in packed])
        start *= math.sqrt(float((radii[packed] ** 2).sum())) * 1.2
    centres = np.zeros((len(groups), 2))
    centres[packed] = pack_disks(start, radii[packed], gap=spacing * 0.6)
    if rest:
        centres[rest] = _shelves(centres[packed], radii[packed], radii[rest], gap=spacing * 0.6)

    out = {}
    for g, nodes in enumerate(groups):
        cx, cy = centres[g]
        r = radii[g] - spacing * 0.3 if len(nodes) > 1 else 0.0
        xy = np.array([local[g][n] for n in nodes]) * r
        xy = _separate(xy, spacing * 0.55)
        for n, (x, y) in zip(nodes, xy):
            out[n] = (round(float(cx + x), 1), round(float(cy + y), 1))
    return out


def rows_below(nodes: list, positions: dict, *, spacing: float = SPACING, key=None) -> dict:
    """Positions for ``nodes`` in rows under what ``positions`` already holds (a new
    row wherever ``key`` changes: one block per type)."""
    if not nodes:
        return {}
    if positions:
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        left, right, top = min(xs), max(xs), max(ys) + spacing * 2
    else:
        left, right, top = 0.0, 0.0, 0.0
    step = spacing * 0.8
    columns = max(12, int((right - left) / step) + 1)
    out = {}
    x = y = 0
    last = object()
    for n in nodes:
        k = key(n) if key else None
        if (k != last and x) or x >= columns:
            x, y = 0, y + (2 if k != last else 1)
        last = k
        out[n] = (round(left + x * step, 1), round(top + y * step, 1))
        x += 1
    return out
