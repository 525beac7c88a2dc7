"""Find issue files and read each with the reader for its suffix; one file is one issue.

Bad files never stop a build: each is reported as a :class:`Skipped` with the
reason, and the rest goes on. Which reader reads a file is decided by its suffix,
among the plugins of kind ``"reader"`` (:mod:`kg.plugin`; the built-in ones are in
:mod:`kg.readers`); a file named explicitly with another suffix is read as text.
Options such as ``ocr`` reach the readers that declare them (``options=`` in their
plugin details) and no others.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import plugin
from .doc import RawIssue
from .errors import InputError
from .readers import display, issue_id
from .readers.text import MAX_CHARACTERS, decode, read_text

DEFAULT_READER = "text"


def readers() -> dict[str, str]:
    """File suffix (lower case, with the dot) -> the name of the reader for it."""
    return {suffix: name for name, p in plugin.plugins("reader").items() for suffix in p.details.get("suffixes", ())}


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str


def find_files(paths: Iterable[str | Path], on_skip: Callable[[Skipped], None] | None = None) -> list[Path]:
    """Expand files and folders (recursively) into issue files, in a stable order.

    In folders, hidden files and README files are passed over (a folder of
    issues often describes itself); a file named explicitly is always read. A
    sub-folder that cannot be read is reported to ``on_skip``, not passed over
    in silence.
    """
    found: list[Path] = []
    suffixes = readers()
    given = [Path(p) for p in paths]
    if not given:
        raise InputError("no input given: name one or more issue files or folders")
    for path in given:
        if not path.exists():
            raise InputError(f"{display(path)}: no such file or folder")
        if path.is_dir():
            found.extend(_walk(path, suffixes, on_skip))
        else:
            found.append(path)
    if not found:
        listed = ", ".join(display(p) for p in given)
        raise InputError(f"no issue files ({', '.join(suffixes)}) found in {listed}")
    return list(dict.fromkeys(found))


def _walk(folder: Path, suffixes, on_skip: Callable[[Skipped], None] | None) -> list[Path]:
    def unreadable(error: OSError) -> None:
        if on_skip:
            on_skip(Skipped(Path(error.filename or folder), f"cannot read this folder: {error.strerror or error}"))

    out = []
    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or Path(name).stem.upper().startswith("README"):
                continue
            if Path(name).suffix.lower() in suffixes:
                out.append(Path(root) / name)
    return sorted(out)


def read_issues(files: Iterable[Path], options: Mapping[str, Any] | None = None) -> Iterator[RawIssue | Skipped]:
    """Each file read by the reader for its suffix, or skipped with the reason.

    ``options`` (such as ``{"ocr": True}``) are passed to the readers that declare them."""
    suffixes = readers()
    options = dict(options or {})
    for path in files:
        try:
            found = plugin.find(suffixes.get(path.suffix.lower(), DEFAULT_READER), "reader")
            wanted = {k: v for k, v in options.items() if k in found.details.get("options", ())}
            raw = checked(found.load()(path, **wanted))
        except OSError as e:
            yield Skipped(path, f"cannot read: {e.strerror or e}")
            continue
        except ValueError as e:
            yield Skipped(path, str(e))
            continue
        if not raw.text.strip():
            yield Skipped(path, "no text in file")
            continue
        yield raw


def checked(raw: RawIssue) -> RawIssue:
    """An issue longer than :data:`MAX_CHARACTERS` is refused (ValueError): one issue's
    graph is built in memory, and newsletters are far shorter."""
    if len(raw.text) > MAX_CHARACTERS:
        raise ValueError(f"{len(raw.text):,} characters; one issue may have at most {MAX_CHARACTERS:,} "
                         f"(a newsletter issue has tens of thousands): split it into issues")
    return raw


__all__ = ["DEFAULT_READER", "MAX_CHARACTERS", "RawIssue", "Skipped", "decode", "display", "find_files", "issue_id",
           "read_issues", "read_text", "readers"]
