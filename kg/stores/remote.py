"""A SPARQL server seen as a pyoxigraph store: what :mod:`kg.query` and the readers ask
of one (``query``, ``quads_for_pattern``, ``dump``, ``len``), answered over HTTP.

Two servers are known by their ``Server`` header, each with its endpoints:

- Oxigraph (``oxigraph serve``): ``/query``, ``/update`` and ``/store`` (Graph Store
  Protocol, and whole N-Quads datasets in one transaction for bulk loads);
  the union of the named graphs is asked for with ``union-default-graph``.
- Virtuoso: ``/sparql`` (``/sparql-auth`` with credentials) and
  ``/sparql-graph-crud-auth``; its default graph is already the union, and its query
  time limit is sent with each query (an answer cut short by it is a time-out here,
  never a partial result).

Any other server is read as a plain SPARQL 1.1 endpoint at the URL given (reads only).
Bound variables (pyoxigraph's substitutions) travel as a ``VALUES`` block at the head
of the query's WHERE group: values are serialized terms, never pasted text.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import pyoxigraph as ox

from .. import vocab
from ..errors import GraphError, QueryFailed, QueryTimeout
from .http import Client, StoreTimeout

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
N_QUADS = "application/n-quads"
#: Graphs kg writes are all under this namespace (a server keeps graphs of its own too);
#: the manifest graph is the store's bookkeeping, left out as the folder's manifest file is.
OURS = str(vocab.ID)
_KG_GRAPHS = f'FILTER(STRSTARTS(STR(?g), "{OURS}") && ?g != <{vocab.MANIFEST_GRAPH}>)'


@dataclass
class Dialect:
    name: str
    query: str  # path of the query endpoint
    update: str | None
    graph_store: str | None
    graph_param: str = "graph"
    union_param: str | None = None  # a URL parameter that makes the default graph the union
    timeout_param: str | None = None  # a server-side time limit per query, in ms
    dataset_post: bool = False  # POST of N-Quads to graph_store loads a dataset in one transaction
    writers: int = 1  # Graph Store writes sent at once (Virtuoso's locks prefer one at a time)


def dialect_for(client: Client) -> Dialect:
    """The server's kind, from its ``Server`` header; the URL's path says where its
    endpoints are (``…/sparql`` or ``…/query`` is taken off)."""
    for suffix in ("/sparql", "/query", "/store", "/update"):
        if client.base.endswith(suffix):
            client.base = client.base[: -len(suffix)]
            break
    reply = client.request("GET", "/", what="a first request")
    server = reply.headers.get("server", "")
    if server.startswith("Oxigraph"):
        return Dialect("oxigraph", "/query", "/update", "/store", union_param="union-default-graph",
                       dataset_post=True, writers=3)
    if server.startswith("Virtuoso"):
        reads = "/sparql-auth" if client.auth else "/sparql"
        return Dialect("virtuoso", reads, "/sparql-auth", "/sparql-graph-crud-auth", graph_param="graph-uri",
                       timeout_param="timeout")
    return Dialect("sparql", "/sparql" if not client.base else "", None, None)


def _term(term) -> str:
    """A term as SPARQL text (pyoxigraph's N-Triples form, which SPARQL reads)."""
    return str(term)


# -- binding variables: a VALUES block at the head of the WHERE group -------------------------------

_IRI = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_FORM = re.compile(r"(?i)(SELECT|CONSTRUCT|DESCRIBE|ASK)\b")


def _braces(text: str) -> Iterator[tuple[int, str]]:
    """Positions of ``{``, ``}`` and query-form keywords outside strings, IRIs and comments."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif c in "\"'":
            q = c * 3 if text.startswith(c * 3, i) else c
            j = i + len(q)
            while j < n and not text.startswith(q, j):
                j += 2 if text[j] == "\\" else 1
            i = j + len(q)
        elif c == "<" and (m := _IRI.match(text, i)):
            i = m.end()
        elif c in "{}":
            yield i, c
            i += 1
        elif (c.isalpha() and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_:?$"))
              and (m := _FORM.match(text, i))):
            yield i, m.group(1).upper()
            i = m.end()
        else:
            i += 1


def bind_values(text: str, substitutions: dict) -> str:
    """``text`` with ``VALUES`` binding the substituted variables at the head of the WHERE
    group of the query and of each sub-SELECT, as pyoxigraph's substitutions bind them
    everywhere (a sub-SELECT with a LIMIT must see the binding, not be joined with it)."""
    if not substitutions:
        return text
    names = " ".join(f"?{v.value if isinstance(v, ox.Variable) else v}" for v in substitutions)
    values = " ".join(_term(t) for t in substitutions.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    at_points: list[int] = []
    armed, template = False, 0  # armed: the next "{" opens a WHERE group; template: its depth to skip
    depth = 0
    for at, token in _braces(text):
        if token == "{":
            depth += 1
            if template == 0 and armed:
                at_points.append(at + 1)
                armed = False
            elif template == -1:
                template = depth  # CONSTRUCT's template opens here
        elif token == "}":
            if template == depth:
                template, armed = 0, True
            depth -= 1
        elif token == "CONSTRUCT" and not re.match(r"(?i)\s*WHERE\b", text[at + 9:]):
            template = -1
        else:
            armed = True
    if not at_points:
        raise QueryFailed("a bound variable needs a WHERE clause in the query")
    for at in reversed(at_points):
        text = text[:at] + block + text[at:]
    return text


class RemoteStore:
    """The part of :class:`pyoxigraph.Store` that readers use, over HTTP."""

    def __init__(self, client: Client, dialect: Dialect | None = None, timeout: float | None = None):
        self.client, self._dialect = client, dialect
        self.timeout = timeout  # per query, seconds (None: the client's)

    @property
    def dialect(self) -> Dialect:
        """The server's kind, asked on first use (opening a store sends nothing)."""
        if self._dialect is None:
            self._dialect = dialect_for(self.client)
        return self._dialect

    # -- queries

    def query(self, text: str, *, prefixes: dict | None = None, substitutions: dict | None = None,
              use_default_graph_as_union: bool = False, default_graph=None, named_graphs=None, **_):
        """As :meth:`pyoxigraph.Store.query`: solutions, a boolean, or an iterator of triples."""
        _check_syntax(text, prefixes, substitutions)
        if substitutions:
            text = bind_values(text, substitutions)
        declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (prefixes or {}).items())
        params: list[tuple[str, str]] = [("query", declared + text)]
        if default_graph is not None:
            graphs = default_graph if isinstance(default_graph, list) else [default_graph]
            params += [("default-graph-uri", g.value) for g in graphs if isinstance(g, ox.NamedNode)]
        elif use_default_graph_as_union and self.dialect.union_param:
            params.append((self.dialect.union_param, ""))
        params += [("named-graph-uri", g.value) for g in (named_graphs or []) if isinstance(g, ox.NamedNode)]
        if self.dialect.timeout_param and self.timeout:
            params.append((self.dialect.timeout_param, str(int(self.timeout * 1000))))
        accept = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9, text/plain;q=0.5"
        reply = self._post(self.dialect.query, urlencode(params).encode("utf-8"),
                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, "a query")
        if reply.status >= 400:
            raise _failure(reply, self.client)
        if reply.headers.get("x-sql-state", "").upper() in ("S1TAT", "S1T00"):  # Virtuoso's "anytime" answer
            raise QueryTimeout(self.timeout or 0)
        ctype = reply.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if "json" in ctype:
                result = ox.parse_query_results(_json_typed_literals(reply.body), format=ox.QueryResultsFormat.JSON)
                if isinstance(result, ox.QuerySolutions) and [v.value for v in result.variables] == ["__ASK_RETVAL"]:
                    answer = any(row[0] is not None and row[0].value not in ("0", "false") for row in result)
                    return _BOOLEAN[answer]  # Virtuoso answers ASK as a one-column table
                return result
            return iter([q.triple if isinstance(q, ox.Quad) else q
                         for q in ox.parse(reply.body, format=ox.RdfFormat.N_TRIPLES)])
        except (SyntaxError, ValueError) as e:
            raise QueryFailed(f"the store's answer could not be read ({' '.join(str(e).split())[:200]})") from None

    def _post(self, path: str, body: bytes, headers: dict, what: str):
        try:
            return self.client.request("POST", path, body, headers, timeout=self.timeout or -1.0, what=what)
        except StoreTimeout:
            raise QueryTimeout(self.timeout or self.client.timeout or 0) from None

    def quads_for_pattern(self, subject=None, predicate=None, object=None, graph_name=None) -> Iterator[ox.Quad]:
        terms = [("s", subject), ("p", predicate), ("o", object)]
        pattern = " ".join(_term(t) if t is not None else f"?{v}" for v, t in terms)
        if isinstance(graph_name, ox.DefaultGraph):
            return iter(())  # kg writes everything into named graphs
        if graph_name is not None:
            where, gterm = f"GRAPH {_term(graph_name)} {{ {pattern} }}", graph_name
        else:
            where, gterm = f"GRAPH ?g {{ {pattern} }} {_KG_GRAPHS}", None
        variables = [v for v, t in terms if t is None] + ([] if gterm is not None else ["g"])
        if not variables:
            variables, where = ["x"], where + " BIND(1 AS ?x)"
        result = self.query(f"SELECT {' '.join('?' + v for v in variables)} WHERE {{ {where} }}")
        out = []
        for row in result:
            value = {v: row[v] for v in variables}
            out.append(ox.Quad(subject or value["s"], predicate or value["p"], object or value["o"],
                               gterm or value["g"]))
        return iter(out)

    def named_graphs(self) -> list[ox.NamedNode]:
        rows = self.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_KG_GRAPHS} }}")
        return sorted((row["g"] for row in rows), key=lambda g: g.value)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ GRAPH {_term(graph)} {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = list(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_KG_GRAPHS} }}"))
        return int(rows[0]["n"].value) if rows else 0

    def graph_triples(self, graph: ox.NamedNode) -> bytes:
        """A named graph's triples as N-Triples, by the Graph Store Protocol where the server has it."""
        if self.dialect.graph_store:
            reply = self.client.request("GET", f"{self.dialect.graph_store}?{self.dialect.graph_param}={quote(graph.value, safe='')}",
                                        headers={"Accept": N_TRIPLES}, what=f"reading {graph.value}")
            if reply.status < 400 and reply.headers.get("content-type", "").startswith(("application/n-triples", "text/plain")):
                return reply.body
        triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {_term(graph)} {{ ?s ?p ?o }} }}")
        return ox.serialize(list(triples), format=ox.RdfFormat.N_TRIPLES) or b""

    def dump(self, output, format, **kwargs) -> None:
        """The store's graphs (kg's), one after the other, in a quad format."""
        for graph in self.named_graphs():
            quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
                     for t in ox.parse(self.graph_triples(graph), format=ox.RdfFormat.N_TRIPLES)]
            ox.serialize(quads, output, format=format, **({} if format == ox.RdfFormat.N_QUADS else kwargs))

    # -- writes

    def update(self, text: str, what: str) -> None:
        if not self.dialect.update:
            raise GraphError(f"{self.client.display}: kg can read this SPARQL server but not write to it "
                             f"(it writes to Oxigraph and Virtuoso servers)")
        reply = self.client.request("POST", self.dialect.update, text.encode("utf-8"),
                                    {"Content-Type": "application/sparql-update"}, what=what)
        if reply.status >= 400:
            raise _failure(reply, self.client, what, GraphError)

    def put_graph(self, graph: str, triples: bytes, what: str) -> None:
        """Replace a named graph with these N-Triples: one request, all or nothing."""
        if not self.dialect.graph_store:
            self.update("", what)  # says this server cannot be written to
        path = f"{self.dialect.graph_store}?{self.dialect.graph_param}={quote(graph, safe='')}"
        for attempt in range(4):
            reply = self.client.request("PUT", path, triples, {"Content-Type": N_TRIPLES}, what=what)
            if reply.status < 400:
                return
            if not _deadlock(reply) or attempt == 3:
                raise _failure(reply, self.client, what, GraphError)
            time.sleep(0.2 * (attempt + 1))  # a transaction the server rolled back: a PUT can be sent again

    def post_dataset(self, quads: bytes, what: str) -> None:
        """Add N-Quads to their graphs in one request (Oxigraph: one transaction)."""
        assert self.dialect.graph_store
        reply = self.client.request("POST", self.dialect.graph_store, quads, {"Content-Type": N_QUADS}, what=what)
        if reply.status >= 400:
            raise _failure(reply, self.client, what, GraphError)


