"""Full-text search over the graph's sentences and entity names.

``search(folder, "words")`` reads the folder's index (:mod:`kg.textindex`, built
with the graph; a graph built without one gets it on the first search) and
returns the entities whose names match, then the sentences that match, each
ranked by bm25, each hit marked as offsets (``spans``) and as text with 【】
around it (``marked``).

Plain words are each matched as a literal, and all must occur. A word of one or
two characters, which trigrams cannot match, is found by a scan of the texts
(``instr``, ASCII letters in either case; a text-only table keeps it short), and
with no longer word the hits are ranked by how often they hold the words,
shorter texts first. A query using FTS5
syntax (``"..."``, ``OR``, ``NOT``, ``NEAR``, parentheses, ``*``) is passed to FTS5
as written (each of its terms then needs three characters), and a mistake in it
raises :class:`~kg.errors.QueryError` with one line.
"""
from __future__ import annotations

import heapq
import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import textindex
from .errors import GraphError, InputError, QueryError
from .normalize import _to_half_width_alnum
from .stores.http import is_url
from .textindex import NAME_SEPARATOR, index_issues, open_index, remove_issues

KINDS = ("entity", "sentence")
#: Marks around a hit in :attr:`Hit.marked` (the terminal's view; offsets are in :attr:`Hit.spans`).
OPEN, CLOSE = "【", "】"
MAX_LIMIT = 1000


@dataclass
class Hit:
    """One sentence or one entity that matches, with where it matches.

    ``spans`` are (start, end) offsets of the hits in ``text``, end exclusive;
    ``marked`` is ``text`` with 【】 around them. A sentence has its ``issue``,
    ``date`` and the ``entities`` it names (``{"iri", "type", "label"}``); an
    entity has its ``type``, ``label``, ``aliases``, ``issues`` and its ``date``
    is the first issue's (``last`` the latest). ``score``: higher is better (bm25,
    negated; for one- and two-character words, the number of occurrences)."""

    kind: str
    iri: str
    text: str
    spans: list[tuple[int, int]]
    score: float
    issue: str | None = None
    date: str | None = None
    entities: list[dict] = field(default_factory=list)
    type: str | None = None
    label: str | None = None
    aliases: list[str] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)
    last: str | None = None

    @property
    def marked(self) -> str:
        return mark(self.text, self.spans)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["spans"] = [list(s) for s in self.spans]
        data["marked"] = self.marked
        if self.kind == "sentence":
            for key in ("type", "label", "aliases", "issues", "last"):
                data.pop(key)
        else:
            data.pop("issue")
            data.pop("entities")
        return data


def mark(text: str, spans: Iterable[tuple[int, int]], open_: str = OPEN, close: str = CLOSE) -> str:
    out, at = [], 0
    for start, end in spans:
        out.append(text[at:start] + open_ + text[start:end] + close)
        at = end
    return "".join(out) + text[at:]


_FTS_SYNTAX = re.compile(r'["()*^]|(?<!\S)(?:AND|OR|NOT|NEAR)(?!\S)')
_ASCII_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


@dataclass(frozen=True)
class Query:
    """A search as SQLite runs it: an FTS5 expression (None when every word is
    shorter than three characters), the shorter words to find by a scan, and the
    plain words (empty for a query in FTS5 syntax)."""

    fts: str | None
    short: tuple[str, ...]
    words: tuple[str, ...]


def parse_query(text: str) -> Query:
    """Plain words become quoted FTS5 strings, all of which must occur; a query that
    uses FTS5 syntax is kept as written. Full-width letters and digits are read as
    ASCII, as the build normalizes the text."""
    query = " ".join(_to_half_width_alnum(text).split())
    if not query:
        raise QueryError("nothing to search for: give one or more words")
    if _FTS_SYNTAX.search(query):
        return Query(query, (), ())
    words = tuple(dict.fromkeys(query.split()))
    long = [w for w in words if len(w) >= 3]
    fts = " ".join('"' + w.replace('"', '""') + '"' for w in long) or None
    return Query(fts, tuple(w for w in words if len(w) < 3), words)


#: What SQLite says about a query FTS5 cannot parse (other errors are the index's).
_SYNTAX_ERRORS = ("fts5", "syntax error", "unterminated string", "no such column", "unknown special query")


def _variants(word: str) -> list[str]:
    """The word with its ASCII letters in either case (``ai`` → ai, aI, Ai, AI): what
    ``instr`` must look for, as it tells cases apart. A short word has few."""
    out = [""]
    for ch in word:
        out = [v + c for v in out for c in ({ch.lower(), ch.upper()} if ch.isascii() and ch.isalpha() else {ch})]
    return sorted(out)


def _contains(words: Iterable[str]) -> tuple[str, list[str]]:
    """An SQL condition that ``s.text`` holds every word, and its parameters."""
    conditions, params = [], []
    for word in words:
        variants = _variants(word)
        conditions.append("(" + " OR ".join("instr(s.text, ?) > 0" for _ in variants) + ")")
        params.extend(variants)
    return " AND ".join(conditions) or "1", params


_TABLES = {  # kind -> (FTS5 table, the columns of a hit, the table of the texts, the join for the rest)
    "sentence": ("sentences_fts", "s.id, i.issue, i.date, i.iri, s.text, i.entities", "sentences",
                 "JOIN sentence_info i ON i.id = s.id"),
    "entity": ("entities_fts", "s.id, s.iri, s.type, s.label, s.text, s.issues, s.first, s.last", "entities", ""),
}
#: Equal scores in a fixed order, whatever order the build indexed the issues in (a
#: Dask build indexes them as they finish): by issue and sentence number, or by IRI.
_TIE = {"sentence": "i.issue, length(i.iri), i.iri", "entity": "s.iri"}


