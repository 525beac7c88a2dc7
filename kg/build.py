"""Writing a graph: ``kg build`` (issue files in) and ``kg remove`` (issues out),
never half-written.

A folder's new graph is written next to ``out`` and swapped in only when complete,
so Ctrl-C or a crash leaves the previous graph as it was (:mod:`kg.atomic`). On a
SPARQL server (``out`` a URL, :mod:`kg.stores.sparql`) each issue's graph is
replaced whole, one request each. Extraction runs here, or on a Dask cluster
(``workers``, ``scheduler``: :mod:`kg.cluster`); the timeline, the names found again
(:mod:`kg.recurring`) and the manifest, which need every issue, are written here in both cases.
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic, plugin, recurring, textindex
from .errors import InputError
from .ingest import Skipped, display, find_files, issue_id, read_issues
from .nquads import IssueGraph
from .resolve import default_aliases
from .store import MANIFEST, KnowledgeGraph, is_graph_folder
from .stores import is_url
from .version import __version__

DEFAULT_BACKEND = plugin.DEFAULTS["ner"]


@dataclass
class BuildReport:
    out: Path | str
    issues: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)  # parts of files read that were left out
    failed: list[tuple[Path, str]] = field(default_factory=list)  # issues whose extraction failed on a cluster
    characters: int = 0
    sentences: int = 0
    mentions: int = 0
    triples: int = 0
    found_again: int = 0  # uses of a name another issue taught (kg.recurring)
    seconds: float = 0.0


def build(inputs: Iterable[str | Path], out: str | Path, *, backend: str = DEFAULT_BACKEND,
          backend_options: dict | None = None, aliases: Iterable[str | Path] = (),
          progress: bool = False, wait: bool = False, ocr: bool = False,
          on_skip: Callable[[Skipped], None] | None = None,
          on_note: Callable[[Path, str], None] | None = None,
          workers: int | None = None, scheduler: str | None = None,
          on_issue: Callable[[str], None] | None = None) -> BuildReport:
    """Build (or update) the graph in ``out`` (a folder, or a SPARQL server's URL) from
    issue files and folders.

    ``workers`` extracts on a local Dask cluster of that many processes, ``scheduler``
    (``tcp://HOST:8786``) on an existing one; the graph is the same, quad for quad.
    An issue whose task fails there is named in ``report.failed`` and the others are
    written. ``on_issue`` is called with each issue's id once its graph is written.

    One writer at a time: another build or removal on ``out`` makes this one fail
    with :class:`InputError`, or wait for it with ``wait=True``. The new graph is
    written next to ``out`` and swapped in when complete (:mod:`kg.atomic`).
    ``ocr=True`` reads PDF pages without a text layer (scans) with Tesseract; without
    it they are skipped with a warning. :class:`~kg.errors.ToolNotFound` (before any
    file is read) when Tesseract or its Chinese model is not installed."""
    started = time.perf_counter()
    remote = is_url(str(out))
    out = str(out) if remote else Path(out)
    report = BuildReport(out)
    cluster = workers is not None or scheduler is not None

    def skip(item: Skipped) -> None:
        report.skipped.append(item)
        if on_skip:
            on_skip(item)

    def note(path: Path, message: str) -> None:
        report.notes.append((path, message))
        if on_note:
            on_note(path, message)

    if cluster:
        from .cluster import check_installed

        check_installed()
    files = find_files(inputs, skip)
    if not remote:
        _check_out(atomic.target(Path(out)))
    if ocr:
        from .readers.ocr import tesseract

        tesseract()
    _check_unique_ids(files)
    alias_files = tuple(str(Path(p).resolve()) for p in aliases)
    alias_table = _load_aliases(alias_files)
    sizes = {path: _size(path) for path in files}  # for the progress bar
    model = None
    if not cluster:
        # the stages are imported here, not above: ``import kg`` (a query worker, a notebook
        # that only reads a graph) must not pay for the NER stage
        from . import ner

        model = ner.load(backend, **(backend_options or {}))

    def graphs() -> Iterator[tuple[IssueGraph, Path]]:
        if cluster:
            yield from _cluster_graphs(files, workers, scheduler, backend, backend_options or {}, alias_files, ocr,
                                       skip, note, report)
        else:
            yield from _local_graphs(files, model, alias_table, ocr, skip, note)

    if remote:
        from .stores.sparql import RemoteGraph

        with RemoteGraph.create(str(out)) as graph:
            _write(graph, graphs(), report, sizes, progress, backend, on_issue)
        report.seconds = time.perf_counter() - started
        return report
    folder = atomic.target(Path(out))
    with atomic.writer_lock(folder, wait=wait):
        atomic.recover(folder)
        _check_out(folder)
        work = atomic.work_folder(folder)
        try:
            local = KnowledgeGraph.checkpoint(folder, work) if is_graph_folder(folder) else KnowledgeGraph.create(work)
            _write(local, graphs(), report, sizes, progress, backend, on_issue)
            atomic.pause_point("swap")
            atomic.swap_in(work, folder)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    report.seconds = time.perf_counter() - started
    return report


def _local_graphs(files: list[Path], model, alias_table, ocr: bool, skip: Callable[[Skipped], None],
                  note: Callable[[Path, str], None]) -> Iterator[tuple[IssueGraph, Path]]:
    """Issues extracted in this process, the model running ahead on the next ones."""
    from .stages import extract_stream, prepare, to_graph

    def prepared():
        """Issues read and normalized as the NER stage asks for them (it overlaps the model)."""
        for n, item in enumerate(read_issues(files, {"ocr": ocr})):
            if n == 0:
                atomic.pause_point("reading")
            if isinstance(item, Skipped):
                skip(item)
            else:
                for message in item.notes:
                    note(item.path, message)
                yield prepare(item)

    for issue in extract_stream(prepared(), model, alias_table):
        yield to_graph(issue), issue.path


def _cluster_graphs(files: list[Path], workers: int | None, scheduler: str | None, backend: str, options: dict,
                    alias_files: tuple[str, ...], ocr: bool, skip: Callable[[Skipped], None],
                    note: Callable[[Path, str], None], report: BuildReport) -> Iterator[tuple[IssueGraph, Path]]:
    """Issues extracted on a Dask cluster, as they finish; failures are kept for the report."""
    from .cluster import Extracted, Failed, extract_on_cluster

    by_name = {str(p.resolve()): p for p in files} | {str(p): p for p in files}
    for result in extract_on_cluster(files, workers=workers, scheduler=scheduler, backend=backend, options=options,
                                     alias_files=alias_files, ocr=ocr):
        if isinstance(result, Failed):
            report.failed.append((result.path, result.reason))
        elif isinstance(result, Skipped):
            skip(Skipped(by_name.get(str(result.path), result.path), result.reason))
        elif isinstance(result, Extracted):
            path = by_name.get(result.path, Path(result.path))
            for message in result.notes:
                note(path, message)
            yield result.graph, path


def remove(out: str | Path, issues: Iterable[str], *, wait: bool = False) -> list[str]:
    """Drop issues from the graph in ``out`` (by issue id or source file name); return
    the ids removed. What other issues say is unchanged, quad for quad; an entity no
    remaining issue names is gone with the last issue that did. Atomic like a build."""
    if is_url(str(out)):
        raise InputError(f"{out}: kg remove is for graph folders; on a SPARQL server, delete the issue's named graph "
                         f"with the server's Graph Store Protocol (kg issues {out} lists them)")
    folder = atomic.target(Path(out))
    with atomic.writer_lock(folder, wait=wait):
        atomic.recover(folder)
        if not is_graph_folder(folder):
            raise InputError(f"{display(folder)}: not a kg graph folder")
        work = atomic.work_folder(folder)
        try:
            graph = KnowledgeGraph.checkpoint(folder, work)
            with graph:
                ids = _issue_ids(graph.manifest.get("issues", {}), issues)
                for issue_id in ids:
                    graph.remove_issue(issue_id)
                recurring.update(graph)
                graph.update_timeline()
                graph.save_manifest()
            textindex.remove_issues(work, ids)
            atomic.swap_in(work, folder)
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
    return ids


def _issue_ids(known: dict, wanted: Iterable[str]) -> list[str]:
    """Issue ids for what a user typed: an id, or the name or path of its file."""
    by_file = {Path(meta.get("path") or "").name: issue_id for issue_id, meta in known.items()}
    ids: list[str] = []
    unknown: list[str] = []
    for name in wanted:
        issue_id = name if name in known else by_file.get(Path(name).name)
        (ids if issue_id else unknown).append(issue_id or name)
    if unknown:
        listing = ", ".join(sorted(known)) or "none"
        raise InputError(f"no issue {', '.join(unknown)} in this graph (its issues: {listing}; see kg issues)")
    if not ids:
        raise InputError("name one or more issues to remove (see kg issues)")
    return list(dict.fromkeys(ids))


def _write(graph, graphs: Iterator[tuple[IssueGraph, Path]], report: BuildReport, sizes: dict[Path, int],
           progress: bool, backend: str, on_issue: Callable[[str], None] | None = None) -> None:
    """Add each issue's graph as it is finished; commit; date the statements. A graph
    folder gets the full-text index (kg search) in step; a SPARQL server has its own."""
    index = textindex.Indexer(graph.path, background=True) if isinstance(graph, KnowledgeGraph) else None
    with graph, index or nullcontext(), _progress_bar(sum(sizes.values()), progress) as bar:
        for n, (made, path) in enumerate(graphs):
            if n == 0:
                atomic.pause_point("extraction")
            report.triples += graph.add_graph(made)
            if index is not None and made.index is not None:
                index.add_rows(made.index)
            report.issues.append(made.id)
            report.characters += made.characters
            report.sentences += made.sentences
            report.mentions += made.mentions
            if bar:
                bar.set_postfix_str(made.id[:30], refresh=False)
                bar.update(sizes.get(path, 0))
            if on_issue:
                on_issue(made.id)
        atomic.pause_point("load")
        graph.commit()
        atomic.pause_point("commit")
        report.found_again = recurring.update(graph)
        graph.update_timeline()
        graph.save_manifest(version=__version__, backend=backend)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _load_aliases(paths: Iterable[str | Path]):
    paths = tuple(str(p) for p in paths)
    for p in paths:
        if not Path(p).is_file():
            raise InputError(f"--aliases {p}: no such file")
    try:
        return default_aliases(paths)
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(f"alias file: {e}") from e


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise InputError(f"--out {out}: folder exists, is not empty and is not a kg graph; "
                         "choose another --out or empty it")


def _check_unique_ids(files: list[Path]) -> None:
    """An issue's id is its file name without the extension: two files must not share one."""
    seen: dict[str, Path] = {}
    for path in files:
        key = issue_id(path)
        if key in seen:
            raise InputError(f"two files give the same issue id {key!r}: "
                             f"{display(seen[key])} and {display(path)}; rename one")
        seen[key] = path


class _progress_bar:
    def __init__(self, total: int, enabled: bool):
        self.total, self.enabled, self.bar = total, enabled, None

    def __enter__(self):
        if self.enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=self.total, unit="B", unit_scale=True, desc="building",
                            leave=False)
        return self.bar

    def __exit__(self, *exc):
        if self.bar:
            self.bar.close()


__all__ = ["DEFAULT_BACKEND", "BuildReport", "build", "remove"]
