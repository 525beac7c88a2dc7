"""Relations read off names: what an organization's or a title's own name says.

北京岚视科技有限公司 is in 北京; 汀科量子通信网络有限公司北京分公司 is part of
国科量子通信网络有限公司; 《工业和信息化部关于…的通知》 was issued by 工业和信息化部.
The NER stage found the nested names (:mod:`kg.ner.names`); these relations are
marked ``derived_from="name"``, so a user can tell them from stated ones.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from ..doc import Issue, Mention, Relation
from ..regions import gazetteer

_ISSUER_IN_TITLE = re.compile(r"^\s*(?:关于|印发|发布)")


def from_names(issue: Issue, by_sentence: dict[int, list[int]]) -> list[Relation]:
    out: list[Relation] = []
    mentions = issue.mentions
    for members in by_sentence.values():  # a name and what it holds are in one sentence
        for k in members:
            outer = mentions[k]
            if outer.type not in ("Organization", "Policy"):
                continue
            for r in members:
                inner = mentions[r]
                if r == k or not (outer.start <= inner.start and inner.end <= outer.end) \
                        or (inner.start, inner.end) == (outer.start, outer.end):
                    continue
                if outer.type == "Organization" and inner.type == "Region" \
                        and not _inside_larger_region(mentions, r, outer) and not _has_finer_region(mentions, r, outer) \
                        and not _parents_place(mentions, r, outer):
                    out.append(Relation(k, r, "locatedIn", outer.sentence, {}, "name"))
                elif outer.type == "Organization" and inner.type == "Organization" and inner.start == outer.start \
                        and inner.source == "rule:parent-org" and not _nearer_parent(mentions, r, outer):
                    out.append(Relation(k, r, "subsidiaryOf", outer.sentence, {}, "name"))
                elif outer.type == "Policy" and inner.type == "Organization" and inner.start == outer.start \
                        and _ISSUER_IN_TITLE.match(issue.text[inner.end:outer.end]):
                    out.append(Relation(r, k, "issued", outer.sentence, {}, "name"))
    return out


def _nearer_parent(mentions: list[Mention], r: int, outer: Mention) -> bool:
    """某某市人民政府 in 某某市人民政府办公厅秘书处: the 秘书处's parent is the 办公厅, the 办公厅's the government."""
    inner = mentions[r]
    return any(m.type == "Organization" and m.source == "rule:parent-org" and m.start == outer.start
               and inner.end < m.end < outer.end for m in _within(mentions, outer))


def _inside_larger_region(mentions: list[Mention], r: int, outer: Mention) -> bool:
    """北京 in 北京经济技术开发区管委会: the body sits in the zone, which lies in 北京."""
    inner = mentions[r]
    return any(m.type == "Region" and outer.start <= m.start <= inner.start and inner.end <= m.end <= outer.end
               and (m.start, m.end) != (inner.start, inner.end) for m in _within(mentions, outer))


def _parents_place(mentions: list[Mention], r: int, outer: Mention) -> bool:
    """北京 in 北京大学深圳研究生院: the parent is in 北京, the school in 深圳; 上海 in 上海某某有限公司嘉善分公司:
    the branch is in 嘉善 (a place the model may not have found), not within 上海; but 山东 in 山东某某公司坊子分公司
    holds the branch's place too."""
    inner = mentions[r]
    inside = _within(mentions, outer)
    parent = next((m for m in inside if m.type == "Organization" and m.start == outer.start
                   and inner.end <= m.end < outer.end), None)
    if parent is None:
        return False
    g = gazetteer()
    place = g.lookup(inner.text)

    def within_place(name: str) -> bool:
        seat = g.seat(name)
        return place is not None and seat is not None and (seat == place or place in g.ancestors(seat))

    own = [m.text for m in inside if m.type == "Region" and m.start >= parent.end]  # the unit's own place, named
    if own:  # (a province holds its city's unit too: 山东某某公司坊子分公司 is in 山东; 中国 of 中国某某科学院 is no seat)
        return place is None or place.level == "country" or not any(within_place(name) for name in own)
    branch = _BRANCH_TAIL.fullmatch(outer.text, parent.end - outer.start)  # or written before its kind, known or not
    return branch is not None and g.seat(branch.group(1)) is not None and not within_place(branch.group(1))


#: A branch named by its own place after its parent's name: 某某有限公司 | 嘉善分公司.
_BRANCH_TAIL = re.compile(r"([\u4e00-\u9fff]{2,6})(?:分公司|分中心|分院|分所|办事处|分行|支行|分部)")


def _has_finer_region(mentions: list[Mention], r: int, outer: Mention) -> bool:
    """A county-level place inside a name that names a finer place within it too. A province, a city
    or a country is kept beside the finer place (湖北武汉… is in both, as the corpus gold has it)."""
    g = gazetteer()
    coarse = g.lookup(mentions[r].text)
    if coarse is None or coarse.level in ("country", "province", "city"):
        return False
    inside = _within(mentions, outer)
    for m in inside:
        if m.type == "Region" and m is not mentions[r] and not any(  # 湘乡 of the zone 湘乡经开区 is the zone's
                z.type == "Region" and z.start <= m.start and m.end <= z.end and z is not m for z in inside):
            fine = g.lookup(m.text)
            if fine is not None and coarse in g.ancestors(fine):
                return True
    return False


def _within(mentions: list[Mention], outer: Mention) -> list[Mention]:
    """The mentions inside ``outer`` (mentions are sorted by start)."""
    lo = bisect_left(mentions, outer.start, key=lambda m: m.start)
    out = []
    for m in mentions[lo:]:
        if m.start >= outer.end:
            break
        if m.end <= outer.end:
            out.append(m)
    return out
