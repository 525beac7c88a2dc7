"""`kg search` at a million triples: latency, index size, and what the index costs the build.

    . .venv/bin/activate
    python benchmarks/bench_search.py [--corpus DIR] [--min-triples N] [--repeat N]
                                      [--min-bytes N] [--build-repeat N] [--work DIR] [--json]

1. Build cost: the corpus (``../shared/corpus`` unless ``--corpus``) is copied as
   ``{stem}_r{k}.txt`` until it holds ``--min-bytes`` (as bench_build.py does) and
   built ``--build-repeat`` times with the full-text index and as many times without
   it (the index's writer replaced by one that does nothing), alternately; the
   figures are medians of wall time and of the process's CPU time (on a busy
   machine the CPU time is the steadier); the index's own CPU time is summed (the
   build's thread making rows, the background writer writing them), and the wall
   time the build's own thread spends in it.
2. The corpus is built once and grown to ``--min-triples`` as bench_query.py grows
   it (each issue graph copied under renamed issues), and its index is built from
   the store (``kg.textindex.rebuild``, timed: what the first search on a graph
   without an index does). Replacing one issue in that index is timed too (what
   a build adding an issue to a large graph pays).
3. Latency: each query of ``QUERIES`` (three-character and longer words, one- and
   two-character words, several words, FTS5 syntax, a word found nowhere) runs
   ``--repeat`` times in-process (``kg.search.search``, names and sentences, limit
   10; after one warm-up run) and three times through the command line
   (``python -m kg.cli search DIR WORDS``, a new process each time; its start-up
   alone, ``kg --version``, is timed beside it). p50 and p95 over all runs.

The figures are printed; nothing is asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_build import replicate
from bench_query import grow

import kg
from kg import search, textindex
from kg.terminal import pad

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
#: Words a reader of these newsletters looks for: long and short, one and several, FTS5 syntax, no hit.
QUERIES = ["人工智能", "集成电路", "工业互联网", "数字经济", "产业园", "研究院", "中关村", "有限公司",
           "融资", "芯片", "北京", "量子", "5G", "人工智能 北京", "芯片 融资", "新材料 产业 基地",
           '"人工智能" OR "集成电路"', "区块链 NOT 北京", "完全找不到的词语"]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


class _NoIndex:
    """The index writer, doing nothing: the build without the full-text index."""

    def __init__(self, folder, background=False):
        pass

    def add(self, issue):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


def build_cost(corpus: Path, work: Path, min_bytes: int, repeat: int, log) -> dict:
    issues = work / "issues"
    issues.mkdir(parents=True, exist_ok=True)
    size = replicate(corpus, issues, min_bytes)
    real = textindex.Indexer
    inside = {"wall": 0.0, "cpu": 0.0}

    def timed(fn, wall_too=True):
        """Count a method's CPU time (of the thread running it) and, in the build's own
        thread, its wall time."""
        def run(*args, **kwargs):
            wall, cpu = time.perf_counter(), time.thread_time()
            try:
                return fn(*args, **kwargs)
            finally:
                inside["wall"] += (time.perf_counter() - wall) if wall_too else 0.0
                inside["cpu"] += time.thread_time() - cpu
        return run

    class TimedIndexer(real):  # type: ignore[misc, valid-type]
        """The build's index writer, timed: its own thread's work (``add``, ``close``)
        and the background writer's (``_put``)."""
        __init__ = timed(real.__init__)
        add = timed(real.add)
        _put = timed(real._put, wall_too=False)
        close = timed(real.close)

    runs: dict[bool, list[dict]] = {False: [], True: []}
    try:
        for k in range(repeat):
            for indexed in (False, True):
                out = work / f"build-{k}-{int(indexed)}"
                textindex.Indexer = TimedIndexer if indexed else _NoIndex  # type: ignore[misc]
                inside.update(wall=0.0, cpu=0.0)
                wall, cpu = time.perf_counter(), time.process_time()
                report = kg.build([issues], out)
                run = {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                       "index_wall": inside["wall"], "index_cpu": inside["cpu"]}
                runs[indexed].append(run)
                if indexed:
                    index_bytes = (out / textindex.INDEX).stat().st_size
                log(f"  build {k + 1}/{repeat} {'with' if indexed else 'without'} the index: {run['wall']:.2f} s, "
                    f"process CPU {run['cpu']:.2f} s" + (f"; the build's thread in the index {run['index_wall']:.2f} s, "
                                                         f"the index's CPU {run['index_cpu']:.2f} s" if indexed else ""))
                shutil.rmtree(out, ignore_errors=True)
    finally:
        textindex.Indexer = real  # type: ignore[misc]
    shutil.rmtree(issues, ignore_errors=True)
    def median(indexed: bool, key: str) -> float:
        return statistics.median(r[key] for r in runs[indexed])

    with_s, without_s = median(True, "wall"), median(False, "wall")
    with_cpu, without_cpu = median(True, "cpu"), median(False, "cpu")
    return {"build_bytes": size, "build_issues": len(report.issues), "build_sentences": report.sentences,
            "build_with_index_s": with_s, "build_without_index_s": without_s,
            "build_index_cost_pct": 100 * (with_s - without_s) / without_s,
            "build_cpu_with_index_s": with_cpu, "build_cpu_without_index_s": without_cpu,
            "build_cpu_index_cost_pct": 100 * (with_cpu - without_cpu) / without_cpu,
            "build_time_in_index_s": median(True, "index_wall"), "build_cpu_in_index_s": median(True, "index_cpu"),
            "build_cpu_in_index_pct": 100 * median(True, "index_cpu") / with_cpu,
            "build_index_bytes": index_bytes, "build_runs": {"with": runs[True], "without": runs[False]}}


