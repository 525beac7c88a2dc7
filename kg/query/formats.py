"""Result formats: SPARQL results (JSON, XML, CSV, TSV), RDF for graphs, and an
aligned text table for the terminal."""
from __future__ import annotations

import io
import json
import re

import pyoxigraph as ox

from ..errors import QueryError
from ..terminal import cut, display_width
from .execute import QueryResult
from .params import XSD
from .text import PREFIXES

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
        prefixes = _used_prefixes(result.triples) if fmt in ("ttl", "rdfxml") else None
        return ox.serialize(result.triples, format=_OX_RDF[fmt], prefixes=prefixes) or b""
    if fmt == "table":
        return format_table(result, max_width=max_width).encode("utf-8")
    data = results_json(result)
    if fmt == "json":
        return data
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=_OX_RESULTS[fmt]) or b""


def _used_prefixes(triples) -> dict[str, str]:
    """Prefixes that shorten the IRIs used into plain names (kgid:person/... would need
    escapes, so kgid IRIs stay whole)."""
    clean: set[str] = set()
    dirty: set[str] = set()
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
