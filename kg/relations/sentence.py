"""A sentence as the relation rules read it: its top-level mentions in order, and
the text between them."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..doc import Issue, Mention, Relation
from ..lexicon import BEFORE_THE_SUBJECT, DECLARATION, LIST_LINK

#: Links that join the members of one side of a relation: A、B 和 C; A 与 B (issuers);
#: A，会同 B; A 牵头，联合 B.
WIDE_LINK = re.compile(r"^\s*(?:、|和|与|及|以及|同|会同|联合|[，,]\s*(?:会同|联合)|牵头[，,]?\s*联合)\s*$")


#: The end of a list that names only some: A、B 等部门, 等单位.
OTHERS_LISTED = re.compile(r"^\s*等[^，。；]{0,4}?(?:部门|单位|机构|企业)")
#: A list's link that is no partnership: A、B 和 C.
AND_LINK = re.compile(r"^\s*(?:、|和|及|以及)\s*$")


#: Brackets holding a name in Latin letters, perhaps with a short name after it.
_OTHER_NAME = re.compile(r"\s*[（(][^（）()]{2,60}[）)]")
_LATIN_START = re.compile(r"[A-Za-z]")


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
        #: A（以下简称B）: B's position → A's, and where A's declaration ends, so a list
        #: reads on past the short name (A（以下简称B）、C is the list A, C).
        self.short_name_of: dict[int, int] = {}
        self.declaration_end: dict[int, int] = {}
        #: the short name's mention → where its declaration closes: what follows A（以下简称“B”）
        #: follows B too (B”）控股子公司 C reads B 控股子公司 C)
        self._text_after: dict[int, int] = {}
        for i in range(len(top) - 1):
            end = self.m(top[i]).end
            declared = DECLARATION.match(self.issue.text[end:end + 64]) or self._other_name(top[i], top[i + 1])
            if declared and self.m(top[i + 1]).start < end + declared.end():
                self.short_name_of[i + 1] = i
                self.declaration_end[i] = end + declared.end()
                self._text_after[top[i + 1]] = end + declared.end()
            elif declared:  # A（简称“b”）、C with b read as no name: the list still goes on after the bracket
                self.declaration_end[i] = self._text_after[top[i]] = end + declared.end()

    def _other_name(self, k: int, bracketed: int) -> re.Match | None:
        """某某株式会社（Ranno Denshi K.K.）: the same body's own name in brackets right after its
        Chinese one is read like a declared short name (the list and the clause go on after it)."""
        a, b = self.m(k), self.m(bracketed)
        if a.type != "Organization" or b.type != "Organization" or not _LATIN_START.match(b.text):
            return None
        after = self.issue.text[a.end:a.end + 64]  # (matched from a's end, as a declaration is)
        return _OTHER_NAME.match(after) if self.issue.text[a.end:b.start].strip() in ("（", "(") else None

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
        start = self._text_after.get(a, self.m(a).end)
        return self.issue.text[min(start, self.m(b).start):self.m(b).start]

    def before(self, k: int, width: int = 30) -> str:
        start = max(self.sentence.start, self.m(k).start - width)
        return self.issue.text[start:self.m(k).start]

    def after(self, k: int, width: int = 30) -> str:
        start = self._text_after.get(k, self.m(k).end)
        return self.issue.text[start:min(self.sentence.end, start + width)]

    def position(self, offset: int) -> int:
        """The position of the first mention that starts at or after ``offset``."""
        return next((i for i, k in enumerate(self.ks) if self.m(k).start >= offset), len(self.ks))

    def group_before(self, i: int, types=("Organization",), link: re.Pattern = LIST_LINK) -> list[int]:
        """The coordinated mentions ending at position i: A、B 和 C (ending at a short name declared
        in brackets, the list ends at the name it shortens: A、B（以下简称“b”）)."""
        i = self.short_name_of.get(i, i)
        group = [self.ks[i]]
        j = i
        while (previous := self._listed_before(j, types, link)) is not None:
            j = previous
            group.insert(0, self.ks[j])
        return group

    def group_after(self, i: int, types=("Organization",), link: re.Pattern = LIST_LINK) -> list[int]:
        group = [self.ks[i]]
        j = i
        while (following := self._listed_after(j, types, link)) is not None:
            j = following
            group.append(self.ks[j])
        return group

    def past_places(self, j: int, step: int = 1) -> int | None:
        """The position of the first mention after position j (before it, with step -1) that is no
        place: places between two names describe the second (与瑞典 | Skarvik Energi AB)."""
        j += step
        while 0 <= j < len(self.ks) and self.type(j) == "Region":
            j += step
        return j if 0 <= j < len(self.ks) else None

    def group_past_places(self, i: int, link: re.Pattern = LIST_LINK, forward: bool = True) -> list[int]:
        """The organizations listed from position i on (or up to it), places standing between them
        taken as their descriptions: A、德国 B 和匈牙利 C."""
        group, j, step = [self.ks[i]], i, 1 if forward else -1
        while True:
            nxt = self.past_places(j, step)
            if nxt is None or self.type(nxt) != "Organization":
                return group
            a, b = (self.ks[j], self.ks[nxt]) if forward else (self.ks[nxt], self.ks[j])
            if not link.match(without_places(self, a, b)):
                return group
            group = group + [self.ks[nxt]] if forward else [self.ks[nxt]] + group
            j = nxt

    def _listed_after(self, j: int, types, link: re.Pattern) -> int | None:
        """The position of the member listed after position j, if any."""
        following = j + 1
        if following in self.short_name_of:  # j's own short name, declared in brackets
            following += 1
        if following >= len(self.ks) or self.type(following) not in types:
            return None
        gap = self.issue.text[self._end_of(j):self.m(self.ks[following]).start]
        return following if link.match(gap) else None

    def _listed_before(self, j: int, types, link: re.Pattern) -> int | None:
        previous = j - 1
        previous = self.short_name_of.get(previous, previous)
        if previous < 0 or self.type(previous) not in types:
            return None
        gap = self.issue.text[self._end_of(previous):self.m(self.ks[j]).start]
        return previous if link.match(gap) else None

    def _end_of(self, j: int) -> int:
        """Where the mention at position j ends, with its declared short name."""
        return self.declaration_end.get(j, self.m(self.ks[j]).end)

    def relation(self, head: int, tail: int, type_: str, derived_from: str | None = None, **attributes) -> Relation:
        return Relation(head, tail, type_, self.n, {k: v for k, v in attributes.items() if v not in (None, "")},
                        derived_from)




def sentence_subject(s: Sentence, after_a_date: bool = False) -> int | None:
    """The organization a sentence starts with: what it goes on to say is about it
    (``after_a_date``: also when a date or 近日 comes first). 由 A 与 B 共建的 X 在某地揭牌, A 控股的 X 召开…: X."""
    if not s.ks:
        return None
    for opening in (_MADE_BY_OPENING, _SEATED_OPENING, _OWNED_OPENING):
        if opening.match(s.text):
            opened = next((k for i, k in enumerate(s.ks) if s.type(i) == "Organization"
                           and opening.fullmatch(s.issue.text, s.sentence.start, s.m(k).start)), None)
            if opened is not None or opening is not _OWNED_OPENING:  # (A 是 B 旗下的子公司: A)
                return opened
    if s.type(0) != "Organization":
        return None
    before = s.issue.text[s.sentence.start:s.m(s.ks[0]).start]
    return s.ks[0] if not before.strip() or (after_a_date and BEFORE_THE_SUBJECT.fullmatch(before)) else None


def sentence_before(s: Sentence) -> Sentence | None:
    """The sentence before, in the same article: where 双方 or a post taken goes on from."""
    if s.n == 0 or s.issue.sentences[s.n - 1].article != s.sentence.article:
        return None
    return Sentence(s.issue, s.n - 1, [k for k, m in enumerate(s.issue.mentions) if m.sentence == s.n - 1])


#: A sentence that opens with who made its subject: (4月2日，)由 A 与 B 共建的 | X.
_MADE_BY_OPENING = re.compile(rf"{BEFORE_THE_SUBJECT.pattern}由[^，。；]{{2,60}}?"
                              r"(?:共建|共同建设|合作建设|组建|建设|成立|设立|发起成立|主办|举办|承办)的\s*")

#: A sentence that opens with its subject's owner: 某某供销社控股的 | X, 某某集团旗下的 | X.
_OWNED_OPENING = re.compile(rf"{BEFORE_THE_SUBJECT.pattern}[^，。；由与和及]{{2,30}}?(?:(?:出资)?(?:全资)?控股的|旗下的?)\s*")

#: A sentence that opens with where its subject is: 位于宜昌的 | X.
_SEATED_OPENING = re.compile(rf"{BEFORE_THE_SUBJECT.pattern}(?:总部)?(?:位于|地处|坐落于|设在)[^，。；的]{{2,16}}的\s*")


def without_places(s: Sentence, a: int, b: int) -> str:
    """The text between two mentions with the places between them left out (after a declared
    short name, from where its declaration closes, as :meth:`Sentence.between` reads it)."""
    text, at = [], s.m(b).start - len(s.between(a, b))
    for k in s.ks:
        m = s.m(k)
        if m.start >= at and m.end <= s.m(b).start and m.type == "Region":
            text.append(s.issue.text[at:m.start])
            at = m.end
            if s.issue.text.startswith("的", at) and at + 1 <= s.m(b).start:  # 与新加坡的 X
                at += 1
    text.append(s.issue.text[at:s.m(b).start])
    return "".join(text)
