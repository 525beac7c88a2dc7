"""A government office's name: the level and place before it (市 + 经信局, 北京市 + 经济和信息化局)
and the 和 inside it (青岛市工业 | 和 | 信息化局; 市 | 大 | 数据 | 和 | 智慧城市建设办公室), however
the model cut them."""
from __future__ import annotations

import re

from ...lexicon import GENERIC_SECTORS, GOVERNMENT_BODY, LOCAL_LEVELS, REGION_PREFIX_WORDS
from ...regions import gazetteer
from .words import Word, ends_like_org, merge

#: The second half of a government body named "A 和 B": 工业 | 和 | 信息化局, 发展 | 和 | 改革委员会, 文化 | 和 | 广电旅游体育局.
_AND_BODY = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:局|厅|委|委员会|部|署)$")
_AND = ("和", "及")
#: A school's name, then the first field of one of its colleges: 某某大学船舶 (| 与 | 海洋工程学院).
_SCHOOL_AND_FIELD = re.compile(r"(?:大学|学院)[\u4e00-\u9fff]{1,6}$")
_AND_COLLEGE = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:学院|系)$")


def bodies_named_with_and(text: str, words: list[Word]) -> list[Word]:
    """青岛市工业 | 和 | 信息化局: a body whose name has 和 (or 及) inside, which the model cut there; so is
    某某政府 | 经济 | 及 | 科技发展局, an office of a government named after it, and 某某大学船舶 | 与 | 海洋工程学院,
    a school's college of two fields."""
    if "和" not in text and "及" not in text and not ("与" in text and "学院" in text):
        return words
    i = 0
    while i + 1 < len(words):
        a, c = words[i], words[i + 1]
        glued = text[c.start:c.end]  # 某某创新科技 | 及工业局: the 及 read with the office
        if a.label == "Organization" and a.end == c.start and glued[0] in _AND and _AND_BODY.match(glued[1:]) \
                and not ends_like_org(text[a.start:a.end]):
            words = merge(words, i, i + 1, "Organization")
        elif a.label == "Organization" and text.endswith("政府", a.start, a.end) and i + 3 < len(words) \
                and words[i + 1].label in _FIELD_WORDS and text[words[i + 2].start:words[i + 2].end] in _AND \
                and a.end == words[i + 1].start and _AND_BODY.match(text[words[i + 3].start:words[i + 3].end]) \
                and words[i + 1].end == words[i + 2].start == words[i + 3].start - 1:
            words = merge(words, i, i + 3, "Organization")
        i += 1
    i = 0
    while i + 2 < len(words):
        a, c = words[i], words[i + 1]
        college = _SCHOOL_AND_FIELD.search(text, a.start, a.end) is not None  # 某某大学船舶 | 与 | 海洋工程学院
        if a.label == "Organization" and (text[c.start:c.end] in _AND or (college and text[c.start:c.end] == "与")) \
                and a.end == c.start and not ends_like_org(text[a.start:a.end]):
            for last in (i + 2, i + 3):  # 信息化局, or 信息化 | 局
                tail = words[i + 2:last + 1]
                if last < len(words) and all(t.label in ("n", "vn", "nz", "Organization") for t in tail) \
                        and all(x.end == y.start for x, y in zip(words[i + 1:last], words[i + 2:last + 1])) \
                        and (_AND_BODY if not college else _AND_COLLEGE).match(text[words[i + 2].start:words[last].end]):
                    words = merge(words, i, last, "Organization")
                    break
        i += 1
    i = len(words) - 2
    while i > 0:  # 市 | 大 | 数据 | 和 | 智慧城市建设办公室: the level and the first field were left out
        first = _first_field_before_and(text, words, i)
        if first is not None:
            words = merge(words, first - 1, i + 1, "Organization")
            i = first - 1
        i -= 1
    return words


def _first_field_before_and(text: str, words: list[Word], i: int) -> int | None:
    """Where the fields of a government office's name start, when ``words[i]`` is the 和 before the
    office the model read (市 | 大 | 数据 | 和 | 智慧城市建设办公室: 大), right after a level word or a place."""
    body, c = words[i + 1], words[i]
    if body.label != "Organization" or text[c.start:c.end] != "和" or c.end != body.start \
            or not GOVERNMENT_BODY.search(text[body.start:body.end]):
        return None
    first = i
    while first > 1 and i - first < 3 and words[first - 1].label in _FIELD_WORDS and words[first - 1].end == words[first].start:
        first -= 1
        if (text[words[first - 1].start:words[first - 1].end] in LOCAL_LEVELS or words[first - 1].label == "Region") \
                and words[first - 1].end == words[first].start:  # (某某新区 | 生态 | 环境 | 和 | 应急管理局: a place opens it)
            return first if c.start - words[first].start <= 6 else None
    return None


#: What the words of a field in an office's name are tagged (大 | 数据).
_FIELD_WORDS = ("n", "a", "vn", "nz")


def _named_by_its_place(body: str) -> bool:
    """江西某某有限公司: a name that starts with a province or a city needs no level word before it
    (我县 | 江西某某有限公司: the 县 is the writer's county)."""
    head = gazetteer().head(body)
    division = gazetteer().lookup(head) if head else None
    return division is not None and division.level in ("province", "city")


def extend_prefixes(text: str, words: list[Word]) -> list[Word]:
    """北京市 + 经济和信息化局, 市 + 经信局: a region or a level word before an organization."""
    i = 1
    while i < len(words):
        w, prev = words[i], words[i - 1]
        if w.label == "Organization" and prev.end == w.start:
            piece = text[prev.start:prev.end]
            body = text[w.start:w.end]
            if ((prev.label == "Region" and (GOVERNMENT_BODY.search(body) or piece.endswith(("市", "省", "区", "县"))))
                    or (piece in REGION_PREFIX_WORDS and not _named_by_its_place(body))) \
                    and not GENERIC_SECTORS.match(body):  # not 某某地区 | 新能源汽车
                words = merge(words, i - 1, i, "Organization")
                i = max(i - 1, 1)
                continue
        i += 1
    return words
