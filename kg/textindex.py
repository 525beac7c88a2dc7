"""The full-text index of a graph folder (``search.sqlite``): written by the build,
kept in step when issues are added, replaced or removed, rebuilt from the store
when missing. :mod:`kg.search` reads it.

SQLite's FTS5 with the trigram tokenizer (in the standard library's SQLite since
3.34), which needs no word segmentation for Chinese: any run of three or more
characters is found where it occurs. Two FTS5 tables, each over a plain table
that holds the row (external content):

* ``sentences``: one row per sentence, its text alone (so that a scan for a
  one- or two-character word reads nothing else), and ``sentence_info``: its
  issue, date, IRI and the IRIs of the entities it names (space-separated);
* ``entities``: one row per entity: label and aliases across issues (the
  searchable text, ``label / alias / ...``), type, the issues naming it, first
  and last date. Each issue's names are kept apart (``names``), so an entity's
  row is recomputed exactly when an issue is added or removed.

The build adds the rows of each issue it adds or replaces through an
:class:`Indexer` (:class:`IndexRows`, made where the issue was extracted, a Dask
worker included; the old rows are deleted first); :func:`index_issues` does the
same for finished issues, :func:`remove_issues` takes issues out of the graph.
An index that is missing, or whose issues differ from the graph's manifest (a graph built before the index existed, or changed by a tool that does not
keep it), is rebuilt from the store by :func:`open_index`, written beside and
swapped in.
"""
from __future__ import annotations

import json
import os
import queue
import sqlite3
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import vocab
from .errors import GraphError

if TYPE_CHECKING:
    from .doc import Issue
    from .store import KnowledgeGraph

