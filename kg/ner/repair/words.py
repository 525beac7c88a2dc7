"""The words and names of one sentence as the repairs see them, and what they share."""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ...doc import Span
from ...lexicon import (
    DESCRIPTOR,
    NOT_ORG_WORDS,
    ORG_SUFFIXES,
    OWNED_COMPANY_WORDS,
    OWNING_WORDS,
)
from ...vocab import NAME_TYPES

ENTITY = NAME_TYPES
_ENTITY_LABELS = frozenset(ENTITY)  # (looked up for every word of every pass)
NOUNISH = {"n", "nz", "nw", "vn", "an", "m", "ORG", "LOC"}
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.\-]*")
LATIN_THEN_SPACE = re.compile(r"[A-Za-z0-9] ")
LIST_SEPARATORS = ("、",)
HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,6}")
#: Han characters only, as many as there are (a brand, an owner's name: no figure, no Latin word).
HAN = re.compile(r"[\u4e00-\u9fff]+")
#: Verbs of setting up a body, which the model may tag as nouns (共建/vn) or read into a name.
BUILDING_VERBS = frozenset({"共建", "组建", "成立", "设立", "筹建", "创建", "联建"})  # (not 建设: 某某建设集团)
#: A name has letters or digits (360): a rule of box-drawing characters (────) names nothing.
HAS_LETTERS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


class Word(NamedTuple):
    """A word or a name of one sentence; a tuple, as a sentence has dozens of them."""

    start: int
    end: int
    label: str  # an entity type or a LAC tag

    @property
    def is_entity(self) -> bool:
        return self.label in _ENTITY_LABELS


def words_of(spans: Sequence[Span]) -> list[Word]:
    labels = _LABELS
    return [Word(s.start, s.end, labels.get(s.type) or _label(s.type))
            for s in sorted(spans, key=_order)]


def _order(span: Span) -> tuple[int, int]:
    return span.start, -span.end


_LABELS: dict[str, str] = {}


def _label(type_: str) -> str:
    """``pos:n`` -> ``n``; entity types stay."""
    label = _LABELS[type_] = type_[4:] if type_.startswith("pos:") else type_
    return label



def merge(words: list[Word], i: int, j: int, label: str) -> list[Word]:
    """Words i..j (inclusive) become one word with ``label``."""
    merged = Word(words[i].start, words[j].end, label)
    return words[:i] + [merged] + words[j + 1:]


def ends_like_org(text: str) -> bool:
    return text.endswith(ORG_SUFFIXES) and not NOT_ORG_WORDS.search(text)



def ends_item(text: str, pos: int) -> bool:
    """The next character closes a list item or a name (、，。 等 跟投 …)."""
    return pos >= len(text) or text[pos] in "、，。；：）)和与及等跟领继持也均"


def claim(words: list[Word], start: int, end: int, label: str) -> list[Word]:
    """Make [start, end) one entity word; words it cuts through keep their outside parts."""
    if start >= end:
        return words
    out: list[Word] = []
    for w in words:
        if w.end <= start or w.start >= end:
            out.append(w)
            continue
        if w.start < start:
            out.append(Word(w.start, start, "x"))
        if not out or out[-1].start != start or out[-1].label != label:
            if not any(o.start == start and o.end == end for o in out):
                out.append(Word(start, end, label))
        if w.end > end:
            out.append(Word(end, w.end, "x"))
    return out


def starts_no_name(piece: str) -> bool:
    """全资子公司, 旗下, 企业: what a company is or whose, said before its name, is never the name's first word."""
    return piece.endswith(OWNED_COMPANY_WORDS + OWNING_WORDS) or bool(DESCRIPTOR.fullmatch(piece))
