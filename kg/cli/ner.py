"""``kg ner``: the NER stage alone, one JSON line per input line (for benchmarks)."""
from __future__ import annotations

import json

import click

from .. import ner
from ..ner.pipeline import spans_stream
from .build import backend_help
from .common import CONTEXT, fail, user_errors


@click.command("ner", context_settings=CONTEXT)
@click.argument("source", type=click.File("r", encoding="utf-8", errors="replace"), default="-")
@click.option("--input-format", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True,
              help="text: one sentence per line; jsonl: objects with a \"text\" field.")
@click.option("--ner", "backend", default=ner.DEFAULT_BACKEND, show_default=True, help=backend_help())
@click.option("--ner-model", default=None, help="Model for the backend.")
@click.option("--nested/--flat", default=False, show_default=True,
              help="Also give names nested in longer names (北京 in 北京岚视科技有限公司), "
                   "as the graph does; --flat suits flat benchmarks such as MSRA.")
@user_errors
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
                fail(f"line {n}: not a JSON object with a \"text\" field")
        else:
            texts.append(line)
    model = ner.load(backend, **({"model": ner_model} if ner_model else {}))
    for text, spans in zip(texts, spans_stream(texts, model, nested=nested)):
        entities = [{"start": s.start, "end": s.end, "type": s.type, "text": text[s.start:s.end]} for s in spans]
        click.echo(json.dumps({"text": text, "entities": entities}, ensure_ascii=False))
