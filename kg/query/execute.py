"""Running a query in this process: entity parameters resolved to entities, the
query run once per combination, results materialized within row and byte caps."""
from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import QueryError, QueryFailed
from ..vocab import RDF, RDFS, SKOS, TYPES
from .params import KG, Bindings, clean_name, normalize_name
from .text import PREFIXES, check_text, syntax_error, uses_dataset

RDF_TYPE = ox.NamedNode(str(RDF.type))
LABEL_PROPERTIES = (ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(SKOS.altLabel)))
ENTITY_CLASSES = tuple(ox.NamedNode(KG + t) for t in TYPES)
MAX_RUNS = 32  # entity parameters naming several entities: at most this many runs

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


def execute(store: ox.Store, text: str, bindings: Bindings | None = None, *, max_rows: int | None = None,
            max_bytes: int | None = None, deadline: float | None = None, hide: Iterable[str] | None = None,
            union: bool = True, default_graph=None, named_graphs=None) -> QueryResult:
    """Run a query in this process and materialize its results.

    ``deadline`` (a ``time.monotonic()`` value) is checked between rows only: a query
    that spends long inside one step of Oxigraph is stopped by running it in a worker
    (:class:`QueryRunner`), not here. Bound parameters are left out of the rows
    (``hide`` overrides which variables are)."""
    check_text(text)
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
        if max_rows is not None:
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
        raise DeadlinePassed()


class DeadlinePassed(Exception):
    """The deadline passed between rows (the caller turns it into QueryTimeout)."""


def _execute_once(store, text, substitution, max_rows, max_bytes, deadline, union, default_graph,
                  named_graphs) -> QueryResult:
    kwargs = {"prefixes": PREFIXES, "substitutions": {ox.Variable(k): v for k, v in substitution.items()}}
    if default_graph is not None:
        kwargs["default_graph"] = default_graph
    elif union and not uses_dataset(text):  # FROM / FROM NAMED: the query's own dataset
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
        raise syntax_error(e, text) from None
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
    out: list = []
    total = 0
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


def _value(term) -> str:
    return term.value if not isinstance(term, ox.Triple) else str(term)


def resolve_entity(store: ox.Store, value: str, cls: str | None = None, param: str = "entity"
                   ) -> tuple[list[ox.NamedNode], str | None]:
    """The entities a typed name refers to: exact label or alias first, then a loose
    match (full-/half-width, spaces, 《》 and quotes ignored). No match: QueryError
    naming entities whose names contain it."""
    classes = (ox.NamedNode(KG + cls),) if cls else ENTITY_CLASSES
    name = clean_name(value)

    def is_entity(node) -> bool:
        return any(next(store.quads_for_pattern(node, RDF_TYPE, c, None), None) is not None for c in classes)

    named = {q.subject for p in LABEL_PROPERTIES
             for q in store.quads_for_pattern(None, p, ox.Literal(name, language="zh"), None)}
    found: list = sorted((e for e in named if is_entity(e)), key=_value)
    note = None
    if not found:
        wanted = normalize_name(name)
        names: dict[str, set] = {}
        for p in LABEL_PROPERTIES:
            for q in store.quads_for_pattern(None, p, None, None):
                names.setdefault(_value(q.object), set()).add(q.subject)
        loose = {n for label, nodes in names.items() if normalize_name(label) == wanted for n in nodes}
        found = sorted((e for e in loose if is_entity(e)), key=_value)
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
