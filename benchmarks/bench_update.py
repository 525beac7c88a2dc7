"""Adding and removing one issue on graphs of 0.1, 1 and 10 million triples.

    . .venv/bin/activate
    python benchmarks/bench_update.py [--corpus DIR] [--sizes 100000,1000000,10000000] [--repeat 3] [--json]

The corpus (``../shared/corpus`` beside the repo unless ``--corpus``) is built once;
its issue graphs are copied as N-Quads text under new issue ids and bulk-loaded
until the graph has each size. Then, on each graph, timed as a user runs them
(whole processes): ``kg build ONE_SAMPLE --out GRAPH`` (a new issue added) and
``kg remove GRAPH ID``. A build works on a checkpoint of the store (hard links)
and swaps it in, so the time should not grow with the graph; the figures say.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kjrb_special_2023.txt"
_ISSUE = re.compile(r"(/id/(?:graph|issue)/)([^/>]+)")


def grow(built: Path, dest: Path, quads_wanted: int) -> int:
    """A graph folder of about ``quads_wanted`` quads: copies of ``built``'s issues."""
    src = ox.Store.read_only(str(built / "store"))
    lines = ox.serialize(src, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)
    del src
    issue_lines = [line for line in lines if "/id/graph/" in line.rsplit("<", 1)[-1]]
    fixed = [line for line in lines if line not in set(issue_lines)]
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    copies = max(1, (quads_wanted - len(fixed)) // len(issue_lines))
    dest.mkdir(parents=True)
    store = ox.Store(str(dest / "store"))
    store.bulk_load("".join(fixed).encode("utf-8"), ox.RdfFormat.N_QUADS)
    grown = {"issues": {}, "version": manifest.get("version"), "backend": manifest.get("backend")}
    batch: list[str] = []
    for k in range(copies):
        suffix = f"-c{k}"
        batch.extend(_ISSUE.sub(rf"\g<1>\g<2>{suffix}", line) for line in issue_lines)
        for issue_id, meta in manifest["issues"].items():
            grown["issues"][issue_id + suffix] = meta
        if len(batch) >= 1_000_000 or k == copies - 1:
            store.bulk_load("".join(batch).encode("utf-8"), ox.RdfFormat.N_QUADS)
            batch = []
    store.flush()
    total = len(store)
    del store
    (dest / "manifest.json").write_text(json.dumps(grown, ensure_ascii=False), encoding="utf-8")
    return total


def timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg.cli", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "corpus"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(args.corpus), "--out", str(built), "-q"],
                       check=True)
        for size in (int(s) for s in args.sizes.split(",")):
            graph = Path(tmp) / f"g{size}"
            started = time.perf_counter()
            quads = grow(built, graph, size)
            load_s = time.perf_counter() - started
            adds, removes = [], []
            for _ in range(args.repeat):
                adds.append(timed(["build", str(SAMPLE), "--out", str(graph), "-q"]))
                removes.append(timed(["remove", str(graph), SAMPLE.stem]))
            disk = sum(f.stat().st_size for f in graph.rglob("*") if f.is_file())
            rows.append({"quads": quads, "grow_s": load_s, "add_s": statistics.median(adds),
                         "remove_s": statistics.median(removes), "disk_mb": disk / 1e6})
            shutil.rmtree(graph)
    # the same build into an empty folder, for reference
    with tempfile.TemporaryDirectory() as tmp:
        empty = statistics.median(timed(["build", str(SAMPLE), "--out", str(Path(tmp) / f"e{k}"), "-q"])
                                  for k in range(args.repeat))
    if args.json:
        print(json.dumps({"sizes": rows, "build_into_empty_s": empty}, indent=2))
        return
    print(f"one issue ({SAMPLE.name}) built into an empty folder: {empty:.2f} s (median of {args.repeat})")
    print(f"{'quads':>12} {'disk MB':>8} {'add s':>7} {'remove s':>9}  (grow took)")
    for r in rows:
        print(f"{r['quads']:>12,} {r['disk_mb']:>8.0f} {r['add_s']:>7.2f} {r['remove_s']:>9.2f}  ({r['grow_s']:.0f} s)")


if __name__ == "__main__":
    main()
