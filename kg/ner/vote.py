"""Two readings of an issue, one graph: LAC's names, kept where kg's own model agrees.

The rule layer was built on LAC's reading and gives the better relations; kg's
model (:mod:`kg.ner.charner`, trained on public data) gives the better names on
text of every kind. Each errs where the other does not, so a name both find is
rarely wrong (on every evaluation publication, entity precision rose by 5 to 9
points and recall fell by 1.5 to 4). The vote, per issue:

* every entity of LAC's reading (after the rules, propagation and resolution)
  that kg's model also names somewhere in the issue, with the same type, is kept;
* so is an entity a relation was found for (the sentence's grammar vouches for it);
  a country, province, city or county (not a district) of the division data, or an area of several (华东,
  长三角, 北美: :data:`kg.regions.AREA`): the data vouches for it; a place named with its
  kind of zone (某某高新区, 某某创新谷): its grammar does; and every Policy
  (found by the title rules, not by a model);
* the rest is dropped from the issue, with its mentions.

A few kinds of name go the other way: a company's brand and trade (某某智能, 某某数智) that only
kg's model reads, where LAC's reading has no name there or a person, a registered name LAC cuts after
its place and brand, a fund named with its place or sponsor (某市某某产业发展基金) that LAC reads as
words, a person right after a post whom LAC reads as words, as a place or cut short (副局长某学军, 董事佐藤健 | 一), and a
society named by two fields joined with 与 (某市岩土与减灾学会) whose 与 LAC takes for a conjunction
join LAC's reading after the rules (:mod:`kg.ner.pipeline`).

Both readings come from one ONNX Runtime call per batch (the model's graph holds
LAC's); the rule layer runs on each. Outside an issue (``kg ner``) there is
nothing to vote with: a sentence gets the model's names.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..doc import Issue, Mention, Span
from ..lexicon import GENERIC_PLACE, NAMED_DIVISION, ZONE_SUFFIXES
from ..regions import gazetteer, is_area
from ..resolve import surface_key
from ..vocab import NAME_TYPES
from . import charner
from . import lac as lacmod

#: The types both readings name, as small integers for comparing names in bulk.
TYPE_CODES = {t: k for k, t in enumerate(sorted(NAME_TYPES))}


class VoteBackend(charner.CharNerBackend):
    """kg's model and LAC from one call; :func:`corroborate` keeps what both read."""

    name = "vote"

    def __init__(self, model: str | Path | None = None, threads: int | None = None,
                 model_dir: str | Path | None = None):
        super().__init__(model=model, threads=threads, model_dir=model_dir)
        self._lac_name_type = np.array([TYPE_CODES.get(t, -1) for t in self.runner.span_type], dtype=np.int64)
        self._model_name_type = np.array([TYPE_CODES[t] for t in self.types], dtype=np.int64)

    def recognize_views(self, texts: Sequence[str]) -> list[tuple[list[Span], list[Span] | None]]:
        """Two readings of each text: LAC's (as the ``lac`` backend gives it) and the model's
        (as :meth:`recognize` gives it), or None for the model's where it names exactly LAC's
        names: its reading keeps LAC's other words, so the two would be the same spans."""
        if not texts:
            return []
        lac_tags, ner_tags = self.tag(texts)
        w = lacmod.word_bounds(lac_tags, self.runner.tag_inside)
        lac_view = lacmod.word_spans(w, self.runner.span_type, "lac")
        differ = self._names_differ(w, ner_tags)
        model_view = dict(zip(differ, self._spans([lac_tags[i] for i in differ], [ner_tags[i] for i in differ])))
        return [(view, model_view.get(i)) for i, view in enumerate(lac_view)]

    def _names_differ(self, w: lacmod.Words, ner_tags: list[np.ndarray]) -> list[int]:
        """The texts where the model's names, as (start, end, type), are not LAC's named words
        (``w``: LAC's words over the same texts)."""
        lac_type = self._lac_name_type[w.flat[w.starts]]
        named = lac_type >= 0
        offsets = w.offsets
        names = np.array(charner.entity_spans(np.concatenate(ner_tags).astype(np.int64),
                                              offsets[:-1][np.diff(offsets) > 0]), dtype=np.int64).reshape(-1, 3)
        width = int(offsets[-1]) + 1

        def keys(starts, ends, types):
            return (starts * width + ends) * len(TYPE_CODES) + types

        mismatched = np.setxor1d(keys(w.starts[named], w.ends[named], lac_type[named]),
                                 keys(names[:, 0], names[:, 1], self._model_name_type[names[:, 2]]))
        starts = mismatched // len(TYPE_CODES) // width
        return np.unique(np.searchsorted(offsets, starts, side="right") - 1).tolist()


