"""Where a graph lives: a folder (the embedded Oxigraph store, :mod:`kg.store`) or a
SPARQL server (:mod:`kg.stores.sparql`), chosen by the address: ``http://`` or
``https://`` is a server, anything else a folder. Readers take either and use the
same few things of it: ``select()``, ``issue_ids()``, ``manifest``, ``len()`` and
``store`` (what :mod:`kg.query` runs queries on).
"""
from __future__ import annotations

from pathlib import Path

from .. import plugin
from .http import is_url


def store_kind(location) -> str:
    """The store plugin for an address: ``sparql`` for a server's URL, else the default."""
    return "sparql" if is_url(str(location)) else plugin.DEFAULTS["store"]


def open_graph(location, read_only: bool = True):
    """A graph folder as :class:`~kg.store.KnowledgeGraph`, a server's URL as
    :class:`~kg.stores.sparql.RemoteGraph`."""
    cls = plugin.get(store_kind(location), "store")
    return cls.open(str(location) if is_url(str(location)) else Path(location), read_only=read_only)


def location(value: str) -> str | Path:
    """What a user typed as a graph: a URL stays a string, anything else is a path."""
    return value if is_url(value) else Path(value)


__all__ = ["is_url", "location", "open_graph", "store_kind"]
