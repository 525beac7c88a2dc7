"""The knowledge graph on disk: an Oxigraph store, one named graph per issue.

Everything derived from an issue (its text, articles, sentences, mentions and
the entities they name) lives in that issue's named graph, so rebuilding an
issue replaces exactly its graph. The build hands each issue's N-Quads text
(:mod:`kg.nquads`) to the store's bulk loader; reading goes through pyoxigraph
(:meth:`KnowledgeGraph.select`, fast) or rdflib (:attr:`KnowledgeGraph.rdf`, backed
by oxrdflib, so SPARQL still runs on Oxigraph's engine).
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import vocab
from .doc import Issue
from .errors import GraphError
from .nquads import IssueGraph, issue_graph
from .resources import ontology_path

MANIFEST = "manifest.json"
BULK = 100_000  # quads per bulk load: each load costs ~50 ms more, whatever its size
LOADERS = 2  # bulk loads that may run at once (Oxigraph allows it)
STORE_DIR = "store"


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


_TYPE, _STATEMENT, _EVIDENCE = _n(vocab.RDF.type), _n(vocab.KG.Statement), _n(vocab.KG.evidence)
_IN_ISSUE = _n(vocab.KG.inIssue)
_FIRST, _LAST, _DATE = _n(vocab.KG.firstReported), _n(vocab.KG.lastReported), _n(vocab.XSD.date)


def is_graph_folder(path: Path) -> bool:
    return (path / MANIFEST).is_file() and (path / STORE_DIR).is_dir()


def select_rows(store, sparql: str) -> Iterator[dict]:
    """Rows of a SELECT over the union of the graphs, as dicts of plain values, straight
    from pyoxigraph (fast); ``store`` is a pyoxigraph store or one that answers as it does."""
    result = store.query(sparql, prefixes=dict(vocab.QUERY_PREFIXES), use_default_graph_as_union=True)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("select() runs SELECT queries")
    names = [v.value for v in result.variables]
    for row in result:
        yield {name: (term.value if term is not None else None) for name, term in zip(names, row)}


class KnowledgeGraph:
    """A graph folder: ``store/`` (Oxigraph) and ``manifest.json`` (what was built)."""

    def __init__(self, path: Path, store: ox.Store, manifest: dict, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self._pending: list[str] = []  # N-Quads lines not yet handed to the loader
        self._added: list[str] = []  # issues added or replaced since the timeline was updated
        self._touched: set = set()  # statements of graphs replaced or removed: dated again
        self._loads: list[Future] = []
        self._loader: ThreadPoolExecutor | None = None
        self.store = store
        self.manifest = manifest
        self._rdf: Any = None  # an rdflib Dataset, made on first use

    @classmethod
    def create(cls, path: str | Path) -> KnowledgeGraph:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(path / STORE_DIR))
        store.load(path=str(ontology_path()), format=ox.RdfFormat.TURTLE,
                   to_graph=_n(vocab.ONTOLOGY_GRAPH))
        return cls(path, store, {"issues": {}})

    @classmethod
    def checkpoint(cls, source: Path, path: Path) -> KnowledgeGraph:
        """A writable copy of the graph folder ``source`` at ``path``: the store by
        Oxigraph's backup (hard links to its immutable files, not a copy of the data)."""
        path.mkdir(parents=True)
        try:
            ox.Store.read_only(str(source / STORE_DIR)).backup(str(path / STORE_DIR))
            for extra in source.iterdir():  # the manifest, and files other modules keep
                if extra.is_file() and not extra.name.startswith("."):
                    shutil.copy2(extra, path / extra.name)
        except (OSError, RuntimeError) as e:
            raise GraphError(f"{source}: cannot make a working copy ({' '.join(str(e).split())[:200]}); if the "
                             f"graph is damaged, build it again into a new folder") from e
        return cls.open(path, read_only=False)

    @classmethod
    def open(cls, path: str | Path, read_only: bool = True) -> KnowledgeGraph:
        path = Path(path)
        if not is_graph_folder(path):
            raise GraphError(f"{path}: not a kg graph folder (make one with: kg build ISSUES --out {path})")
        try:
            manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
            store = ox.Store.read_only(str(path / STORE_DIR)) if read_only else ox.Store(str(path / STORE_DIR))
        except (OSError, ValueError, RuntimeError) as e:
            raise GraphError(f"{path}: cannot open the graph ({' '.join(str(e).split())[:200]}); if it is damaged, "
                             f"build it again into a new folder") from e
        return cls(path, store, manifest, read_only)

    def add_issue(self, issue: Issue) -> int:
        """Replace the issue's named graph with its new content; return the triple count."""
        return self.add_graph(issue_graph(issue))

    def add_graph(self, graph: IssueGraph) -> int:
        """Replace an issue's named graph with ``graph`` (made by :func:`kg.nquads.issue_graph`,
        here or in a worker process); return the triple count.

        The new triples are loaded by Oxigraph's bulk loader in a background
        thread, many issues per load (much faster than a transaction per issue),
        while the build goes on; :meth:`commit` waits for them. The build swaps
        the finished folder in, so nothing half-written is ever seen.
        """
        name = _n(vocab.issue_graph_iri(graph.id))
        if self.store.contains_named_graph(name):
            self._touched.update(q.subject for q in self.store.quads_for_pattern(None, _TYPE, _STATEMENT, name))
            self.store.remove_graph(name)
        self._added.append(graph.id)
        self._pending.extend(graph.lines)
        if len(self._pending) >= BULK:
            self._load_pending()
        self.manifest["issues"][graph.id] = graph.record
        return len(graph.lines)

    def remove_issue(self, issue_id: str) -> None:
        """Drop an issue's named graph (and with it what only that issue said)."""
        graph = _n(vocab.issue_graph_iri(issue_id))
        if self.store.contains_named_graph(graph):
            self._touched.update(q.subject for q in self.store.quads_for_pattern(None, _TYPE, _STATEMENT, graph))
            self.store.remove_graph(graph)
        self.manifest["issues"].pop(issue_id, None)

    def _load_pending(self, parts: int = 1) -> None:
        """Hand the pending lines to the loader threads, in ``parts`` loads run side by side."""
        lines, self._pending = self._pending, []
        if not lines:
            return
        if self._loader is None:
            self._loader = ThreadPoolExecutor(max_workers=LOADERS, thread_name_prefix="kg-store")
        parts = max(1, min(parts, len(lines) // 10_000))
        size = -(-len(lines) // parts)
        for k in range(0, len(lines), size):
            data = "".join(lines[k:k + size]).encode("utf-8")
            # lenient: the lines are kg.nquads' own, every IRI minted by kg.vocab (escaped there),
            # so Oxigraph need not validate each IRI again (about 15% of a load)
            self._loads.append(self._loader.submit(self.store.bulk_load, data, ox.RdfFormat.N_QUADS, lenient=True))

    def commit(self) -> None:
        """Load what is pending and wait until every load is in the store.

        The build waits for this last load alone, so it is split over the cores."""
        self._load_pending(parts=LOADERS)
        loads, self._loads = self._loads, []
        errors = [e for e in (load.exception() for load in loads) if e is not None]
        if errors:
            raise GraphError(f"{self.path}: writing the graph failed: {errors[0]}") from errors[0]

    def update_timeline(self) -> int:
        """Date each statement the issues just added or replaced say, or said: its first
        and last report (kg:firstReported, kg:lastReported, in the timeline graph),
        from the dates of the issues whose graphs state it. Call after :meth:`commit`.

        The work is proportional to those statements, not to the graph."""
        touched = set(self._touched)
        for issue_id in self._added:
            graph = _n(vocab.issue_graph_iri(issue_id))
            touched.update(q.subject for q in self.store.quads_for_pattern(None, _TYPE, _STATEMENT, graph))
        self._added, self._touched = [], set()
        dates = {vocab.issue_graph_iri(i): meta.get("date") for i, meta in self.manifest.get("issues", {}).items()}
        timeline = _n(vocab.TIMELINE_GRAPH)
        old: list[ox.Quad] = []
        new: list[ox.Quad] = []
        for statement in touched:
            old.extend(self.store.quads_for_pattern(statement, None, None, timeline))
            # an issue reports it where its evidence sentence is (the graph of names found again
            # states some of its facts with the sentences of other issues)
            sentences = {q.object for q in self.store.quads_for_pattern(statement, _EVIDENCE, None, None)
                         if isinstance(q.object, ox.NamedNode)}
            reported = sorted({d for sentence in sentences for q in self.store.quads_for_pattern(sentence, _IN_ISSUE, None, None)
                               if isinstance(q.graph_name, ox.NamedNode) and (d := dates.get(q.graph_name.value))})
            if reported:
                new.append(ox.Quad(statement, _FIRST, ox.Literal(reported[0], datatype=_DATE), timeline))
                new.append(ox.Quad(statement, _LAST, ox.Literal(reported[-1], datatype=_DATE), timeline))
        for quad in old:
            self.store.remove(quad)
        self.store.extend(new)
        return len(touched)

    def replace_graph(self, iri: str, lines: list[str]) -> None:
        """Put these N-Quads lines (all of the named graph ``iri``) in place of what it held;
        the statements it held or holds are dated again by :meth:`update_timeline`.
        Call after :meth:`commit`."""
        name = _n(iri)
        if self.store.contains_named_graph(name):
            self._touched.update(q.subject for q in self.store.quads_for_pattern(None, _TYPE, _STATEMENT, name))
            self.store.remove_graph(name)
        if lines:
            self.store.bulk_load("".join(lines).encode("utf-8"), ox.RdfFormat.N_QUADS, lenient=True)
            self._touched.update(q.subject for q in self.store.quads_for_pattern(None, _TYPE, _STATEMENT, name))

    def save_manifest(self, **extra) -> None:
        self.manifest.update(extra)
        (self.path / MANIFEST).write_text(
            json.dumps(self.manifest, ensure_ascii=False, indent=2), encoding="utf-8")

    @property
    def rdf(self):
        """An rdflib Dataset over the store: the union of all graphs is the default graph."""
        if self._rdf is None:
            from oxrdflib import OxigraphStore
            from rdflib import Dataset, Namespace

            self._rdf = Dataset(store=OxigraphStore(store=self.store), default_union=True)
            for prefix, ns in vocab.PREFIXES.items():
                self._rdf.bind(prefix, Namespace(ns), override=True)
        return self._rdf

    def query(self, sparql: str, **bindings):
        """SPARQL over all issues; ``bindings`` are bound safely, never pasted into the text."""
        from rdflib.term import Identifier, Literal

        init = {k: v if isinstance(v, Identifier) else Literal(v) for k, v in bindings.items()}
        return self.rdf.query(sparql, initBindings=init)

    def frame(self, sparql: str, **bindings):
        """A SELECT's rows as a pandas DataFrame (pandas is needed only here).

        Keyword arguments bind variables safely (Oxigraph substitutions); as
        Oxigraph requires, a bound variable must be in the SELECT clause."""
        import pandas as pd

        result = self.query(sparql, **bindings)
        columns = [str(v) for v in result.vars]
        rows = [[None if value is None else value.toPython() for value in row] for row in result]
        return pd.DataFrame(rows, columns=columns)

    def select(self, sparql: str) -> Iterator[dict]:
        """Rows of a SELECT as dicts of Python values, straight from pyoxigraph (fast)."""
        try:
            yield from select_rows(self.store, sparql)
        except (OSError, RuntimeError) as e:
            raise GraphError(f"{self.path}: reading the graph failed ({' '.join(str(e).split())[:200]}); "
                             f"if it is damaged, build it again into a new folder") from e

    def issue_ids(self) -> list[str]:
        return sorted(self.manifest.get("issues", {}))

    def __len__(self) -> int:
        return len(self.store)

    def close(self, commit: bool = True) -> None:
        """Close the store; ``commit=False`` (after an error) drops what is still pending."""
        self._rdf = None
        if not self.read_only:
            try:
                if commit:
                    self.commit()
                else:
                    self._pending = []
                    for load in self._loads:
                        load.exception()  # wait: the store must not close under a load
            finally:
                if self._loader is not None:
                    self._loader.shutdown(wait=True)
                    self._loader = None
            self.store.flush()
        del self.store

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(commit=exc_type is None)
