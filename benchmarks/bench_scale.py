"""Scale: extraction on 1 and 2 Dask workers, loads into the three stores, and the named
queries' latency on each, at 1M and 10M quads, in one run.

    . .venv/bin/activate
    python benchmarks/bench_scale.py [--corpus DIR] [--chars N] [--sizes 1000000,10000000] [--repeat 3] [--json]

1. Extraction: the corpus and the samples, copied under new names until they hold
   ``--chars`` characters, built by ``kg build --workers 1`` and ``--workers 2`` (a
   local Dask cluster, each worker on one core) and by the plain single-process build,
   alternately, ``--repeat`` times (median). Characters per second over the whole build
   (cluster start-up included) and from the first issue written to the last; and the
   workers' part alone (``extract workers=N``: every issue extracted and its N-Quads
   sent back, nothing written), since on a small machine the writer in the ``kg
   build`` process (the store's bulk loads, the search index, the scheduler) takes
   the cores the workers need; that process's CPU time is given with each run. The
   2-worker graph is checked against the plain one (sorted N-Quads).
2. Loads: the built issues' graphs copied under renamed issues (IRIs, identifiers and
   dates moved on, entity and statement IRIs kept, as when names recur) until there are
   ``--sizes`` quads, written through kg's own writers (what ``kg build`` does after
   extraction: issue graphs, timeline, manifest) into the embedded store (a folder),
   ``oxigraph serve`` and Virtuoso (each started fresh here, on 127.0.0.1). Quads per
   second, disk, and the server's peak memory.
3. Queries: every named query (bare, and with the library's example parameters) on
   each store at each size, as ``kg query`` runs it (entity parameters resolved
   first); median of ``--repeat`` runs; a run past ``--query-limit`` seconds is
   stopped and shown as ``>limit``.

The load average is printed before each part: on a shared machine, compare figures
taken at a low load. Nothing is asserted.
"""
from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))  # the test servers

import pyoxigraph as ox
from servers import OxigraphServer, VirtuosoServer

import kg
from kg import export, vocab
from kg import query as q
from kg.nquads import IssueGraph
from kg.store import KnowledgeGraph
from kg.stores.sparql import RemoteGraph

DEFAULT_CORPUS = HERE.parents[0].parent / "shared" / "corpus"
SAMPLES = HERE.parent / "samples"
_BNODE = re.compile(r"_:[A-Za-z0-9]+")


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


# -- 1. extraction ------------------------------------------------------------------------------------

def make_input(corpus: Path, dest: Path, chars: int) -> int:
    files = sorted(corpus.glob("*.txt")) + sorted(SAMPLES.glob("*.txt"))
    dest.mkdir(parents=True, exist_ok=True)
    total, k = 0, 0
    while total < chars:
        for f in files:
            shutil.copyfile(f, dest / f"{f.stem}_c{k:03d}.txt")
            total += len(f.read_text(encoding="utf-8"))
        k += 1
    return total


def canonical(graph) -> list[str]:
    with kg.open(graph) as opened:
        out = io.BytesIO()
        export.export(opened, "nq", out)
    return sorted(_BNODE.sub("_:b", line) for line in out.getvalue().decode("utf-8").splitlines() if line)


def timed_build(inputs: Path, out: Path, workers: int | None) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    stamps: list[float] = []
    started = time.perf_counter()
    report = kg.build([inputs], out, workers=workers, on_issue=lambda _: stamps.append(time.perf_counter()))
    total = time.perf_counter() - started
    steady = (stamps[-1] - stamps[0]) if len(stamps) > 1 else total
    # characters of the issues after the first, over the time from the first issue written to the last
    per_issue = report.characters / max(1, len(report.issues))
    return {"seconds": total, "chars": report.characters, "chars_per_s": report.characters / total,
            "steady_chars_per_s": per_issue * (len(stamps) - 1) / steady if steady else None,
            "issues": len(report.issues), "failed": len(report.failed), "quads": report.triples,
            "quads_per_char": report.triples / max(1, report.characters)}