def _rows(conn: sqlite3.Connection, kind: str, query: Query, limit: int) -> list[tuple]:
    """Matching rows, best first; each ends with the highlighted text (or None) and a score.

    With three-character words, FTS5 finds and ranks them (bm25), the short words
    filtering. With short words alone, the texts that hold them all are scanned and
    ranked here: by occurrences, then shorter first. Entities named exactly as the
    words (a label or an alias) come first either way."""
    fts, columns, table, join = _TABLES[kind]
    tie = _TIE[kind]
    where, params = _contains(query.short)
    name = NAME_SEPARATOR + " ".join(query.words).translate(_ASCII_LOWER) + NAME_SEPARATOR
    exact = kind == "entity" and bool(query.words)
    try:
        if query.fts is not None:
            first = "instr(lower(? || s.text || ?), ?) > 0 DESC, " if exact else ""
            sql = (f"SELECT {columns}, highlight({fts}, 0, char(2), char(3)), -{fts}.rank "
                   f"FROM {fts} JOIN {table} s ON s.id = {fts}.rowid {join} WHERE {fts} MATCH ? AND {where} "
                   f"ORDER BY {first}{fts}.rank, {tie} LIMIT ?")
            return conn.execute(sql, [query.fts, *params, *([NAME_SEPARATOR] * 2 + [name] if exact else []),
                                      limit]).fetchall()
        found = conn.execute(f"SELECT s.id, s.text, {tie} FROM {table} s {join} WHERE {where}", params).fetchall()
        words = [w.lower() for w in query.short]
        fold = any(w != s for w, s in zip(words, query.short)) or exact  # case matters only with ASCII letters

        def rank(row: tuple) -> tuple:
            """Smallest first: an exact name, more occurrences, a shorter text, then the tie order."""
            text = row[1].lower() if fold else row[1]
            return (not (exact and name in NAME_SEPARATOR + text + NAME_SEPARATOR),
                    -sum(text.count(w) for w in words), len(text), *row[2:])

        best = heapq.nsmallest(limit, ((rank(row), row[0]) for row in found))
        scores = {i: float(-key[1]) for key, i in best}
        marks = ",".join("?" * len(best))
        rows = {row[0]: row for row in conn.execute(f"SELECT {columns} FROM {table} s {join} WHERE s.id IN ({marks})",
                                                    list(scores))}
        return [(*rows[i], None, scores[i]) for i in scores]
    except sqlite3.OperationalError as e:
        if query.fts is not None and any(sign in str(e) for sign in _SYNTAX_ERRORS):
            raise QueryError(f"bad search query {query.fts!r}: {e} (in FTS5 syntax, quote words with \"...\"; "
                             "or give plain words)") from None
        raise GraphError(f"the search index cannot be read: {e}") from None
    except sqlite3.DatabaseError as e:
        raise GraphError(f"the search index cannot be read ({e}); delete {textindex.INDEX} in the graph folder "
                         "and search again to rebuild it") from None


def _spans(text: str, highlighted: str | None, short: Iterable[str]) -> list[tuple[int, int]]:
    """Where the hits are in ``text``: from FTS5's markers, and each short word's occurrences."""
    spans = []
    if highlighted:
        at, start = 0, 0
        for ch in highlighted:
            if ch == "\x02":
                start = at
            elif ch == "\x03":
                spans.append((start, at))
            else:
                at += 1
    lowered = text.translate(_ASCII_LOWER)
    for word in short:
        word = word.translate(_ASCII_LOWER)
        k = lowered.find(word)
        while k >= 0:
            spans.append((k, k + len(word)))
            k = lowered.find(word, k + len(word))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _entities(conn: sqlite3.Connection, iris: set[str]) -> dict[str, dict]:
    """Type and label of each entity, by IRI."""
    if not iris:
        return {}
    marks = ",".join("?" * len(iris))
    return {iri: {"iri": iri, "type": type_, "label": label}
            for iri, type_, label in conn.execute(f"SELECT iri, type, label FROM entities WHERE iri IN ({marks})",
                                                  sorted(iris))}


def search(folder: str | Path, text: str, limit: int = 20, kinds: Iterable[str] = KINDS) -> list[Hit]:
    """Entities whose names match, then sentences that match, each ranked (best
    first) and each at most ``limit``. Raises :class:`QueryError` for a bad query."""
    if is_url(str(folder)):
        raise InputError(f"{folder}: full-text search reads a graph folder's index, and a SPARQL server has none; "
                         f"search its names with: kg query {folder} --named find --param text=WORDS")
    kinds = list(kinds)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise InputError(f"unknown kind {', '.join(unknown)} (kinds: {', '.join(KINDS)})")
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}")
    query = parse_query(text)
    short = query.short
    conn = open_index(folder)
    try:
        hits: list[Hit] = []
        if "entity" in kinds:
            for _, iri, type_, label, name, issues, first, last, lit, score in _rows(conn, "entity", query, limit):
                hits.append(Hit("entity", iri, name, _spans(name, lit, short), score, date=first, type=type_, label=label,
                                aliases=name.split(NAME_SEPARATOR)[1:], issues=json.loads(issues), last=last))
        if "sentence" in kinds:
            rows = _rows(conn, "sentence", query, limit)
            named = _entities(conn, {iri for row in rows for iri in row[5].split()})
            for _, issue, date, iri, sentence, ents, lit, score in rows:
                hits.append(Hit("sentence", iri, sentence, _spans(sentence, lit, short), score, issue=issue, date=date,
                                entities=[named[e] for e in ents.split() if e in named]))
        return hits
    finally:
        conn.close()


__all__ = ["KINDS", "Hit", "Query", "index_issues", "mark", "parse_query", "remove_issues", "search"]
