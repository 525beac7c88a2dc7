"""Plain text and Markdown: UTF-8 or GB18030 (a BOM is honoured; others detected)."""
from __future__ import annotations

import codecs
from pathlib import Path

from ..doc import RawIssue


def read_text(path: Path) -> RawIssue:
    """A text or Markdown issue; ValueError says why it cannot be read."""
    text, encoding = decode(path.read_bytes())
    return RawIssue(path.stem, path, encoding, text)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name); raise ValueError saying why it cannot be read."""
    if not data.strip():
        raise ValueError("empty file")
    bom = decode_bom(data)
    if bom:
        return bom
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


def decode_bom(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when the data starts with a UTF-8 or UTF-16 byte order mark."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name), name
    return None


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
