"""A sentence as the relation rules read it: its top-level mentions in order, and
the text between them."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..doc import Issue, Mention, Relation
from ..lexicon import LIST_LINK

#: Links that join the members of one side of a relation: A、B 和 C; A 与 B (issuers);
#: A，会同 B; A 牵头，联合 B.
WIDE_LINK = re.compile(r"^\s*(?:、|和|与|及|以及|同|会同|联合|[，,]\s*(?:会同|联合)|牵头[，,]?\s*联合)\s*$")


class Sentence:
    """The mentions of one sentence that are not inside another (北京 in 北京旷视…
    is not a link in a chain), with helpers to read the text around them."""

    def __init__(self, issue: Issue, n: int, members: list[int]):
        self.issue, self.n = issue, n
        self.sentence = issue.sentences[n]
        top: list[int] = []
        last_end = -1
        for k in members:
            m = issue.mentions[k]
            if m.start >= last_end:
                top.append(k)
                last_end = m.end
        self.ks = top

    @property
    def text(self) -> str:
        return self.sentence.text

    def m(self, k: int) -> Mention:
        return self.issue.mentions[k]

    def type(self, i: int) -> str:
        """The type of the mention at position ``i`` (a position in :attr:`ks`)."""
        return self.issue.mentions[self.ks[i]].type

    def neighbours(self, first: str | None = None, second: str | None = None) -> Iterator[tuple[int, int, int]]:
        """(position, mention, next mention) for each pair of adjacent mentions, of the
        given types when given."""
        for i in range(len(self.ks) - 1):
            a, b = self.ks[i], self.ks[i + 1]
            if (first is None or self.m(a).type == first) and (second is None or self.m(b).type == second):
                yield i, a, b

    def between(self, a: int, b: int) -> str:
        return self.issue.text[self.m(a).end:self.m(b).start]

    def before(self, k: int, width: int = 30) -> str:
        start = max(self.sentence.start, self.m(k).start - width)
        return self.issue.text[start:self.m(k).start]

    def after(self, k: int, width: int = 30) -> str:
        end = min(self.sentence.end, self.m(k).end + width)
        return self.issue.text[self.m(k).end:end]

    def position(self, offset: int) -> int:
        """The position of the first mention that starts at or after ``offset``."""
        return next((i for i, k in enumerate(self.ks) if self.m(k).start >= offset), len(self.ks))

    def group_before(self, i: int, types=("Organization",), link: re.Pattern = LIST_LINK) -> list[int]:
        """The coordinated mentions ending at position i: A、B 和 C."""
        group = [self.ks[i]]
        j = i
        while j > 0 and self.type(j - 1) in types and link.match(self.between(self.ks[j - 1], self.ks[j])):
            j -= 1
            group.insert(0, self.ks[j])
        return group

    def group_after(self, i: int, types=("Organization",), link: re.Pattern = LIST_LINK) -> list[int]:
        group = [self.ks[i]]
        j = i
        while j + 1 < len(self.ks) and self.type(j + 1) in types and link.match(self.between(self.ks[j], self.ks[j + 1])):
            j += 1
            group.append(self.ks[j])
        return group

    def relation(self, head: int, tail: int, type_: str, derived_from: str | None = None, **attributes) -> Relation:
        return Relation(head, tail, type_, self.n, {k: v for k, v in attributes.items() if v not in (None, "")},
                        derived_from)