def timed_extraction(inputs: Path, workers: int) -> dict:
    """The workers' part alone: every issue extracted on the cluster and its N-Quads sent
    back, nothing written (the build's writer shares this machine's cores)."""
    from kg.build import DEFAULT_BACKEND
    from kg.cluster import Extracted, extract_on_cluster

    files = sorted(inputs.iterdir())
    stamps: list[float] = []
    chars = 0
    started = time.perf_counter()
    for result in extract_on_cluster(files, workers=workers, backend=DEFAULT_BACKEND, options={}, alias_files=()):
        stamps.append(time.perf_counter())
        if isinstance(result, Extracted):
            chars += result.graph.characters
    total = time.perf_counter() - started
    steady = stamps[-1] - stamps[0] if len(stamps) > 1 else total
    return {"seconds": total, "chars": chars, "chars_per_s": chars / total,
            "steady_chars_per_s": chars / len(stamps) * (len(stamps) - 1) / steady if steady else None}


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def extraction(args, work: Path, log) -> dict:
    inputs = work / "input"
    make_input(args.corpus, inputs, args.chars)
    log(f"extraction: {sum(1 for _ in inputs.iterdir())} files; load average {load_average()}")
    runs: dict[str, list[dict]] = {"plain": [], "workers=1": [], "workers=2": [],
                                   "extract workers=1": [], "extract workers=2": []}
    loads = []
    for r in range(args.repeat):
        loads.append(load_average())
        for label, workers in (("workers=1", 1), ("workers=2", 2), ("plain", None),
                               ("extract workers=1", 1), ("extract workers=2", 2)):
            cpu = client_cpu()
            if label.startswith("extract"):
                result = timed_extraction(inputs, workers)
            else:
                result = timed_build(inputs, work / f"x-{label}", workers)
            result["client_cpu_s"] = client_cpu() - cpu
            runs[label].append(result)
            log(f"  run {r + 1} {label:<18} {result['chars']:,} chars in {result['seconds']:.1f} s: "
                f"{result['chars_per_s']:,.0f} chars/s (steady {result['steady_chars_per_s'] or 0:,.0f}); "
                f"this process's CPU {result['client_cpu_s']:.1f} s; load {load_average()}")
    same = canonical(work / "x-workers=2") == canonical(work / "x-plain")
    out = {label: {key: statistics.median(r[key] for r in rs)
                   for key in ("seconds", "chars_per_s", "steady_chars_per_s", "client_cpu_s")}
           | {key: rs[0][key] for key in ("chars", "issues", "quads_per_char") if key in rs[0]}
           for label, rs in runs.items()}
    out["ratio_2_over_1"] = out["workers=2"]["chars_per_s"] / out["workers=1"]["chars_per_s"]
    out["steady_ratio_2_over_1"] = out["workers=2"]["steady_chars_per_s"] / out["workers=1"]["steady_chars_per_s"]
    out["extraction_ratio_2_over_1"] = out["extract workers=2"]["chars_per_s"] / out["extract workers=1"]["chars_per_s"]
    out["extraction_steady_ratio_2_over_1"] = (out["extract workers=2"]["steady_chars_per_s"]
                                               / out["extract workers=1"]["steady_chars_per_s"])
    out["same_graph_workers2_plain"] = same
    out["load_average"] = loads
    for label in ("workers=1", "workers=2"):
        shutil.rmtree(work / f"x-{label}", ignore_errors=True)
    return out


# -- 2. the grown graph ----------------------------------------------------------------------------------

def issue_lines(built: Path) -> list[IssueGraph]:
    """The built graph's issues as the writers take them: N-Quads lines and records."""
    store = ox.Store.read_only(str(built / "store"))
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    out = []
    for issue_id, record in manifest["issues"].items():
        graph = ox.NamedNode(vocab.issue_graph_iri(issue_id))
        data = ox.serialize(store.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS) or b""
        lines = data.decode("utf-8").splitlines(keepends=True)
        out.append(IssueGraph(issue_id, lines, dict(record)))
    del store
    return out


