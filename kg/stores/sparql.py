"""The knowledge graph on a SPARQL server (Oxigraph's or Virtuoso): the ``sparql`` store.

The same graph as a folder holds, quad for quad: one named graph per issue, the
ontology graph, the timeline graph and the graph of names found again (:mod:`kg.recurring`). What the folder keeps in ``manifest.json``
lives in one more small named graph, ``kgid:manifest``: a JSON record per issue
(``<issue graph> kg:buildRecord "…"``) and one for the build (``<kgid:manifest>
kg:buildRecord "…"``). Export and comparisons leave it out, as they leave out the
folder's manifest file.

Writes never leave an issue half-written: each issue's graph is replaced by one Graph
Store ``PUT`` (Oxigraph: a first build sends many new issues in one N-Quads ``POST``,
one transaction). Issue records are written after their graphs, and the timeline and
the names found again last: a build stopped midway leaves complete issue graphs, and
running it again replaces them, dates their statements and finds the names again.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pyoxigraph as ox

from .. import vocab
from ..errors import GraphError, KgError
from ..nquads import IssueGraph
from ..resources import ontology_path
from ..store import select_rows
from .http import Client
from .remote import RemoteStore

RECORD = f"<{vocab.KG}buildRecord>"
MANIFEST_GRAPH = str(vocab.MANIFEST_GRAPH)
TIMELINE = str(vocab.TIMELINE_GRAPH)
_STATEMENT_TYPE = f" <{vocab.RDF.type}> <{vocab.KG.Statement}> "
_EVIDENCE = f" <{vocab.KG.evidence}> "
#: Quads per N-Quads POST of new issues (Oxigraph); the Graph Store writes under way at
#: once are the server's (:class:`~kg.stores.remote.Dialect`).
BULK = 50_000
#: Statements per query or update when dating them.
BATCH = 400


def _lit(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid SPARQL/N-Triples string here


def _ox_term(value):
    """A binding as a pyoxigraph term: pyoxigraph's, rdflib's (IRI or literal), or a plain value."""
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return value
    kind = type(value).__name__
    if kind == "URIRef":
        return ox.NamedNode(str(value))
    language, datatype = getattr(value, "language", None), getattr(value, "datatype", None)
    if language:
        return ox.Literal(str(value), language=language)
    if datatype:
        return ox.Literal(str(value), datatype=ox.NamedNode(str(datatype)))
    return ox.Literal(str(value))


class RemoteGraph:
    """A graph on a SPARQL server, read and written as :class:`kg.store.KnowledgeGraph` is."""

    def __init__(self, url: str, read_only: bool = True, timeout: float | None = 120.0):
        self.client = Client(url, timeout=timeout)
        self.read_only = read_only
        self.store = RemoteStore(self.client)
        self.path = self.client.display  # what messages name
        self.url = self.client.display
        self._manifest: dict | None = None
        self._touched: set[str] = set()
        self._added: dict[str, set[str]] = {}  # issue id -> statements its new graph states
        self._pending: list[IssueGraph] = []  # new issues waiting for one bulk POST
        self._pending_quads = 0
        self._writes: list[tuple[list[str], Future]] = []
        self._pool: ThreadPoolExecutor | None = None
        self._recorded: list[str] = []  # issues whose graphs are written, their records not yet
        self._existing: set[str] | None = None

    @property
    def dialect(self):
        return self.store.dialect

    @classmethod
    def open(cls, url: str, read_only: bool = True) -> RemoteGraph:
        return cls(url, read_only)

    @classmethod
    def create(cls, url: str) -> RemoteGraph:
        """Open for writing; the ontology graph is put in place if the store has none."""
        graph = cls(url, read_only=False)
        if graph.dialect.graph_store is None:
            raise GraphError(f"{graph.url}: kg can read this SPARQL server but not write to it "
                             f"(it writes to Oxigraph and Virtuoso servers)")
        if not graph.store.contains_named_graph(ox.NamedNode(str(vocab.ONTOLOGY_GRAPH))):
            triples = ox.serialize(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE),
                                   format=ox.RdfFormat.N_TRIPLES) or b""
            graph.store.put_graph(str(vocab.ONTOLOGY_GRAPH), triples, "writing the ontology graph")
        return graph

    # -- what was built

    @property
    def manifest(self) -> dict:
        if self._manifest is None:
            manifest: dict[str, Any] = {"issues": {}}
            prefix = vocab.issue_graph_iri("")
            rows = self.store.query(f"SELECT ?s ?r WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?s {RECORD} ?r }} }}")
            for row in rows:
                try:
                    record = json.loads(row["r"].value)
                except ValueError:
                    continue
                subject = row["s"].value
                if subject == MANIFEST_GRAPH:
                    manifest.update({k: v for k, v in record.items() if k != "issues"})
                elif subject.startswith(prefix) and isinstance(record, dict) and "id" in record:
                    manifest["issues"][record.pop("id")] = record
            manifest["issues"] = dict(sorted(manifest["issues"].items()))
            self._manifest = manifest
        return self._manifest

    def issue_ids(self) -> list[str]:
        return sorted(self.manifest.get("issues", {}))

    def select(self, sparql: str) -> Iterator[dict]:
        """Rows of a SELECT as dicts of Python values (the union of the graphs is the default graph)."""
        return select_rows(self.store, sparql)

    def __len__(self) -> int:
        """Quads in kg's graphs, the manifest graph left out (as the folder's manifest file is)."""
        return len(self.store)

    @property
    def rdf(self):
        raise GraphError(f"{self.url}: an rdflib view is for graph folders; on a store, use select(), "
                         f"kg.query.run_query or the store's own SPARQL endpoint")

    def query(self, sparql: str, **bindings):
        """SPARQL over all issues (bindings bound safely); a bound variable stays in the
        rows, as :meth:`kg.store.KnowledgeGraph.query` keeps it."""
        from ..query.execute import execute
        from ..query.params import Bindings

        terms = {k: _ox_term(v) for k, v in bindings.items()}
        return execute(self.store, sparql, Bindings(terms=terms), hide=())  # type: ignore[arg-type]

    def frame(self, sparql: str, **bindings):
        import pandas as pd

        result = self.query(sparql, **bindings)
        return pd.DataFrame(result.dicts(), columns=result.variables)

    # -- writing

    def _existing_issues(self) -> set[str]:
        if self._existing is None:
            self._existing = set(self.manifest.get("issues", {}))
        return self._existing

    def add_graph(self, graph: IssueGraph) -> int:
        """Write an issue's graph (replacing what the store had of it)."""
        name = vocab.issue_graph_iri(graph.id)
        if graph.id in self._existing_issues():
            rows = self.store.query(f"SELECT DISTINCT ?st WHERE {{ GRAPH <{name}> {{ ?st a <{vocab.KG.Statement}> }} }}")
            self._touched.update(row["st"].value for row in rows)
        self._added[graph.id] = {line[1:line.index(">")] for line in graph.lines if _STATEMENT_TYPE in line}
        self.manifest["issues"][graph.id] = graph.record
        if self.dialect.dataset_post and graph.id not in self._existing_issues():
            self._pending.append(graph)
            self._pending_quads += len(graph.lines)
            if self._pending_quads >= BULK:
                self._post_pending()
        else:
            tail = f" <{name}> .\n"
            body = "".join(line[:-len(tail)] + " .\n" if line.endswith(tail) else line for line in graph.lines)
            self._submit([graph.id], self.store.put_graph, name, body.encode("utf-8"), f"writing issue {graph.id}")
        return len(graph.lines)

    def _post_pending(self) -> None:
        batch, self._pending, self._pending_quads = self._pending, [], 0
        if batch:
            ids = [g.id for g in batch]
            body = "".join(line for g in batch for line in g.lines).encode("utf-8")
            what = f"writing issue {ids[0]}" if len(ids) == 1 else f"writing issues {ids[0]} to {ids[-1]}"
            self._submit(ids, self.store.post_dataset, body, what)

    def _submit(self, ids: list[str], fn, *args) -> None:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.dialect.writers, thread_name_prefix="kg-remote")
        self._writes.append((ids, self._pool.submit(fn, *args)))
        while len(self._writes) > 2 * self.dialect.writers:
            self._writes[0][1].exception()  # wait for the oldest write: extraction stays ahead, not too far
            self._reap()
        self._reap()

    def _reap(self, block: bool = False) -> None:
        """Collect finished writes (all of them with ``block``); the first failure stops the build."""
        keep: list[tuple[list[str], Future]] = []
        failure: BaseException | None = None
        for ids, future in self._writes:
            if block or future.done():
                error = future.exception()
                if error is None:
                    self._recorded.extend(ids)
                elif failure is None:
                    failure = error
            else:
                keep.append((ids, future))
        self._writes = keep
        if failure is not None:
            self._wait_all()
            try:
                self._write_records()  # what was written completely is recorded, if the store still answers
            except KgError:
                pass
            raise failure if isinstance(failure, KgError) else GraphError(f"{self.url}: {failure}")

    def _wait_all(self) -> None:
        for ids, future in self._writes:
            if future.exception() is None:
                self._recorded.extend(ids)
        self._writes = []

    def commit(self) -> None:
        """Every pending write sent and finished; their issues recorded."""
        self._post_pending()
        self._reap(block=True)
        self._write_records()

    def _write_records(self) -> None:
        ids, self._recorded = self._recorded, []
        for k in range(0, len(ids), BATCH):
            part = ids[k:k + BATCH]
            graphs = " ".join(f"<{vocab.issue_graph_iri(i)}>" for i in part)
            records = " ".join(f"<{vocab.issue_graph_iri(i)}> {RECORD} "
                               f"{_lit(json.dumps({'id': i, **self.manifest['issues'][i]}, ensure_ascii=False))} ."
                               for i in part)
            self.store.update(f"DELETE {{ GRAPH <{MANIFEST_GRAPH}> {{ ?g {RECORD} ?r }} }} WHERE {{ VALUES ?g {{ {graphs} }} "
                              f"GRAPH <{MANIFEST_GRAPH}> {{ ?g {RECORD} ?r }} }} ;\n"
                              f"INSERT DATA {{ GRAPH <{MANIFEST_GRAPH}> {{ {records} }} }}", "writing the issues' records")

    def remove_issue(self, issue_id: str) -> None:
        name = vocab.issue_graph_iri(issue_id)
        rows = self.store.query(f"SELECT DISTINCT ?st WHERE {{ GRAPH <{name}> {{ ?st a <{vocab.KG.Statement}> }} }}")
        self._touched.update(row["st"].value for row in rows)
        self.store.update(f"DROP SILENT GRAPH <{name}> ;\nDELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{name}> {RECORD} ?r }} }}",
                          f"removing issue {issue_id}")
        self.manifest["issues"].pop(issue_id, None)

    def update_timeline(self) -> int:
        """Date the statements the issues just written or removed state or stated, as the folder does."""
        dates = {vocab.issue_graph_iri(i): meta.get("date") for i, meta in self.manifest.get("issues", {}).items()}
        touched = set(self._touched)
        for statements in self._added.values():
            touched |= statements
        first_build = not self._existing_issues()
        local: dict[str, set[str]] = {}
        if first_build:  # the lines just written say where each is stated, unless a graph beside the
            # issues' (the names found again) states it too: those are asked
            for issue_id, statements in self._added.items():
                for st in statements:
                    local.setdefault(st, set()).add(vocab.issue_graph_iri(issue_id))
        asked = touched if not first_build else self._touched
        self._touched, self._added = set(), {}
        ordered = sorted(touched)
        for k in range(0, len(ordered), BATCH):
            part = ordered[k:k + BATCH]
            values = " ".join(f"<{st}>" for st in part)
            graphs: dict[str, set[str]] = {st: set(local.get(st, ())) for st in part}
            if ask := " ".join(f"<{st}>" for st in part if st in asked):
                # an issue reports it where its evidence sentence is (see KnowledgeGraph.update_timeline)
                rows = self.store.query(f"SELECT DISTINCT ?st ?g WHERE {{ VALUES ?st {{ {ask} }} "
                                        f"GRAPH ?in {{ ?st <{vocab.KG.evidence}> ?e }} GRAPH ?g {{ ?e <{vocab.KG.inIssue}> ?i }} }}")
                for row in rows:
                    graphs[row["st"].value].add(row["g"].value)
            new = []
            for st in part:
                reported = sorted({d for g in graphs[st] if (d := dates.get(g))})
                if reported:
                    new.append(f'<{st}> <{vocab.KG.firstReported}> "{reported[0]}"^^<{vocab.XSD.date}> .')
                    new.append(f'<{st}> <{vocab.KG.lastReported}> "{reported[-1]}"^^<{vocab.XSD.date}> .')
            delete = "" if first_build else (f"DELETE {{ GRAPH <{TIMELINE}> {{ ?st ?p ?o }} }} WHERE {{ VALUES ?st {{ {values} }} "
                                             f"GRAPH <{TIMELINE}> {{ ?st ?p ?o }} }} ;\n")
            if delete or new:
                insert = f"INSERT DATA {{ GRAPH <{TIMELINE}> {{ {' '.join(new)} }} }}" if new else ""
                self.store.update((delete + insert).rstrip(" ;\n"), "dating the statements")
        return len(ordered)

    def replace_graph(self, iri: str, lines: list[str]) -> None:
        """Put these N-Quads lines (all of the named graph ``iri``) in place of what it held;
        the statements it held or holds are dated again by :meth:`update_timeline`."""
        rows = self.store.query(f"SELECT DISTINCT ?st WHERE {{ GRAPH <{iri}> {{ ?st a <{vocab.KG.Statement}> }} }}")
        self._touched.update(row["st"].value for row in rows)
        self._touched.update(line[1:line.index(">")] for line in lines if _STATEMENT_TYPE in line)
        tail = f" <{iri}> .\n"
        body = "".join(line[:-len(tail)] + " .\n" for line in lines if line.endswith(tail))
        if body:
            self.store.put_graph(iri, body.encode("utf-8"), f"writing the graph {iri}")
        else:
            self.store.update(f"DROP SILENT GRAPH <{iri}>", f"clearing the graph {iri}")

    def save_manifest(self, **extra) -> None:
        self.manifest.update(extra)
        record = {k: v for k, v in self.manifest.items() if k != "issues"}
        self.store.update(f"DELETE WHERE {{ GRAPH <{MANIFEST_GRAPH}> {{ <{MANIFEST_GRAPH}> {RECORD} ?r }} }} ;\n"
                          f"INSERT DATA {{ GRAPH <{MANIFEST_GRAPH}> {{ <{MANIFEST_GRAPH}> {RECORD} "
                          f"{_lit(json.dumps(record, ensure_ascii=False))} }} }}", "writing the build record")

    def close(self, commit: bool = True) -> None:
        try:
            if not self.read_only:
                if commit:
                    self.commit()
                else:
                    self._pending = []
                    self._wait_all()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)
                self._pool = None
            self.client.close()

    def __enter__(self) -> RemoteGraph:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(commit=exc_type is None)


__all__ = ["MANIFEST_GRAPH", "RemoteGraph"]
