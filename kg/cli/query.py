"""``kg query``: SPARQL on a graph folder, from the command line."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import QueryFailed, QueryTimeout
from ..query import (
    DEFAULT_TIMEOUT,
    FORMATS,
    QueryRequest,
    QueryRunner,
    named_queries,
    named_query,
    parse_param_args,
    prepare,
)
from ..terminal import display_width
from .common import CONTEXT, GRAPH, fail, user_errors


def _list_library() -> str:
    library = named_queries()
    width = max(display_width(n) for n in library) + 2
    lines = []
    for name, q in library.items():
        params = ", ".join(p.name + ("" if p.required else "?") for p in q.params)
        lines.append(f"{name}{' ' * (width - display_width(name))}{q.description}"
                     + (f"  [--param {params}]" if params else ""))
    return "\n".join(lines)


@click.command("query", context_settings=CONTEXT)
@click.argument("graph_dir", required=False, type=GRAPH)
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", metavar="FILE", help="Read the query from FILE (- for standard input).")
@click.option("-n", "--named", metavar="NAME", help="Run a query from the packaged library (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (safely, never pasted into the text); may be repeated. "
                   "Names are matched as labels or aliases, e.g. --param person=王磊.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries, one line each, and exit.")
@click.option("--show", is_flag=True, help="Print the query text (with its parameters) instead of running it.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="table", show_default=True,
              help="table (aligned, for the terminal), csv, tsv, json or xml (SPARQL results); "
                   "ttl, nt, jsonld or rdfxml for CONSTRUCT/DESCRIBE.")
@click.option("--timeout", type=click.FloatRange(min=0), default=DEFAULT_TIMEOUT, show_default=True,
              help="Stop the query after SECONDS (0: no limit); exit status 124.")
@click.option("--limit", type=click.IntRange(0), default=0, help="Output at most N rows (0: all).")
@click.option("--max-width", type=click.IntRange(0), default=40, show_default=True,
              help="Table cells wider than this many columns are cut with … (0: never).")
@click.option("--worker-memory", type=click.IntRange(0), default=None, metavar="MB",
              help="Address-space limit of the query's worker process, in MB (default: a share of the "
                   "machine's memory, 1536 to 4096; 0: none).")
@user_errors
def query_command(graph_dir, sparql, query_file, named, params, list_queries, show, fmt, timeout, limit, max_width,
                  worker_memory):
    """Run a SPARQL query on a graph folder and print the answer.

    \b
      kg query kg-data 'SELECT ?org ?label WHERE { ?org a kg:Organization ; rdfs:label ?label }'
      kg query kg-data -f my.rq --format csv > out.csv
      kg query kg-data --named positions --param person=王磊
      kg query --list

    The prefixes kg, kgid, rdf, rdfs, owl, xsd, skos, dcterms, prov, org, schema
    and a few more are declared for you. The default graph is the union of the
    issues' graphs, where a fact stated in several issues is seen once per issue:
    count with DISTINCT. ASK prints true or false and exits 0 or 1. Exit status
    2: a mistake (bad query, unknown name); 124: the query ran past --timeout.
    """
    if list_queries:
        click.echo(_list_library())
        return
    sources = [s for s in (sparql, query_file, named) if s is not None]
    if len(sources) != 1:
        fail("give one query: kg query GRAPH 'SELECT ...', -f FILE, or --named NAME (see kg query --list)"
              if not sources else "give one query only: a query text, -f FILE or --named NAME")
    if query_file is not None:
        try:
            sparql = sys.stdin.read() if query_file == "-" else Path(query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            fail(f"cannot read {query_file}: {getattr(e, 'strerror', None) or e}")
    try:
        if show:
            click.echo(named_query(named).text if named else sparql, nl=False)
            return
        text, bindings, hide = prepare(sparql, named=named, params=parse_param_args(params))
        if graph_dir is None:
            fail("name the graph folder: kg query GRAPH ...")
        request = QueryRequest(text, bindings, fmt={"*": fmt}, max_rows=limit or None, max_width=max_width,
                               hide=hide)
        memory = None if worker_memory is None else worker_memory << 20
        with QueryRunner(graph_dir, 1, memory_limit=memory) as runner:
            answer = runner.run(request, timeout or None)
    except QueryTimeout:
        click.echo(f"kg: error: query stopped after {timeout:g} s (--timeout {timeout:g}); narrow it "
                   f"(a LIMIT, a more specific pattern, a --param) or raise --timeout", err=True)
        sys.exit(QueryTimeout.exit_code)
    except QueryFailed as e:
        fail(f"the query failed: {e}", e.exit_code)
    for note in answer.notes:
        click.echo(f"kg: note: {note}", err=True)
    sys.stdout.buffer.write(answer.data)
    if answer.data and not answer.data.endswith(b"\n") and sys.stdout.isatty():
        sys.stdout.buffer.write(b"\n")
    sys.stdout.buffer.flush()
    if answer.truncated and fmt != "table":
        click.echo(f"kg: note: output stopped at {answer.rows} rows (--limit)", err=True)
    if answer.kind == "ask" and not answer.boolean:
        sys.exit(1)
