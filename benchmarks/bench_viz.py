"""`kg viz` pages: size, time to write, time to the first frame and until the page is
settled in Chromium, the names drawn at the first screen, memory and responsiveness.

    . .venv/bin/activate
    python benchmarks/bench_viz.py [--corpus DIR] [--nodes 2000] [--big 10000] [--repeat 3]
                                   [--baseline REV] [--out DIR] [--json]

Pages: the shipped samples; the corpus (``../shared/corpus`` with the samples, as
``kg build ../shared/corpus samples`` makes it; skipped if absent); a synthetic graph
of ``--nodes`` entities (random names, relations by preferential attachment,
co-mentions from random articles) drawn with the default node cap and in full; and
one of ``--big`` entities in full (0: skip). With ``--baseline REV`` the full
``--nodes`` graph is also drawn by the ``kg`` package as it was at git revision REV
(taken out of the repository into a temporary folder), to compare in the same run.

Each page is opened in headless Chromium with the network cut off (the helper in
tests/helpers.py). Times are the page's own clock (``performance.now()`` from
navigation start): ``first frame`` when vis-network first draws, ``settled`` when
the layout is final and the names are placed (before: when the stabilization ended).
At the first screen the page's own label boxes are read: how many names are drawn,
whether the ``--top`` most central entities on the canvas have one, and whether any
two boxes overlap. Memory is the JS heap after settling; responsiveness the time
from a zoom, from a jump of the time slider (all issues to the middle date)
and from a step (one date on), to the next frame drawn. With
``--repeat N`` figures are medians of N page loads. The corpus page is also
screenshot in type mode, community mode and at three points of the time slider.
Pages and screenshots go to ``--out`` (default: a temp folder). Nothing is asserted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import random
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from helpers import Chromium, find_chromium

import kg
from kg import analytics as ka
from kg import viz

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
SYLLABLES = "华中国新科技智能数据云天信达创联通安金融海京东南西北星光源芯微电子网络量子航宇生物医药"
ORG_SUFFIX = ["科技有限公司", "信息技术有限公司", "研究院", "集团", "创投", "资本", "大学", "实验室", "管委会"]
TITLES = ["董事长", "总经理", "院长", "首席科学家", "副局长", "主任", "创始人"]
ROUNDS = ["天使轮", "Pre-A 轮", "A 轮", "B 轮", "C 轮", "战略融资"]
RELATIONS = {  # relation: (subject types, object types, share)
    "holdsPosition": (("Person",), ("Organization",), 0.22),
    "issued": (("Organization",), ("Policy",), 0.12),
    "investedIn": (("Organization",), ("Organization",), 0.16),
    "founded": (("Person", "Organization"), ("Organization",), 0.06),
    "partnerOf": (("Organization",), ("Organization",), 0.12),
    "subsidiaryOf": (("Organization",), ("Organization",), 0.04),
    "locatedIn": (("Organization",), ("Region",), 0.28),
}


def synthetic_graph(n: int = 2000, seed: int = 1, issues: int = 24) -> nx.MultiDiGraph:
    """A graph shaped like ``kg.analytics.to_networkx``'s, with ``n`` entities."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    start = dt.date(2021, 1, 15)
    ids = [f"synthetic_{k:03d}" for k in range(issues)]
    G.graph["issues"] = {i: {"date": (start + dt.timedelta(days=30 * k)).isoformat(), "title": "合成简报",
                             "label": f"第 {k + 1} 期", "mentions": 0} for k, i in enumerate(ids)}
    G.graph["filters"] = {}
    weights = {"Organization": 0.55, "Person": 0.2, "Region": 0.1, "Policy": 0.12, "Report": 0.03}
    names = set()

    def word(k):
        return "".join(rng.choice(SYLLABLES) for _ in range(k))

    def name(type_):
        while True:
            label = {"Organization": lambda: word(rng.randint(2, 4)) + rng.choice(ORG_SUFFIX),
                     "Person": lambda: rng.choice(SURNAMES) + word(rng.randint(1, 2)),
                     "Region": lambda: word(2) + rng.choice("市省区县"),
                     "Policy": lambda: f"关于推进{word(4)}发展的{rng.choice(['指导意见', '实施方案', '若干措施'])}",
                     "Report": lambda: f"{word(4)}发展报告"}[type_]()
            if label not in names:
                names.add(label)
                return label

    by_type: dict[str, list] = {t: [] for t in weights}
    for k in range(n):
        type_ = rng.choices(list(weights), list(weights.values()))[0]
        node = f"https://example.org/synthetic/{k}"
        label = name(type_)
        seen = sorted(rng.sample(ids, k=min(issues, max(1, int(rng.paretovariate(1.5))))))
        G.add_node(node, label=label, type=type_, aliases=[label[:4]] if len(label) > 6 and rng.random() < 0.3 else [],
                   issues=seen, mentions=len(seen) + int(rng.paretovariate(1.2)), first_seen=None)
        by_type[type_].append(node)
    degree = {v: 1 for v in G}

    def pick(types):
        pool = [v for t in types for v in by_type[t]]
        return rng.choices(pool, [degree[v] for v in pool])[0]

    sentence_id = 0
    for relation, (heads, tails, share) in RELATIONS.items():
        for _ in range(int(1.6 * n * share)):
            u, v = pick(heads), pick(tails)
            if u == v:
                continue
            degree[u] += 1
            degree[v] += 1
            doc = rng.choice(sorted(set(G.nodes[u]["issues"]) | set(G.nodes[v]["issues"])))
            attrs = {"relation": relation, "label": ka.RELATION_LABELS[relation]}
            if relation == "holdsPosition":
                attrs["title"] = rng.choice(TITLES)
            if relation == "investedIn":
                attrs["round"] = rng.choice(ROUNDS)
            sentence_id += 1
            evidence = [{"doc": doc, "date": G.graph["issues"][doc]["date"], "sentence_id": str(sentence_id),
                         "sentence": f"据悉，{G.nodes[u]['label']}与{G.nodes[v]['label']}近日{attrs.get('title') or attrs['label']}，"
                                     f"双方将在{word(2)}领域开展{word(2)}合作，推动{word(3)}产业发展。"}]
            G.add_edge(u, v, key=f"st{sentence_id}", evidence=evidence, weight=1, **attrs)
    for _ in range(n // 2):  # articles naming 3 to 8 entities: their pairs are co-mentions
        doc = rng.choice(ids)
        members = rng.sample(list(G), rng.randint(3, 8))
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                u, v = sorted((members[a], members[b]))
                key = f"co:{u}:{v}"
                if G.has_edge(u, v, key):
                    G.edges[u, v, key]["count"] += 1
                else:
                    G.add_edge(u, v, key=key, relation=ka.CO_MENTION, label="共现", count=1, issues=[doc],
                               evidence=[], weight=ka.CO_MENTION_WEIGHT)
    return G


FRAME_AFTER = """new Promise(function (done) {
  var t = performance.now();
  kgViz.network.once("afterDrawing", function () { setTimeout(function () { done(performance.now() - t); }, 0); });
  (%s)();
})"""
LABELS = """(function () {
  if (typeof kgViz.labelBoxes !== "function") return null;
  var boxes = kgViz.labelBoxes(), named = {}, overlaps = 0;
  boxes.forEach(function (b) { named[b.id] = 1; });
  for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
    var a = boxes[i], b = boxes[j];
    if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps++;
  }
  var c = kgViz.counts(), onCanvas = kgViz.data.nodes.filter(function (d) { return !d.u; })
    .sort(function (a, b) { return b.pr - a.pr || b.mentions - a.mentions || a.id - b.id; }).slice(0, %d);
  return { labels: boxes.length, overlaps: overlaps, top: onCanvas.length,
           topLabelled: onCanvas.filter(function (d) { return named[d.id]; }).length, visible: c.visibleNodes };
})()"""


def measure(page: Path, repeat: int, shot: Path | None, top: int = 20, fragment: str = "") -> dict:
    settled, layout, first, wall, heap, zoom, jump, step = [], [], [], [], [], [], [], []
    counts = labels = None
    errors: list = []
    requests: list = []
    for k in range(repeat):
        with Chromium() as browser:
            t0 = time.monotonic()
            tab = browser.open(page.as_uri() + fragment, timeout=300)
            tab.wait_for("window.kgViz && window.kgViz.stabilized", timeout=300)
            wall.append((time.monotonic() - t0) * 1000)
            settled.append(tab.eval("kgViz.stabilizedAt"))
            layout.append(tab.eval("kgViz.layoutMs"))
            first.append(tab.eval("kgViz.firstFrameAt || kgViz.stabilizedAt"))
            counts = tab.eval("kgViz.counts()")
            labels = tab.eval(LABELS % top)
            if shot and k == 0:
                tab.screenshot(shot)
            tab.send("Performance.enable")
            metrics = {m["name"]: m["value"] for m in tab.send("Performance.getMetrics")["metrics"]}
            heap.append(metrics.get("JSHeapUsedSize", 0) / 2 ** 20)
            zoom.append(tab.eval(FRAME_AFTER % "function () { kgViz.network.moveTo({ scale: kgViz.network.getScale() * 1.6 }); }",
                                 timeout=120))
            if tab.eval("typeof kgViz.setStep === 'function'"):
                # from all issues to the middle date (most entities change), then one date on
                jump.append(tab.eval(FRAME_AFTER % "function () { kgViz.setStep(Math.floor(kgViz.steps().length / 2)); }",
                                     timeout=120))
                step.append(tab.eval(FRAME_AFTER % "function () { kgViz.setStep(kgViz.view().step + 1); }", timeout=120))
            errors = tab.console_errors()
            requests = tab.requests()
    median = lambda xs: round(statistics.median(xs)) if xs else None  # noqa: E731
    return {"settled_ms": median(settled), "layout_ms": median(layout), "first_frame_ms": median(first),
            "wall_ms": median(wall), "runs": settled, "heap_mb": round(statistics.median(heap), 1),
            "zoom_frame_ms": median(zoom), "jump_frame_ms": median(jump), "step_frame_ms": median(step), "labels": labels,
            "nodes": counts["nodes"], "visible": counts["visibleNodes"], "edges": counts["relations"],
            "co_mentions": counts["coMentions"], "console_errors": errors,
            "other_requests": [r for r in requests if r.split("#")[0] != page.as_uri()]}


ALL = "#unconnected=1"
CORPUS_SHOTS = [  # (file name, what to do before the screenshot)
    ("corpus-type", "kgViz.setColor('type')"),
    ("corpus-community", "kgViz.setColor('community')"),
    ("corpus-time-1", "kgViz.setColor('type'); kgViz.setStep(0)"),
    ("corpus-time-2", "kgViz.setStep(Math.floor((kgViz.steps().length - 1) / 2))"),
    ("corpus-time-3", "kgViz.setStep(kgViz.steps().length - 2)"),
]


def corpus_screenshots(page: Path, out: Path) -> list[dict]:
    shots = []
    with Chromium() as browser:
        tab = browser.open(page.as_uri(), timeout=300)
        tab.wait_for("window.kgViz && window.kgViz.stabilized", timeout=300)
        for name, action in CORPUS_SHOTS:
            tab.eval(action)
            browser.pump(0.6)
            tab.screenshot(out / f"{name}.png")
            shots.append({"shot": str(out / f"{name}.png"), "counts": tab.eval("kgViz.counts()"),
                          "view": tab.eval("kgViz.view()")})
    return shots


def render_with(revision: str, graph: nx.MultiDiGraph, page: Path, max_nodes: int, work: Path) -> int:
    """Draw ``graph`` with the ``kg`` package as it was at ``revision``; the time it took (ms)."""
    tree = work / f"kg-{revision}"
    if not tree.exists():
        tree.mkdir(parents=True)
        archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", revision, "kg"],
                                 capture_output=True, check=True).stdout
        with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
    pickled = work / "graph.pickle"
    pickled.write_bytes(pickle.dumps(graph))
    code = ("import pickle, sys, time; sys.path.insert(0, sys.argv[1]); from kg import viz; "
            "G = pickle.load(open(sys.argv[2], 'rb')); t = time.monotonic(); "
            "viz.render(G, sys.argv[3], max_nodes=int(sys.argv[4])); print(round((time.monotonic() - t) * 1000))")
    done = subprocess.run([sys.executable, "-c", code, str(tree), str(pickled), str(page), str(max_nodes)],
                          capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=20, help="central entities that must be named at the first screen")
    parser.add_argument("--baseline", default=None, metavar="REV", help="also draw the full --nodes graph with this revision's kg")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not find_chromium():
        print("no chromium binary (apt-get install chromium)", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    sources = [("samples", [REPO / "samples"])]
    if args.corpus.is_dir():
        sources.append(("corpus", [args.corpus, REPO / "samples"]))
    for name, folders in sources:
        graph_dir = out / f"{name}-kg"
        if not graph_dir.exists():
            kg.build(folders, graph_dir)
        cases.append((name, lambda g=graph_dir: kg.open(g), {}))
    synthetic = synthetic_graph(args.nodes)
    cases.append((f"synthetic-{args.nodes}-capped", lambda: synthetic, {}))
    # all shown: no node cap, and the entities with no stated relation drawn too (#unconnected=1)
    cases.append((f"synthetic-{args.nodes}", lambda: synthetic, {"max_nodes": args.nodes, "fragment": ALL}))
    if args.baseline:
        cases.append((f"synthetic-{args.nodes}@{args.baseline}", lambda: synthetic, {"baseline": args.baseline}))
    if args.big:
        big = synthetic_graph(args.big, seed=2, issues=36)
        cases.append((f"synthetic-{args.big}", lambda: big, {"max_nodes": args.big, "fragment": ALL}))

    results = []
    shots: list = []
    for name, source, options in cases:
        page = out / f"{name}.html"
        graph = source()
        fragment = options.pop("fragment", "")
        if "baseline" in options:
            write_ms = render_with(options["baseline"], graph, page, args.nodes, out)
            shown = {"bytes": page.stat().st_size, "left_out": 0}
        else:
            t0 = time.monotonic()
            shown = viz.render(graph, page, **options)
            write_ms = round((time.monotonic() - t0) * 1000)
        if hasattr(graph, "close"):
            graph.close()
        browser = measure(page, args.repeat, out / f"{name}.png", args.top, fragment)
        results.append({"case": name, "html_bytes": shown["bytes"], "write_ms": write_ms,
                        "left_out": shown["left_out"], "page": str(page), "screenshot": str(out / f"{name}.png"),
                        **browser})
        if name == "corpus":
            shots = corpus_screenshots(page, out)
    if args.json:
        print(json.dumps({"cases": results, "corpus_screenshots": shots}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'case':<30}{'nodes':>6}{'drawn':>6}{'edges':>6}{'HTML KB':>8}{'write s':>8}{'1st frame s':>12}"
          f"{'settled s':>10}{'heap MB':>8}{'zoom ms':>8}{'jump ms':>8}{'step ms':>8}  names (top {args.top} named, overlaps)  errors")
    for r in results:
        lab = r["labels"]
        names = f"{lab['labels']:>4} ({lab['topLabelled']}/{lab['top']}, {lab['overlaps']})" if lab else "   - (old page)"
        print(f"{r['case']:<30}{r['nodes']:>6}{r['visible']:>6}{r['edges']:>6}{r['html_bytes'] / 1024:>8,.0f}"
              f"{r['write_ms'] / 1000:>8.2f}{r['first_frame_ms'] / 1000:>12.2f}{r['settled_ms'] / 1000:>10.2f}"
              f"{r['heap_mb']:>8.0f}{r['zoom_frame_ms'] or 0:>8}{r['jump_frame_ms'] or '-':>8}{r['step_frame_ms'] or '-':>8}  {names:<28}"
              f"  {len(r['console_errors']) + len(r['other_requests'])}")
    for s in shots:
        c = s["counts"]
        print(f"screenshot {s['shot']}: {s['view']['color']} mode, {s['view']['date'] or 'all issues'}: "
              f"{c['visibleNodes']} entities, {c['visibleEdges']} links drawn; {c['knownNodes']} entities known")
    print(f"settled: median of {args.repeat} page loads; pages and screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
