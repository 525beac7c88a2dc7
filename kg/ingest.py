"""Find issue files and decode them; one file is one issue.

Bad files never stop a build: each is reported as a :class:`Skipped` with the
reason, and the rest goes on. Which reader reads a file is decided by its suffix,
among the plugins of kind ``"reader"`` (:mod:`kg.plugin`); a file named
explicitly with another suffix is read as text.
"""
from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import plugin
from .errors import InputError

DEFAULT_READER = "text"


def readers() -> dict[str, str]:
    """File suffix (lower case, with the dot) -> the name of the reader for it."""
    return {suffix: name for name, p in plugin.plugins("reader").items() for suffix in p.details.get("suffixes", ())}


@dataclass(frozen=True, slots=True)
class RawIssue:
    id: str
    path: Path
    encoding: str
    text: str


@dataclass(frozen=True, slots=True)
class Skipped:
    path: Path
    reason: str


def find_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (recursively) into issue files, in a stable order.

    In folders, hidden files and README files are passed over (a folder of
    issues often describes itself); a file named explicitly is always read.
    """
    found: list[Path] = []
    suffixes = readers()
    given = [Path(p) for p in paths]
    if not given:
        raise InputError("no input given: name one or more issue files or folders")
    for path in given:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            found.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes
                       and not p.stem.upper().startswith("README")
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
            )
        else:
            found.append(path)
    if not found:
        listed = ", ".join(str(p) for p in paths)
        raise InputError(f"no {' or '.join(suffixes)} issue files found in {listed}")
    return list(dict.fromkeys(found))


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ValueError saying why it cannot be read."""
    if not data.strip():
        raise ValueError("empty file")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    for name in ("utf-8", "gb18030"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            pass
    guess = _detect(data)
    if guess:
        return data.decode(guess), guess
    raise ValueError("not UTF-8 or GB18030, and no other encoding could be detected; "
                     "convert it to UTF-8 (e.g. iconv -f BIG5 -t UTF-8)")


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        return None
    try:
        data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return best.encoding


def read_text(path: Path) -> RawIssue:
    """A text or Markdown issue; ValueError says why it cannot be read."""
    text, encoding = decode(path.read_bytes())
    return RawIssue(path.stem, path, encoding, text)


def read_issues(files: Iterable[Path]) -> Iterator[RawIssue | Skipped]:
    """Each file read by the reader for its suffix, or skipped with the reason."""
    suffixes = readers()
    for path in files:
        try:
            reader = plugin.get(suffixes.get(path.suffix.lower(), DEFAULT_READER), "reader")
            raw = reader(path)
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