def grown(base: list[IssueGraph], quads: int):
    """Issue graphs, renamed copies of ``base``, until ``quads`` quads have been given."""
    issue_base, graph_base = str(vocab.ID["issue/"]), str(vocab.ID["graph/"])
    given, k = 0, 0
    while given < quads:
        suffix, shift = f"-g{k}", datetime.timedelta(weeks=k)
        for g in base:
            slug = vocab.issue_graph_iri(g.id)[len(graph_base):]
            new_id = g.id + suffix
            date = g.record.get("date")
            moved = (datetime.date.fromisoformat(date) + shift).isoformat() if date else None
            text = "".join(g.lines)
            text = text.replace(f"<{issue_base}{slug}>", f"<{issue_base}{slug}{suffix}>")
            text = text.replace(f"<{issue_base}{slug}/", f"<{issue_base}{slug}{suffix}/")
            text = text.replace(f"<{graph_base}{slug}>", f"<{graph_base}{slug}{suffix}>")
            text = text.replace(f'"{g.id}"', f'"{new_id}"')
            if date:
                text = text.replace(f'"{date}"^^', f'"{moved}"^^')
            lines = text.splitlines(keepends=True)
            yield IssueGraph(new_id, lines, dict(g.record, date=moved, triples=len(lines)))
            given += len(lines)
            if given >= quads:
                return
        k += 1


