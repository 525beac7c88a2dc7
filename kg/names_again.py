"""A name found again in a text: which of the names a text used are worth looking for
elsewhere, and whether a place where one occurs is a use of it.

Both the names an issue uses again in its own other sentences (:mod:`kg.ner.propagate`)
and the names one issue taught found in the others (:mod:`kg.recurring`) are read so.
"""
from __future__ import annotations

import re

from .lexicon import GENERIC_ORG, GENERIC_SECTORS, ORG_SUFFIXES, REGION_PREFIX_WORDS, ZONE_SUFFIXES

#: What a mention may stand for without being a name to look for elsewhere: a body named
#: by its kind and read back to it (该研究院), a policy's short title, a zone's kind.
_STANDS_IN = frozenset({"rule:refers-back", "rule:title", "rule:zone-by-kind", "rule:quoted-company"})
#: Shorter names are too likely to be words, or a surname with a post.
_SHORTEST = {"Organization": 4, "Person": 3, "Region": 3, "Policy": 6}
#: Right after a name, what makes it the start of a longer one: 某某装备 | 产业链, 某某恒钢 | 科技.
_NAME_GOES_ON = re.compile("|".join(sorted({s for s in ORG_SUFFIXES if len(s) >= 2} | {
    "产业", "行业", "机构", "主体", "总院", "科技", "技术", "信息", "网络", "软件", "电子", "智能", "数据",
    "交流会", "大会", "论坛", "峰会", "博览会", "推介会", "洽谈会", "对接会"}, key=len, reverse=True)))
#: A body's kinds of two characters or more: one the text goes on into ends no name.
_LONG_SUFFIXES = tuple(s for s in ORG_SUFFIXES if len(s) >= 2)
#: Right after a place, what makes it part of a longer place: 某某 | 软件园, 某某 | 新区.
_PLACE_GOES_ON = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:园|城|港|谷|新区|片区|港区)")
#: A place or level right before a body's name makes another body (市 | 经济和信息化局).
_LEVEL_BEFORE = tuple(REGION_PREFIX_WORDS) + ("州",)
_LATIN = re.compile(r"[A-Za-z0-9]")
#: An area named by its kind only: 化工园区, 高新区.
_AREA_KIND = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,2}})(?:{'|'.join(ZONE_SUFFIXES)}|园区|港区|新区)$")


def a_name_to_look_for(surface: str, type_: str, source: str) -> bool:
    """A name in its own right, long enough not to be a word: not a kind of body or area,
    not a mention standing in for a name."""
    if source in _STANDS_IN or len(surface) < _SHORTEST.get(type_, 99):
        return False
    if type_ == "Organization":
        return not GENERIC_ORG.match(surface)
    if type_ == "Region":
        return not _AREA_KIND.match(surface)
    return True


def stands_alone(text: str, start: int, end: int, type_: str) -> bool:
    """Not the start of a longer name (某某装备 | 产业链) or of a sector's (智能网联 | 汽车), nor cut
    inside a body's kind (某某投 | 资), nor the end of a name (市 | 某某局), nor part of a longer Latin
    word (Keep of Keeper)."""
    if (_LATIN.match(text, start) and start > 0 and _LATIN.match(text, start - 1)) \
            or (_LATIN.match(text, end - 1) and _LATIN.match(text, end)):
        return False
    if type_ == "Region":
        return not _PLACE_GOES_ON.match(text, end)
    if _NAME_GOES_ON.match(text, end) or any(GENERIC_SECTORS.match(text[start:end + k]) for k in range(1, 5)):
        return False  # (智能网联 | 汽车: a sector's name)
    if any(text.endswith(suffix, start, end + k) for k in (1, 2) for suffix in _LONG_SUFFIXES if len(suffix) > k):
        return False  # (某某科创投 | 资部: the name ends inside a word of a body's kind, 投资)
    return not (type_ == "Organization" and text.endswith(_LEVEL_BEFORE, 0, start))
