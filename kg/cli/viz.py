"""``kg viz``: the interactive network page."""
from __future__ import annotations

from pathlib import Path

import click

from .. import viz
from ..vocab import TYPE_STYLE
from .common import CONTEXT, GRAPH, fail, open_graph, split_list, user_errors


@click.command("viz", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--output", "-o", type=click.Path(path_type=Path), default=Path("network.html"),
              show_default=True, help="HTML file to write (opens by double-click, offline).")
@click.option("--focus", default=None, metavar="NAME",
              help="Ego view: only this entity (label or alias) and what is linked to it.")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(1, 10),
              help="With --focus: how many links away to go.")
@click.option("--types", default=None, metavar="TYPE,TYPE",
              help=f"Only entities of these types ({', '.join(TYPE_STYLE)}).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only issues dated on or after this day (YYYY-MM-DD); undated issues are left out.")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only issues dated on or before this day.")
@click.option("--issue", "issues", multiple=True, metavar="ID",
              help="Only this issue (an id as `kg stats` lists them); may be repeated.")
@click.option("--min-mentions", default=1, show_default=True, type=click.IntRange(0),
              help="Only entities mentioned at least this often (in the issues kept).")
@click.option("--max-nodes", default=viz.DEFAULT_MAX_NODES, show_default=True, type=click.IntRange(1),
              help="Keep at most this many entities, the most important (PageRank) first.")
@click.option("--no-co-mentions", "no_co_mentions", is_flag=True,
              help="Leave co-mention links out of the page (they are hidden until toggled anyway).")
@click.option("--title", default=None, help="Page title (default: kg · the graph folder's name).")
@user_errors
def viz_command(graph_dir, output, focus, hops, types, since, until, issues, min_mentions, max_nodes,
                no_co_mentions, title):
    """Write the graph as an interactive network: one HTML file that works offline.

    \b
    Nodes: colour and shape per type (or colour per community), size by PageRank
    over the stated relations, laid out community by community; entities with no
    stated relation are listed at the side. Edges: the stated relations, labelled
    (post title, financing round); co-mention links are hidden until toggled. In
    the page: a time slider over the issue dates, filters by issue, relation and
    type, the view kept in the address (#...), PNG and SVG export. Click or hover
    an entity for its aliases, issues and the evidence of its relations.
    \b
      kg viz kg-data -o network.html
      kg viz kg-data --focus 工业和信息化部 --hops 2 -o ministry.html
      kg viz kg-data --types Organization,Policy --since 2021-06-01 --min-mentions 2
    """
    wanted = split_list(types)
    if wanted and set(wanted) - set(TYPE_STYLE):
        fail(f"unknown type {', '.join(sorted(set(wanted) - set(TYPE_STYLE)))} "
             f"(types: {', '.join(TYPE_STYLE)})")
    with open_graph(graph_dir) as graph:
        try:
            shown = viz.render(graph, output, focus=focus, hops=hops, types=wanted,
                           since=since.date() if since else None, until=until.date() if until else None,
                           issues=list(issues) or None, min_mentions=min_mentions, max_nodes=max_nodes,
                           co_mentions=not no_co_mentions, title=title)
        except OSError as e:
            fail(f"cannot write {output}: {e.strerror or e}")
    left = f"; {shown['left_out']} less important left out (--max-nodes)" if shown["left_out"] else ""
    unlinked = (f" ({shown['unconnected']} with no stated relation: listed at the side, not drawn)"
                if shown["unconnected"] else "")
    click.echo(f"wrote {output}: {shown['nodes']} entities{unlinked} in {shown['communities']} communities, "
               f"{shown['edges']} relations, {shown['co_mentions']} co-mention links (hidden until toggled){left}; "
               f"{shown['bytes'] / 1024:,.0f} KB")
    click.echo(f"open it in a browser: file://{Path(output).resolve()}")
