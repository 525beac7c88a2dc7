"""Counties and prefectures named in full that the model read in pieces: 正 | 蓝 | 旗, 西乌 | 珠穆沁旗,
和 | 布克赛尔蒙古自治县 (the conjunction's character taken off the front)."""
from __future__ import annotations

import re

from ...regions import gazetteer
from .words import Word, claim

#: The last character of a county's or a prefecture's full name.
_KIND_ENDS = frozenset("旗县盟州区市")
#: A number right before: its measure word may start a name (2 名山区 are two people from the mountains).
_COUNTED = re.compile(r"[0-9０-９一二三四五六七八九十两几百千万]\s*$")
#: The longest such name, in characters (某某蒙古族藏族自治州).
_LONGEST = 12


def divisions_read_in_pieces(text: str, words: list[Word]) -> list[Word]:
    """A county or prefecture of the division data, written with its kind (正蓝旗, 某某蒙古自治县), that the model
    read as several words, as a shorter place after a word (和 | 布克赛尔…) or as a person: one place, when its name starts
    and ends where words do and no body's or title's name runs across it."""
    if not _KIND_ENDS.intersection(text):
        return words
    starts = {w.start for w in words}
    found: list[tuple[int, int]] = []
    for end in sorted({w.end for w in words if text[w.end - 1] in _KIND_ENDS}):
        start = next((s for s in range(max(0, end - _LONGEST), end - 2) if s in starts and _full_name(text[s:end])), None)
        if start is None or (found and found[-1][1] > start) or _COUNTED.search(text, 0, start):
            continue  # (2 名 | 山区: a count's measure word, then a common noun)
        inside = [w for w in words if w.start < end and start < w.end]
        read_as_a_person = len(inside) == 1 and inside[0].label == "Person"  # 土默特左旗/PER
        if (len(inside) >= 2 or read_as_a_person) \
                and all(start <= w.start and w.end <= end and w.label not in ("Organization", "Policy") for w in inside):
            found.append((start, end))
    for start, end in found:
        words = claim(words, start, end, "Region")
    return words


def _full_name(name: str) -> bool:
    division = gazetteer().lookup(name)
    return division is not None and division.name == name and division.level in ("county", "city")
