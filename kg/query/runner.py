"""Queries in worker processes that are killed at their deadline.

Oxigraph 0.5 cannot cancel a query running in Rust code, so a time limit is only
possible by running the query in another process: :class:`QueryRunner` keeps
workers that hold the store open read-only, kills and reaps one whose query runs
past its deadline, and starts another.
"""
from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from ..errors import GraphError, QueryError, QueryFailed, QueryTimeout, ServerBusy
from ..store import STORE_DIR, KnowledgeGraph, is_graph_folder
from .execute import DeadlinePassed, QueryResult, execute
from .formats import FORMATS, format_result
from .params import Bindings, bind_params, named_query, parse_declarations
from .text import check_text

DEFAULT_TIMEOUT = 30.0

@dataclass
class QueryRequest:
    """One query for a worker. ``fmt`` None returns the :class:`QueryResult` itself;
    otherwise ``fmt`` maps a result kind (select, ask, graph) to a format name."""
    text: str
    bindings: Bindings = field(default_factory=Bindings)
    fmt: dict | None = None
    max_rows: int | None = None
    max_bytes: int | None = None
    max_width: int = 40
    hide: tuple | None = None
    union: bool = True
    default_graph: list | None = None
    named_graphs: list | None = None


@dataclass
class Formatted:
    """A serialized result: what a worker sends back when asked for a format."""
    kind: str
    fmt: str
    data: bytes
    rows: int
    truncated: bool
    boolean: bool | None
    seconds: float
    notes: list[str]

    @property
    def content_type(self) -> str:
        return FORMATS[self.fmt]


def serve_request(store: ox.Store, request: QueryRequest, deadline: float | None = None):
    """Run a request on an open store: the worker's loop body, also usable in-process."""
    result = execute(store, request.text, request.bindings, max_rows=request.max_rows,
                     max_bytes=request.max_bytes, deadline=deadline, hide=request.hide,
                     union=request.union, default_graph=request.default_graph,
                     named_graphs=request.named_graphs)
    if request.fmt is None:
        return result
    fmt = request.fmt.get(result.kind) or request.fmt.get("*") or "json"
    data = format_result(result, fmt, max_width=request.max_width)
    return Formatted(result.kind, fmt, data, len(result), result.truncated, result.boolean,
                     result.seconds, result.notes)