INDEX = "search.sqlite"
SCHEMA_VERSION = "3"
NAME_SEPARATOR = " / "  # between an entity's label and its aliases in its searchable text

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE issues(issue TEXT PRIMARY KEY, date TEXT, fingerprint TEXT);
CREATE TABLE sentences(id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE sentence_info(id INTEGER PRIMARY KEY, issue TEXT NOT NULL, date TEXT, iri TEXT NOT NULL,
                           entities TEXT NOT NULL);
CREATE INDEX sentence_info_issue ON sentence_info(issue);
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id', tokenize='trigram');
CREATE TABLE names(issue TEXT NOT NULL, iri TEXT NOT NULL, type TEXT NOT NULL, label TEXT NOT NULL,
                   aliases TEXT NOT NULL);
CREATE INDEX names_issue ON names(issue);
CREATE INDEX names_iri ON names(iri);
CREATE TABLE entities(id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, type TEXT NOT NULL, label TEXT NOT NULL,
                      text TEXT NOT NULL, issues TEXT NOT NULL, first TEXT, last TEXT);
CREATE VIRTUAL TABLE entities_fts USING fts5(text, content='entities', content_rowid='id', tokenize='trigram');
"""



# -- writing -----------------------------------------------------------------------------------


def index_path(folder: str | Path) -> Path:
    return Path(folder) / INDEX


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA synchronous=OFF")  # safe against a crash of the process; the build swaps its folder in
    conn.execute("PRAGMA cache_size=-65536")  # up to 64 MiB: a build's pages stay in memory until it commits
    return conn


def _create(conn: sqlite3.Connection) -> None:
    """The tables, inside the transaction under way (one commit, not one per statement)."""
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))


@lru_cache(maxsize=1)
def fts5_trigram_available() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer (SQLite ≥ 3.34)."""
    try:
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        conn.close()
        return True
    except sqlite3.Error:
        return False


class Indexer:
    """Adds and removes issues in a graph folder's index, in one transaction.

    ``with Indexer(folder) as index: index.add(issue)``; the entity rows of every
    entity the issues touched are recomputed once, on leaving the block. An error
    inside the block rolls everything back.

    ``background=True`` (the build): :meth:`add` makes the rows and hands them to
    a thread that writes them, so the caller goes on with the next issue while
    SQLite works (it releases the GIL); an error there is raised on leaving."""

    def __init__(self, folder: str | Path, background: bool = False):
        self._touched: set[str] = set()
        self.conn: sqlite3.Connection | None = None
        self._queue: queue.Queue | None = None
        self._writer: threading.Thread | None = None
        self._error: BaseException | None = None
        self._cancelled = False
        if not fts5_trigram_available():  # no index: the build goes on, kg search says why
            return
        path = index_path(folder)
        new = not path.exists()
        try:
            self.conn = _connect(path)
            if not new and _schema(self.conn) != SCHEMA_VERSION:  # written by another version: start again
                self.conn.close()
                path.unlink()
                new, self.conn = True, _connect(path)
            self.conn.execute("BEGIN")
            if new:
                _create(self.conn)
        except sqlite3.Error as e:
            raise GraphError(f"{path}: cannot write the search index: {e}") from e
        if background:
            self._queue = queue.Queue(maxsize=16)
            self._writer = threading.Thread(target=self._write, name="kg-search-index", daemon=True)
            self._writer.start()

    def add(self, issue: Issue) -> None:
        """Index one issue, replacing what the index held for it."""
        self.add_rows(index_rows(issue))

    def add_rows(self, rows: IndexRows) -> None:
        """Index one issue from its rows (made where it was extracted, maybe on a worker)."""
        if self.conn is None:
            return
        item = (rows.id, rows.date, rows.fingerprint, rows.sentences, rows.names)
        if self._queue is not None:
            self._queue.put(item)
        else:
            self._put(*item)

    def _write(self) -> None:
        """The background writer: rows from the queue until None (after an error, or
        once the caller gave up, drained unwritten)."""
        assert self._queue is not None
        while (item := self._queue.get()) is not None:
            if self._error is None and not self._cancelled:
                try:
                    self._put(*item)
                except BaseException as e:
                    self._error = e

    def _put(self, issue_id: str, date: str | None, fingerprint: str | None,
             sentences: list[tuple[str, str, str]], names: list[tuple[str, str, str, list[str]]]) -> None:
        """``sentences``: (IRI, text, the IRIs of the entities it names, space-separated);
        ``names``: (IRI, type, label, aliases)."""
        self.remove(issue_id)
        c = self.conn
        assert c is not None
        c.execute("INSERT INTO issues VALUES (?, ?, ?)", (issue_id, date, fingerprint))
        first = c.execute("SELECT coalesce(max(id), 0) + 1 FROM sentences").fetchone()[0]
        c.executemany("INSERT INTO sentences VALUES (?, ?)", [(first + k, row[1]) for k, row in enumerate(sentences)])
        c.executemany("INSERT INTO sentence_info VALUES (?, ?, ?, ?, ?)",
                      [(first + k, issue_id, date, iri, ents) for k, (iri, _, ents) in enumerate(sentences)])
        c.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ?", (first,))
        c.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)",
                      [(issue_id, iri, type_, label, json.dumps(aliases, ensure_ascii=False) if aliases else "[]")
                       for iri, type_, label, aliases in names])
        self._touched.update(iri for iri, *_ in names)

    def remove(self, issue_id: str) -> None:
        """Drop an issue's sentences and names (nothing if it was not indexed)."""
        c = self.conn
        if c is None or c.execute("SELECT 1 FROM issues WHERE issue = ?", (issue_id,)).fetchone() is None:
            return
        ids = "SELECT id FROM sentence_info WHERE issue = ?"
        c.execute("INSERT INTO sentences_fts(sentences_fts, rowid, text) "
                  f"SELECT 'delete', id, text FROM sentences WHERE id IN ({ids})", (issue_id,))
        c.execute(f"DELETE FROM sentences WHERE id IN ({ids})", (issue_id,))
        c.execute("DELETE FROM sentence_info WHERE issue = ?", (issue_id,))
        self._touched.update(r[0] for r in c.execute("SELECT DISTINCT iri FROM names WHERE issue = ?", (issue_id,)))
        c.execute("DELETE FROM names WHERE issue = ?", (issue_id,))
        c.execute("DELETE FROM issues WHERE issue = ?", (issue_id,))

    def _update_entities(self) -> None:
        """Recompute the rows of the entities the issues touched, a few statements for all."""
        c = self.conn
        assert c is not None
        if not self._touched:
            return
        c.execute("CREATE TEMP TABLE IF NOT EXISTS touched(iri TEXT PRIMARY KEY)")
        c.execute("DELETE FROM touched")
        c.executemany("INSERT INTO touched VALUES (?)", [(iri,) for iri in self._touched])
        c.execute("INSERT INTO entities_fts(entities_fts, rowid, text) "
                  "SELECT 'delete', id, text FROM entities WHERE iri IN (SELECT iri FROM touched)")
        c.execute("DELETE FROM entities WHERE iri IN (SELECT iri FROM touched)")
        dates = dict(c.execute("SELECT issue, date FROM issues"))
        per_entity: dict[str, list] = defaultdict(list)
        for iri, *row in c.execute("SELECT iri, issue, type, label, aliases FROM names "
                                   "WHERE iri IN (SELECT iri FROM touched)"):
            per_entity[iri].append(row)
        rows = []
        for iri in sorted(per_entity):
            found = per_entity[iri]
            labels = Counter(label for _, _, label, _ in found)
            label = vocab.preferred_label(labels)
            aliases = sorted(({a for *_, al in found if al != "[]" for a in json.loads(al)} | set(labels)) - {label})
            issues = sorted({issue for issue, *_ in found})
            seen = sorted(d for d in (dates.get(i) for i in issues) if d)
            rows.append((iri, found[0][1], label, NAME_SEPARATOR.join([label, *aliases]),
                         json.dumps(issues, ensure_ascii=False), seen[0] if seen else None, seen[-1] if seen else None))
        first = c.execute("SELECT coalesce(max(id), 0) + 1 FROM entities").fetchone()[0]
        c.executemany("INSERT INTO entities(iri, type, label, text, issues, first, last) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      rows)
        c.execute("INSERT INTO entities_fts(rowid, text) SELECT id, text FROM entities WHERE id >= ?", (first,))
        c.execute("DELETE FROM touched")
        self._touched = set()

    def close(self, commit: bool = True) -> None:
        if self.conn is None:
            return
        if self._writer is not None and self._queue is not None:
            self._cancelled = not commit
            self._queue.put(None)
            self._writer.join()
            self._writer = None
        try:
            if commit and self._error is not None:
                self.conn.execute("ROLLBACK")
                raise GraphError(f"writing the search index failed: {self._error}") from self._error
            if commit:
                self._update_entities()
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error as e:
            raise GraphError(f"writing the search index failed: {e}") from e
        finally:
            self.conn.close()

    def __enter__(self) -> Indexer:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(commit=exc_type is None)


def index_issues(folder: str | Path, issues: Iterable[Issue]) -> None:
    """Add (or replace) issues in the folder's index; their old rows go first."""
    with Indexer(folder) as index:
        for issue in issues:
            index.add(issue)


def remove_issues(folder: str | Path, issue_ids: Iterable[str]) -> None:
    """Take issues out of the folder's index (ids it does not hold are ignored).

    Without an index there is nothing to do: the first search builds one."""
    if not index_path(folder).exists():
        return
    with Indexer(folder) as index:
        for issue_id in issue_ids:
            index.remove(issue_id)


def _fingerprint(sentences: Any, mentions: Any, date: str | None) -> str | None:
    if sentences is None or mentions is None:
        return None
    return f"{sentences}/{mentions}/{date or ''}"


@dataclass
class IndexRows:
    """What the index holds of one issue; small and picklable, so a worker process
    makes it beside the issue's N-Quads (:class:`kg.nquads.IssueGraph`)."""
    id: str
    date: str | None
    fingerprint: str | None
    sentences: list[tuple[str, str, str]]
    names: list[tuple[str, str, str, list[str]]]


def index_rows(issue: Issue) -> IndexRows:
    """The issue's rows for the index."""
    date = issue.meta.date.isoformat() if issue.meta.date else None
    sentences, names = _issue_rows(issue)
    return IndexRows(issue.id, date, _fingerprint(len(issue.sentences), len(issue.mentions), date), sentences, names)


def _issue_rows(issue: Issue) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str, list[str]]]]:
    """The rows of an issue as the graph writer describes it (:mod:`kg.nquads`)."""
    iris = {ident: vocab.entity_iri(e.type, e.key) for ident, e in issue.entities.items()}
    per_sentence: dict[int, list] = defaultdict(list)
    for m in issue.mentions:
        ident = (m.type, m.key)
        per_sentence[m.sentence].append((m.start, m.end, iris[ident]))
    sentences = [(vocab.sentence_iri(issue.id, k), s.text, _named(per_sentence.get(k, ())))
                 for k, s in enumerate(issue.sentences)]
    names = [(iris[ident], e.type, e.label, sorted(e.aliases)) for ident, e in issue.entities.items()]
    return sentences, names


