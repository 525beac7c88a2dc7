"""Branches: a company's name, then the place or zone and the kind of a branch of it, however the
model cut them (某某银行 | 西安分行, 某某银行股份有限公司 | 泸州自贸区 | 支行, 某某律师事务所 | 泸州 | 分所在)."""
from __future__ import annotations

import re

from ...lexicon import BRANCH_TAILS, REGIONAL_UNITS, UNIT_SCOPES, alternatives
from ...regions import AREA, gazetteer, is_area
from .words import Word, claim, merge

#: A company's legal form, then a branch named by its place: 华为技术有限公司 | 深圳研发中心.
_LEGAL_FORM = re.compile(r"有限公司|有限责任公司|股份公司|集团|银行|证券")
_LEGAL_END = re.compile(rf"(?:{_LEGAL_FORM.pattern})$")
_BRANCH = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?(?:{alternatives(BRANCH_TAILS)})$")


def branches(text: str, words: list[Word]) -> list[Word]:
    """华为技术有限公司 | 深圳研发中心, 某某银行 | 西安分行: a company, then a branch named by its
    place, is the branch's name (the company is found inside it again by the name grammar)."""
    if not _LEGAL_FORM.search(text):
        return words
    i = 0
    while i + 1 < len(words):
        w, nxt = words[i], words[i + 1]
        if w.label == "Organization" and w.end == nxt.start and _LEGAL_END.search(text, w.start, w.end) \
                and nxt.label in ("Organization", "Region", "n", "nz") and _BRANCH.match(text[nxt.start:nxt.end]) \
                and gazetteer().head(text[nxt.start:nxt.end]):
            words = merge(words, i, i + 1, "Organization")
        i += 1
    return words


def branches_in_words(text: str, words: list[Word]) -> list[Word]:
    """某某银行股份有限公司 | 泸州自贸区 | 支行, 某某银行自贸区 | 支行, 某某律师事务所 | 泸州 | 分所在/v: a
    company's name, its place or zone, then the branch's kind as a word of its own, are one name
    (before the place at its end makes the whole a zone)."""
    if not any(tail in text for tail in BRANCH_TAILS):
        return words
    out: list[Word] = []
    i = 0
    while i < len(words):
        w = words[i]
        size = _branch_tail(text, words, i) if w.label == "Organization" else 0
        if size:
            kind = words[i + size]
            tail = next(t for t in BRANCH_TAILS if text.startswith(t, kind.start) and kind.start + len(t) <= kind.end)
            out.append(Word(w.start, kind.start + len(tail), "Organization"))
            if kind.start + len(tail) < kind.end:
                out.append(Word(kind.start + len(tail), kind.end, "p"))  # (分所 | 在)
            i += size + 1
            continue
        out.append(w)
        i += 1
    return out


#: A branch's kind as a word, or run into the preposition after it (分所在, 支行为).
_KIND_OF_BRANCH = re.compile(rf"(?:{alternatives(BRANCH_TAILS)})[在为于]?")
_NAMED_WITH_LEGAL_FORM = re.compile(rf"{_LEGAL_FORM.pattern}|事务所")


def _branch_tail(text: str, words: list[Word], i: int) -> int:
    """How many words after a company's name make its branch: a place or zone, then the branch's
    kind (某某银行 | 某某自贸区 | 支行: 2), or the kind alone after a name that ends with its place
    (某某银行自贸区 | 支行: 1); else 0."""
    def kind_at(k: int) -> bool:
        return k < len(words) and words[k].start == words[k - 1].end \
            and _KIND_OF_BRANCH.fullmatch(text, words[k].start, words[k].end) is not None

    name = text[words[i].start:words[i].end]
    if i + 2 < len(words) and words[i + 1].label == "Region" and words[i + 1].start == words[i].end \
            and (_LEGAL_END.search(name) or name.endswith(("事务所", "公司"))) and kind_at(i + 2):  # (某某风能公司 | 上海 | 代表处)
        return 2
    return 1 if name.endswith(("省", "市", "区", "县")) and _NAMED_WITH_LEGAL_FORM.search(name) and kind_at(i + 1) else 0


#: A region, an area or a scope at the end of what the model read as a body's name (某某研究院东北, 某某科技国际).
_PLACE_AT_END = re.compile(rf"(?:{AREA.pattern}|{alternatives(UNIT_SCOPES)})$")


def regional_units(text: str, words: list[Word]) -> list[Word]:
    """某某动力 | 东北 | 区域总部, 某某集团 | 华东 | 区域总部, 某某研究院东北 | 试验站: a body (its brand and a word of
    its trade, or its name), the region the unit serves and the unit's kind are the unit's name (the body
    and the region are found inside it again by the name grammar)."""
    if not any(unit in text for unit in REGIONAL_UNITS):
        return words
    i = 0
    while i < len(words):
        w = words[i]
        if w.label != "Organization":
            i += 1
            continue
        k = i + 1
        if k < len(words) and words[k].start == words[k - 1].end and words[k].label in ("n", "nz") \
                and words[k].end - words[k].start == 2 and k + 1 < len(words) and _serves(text, words[k + 1]):
            k += 1  # (丰禾 | 动力: the brand and its trade)
        if k < len(words) and words[k].start == words[k - 1].end and _serves(text, words[k]):
            place_end = words[k].end
        elif _PLACE_AT_END.search(text, w.start, w.end) and w.end - w.start >= 6:
            place_end = w.end
        else:
            i += 1
            continue
        unit = next((u for u in REGIONAL_UNITS if text.startswith(u, place_end)), None)
        if unit and any(x.end == place_end + len(unit) for x in words):
            words = claim(words, w.start, place_end + len(unit), "Organization")
        i += 1
    return words


def _serves(text: str, w: Word) -> bool:
    """A province, a city, an area or a scope a unit serves: 山西, 华东, 东北, 海外."""
    piece = text[w.start:w.end]
    return (w.label == "Region" and gazetteer().lookup(piece) is not None) or is_area(piece) or piece in UNIT_SCOPES
