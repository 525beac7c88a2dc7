"""Query text: the prefixes declared for every query, and what a query is, read
without parsing it (its form, an update, a SERVICE clause), and the parser's
errors made into one line."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..errors import QueryError, QuerySyntaxError, UpdateRefused
from ..vocab import QUERY_PREFIXES as PREFIXES

_PNAME = r"[A-Za-z][\w.-]*"  # good enough to find a PREFIX declaration's name
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
QUERY_KEYWORDS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_VAR = re.compile(r"[?$]\w+")
_WORD = re.compile(r"[\w.:-]+")


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_EOL = re.compile(r"[\r\n]")


def unescape_codepoints(text: str) -> str:
    """SPARQL reads ``\\u0053`` as ``S`` before it parses anything (SPARQL 1.1 §19.2), so
    this reader must too: ``\\u0053ERVICE`` is SERVICE."""
    def char(m: re.Match) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _CODEPOINT.sub(char, text)


def _tokens(text: str) -> Iterator[tuple[str, str]]:
    """(kind, value) of the significant tokens: strings, IRIs and comments are skipped
    as units, so a keyword inside a literal or an IRI is never seen as one. A comment
    ends at the end of the line, ``\\n`` or ``\\r`` (as the SPARQL grammar says)."""
    text = unescape_codepoints(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "#":
            m = _EOL.search(text, i)
            i = n if m is None else m.end()
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


def uses_dataset(text: str) -> bool:
    """FROM or FROM NAMED: the query names its own dataset, which must be honoured."""
    return any(kind == "word" and value.upper() == "FROM" for kind, value in _tokens(text))


def check_text(text: str) -> None:
    if not text or not text.strip():
        raise QueryError("the query is empty")
    if is_update(text):
        raise UpdateRefused("SPARQL Update is refused: the graph is read-only (rebuild it with kg build)")
    if uses_service(text):
        raise QueryError("SERVICE (federated query) is disabled: kg queries never leave this graph")


def syntax_error(error: Exception, text: str) -> QuerySyntaxError:
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
