"""``kg export``: the graph as JSON Lines or standard RDF."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import export as exporters
from .common import CONTEXT, GRAPH, fail, open_graph, user_errors


@click.command("export", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--format", "fmt", type=click.Choice(sorted(exporters.formats())), default="jsonl",
              show_default=True,
              help="; ".join(f"{k}: {v}" for k, v in exporters.formats().items()))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
@user_errors
def export_command(graph_dir, fmt, output):
    """Write the graph as JSON Lines (entities, relations) or standard RDF."""
    with open_graph(graph_dir) as graph:
        if output is None:
            exporters.export(graph, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        tmp = output.with_name(f".{output.name}.part")
        try:
            with open(tmp, "wb") as f:
                exporters.export(graph, fmt, f)
            tmp.replace(output)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            fail(f"cannot write {output}: {e.strerror or e}")
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
