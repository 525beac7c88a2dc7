"""The ``kg`` command: a thin layer over the Python API (``kg.build``, ``kg.open``)."""
from __future__ import annotations

import importlib
import json
import sys
from functools import wraps
from pathlib import Path

import click

from . import __version__, export as exporters, ner
from .build import build as build_graph
from .graph import GraphError, KnowledgeGraph
from .ingest import InputError
from .ner import BackendError


def _user_errors(fn):
    """User mistakes end in one line on stderr and exit status 2, never a traceback."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (InputError, GraphError, BackendError) as e:
            _fail(str(e))
        except KeyboardInterrupt:
            click.echo("interrupted; nothing was changed", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
    return wrapper


def _fail(message: str):
    click.echo(f"kg: error: {message}", err=True)
    sys.exit(2)


def _open(path: str) -> KnowledgeGraph:
    return KnowledgeGraph.open(path)


#: Commands that live beside the code they drive, imported only when used
#: (so ``kg build`` never pays for the web server or the network view).
LAZY_COMMANDS = {
    "query": "kg.query:query_command",
    "serve": "kg.server:serve_command",
    "viz": "kg.viz:viz_command",
    "path": "kg.analytics:path_command",
}


class _Group(click.Group):
    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | {n for n in LAZY_COMMANDS if self._load(n)})

    def get_command(self, ctx, name):
        return super().get_command(ctx, name) or self._load(name)

    @staticmethod
    def _load(name):
        target = LAZY_COMMANDS.get(name)
        if not target:
            return None
        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as e:
            if e.name == module:  # not part of this install: the command is simply absent
                return None
            raise


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main():
    """Build a knowledge graph from Chinese tech-industry newsletter issues.

    \b
    Start with:
      kg build samples/ --out kg-data
      kg stats kg-data
    """


def _backend_help() -> str:
    return "NER backend: " + "; ".join(f"{k} = {v}" for k, v in ner.available().items())


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("kg-data"),
              show_default=True, help="Graph folder to create or update.")
@click.option("--ner", "backend", default=ner.DEFAULT_BACKEND, show_default=True,
              help=_backend_help())
@click.option("--ner-model", default=None,
              help="Model for the backend: an identifier or a local directory.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(path_type=Path),
              help="An extra alias file (same format as ontology/aliases.tsv) to force or forbid "
                   "merges; may be given more than once.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@_user_errors
def build(inputs, out, backend, ner_model, alias_files, quiet):
    """Read issue files or folders (.txt, .md; UTF-8 or GB18030) into a graph.

    Re-running on an existing --out replaces the graphs of the issues given and
    keeps the others. Unreadable files are named, skipped, and counted.
    """
    if not inputs:
        _fail("no input given: name one or more issue files or folders, e.g. kg build samples/")
    options = {"model": ner_model} if ner_model else {}

    def warn(skipped):
        click.echo(f"kg: warning: skipped {skipped.path}: {skipped.reason}", err=True)

    report = build_graph(inputs, out, backend=backend, backend_options=options, aliases=alias_files,
                         progress=not quiet and sys.stderr.isatty(), on_skip=warn)
    if not quiet:
        click.echo(
            f"built {out}: {len(report.issues)} issue(s), {report.sentences} sentences, "
            f"{report.mentions} mentions, {report.triples} triples "
            f"in {report.seconds:.1f}s ({report.characters / max(report.seconds, 1e-9):,.0f} chars/s)")
        if report.skipped:
            click.echo(f"skipped {len(report.skipped)} file(s): "
                       + ", ".join(str(s.path) for s in report.skipped))
        click.echo(f"next: kg stats {out}")


def _width(text: str) -> int:
    """Columns a string takes in a terminal: CJK characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """``text`` cut (with …) or padded to ``width`` terminal columns."""
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


