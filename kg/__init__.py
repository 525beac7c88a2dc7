"""kg: a knowledge graph of who is who across Chinese tech-industry newsletters.

    import kg
    report = kg.build(["samples/"], "kg-data")
    graph = kg.open("kg-data")
    graph.query("SELECT ?label WHERE { ?e a kg:Organization ; rdfs:label ?label }")
"""
from __future__ import annotations

from .build import BuildReport, build, remove
from .errors import GraphError, InputError, KgError
from .store import KnowledgeGraph
from .version import __version__


def open(path, read_only: bool = True):
    """Open a graph made by ``kg build``: a folder (:class:`KnowledgeGraph`), or a SPARQL
    server's URL (``http://…``: :class:`kg.stores.sparql.RemoteGraph`, the same readers)."""
    from .stores import open_graph

    return open_graph(path, read_only=read_only)


__all__ = ["BuildReport", "GraphError", "InputError", "KgError", "KnowledgeGraph", "__version__", "build", "open", "remove"]
