"""The read side as the graph grows: `kg stats`, `kg viz` and `kg path` at 20 to 200 issues.

    . .venv/bin/activate
    python benchmarks/bench_read.py [--corpus DIR] [--issues 20,40,100,200] [--json]

The corpus (``../shared/corpus`` beside the repo unless ``--corpus``) is built once,
then its issue graphs are copied under new issue ids (as benchmarks/bench_query.py
does) until the graph holds each count of issues. For each size the three
commands' library calls are timed in this process: ``stats.summary`` (what `kg
stats` prints), ``viz.render`` (the `kg viz` page) and ``analytics.to_networkx`` +
``shortest_path`` (`kg path`). Each entity is described in every issue that names
it, so a reader that joined across issue graphs would grow with issues × copies;
the figures show whether time grows linearly with the number of issues.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import bench_query

import kg
from kg import analytics, stats, viz


def grown(built: Path, dest: Path, copies: int) -> None:
    src = ox.Store.read_only(str(built / "store"))
    quads = len(src)
    fixed = sum(1 for _ in src.quads_for_pattern(None, None, None, ox.NamedNode(str(kg.vocab.ONTOLOGY_GRAPH))))
    del src
    per_copy = quads - fixed
    bench_query.grow(built, dest, fixed + per_copy * copies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--issues", default="20,40,100,200")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "corpus"
        kg.build([args.corpus], built)
        per_build = len(kg.open(built).manifest["issues"])
        for wanted in (int(n) for n in args.issues.split(",")):
            folder = Path(tmp) / f"g{wanted}"
            grown(built, folder, max(1, wanted // per_build))
            with kg.open(folder) as graph:
                issues = len(graph.manifest["issues"])
                triples = len(graph)
                started = time.perf_counter()
                stats.summary(graph)
                t_stats = time.perf_counter() - started
                started = time.perf_counter()
                shown = viz.render(graph, Path(tmp) / "page.html")
                t_viz = time.perf_counter() - started
                started = time.perf_counter()
                G = analytics.to_networkx(graph, min_mentions=0)
                labels = sorted((d.get("mentions", 0), d["label"]) for _, d in G.nodes(data=True))
                try:
                    analytics.shortest_path(G, labels[-1][1], labels[-2][1])
                except Exception:
                    pass
                t_path = time.perf_counter() - started
            rows.append({"issues": issues, "quads": triples, "stats_s": t_stats, "viz_s": t_viz, "path_s": t_path,
                         "viz_nodes": shown["nodes"]})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"{'issues':>7} {'quads':>10} {'stats s':>8} {'viz s':>8} {'path s':>8}   per issue (ms): stats, viz, path")
    for r in rows:
        n = r["issues"]
        print(f"{n:>7} {r['quads']:>10,} {r['stats_s']:>8.2f} {r['viz_s']:>8.2f} {r['path_s']:>8.2f}"
              f"   {1000 * r['stats_s'] / n:>6.1f} {1000 * r['viz_s'] / n:>6.1f} {1000 * r['path_s'] / n:>6.1f}")


if __name__ == "__main__":
    main()
