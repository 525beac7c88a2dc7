"""SPARQL over a graph folder: prefixes, named queries, safe parameters, time limits, formats.

This is the API behind ``kg query`` and ``kg serve``, and for notebooks::

    from kg.query import run_query, format_result, named_queries
    result = run_query("kg-data", named="positions", params={"person": "王磊"})
    for row in result.dicts():
        print(row["title"], row["organization"])
    print(format_result(result, "table").decode())

* Prefixes: those of the ontology and the common W3C vocabularies (:data:`PREFIXES`)
  are declared for every query; a query may declare its own (its own win).
* Parameters are bound with Oxigraph's substitutions (SEP-0007), never pasted into
  the query text. A bound variable must appear in the SELECT clause (Oxigraph's
  rule); it is an input, so it is left out of the results.
* ``entity`` parameters take a name as an analyst types it (a label or alias, with
  or without 《》, full- or half-width) or an IRI, and are resolved to the entities
  so named before the query runs; several entities of that name give one run each.
* Time limits: with a ``timeout`` the query runs in a worker process that is killed
  (and reaped) at the deadline, materializing and formatting included; Oxigraph
  0.5 has no cancellation, so this is the only way to stop a query in Rust code.
* The default graph is the union of the issue graphs. An entity's names and a
  relation are stated in every issue that names them, and Oxigraph 0.5 sees such
  a triple once per graph (oxigraph#1919, fixed upstream in 0.6): count with
  DISTINCT. The named queries join inside ``GRAPH ?g { ... }`` (one issue at a
  time), which keeps them exact and linear in the number of issues.
* Oxigraph plans a query before the parameters are substituted, so it cannot
  know they are bound; the named queries put the pattern that uses a parameter
  first, so that a given name drives the query.
"""
from __future__ import annotations

import contextlib
import io
import itertools
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Self

import pyoxigraph as ox

from . import vocab

#: Declared for every query: the ontology's prefixes and the common W3C ones.
PREFIXES: dict[str, str] = {
    **{p: str(ns) for p, ns in vocab.PREFIXES.items()},
    "dc": "http://purl.org/dc/elements/1.1/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcat": "http://www.w3.org/ns/dcat#",
    "time": "http://www.w3.org/2006/time#",
    "void": "http://rdfs.org/ns/void#",
    "vann": "http://purl.org/vocab/vann/",
}

DEFAULT_TIMEOUT = 30.0
XSD = str(vocab.XSD)
KG = str(vocab.KG)
RDF_TYPE = ox.NamedNode(str(vocab.RDF.type))
LABEL_PROPERTIES = (ox.NamedNode(str(vocab.RDFS.label)), ox.NamedNode(str(vocab.SKOS.altLabel)))
ENTITY_CLASSES = tuple(ox.NamedNode(KG + t) for t in (*vocab.ENTITY_TYPES, *vocab.EXTRA_TYPES))
MAX_RUNS = 32  # entity parameters naming several entities: at most this many runs


# --------------------------------------------------------------------------- errors

class QueryError(Exception):
    """A user mistake: bad query text, unknown named query, bad parameter. Exit 2, HTTP 400."""


class QuerySyntaxError(QueryError):
    """The parser refused the query; ``line`` and ``column`` locate the error (1-based)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column

    def __reduce__(self):
        return type(self), (str(self), self.line, self.column)


class UpdateRefused(QueryError):
    """SPARQL Update (or a Graph Store write) on a read-only graph. HTTP 403."""


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""

    def __init__(self, seconds: float):
        super().__init__(f"query stopped after {seconds:g} s, its time limit")
        self.seconds = seconds

    def __reduce__(self):
        return type(self), (self.seconds,)


class QueryFailed(Exception):
    """The engine failed on a valid query (storage error, worker died). HTTP 500-class."""


class ServerBusy(Exception):
    """Every worker stayed busy until the request's deadline. HTTP 503."""


# --------------------------------------------------------------------------- query text

