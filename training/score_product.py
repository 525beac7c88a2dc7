"""Score a model folder the way the product uses it, and add the figures to its model card.

    python -m training.score_product kg/ner/models/charner [--card]

- ``kg ner`` (the backend, then the rule layer, flat spans) on the four test sets of
  ``../shared/eval/ner_bench/``, scored by ``score_ner.py`` (CLUENER dev: PER,ORG), with
  the seconds ``kg ner`` takes on MSRA;
- ``kg build`` of ``../shared/corpus`` and ``kg export --format jsonl``, scored by
  ``score_kg.py`` against ``gold/dev.jsonl``: entity micro F1 for the four issues and for
  each publication.

Nothing here feeds back into training: these are measurements for the card.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PUBLICATIONS = {"000+001": "000_aa26011e8145167c,001_fad3a5b2430a5e2d",
                "002+003": "002_ac36ba4d02a24d27,003_b8ebdc5dd853cd78"}
SETS = (("msra_test", "PER,LOC,ORG"), ("cluener_dev", "PER,ORG"), ("weibo_test", "PER,LOC,ORG"),
        ("resume_test", "PER,LOC,ORG"))


def run(cmd: list[str], out: Path | None = None) -> str:
    with open(out, "w", encoding="utf-8") if out else tempfile.TemporaryFile("w+") as f:
        subprocess.run(cmd, check=True, stdout=f, stderr=subprocess.DEVNULL)
        if out:
            return ""
        f.seek(0)
        return f.read()


def kg_cmd() -> list[str]:
    return [sys.executable, "-m", "kg.cli"]


def score(model: Path | None, backend: str) -> dict:
    opts = ["--ner", backend] + (["--ner-model", str(model)] if model else [])
    out: dict = {"ner": {}, "gold": {}}
    with tempfile.TemporaryDirectory(prefix="kg-score-") as tmp:
        for name, types in SETS:
            gold = SHARED / "eval" / "ner_bench" / f"{name}.jsonl"
            pred = Path(tmp, f"{name}.jsonl")
            start = time.perf_counter()
            run(kg_cmd() + ["ner", "--input-format", "jsonl", *opts, str(gold)], pred)
            seconds = time.perf_counter() - start
            result = json.loads(run([sys.executable, str(SHARED / "eval" / "score_ner.py"), str(gold), str(pred),
                                     "--types", types, "--json-only"]).strip().splitlines()[-1])
            out["ner"][name] = {"f1": round(100 * result["micro"]["f1"], 2), "seconds": round(seconds, 2)}
        graph, export = Path(tmp, "graph"), Path(tmp, "export.jsonl")
        run(kg_cmd() + ["build", str(SHARED / "corpus"), "--out", str(graph), "-q", *opts])
        run(kg_cmd() + ["export", str(graph), "--format", "jsonl"], export)
        for label, docs in (("all", None),) + tuple(PUBLICATIONS.items()):
            args = [sys.executable, str(SHARED / "eval" / "score_kg.py"), str(SHARED / "eval" / "gold" / "dev.jsonl"),
                    str(export), "--json-only"] + ([f"--docs={docs}"] if docs else [])
            result = json.loads(run(args).strip().splitlines()[-1])
            out["gold"][label] = {k: v["f1"] for k, v in result["entities"].items()}
    return out


def markdown(by_backend: dict[str, dict]) -> str:
    lines = ["With the rule layer (`kg ner --ner B --flat`; CLUENER dev scored on PER,ORG), and the dev gold "
             "(entity F1 of `kg build --ner B` + `kg export`, `score_kg.py`); `vote` is the default backend, "
             "`charner` this model alone, `lac` LAC alone:", "",
             "| backend | MSRA | CLUENER dev | Weibo | Resume | `kg ner` on MSRA (s) | dev gold, 4 issues | 000+001 | 002+003 |",
             "|---|---|---|---|---|---|---|---|---|"]
    for backend, scores in by_backend.items():
        n, g = scores["ner"], scores["gold"]
        lines.append(f"| {backend} | {n['msra_test']['f1']} | {n['cluener_dev']['f1']} | {n['weibo_test']['f1']} | "
                     f"{n['resume_test']['f1']} | {n['msra_test']['seconds']} | {g['all']['micro']} | "
                     f"{g['000+001']['micro']} | {g['002+003']['micro']} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", type=Path, nargs="?", default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--backends", default="lac,charner,vote", help="backends to measure, comma-separated")
    ap.add_argument("--card", action="store_true", help="put the table into the folder's MODEL_CARD.md")
    args = ap.parse_args(argv)
    if not (SHARED / "eval" / "score_ner.py").is_file():
        print(f"error: needs {SHARED / 'eval'} (../shared beside the checkout)", file=sys.stderr)
        return 2
    by_backend = {b: score(args.model if b != "lac" else None, b) for b in args.backends.split(",")}
    print(json.dumps(by_backend, ensure_ascii=False))
    print(markdown(by_backend))
    if args.card and args.model:
        card = args.model / "MODEL_CARD.md"
        text = card.read_text(encoding="utf-8")
        marker = "## Measured with the product"
        text = text.split(marker)[0].rstrip() + f"\n\n{marker}\n\n" + markdown(by_backend)
        card.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
