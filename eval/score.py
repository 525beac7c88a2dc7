#!/usr/bin/env python3
"""Extraction quality per publication: the corpus's two (gold in ../shared/eval), our
own development set (eval/dev/) and the held-out ones (eval/heldout/), each built
alone and scored with ../shared/eval/score_kg.py.

    python eval/score.py                 # every publication, one table
    python eval/score.py --sets heldout  # only the held-out ones (--sets dev: the others)
    python eval/score.py --json          # one JSON object per publication

It prints figures and asserts nothing. A publication is scored on a graph built
from its own issues only, so one publication's names never help another's.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SCORER = SHARED / "eval" / "score_kg.py"


@dataclass
class Publication:
    name: str
    issues: list[Path]
    gold: Path
    kind: str  # "dev": rules were written looking at it; "heldout": not

    @property
    def docs(self) -> list[str]:
        return [p.stem for p in self.issues]


def publications() -> list[Publication]:
    pubs = []
    corpus = sorted((SHARED / "corpus").glob("*.txt"))
    if corpus and SCORER.exists():
        dev_gold = SHARED / "eval" / "gold" / "dev.jsonl"
        pubs.append(Publication("changfeng (corpus 000+001)", corpus[:2], dev_gold, "dev"))
        pubs.append(Publication("kjrb (corpus 002+003)", corpus[2:4], dev_gold, "dev"))
    for kind in ("dev", "heldout"):
        for folder in sorted((HERE / kind).glob("*/gold.jsonl")):
            folder = folder.parent
            pubs.append(Publication(folder.name, sorted((folder / "issues").glob("*.txt")), folder / "gold.jsonl", kind))
    return pubs


def score(pub: Publication, kg: list[str], work: Path, build_options: list[str] = ()) -> dict:
    """Build the publication's issues alone, export, and score against its gold."""
    src, out = work / "in", work / "graph"
    shutil.rmtree(work, ignore_errors=True)
    src.mkdir(parents=True)
    for issue in pub.issues:
        shutil.copy(issue, src / issue.name)
    subprocess.run([*kg, "build", str(src), "--out", str(out), "-q", *build_options], check=True)
    export = work / "export.jsonl"
    with export.open("w", encoding="utf-8") as f:
        subprocess.run([*kg, "export", str(out), "--format", "jsonl"], check=True, stdout=f)
    result = subprocess.run([sys.executable, str(SCORER), str(pub.gold), str(export),
                             "--docs=" + ",".join(pub.docs), "--json-only"],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", choices=("all", "dev", "heldout"), default="all")
    parser.add_argument("--json", action="store_true", help="one JSON object per publication")
    parser.add_argument("--ner", default=None, help="NER backend for the builds (default: kg build's)")
    parser.add_argument("--ner-model", default=None, help="model for that backend")
    args = parser.parse_args()
    build_options = [*(["--ner", args.ner] if args.ner else []), *(["--ner-model", args.ner_model] if args.ner_model else [])]
    if not SCORER.exists():
        print(f"needs the scorer at {SCORER} (../shared beside the checkout)", file=sys.stderr)
        return 2
    kg = [str(Path(sys.executable).with_name("kg"))]
    if not Path(kg[0]).exists():
        kg = [sys.executable, "-c", "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        for n, pub in enumerate(p for p in publications() if args.sets in ("all", p.kind)):
            figures = score(pub, kg, Path(tmp) / str(n), build_options)
            rows.append((pub, figures))
            if args.json:
                print(json.dumps({"publication": pub.name, "kind": pub.kind, **figures}, ensure_ascii=False))
    if not args.json:
        print(f"{'publication':34}{'kind':>9}{'entities':>10}{'relations':>11}{'rel P':>7}{'rel R':>7}{'B-cubed':>9}")
        for pub, f in rows:
            rel = f["relations"]["micro"]
            print(f"{pub.name:34}{pub.kind:>9}{f['entities']['micro']['f1']:10.3f}{rel['f1']:11.3f}"
                  f"{rel['p']:7.3f}{rel['r']:7.3f}{f['resolution']['f1']:9.3f}")
        zero = sorted({(pub.name, t) for pub, f in rows for t, v in f["relations"].items()
                       if t != "micro" and v["gold"] and not v["f1"]})
        for name, relation in zero:
            print(f"  {name}: {relation} at 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
