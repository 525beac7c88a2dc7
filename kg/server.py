"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over a graph folder.

* ``/sparql``: GET and POST (form, or ``application/sparql-query``); results by
  content negotiation (JSON, XML, CSV, TSV, a text table; Turtle, N-Triples,
  JSON-LD, RDF/XML for graphs), or ``format=`` for clients that cannot set Accept.
  Extensions: ``named=NAME`` runs a query from the library, ``param=NAME=VALUE``
  binds a variable (as ``kg query --param`` does).
* ``/store``: the Graph Store Protocol, read only (``?default`` or ``?graph=IRI``).
* ``/queries``: the named queries as JSON; ``/``: a small query page (no CDN).
* ``/search?q=WORDS&limit=N&kind=entity|sentence``: full-text search over the
  sentences and names (:mod:`kg.search`), as JSON; a bad query gets 400.

Read-only: SPARQL Update and Graph Store writes get 403. Queries run in worker
processes (``kg.query.QueryRunner``) that are killed at the per-query timeout, so
a runaway query never holds a worker; results are capped in rows and bytes. A bad
query gets 400 with the parser's message; a traceback never reaches a client.
"""
from __future__ import annotations

import contextlib
import json
import logging
import socket
import sys
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from . import query as q
from . import resources, vocab
from . import search as fulltext
from .errors import KgError
from .store import MANIFEST

log = logging.getLogger("kg.server")

MAX_BODY = 1 << 20  # bytes of a POST body
#: Requests answered at once (each has read its whole request; queries wait for a worker).
MAX_CLIENTS = 512
#: Seconds a client has to send a whole request (line, headers and body), however slowly.
REQUEST_SECONDS = 30.0
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def is_loopback(host: str) -> bool:
    import ipaddress

    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
SOLUTION_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv", "text/plain": "table", "text/xml": "xml",
}
GRAPH_TYPES = {
    "text/turtle": "ttl", "application/turtle": "ttl", "application/x-turtle": "ttl", "text/n3": "ttl",
    "text/rdf+n3": "ttl", "application/n-triples": "nt", "text/plain": "nt",
    "application/ld+json": "jsonld", "application/x-json+ld": "jsonld", "application/json": "jsonld",
    "application/rdf+xml": "rdfxml", "application/xml": "rdfxml", "text/xml": "rdfxml",
}
FORMAT_ALIASES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "table": "table", "text": "table",
                  "ttl": "ttl", "turtle": "ttl", "n3": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                  "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf+xml": "rdfxml"}


class HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.headers = status, headers or {}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges by preference (q-values honoured, junk ignored)."""
    out = []
    for k, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if "/" not in media:
            continue
        weight = 1.0
        for f in fields[1:]:
            if f.lower().startswith("q="):
                try:
                    weight = max(0.0, min(1.0, float(f[2:])))
                except ValueError:
                    weight = 0.0
        if weight > 0:
            out.append((media, weight, -k))
    return [(m, w) for m, w, _ in sorted(out, key=lambda x: (x[1], x[2]), reverse=True)]


def _format_argument(args: dict) -> str | None:
    """``format=`` (or ``output=``, as other endpoints call it): the first one we know;
    unknown values are ignored like an unusable Accept."""
    for value in args.get("format", []) + args.get("output", []):
        if value.strip().lower() in FORMAT_ALIASES:
            return value
    return None


