"""The data passed between stages.

An :class:`Issue` owns the normalized text; articles, sentences and mentions are
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
    relations: list = field(default_factory=list)  # kg.relations.Relation, filled by the relation stage
    declared: dict = field(default_factory=dict)   # short name -> Mention it abbreviates (以下简称…)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]
