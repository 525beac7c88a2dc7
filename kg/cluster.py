"""Extraction sharded over a Dask cluster: ``kg build --workers N`` or ``--scheduler URL``.

One task per issue file: read, normalize, NER, resolve, relations, N-Quads
(:func:`extract_file`), in a worker process that loads the NER model once and keeps
it. This is possible because an issue's N-Quads are a function of that issue alone:
entity keys depend on the mention, its issue, the alias files and the division data
(:mod:`kg.resolve`), so every IRI is the same whichever worker mints it. What needs
the whole collection (the timeline of statements across issues, the names one issue
taught found again in the others, :mod:`kg.recurring`, and the manifest) is done by the
client when the issues' graphs are in the store (:mod:`kg.build`).

A worker that dies has its task run again elsewhere (Dask's own retries); an issue
whose task fails is named in :attr:`Failed` and the others go on.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError, KgError, ToolNotFound
from .ingest import Skipped
from .nquads import IssueGraph

INSTALL = "--workers and --scheduler need Dask: pip install 'kg[scale]' (dask[distributed])"
#: Tasks in flight per worker: enough to keep each busy, few enough to bound memory.
AHEAD = 4

_worker_state: dict[tuple, Any] = {}


@dataclass
class Extracted:
    """One issue done by a worker: its graph, and the reader's notes."""
    path: str
    graph: IssueGraph
    notes: list[str]


@dataclass
class Failed:
    """An issue whose task failed (after Dask's retries); the reason is one line."""
    path: Path
    reason: str


def _cached(key: tuple, make: Callable[[], Any]) -> Any:
    if key not in _worker_state:
        _worker_state[key] = make()
    return _worker_state[key]


def pin_to_core() -> None:
    """Keep this worker process (all its threads, and those it starts later) on one core,
    chosen by the worker's name (0, 1, … in a local cluster): a worker per core, so the
    model's thread and the rules of one worker never take a second worker's core."""
    import os

    if not hasattr(os, "sched_setaffinity"):
        return
    try:
        from dask.distributed import get_worker

        index = int(get_worker().name)
        cores = sorted(os.sched_getaffinity(0))
        core = {cores[index % len(cores)]}
        for task in os.listdir("/proc/self/task"):
            os.sched_setaffinity(int(task), core)
    except (ValueError, TypeError, OSError, ImportError):
        pass


def extract_file(path: str, backend: str, options: dict, alias_files: tuple[str, ...], ocr: bool,
                 given: str | None = None, pin: bool = False) -> Extracted | Skipped:
    """The task: one issue file to its graph, in this process (a Dask worker, or a test).
    ``path`` is read; ``given`` (the path as the user gave it) is what the graph records,
    as the single-process build does."""
    import dataclasses

    from . import ner
    from .ingest import read_issues
    from .resolve import default_aliases
    from .stages import finish, prepare, to_graph

    def load_model():
        model = ner.load(backend, **options)
        model.concurrent_calls = 1  # type: ignore[attr-defined]  # a worker per core: no threads on top
        return model

    if pin and ("pinned",) not in _worker_state:
        pin_to_core()
        _worker_state[("pinned",)] = True
    model = _cached(("ner", backend, tuple(sorted(options.items()))), load_model)
    aliases = _cached(("aliases", alias_files), lambda: default_aliases(alias_files))
    _test_failures(Path(path).stem)
    item = next(read_issues([Path(path)], {"ocr": ocr}))
    if isinstance(item, Skipped):
        return item
    if given is not None:
        item = dataclasses.replace(item, path=Path(given))
    issue = prepare(item)
    ner.recognize([issue], model)
    finish(issue, aliases)
    return Extracted(path, to_graph(issue), list(item.notes))


def _test_failures(stem: str) -> None:
    """Where the tests make a task fail: ``KG_TEST_FAIL_ISSUE=stem`` raises in its task;
    ``KG_TEST_KILL_WORKER=stem:marker`` kills the worker running it, once (the marker
    file says it happened)."""
    import os

    if os.environ.get("KG_TEST_FAIL_ISSUE") == stem:
        raise RuntimeError(f"failing {stem} on purpose (KG_TEST_FAIL_ISSUE)")
    target, _, marker = os.environ.get("KG_TEST_KILL_WORKER", "").partition(":")
    if target == stem and marker and not os.path.exists(marker):
        Path(marker).write_text("killed", encoding="utf-8")
        os._exit(17)


def _dask():
    try:
        from dask import distributed
    except ImportError:
        raise ToolNotFound(INSTALL) from None
    return distributed


def check_installed() -> None:
    """:class:`ToolNotFound` (before anything is read) when Dask is not installed."""
    _dask()


def extract_on_cluster(files: list[Path], *, workers: int | None = None, scheduler: str | None = None,
                       backend: str, options: dict | None = None, alias_files: tuple[str, ...] = (),
                       ocr: bool = False) -> Iterator[Extracted | Skipped | Failed]:
    """Each file's result as its task finishes (in no fixed order): :class:`Extracted`,
    :class:`~kg.ingest.Skipped` (the reader refused it) or :class:`Failed`."""
    distributed = _dask()
    if scheduler is None and (workers is None or workers < 1):
        raise InputError("--workers: at least 1")
    cluster = None
    try:
        if scheduler is None:
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                               dashboard_address=None, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
        else:
            try:
                client = distributed.Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as e:
                raise InputError(f"--scheduler {scheduler}: cannot reach the Dask scheduler ({e})") from None
    except KgError:
        raise
    except Exception:
        if cluster is not None:
            cluster.close()
        raise
    try:
        import os

        # a cluster started here, with no more workers than cores: one core each
        pin = cluster is not None and (workers or 1) <= len(os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity")
                                                            else range(os.cpu_count() or 1))
        yield from _run(distributed, client, files, backend, dict(options or {}), tuple(map(str, alias_files)), ocr, pin)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run(distributed, client, files, backend, options, alias_files, ocr, pin):
    slots = max(1, len(client.scheduler_info().get("workers", {})) or 1) * AHEAD
    pending = iter(enumerate(files))
    paths: dict[str, Path] = {}

    def submit():
        item = next(pending, None)
        if item is None:
            return None
        n, path = item
        future = client.submit(extract_file, str(path.resolve()), backend, options, alias_files, ocr, str(path), pin,
                               key=f"kg-issue-{n}-{path.name}", pure=False)
        paths[future.key] = path
        return future

    futures = [f for f in (submit() for _ in range(slots)) if f is not None]
    done = distributed.as_completed(futures)
    for future in done:
        path = paths.pop(future.key)
        try:
            result = future.result()
        except KgError as e:
            yield Failed(path, str(e))
        except Exception as e:  # a task's error, or a worker killed once too often
            yield Failed(path, " ".join(f"{type(e).__name__}: {e}".split())[:300])
        else:
            yield result
        future.release()
        following = submit()
        if following is not None:
            done.add(following)


__all__ = ["INSTALL", "Extracted", "Failed", "check_installed", "extract_file", "extract_on_cluster"]
