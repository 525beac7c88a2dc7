"""Query workers: processes killed at their deadline, in two lanes, on the current graph.

Oxigraph 0.5 cannot cancel a query running in Rust code, so a time limit is only
possible by running the query in another process. :class:`QueryRunner` keeps
workers that hold the store open read-only; one whose query runs past its deadline
is killed, reaped and replaced.

Light queries are never starved by heavy ones. Every query starts in the *quick
lane*; one still running after ``quick_seconds`` moves to the *slow lane*, freeing
its quick place, and a query text that moved once starts in the slow lane next
time. When the slow lane is full, a heavy query waits for a place (at most
``queue_seconds``) or is refused with :class:`ServerBusy`, and a query still
waiting for any place after that long is refused too, never run late. A query's
time limit counts from the moment it starts running, not from its arrival.

Each worker forbids itself network connections (:mod:`.sandbox`) and runs under
an address-space limit (:func:`default_memory_limit`). After ``kg build`` swaps in
a new graph, new queries run on it; a query already running finishes on the old one.
"""
from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from ..errors import GraphError, KgError, QueryError, QueryFailed, QueryTimeout, ServerBusy
from ..store import MANIFEST, STORE_DIR, is_graph_folder
from ..stores.http import is_url
from .request import QueryRequest, serve_request
from .sandbox import deny_network
from .text import check_text

DEFAULT_TIMEOUT = 30.0
#: A query running longer than this is heavy: it leaves the quick lane.
QUICK_SECONDS = 0.5
#: Query texts found heavy, remembered so that they start in the slow lane.
REMEMBERED = 1024
#: Scheduling priority of a slow-lane worker (19 is the lowest).
SLOW_NICENESS = 19
_MB = 1 << 20


