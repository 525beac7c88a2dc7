"""Find issue files and decode them; one file is one issue.

Bad files never stop a build: each is reported as a :class:`Skipped` with the
reason, and the rest goes on. Which reader reads a file is decided by its suffix,
among the plugins of kind ``"reader"`` (:mod:`kg.plugin`); a file named
explicitly with another suffix is read as text.
"""
from __future__ import annotations

import codecs
import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import plugin
from .errors import InputError

DEFAULT_READER = "text"
#: Characters one issue may have (about 400 times a long newsletter issue).
MAX_CHARACTERS = 5_000_000


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
        raise InputError(f"no {' or '.join(suffixes)} issue files found in {listed}")
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


def issue_id(path: Path) -> str:
    """An issue's id: its file name without the extension, bytes that are not UTF-8 escaped."""
    return display(path.stem)


def display(path: Path | str) -> str:
    """A path as a terminal can show it: bytes that are not UTF-8 (a name from an
    archive made on another system) and control characters escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode() for ch in text)


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
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chinese = _chinese_encoding(data)
    if chinese:
        return chinese
    guess = _detect(data)
    if guess:
        return data.decode(guess), guess
    raise ValueError("not UTF-8 or GB18030, and no other encoding could be detected; "
                     "convert it to UTF-8 (e.g. iconv -f BIG5 -t UTF-8)")


#: How many of a reading's Chinese characters must be common ones for it to be believed.
_BELIEVABLE = 0.85


def _chinese_encoding(data: bytes) -> tuple[str, str] | None:
    """GB18030 or Big5, decided by evidence: GB18030 decodes almost any bytes, so a
    Big5 file read as GB18030 is mojibake of rare characters. Each reading is
    scored by the share of its Chinese characters that are common ones (GB2312's
    first level, the simplified ones, and Big5's common characters, the traditional
    ones); the better reading wins if it is believable. ValueError when neither is."""
    readings = []
    common = _gb_common() | _big5_common()
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if ord(c) > 0x2E7F and unicodedata.category(c).startswith("L")]
        if len(letters) < 20:  # too little Chinese to judge: the mainland default
            return (text, name) if name == "gb18030" else None
        readings.append((sum(c in common for c in letters) / len(letters), name, text))
    if not readings:
        return None
    score, name, text = max(readings)
    if score < _BELIEVABLE:
        raise ValueError(f"not UTF-8, and neither GB18030 nor Big5 reads it believably (best: {name}, "
                         f"{score:.0%} common characters); convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)")
    return text, name


@lru_cache(maxsize=1)
def _gb_common() -> frozenset[str]:
    """GB2312's first level: the 3,755 most used simplified characters."""
    return frozenset(_decoded("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)))


@lru_cache(maxsize=1)
def _big5_common() -> frozenset[str]:
    """Big5's common characters (A440 to C67E): the 5,401 most used traditional ones."""
    return frozenset(_decoded("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]))


def _decoded(codec: str, highs, lows) -> list[str]:
    out = []
    for hi in highs:
        for lo in lows:
            try:
                out.append(bytes([hi, lo]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


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
    if path.stat().st_size > 4 * MAX_CHARACTERS:  # refused before it is read into memory
        raise ValueError(f"{path.stat().st_size:,} bytes is too large for one issue; split it into issues")
    text, encoding = decode(path.read_bytes())
    return checked(RawIssue(issue_id(path), path, encoding, text))


def checked(raw: RawIssue) -> RawIssue:
    """An issue longer than :data:`MAX_CHARACTERS` is refused (ValueError): one issue's
    graph is built in memory, and newsletters are far shorter."""
    if len(raw.text) > MAX_CHARACTERS:
        raise ValueError(f"{len(raw.text):,} characters; one issue may have at most {MAX_CHARACTERS:,} "
                         f"(a newsletter issue has tens of thousands): split it into issues")
    return raw


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
