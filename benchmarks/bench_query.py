"""Named-query latency at a million triples: the project's store against plain rdflib.

    . .venv/bin/activate
    python benchmarks/bench_query.py [--corpus DIR] [--min-triples N] [--repeat N]
                                     [--rdflib-repeat N] [--work DIR] [--json]

1. The corpus (``../shared/corpus`` beside the repo unless ``--corpus``) is built
   with ``kg.build``, then grown: every issue graph is copied under a renamed issue
   (``{id}-r{k}``: its IRIs, graph name and identifier; its date moved k weeks
   on) until the store holds ``--min-triples``. Entity, statement and post IRIs
   are kept, as when the same names recur in later issues.
2. The project's store: the grown quads bulk-loaded into an Oxigraph store on
   disk as ``kg build`` writes it (timed: load, then open read-only as
   ``kg query``/``kg serve`` do). Plain rdflib: the same quads parsed from N-Quads
   into an in-memory ``rdflib.Dataset`` whose default graph is the union (timed).
3. Every named query runs with no parameters (when it needs none) and with the
   example parameters of the library (swapped for corpus names where the
   samples' do not occur), ``--repeat`` times on the store (``kg.query.execute``:
   names resolved, rows materialized) and ``--rdflib-repeat`` times on rdflib
   (names resolved the same way, bound with ``initBindings``); the figure is the
   median. It also runs each three times through a worker process
   (``QueryRunner``, the table formatted and sent back), as ``kg serve`` does.

Row counts are compared; the figures are printed, nothing is asserted.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib

import kg
from kg import query as q
from kg import vocab

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BULK = 50_000
#: Library examples that name things of the shipped samples, swapped for corpus ones.
CORPUS_PARAMS = {
    "investors": {"company": "苏州蛙声科技有限公司"},
    "issued": {"org": "北京市经济和信息化局"},
}
SLOW_RDFLIB = 10.0  # seconds: one run is enough to make the point


def grow(built: Path, dest: Path, min_triples: int) -> dict:
    """Copy the built corpus's issue graphs under renamed issues into a new graph folder."""
    src = ox.Store.read_only(str(built / "store"))
    quads = list(src.quads_for_pattern(None, None, None, None))
    del src
    ontology = ox.NamedNode(str(vocab.ONTOLOGY_GRAPH))
    fixed = [x for x in quads if x.graph_name == ontology]
    per_issue = [x for x in quads if x.graph_name != ontology]
    copies = max(1, -(-(min_triples - len(fixed)) // len(per_issue)))
    issue_base, graph_base = str(vocab.ID["issue/"]), str(vocab.ID["graph/"])
    identifier, issued = ox.NamedNode(str(vocab.DCTERMS.identifier)), ox.NamedNode(str(vocab.DCTERMS.issued))
    source = ox.NamedNode(str(vocab.KG.sourceFile))
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    grown_manifest = {"issues": {}}
    all_quads = list(fixed)
    for k in range(copies):
        suffix, shift = f"-r{k}", datetime.timedelta(weeks=k)
        iri = _renamer(suffix, (issue_base, graph_base))
        for x in per_issue:
            obj = x.object
            if x.predicate == identifier or x.predicate == source:
                obj = ox.Literal(obj.value + suffix)
            elif x.predicate == issued:
                day = datetime.date.fromisoformat(obj.value) + shift
                obj = ox.Literal(day.isoformat(), datatype=obj.datatype)
            else:
                obj = iri(obj)
            all_quads.append(ox.Quad(iri(x.subject), x.predicate, obj, iri(x.graph_name)))
        for issue_id, meta in manifest["issues"].items():
            meta = dict(meta)
            if meta.get("date"):
                meta["date"] = (datetime.date.fromisoformat(meta["date"]) + shift).isoformat()
            grown_manifest["issues"][issue_id + suffix] = meta

    dest.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    store = ox.Store(str(dest / "store"))
    for k in range(0, len(all_quads), BULK):
        store.bulk_extend(all_quads[k:k + BULK])
    store.flush()
    triples = len(store)
    del store
    load = time.perf_counter() - started
    (dest / "manifest.json").write_text(json.dumps(grown_manifest, ensure_ascii=False), encoding="utf-8")
    return {"copies": copies, "issues": len(grown_manifest["issues"]), "quads": triples, "load_s": load,
            "quads_list": all_quads}


def _renamer(suffix: str, issue_bases: tuple[str, ...]):
    """Rename an issue's IRIs (the issue, its parts, its graph) for a copy."""
    renamed: dict[str, ox.NamedNode] = {}

    def iri(node):
        if not isinstance(node, ox.NamedNode):
            return node
        got = renamed.get(node.value)
        if got is None:
            value = node.value
            for base in issue_bases:
                if value.startswith(base):
                    slug, sep, rest = value[len(base):].partition("/")
                    value = base + slug + suffix + sep + rest
            got = renamed[node.value] = ox.NamedNode(value) if value != node.value else node
        return got

    return iri


def nquads(quads) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def load_rdflib(data: bytes) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    return ds


def configurations() -> list[tuple[str, str, dict]]:
    """(query, label, params): bare when a query needs no parameter, and with examples."""
    out = []
    for name, nq in q.named_queries().items():
        if not any(p.required for p in nq.params):
            out.append((name, "-", {}))
        params = CORPUS_PARAMS.get(name, nq.example_params())
        if params:
            out.append((name, " ".join(f"{k}={v}" for k, v in params.items()), params))
    return out


def _rdflib_term(term):
    from oxrdflib._converter import from_ox

    return from_ox(term)


def resolved(store: ox.Store, name: str, params: dict) -> tuple[str, list[dict]]:
    """The query text and one substitution per run, as kg.query would execute them."""
    text, bindings, _ = q.prepare(named=name, params=params)
    runs = q._entity_runs(store, bindings, [])
    return text, runs


def time_oxigraph(store, name, params, repeat):
    text, bindings, hide = q.prepare(named=name, params=params)
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = q.execute(store, text, bindings, hide=hide)
        times.append(time.perf_counter() - started)
        rows = len(result)
    return statistics.median(times), rows


class _Stopped(Exception):
    pass


def _stop(*_):
    raise _Stopped


def time_rdflib(ds, store, name, params, repeat, limit):
    """Median seconds, rows, runs, and whether the run was stopped at ``limit`` seconds
    (rdflib is pure Python, so a timer signal can interrupt it)."""
    import signal

    text, runs = resolved(store, name, params)
    init_ns = {p: rdflib.Namespace(ns) for p, ns in q.PREFIXES.items()}
    times, rows = [], 0
    previous = signal.signal(signal.SIGALRM, _stop)
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            rows = 0
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                for substitution in runs:
                    result = ds.query(text, initNs=init_ns,
                                      initBindings={v: _rdflib_term(t) for v, t in substitution.items()})
                    rows += len(list(result))
            except _Stopped:
                return limit, None, len(times) + 1, True
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - started)
            if times[-1] > SLOW_RDFLIB:
                break
    finally:
        signal.signal(signal.SIGALRM, previous)
    return statistics.median(times), rows, len(times), False


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7, help="runs per query on the store (median)")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="runs per query on rdflib (median)")
    parser.add_argument("--rdflib-limit", type=float, default=120.0,
                        help="seconds after which an rdflib run is stopped (its ratio is then a lower bound)")
    parser.add_argument("--work", type=Path, default=None, help="keep the grown graph here (default: a temp dir)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if not sorted(args.corpus.glob("*.txt")):
        print(f"bench_query: no corpus in {args.corpus} (give --corpus DIR)", file=sys.stderr)
        return 2

    work = args.work or Path(tempfile.mkdtemp(prefix="kg-bench-query-"))
    try:
        return _run(args, work)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)


