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


def open(path, read_only: bool = True) -> KnowledgeGraph:
    """Open a graph folder made by ``kg build``."""
    return KnowledgeGraph.open(path, read_only=read_only)


__all__ = ["BuildReport", "GraphError", "InputError", "KgError", "KnowledgeGraph", "__version__", "build", "open", "remove"]