def default_memory_limit(workers: int) -> int:
    """Bytes of address space per worker: a share of the machine's memory, between
    1.5 and 4 GB (an open store alone takes about 0.5 GB of address space)."""
    try:
        memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        memory = 8 << 30
    return int(min(4 << 30, max(1536 * _MB, memory // (workers + 2))))


def _open_store(store_path: str):
    """The store a worker queries: a folder's, read-only, or a SPARQL server's (over HTTP)."""
    if is_url(store_path):
        from ..stores.sparql import RemoteGraph

        return RemoteGraph(store_path).store
    return ox.Store.read_only(store_path)


def _worker_main(conn, store_path: str, memory_limit: int | None) -> None:
    """A worker: no network (unless its store is a server), a memory limit, the store
    read-only, then requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    with contextlib.suppress(OSError):  # the engine's own abort messages (out of memory) are noise
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
    if not is_url(store_path):
        deny_network()  # SERVICE is refused in the text too; a server store needs the network
    if memory_limit:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        store = _open_store(store_path)
    except KgError as e:
        conn.send(("fail", str(e)))
        return
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
            if request.timeout and hasattr(store, "timeout"):
                store.timeout = request.timeout  # a server's own time limit, where it has one
            reply = ("ok", serve_request(store, request))
        except QueryError as e:
            reply = ("user", e)
        except QueryFailed as e:
            reply = ("fail", str(e))
        except KgError as e:  # a server store's time-out, refusal or absence
            reply = ("user", e)
        except MemoryError:
            reply = ("memory", "")
        except Exception as e:
            reply = ("fail", f"{type(e).__name__}: {' '.join(str(e).split())}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


def _worker_entry() -> None:
    """``python -c 'from kg.query.pool import _worker_entry; _worker_entry()' FD STORE MEMORY``"""
    from multiprocessing.connection import Connection

    fd, store_path, memory = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    _worker_main(Connection(fd), store_path, memory or None)


class _Worker:
    """One worker process and the pipe to it. ``fork`` is cheap but only safe from a
    single-threaded process; ``exec`` starts a fresh interpreter (any parent, any
    __main__: notebooks, stdin, a threaded server)."""

    def __init__(self, method: str, store_path: str, memory_limit: int | None, generation: int):
        self.process = self.popen = None
        self.generation = generation
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
                    [sys.executable, "-c", "from kg.query.pool import _worker_entry; _worker_entry()",
                     str(theirs.fileno()), store_path, str(memory_limit or 0)],
                    pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL, env=env)  # an engine that runs out of memory aborts noisily
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

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else self.popen.pid if self.popen is not None else None

    def nice(self, value: int) -> bool:
        """Set the worker's scheduling priority; False if the system refuses."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.pid or 0, value)
            return True
        except (OSError, AttributeError):
            return False

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

    ``workers`` processes at most: ``quick`` places in the quick lane (by default
    half of them, at least one) and the rest in the slow lane, but no more slow
    places than half the machine's cores. ``memory_limit`` is
    each worker's address space in bytes (None: :func:`default_memory_limit`; 0:
    none).
    """

    def __init__(self, graph_dir: str | Path, workers: int = 1, *, start_method: str | None = None,
                 memory_limit: int | None = None, quick: int | None = None,
                 quick_seconds: float = QUICK_SECONDS, queue_seconds: float | None = None):
        self.url = str(graph_dir) if is_url(str(graph_dir)) else None
        if self.url is None:
            graph_dir = Path(graph_dir)
            if not is_graph_folder(graph_dir):
                raise GraphError(f"{graph_dir}: not a kg graph folder (make one with: kg build ISSUES --out {graph_dir})")
        self.graph_dir = graph_dir  # a folder, or a SPARQL server's URL
        self.store_path = self.url or str(Path(graph_dir) / STORE_DIR)
        self.size = max(1, workers)
        self.quick = min(self.size, quick if quick is not None else max(1, self.size // 2))
        # heavy queries may use at most half the cores: the rest is for everyone else
        self.slow = max(1, min(self.size - self.quick, (os.cpu_count() or 2) // 2)) if self.size > 1 else 1
        self.quick_seconds = quick_seconds
        self.queue_seconds = queue_seconds
        self.memory_limit = default_memory_limit(self.size) if memory_limit is None else (memory_limit or None)
        self.method = start_method or _default_start_method()
        if self.method not in ("fork", "exec"):
            raise ValueError(f"start_method: fork or exec, not {self.method!r}")
        self._idle: list[_Worker] = []
        self._alive = 0
        self._lanes = {"quick": 0, "slow": 0}
        self._heavy: OrderedDict[str, None] = OrderedDict()
        self._cond = threading.Condition()
        self._closed = False
        self._warm = False  # replace stopped workers at once (after start())
        self._generation = 0
        self._identity = self._folder_identity()

    # -- the graph folder ---------------------------------------------------------------------

    def _folder_identity(self) -> tuple:
        """What changes when a build swaps a new graph in: the folder and its manifest."""
        if self.url is not None:
            return ()  # a server's graph changes in place
        try:
            folder = os.stat(Path(self.graph_dir))
            manifest = os.stat(Path(self.graph_dir) / MANIFEST)
        except OSError:
            return ()
        return folder.st_dev, folder.st_ino, manifest.st_ino, manifest.st_mtime_ns

    def _check_generation(self) -> None:
        """A new graph was swapped in: idle workers on the old one go, new ones start."""
        identity = self._folder_identity()
        if identity and identity != self._identity:
            with self._cond:
                if identity != self._identity:
                    self._identity = identity
                    self._generation += 1
                    stale, self._idle = self._idle, []
                    self._alive -= len(stale)
                    self._cond.notify_all()
                else:
                    stale = []
            for worker in stale:
                worker.stop()
            if stale:
                self._replenish()

    # -- workers and lanes ----------------------------------------------------------------------

    def start(self) -> QueryRunner:
        """Start every worker now, in parallel (otherwise they start on first use)."""
        from concurrent.futures import ThreadPoolExecutor

        with self._cond:
            self._warm = True  # from now on, keep them all started
            missing = self.size - self._alive
            self._alive += missing
            generation = self._generation
        if missing <= 0:
            return self
        with ThreadPoolExecutor(missing) as pool:
            futures = [pool.submit(_Worker, self.method, self.store_path, self.memory_limit, generation)
                       for _ in range(missing)]
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

    def idle_pids(self) -> list[int]:
        """The process ids of the workers waiting for a query (for tests and monitoring)."""
        with self._cond:
            return [w.pid for w in self._idle if w.pid is not None]

    def _lane_capacity(self, lane: str) -> int:
        return self.quick if lane == "quick" else self.slow

    def _take(self, lane: str, deadline: float | None, blocking: bool = True) -> bool:
        """A place in a lane, waiting until ``deadline`` at most."""
        with self._cond:
            while True:
                if self._closed:
                    raise QueryFailed("the query runner is closed")
                if self._lanes[lane] < self._lane_capacity(lane):
                    self._lanes[lane] += 1
                    return True
                remaining = None if deadline is None else deadline - time.monotonic()
                if not blocking or (remaining is not None and remaining <= 0):
                    return False
                self._cond.wait(remaining)

    def _leave(self, lane: str) -> None:
        with self._cond:
            self._lanes[lane] -= 1
            self._cond.notify_all()

    def _worker(self) -> _Worker:
        """An idle worker on the current graph, or a new one."""
        with self._cond:
            while self._idle:
                worker = self._idle.pop()
                if worker.generation == self._generation:
                    return worker
                self._alive -= 1
                worker.stop()
            self._alive += 1
            generation = self._generation
        try:
            return _Worker(self.method, self.store_path, self.memory_limit, generation)
        except BaseException:
            with self._cond:
                self._alive -= 1
                self._cond.notify_all()
            raise

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            stale = self._closed or worker.generation != self._generation
            if stale:
                worker.stop()
                self._alive -= 1
            else:
                self._idle.append(worker)
            self._cond.notify_all()
        if stale:
            self._replenish()

    def _discard(self, worker: _Worker) -> None:
        """Stop a worker that cannot be reused (killed at its deadline, dead) and start its
        replacement in the background, so the next light query finds one warm: starting
        an interpreter and opening the store takes a second on a busy machine."""
        worker.stop()
        with self._cond:
            self._alive -= 1
            self._cond.notify_all()
        self._replenish()

    def _replenish(self) -> None:
        """Start the missing workers in the background (once :meth:`start` was called)."""
        with self._cond:
            if self._closed or not self._warm:
                return
            missing = self.size - self._alive
            self._alive += max(0, missing)
            generation = self._generation
        for _ in range(missing):
            threading.Thread(target=self._spare, args=(generation,), name="kg-query-spare", daemon=True).start()

    def _spare(self, generation: int) -> None:
        try:
            worker = _Worker(self.method, self.store_path, self.memory_limit, generation)
        except BaseException:  # the next query starts its own and reports why
            with self._cond:
                self._alive -= 1
                self._cond.notify_all()
            return
        self._release(worker)

    def _remember_heavy(self, key: str) -> None:
        with self._cond:
            self._heavy[key] = None
            self._heavy.move_to_end(key)
            while len(self._heavy) > REMEMBERED:
                self._heavy.popitem(last=False)

    # -- running -----------------------------------------------------------------------------------

    def run(self, request: QueryRequest, timeout: float | None = DEFAULT_TIMEOUT):
        """The request's answer: a QueryResult, or Formatted when ``request.fmt`` is set."""
        check_text(request.text)  # cheap refusals need no worker
        self._check_generation()
        if self.url is not None and timeout and not request.timeout:
            import dataclasses

            request = dataclasses.replace(request, timeout=timeout)
        key = hashlib.sha1(request.text.encode("utf-8", "surrogatepass")).hexdigest()
        waiting = self.queue_seconds if self.queue_seconds is not None else (timeout or DEFAULT_TIMEOUT)
        queue_deadline = time.monotonic() + waiting
        lane = "slow" if key in self._heavy else "quick"
        if not self._take(lane, queue_deadline):
            raise ServerBusy(f"every query worker of the {lane} lane stayed busy for {waiting:g} s; retry shortly")
        held = [lane]  # the lane this query holds a place in; it may move to the slow one
        try:
            return self._run_in(held, request, timeout, key)
        finally:
            self._leave(held[0])

    def _run_in(self, held: list[str], request: QueryRequest, timeout: float | None, key: str):
        worker: _Worker | None = self._worker()
        assert worker is not None
        started = time.monotonic()
        deadline = None if not timeout else started + timeout
        try:
            worker.conn.send(request)
            if held[0] == "quick" and (deadline is None or deadline - started > self.quick_seconds):
                if not worker.conn.poll(self.quick_seconds):  # heavy: free the quick place
                    self._remember_heavy(key)
                    if not self._take("slow", None, blocking=False):
                        raise ServerBusy("heavy queries fill the slow lane; retry shortly")
                    self._leave("quick")
                    held[0] = "slow"
            if held[0] == "slow":
                worker.nice(SLOW_NICENESS)  # light queries go first on a busy machine
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not worker.conn.poll(remaining):
                raise QueryTimeout(timeout or 0)
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as e:
            self._discard(worker)
            worker = None
            limit = f" (each worker may use {self.memory_limit // _MB} MB)" if self.memory_limit else ""
            raise QueryFailed(f"the query worker died, most likely out of memory{limit}; narrow the query") from e
        except BaseException:
            self._discard(worker)  # it may be mid-query: timeouts, busy lanes, Ctrl-C
            worker = None
            raise
        finally:
            if worker is not None:
                if held[0] == "slow" and not worker.nice(0):
                    self._discard(worker)  # cannot be made quick again: a fresh one will be
                else:
                    self._release(worker)
        if status == "ok":
            return payload
        if status == "user":
            raise payload
        if status == "memory":
            raise QueryFailed(f"the query needed more memory than a worker may use "
                              f"({(self.memory_limit or 0) // _MB} MB); narrow the query")
        raise QueryFailed(payload)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._alive -= len(idle)
            self._cond.notify_all()
        for worker in idle:
            worker.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


__all__ = ["DEFAULT_TIMEOUT", "QueryRunner", "default_memory_limit"]