_PNAME = r"[A-Za-z][\w.-]*"  # good enough to find a PREFIX declaration's name
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
QUERY_KEYWORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_VAR = re.compile(r"[?$]\w+")
_WORD = re.compile(r"[\w.:-]+")


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, value) of the significant tokens: strings, IRIs and comments are skipped
    as units, so a keyword inside a literal or an IRI is never seen as one."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            yield "string", text[i:j + len(quote)]
            i = j + len(quote)
        elif c == "<" and (m := _IRI.match(text, i)):
            yield "iri", m.group()
            i = m.end()
        elif c in "?$" and (m := _VAR.match(text, i)):
            yield "var", m.group()
            i = m.end()
        elif m := _WORD.match(text, i):
            word = m.group()
            yield ("pname" if ":" in word else "word"), word
            i = m.end()
        else:
            yield "punct", c
            i += 1


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE, ASK, an update keyword (INSERT, LOAD, ...), or None."""
    for kind, value in _tokens(text):
        if kind == "word" and value.upper() in ("PREFIX", "BASE"):
            continue
        if kind in ("pname", "iri") or (kind == "punct" and value == ":"):
            continue  # the rest of a PREFIX/BASE declaration
        word = value.upper() if kind == "word" else None
        return word if word in UPDATE_KEYWORDS | QUERY_KEYWORDS else None
    return None


def is_update(text: str) -> bool:
    return query_form(text) in UPDATE_KEYWORDS


def uses_service(text: str) -> bool:
    """A SERVICE clause: pyoxigraph would fetch it over HTTP, so it is refused."""
    return any(kind == "word" and value.upper() == "SERVICE" for kind, value in _tokens(text))


def _check_text(text: str) -> None:
    if not text or not text.strip():
        raise QueryError("the query is empty")
    if is_update(text):
        raise UpdateRefused("SPARQL Update is refused: the graph is read-only (rebuild it with kg build)")
    if uses_service(text):
        raise QueryError("SERVICE (federated query) is disabled: kg queries never leave this graph")


def _syntax_error(error: Exception, text: str) -> QuerySyntaxError:
    """Oxigraph says 'error at 3:2: expected ...'; keep its line and column, make it one line."""
    message = " ".join(str(error).split())
    m = re.match(r"error at (\d+):(\d+): (.*)", message)
    if not m:
        return QuerySyntaxError(f"syntax error: {message}")
    line, column, detail = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = text.split("\n")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in detail:
        declared = set(PREFIXES) | set(re.findall(r"PREFIX\s+([\w.-]*)\s*:", text, re.IGNORECASE))
        unknown = sorted((abs(found.start() - column + 1), found.group(1) or "")
                         for found in re.finditer(r"(?<![\w?$<\"'#/])([A-Za-z][\w.-]*)?:(?![/\w]*>)", source)
                         if (found.group(1) or "") not in declared)
        name = unknown[0][1] if unknown else ""
        detail = (f"unknown prefix '{name}:'; declare it with PREFIX {name}: <...> "
                  f"(declared for you: {', '.join(sorted(PREFIXES))})")
    else:
        if "[" in detail:  # character classes: "['A' ..= 'Z' | ...]" says "a name" to a person
            detail = re.sub(r"\['(?:[^'\\]|\\.)*'(?:\s*(?:\.\.=|\|)\s*'(?:[^'\\]|\\.)*')*\]", "", detail)
            detail = re.sub(r"(,\s*)+(?=,|$)", "", re.sub(r",\s*,", ",", detail)).rstrip(", ")
            detail = detail.replace("expected one of ", "expected a name or one of ")
        if len(detail) > 240:
            detail = detail[:240] + "…"
    near = source.strip()
    if len(near) > 60:
        start = max(0, column - 30)
        near = ("…" if start else "") + source[start:start + 60].strip() + "…"
    return QuerySyntaxError(f"syntax error at line {line}, column {column}: {detail}"
                            + (f" (in: {near})" if near else ""), line, column)


# --------------------------------------------------------------------------- parameters

@dataclass(frozen=True)
class Param:
    """A parameter a query declares in a comment: ``# param: NAME (KIND[ Class][, required]) — help``."""
    name: str
    kind: str = "label"
    cls: str | None = None
    required: bool = False
    help: str = ""

    @property
    def example(self) -> str | None:
        m = re.search(r"e\.g\.\s*([^;,]+?)(?:[;,]|$)", self.help)
        return m.group(1).strip() if m else None

    def describe(self) -> str:
        kind = self.kind + (f" {self.cls}" if self.cls else "")
        return f"{self.name} ({kind}{', required' if self.required else ''})" + (f": {self.help}" if self.help else "")


PARAM_KINDS = {
    "label": "a name, bound as a @zh literal (labels and aliases are @zh)",
    "entity": "a name (label or alias) or IRI, resolved to the entities so named",
    "text": "a plain string",
    "class": "a class: Organization, kg:Person or a full IRI",
    "property": "a property: issued, kg:locatedIn or a full IRI",
    "iri": "an IRI: <http://...>, http://... or prefix:name",
    "date": "a date: 2021-06-01 (or 2021-06, 2021)",
    "integer": "a whole number",
}
_DECLARATION = re.compile(
    r"^#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<spec>[^)]*)\))?\s*(?:[—–-]+|:)?\s*(?P<help>.*)$")
_VARIABLE = re.compile(r"^[A-Za-z_]\w*$")


