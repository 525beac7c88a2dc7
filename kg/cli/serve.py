"""``kg serve``: the read-only SPARQL endpoint."""
from __future__ import annotations

import click

from ..errors import QueryFailed
from ..query import DEFAULT_TIMEOUT
from ..server import SparqlServer, serve
from .common import CONTEXT, GRAPH, fail, stop_on_sigterm, user_errors


@click.command("serve", context_settings=CONTEXT)
@click.argument("graph_dir", type=GRAPH)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 exposes the graph to the network).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT,
              show_default=True, help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", type=click.IntRange(1), default=100_000, show_default=True,
              help="Rows (or triples) a response may carry; more are cut (X-Kg-Truncated).")
@click.option("--max-mb", type=click.IntRange(1), default=64, show_default=True,
              help="Megabytes of values a response may carry.")
@click.option("--workers", type=click.IntRange(1, 64), default=8, show_default=True,
              help="Queries run at once, each in its own process.")
@click.option("--worker-memory", type=click.IntRange(0), default=None, metavar="MB",
              help="Address-space limit per query worker, in MB (default: a share of the machine's memory, "
                   "1536 to 4096; 0: none).")
@click.option("--quiet", "-q", is_flag=True, help="Do not log requests.")
@user_errors
def serve_command(graph_dir, host, port, timeout, max_rows, max_mb, workers, worker_memory, quiet):
    """Serve a graph folder as a read-only SPARQL endpoint (and a query page at /).

    \b
      kg serve kg-data --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
           http://127.0.0.1:7878/sparql
    """
    def ready(server: SparqlServer) -> None:
        click.echo(f"serving {graph_dir} at {server.url} (SPARQL endpoint: {server.url}sparql); "
                   f"Ctrl-C to stop", err=True)
        if server.allowed_hosts is None:
            click.echo(f"kg: warning: listening on {host}, not loopback: anyone who can reach this machine "
                       f"can query the graph (there is no authentication)", err=True)

    stop_on_sigterm()  # a service manager's stop: shut down as Ctrl-C does
    try:
        serve(graph_dir, host, port, workers=workers, timeout=timeout, max_rows=max_rows, max_bytes=max_mb << 20,
              worker_memory=None if worker_memory is None else worker_memory << 20, quiet=quiet, ready=ready)
    except QueryFailed as e:
        fail(f"the query workers did not start: {e}" + (" (raise --worker-memory)" if worker_memory else ""))
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}")
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
