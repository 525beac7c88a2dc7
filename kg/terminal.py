"""How wide text is in a terminal, and cutting it to a width: the one place for both.

Wide and full-width characters (Chinese) take two columns, combining marks and
format characters none, everything else one. Counted with two regular expressions
over runs of characters, which is fast on long Chinese text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    wide, zero = _patterns()
    return len(text) + sum(map(len, wide.findall(text))) - sum(map(len, zero.findall(text)))


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


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """Runs of wide characters, and of zero-width ones (no assigned character beyond
    plane 3 is either)."""
    wide, zero = [], []
    for code in range(0x40000):
        ch = chr(code)
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            zero.append(code)
        elif unicodedata.east_asian_width(ch) in "WF":
            wide.append(code)
    return re.compile(f"[{_ranges(wide)}]+"), re.compile(f"[{_ranges(zero)}]+")


def _ranges(codes: list[int]) -> str:
    """``[0x41, 0x42, 0x43, 0x61]`` → ``"A-Ca-a"``: a character class of consecutive runs."""
    out = []
    start = prev = codes[0]
    for code in codes[1:] + [-2]:
        if code == prev + 1:
            prev = code
            continue
        out.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
        start = prev = code
    return "".join(out)
