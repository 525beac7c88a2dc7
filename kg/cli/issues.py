"""``kg issues`` and ``kg remove``: what the graph holds, and taking issues out of it."""
from __future__ import annotations

import json

import click

from ..build import remove
from ..terminal import pad
from .common import CONTEXT, GRAPH, open_graph, stop_on_sigterm, user_errors


@click.command("issues", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@user_errors
def issues_command(graph_dir, fmt):
    """List the issues a graph holds: id, date, title, source file and mentions."""
    with open_graph(graph_dir) as graph:
        issues = graph.manifest.get("issues", {})
    rows = [{"id": i, **{k: m.get(k) for k in ("date", "title", "label", "path", "mentions", "sentences")}}
            for i, m in sorted(issues.items(), key=lambda kv: (kv[1].get("date") or "9999", kv[0]))]
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    if not rows:
        click.echo("no issues", err=True)
        return
    width = max(len(r["id"]) for r in rows) + 2
    for r in rows:
        title = " ".join(x for x in (r["title"], r["label"]) if x) or "-"
        click.echo(f"{r['id']:<{width}}{r['date'] or '-':<12}{pad(title, 36)}  {r['mentions'] or 0:>6} mentions  "
                   f"{r['path'] or ''}")


@click.command("remove", context_settings=CONTEXT)
@click.argument("graph_dir")  # a folder; a URL is refused with a hint, not mangled into a path
@click.argument("issues", nargs=-1, required=True)
@click.option("--wait", is_flag=True, help="If a build or removal is writing GRAPH_DIR, wait for it.")
@user_errors
def remove_command(graph_dir, issues, wait):
    """Take issues out of a graph, by issue id or file name (see kg issues).

    What other issues say stays as it was; an entity no remaining issue names is
    gone. Atomic like a build: Ctrl-C or a crash leaves the graph as it was.
    """
    stop_on_sigterm()
    removed = remove(graph_dir, issues, wait=wait)
    click.echo(f"removed {len(removed)} issue(s) from {graph_dir}: {', '.join(removed)}")
