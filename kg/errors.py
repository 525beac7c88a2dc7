"""Every error the library raises for something a user can fix, in one hierarchy.

The library raises; the command line (``kg.cli``) and the server (``kg.server``)
catch :class:`KgError` alone and turn it into one line with an exit status, or an
HTTP status. Each class says which: ``exit_code`` and ``http_status``.
"""
from __future__ import annotations


def first_line(error: BaseException) -> str:
    """Another library's exception as the tail of our one line: its class and first line of text."""
    line = next((x.strip() for x in str(error).splitlines() if x.strip()), "")
    return f"{type(error).__name__}: {line}" if line else type(error).__name__


class KgError(Exception):
    """Base of every error kg raises on purpose; ``str(error)`` is the one line to show."""

    exit_code = 2
    http_status = 400


class InputError(KgError):
    """A mistake in what was asked for: no such path, nothing to read, a bad option."""


class ToolNotFound(KgError):
    """An option needs a program that is not installed (``--ocr`` and Tesseract); the
    message says how to install it."""


class GraphError(KgError):
    """A folder that is not a kg graph, or a graph that cannot be opened or written."""

    http_status = 500


class BackendError(KgError):
    """A NER backend that is unknown, not installed, or cannot load its model."""


class EntityNotFound(KgError, LookupError):
    """A name (or an issue id) that matches nothing in the graph."""

    http_status = 404


class QueryError(KgError):
    """A mistake in a query: bad text, unknown named query, bad parameter."""


class QuerySyntaxError(QueryError):
    """The parser refused the query; ``line`` and ``column`` locate the error (1-based)."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column

    def __reduce__(self):
        return type(self), (str(self), self.line, self.column)


class UpdateRefused(QueryError):
    """SPARQL Update (or a Graph Store write) on a read-only graph."""

    http_status = 403


class QueryTimeout(KgError):
    """The query ran past its time limit and was stopped."""

    exit_code = 124  # as timeout(1)
    http_status = 503

    def __init__(self, seconds: float):
        super().__init__(f"query stopped after {seconds:g} s, its time limit")
        self.seconds = seconds

    def __reduce__(self):
        return type(self), (self.seconds,)


class QueryFailed(KgError):
    """The engine failed on a valid query (a storage error, a worker that died)."""

    exit_code = 1
    http_status = 500


class ServerBusy(KgError):
    """Every query worker stayed busy until the request's deadline."""

    exit_code = 1
    http_status = 503


__all__ = ["BackendError", "EntityNotFound", "GraphError", "InputError", "KgError", "QueryError",
           "QueryFailed", "QuerySyntaxError", "QueryTimeout", "ServerBusy", "ToolNotFound", "UpdateRefused"]
