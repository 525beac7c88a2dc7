"""Running a query as a request: the request a worker answers, the query text and
bindings made ready, and :func:`run_query`, the API for notebooks and scripts.

The workers themselves, their time limits and their lanes, are in :mod:`.pool`.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path

from ..errors import QueryError, QueryTimeout
from ..store import KnowledgeGraph
from ..stores import is_url, location, open_graph
from .execute import DeadlinePassed, QueryResult, execute
from .params import Bindings, bind_params, named_query, parse_declarations
from .pool import DEFAULT_TIMEOUT, QueryRunner
from .request import QueryRequest

_runners: dict[str, QueryRunner] = {}
_runners_lock = threading.Lock()


def _runner_for(path: Path | str) -> QueryRunner:
    key = str(path) if is_url(str(path)) else str(Path(path).resolve())
    with _runners_lock:
        runner = _runners.get(key)
        if runner is None:
            import atexit

            runner = _runners[key] = QueryRunner(path, 1, start_method="exec")
            if len(_runners) == 1:
                atexit.register(_close_runners)
        return runner


def _close_runners() -> None:
    for runner in list(_runners.values()):
        runner.close()
    _runners.clear()


def prepare(text: str | None = None, *, named: str | None = None, params: dict[str, str] | None = None
            ) -> tuple[str, Bindings, tuple[str, ...]]:
    """The query text, its checked bindings, and the variables to leave out of the
    results: every declared parameter (given or not) and every bound one."""
    params = params or {}
    if named is not None:
        if text is not None:
            raise QueryError("give a query text or a named query, not both")
        query = named_query(named)
        text, declared, strict = query.text, query.params, True
    elif text is None:
        raise QueryError("no query given")
    else:
        _, declared, _ = parse_declarations(text)
        strict = False
    bindings = bind_params(params, declared, strict=strict)
    hide = tuple(dict.fromkeys([p.name for p in declared] + bindings.names))
    return text, bindings, hide


def run_query(graph, text: str | None = None, *, named: str | None = None, params: dict[str, str] | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, max_rows: int | None = None) -> QueryResult:
    """Run a query (text, or a named query with ``params``) on a graph folder or an open
    :class:`~kg.store.KnowledgeGraph`.

    With a ``timeout`` it runs in a worker process (kept for the next call) that is
    killed at the deadline; ``timeout=None`` runs it here, unbounded. A graph opened
    for writing is queried here too (a read-only worker must not open a store that
    this process writes), with the deadline checked between rows only.
    """
    text, bindings, hide = prepare(text, named=named, params=params)
    if isinstance(graph, KnowledgeGraph) and (timeout is None or not graph.read_only):
        deadline = None if not timeout else time.monotonic() + timeout
        try:
            return execute(graph.store, text, bindings, max_rows=max_rows, deadline=deadline, hide=hide)
        except DeadlinePassed:
            raise QueryTimeout(timeout or 0) from None
    if getattr(graph, "url", None):  # a graph on a SPARQL server, already open
        graph = graph.url
    path = graph.path if isinstance(graph, KnowledgeGraph) else location(str(graph))
    if timeout is None:
        with open_graph(path) as opened:
            return execute(opened.store, text, bindings, max_rows=max_rows, hide=hide)
    return _runner_for(path).run(QueryRequest(text, bindings, max_rows=max_rows, hide=hide), timeout)
