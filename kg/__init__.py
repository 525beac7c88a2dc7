"""kg: a knowledge graph of who is who across Chinese tech-industry newsletters.

    import kg
    report = kg.build(["samples/"], "kg-data")
    graph = kg.open("kg-data")
    graph.query("SELECT ?label WHERE { ?e a kg:Organization ; rdfs:label ?label }")
"""
from __future__ import annotations

__version__ = "0.1.0"

from .build import BuildReport, build  # noqa: E402
from .graph import GraphError, KnowledgeGraph  # noqa: E402
from .ingest import InputError  # noqa: E402


def open(path, read_only: bool = True) -> KnowledgeGraph:  # noqa: A001 - mirrors kg.open in the docs
    """Open a graph folder made by ``kg build``."""
    return KnowledgeGraph.open(path, read_only=read_only)


__all__ = ["BuildReport", "GraphError", "InputError", "KnowledgeGraph", "build", "open", "__version__"]