def _named(mentions: Iterable[tuple[int, int, str]]) -> str:
    """The entities a sentence names, once each, in the order they are first named:
    their IRIs, space-separated (labels are looked up when a hit is shown)."""
    return " ".join(dict.fromkeys(iri for *_, iri in sorted(mentions)))


# -- rebuilding from the store ------------------------------------------------------------------

_lock = threading.Lock()


def rebuild(graph: KnowledgeGraph) -> Path:
    """Write the graph's index anew from its store (beside, then swapped in).

    Read by quad patterns, each once over the whole store (much faster than SPARQL
    joins at a million triples), into the same rows the build writes."""
    import pyoxigraph as ox

    path = index_path(graph.path)
    tmp = path.with_name(f".{INDEX}.{os.getpid()}.{threading.get_ident()}.part")
    tmp.unlink(missing_ok=True)
    manifest = graph.manifest.get("issues", {})
    by_graph = {vocab.issue_graph_iri(i): i for i in manifest}

    def quads(predicate: str, obj: Any = None):
        """(subject, object, issue id) of the predicate's quads in the issue graphs."""
        for q in graph.store.quads_for_pattern(None, ox.NamedNode(predicate), obj, None):
            issue = by_graph.get(getattr(q.graph_name, "value", ""))
            if issue is not None:
                yield q.subject.value, q.object.value, issue  # type: ignore[union-attr]  # no triple terms here

    names: dict[str, dict[str, list]] = defaultdict(dict)  # issue -> entity -> [type, label, aliases]
    for type_ in vocab.TYPES:
        for e, _, issue in quads(vocab.RDF.type, ox.NamedNode(vocab.KG[type_])):
            names[issue][e] = [type_, None, []]
    for e, label, issue in quads(vocab.RDFS.label):
        if (entry := names[issue].get(e)) is not None:
            entry[1] = label
    for e, alias, issue in quads(vocab.SKOS.altLabel):
        if (entry := names[issue].get(e)) is not None:
            entry[2].append(alias)
    of = {(m, issue): e for m, e, issue in quads(vocab.KG.mentionOf) if e in names[issue]}
    starts = {m: int(v) for m, v, issue in quads(vocab.KG.start) if (m, issue) in of}
    ends = {m: int(v) for m, v, issue in quads(vocab.KG.end) if (m, issue) in of}
    mentions: dict[str, list] = defaultdict(list)
    for m, sentence, issue in quads(vocab.KG.inSentence):
        if (e := of.get((m, issue))) is not None:
            mentions[sentence].append((starts[m], ends[m], e))
    sentences: dict[str, list] = defaultdict(list)
    for sentence, text, issue in quads(vocab.RDF.value):
        sentences[issue].append((sentence, text, _named(mentions.get(sentence, ()))))
    try:
        with _TmpIndexer(tmp) as index:
            for issue_id in sorted(manifest):
                meta = manifest[issue_id]
                rows = sorted(sentences.get(issue_id, []), key=lambda r: _position(r[0]))
                index._put(issue_id, meta.get("date"), _fingerprint(meta.get("sentences"), meta.get("mentions"),
                                                                     meta.get("date")),
                           rows, [(e, t, label, sorted(al)) for e, (t, label, al) in names.get(issue_id, {}).items()
                                  if label is not None])
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