def negotiate(accept: str | None, explicit: str | None = None) -> dict[str, str]:
    """The format for each kind of result (solutions and booleans, graphs). A known
    ``format=`` wins; an Accept that names nothing we serve gets the defaults."""
    fmt = FORMAT_ALIASES.get((explicit or "").strip().lower())
    if fmt is not None:
        if fmt in q.GRAPH_FORMATS:
            return {"select": "json", "ask": "json", "graph": fmt}
        return {"select": fmt, "ask": fmt, "graph": {"json": "jsonld", "xml": "rdfxml"}.get(fmt, "ttl")}
    ranges = parse_accept(accept)

    def pick(table: dict, default: str) -> str:
        for media, _ in ranges:
            if media in table:
                return table[media]
            if media == "*/*" or media.endswith("/*"):
                prefix = media[:-1]
                match = next((f for m, f in table.items() if m.startswith(prefix)), None) if media != "*/*" else None
                return match or default
        return default

    solutions = pick(SOLUTION_TYPES, "json")
    return {"select": solutions, "ask": solutions, "graph": pick(GRAPH_TYPES, "ttl")}


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address, runner: q.QueryRunner, *, timeout: float = q.DEFAULT_TIMEOUT,
                 max_rows: int | None = 100_000, max_bytes: int | None = 64 << 20, max_body: int = MAX_BODY,
                 max_clients: int = MAX_CLIENTS, request_seconds: float = REQUEST_SECONDS, graph_name: str = "kg",
                 quiet: bool = False, graph_dir: str | Path | None = None):
        super().__init__(address, Handler)
        self.graph_dir = graph_dir  # for /search, which reads the folder's full-text index
        self.runner = runner
        self.query_timeout = timeout
        self.max_rows, self.max_bytes, self.max_body = max_rows, max_bytes, max_body
        self.slots = threading.BoundedSemaphore(max_clients)
        self.request_seconds = request_seconds
        self.graph_name = graph_name
        self.quiet = quiet
        host = self.server_address[0]
        host = host.decode() if isinstance(host, (bytes, bytearray)) else str(host)
        #: Bound to loopback, only names of this machine may address it (no DNS rebinding).
        self.allowed_hosts = LOOPBACK_NAMES if is_loopback(host) else None

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up or is cut off is no error of ours: no traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, socket.timeout, OSError)):
            log.debug("connection from %s ended: %s", client_address, error)
            return
        log.exception("internal error serving %s", client_address)

    def graph_names(self) -> set[str]:
        """The named graphs the folder holds: one per issue, the ontology, the timeline and the names found again."""
        if self.runner.url is not None:
            from .stores.sparql import RemoteGraph

            with RemoteGraph(self.runner.url) as graph:
                manifest = graph.manifest
        else:
            try:
                manifest = json.loads((Path(self.runner.graph_dir) / MANIFEST).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                manifest = {}
        return {vocab.issue_graph_iri(i) for i in manifest.get("issues", {})} | \
            {str(vocab.ONTOLOGY_GRAPH), str(vocab.TIMELINE_GRAPH), str(vocab.RECURRING_GRAPH)}

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"http://{host}:{port}/"


class Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"
    timeout = 60  # seconds one read may take; the whole request has server.request_seconds

    # -- plumbing

    def handle_one_request(self):
        """Each request must arrive whole within ``request_seconds``: a client sending
        slowly is cut off, and holds no slot while it sends."""
        self._watchdog = threading.Timer(self.server.request_seconds, self._cut_off)
        self._watchdog.daemon = True
        self._watchdog.start()
        try:
            super().handle_one_request()
        finally:
            self._watchdog.cancel()

    def _cut_off(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def log_message(self, format, *args):
        if not self.server.quiet:
            sys.stderr.write(f"{self.address_string()} - {format % args}\n")

    def send_error(self, code, message=None, explain=None):
        """The base class's own errors (bad request line, 414): plain text, no HTML."""
        self._reply(code, (message or HTTPStatus(code).phrase) + "\n", "text/plain; charset=utf-8")

    def _reply(self, status: int, body: bytes | str, ctype: str, headers: dict | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if status >= 400:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._reply(status, message.rstrip() + "\n", "text/plain; charset=utf-8", headers)

    def _dispatch(self) -> None:
        slot = False
        try:
            self._check_host()
            path = urlsplit(self.path).path
            route = ROUTES.get(path)
            if route is None:
                raise HTTPError(404, f"no such resource: {path}; the SPARQL endpoint is /sparql")
            methods, handler = route
            if self.command not in methods:
                if path == "/store" and self.command in ("PUT", "POST", "DELETE", "PATCH"):
                    raise HTTPError(403, "the graph store is read-only (rebuild it with kg build)")
                raise HTTPError(405, f"{self.command} is not allowed on {path}",
                                {"Allow": ", ".join(sorted(methods))})
            self.args = self._arguments()  # the whole request is read: no more waiting on the client
            self._watchdog.cancel()
            slot = self.server.slots.acquire(blocking=False)
            if not slot:
                raise HTTPError(503, "too many requests at once; retry shortly", {"Retry-After": "1"})
            handler(self)
        except HTTPError as e:
            self._error(e.status, str(e), e.headers)
        except KgError as e:  # a bad query, an unknown name: the library says which
            self._error(e.http_status, str(e), {"Retry-After": "2"} if e.http_status == 503 else None)
        except Exception:
            log.exception("internal error on %s %s", self.command, self.path)
            self._error(500, "internal error; see the server log")
        finally:
            if slot:
                self.server.slots.release()

    def _check_host(self) -> None:
        allowed = self.server.allowed_hosts
        host = self.headers.get("Host")
        if allowed is None or host is None:
            return
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host[1:host.find("]")]
        if name.lower() not in allowed:
            raise HTTPError(421, f"this endpoint answers to {', '.join(sorted(allowed))} only, not {host!r}")

    do_GET = do_POST = do_HEAD = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _dispatch

    # -- inputs

    def _query_string(self) -> dict[str, list[str]]:
        try:
            return parse_qs(urlsplit(self.path).query, keep_blank_values=True, max_num_fields=200,
                            strict_parsing=False, errors="strict")
        except (ValueError, UnicodeDecodeError) as e:
            raise HTTPError(400, f"bad query string: {e}") from None

    def _body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise HTTPError(411, "send a Content-Length (chunked bodies are not accepted)")
        length = self.headers.get("Content-Length")
        if length is None:
            raise HTTPError(411, "a POST needs a Content-Length")
        try:
            size = int(length)
            if size < 0:
                raise ValueError
        except ValueError:
            raise HTTPError(400, f"bad Content-Length {length!r}") from None
        if size > self.server.max_body:
            raise HTTPError(413, f"the request body is {size} bytes; the limit is {self.server.max_body}")
        try:
            body = self.rfile.read(size)
        except (TimeoutError, OSError):
            raise HTTPError(408, "the request body did not arrive in time") from None
        if len(body) < size:
            raise HTTPError(400, "the request body is shorter than its Content-Length")
        return body

    def _arguments(self) -> dict[str, list[str]]:
        """Protocol arguments from the URL and, for POST, the body."""
        args = self._query_string()
        if self.command == "POST" and urlsplit(self.path).path != "/sparql":
            return args
        if self.command != "POST":
            return args
        ctype = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        body = self._body()
        if ctype == "application/sparql-update":
            raise HTTPError(403, "SPARQL Update is refused: the graph is read-only (rebuild it with kg build)")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None
        if ctype == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(text, keep_blank_values=True, max_num_fields=200, errors="strict")
            except (ValueError, UnicodeDecodeError) as e:
                raise HTTPError(400, f"bad form body: {e}") from None
            for k, v in form.items():
                args.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-query":
            if "query" in args:
                raise HTTPError(400, "the query is both in the body and in the URL")
            args["query"] = [text]
        else:
            raise HTTPError(415, "POST a form (application/x-www-form-urlencoded) or a query "
                                 "(application/sparql-query)", {"Accept-Post": "application/sparql-query, "
                                                                "application/x-www-form-urlencoded"})
        return args

    @staticmethod
    def _one(args: dict, name: str) -> str | None:
        values = args.get(name, [])
        if len(values) > 1:
            raise HTTPError(400, f"give {name} once")
        return values[0] if values else None

    @staticmethod
    def _iris(args: dict, name: str) -> list | None:
        values = args.get(name)
        if not values:
            return None
        try:
            return [ox.NamedNode(v) for v in values]
        except ValueError:
            raise HTTPError(400, f"{name}: not an IRI") from None

    # -- routes

    def sparql(self) -> None:
        args = self.args
        if "update" in args:
            raise HTTPError(403, "SPARQL Update is refused: the graph is read-only (rebuild it with kg build)")
        text, named = self._one(args, "query"), self._one(args, "named")
        if text is None and named is None:
            raise HTTPError(400, "missing query: send query=... (or named=NAME); the query page is at /")
        params = q.parse_param_args(args.get("param", []))
        text, bindings, hide = q.prepare(text, named=named, params=params)
        default_graph = self._iris(args, "default-graph-uri")
        named_graphs = self._iris(args, "named-graph-uri")
        fmt = negotiate(self.headers.get("Accept"), _format_argument(args))
        request = q.QueryRequest(text, bindings, fmt=fmt, max_rows=self.server.max_rows,
                                 max_bytes=self.server.max_bytes, hide=hide, union=default_graph is None,
                                 default_graph=default_graph, named_graphs=named_graphs)
        self._run(request)

    def _run(self, request: q.QueryRequest) -> None:
        started = time.perf_counter()
        try:
            answer = self.server.runner.run(request, self.server.query_timeout)
        except q.QueryTimeout:
            raise HTTPError(503, f"query stopped after {self.server.query_timeout:g} s, the server's time limit "
                                 f"per query; narrow it (a LIMIT, a more specific pattern)") from None
        except q.ServerBusy:
            raise HTTPError(503, "every query worker is busy; retry shortly", {"Retry-After": "2"}) from None
        except q.QueryFailed as e:
            raise HTTPError(500, f"the query failed: {e}") from None
        headers = {"X-Kg-Rows": str(answer.rows), "X-Kg-Seconds": f"{time.perf_counter() - started:.3f}",
                   "Cache-Control": "no-store", "Vary": "Accept"}
        if answer.truncated:
            headers["X-Kg-Truncated"] = f"results cut at {answer.rows} rows (the server's limit)"
        if answer.notes:
            headers["X-Kg-Notes"] = json.dumps(answer.notes)  # ASCII-escaped: headers are Latin-1
        self._reply(200, answer.data, answer.content_type, headers)

    def store(self) -> None:
        args = self.args
        graph, default = self._one(args, "graph"), "default" in args
        if (graph is None) == (not default):
            raise HTTPError(400, "ask for ?default (the union of the issues) or ?graph=IRI")
        text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
        bindings, union, default_graph = q.Bindings(), True, None
        if graph is not None:
            try:
                default_graph, union = [ox.NamedNode(graph)], False
            except ValueError:
                raise HTTPError(400, "graph: not an IRI") from None
            if graph not in self.server.graph_names():
                raise HTTPError(404, f"no graph {graph} here; the issues' graphs are kgid:graph/ISSUE "
                                     f"(list them with the named query 'issues')")
        fmt = negotiate(self.headers.get("Accept"), _format_argument(args))
        request = q.QueryRequest(text, bindings, fmt={"graph": fmt["graph"]}, max_rows=self.server.max_rows,
                                 max_bytes=self.server.max_bytes, union=union, default_graph=default_graph)
        self._run(request)

    def search(self) -> None:
        args = self._query_string()
        text, kind, limit = self._one(args, "q"), self._one(args, "kind") or "all", self._one(args, "limit")
        if not text or not text.strip():
            raise HTTPError(400, "missing q: send /search?q=words (and limit=N, kind=entity or sentence)")
        if self.server.graph_dir is None:
            raise HTTPError(404, "full-text search reads a graph folder's index; this server fronts a SPARQL store (use kg query)")
        try:
            n = int(limit) if limit is not None else 20
        except ValueError:
            raise HTTPError(400, f"limit: not a number: {limit!r}") from None
        if kind not in ("all", *fulltext.KINDS):
            raise HTTPError(400, f"kind: {kind!r}; use entity, sentence or all")
        started = time.perf_counter()
        hits = fulltext.search(self.server.graph_dir, text, limit=n,
                               kinds=fulltext.KINDS if kind == "all" else (kind,))
        body = json.dumps({"query": text, "limit": n, "hits": [h.to_dict() for h in hits]}, ensure_ascii=False)
        self._reply(200, body, "application/json; charset=utf-8",
                    {"X-Kg-Rows": str(len(hits)), "X-Kg-Seconds": f"{time.perf_counter() - started:.3f}",
                     "Cache-Control": "no-store"})

    def queries(self) -> None:
        self._reply(200, json.dumps(_library(), ensure_ascii=False), "application/json; charset=utf-8")

    def page(self) -> None:
        self._reply(200, render_page(self.server.graph_name), "text/html; charset=utf-8",
                    {"Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                     "style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'"})


ROUTES = {
    "/": ({"GET", "HEAD"}, Handler.page),
    "/sparql": ({"GET", "POST", "HEAD"}, Handler.sparql),
    "/store": ({"GET", "HEAD"}, Handler.store),
    "/queries": ({"GET", "HEAD"}, Handler.queries),
    "/search": ({"GET", "HEAD"}, Handler.search),
}


def _library() -> list[dict]:
    return [{"name": n, "description": nq.description, "text": nq.text,
             "params": [{"name": p.name, "kind": p.kind, "class": p.cls, "required": p.required,
                         "help": p.help, "example": p.example} for p in nq.params]}
            for n, nq in q.named_queries().items()]


def render_page(graph_name: str) -> str:
    """The query page: one self-contained HTML document, every value escaped."""
    import html

    data = json.dumps(_library(), ensure_ascii=False)
    data = data.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    page = resources.text("kg.static", "query.html")
    return page.replace("{{TITLE}}", html.escape(graph_name)).replace("{{QUERIES}}", data)




def serve(graph_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, *, workers: int = 8,
          timeout: float = q.DEFAULT_TIMEOUT, max_rows: int | None = 100_000, max_bytes: int | None = 64 << 20,
          worker_memory: int | None = None, quiet: bool = False, ready=None) -> None:
    """Serve until interrupted. ``ready(server)`` is called once the socket listens."""
    runner = q.QueryRunner(graph_dir, workers, start_method="exec", memory_limit=worker_memory)
    server = SparqlServer((host, port), runner, timeout=timeout, max_rows=max_rows, max_bytes=max_bytes,
                          graph_name=runner.url or Path(graph_dir).name, quiet=quiet,
                          graph_dir=None if runner.url else graph_dir)  # the port first: fail fast
    try:
        runner.start()
        if ready:
            ready(server)
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        runner.close()
