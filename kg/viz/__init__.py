"""``kg viz``: the graph as an interactive network in one self-contained HTML file.

The page opens by double-click and works offline: vis-network (the library pyvis
wraps, read from the files the pyvis package ships) and every script and style
are inlined; nothing is loaded from the network.

- :mod:`kg.viz.content` decides what the page shows (``view``): entities sized by
  PageRank, Louvain communities, relations, co-mentions, the issue dates of the
  time slider, evidence sentences; entities with no stated relation are listed
  apart instead of drawn.
- :mod:`kg.viz.layout` places the entities: communities apart, then the entities
  inside each, seeded, so the browser opens the page with nothing to settle.
- :mod:`kg.viz.document` writes the HTML (``page``, ``render``) and holds the
  checks that keep it offline and safe (``script_json``, ``remote_references``).
"""
from __future__ import annotations

from .content import CO_MENTIONS_PER_NODE, DEFAULT_MAX_NODES, view
from .document import page, remote_references, render, script_json, vis_files
from .layout import LAYOUT_CORE, SEED, SPACING, community_layout, pack_disks, rows_below

__all__ = ["CO_MENTIONS_PER_NODE", "DEFAULT_MAX_NODES", "LAYOUT_CORE", "SEED", "SPACING", "community_layout",
           "pack_disks", "page", "remote_references", "render", "rows_below", "script_json", "view", "vis_files"]