def replace_one_issue(folder: Path) -> float:
    """Seconds to replace one issue in the index with the same rows (delete, insert, names)."""
    conn = sqlite3.connect(folder / textindex.INDEX)
    issue, date, fingerprint = conn.execute("SELECT issue, date, fingerprint FROM issues ORDER BY issue LIMIT 1").fetchone()
    sentences = conn.execute("SELECT i.iri, s.text, i.entities FROM sentences s JOIN sentence_info i USING (id) "
                             "WHERE i.issue = ? ORDER BY id", (issue,)).fetchall()
    names = [(iri, type_, label, json.loads(aliases)) for iri, type_, label, aliases in
             conn.execute("SELECT iri, type, label, aliases FROM names WHERE issue = ?", (issue,))]
    conn.close()
    started = time.perf_counter()
    with textindex.Indexer(folder) as index:
        index._put(issue, date, fingerprint, sentences, names)
    return time.perf_counter() - started


def latency(folder: Path, repeat: int) -> tuple[list[dict], list[float]]:
    rows, samples = [], []
    for words in QUERIES:
        search.search(folder, words, limit=10)  # warm-up: the page cache, the manifest
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            hits = search.search(folder, words, limit=10)
            times.append(time.perf_counter() - started)
        samples.extend(times)
        rows.append({"words": words, "hits": len(hits), "entities": sum(h.kind == "entity" for h in hits),
                     "p50_ms": 1000 * statistics.median(times), "max_ms": 1000 * max(times)})
    return rows, samples


