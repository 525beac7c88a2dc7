"""What every command shares: errors made into one line and an exit status, and
opening a graph folder."""
from __future__ import annotations

import signal
import sys
from functools import wraps
from pathlib import Path
from typing import NoReturn

import click

from ..errors import KgError
from ..stores import location
from ..stores import open_graph as _open_graph

#: Every command takes -h as well as --help.
CONTEXT = {"help_option_names": ["-h", "--help"]}


def fail(message: str, code: int = 2) -> NoReturn:
    """One line on stderr, then exit: a user's mistake never ends in a traceback."""
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(code)


def user_errors(fn):
    """Errors the library raises on purpose (:class:`kg.errors.KgError`) end in one
    line and their exit status; Ctrl-C in 130; a closed pipe quietly."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except KgError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted; nothing was changed", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
    return wrapper


def stop_on_sigterm() -> None:
    """SIGTERM (a service manager, ``kill``) stops a command as Ctrl-C does: cleanly."""
    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background


class GraphLocation(click.ParamType):
    """A graph folder, or a SPARQL server's URL (``http://…``), as the command line takes it."""
    name = "GRAPH"

    def convert(self, value, param, ctx):
        return value if isinstance(value, Path) else location(str(value))


#: The type of every command's GRAPH argument: a folder or a store's URL.
GRAPH = GraphLocation()


def open_graph(path):
    """A graph folder (:class:`kg.store.KnowledgeGraph`) or a store on a SPARQL server."""
    return _open_graph(path)


def split_list(value: str | None) -> list[str] | None:
    """``"a, b,c"`` → ``["a", "b", "c"]``; nothing → None."""
    return [v.strip() for v in value.split(",") if v.strip()] if value else None
