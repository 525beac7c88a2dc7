"""How wide text is in a terminal, and cutting it to a width: the one place for both.

Wide and full-width characters (Chinese) take two columns, combining marks and
format characters none, everything else one. A text is measured in one
``str.translate`` call, with a table filled as characters are first seen.
"""
from __future__ import annotations

import unicodedata


class _Columns(dict):
    """Code point -> the text ``str.translate`` puts in its place, as many characters
    long as the columns it takes: nothing, itself, or two spaces."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            columns = ""
        elif unicodedata.east_asian_width(ch) in "WF":
            columns = "  "
        else:
            columns = ch
        self[code] = columns
        return columns


_COLUMNS = _Columns()


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return len(text.translate(_COLUMNS))


def char_width(ch: str) -> int:
    return display_width(ch)


def cut(text: str, width: int) -> str:
    """``text`` within ``width`` columns, ending with … when cut (0: never cut)."""
    if width <= 0 or display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:  # leave a column for the ellipsis
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int) -> str:
    """``text`` cut (with …) or padded with spaces to exactly ``width`` columns."""
    text = cut(text, width)
    return text + " " * (width - display_width(text))
