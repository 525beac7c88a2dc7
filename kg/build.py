"""``kg build``: issue files in, a graph folder out, never half-written.

The new graph is written next to ``out`` and swapped in only when complete, so
Ctrl-C or a crash leaves the previous graph as it was.
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import plugin, textindex
from .doc import Issue
from .errors import InputError
from .ingest import Skipped, find_files, read_issues
from .resolve import default_aliases
from .store import MANIFEST, KnowledgeGraph
from .version import __version__

DEFAULT_BACKEND = plugin.DEFAULTS["ner"]


@dataclass
class BuildReport:
    out: Path
    issues: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    characters: int = 0
    sentences: int = 0
    mentions: int = 0
    triples: int = 0
    seconds: float = 0.0


def build(inputs: Iterable[str | Path], out: str | Path, *, backend: str = DEFAULT_BACKEND,
          backend_options: dict | None = None, aliases: Iterable[str | Path] = (),
          progress: bool = False,
          on_skip: Callable[[Skipped], None] | None = None) -> BuildReport:
    """Build (or update) the graph in ``out`` from issue files and folders."""
    # the stages are imported here, not above: ``import kg`` (a query worker, a notebook
    # that only reads a graph) must not pay for the NER stage
    from . import ner
    from .stages import extract_stream, prepare

    started = time.perf_counter()
    out = Path(out)
    files = find_files(inputs)
    _check_out(out)
    _check_unique_ids(files)
    alias_table = _load_aliases(aliases)
    model = ner.load(backend, **(backend_options or {}))
    report = BuildReport(out)
    sizes = {path: _size(path) for path in files}  # for the progress bar

    def prepared() -> Iterator[Issue]:
        """Issues read and normalized as the NER stage asks for them (it overlaps the model)."""
        for item in read_issues(files):
            if isinstance(item, Skipped):
                report.skipped.append(item)
                if on_skip:
                    on_skip(item)
            else:
                yield prepare(item)

    tmp = out.with_name(f".{out.name}.building")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        if (out / MANIFEST).is_file():
            shutil.copytree(out, tmp)
            graph = KnowledgeGraph.open(tmp, read_only=False)
        else:
            graph = KnowledgeGraph.create(tmp)
        with graph, textindex.Indexer(tmp, background=True) as index, _progress_bar(sum(sizes.values()), progress) as bar:
            for issue in extract_stream(prepared(), model, alias_table):
                report.triples += graph.add_issue(issue)
                index.add(issue)  # the full-text index (kg search), in step with the issue graphs
                report.issues.append(issue.id)
                report.characters += sum(len(s.text) for s in issue.sentences)
                report.sentences += len(issue.sentences)
                report.mentions += len(issue.mentions)
                if bar:
                    bar.update(sizes.get(issue.path, 0))
            graph.commit()
            graph.update_timeline()
            graph.save_manifest(version=__version__, backend=backend)
        _swap(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report.seconds = time.perf_counter() - started
    return report


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
        if path.stem in seen:
            raise InputError(f"two files give the same issue id {path.stem!r}: "
                             f"{seen[path.stem]} and {path}; rename one")
        seen[path.stem] = path


def _swap(tmp: Path, out: Path) -> None:
    old = out.with_name(f".{out.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)


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


__all__ = ["DEFAULT_BACKEND", "BuildReport", "build"]
