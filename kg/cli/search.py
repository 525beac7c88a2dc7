"""``kg search``: sentences and names by their words, from the graph's full-text index."""
from __future__ import annotations

import json

import click

from .. import search as fulltext
from ..terminal import cut, display_width, pad
from .common import CONTEXT, user_errors

#: Characters kept before the first hit when a sentence is cut to the column.
CONTEXT_BEFORE = 8


@click.command("search", context_settings=CONTEXT)
@click.argument("graph_dir")  # a folder; a URL is refused with a hint, not mangled into a path
@click.argument("words")
@click.option("--limit", "-n", default=10, show_default=True, type=click.IntRange(1, fulltext.MAX_LIMIT),
              help="At most this many sentences, and this many names.")
@click.option("--kind", type=click.Choice(["all", *fulltext.KINDS]), default="all", show_default=True,
              help="Search sentences, entity names, or both.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--max-width", default=70, show_default=True, type=click.IntRange(0),
              help="Columns of the sentence column (0: whole sentences); entities get half as many.")
@user_errors
def search_command(graph_dir, words, limit, kind, fmt, max_width):
    """Find sentences and entity names by their words, best first.

    \b
      kg search kg-data "人工智能 产业园"     every word must occur, anywhere in the sentence
      kg search kg-data 芯片                  one or two characters work too
      kg search kg-data '"集成电路" OR 芯片设计'   FTS5 syntax: "...", OR, NOT, NEAR(...)

    Chinese needs no spaces between words: each word is matched as written.
    Hits are marked 【like this】; --format json gives their offsets as well.
    """
    kinds = fulltext.KINDS if kind == "all" else (kind,)
    hits = fulltext.search(graph_dir, words, limit=limit, kinds=kinds)
    if fmt == "json":
        click.echo(json.dumps({"query": words, "limit": limit, "hits": [h.to_dict() for h in hits]},
                              ensure_ascii=False, indent=2))
        return
    names = [h for h in hits if h.kind == "entity"]
    sentences = [h for h in hits if h.kind == "sentence"]
    if not hits:
        click.echo(f"nothing found for {words!r}")
        return
    if names:
        click.echo(f"names ({len(names)}{' or more' if len(names) == limit else ''}):")
        width = min(max_width or 10**6, max(display_width(h.marked) for h in names))
        for h in names:
            span = h.date if h.date == h.last else f"{h.date or '?'} – {h.last or '?'}"
            click.echo(f"  {_window(h, width)}  {h.type}, {len(h.issues)} issue(s), {span}")
    if sentences:
        more = " or more" if len(sentences) == limit else ""
        click.echo(f"sentences ({len(sentences)}{more}, best first):")
        issue_width = min(28, max(display_width(h.issue or "") for h in sentences))
        for h in sentences:
            entities = "、".join(e["label"] for e in h.entities) or "-"
            click.echo(f"  {pad(h.issue or '', issue_width)}  {h.date or '-':<10}  {_window(h, max_width)}  "
                       f"{cut(entities, max_width // 2)}")


def _window(hit: fulltext.Hit, width: int) -> str:
    """The marked text within ``width`` columns, starting a little before the first hit."""
    marked = hit.marked
    if width <= 0 or display_width(marked) <= width:
        return pad(marked, width) if width else marked
    left = max(0, hit.spans[0][0] - CONTEXT_BEFORE) if hit.spans else 0
    return pad(("…" if left else "") + marked[left:], width)
