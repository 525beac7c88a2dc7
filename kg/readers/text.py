"""Plain text and Markdown: UTF-8, GB18030 or Big5 decided by evidence (a BOM is honoured; others detected)."""
from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache
from pathlib import Path

from ..doc import RawIssue
from . import issue_id

#: Characters one issue may have (about 400 times a long newsletter issue).
MAX_CHARACTERS = 5_000_000


def read_text(path: Path) -> RawIssue:
    """A text or Markdown issue; ValueError says why it cannot be read."""
    if path.stat().st_size > 4 * MAX_CHARACTERS:  # refused before it is read into memory
        raise ValueError(f"{path.stat().st_size:,} bytes is too large for one issue; split it into issues")
    text, encoding = decode(path.read_bytes())
    return RawIssue(issue_id(path), path, encoding, text)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ValueError saying why it cannot be read."""
    if not data.strip():
        raise ValueError("empty file")
    bom = decode_bom(data)
    if bom:
        return bom
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


def decode_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the data starts with a UTF-8 or UTF-16 byte order mark."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    return None


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
