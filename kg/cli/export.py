"""``kg export``: the graph as JSON Lines, standard RDF, or for property-graph tools."""
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
              help="File to write (default: standard output), or the folder for --format neo4j.")
@user_errors
def export_command(graph_dir, fmt, output):
    """Write the graph as JSON Lines, RDF (Turtle, N-Triples, TriG, N-Quads,
    JSON-LD), GraphML or GEXF, or CSV files for Neo4j's importer.

    The file (or folder) is written under a temporary name and renamed when
    complete, so an interrupted export leaves nothing half-written.
    """
    if output is None and exporters.writes_folder(fmt):
        fail(f"--format {fmt} writes a folder of files: name it with --output DIR")
    with open_graph(graph_dir) as graph:
        if output is None:
            exporters.export(graph, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        exporters.write(graph, fmt, output)
