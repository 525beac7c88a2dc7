"""``kg build``: issue files in, a graph folder out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import ner
from ..build import DEFAULT_BACKEND, build
from ..ingest import display
from ..stores import is_url
from .common import CONTEXT, fail, stop_on_sigterm, user_errors


def backend_help() -> str:
    return "NER backend: " + "; ".join(f"{k} = {v}" for k, v in ner.available().items())


@click.command("build", context_settings=CONTEXT)
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("kg-data"),
              show_default=True, help="Graph folder to create or update.")
@click.option("--ner", "backend", default=DEFAULT_BACKEND, show_default=True, help=backend_help())
@click.option("--ner-model", default=None,
              help="Model for the backend: an identifier or a local directory.")
@click.option("--aliases", "alias_files", multiple=True, type=click.Path(path_type=Path),
              help="An extra alias file (same format as ontology/aliases.tsv) to force or forbid "
                   "merges; may be given more than once.")
@click.option("--ocr", is_flag=True,
              help="Read PDF pages that have no text layer (scans) with Tesseract "
                   "(apt-get install tesseract-ocr tesseract-ocr-chi-sim); without it they are skipped.")
@click.option("--wait", is_flag=True,
              help="If another build or removal is writing --out, wait for it instead of stopping.")
@click.option("--store", metavar="URL", default=None,
              help="Write to a SPARQL server instead of a folder: an Oxigraph server (oxigraph serve) or Virtuoso "
                   "(e.g. http://127.0.0.1:8890/sparql). Credentials from KG_STORE_USER/KG_STORE_PASSWORD or ~/.netrc.")
@click.option("--workers", type=click.IntRange(1, 1024), default=None, metavar="N",
              help="Extract on a local Dask cluster of N processes (pip install 'kg[scale]').")
@click.option("--scheduler", metavar="tcp://HOST:8786", default=None,
              help="Extract on an existing dask.distributed cluster (its workers must see the input files).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
@user_errors
def build_command(inputs, out, backend, ner_model, alias_files, ocr, wait, store, workers, scheduler, quiet):
    """Read issue files or folders into a graph: text and Markdown (.txt, .md; UTF-8,
    GB18030 or Big5), PDF (.pdf), Word (.docx) and web pages (.html, .htm).

    Re-running on an existing --out replaces the graphs of the issues given and
    keeps the others. Unreadable files (encrypted or broken PDFs, scans without
    --ocr, ...) are named, skipped, and counted.
    """
    if not inputs:
        fail("no input given: name one or more issue files or folders, e.g. kg build samples/")
    if workers is not None and scheduler is not None:
        fail("give --workers (a local cluster) or --scheduler (an existing one), not both")
    given_out = click.get_current_context().get_parameter_source("out") != click.core.ParameterSource.DEFAULT
    if store is not None:
        if given_out:
            fail("give --out (a folder) or --store (a SPARQL server), not both")
        if not is_url(store):
            fail(f"--store {store}: a server's URL (http://HOST:PORT/...); for a folder use --out")
        out = store
    options = {"model": ner_model} if ner_model else {}

    def warn(skipped):
        click.echo(f"kg: warning: skipped {display(skipped.path)}: {skipped.reason}", err=True)

    def note(path, message):
        click.echo(f"kg: warning: {display(path)}: {message}", err=True)

    stop_on_sigterm()
    report = build(inputs, out, backend=backend, backend_options=options, aliases=alias_files,
                   progress=not quiet and sys.stderr.isatty(), wait=wait, ocr=ocr, on_skip=warn,
                   on_note=note, workers=workers, scheduler=scheduler)
    if not quiet:
        click.echo(
            f"built {out}: {len(report.issues)} issue(s), {report.sentences} sentences, "
            f"{report.mentions} mentions, {report.found_again} more of names other issues taught, {report.triples} triples "
            f"in {report.seconds:.1f}s ({report.characters / max(report.seconds, 1e-9):,.0f} chars/s)")
        if report.skipped:
            click.echo(f"skipped {len(report.skipped)} file(s): "
                       + ", ".join(display(s.path) for s in report.skipped))
        click.echo(f"next: kg stats {out}")
    if report.failed:
        fail(f"{len(report.failed)} issue(s) failed and are not in the graph (the others are): "
             + "; ".join(f"{display(path)}: {reason}" for path, reason in report.failed), 1)