class _TmpIndexer(Indexer):
    """An :class:`Indexer` on a file of another name (the rebuild's temporary file)."""

    def __init__(self, path: Path):
        self.conn = _connect(path)
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("BEGIN")
        _create(self.conn)
        self._touched = set()
        self._queue, self._writer, self._error, self._cancelled = None, None, None, False

    def close(self, commit: bool = True) -> None:
        if commit:
            self._update_entities()
            assert self.conn is not None
            self.conn.execute("INSERT INTO sentences_fts(sentences_fts) VALUES ('optimize')")
            self.conn.execute("INSERT INTO entities_fts(entities_fts) VALUES ('optimize')")
        super().close(commit)


def _position(sentence_iri: str) -> int:
    tail = sentence_iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _schema(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None

# -- reading ------------------------------------------------------------------------------------


def _read_manifest(folder: Path) -> dict:
    from .store import MANIFEST, is_graph_folder

    if not is_graph_folder(folder):
        raise GraphError(f"{folder}: not a kg graph folder (make one with: kg build ISSUES --out {folder})")
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise GraphError(f"{folder}: cannot read the graph's manifest: {e}") from e


def _open_read_only(path: Path) -> sqlite3.Connection | None:
    if not path.exists():
        return None
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return None


def _is_current(conn: sqlite3.Connection, manifest: dict) -> bool:
    """Whether the index holds exactly the manifest's issues, as they were built."""
    try:
        if _schema(conn) != SCHEMA_VERSION:
            return False
        indexed = dict(conn.execute("SELECT issue, fingerprint FROM issues").fetchall())
    except sqlite3.Error:
        return False
    issues = manifest.get("issues", {})
    if set(indexed) != set(issues):
        return False
    for issue_id, meta in issues.items():
        expected = _fingerprint(meta.get("sentences"), meta.get("mentions"), meta.get("date"))
        if expected is not None and indexed[issue_id] is not None and expected != indexed[issue_id]:
            return False
    return True


def open_index(folder: str | Path) -> sqlite3.Connection:
    """A read-only connection to the folder's index; a missing index, or one out of
    step with the graph's manifest, is rebuilt from the store first."""
    if not fts5_trigram_available():
        raise GraphError(f"this Python's SQLite ({sqlite3.sqlite_version}) has no FTS5 trigram tokenizer; "
                         "kg search needs SQLite 3.34 or later")
    folder = Path(folder)
    manifest = _read_manifest(folder)
    path = index_path(folder)
    conn = _open_read_only(path)
    if conn is not None and _is_current(conn, manifest):
        return conn
    if conn is not None:
        conn.close()
    with _lock:
        conn = _open_read_only(path)
        if conn is not None and _is_current(conn, manifest):
            return conn
        if conn is not None:
            conn.close()
        from .store import KnowledgeGraph

        try:
            with KnowledgeGraph.open(folder) as graph:
                rebuild(graph)
        except OSError as e:
            raise GraphError(f"{folder}: the search index is missing or out of date and cannot be written here "
                             f"({e.strerror or e}); rebuild the graph with kg build") from e
        conn = _open_read_only(path)
        if conn is None:
            raise GraphError(f"{path}: cannot open the search index")
        return conn


__all__ = ["INDEX", "Indexer", "fts5_trigram_available", "index_issues", "index_path", "open_index", "rebuild",
           "remove_issues"]
