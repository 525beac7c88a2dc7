"""The read side as the graph grows: `kg stats`, `kg viz` and `kg path` at 20 to 200 issues.

    . .venv/bin/activate
    python benchmarks/bench_read.py [--corpus DIR] [--issues 20,40,100,200] [--repeat 3] [--json]

The corpus (``../shared/corpus`` beside the repo unless ``--corpus``) is built once,
then its issue graphs are copied under new issue ids (as benchmarks/bench_query.py
does) until the graph holds each count of issues. For each size the three
commands are timed as a user runs them, each in a new process: `kg stats`, `kg viz`
and `kg path` between the two most mentioned entities. Each entity is described in every issue that names
it, so a reader that joined across issue graphs would grow with issues × copies;
the figures show whether time grows linearly with the number of issues.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_query

import kg
from kg import analytics


def grown(built: Path, dest: Path, copies: int) -> None:
    src = ox.Store.read_only(str(built / "store"))
    quads = len(src)
    fixed = sum(1 for _ in src.quads_for_pattern(None, None, None, ox.NamedNode(str(kg.vocab.ONTOLOGY_GRAPH))))
    del src
    per_copy = quads - fixed
    bench_query.grow(built, dest, fixed + per_copy * copies)


def timed(command: list[str]) -> float:
    """Seconds for one ``kg`` command in a new process, as a user runs it."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "kg.cli", *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # kg path exits 1 when the two are not connected
        sys.exit(f"kg {' '.join(command)} failed: {done.stderr.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--issues", default="20,40,100,200")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command per size (median)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "corpus"
        kg.build([args.corpus], built)
        per_build = len(kg.open(built).manifest["issues"])
        started = time.perf_counter()
        timed(["--version"])
        startup = time.perf_counter() - started
        for wanted in (int(n) for n in args.issues.split(",")):
            folder = Path(tmp) / f"g{wanted}"
            grown(built, folder, max(1, wanted // per_build))
            with kg.open(folder) as graph:
                issues = len(graph.manifest["issues"])
                triples = len(graph)
                G = analytics.to_networkx(graph)
            ranked = sorted(((d.get("mentions", 0), d["label"]) for _, d in G.nodes(data=True)), reverse=True)
            source, target = ranked[0][1], ranked[1][1]
            commands = {"stats": ["stats", str(folder)],
                        "viz": ["viz", str(folder), "-o", str(Path(tmp) / "page.html")],
                        "path": ["path", str(folder), source, target]}
            times: dict[str, list[float]] = {k: [] for k in commands}
            for _ in range(args.repeat):  # the first run reads the store from disk, the others from the cache
                for name, command in commands.items():
                    times[name].append(timed(command))
            t_stats, t_viz, t_path = (statistics.median(times[k]) for k in commands)
            rows.append({"issues": issues, "quads": triples, "stats_s": t_stats, "viz_s": t_viz, "path_s": t_path,
                         "first_run_s": {k: v[0] for k, v in times.items()}, "entities": G.number_of_nodes()})
    if args.json:
        print(json.dumps({"startup_s": startup, "sizes": rows}, indent=2))
        return
    print(f"kg commands in a new process each, medians of {args.repeat} runs (the first, from disk, in brackets); "
          f"`kg --version` takes {startup:.2f} s")
    print(f"{'issues':>7} {'quads':>10} {'stats s':>14} {'viz s':>14} {'path s':>14}   per issue (ms): stats, viz, path")
    for r in rows:
        n = r["issues"]
        first = r["first_run_s"]
        print(f"{n:>7} {r['quads']:>10,} {r['stats_s']:>6.2f} ({first['stats']:>5.2f}) {r['viz_s']:>6.2f} ({first['viz']:>5.2f})"
              f" {r['path_s']:>6.2f} ({first['path']:>5.2f})"
              f"   {1000 * r['stats_s'] / n:>6.1f} {1000 * r['viz_s'] / n:>6.1f} {1000 * r['path_s'] / n:>6.1f}")


if __name__ == "__main__":
    main()