def _known_place(key: str) -> bool:
    """A country, province or city of the division data. Not a county: many share a name
    (城北区, 新区), and a name cut short often reads as one (中关村科学 | 城北区)."""
    division = gazetteer().divisions.get(key[9:]) if key.startswith("division:") else None
    return division is not None and division.level != "county"


def _county(text: str, m: Mention) -> bool:
    """泰和县, 师宗 (of 师宗县, the only county so called): a county of the division data, named in
    full or by a short name no other county has, that is not the start of a longer place's name
    (防城 | 港). Not a district: many share a name (城北区, 新区)."""
    division = gazetteer().seat(m.text)
    return division is not None and division.level == "county" and not m.text.endswith("区") \
        and gazetteer().head(text[m.start:m.end + 4], words_too=True) in (m.text, None)


def _named_zone(name: str) -> bool:
    """青梧创新谷, 某某高新区, 某某小镇: a name and the kind of zone it is (the model may read the name
    alone). Not 园区 or 新区: 绿色化工园区 is a kind of place too."""
    kind = max((s for s in ZONE_SUFFIXES if name.endswith(s)), key=len, default="")
    return (len(kind) >= 3 or kind == "小镇") and len(name) - len(kind) >= 2 and not GENERIC_PLACE.match(name)


#: 王舍人街道, 某某镇: a township named with its kind (the other reading may not know the name).
_NAMED_TOWN = re.compile(r"(?![\u4e00-\u9fff]*(?:小|特色|城镇|乡镇|试点|重点|各|该|全))"
                         r"(?![\u4e00-\u9fff]*[两三四五六七八九十几多数]个?(?:街道|镇|乡)$)"  # (not 某某两镇: a count)
                         r"[\u4e00-\u9fff]{2,4}(?:街道|镇|乡)")


#: A national organ named in full: 国家某某管理总局, 国家某某管理委员会 (its name's grammar vouches for it).
_NATIONAL_ORGAN = re.compile(r"(?:国家|中华人民共和国|国务院)[\u4e00-\u9fff]{2,14}(?:部|总局|局|委员会|署)")


def _divisions_seating_bodies(issue: Issue) -> set[str]:
    """Keys of the districts and counties the issue names as the seat of a body (某滨区 of 某滨区消防救援大队): the
    name's grammar vouches for the place where the division data do not know it."""
    heads = {m.start: m for m in issue.mentions if m.type == "Region" and NAMED_DIVISION.fullmatch(m.text) and m.text[-1] in "区县"
             and not GENERIC_PLACE.match(m.text)}
    return {heads[m.start].key for m in issue.mentions if m.type == "Organization" and m.start in heads
            and len(m.text) - len(heads[m.start].text) >= 3}


def corroborate(issue: Issue) -> None:
    """Drop, in place, the entities of the issue that only one reading found (see the module's
    docstring); relations keep pointing at the same mentions. A no-op for one reading."""
    if issue.other_reading is None:
        return
    other = {(type_, surface_key(text)) for type_, text in issue.other_reading}
    related = {i for r in issue.relations for i in (r.head, r.tail)}
    seats = _divisions_seating_bodies(issue)
    kept_keys = {(m.type, m.key) for i, m in enumerate(issue.mentions)
                 if m.type == "Policy" or i in related or (m.type, surface_key(m.text)) in other
                 or (m.type == "Region" and (_known_place(m.key) or _county(issue.text, m) or is_area(m.text) or _named_zone(m.text)
                                               or _NAMED_TOWN.fullmatch(m.text) is not None or m.key in seats))
                 or (m.type == "Organization" and _NATIONAL_ORGAN.fullmatch(m.text) is not None)}
    index: dict[int, int] = {}
    mentions: list[Mention] = []
    for i, m in enumerate(issue.mentions):
        if (m.type, m.key) in kept_keys:
            index[i] = len(mentions)
            mentions.append(m)
    for r in issue.relations:
        r.head, r.tail = index[r.head], index[r.tail]
    issue.mentions = mentions
