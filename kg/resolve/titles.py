"""Policies named more than once in an issue: a title with and without its period or place, a
short title after the full one, a headline's abridged title; each takes the fullest title's key."""
from __future__ import annotations

import re

from ..doc import Issue, Mention
from ..regions import gazetteer


def short_titles(mentions: list[Mention]) -> None:
    """《行动计划》 after 《工业互联网创新发展行动计划（2021-2023 年）》 is that plan."""
    full = [m for m in mentions if m.type == "Policy"]
    for m in full:
        if len(m.key) > 8:
            continue
        longer = [o for o in full if len(o.key) > len(m.key) + 2 and o.start < m.start
                  and _title_core(o.key).endswith(m.key)]
        if longer:
            m.key = max(longer, key=lambda o: o.start).key


def abridged_titles(issue: Issue) -> None:
    """A headline's 德城出台数字经济若干措施 is the article's 《德城区促进数字经济高质量发展若干措施》:
    a title of the same kind whose words it keeps in order, when the article has one such title (its
    period or status in brackets aside; the same words with （试行） are another version, not abridged).
    The same abridged title elsewhere in the issue (its table of contents) is that policy too."""
    policies = [m for m in issue.mentions if m.type == "Policy"]
    if len(policies) < 2:
        return
    abridged: dict[str, set[str]] = {}
    for m in policies:
        if len(m.key) > 20:
            continue
        article = issue.sentences[m.sentence].article
        fuller = {o.key for o in policies if len(_BRACKETED_END.sub("", o.key)) > len(m.key) + 2
                  and _BRACKETED_END.sub("", o.key)[-2:] == m.key[-2:]
                  and issue.sentences[o.sentence].article == article and in_order(m.key, _BRACKETED_END.sub("", o.key))}
        if len(fuller) == 1:
            full = fuller.pop()
            abridged.setdefault(m.key, set()).add(full)
            m.key = full
    for m in policies:
        if len(abridged.get(m.key, ())) == 1:
            m.key = next(iter(abridged[m.key]))


#: A title's period or status in brackets at its end: （2025—2027年）, （试行）.
_BRACKETED_END = re.compile(r"[（(][^（）()]{1,16}[）)]$")


def in_order(short: str, long: str) -> bool:
    """Every character of ``short`` in ``long``, in order."""
    chars = iter(long)
    return all(c in chars for c in short)


def _title_core(key: str) -> str:
    return re.sub(r"[（(][^（）()]*[）)]$", "", key)


_PERIOD = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[）)]$")


def titles_in_full(mentions: list[Mention]) -> None:
    """A headline's 某某行动计划 is the body's 《江城市某某行动计划（2025—2027年）》: the same
    title without its period or its place (not without 试行: a trial version is its own
    document). Where one title is written with two places (北京市… and 上海市…), they stay apart."""
    by_core: dict[str, set[tuple[str, str]]] = {}  # the title without period or place -> (key, place)
    for m in mentions:
        if m.type == "Policy":
            core = _PERIOD.sub("", m.key)
            head = gazetteer().head(core)
            place = head if head and len(core) - len(head) >= 6 else ""
            by_core.setdefault(core[len(place):], set()).add((m.key, place))
    fullest: dict[str, str] = {}
    for written in by_core.values():
        keys = {key for key, _ in written}
        if len(keys) > 1 and len({place for _, place in written} - {""}) <= 1:
            target = max(keys, key=lambda k: (len(k), k))
            fullest.update({key: target for key in keys})
    for m in mentions:
        if m.type == "Policy" and m.key in fullest:
            m.key = fullest[m.key]