def _run(args, work: Path) -> int:
    log = (lambda *a: None) if args.json else (lambda *a: print(*a, file=sys.stderr, flush=True))
    built, grown = work / "corpus", work / "grown"
    shutil.rmtree(built, ignore_errors=True)
    shutil.rmtree(grown, ignore_errors=True)
    log(f"building {args.corpus} ...")
    kg.build([args.corpus], built)
    log(f"growing it to >= {args.min_triples:,} triples ...")
    info = grow(built, grown, args.min_triples)
    quads = info.pop("quads_list")
    started = time.perf_counter()
    store = ox.Store.read_only(str(grown / "store"))
    open_s = time.perf_counter() - started
    size_mb = sum(f.stat().st_size for f in (grown / "store").iterdir()) / 2**20
    log(f"{info['quads']:,} quads in {info['issues']} issues; rdflib: parsing the same N-Quads ...")
    data = nquads(quads)
    del quads
    started = time.perf_counter()
    ds = load_rdflib(data)
    rdflib_load = time.perf_counter() - started
    del data

    results = []
    for name, label, params in configurations():
        ox_s, ox_rows = time_oxigraph(store, name, params, args.repeat)
        rd_s, rd_rows, rd_runs, stopped = time_rdflib(ds, store, name, params, args.rdflib_repeat,
                                                      args.rdflib_limit)
        results.append({"query": name, "params": label, "values": params, "rows": ox_rows,
                        "rdflib_rows": rd_rows, "oxigraph_ms": ox_s * 1000, "rdflib_ms": rd_s * 1000,
                        "rdflib_runs": rd_runs, "rdflib_stopped": stopped,
                        "ratio": rd_s / ox_s if ox_s else float("inf")})
        log(f"  {name:<20} {label:<42} {ox_s * 1000:9.1f} ms  rdflib {'>' if stopped else ' '}"
            f"{rd_s * 1000:10.1f} ms  x{rd_s / ox_s:7.1f}  rows {ox_rows}/{rd_rows}")

    with q.QueryRunner(grown, 1, start_method="exec") as runner:
        runner.start()
        for r in results:
            text, bindings, hide = q.prepare(named=r["query"], params=r.pop("values"))
            times = []
            for _ in range(3):
                started = time.perf_counter()
                runner.run(q.QueryRequest(text, bindings, fmt={"*": "table"}, hide=hide), timeout=60)
                times.append(time.perf_counter() - started)
            r["worker_ms"] = statistics.median(times) * 1000

    ratios = [r["ratio"] for r in results]
    summary = {
        "python": platform.python_version(), "pyoxigraph": ox.__version__, "rdflib": rdflib.__version__,
        "cpus": os.cpu_count(), "corpus_files": len(sorted(args.corpus.glob("*.txt"))), **info,
        "store_open_s": open_s, "store_mb": size_mb, "rdflib_load_s": rdflib_load,
        "median_oxigraph_ms": statistics.median(r["oxigraph_ms"] for r in results),
        "median_rdflib_ms": statistics.median(r["rdflib_ms"] for r in results),
        "median_ratio": statistics.median(ratios),
        "geomean_ratio": statistics.geometric_mean(ratios),
        "slowest_oxigraph_ms": max(r["oxigraph_ms"] for r in results),
        "row_count_mismatches": [f"{r['query']} {r['params']}" for r in results
                                 if r["rows"] != r["rdflib_rows"] and not r["rdflib_stopped"]],
        "rdflib_stopped": [f"{r['query']} {r['params']}" for r in results if r["rdflib_stopped"]],
        "queries": results,
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"graph: {info['quads']:,} quads, {info['issues']} issues ({info['copies']} copies of "
          f"{summary['corpus_files']} corpus issues); Python {summary['python']}, pyoxigraph "
          f"{summary['pyoxigraph']}, rdflib {summary['rdflib']}, {summary['cpus']} CPUs")
    print(f"store: bulk load {info['load_s']:.1f} s, open read-only {open_s * 1000:.0f} ms, {size_mb:.0f} MB on disk; "
          f"rdflib in-memory load {rdflib_load:.1f} s")
    print(f"{'query':<20} {'parameters':<44} {'rows':>5} {'store ms':>9} {'worker ms':>10} {'rdflib ms':>10} {'x':>7}")
    for r in results:
        note = "" if r["rows"] == r["rdflib_rows"] or r["rdflib_stopped"] else f"  (rdflib rows: {r['rdflib_rows']})"
        runs = "" if r["rdflib_runs"] == args.rdflib_repeat else f" [{r['rdflib_runs']} run]"
        bound = ">" if r["rdflib_stopped"] else " "
        print(f"{r['query']:<20} {r['params']:<44} {r['rows']:>5} {r['oxigraph_ms']:>9.1f} {r['worker_ms']:>10.1f} "
              f"{bound}{r['rdflib_ms']:>9.0f} {bound}{r['ratio']:>6.1f}{runs}{note}")
    if summary["rdflib_stopped"]:
        print(f"> rdflib stopped after {args.rdflib_limit:g} s: the ratio is a lower bound")
    print(f"median latency: store {summary['median_oxigraph_ms']:.1f} ms, rdflib {summary['median_rdflib_ms']:.1f} ms; "
          f"speed-up: median x{summary['median_ratio']:.1f}, geometric mean x{summary['geomean_ratio']:.1f}; "
          f"slowest on the store: {summary['slowest_oxigraph_ms']:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
