"""People: named again by surname and a form of address, and told apart by their post."""
from __future__ import annotations

import re

from ..doc import Issue
from ..lexicon import COMPOUND_SURNAMES, HONORIFICS, alternatives

#: How a person named in full is addressed after: 陈总, 欧阳院士, 王教授 (not a post: 陈主任 may be another 陈).
ADDRESSED = re.compile(rf"(?:总|老师|{alternatives(HONORIFICS)})")


def people_by_surname(issue: Issue) -> None:
    """陈总 or 欧阳 | 院士 after 陈某某 or 欧阳某某 in the same issue: that person, where the
    issue names only one person of that surname."""
    people = [m for m in issue.mentions if m.type == "Person"]
    for m in people:
        surname = m.text[:2] if m.text.startswith(COMPOUND_SURNAMES) else m.text[:1]
        rest = m.text[len(surname):]
        if not (ADDRESSED.fullmatch(rest) if rest else ADDRESSED.match(issue.text, m.end)):
            continue
        named = {p.key for p in people if p.text.startswith(surname) and len(p.text) > len(surname)
                 and not ADDRESSED.fullmatch(p.text[len(surname):])}
        if len(named) == 1:
            m.key = named.pop()


def resolve_people(issue: Issue) -> None:
    """A person with a stated post is told apart by the organization: 王磊@北京市经济和信息化局."""
    posts: dict[str, str] = {}
    for r in issue.relations:
        if r.type == "holdsPosition":
            person, org = issue.mentions[r.head], issue.mentions[r.tail]
            posts.setdefault(person.key, org.key)
    for m in issue.mentions:
        if m.type == "Person" and m.key in posts and "@" not in m.key:
            m.key = f"{m.key}@{posts[m.key]}"