@main.command()
@click.argument("graph_dir", type=click.Path(path_type=Path))
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
@_user_errors
def stats(graph_dir, top, n_communities, co_mentions, by, fmt):
    """Counts per type and relation, top entities, communities, and issues over time.

    Top entities by PageRank (over the stated relations, read both ways) and by
    the number of issues naming them; communities by networkx's Louvain method
    with a fixed seed, so runs agree.
    """
    from .stats import summary

    with _open(graph_dir) as graph:
        data = summary(graph, top=top, communities=max(n_communities, 10) if fmt == "json" else n_communities,
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
        click.echo(f"  {name:<14}{_pad(r['label'], 6)}{r['edges']:>5}{r['evidence'] or '-':>6}")
    over = "stated relations" + (" and co-mentions" if co_mentions else "")
    click.echo(f"top {top} by PageRank over {over} (pagerank, links):")
    for e in data["top_pagerank"]:
        click.echo(f"  {_pad(e['label'], 30)} {e['type']:<13}{e['pagerank']:>7.4f}{e['degree']:>5}")
    click.echo(f"top {top} by issues (mentions, issues):")
    for e in data["top_entities"]:
        click.echo(f"  {_pad(e['label'], 30)} {e['type']:<13}{e['mentions']:>5}{e['issues']:>4}")
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
        click.echo(f"  {_pad(str(p['period'] or 'undated'), 28)}{len(p['issues']):>3}{p['mentions']:>7}"
                   f"{p['entities']:>6}{p['new_entities']:>6}  {bar}")
    click.echo("issues:")
    for i in data["issues"]:
        click.echo(f"  {i['id']:<28} {i.get('date') or '-':<11} {i.get('title') or '-'} "
                   f"{i.get('label') or ''}  ({i['mentions']} mentions)")


@main.command("entities")
@click.argument("graph_dir", type=click.Path(path_type=Path))
@click.option("--type", "type_", type=click.Choice(["Organization", "Person", "Region", "Policy", "Report"]),
              default=None, help="Only entities of this type.")
@click.option("--search", "-s", default=None, help="Only entities with a name containing TEXT.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0),
              help="How many to list (0: all).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_user_errors
def entities_command(graph_dir, type_, search, limit, fmt):
    """List entities with their aliases, mention counts and the issues they appear in."""
    from .stats import entities

    with _open(graph_dir) as graph:
        rows = entities(graph, type_, search)
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


@main.command()
@click.argument("graph_dir", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(exporters.formats())), default="jsonl",
              show_default=True,
              help="; ".join(f"{k}: {v}" for k, v in exporters.formats().items()))
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="File to write (default: standard output).")
@_user_errors
def export(graph_dir, fmt, output):
    """Write the graph as JSON Lines (entities, relations) or standard RDF."""
    with _open(graph_dir) as graph:
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
            _fail(f"cannot write {output}: {e.strerror or e}")
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


@main.command("ner")
@click.argument("source", type=click.File("r", encoding="utf-8", errors="replace"), default="-")
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True,
              help="text: one sentence per line; jsonl: objects with a \"text\" field.")
@click.option("--ner", "backend", default=ner.DEFAULT_BACKEND, show_default=True,
              help=_backend_help())
@click.option("--ner-model", default=None, help="Model for the backend.")
@click.option("--nested/--flat", default=False, show_default=True,
              help="Also give names nested in longer names (北京 in 北京旷视科技有限公司), "
                   "as the graph does; --flat suits flat benchmarks such as MSRA.")
@_user_errors
def ner_command(source, input_format, backend, ner_model, nested):
    """Entities of each input line as one JSON line, offsets into that line.

    SOURCE is a file, or - (the default) for standard input.
    """
    texts = []
    for n, line in enumerate(source, 1):
        line = line.rstrip("\n")
        if input_format == "jsonl":
            if not line.strip():
                continue
            try:
                texts.append(str(json.loads(line)["text"]))
            except (ValueError, KeyError, TypeError):
                _fail(f"line {n}: not a JSON object with a \"text\" field")
        else:
            texts.append(line)
    model = ner.load(backend, **({"model": ner_model} if ner_model else {}))
    from .ner.pipeline import spans_stream

    for text, spans in zip(texts, spans_stream(texts, model, nested=nested)):
        entities = [{"start": s.start, "end": s.end, "type": s.type, "text": text[s.start:s.end]} for s in spans]
        click.echo(json.dumps({"text": text, "entities": entities}, ensure_ascii=False))


if __name__ == "__main__":  # pragma: no cover
    main()