def parse_declarations(text: str) -> tuple[str, tuple[Param, ...], str]:
    """The description (first comment line), the declared parameters, and the other
    comment lines of the leading comment block."""
    description, params, notes = "", [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        if m := _DECLARATION.match(stripped):
            words = [w.strip() for w in re.split(r"[,\s]+", m.group("spec") or "") if w.strip()]
            required = "required" in words
            words = [w for w in words if w != "required"]
            kind = words[0] if words else "label"
            if kind not in PARAM_KINDS:
                raise ValueError(f"param {m.group('name')}: unknown kind {kind!r}")
            params.append(Param(m.group("name"), kind, words[1] if len(words) > 1 else None, required,
                                m.group("help").strip()))
        elif not description:
            description = stripped.lstrip("#").strip()
        else:
            notes.append(stripped.lstrip("#").strip())
    return description, tuple(params), "\n".join(notes).strip()


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()
    notes: str = ""

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def example_params(self) -> dict[str, str]:
        return {p.name: p.example for p in self.params if p.example}


@lru_cache(maxsize=1)
def named_queries() -> dict[str, NamedQuery]:
    """The packaged library, ``kg/queries/*.rq``, by name."""
    folder = resources.files("kg.queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            description, params, notes = parse_declarations(text)
            out[entry.name[:-3]] = NamedQuery(entry.name[:-3], description, text, params, notes)
    return out


def named_query(name: str) -> NamedQuery:
    library = named_queries()
    if name in library:
        return library[name]
    close = get_close_matches(name, list(library), n=1)
    hint = f"did you mean {close[0]}? " if close else ""
    raise QueryError(f"no named query {name!r}; {hint}see the list with: kg query GRAPH --list")


def parse_param_args(items: Iterable[str]) -> dict[str, str]:
    """``["name=王磊", ...]`` → ``{"name": "王磊"}``; one error line for a malformed item."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _VARIABLE.match(name):
            raise QueryError(f"bad --param {item!r}: write NAME=VALUE, e.g. --param person=王磊")
        if name in out:
            raise QueryError(f"--param {name} is given twice")
        out[name] = value
    return out


_BRACKETS = "《》〈〉“”‘’「」『』\"'"


def clean_name(value: str) -> str:
    """What users type around a name: spaces, 《》 and quotes."""
    return value.strip().strip(_BRACKETS).strip()


def normalize_name(value: str) -> str:
    """For loose matching: NFKC (full-width to half-width), no spaces, brackets or case."""
    value = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in value if not ch.isspace() and ch not in _BRACKETS).casefold()


def _iri(value: str, default_namespace: str | None = None) -> ox.NamedNode:
    value = value.strip()
    try:
        if value.startswith("<") and value.endswith(">"):
            return ox.NamedNode(value[1:-1])
        if re.match(r"^[a-zA-Z][\w+.-]*://", value) or value.startswith("urn:"):
            return ox.NamedNode(value)
        prefix, sep, local = value.partition(":")
        if sep and prefix in PREFIXES:
            return ox.NamedNode(PREFIXES[prefix] + local)
        if not sep and default_namespace and re.match(r"^[A-Za-z_][\w-]*$", value):
            return ox.NamedNode(default_namespace + value)
    except ValueError:
        pass
    raise ValueError(value)


def _looks_like_iri(value: str) -> bool:
    try:
        _iri(value)
        return True
    except ValueError:
        return False


@dataclass
class Bindings:
    """Parameters ready to run: terms to substitute, and entity names to resolve first."""
    terms: dict[str, object] = field(default_factory=dict)
    entities: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [*self.terms, *self.entities]


def bind_params(values: dict[str, str], declared: Iterable[Param] = (), strict: bool = False) -> Bindings:
    """Check and convert parameter values. With ``strict`` (named queries) a name the
    query does not declare is refused; otherwise an undeclared value is an IRI when
    written as one (<...>, http://..., kg:Person) and a @zh literal otherwise."""
    declared = {p.name: p for p in declared}
    out = Bindings()
    for name, raw in values.items():
        param = declared.get(name)
        if param is None:
            if strict:
                known = ", ".join(declared) or "none"
                raise QueryError(f"unknown parameter {name!r} (this query takes: {known})")
            param = Param(name, "iri" if _looks_like_iri(raw) else "label")
        if not _VARIABLE.match(name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        value = raw.strip()
        if not value:
            raise QueryError(f"--param {name} is empty")
        kind = param.kind
        try:
            if kind == "entity":
                if _looks_like_iri(value):
                    out.terms[name] = _iri(value)
                else:
                    out.entities[name] = (raw, param.cls)
                continue
            if kind == "label":
                out.terms[name] = ox.Literal(clean_name(value), language="zh")
            elif kind == "text":
                out.terms[name] = ox.Literal(value)
            elif kind in ("class", "property"):
                out.terms[name] = _iri(value, KG)
            elif kind == "iri":
                out.terms[name] = _iri(value)
            elif kind == "integer":
                out.terms[name] = ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
            elif kind == "date":
                out.terms[name] = ox.Literal(_date(value), datatype=ox.NamedNode(XSD + "date"))
        except ValueError:
            raise QueryError(f"--param {name}={raw}: not {PARAM_KINDS[kind]}") from None
    for param in declared.values():
        if param.required and param.name not in values:
            example = f", e.g. --param {param.name}={param.example}" if param.example else ""
            raise QueryError(f"this query needs --param {param.name}=... ({param.help or param.kind}){example}")
    return out


def _date(value: str) -> str:
    import datetime as dt

    parts = value.replace("/", "-").replace(".", "-").split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(value)
    y, m, d = (int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    return dt.date(y, m, d).isoformat()


# --------------------------------------------------------------------------- results

@dataclass
class QueryResult:
    """What a query returned, materialized: solutions, a boolean, or triples."""
    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    boolean: bool | None = None
    triples: list = field(default_factory=list)
    truncated: bool = False
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def __iter__(self):
        return iter(self.triples if self.kind == "graph" else self.rows)

    def dicts(self) -> list[dict]:
        """Rows as dicts of plain values (IRI strings, literal lexical forms, None)."""
        if self.kind == "graph":
            return [{"subject": t.subject.value, "predicate": t.predicate.value, "object": t.object.value}
                    for t in self.triples]
        return [{v: _plain(t) for v, t in zip(self.variables, row)} for row in self.rows]

    def as_solutions(self) -> QueryResult:
        """A graph as subject/predicate/object rows, for the tabular formats."""
        if self.kind != "graph":
            return self
        return QueryResult("select", ["subject", "predicate", "object"],
                           [(t.subject, t.predicate, t.object) for t in self.triples],
                           truncated=self.truncated, seconds=self.seconds, notes=self.notes)


def _plain(term):
    if term is None:
        return None
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


# --------------------------------------------------------------------------- execution

def execute(store: ox.Store, text: str, bindings: Bindings | None = None, *, max_rows: int | None = None,
            max_bytes: int | None = None, deadline: float | None = None, hide: Iterable[str] | None = None,
            union: bool = True, default_graph=None, named_graphs=None) -> QueryResult:
    """Run a query in this process and materialize its results.

    ``deadline`` (a ``time.monotonic()`` value) is checked between rows only: a query
    that spends long inside one step of Oxigraph is stopped by running it in a worker
    (:class:`QueryRunner`), not here. Bound parameters are left out of the rows
    (``hide`` overrides which variables are)."""
    _check_text(text)
    bindings = bindings or Bindings()
    started = time.perf_counter()
    notes: list[str] = []
    runs = _entity_runs(store, bindings, notes)
    hidden = set(bindings.names if hide is None else hide)
    result: QueryResult | None = None
    budget_rows = max_rows if max_rows is not None else None
    budget_bytes = max_bytes
    for substitution in runs:
        _check_deadline(deadline)
        part = _execute_once(store, text, substitution, budget_rows, budget_bytes, deadline,
                             union, default_graph, named_graphs)
        if result is None:
            result = part
        elif result.kind == "ask":
            result.boolean = result.boolean or part.boolean
        else:
            result.rows.extend(part.rows)
            result.triples.extend(part.triples)
            result.truncated = result.truncated or part.truncated
        if budget_rows is not None:
            budget_rows = max(0, max_rows - len(result))
        if result.truncated:
            break
    assert result is not None
    if hidden and result.kind == "select":
        keep = [k for k, v in enumerate(result.variables) if v not in hidden]
        if len(keep) < len(result.variables):
            result.variables = [result.variables[k] for k in keep]
            result.rows = [tuple(row[k] for k in keep) for row in result.rows]
    result.seconds = time.perf_counter() - started
    result.notes = notes
    return result


def _check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise _DeadlinePassed()


class _DeadlinePassed(Exception):
    pass


def _execute_once(store, text, substitution, max_rows, max_bytes, deadline, union, default_graph,
                  named_graphs) -> QueryResult:
    kwargs = {"prefixes": PREFIXES, "substitutions": {ox.Variable(k): v for k, v in substitution.items()}}
    if default_graph is not None:
        kwargs["default_graph"] = default_graph
    elif union:
        kwargs["use_default_graph_as_union"] = True
    if named_graphs is not None:
        kwargs["named_graphs"] = named_graphs
    try:
        answer = store.query(text, **kwargs)
        if isinstance(answer, ox.QueryBoolean):
            return QueryResult("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows, truncated = _take(answer, max_rows, max_bytes, deadline, _row_size)
            return QueryResult("select", variables, [tuple(r) for r in rows], truncated=truncated)
        triples, truncated = _take(answer, max_rows, max_bytes, deadline, _triple_size)
        return QueryResult("graph", triples=triples, truncated=truncated)
    except SyntaxError as e:
        raise _syntax_error(e, text) from None
    except RuntimeError as e:
        m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(e))
        if m:
            raise QueryError(f"--param {m.group(1)}: the query does not select ?{m.group(1)}, so it cannot be "
                             f"bound; add ?{m.group(1)} to the SELECT clause") from None
        raise QueryFailed(" ".join(str(e).split())) from None
    except (OSError, ValueError) as e:
        raise QueryFailed(" ".join(str(e).split())) from None


def _row_size(row) -> int:
    return sum(len(t.value) if t is not None and not isinstance(t, ox.Triple) else 16 for t in row) + 8


def _triple_size(t) -> int:
    return len(t.subject.value) + len(t.predicate.value) + len(str(t.object)) + 8


def _take(iterator, max_rows, max_bytes, deadline, size):
    out, total = [], 0
    for k, item in enumerate(iterator):
        if max_rows is not None and len(out) >= max_rows:
            return out, True
        if max_bytes is not None:
            total += size(item)
            if total > max_bytes:
                return out, True
        if deadline is not None and k % 256 == 0:
            _check_deadline(deadline)
        out.append(item)
    return out, False


def _entity_runs(store: ox.Store, bindings: Bindings, notes: list[str]) -> list[dict]:
    """One substitution per combination of the entities the names resolve to."""
    choices = []
    for name, (value, cls) in bindings.entities.items():
        found, note = resolve_entity(store, value, cls, name)
        if note:
            notes.append(note)
        choices.append([(name, e) for e in found])
    runs = []
    for combo in itertools.product(*choices):
        runs.append({**bindings.terms, **dict(combo)})
        if len(runs) > MAX_RUNS:
            raise QueryError("the names given match too many entities; pass an IRI instead of a name")
    return runs


def resolve_entity(store: ox.Store, value: str, cls: str | None = None, param: str = "entity"
                   ) -> tuple[list[ox.NamedNode], str | None]:
    """The entities a typed name refers to: exact label or alias first, then a loose
    match (full-/half-width, spaces, 《》 and quotes ignored). No match: QueryError
    naming entities whose names contain it."""
    classes = (ox.NamedNode(KG + cls),) if cls else ENTITY_CLASSES
    name = clean_name(value)

    def is_entity(node) -> bool:
        return any(next(store.quads_for_pattern(node, RDF_TYPE, c, None), None) is not None for c in classes)

    found = {q.subject for p in LABEL_PROPERTIES
             for q in store.quads_for_pattern(None, p, ox.Literal(name, language="zh"), None)}
    found = sorted((e for e in found if is_entity(e)), key=lambda n: n.value)
    note = None
    if not found:
        wanted = normalize_name(name)
        names: dict[str, set] = {}
        for p in LABEL_PROPERTIES:
            for q in store.quads_for_pattern(None, p, None, None):
                names.setdefault(q.object.value, set()).add(q.subject)
        loose = {n for label, nodes in names.items() if normalize_name(label) == wanted for n in nodes}
        found = sorted((e for e in loose if is_entity(e)), key=lambda n: n.value)
        if found:
            labels = sorted({label for label, nodes in names.items() if nodes & set(found)
                             and normalize_name(label) == wanted})
            note = f"{param}: no name is exactly {value!r}; using {'、'.join(labels)}"
        else:
            what = cls or "entity"
            similar = sorted({label for label, nodes in names.items()
                              if wanted and (wanted in normalize_name(label)) and any(map(is_entity, nodes))},
                             key=lambda s: (len(s), s))[:8]
            hint = f"; names containing it: {', '.join(similar)}" if similar else \
                "; find names with: kg query GRAPH --named find --param text=..."
            raise QueryError(f"--param {param}: no {what} is named {value!r}{hint}")
    if len(found) > 1:
        note = (note + "; " if note else f"{param}: ") + \
            f"{value!r} names {len(found)} entities; their results follow one another"
    return found, note


# --------------------------------------------------------------------------- formats

SOLUTION_FORMATS = {
    "table": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
}
GRAPH_FORMATS = {
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
FORMATS = {**SOLUTION_FORMATS, **GRAPH_FORMATS}
_OX_RESULTS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
               "xml": ox.QueryResultsFormat.XML, "json": ox.QueryResultsFormat.JSON}
_OX_RDF = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "rdfxml": ox.RdfFormat.RDF_XML}


def content_type(fmt: str) -> str:
    return FORMATS[fmt]


def format_result(result: QueryResult, fmt: str = "table", *, max_width: int = 40) -> bytes:
    """Serialize a result. Tabular formats take graphs as subject/predicate/object
    rows; the RDF formats (ttl, nt, jsonld, rdfxml) are for CONSTRUCT/DESCRIBE only."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in GRAPH_FORMATS:
        if result.kind != "graph":
            raise QueryError(f"{fmt} is for CONSTRUCT and DESCRIBE results; "
                             f"this is a{'n ASK' if result.kind == 'ask' else ' SELECT'} query: use table, csv, tsv, json or xml")
        return ox.serialize(result.triples, format=_OX_RDF[fmt], prefixes=_used_prefixes(result.triples)) \
            if fmt in ("ttl", "rdfxml") else ox.serialize(result.triples, format=_OX_RDF[fmt])
    if fmt == "table":
        return format_table(result, max_width=max_width).encode("utf-8")
    data = results_json(result)
    if fmt == "json":
        return data
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=_OX_RESULTS[fmt])


def _used_prefixes(triples) -> dict[str, str]:
    """Prefixes that shorten the IRIs used into plain names (kgid:person/... would need
    escapes, so kgid IRIs stay whole)."""
    clean, dirty = set(), set()
    for t in triples[:5000]:
        for node in (t.subject, t.predicate, t.object):
            if isinstance(node, ox.NamedNode):
                for p, ns in PREFIXES.items():
                    if node.value.startswith(ns):
                        local = node.value[len(ns):]
                        (clean if re.fullmatch(r"[A-Za-z_][\w-]*", local) else dirty).add(p)
    return {p: PREFIXES[p] for p in sorted(clean - dirty)}


def _term_json(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _term_json(term.subject),
                                            "predicate": _term_json(term.predicate),
                                            "object": _term_json(term.object)}}
    raise TypeError(term)


def results_json(result: QueryResult) -> bytes:
    """SPARQL 1.1 Query Results JSON."""
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}).encode()
    result = result.as_solutions()
    out = io.StringIO()
    out.write(json.dumps({"head": {"vars": result.variables}})[:-1])
    out.write(',"results":{"bindings":[')
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for k, row in enumerate(result.rows):
        if k:
            out.write(",")
        out.write(dumps({v: _term_json(t) for v, t in zip(result.variables, row) if t is not None}))
    out.write("]}}")
    return out.getvalue().encode("utf-8")


def display_width(text: str) -> int:
    """Terminal columns: wide and full-width characters (Chinese) take two, marks none."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


@lru_cache(maxsize=65536)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cut(text: str, width: int) -> str:
    """``text`` within ``width`` columns, ending with … when cut."""
    if width <= 0 or len(text) * 2 <= width or (text.isascii() and len(text) <= width):
        return text
    out, used = [], 0
    for k, ch in enumerate(text):
        w = _char_width(ch)
        if used + w > width:  # too wide: make room for the ellipsis
            while out and used + 1 > width:
                used -= _char_width(out.pop())
            return "".join(out) + "…"
        out.append(ch)
        used += w
    return text


def compact(term) -> str:
    """A term as a table shows it: prefixed IRIs, literal values, one line."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        best = max((ns for ns in PREFIXES.values() if term.value.startswith(ns)), key=len, default=None)
        if best is not None:
            prefix = next(p for p, ns in PREFIXES.items() if ns == best)
            return f"{prefix}:{term.value[len(best):]}"
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return f"<< {compact(term.subject)} {compact(term.predicate)} {compact(term.object)} >>"
    return re.sub(r"[\x00-\x1f\x7f]+", " ", term.value)


_NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                              "nonNegativeInteger", "positiveInteger")}


def format_table(result: QueryResult, max_width: int = 40) -> str:
    """An aligned text table; Chinese characters count two columns; long cells cut with …"""
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    result = result.as_solutions()
    header = result.variables
    cells = [[cut(compact(t), max_width) for t in row] for row in result.rows]
    numeric = [all(t is None or (isinstance(t, ox.Literal) and t.datatype.value in _NUMERIC)
                   for t in (row[k] for row in result.rows)) and bool(result.rows)
               for k in range(len(header))]
    widths = [max([display_width(h)] + [display_width(r[k]) for r in cells]) for k, h in enumerate(header)]

    def line(values, align=True):
        parts = []
        for k, v in enumerate(values):
            pad = " " * (widths[k] - display_width(v))
            parts.append(pad + v if align and numeric[k] else v + pad)
        return "  ".join(parts).rstrip()

    out = [line(header, align=False), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    n = len(cells)
    out.append(f"({n} row{'s' if n != 1 else ''}{', cut at the row limit' if result.truncated else ''})")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- workers

@dataclass
class QueryRequest:
    """One query for a worker. ``fmt`` None returns the :class:`QueryResult` itself;
    otherwise ``fmt`` maps a result kind (select, ask, graph) to a format name."""
    text: str
    bindings: Bindings = field(default_factory=Bindings)
    fmt: dict | None = None
    max_rows: int | None = None
    max_bytes: int | None = None
    max_width: int = 40
    hide: tuple | None = None
    union: bool = True
    default_graph: list | None = None
    named_graphs: list | None = None


@dataclass
class Formatted:
    """A serialized result: what a worker sends back when asked for a format."""
    kind: str
    fmt: str
    data: bytes
    rows: int
    truncated: bool
    boolean: bool | None
    seconds: float
    notes: list[str]

    @property
    def content_type(self) -> str:
        return FORMATS[self.fmt]


def serve_request(store: ox.Store, request: QueryRequest, deadline: float | None = None):
    """Run a request on an open store: the worker's loop body, also usable in-process."""
    result = execute(store, request.text, request.bindings, max_rows=request.max_rows,
                     max_bytes=request.max_bytes, deadline=deadline, hide=request.hide,
                     union=request.union, default_graph=request.default_graph,
                     named_graphs=request.named_graphs)
    if request.fmt is None:
        return result
    fmt = request.fmt.get(result.kind) or request.fmt.get("*") or "json"
    data = format_result(result, fmt, max_width=request.max_width)
    return Formatted(result.kind, fmt, data, len(result), result.truncated, result.boolean,
                     result.seconds, result.notes)


def _worker_main(conn, store_path: str, memory_limit: int | None) -> None:
    """A worker: open the store read-only, then answer requests until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_limit:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        store = ox.Store.read_only(store_path)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which decides
        conn.send(("fail", f"cannot open the store: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("ok", serve_request(store, request))
        except QueryError as e:
            reply = ("user", e)
        except QueryFailed as e:
            reply = ("fail", str(e))
        except MemoryError:
            reply = ("fail", "the query ran out of memory")
        except Exception as e:  # noqa: BLE001 - any engine failure goes back as a message
            reply = ("fail", f"{type(e).__name__}: {' '.join(str(e).split())}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


class _Worker:
    """One worker process and the pipe to it. ``fork`` is cheap but only safe from a
    single-threaded process; ``exec`` starts a fresh interpreter (any parent, any
    __main__: notebooks, stdin, a threaded server)."""

    def __init__(self, method: str, store_path: str, memory_limit: int | None):
        self.process = self.popen = None
        if method == "fork":
            ctx = multiprocessing.get_context("fork")
            parent, child = ctx.Pipe()
            self.process = ctx.Process(target=_worker_main, args=(child, store_path, memory_limit),
                                       name="kg-query-worker", daemon=True)
            self.process.start()
            child.close()
        else:
            import socket
            from multiprocessing.connection import Connection

            ours, theirs = socket.socketpair()
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
            try:
                self.popen = subprocess.Popen(
                    [sys.executable, "-c", "from kg.query import _worker_entry; _worker_entry()",
                     str(theirs.fileno()), store_path, str(memory_limit or 0)],
                    pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env)
            finally:
                theirs.close()
            parent = Connection(ours.detach())
        self.conn = parent
        status, message = ("fail", "the query worker did not start")
        try:
            if parent.poll(60):
                status, message = parent.recv()
        except (EOFError, OSError):
            pass
        if status != "ready":
            self.stop()
            raise QueryFailed(message)

    def stop(self) -> None:
        """Kill and reap: no process is left behind, not even a zombie."""
        try:
            self.conn.close()
        except OSError:
            pass
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(5)
        if self.popen is not None:
            if self.popen.poll() is None:
                self.popen.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(5)


def _worker_entry() -> None:
    """``python -c 'from kg.query import _worker_entry; _worker_entry()' FD STORE MEMORY``"""
    from multiprocessing.connection import Connection

    fd, store_path, memory = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    _worker_main(Connection(fd), store_path, memory or None)


def _default_start_method() -> str:
    if "fork" in multiprocessing.get_all_start_methods() and _single_threaded():
        return "fork"  # cheapest, and safe while this process runs one thread (no RocksDB open)
    return "exec"


def _single_threaded() -> bool:
    """One thread, native ones included (an open store runs RocksDB threads)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


class QueryRunner:
    """Queries on a graph folder, each in a worker process stopped at its deadline.

    ``workers`` processes each hold the store open read-only (safe to share). A
    request waits for an idle worker, then for its answer; past the deadline the
    worker is killed, reaped and replaced, and :class:`QueryTimeout` is raised, so
    a runaway query never keeps a worker or leaves a zombie.
    """

    def __init__(self, graph_dir: str | Path, workers: int = 1, *, start_method: str | None = None,
                 memory_limit: int | None = None):
        from .graph import MANIFEST, STORE_DIR, GraphError

        graph_dir = Path(graph_dir)
        if not (graph_dir / MANIFEST).is_file() or not (graph_dir / STORE_DIR).is_dir():
            raise GraphError(f"{graph_dir}: not a kg graph folder (make one with: kg build ISSUES --out {graph_dir})")
        self.store_path = str(graph_dir / STORE_DIR)
        self.size = max(1, workers)
        self.memory_limit = memory_limit
        self.method = start_method or _default_start_method()
        if self.method not in ("fork", "exec"):
            raise ValueError(f"start_method: fork or exec, not {self.method!r}")
        self._idle: list[_Worker] = []
        self._alive = 0
        self._cond = threading.Condition()
        self._closed = False

    def start(self) -> QueryRunner:
        """Start every worker now, in parallel (otherwise they start on first use)."""
        from concurrent.futures import ThreadPoolExecutor

        with self._cond:
            missing = self.size - self._alive
            self._alive += missing
        if missing <= 0:
            return self
        with ThreadPoolExecutor(missing) as pool:
            futures = [pool.submit(_Worker, self.method, self.store_path, self.memory_limit) for _ in range(missing)]
        started, errors = [], []
        for f in futures:
            (errors if f.exception() else started).append(f.exception() or f.result())
        with self._cond:
            self._alive -= len(errors)
            self._idle.extend(started)
            self._cond.notify_all()
        if errors:
            raise errors[0]
        return self

    def _acquire(self, deadline: float | None) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise QueryFailed("the query runner is closed")
                if self._idle:
                    return self._idle.pop()
                if self._alive < self.size:
                    self._alive += 1  # this thread starts the missing worker
                    break
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    raise ServerBusy("every query worker stayed busy")
                self._cond.wait(remaining)
        try:
            return _Worker(self.method, self.store_path, self.memory_limit)
        except BaseException:
            with self._cond:
                self._alive -= 1
                self._cond.notify()
            raise

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.stop()
                self._alive -= 1
            else:
                self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker) -> None:
        worker.stop()
        with self._cond:
            self._alive -= 1
            self._cond.notify()

    def run(self, request: QueryRequest, timeout: float | None = DEFAULT_TIMEOUT):
        """The request's answer: a QueryResult, or Formatted when ``request.fmt`` is set."""
        _check_text(request.text)  # cheap refusals need no worker
        deadline = None if not timeout else time.monotonic() + timeout
        worker = self._acquire(deadline)
        try:
            worker.conn.send(request)
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not worker.conn.poll(remaining):
                self._discard(worker)
                worker = None
                raise QueryTimeout(timeout)
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as e:
            if worker is not None:
                self._discard(worker)
                worker = None
            raise QueryFailed("the query worker died (out of memory?)") from e
        except BaseException:
            if worker is not None:  # e.g. Ctrl-C while waiting: the worker may be mid-query
                self._discard(worker)
                worker = None
            raise
        finally:
            if worker is not None:
                self._release(worker)
        if status == "ok":
            return payload
        if status == "user":
            raise payload
        raise QueryFailed(payload)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._alive -= len(idle)
        for worker in idle:
            worker.stop()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_runners: dict[str, QueryRunner] = {}
_runners_lock = threading.Lock()


def _runner_for(path: Path) -> QueryRunner:
    key = str(Path(path).resolve())
    with _runners_lock:
        runner = _runners.get(key)
        if runner is None:
            import atexit

            runner = _runners[key] = QueryRunner(path, 1, start_method="exec")
            if len(_runners) == 1:
                atexit.register(_close_runners)
        return runner


def _close_runners() -> None:
    for runner in list(_runners.values()):
        runner.close()
    _runners.clear()


def prepare(text: str | None = None, *, named: str | None = None, params: dict[str, str] | None = None
            ) -> tuple[str, Bindings, tuple[str, ...]]:
    """The query text, its checked bindings, and the variables to leave out of the
    results: every declared parameter (given or not) and every bound one."""
    params = params or {}
    if named is not None:
        if text is not None:
            raise QueryError("give a query text or a named query, not both")
        query = named_query(named)
        text, declared, strict = query.text, query.params, True
    elif text is None:
        raise QueryError("no query given")
    else:
        _, declared, _ = parse_declarations(text)
        strict = False
    bindings = bind_params(params, declared, strict=strict)
    hide = tuple(dict.fromkeys([p.name for p in declared] + bindings.names))
    return text, bindings, hide


def run_query(graph, text: str | None = None, *, named: str | None = None, params: dict[str, str] | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, max_rows: int | None = None) -> QueryResult:
    """Run a query (text, or a named query with ``params``) on a graph folder or an open
    :class:`~kg.graph.KnowledgeGraph`.

    With a ``timeout`` it runs in a worker process (kept for the next call) that is
    killed at the deadline; ``timeout=None`` runs it here, unbounded. A graph opened
    for writing is queried here too (a read-only worker must not open a store that
    this process writes), with the deadline checked between rows only.
    """
    from .graph import KnowledgeGraph

    text, bindings, hide = prepare(text, named=named, params=params)
    if isinstance(graph, KnowledgeGraph) and (timeout is None or not graph.read_only):
        deadline = None if not timeout else time.monotonic() + timeout
        try:
            return execute(graph.store, text, bindings, max_rows=max_rows, deadline=deadline, hide=hide)
        except _DeadlinePassed:
            raise QueryTimeout(timeout) from None
    path = graph.path if isinstance(graph, KnowledgeGraph) else Path(graph)
    if timeout is None:
        with KnowledgeGraph.open(path) as opened:
            return execute(opened.store, text, bindings, max_rows=max_rows, hide=hide)
    return _runner_for(path).run(QueryRequest(text, bindings, max_rows=max_rows, hide=hide), timeout)


__all__ = [
    "FORMATS",
    "GRAPH_FORMATS",
    "PREFIXES",
    "SOLUTION_FORMATS",
    "Bindings",
    "Formatted",
    "NamedQuery",
    "Param",
    "QueryError",
    "QueryFailed",
    "QueryRequest",
    "QueryResult",
    "QueryRunner",
    "QuerySyntaxError",
    "QueryTimeout",
    "ServerBusy",
    "UpdateRefused",
    "bind_params",
    "content_type",
    "cut",
    "display_width",
    "execute",
    "format_result",
    "format_table",
    "is_update",
    "named_queries",
    "named_query",
    "parse_param_args",
    "prepare",
    "query_form",
    "resolve_entity",
    "results_json",
    "run_query",
]


# --------------------------------------------------------------------------- kg query

import click

from .cli import _fail, _user_errors

TIMEOUT_EXIT = 124  # as timeout(1)


def _list_library() -> str:
    library = named_queries()
    width = max(display_width(n) for n in library) + 2
    lines = []
    for name, q in library.items():
        params = ", ".join(p.name + ("" if p.required else "?") for p in q.params)
        lines.append(f"{name}{' ' * (width - display_width(name))}{q.description}"
                     + (f"  [--param {params}]" if params else ""))
    return "\n".join(lines)


@click.command("query", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("graph_dir", required=False, type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", metavar="FILE", help="Read the query from FILE (- for standard input).")
@click.option("-n", "--named", metavar="NAME", help="Run a query from the packaged library (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (safely, never pasted into the text); may be repeated. "
                   "Names are matched as labels or aliases, e.g. --param person=王磊.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, one line each, and exit.")
@click.option("--show", is_flag=True, help="Print the query text (with its parameters) instead of running it.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="table", show_default=True,
              help="table (aligned, for the terminal), csv, tsv, json or xml (SPARQL results); "
                   "ttl, nt, jsonld or rdfxml for CONSTRUCT/DESCRIBE.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Stop the query after SECONDS (0: no limit); exit status 124.")
@click.option("--limit", type=click.IntRange(0), default=0, help="Output at most N rows (0: all).")
@click.option("--max-width", type=click.IntRange(0), default=40, show_default=True,
              help="Table cells wider than this many columns are cut with … (0: never).")
@_user_errors
def query_command(graph_dir, sparql, query_file, named, params, list_queries, show, fmt, timeout, limit, max_width):
    """Run a SPARQL query on a graph folder and print the answer.

    \b
      kg query kg-data 'SELECT ?org ?label WHERE { ?org a kg:Organization ; rdfs:label ?label }'
      kg query kg-data -f my.rq --format csv > out.csv
      kg query kg-data --named positions --param person=王磊
      kg query --list

    The prefixes kg, kgid, rdf, rdfs, owl, xsd, skos, dcterms, prov, org, schema
    and a few more are declared for you. The default graph is the union of the
    issues' graphs, where a fact stated in several issues is seen once per issue:
    count with DISTINCT. ASK prints true or false and exits 0 or 1. Exit status
    2: a mistake (bad query, unknown name); 124: the query ran past --timeout.
    """
    if list_queries:
        click.echo(_list_library())
        return
    sources = [s for s in (sparql, query_file, named) if s is not None]
    if len(sources) != 1:
        _fail("give one query: kg query GRAPH 'SELECT ...', -f FILE, or --named NAME (see kg query --list)"
              if not sources else "give one query only: a query text, -f FILE or --named NAME")
    if query_file is not None:
        try:
            sparql = sys.stdin.read() if query_file == "-" else Path(query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            _fail(f"cannot read {query_file}: {getattr(e, 'strerror', None) or e}")
    try:
        if show:
            click.echo(named_query(named).text if named else sparql, nl=False)
            return
        text, bindings, hide = prepare(sparql, named=named, params=parse_param_args(params))
        if graph_dir is None:
            _fail("name the graph folder: kg query GRAPH ...")
        request = QueryRequest(text, bindings, fmt={"*": fmt}, max_rows=limit or None, max_width=max_width,
                               hide=hide)
        with QueryRunner(graph_dir, 1) as runner:
            answer = runner.run(request, timeout or None)
    except QueryTimeout:
        click.echo(f"kg: error: query stopped after {timeout:g} s (--timeout {timeout:g}); narrow it "
                   f"(a LIMIT, a more specific pattern, a --param) or raise --timeout", err=True)
        sys.exit(TIMEOUT_EXIT)
    except QueryError as e:
        _fail(str(e))
    except QueryFailed as e:
        click.echo(f"kg: error: the query failed: {e}", err=True)
        sys.exit(1)
    for note in answer.notes:
        click.echo(f"kg: note: {note}", err=True)
    sys.stdout.buffer.write(answer.data)
    if answer.data and not answer.data.endswith(b"\n") and sys.stdout.isatty():
        sys.stdout.buffer.write(b"\n")
    sys.stdout.buffer.flush()
    if answer.truncated and fmt != "table":
        click.echo(f"kg: note: output stopped at {answer.rows} rows (--limit)", err=True)
    if answer.kind == "ask" and not answer.boolean:
        sys.exit(1)