def _worker_main(conn, store_path: str, memory_limit: int | None) -> None:
    """A worker: open the store read-only, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_limit:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        store = ox.Store.read_only(store_path)
    except Exception as e:
        conn.send(("fail", f"cannot open the store: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", serve_request(store, request))
        except QueryError as e:
            reply = ("user", e)
        except QueryFailed as e:
            reply = ("fail", str(e))
        except MemoryError:
            reply = ("fail", "the query ran out of memory")
        except Exception as e:
            reply = ("fail", f"{type(e).__name__}: {' '.join(str(e).split())}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    """One worker process and the pipe to it. ``fork`` is cheap but only safe from a
    single-threaded process; ``exec`` starts a fresh interpreter (any parent, any
    __main__: notebooks, stdin, a threaded server)."""

    def __init__(self, method: str, store_path: str, memory_limit: int | None):
        self.process = self.popen = None
        if method == "fork":
            ctx = multiprocessing.get_context("fork")
            parent, child = ctx.Pipe()
            self.process = ctx.Process(target=_worker_main, args=(child, store_path, memory_limit),
                                       name="kg-query-worker", daemon=True)
            self.process.start()
            child.close()
        else:
            import socket
            from multiprocessing.connection import Connection

            ours, theirs = socket.socketpair()
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
            try:
                self.popen = subprocess.Popen(
                    [sys.executable, "-c", "from kg.query.runner import _worker_entry; _worker_entry()",
                     str(theirs.fileno()), store_path, str(memory_limit or 0)],
                    pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
            finally:
                theirs.close()
            parent = Connection(ours.detach())
        self.conn = parent
        status, message = ("fail", "the query worker did not start")
        try:
            if parent.poll(60):
                status, message = parent.recv()
        except (EOFError, OSError):
            pass
        if status != "ready":
            self.stop()
            raise QueryFailed(message)

    def stop(self) -> None:
        """Kill and reap: no process is left behind, not even a zombie."""
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
        if self.popen is not None:
            if self.popen.poll() is None:
                self.popen.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(5)


def _worker_entry() -> None:
    """``python -c 'from kg.query.runner import _worker_entry; _worker_entry()' FD STORE MEMORY``"""
    from multiprocessing.connection import Connection

    fd, store_path, memory = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    _worker_main(Connection(fd), store_path, memory or None)


def _default_start_method() -> str:
    if "fork" in multiprocessing.get_all_start_methods() and _single_threaded():
        return "fork"  # cheapest, and safe while this process runs one thread (no RocksDB open)
    return "exec"


def _single_threaded() -> bool:
    """One thread, native ones included (an open store runs RocksDB threads)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class QueryRunner:
    """Queries on a graph folder, each in a worker process stopped at its deadline.

    ``workers`` processes each hold the store open read-only (safe to share). A
    request waits for an idle worker, then for its answer; past the deadline the
    worker is killed, reaped and replaced, and :class:`QueryTimeout` is raised, so
    a runaway query never keeps a worker or leaves a zombie.
    """

    def __init__(self, graph_dir: str | Path, workers: int = 1, *, start_method: str | None = None,
                 memory_limit: int | None = None):
        graph_dir = Path(graph_dir)
        if not is_graph_folder(graph_dir):
            raise GraphError(f"{graph_dir}: not a kg graph folder (make one with: kg build ISSUES --out {graph_dir})")
        self.store_path = str(graph_dir / STORE_DIR)
        self.size = max(1, workers)
        self.memory_limit = memory_limit
        self.method = start_method or _default_start_method()
        if self.method not in ("fork", "exec"):
            raise ValueError(f"start_method: fork or exec, not {self.method!r}")
        self._idle: list[_Worker] = []
        self._alive = 0
        self._cond = threading.Condition()
        self._closed = False

    def start(self) -> QueryRunner:
        """Start every worker now, in parallel (otherwise they start on first use)."""
        from concurrent.futures import ThreadPoolExecutor

        with self._cond:
            missing = self.size - self._alive
            self._alive += missing
        if missing <= 0:
            return self
        with ThreadPoolExecutor(missing) as pool:
            futures = [pool.submit(_Worker, self.method, self.store_path, self.memory_limit) for _ in range(missing)]
        started: list = []
        errors: list = []
        for f in futures:
            (errors if f.exception() else started).append(f.exception() or f.result())
        with self._cond:
            self._alive -= len(errors)
            self._idle.extend(started)
            self._cond.notify_all()
        if errors:
            raise errors[0]
        return self

    def _acquire(self, deadline: float | None) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise QueryFailed("the query runner is closed")
                if self._idle:
                    return self._idle.pop()
                if self._alive < self.size:
                    self._alive += 1  # this thread starts the missing worker
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise ServerBusy("every query worker stayed busy")
                self._cond.wait(remaining)
        try:
            return _Worker(self.method, self.store_path, self.memory_limit)
        except BaseException:
            with self._cond:
                self._alive -= 1
                self._cond.notify()
            raise

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.stop()
                self._alive -= 1
            else:
                self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        with self._cond:
            self._alive -= 1
            self._cond.notify()

    def run(self, request: QueryRequest, timeout: float | None = DEFAULT_TIMEOUT):
        """The request's answer: a QueryResult, or Formatted when ``request.fmt`` is set."""
        check_text(request.text)  # cheap refusals need no worker
        deadline = None if not timeout else time.monotonic() + timeout
        acquired = self._acquire(deadline)
        worker: _Worker | None = acquired  # None once discarded
        try:
            acquired.conn.send(request)
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not acquired.conn.poll(remaining):
                worker = None
                self._discard(acquired)
                raise QueryTimeout(timeout or 0)
            status, payload = acquired.conn.recv()
        except (EOFError, OSError) as e:
            if worker is not None:
                self._discard(worker)
                worker = None
            raise QueryFailed("the query worker died (out of memory?)") from e
        except BaseException:
            if worker is not None:  # e.g. Ctrl-C while waiting: the worker may be mid-query
                self._discard(worker)
                worker = None
            raise
        finally:
            if worker is not None:
                self._release(worker)
        if status == "ok":
            return payload
        if status == "user":
            raise payload
        raise QueryFailed(payload)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._alive -= len(idle)
        for worker in idle:
            worker.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_runners: dict[str, QueryRunner] = {}
_runners_lock = threading.Lock()


def _runner_for(path: Path) -> QueryRunner:
    key = str(Path(path).resolve())
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
    path = graph.path if isinstance(graph, KnowledgeGraph) else Path(graph)
    if timeout is None:
        with KnowledgeGraph.open(path) as opened:
            return execute(opened.store, text, bindings, max_rows=max_rows, hide=hide)
    return _runner_for(path).run(QueryRequest(text, bindings, max_rows=max_rows, hide=hide), timeout)
