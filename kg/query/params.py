"""Parameters: the ``# param:`` declarations of a query, the packaged library of
named queries (``kg/query/library/*.rq``), and values bound safely as terms."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache

import pyoxigraph as ox

from .. import resources
from ..errors import QueryError
from ..vocab import KG as _KG
from ..vocab import XSD as _XSD
from .text import PREFIXES

XSD = str(_XSD)
KG = str(_KG)

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
    """The packaged library, ``kg/query/library/*.rq``, by name."""
    out = {}
    for path in resources.files("kg.query.library", ".rq"):
        text = path.read_text(encoding="utf-8")
        description, params, notes = parse_declarations(text)
        out[path.stem] = NamedQuery(path.stem, description, text, params, notes)
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


def to_iri(value: str, default_namespace: str | None = None) -> ox.NamedNode:
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


def looks_like_iri(value: str) -> bool:
    try:
        to_iri(value)
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
    by_name = {p.name: p for p in declared}
    out = Bindings()
    for name, raw in values.items():
        param = by_name.get(name)
        if param is None:
            if strict:
                known = ", ".join(by_name) or "none"
                raise QueryError(f"unknown parameter {name!r} (this query takes: {known})")
            param = Param(name, "iri" if looks_like_iri(raw) else "label")
        if not _VARIABLE.match(name):
            raise QueryError(f"bad parameter name {name!r}: use letters, digits and _")
        value = raw.strip()
        if not value:
            raise QueryError(f"--param {name} is empty")
        kind = param.kind
        try:
            if kind == "entity":
                if looks_like_iri(value):
                    out.terms[name] = to_iri(value)
                else:
                    out.entities[name] = (raw, param.cls)
                continue
            if kind == "label":
                out.terms[name] = ox.Literal(clean_name(value), language="zh")
            elif kind == "text":
                out.terms[name] = ox.Literal(value)
            elif kind in ("class", "property"):
                out.terms[name] = to_iri(value, KG)
            elif kind == "iri":
                out.terms[name] = to_iri(value)
            elif kind == "integer":
                out.terms[name] = ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))
            elif kind == "date":
                out.terms[name] = ox.Literal(_date(value), datatype=ox.NamedNode(XSD + "date"))
        except ValueError:
            raise QueryError(f"--param {name}={raw}: not {PARAM_KINDS[kind]}") from None
    for param in by_name.values():
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
