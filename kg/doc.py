"""The data passed between stages.

A reader turns one file into a :class:`RawIssue` (its text, and what the document's
own metadata says); an :class:`Issue` owns the normalized text; articles, sentences and mentions are
spans of it (start/end offsets, end exclusive), as spaCy's ``Span`` is a view
onto a ``Doc``. Offsets always refer to ``Issue.text``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A typed stretch of a sentence, as a NER backend or a rule finds it.

    Treated as immutable (and hashable), but not ``frozen``: a frozen dataclass is
    three times slower to create, and a backend makes one per word.
    """

    start: int
    end: int
    type: str
    source: str = "model"

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Mention:
    """An entity mention in an issue; ``key`` groups mentions of one entity."""

    start: int
    end: int
    type: str
    text: str
    sentence: int
    source: str
    key: str = ""
    #: The (start, end) of the body this mention names again by its kind (该院, 工作站: kg.ner.anaphora).
    refers_to: tuple[int, int] | None = None


@dataclass(slots=True)
class Entity:
    """One entity of an issue, as the graph describes it: mentions with one (type, key)
    are one entity; a region that only contains a named one (中国 above 北京市) is
    described too, without mentions."""

    type: str
    key: str
    label: str
    aliases: list[str] = field(default_factory=list)


EntityKey = tuple[str, str]  # (type, key)


@dataclass(slots=True)
class Relation:
    """A stated relation between two mentions of one issue (indices into ``Issue.mentions``)."""

    head: int
    tail: int
    type: str
    sentence: int
    attributes: dict[str, str | bool] = field(default_factory=dict)
    #: None when a sentence states it; "name" when read off the head's own name
    #: (北京岚视科技有限公司 → 北京), "article" when the article's place implies it.
    derived_from: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    article: int
    text: str


@dataclass(slots=True)
class Article:
    start: int
    end: int
    headline: str | None = None
    section: str | None = None


@dataclass(slots=True)
class IssueMeta:
    """What the issue says about itself; anything not stated stays None."""

    title: str | None = None
    number: str | None = None
    label: str | None = None
    date: date | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class RawIssue:
    """One file as a reader returns it, before normalization.

    ``encoding`` says how the text was obtained: the character encoding of a text or
    web page, or the format (``pdf``, ``pdf+ocr``, ``docx``). ``meta`` is what the
    document's own metadata says (a PDF's /Title, a page's ``og:title``, a Word file's
    core properties); the segment stage uses it only where the text states nothing.
    ``notes`` say what of the file was left out (pages that are scans, without OCR).
    """

    id: str
    path: Path
    encoding: str
    text: str
    meta: IssueMeta = field(default_factory=lambda: IssueMeta())
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class Issue:
    id: str
    path: Path
    encoding: str
    text: str
    meta: IssueMeta = field(default_factory=IssueMeta)
    articles: list[Article] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)  # filled by the relation stage
    declared: dict = field(default_factory=dict)   # short name -> Mention it abbreviates (以下简称…)
    #: What the graph says of the issue's entities, filled once the stages are done
    #: (kg.stages.finish): labels and aliases, the region hierarchy above the regions
    #: named (child, parent), and entity pairs named in one article with no relation.
    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    within: list[tuple[EntityKey, EntityKey]] = field(default_factory=list)
    co_mentions: list[tuple[EntityKey, EntityKey]] = field(default_factory=list)
    #: (type, text) of every name a second model read in the issue, when one did (the
    #: ``vote`` backend): the names both readings share are kept (kg.ner.vote).
    other_reading: set[tuple[str, str]] | None = None


@dataclass(frozen=True, slots=True)
class Taught:
    """A name an issue used, and the entity (its IRI) it used it for (kg.recurring)."""
    surface: str
    type: str
    entity: str
    label: str


@dataclass(frozen=True, slots=True)
class FoundAgain:
    """A use, in one issue, of a name another issue taught: a mention the graph holds
    apart from the issue's own (kg.recurring). IRIs of what it lies in, offsets into
    the issue's text."""
    name: Taught
    issue: str
    issue_id: str
    sentence: str
    article: str
    start: int
    end: int
    source: str = "rule:named-elsewhere"