def cli_latency(folder: Path, runs: int = 3) -> tuple[list[float], list[float]]:
    def timed(*args) -> float:
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, check=True)
        return time.perf_counter() - started

    startup = [timed("--version") for _ in range(5)]
    return [timed("search", str(folder), words, "--limit", "10") for words in QUERIES for _ in range(runs)], startup


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20, help="in-process runs per query")
    parser.add_argument("--min-bytes", type=int, default=1_000_000, help="corpus repeated to this size for the build cost")
    parser.add_argument("--build-repeat", type=int, default=3,
                        help="builds with and without the index (median); 0: leave the build cost out")
    parser.add_argument("--grown", type=Path, default=None,
                        help="a graph grown before (WORK/grown of an earlier run with --work): not grown again")
    parser.add_argument("--work", type=Path, default=None, help="keep the grown graph here (default: a temp dir)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if not sorted(args.corpus.glob("*.txt")):
        print(f"bench_search: no corpus in {args.corpus} (give --corpus DIR)", file=sys.stderr)
        return 2
    if not textindex.fts5_trigram_available():
        print("bench_search: this Python's SQLite has no FTS5 trigram tokenizer", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-search-"))
    try:
        return _run(args, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, work: Path) -> int:
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))
    cost: dict = {}
    if args.build_repeat > 0:
        log(f"build cost: the corpus repeated to >= {args.min_bytes:,} bytes, {args.build_repeat} builds each way ...")
        cost = build_cost(args.corpus, work / "cost", args.min_bytes, args.build_repeat, log)

    if args.grown:
        grown = args.grown
        manifest = json.loads((grown / "manifest.json").read_text(encoding="utf-8"))
        with kg.open(grown) as graph:
            info = {"quads": len(graph), "issues": len(manifest["issues"]), "copies": None}
    else:
        built, grown = work / "corpus", work / "grown"
        shutil.rmtree(built, ignore_errors=True)
        shutil.rmtree(grown, ignore_errors=True)
        log(f"building {args.corpus} and growing it to >= {args.min_triples:,} triples ...")
        kg.build([args.corpus], built)
        info = grow(built, grown, args.min_triples)
        del info["quads_list"]
    started = time.perf_counter()
    with kg.open(grown) as graph:
        textindex.rebuild(graph)
    rebuild_s = time.perf_counter() - started
    replace_s = statistics.median(replace_one_issue(grown) for _ in range(3))
    index_bytes = (grown / textindex.INDEX).stat().st_size
    store_bytes = sum(f.stat().st_size for f in (grown / "store").iterdir())
    conn = sqlite3.connect(grown / textindex.INDEX)
    counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in ("sentences", "entities")}
    conn.close()
    log(f"{info['quads']:,} quads, {info['issues']} issues; index rebuilt from the store in {rebuild_s:.1f} s; "
        f"timing {len(QUERIES)} queries x {args.repeat} in-process ...")
    per_query, samples = latency(grown, args.repeat)
    log("and x 3 through the command line ...")
    cli, startup = cli_latency(grown)

    summary = {
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "cpus": os.cpu_count(),
        "load_average": os.getloadavg()[1], **cost,
        "quads": info["quads"], "issues": info["issues"], "copies": info["copies"], **counts,
        "index_mb": index_bytes / 2**20, "store_mb": store_bytes / 2**20, "index_rebuild_s": rebuild_s,
        "replace_one_issue_ms": replace_s * 1000,
        "p50_ms": 1000 * percentile(samples, 50), "p95_ms": 1000 * percentile(samples, 95),
        "max_ms": 1000 * max(samples),
        "cli_p50_ms": 1000 * percentile(cli, 50), "cli_p95_ms": 1000 * percentile(cli, 95),
        "cli_startup_p50_ms": 1000 * percentile(startup, 50), "queries": per_query,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"Python {summary['python']}, SQLite {summary['sqlite']}, {summary['cpus']} CPUs, "
          f"load average {summary['load_average']:.1f} (5 min) at the end")
    if cost:
        print(f"build of {cost['build_bytes']:,} bytes ({cost['build_issues']} issues, {cost['build_sentences']:,} "
              f"sentences), medians: wall {cost['build_without_index_s']:.2f} s without the index, "
              f"{cost['build_with_index_s']:.2f} s with it ({cost['build_index_cost_pct']:+.1f}%); process CPU "
              f"{cost['build_cpu_without_index_s']:.2f} s and {cost['build_cpu_with_index_s']:.2f} s "
              f"({cost['build_cpu_index_cost_pct']:+.1f}%)")
        print(f"the index: {cost['build_cpu_in_index_s']:.2f} s CPU ({cost['build_cpu_in_index_pct']:.1f}% of the "
              f"build's), of which the build's own thread waits {cost['build_time_in_index_s']:.2f} s (the rest in "
              f"the background writer); index {cost['build_index_bytes'] / 2**20:.1f} MB")
    print(f"grown graph: {summary['quads']:,} quads, {summary['issues']} issues, {counts['sentences']:,} sentences, "
          f"{counts['entities']:,} entities; store {summary['store_mb']:.0f} MB, index {summary['index_mb']:.1f} MB")
    print(f"index from the store: {rebuild_s:.1f} s; replacing one issue in it: {summary['replace_one_issue_ms']:.0f} ms")
    print(f"{pad('words', 28)} {'hits':>5} {'names':>6} {'p50 ms':>8} {'max ms':>8}")
    for r in per_query:
        print(f"{pad(r['words'], 28)} {r['hits']:>5} {r['entities']:>6} {r['p50_ms']:>8.2f} {r['max_ms']:>8.2f}")
    print(f"in-process search: p50 {summary['p50_ms']:.1f} ms, p95 {summary['p95_ms']:.1f} ms, "
          f"max {summary['max_ms']:.1f} ms over {len(samples)} runs")
    print(f"kg search (a new process each time): p50 {summary['cli_p50_ms']:.0f} ms, p95 {summary['cli_p95_ms']:.0f} ms; "
          f"of which start-up (kg --version) p50 {summary['cli_startup_p50_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