def write_all(graph, issues) -> tuple[int, float]:
    started = time.perf_counter()
    n = 0
    with graph:
        for g in issues:
            n += graph.add_graph(g)
        graph.commit()
        graph.update_timeline()
        graph.save_manifest(version=kg.__version__, backend="lac")
    return n, time.perf_counter() - started


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def peak_rss_mb(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- 3. queries --------------------------------------------------------------------------------------------

def configurations() -> list[tuple[str, dict]]:
    out = []
    for name, nq in q.named_queries().items():
        if not any(p.required for p in nq.params):
            out.append((name, {}))
        if nq.example_params():
            out.append((name, nq.example_params()))
    return out


def time_queries(location, repeat: int, limit: float, log) -> dict:
    """Median latency of each named query, as kg query runs it (in a worker, with a time limit)."""
    out = {}
    runner = q.QueryRunner(location, 1, start_method="exec")
    try:
        for name, params in configurations():
            label = name + ("" if not params else " " + " ".join(f"{k}={v}" for k, v in params.items()))
            text, bindings, hide = q.prepare(named=name, params=params)
            times, rows, stopped = [], None, False
            for _ in range(repeat):
                started = time.perf_counter()
                try:
                    result = runner.run(q.QueryRequest(text, bindings, hide=hide), limit)
                except q.QueryTimeout:
                    stopped = True
                    break
                except kg.KgError as e:
                    log(f"    {label}: {e}")
                    stopped = True
                    break
                times.append(time.perf_counter() - started)
                rows = len(result)
            out[label] = {"seconds": statistics.median(times) if times else None, "rows": rows, "stopped": stopped}
    finally:
        runner.close()
    return out


def on_server(name: str, server, n: int, seconds: float, args, log, **extra) -> dict:
    """A server's figures once ``n`` quads were loaded in ``seconds``: disk, memory, the queries."""
    entry = {"quads_written": n, "load_s": seconds, "quads_per_s": n / seconds,
             "disk_mb": du(server.folder) / 2**20, "load_average": load_average(),
             "peak_rss_mb_load": peak_rss_mb(server.pid), **extra}
    log(f"  {name}: {n:,} quads in {seconds:.1f} s ({n / seconds:,.0f}/s), {entry['disk_mb']:.0f} MB, "
        f"peak {entry['peak_rss_mb_load']:.0f} MB")
    entry["queries"] = time_queries(server.url, args.repeat, args.query_limit, log)
    entry["peak_rss_mb"] = peak_rss_mb(server.pid)
    return entry


def stores(args, work: Path, base: list[IssueGraph], log) -> dict:
    results: dict = {}
    for size in args.sizes:
        log(f"size {size:,} quads; load average {load_average()}")
        results[size] = {}
        # the embedded folder
        folder = work / f"embedded-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        n, seconds = write_all(KnowledgeGraph.create(folder), grown(base, size))
        entry = {"quads_written": n, "load_s": seconds, "quads_per_s": n / seconds, "disk_mb": du(folder) / 2**20,
                 "load_average": load_average()}
        log(f"  embedded: {n:,} quads in {seconds:.1f} s ({n / seconds:,.0f}/s), {entry['disk_mb']:.0f} MB")
        entry["queries"] = time_queries(folder, args.repeat, args.query_limit, log)
        results[size]["embedded"] = entry
        shutil.rmtree(folder, ignore_errors=True)
        # the Oxigraph server
        with OxigraphServer(work / f"oxigraph-{size}").start() as server:
            n, seconds = write_all(RemoteGraph.create(server.url), grown(base, size))
            results[size]["oxigraph-server"] = on_server("oxigraph serve", server, n, seconds, args, log)
        shutil.rmtree(work / f"oxigraph-{size}", ignore_errors=True)
        # Virtuoso
        with VirtuosoServer(work / f"virtuoso-{size}", memory_mb=args.virtuoso_mb).start() as server:
            os.environ.update(KG_STORE_USER=server.user, KG_STORE_PASSWORD=server.password)
            n, seconds = write_all(RemoteGraph.create(server.url), grown(base, size))
            server.isql(server.password, "checkpoint;")
            results[size]["virtuoso"] = on_server("virtuoso", server, n, seconds, args, log,
                                                  memory_mb=args.virtuoso_mb)
        shutil.rmtree(work / f"virtuoso-{size}", ignore_errors=True)
    return results


def print_tables(figures: dict) -> None:
    ex = figures.get("extraction")
    if ex:
        print("\n| run | chars/s (whole run) | chars/s (first issue to last) | seconds | CPU of the kg build process |")
        print("|---|---|---|---|---|")
        for label in ("plain", "workers=1", "workers=2", "extract workers=1", "extract workers=2"):
            e = ex[label]
            print(f"| {label} | {e['chars_per_s']:,.0f} | {e['steady_chars_per_s']:,.0f} | {e['seconds']:.1f} | "
                  f"{e['client_cpu_s']:.1f} s |")
        print(f"\nquads per character: {ex['plain']['quads_per_char']:.2f}")
        print(f"\n2 workers / 1 worker: {ex['ratio_2_over_1']:.2f}× (whole build), {ex['steady_ratio_2_over_1']:.2f}× "
              f"(steady); extraction alone {ex['extraction_ratio_2_over_1']:.2f}× "
              f"({ex['extraction_steady_ratio_2_over_1']:.2f}× steady); "
              f"same graph as the plain build: {ex['same_graph_workers2_plain']}; "
              f"load averages at the runs: {ex['load_average']}")
    for size, per_store in figures.get("stores", {}).items():
        print(f"\n### {int(size):,} quads\n")
        print("| store | quads/s loaded | load s | disk MB | peak memory MB |")
        print("|---|---|---|---|---|")
        for name, e in per_store.items():
            print(f"| {name} | {e['quads_per_s']:,.0f} | {e['load_s']:.1f} | {e['disk_mb']:.0f} | "
                  f"{e.get('peak_rss_mb') or '-'} |")
        names = list(per_store)
        labels = list(next(iter(per_store.values()))["queries"])
        print("\n| named query | " + " | ".join(f"{n} ms" for n in names) + " |")
        print("|---|" + "---|" * len(names))
        for label in labels:
            cells = []
            for n in names:
                r = per_store[n]["queries"][label]
                cells.append(">limit" if r["stopped"] else f"{r['seconds'] * 1000:,.0f}")
            print(f"| {label} | " + " | ".join(cells) + " |")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--chars", type=int, default=1_000_000, help="characters of input for the extraction runs")
    parser.add_argument("--sizes", default="1000000,10000000", help="quads in the grown graphs, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--query-limit", type=float, default=60.0)
    parser.add_argument("--virtuoso-mb", type=int, default=2048, help="Virtuoso's buffers, in MB")
    parser.add_argument("--skip-extraction", action="store_true")
    parser.add_argument("--skip-stores", action="store_true")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in str(args.sizes).split(",") if s]
    if not sorted(args.corpus.glob("*.txt")):
        print(f"bench_scale: no corpus in {args.corpus} (give --corpus DIR)", file=sys.stderr)
        return 2
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-scale-"))

    def log(*a):
        print(*a, file=sys.stderr, flush=True)

    figures: dict = {"machine": {"cores": len(os.sched_getaffinity(0)), "load_average_start": load_average()}}
    try:
        if not args.skip_extraction:
            figures["extraction"] = extraction(args, work, log)
        if not args.skip_stores:
            base_folder = work / "base"
            if not base_folder.exists():
                kg.build([args.corpus, SAMPLES], base_folder)
            figures["stores"] = stores(args, work, issue_lines(base_folder), log)
    finally:
        if args.json:
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print_tables(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
