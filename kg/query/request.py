"""A query as a worker receives it, and what the worker sends back."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from .execute import execute
from .formats import FORMATS, format_result
from .params import Bindings


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
    timeout: float | None = None  # seconds: a store on a server is told too, where it takes a limit


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