def _check_syntax(text: str, prefixes, substitutions) -> None:
    """The same parser, on an empty store, says what is wrong with a query as the
    embedded store would (with its line and column), before anything is sent."""
    global _EMPTY
    if _EMPTY is None:
        _EMPTY = ox.Store()
    result = _EMPTY.query(text, prefixes=prefixes or {}, substitutions=substitutions or {})
    del result


_EMPTY: ox.Store | None = None
_BOOLEAN = {answer: ox.parse_query_results(f'{{"head": {{}}, "boolean": {str(answer).lower()}}}'.encode(),
                                           format=ox.QueryResultsFormat.JSON) for answer in (True, False)}


def _deadlock(reply) -> bool:
    """Virtuoso's answer to a transaction it rolled back for a deadlock (SQL state 40001)."""
    return reply.status >= 500 and (b"40001" in reply.body or b"SR172" in reply.body)


def _json_typed_literals(body: bytes) -> bytes:
    """SPARQL 1.0's ``typed-literal`` (Virtuoso still sends it) is a ``literal`` today."""
    return body.replace(b'"type": "typed-literal"', b'"type": "literal"').replace(b'"type":"typed-literal"',
                                                                                 b'"type":"literal"')


def _failure(reply, client: Client, what: str = "the query", kind: type = QueryFailed) -> Exception:
    detail = " ".join(reply.body.decode("utf-8", "replace").split())[:300]
    if reply.status in (408, 504) or ("timeout" in detail.lower() and reply.status >= 500):
        return QueryTimeout(0) if kind is QueryFailed else GraphError(f"{client.display}: {what} timed out")
    return kind(client.redact(f"{client.display}: {what} failed (HTTP {reply.status}): {detail}"))


__all__ = ["Dialect", "RemoteStore", "bind_values", "dialect_for"]
