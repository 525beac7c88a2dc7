"""``kg stats``, ``kg entities`` and ``kg path``: reading the graph as a whole."""
from __future__ import annotations

import json
import sys

import click
import networkx as nx

from .. import analytics as ka
from .. import stats
from ..terminal import pad
from ..vocab import TYPES
from .common import CONTEXT, GRAPH, fail, open_graph, user_errors


@click.command("stats", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="How many top entities to list.")
@click.option("--communities", "n_communities", default=5, show_default=True, type=click.IntRange(0, 1000),
              help="How many communities to list (--format json lists 10 or this, whichever is more).")
@click.option("--co-mentions", is_flag=True,
              help="PageRank and communities over co-mention links too, not only stated relations.")
@click.option("--by", type=click.Choice(["month", "year", "issue"]), default="month", show_default=True,
              help="Period of the issues-over-time table.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@user_errors
def stats_command(graph_dir, top, n_communities, co_mentions, by, fmt):
    """Counts per type and relation, top entities, communities, and issues over time.

    Top entities by PageRank (over the stated relations, read both ways) and by
    the number of issues naming them; communities by networkx's Louvain method
    with a fixed seed, so runs agree.
    """
    with open_graph(graph_dir) as graph:
        data = stats.summary(graph, top=top, communities=max(n_communities, 10) if fmt == "json" else n_communities,
                       co_mentions=co_mentions, by=by)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    links = sum(r["edges"] for r in data["relations"].values())
    click.echo(f"{graph_dir}: {data['triples']} triples, {len(data['issues'])} issue(s), "
               f"{data['entities']} entities, {links} relation links, {data['co_mention_pairs']} co-mention pairs")
    click.echo("entities by type:")
    for type_, n in data["types"].items():
        click.echo(f"  {type_:<14}{n:>6}")
    click.echo("relations (links, evidence sentences):")
    for name, r in data["relations"].items():
        click.echo(f"  {name:<14}{pad(r['label'], 6)}{r['edges']:>5}{r['evidence'] or '-':>6}")
    over = "stated relations" + (" and co-mentions" if co_mentions else "")
    click.echo(f"top {top} by PageRank over {over} (pagerank, links):")
    for e in data["top_pagerank"]:
        click.echo(f"  {pad(e['label'], 30)} {e['type']:<13}{e['pagerank']:>7.4f}{e['degree']:>5}")
    click.echo(f"top {top} by issues (mentions, issues):")
    for e in data["top_entities"]:
        click.echo(f"  {pad(e['label'], 30)} {e['type']:<13}{e['mentions']:>5}{e['issues']:>4}")
    c = data["communities"]
    if n_communities:
        click.echo(f"communities (Louvain over {c['links']}): {c['count']}, covering {c['linked_entities']} "
                   f"linked entities ({c['unlinked_entities']} have no link); largest {len(c['largest'])}:")
        for k, group in enumerate(c["largest"], 1):
            names = "、".join(m["label"] for m in group["members"])
            more = " …" if group["size"] > len(group["members"]) else ""
            click.echo(f"  {k:>2}. {group['size']:>3} entities: {names}{more}")
    click.echo(f"issues over time (per {by}: issues, mentions, entities, first named):")
    peak = max((p["mentions"] for p in data["timeline"]), default=0) or 1
    for p in data["timeline"]:
        bar = "█" * max(1, round(20 * p["mentions"] / peak)) if p["mentions"] else ""
        click.echo(f"  {pad(str(p['period'] or 'undated'), 28)}{len(p['issues']):>3}{p['mentions']:>7}"
                   f"{p['entities']:>6}{p['new_entities']:>6}  {bar}")
    click.echo("issues:")
    for i in data["issues"]:
        click.echo(f"  {i['id']:<28} {i.get('date') or '-':<11} {i.get('title') or '-'} "
                   f"{i.get('label') or ''}  ({i['mentions']} mentions)")


@click.command("entities", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--type", "type_", type=click.Choice(list(TYPES)),
              default=None, help="Only entities of this type.")
@click.option("--search", "-s", default=None, help="Only entities with a name containing TEXT.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0),
              help="How many to list (0: all).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@user_errors
def entities_command(graph_dir, type_, search, limit, fmt):
    """List entities with their aliases, mention counts and the issues they appear in."""
    with open_graph(graph_dir) as graph:
        rows = stats.entities(graph, type_, search)
    shown = rows[:limit] if limit else rows
    if fmt == "json":
        for r in shown:
            click.echo(json.dumps(r, ensure_ascii=False))
        return
    if not rows:
        click.echo("no entities match", err=True)
        return
    for r in shown:
        aliases = f"  (= {', '.join(r['aliases'])})" if r["aliases"] else ""
        click.echo(f"{r['label']}{aliases}\n    {r['type']}, {r['mentions']} mention(s) in "
                   f"{len(r['issues'])} issue(s): {', '.join(r['issues'])}")
    if len(rows) > len(shown):
        click.echo(f"... {len(rows) - len(shown)} more (use --limit 0)")


def _hop_text(hop: dict) -> str:
    qualifier = hop.get("title") or hop.get("round")
    name = f"{hop['relation']}" + (f" ({qualifier})" if qualifier else "")
    if hop["relation"] == ka.CO_MENTION:
        name += f" ×{hop.get('count', 1)}"
    arrow = f"—{name}→" if hop["forward"] else f"←{name}—"
    return f"{hop['source_label']} {arrow} {hop['target_label']}"


@click.command("path", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.argument("source")
@click.argument("target")
@click.option("--co-mentions", is_flag=True,
              help="Also follow co-mention links (named in the same article), not only stated relations.")
@click.option("--via", "relations", default=None, metavar="REL,REL",
              help=f"Only these relations ({', '.join(ka.RELATIONS)}).")
@click.option("--avoid", multiple=True, metavar="NAME",
              help="An entity the path may not pass through (e.g. a hub such as 北京市); may be repeated.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@user_errors
def path_command(graph_dir, source, target, co_mentions, relations, avoid, fmt):
    """The shortest connection between two entities, each hop with its evidence.

    SOURCE and TARGET are entity names (label or alias, e.g. 工信部) or IRIs.
    Exit 1 if they are not connected; 2 if a name is unknown.
    """
    via = [r.strip() for r in relations.split(",") if r.strip()] if relations else None
    if via and set(via) - set(ka.RELATIONS):
        fail(f"unknown relation {', '.join(sorted(set(via) - set(ka.RELATIONS)))} "
             f"(relations: {', '.join(ka.RELATIONS)})")
    with open_graph(graph_dir) as graph:
        G = ka.to_networkx(graph, co_mentions=co_mentions, min_mentions=0)
    try:
        hops = ka.shortest_path(G, source, target, co_mentions=co_mentions, relations=via, avoid=avoid)
    except nx.NetworkXNoPath:
        a, b = G.nodes[ka.find_entity(G, source)]["label"], G.nodes[ka.find_entity(G, target)]["label"]
        how = "stated relations" + (" or co-mentions" if co_mentions else "")
        message = f"no path between {a} and {b} through {how}"
        if fmt == "json":
            click.echo(json.dumps({"source": a, "target": b, "found": False, "hops": []},
                                  ensure_ascii=False, indent=2))
        click.echo(message + ("" if co_mentions else "; try --co-mentions"), err=True)
        sys.exit(1)
    if fmt == "json":
        ends = [ka.find_entity(G, source), ka.find_entity(G, target)]
        click.echo(json.dumps({"source": {"id": ends[0], "label": G.nodes[ends[0]]["label"]},
                               "target": {"id": ends[1], "label": G.nodes[ends[1]]["label"]},
                               "found": True, "length": len(hops), "hops": hops},
                              ensure_ascii=False, indent=2))
        return
    if not hops:
        click.echo(f"{G.nodes[ka.find_entity(G, source)]['label']} is {G.nodes[ka.find_entity(G, target)]['label']}")
        return
    click.echo(f"{hops[0]['source_label']} → {hops[-1]['target_label']}: {len(hops)} hop(s)")
    for k, hop in enumerate(hops, 1):
        click.echo(f"{k}. {_hop_text(hop)}")
        if hop["evidence"]:
            ev = hop["evidence"][0]
            more = f" (+{len(hop['evidence']) - 1} more)" if len(hop["evidence"]) > 1 else ""
            click.echo(f"   [{ev['doc']}{', ' + ev['date'] if ev['date'] else ''}] {ev['sentence']}{more}")
        elif hop["relation"] == "within":
            click.echo("   (administrative division data)")
        elif hop["relation"] == ka.CO_MENTION:
            click.echo(f"   (named together in {hop.get('count', 1)} article(s) of "
                       f"{', '.join(hop.get('issues', ()))}; no relation stated)")
