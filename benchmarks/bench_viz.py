"""`kg viz` pages: size, time to write, and time until the layout settles in Chromium.

    . .venv/bin/activate
    python benchmarks/bench_viz.py [--corpus DIR] [--nodes 2000] [--repeat 3] [--out DIR] [--json]

Three pages: the shipped samples, the corpus (``../shared/corpus`` unless
``--corpus``; skipped if absent), and a synthetic graph of ``--nodes`` entities
(random names, relations by preferential attachment, co-mentions from random
articles) drawn twice: with the default node cap and with every node shown.
Each page is opened in headless Chromium with the network cut off (the helper
in tests/helpers.py); "settled" is the page's own clock (``performance.now()``
from navigation start) when vis-network's stabilization ends and the physics is
switched off. With ``--repeat N`` times are the median of N page loads.
Screenshots go to ``--out`` (default: a temp folder). Nothing is asserted.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
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


def measure(page: Path, repeat: int, shot: Path | None) -> dict:
    settled, layout, wall = [], [], []
    counts = None
    for k in range(repeat):
        with Chromium() as browser:
            t0 = time.monotonic()
            tab = browser.open(page.as_uri(), timeout=300)
            tab.wait_for("window.kgViz && window.kgViz.stabilized", timeout=300)
            wall.append((time.monotonic() - t0) * 1000)
            settled.append(tab.eval("kgViz.stabilizedAt"))
            layout.append(tab.eval("kgViz.layoutMs"))
            counts = tab.eval("kgViz.counts()")
            errors = tab.console_errors()
            requests = tab.requests()
            if shot and k == 0:
                tab.screenshot(shot)
    return {"settled_ms": statistics.median(settled), "layout_ms": statistics.median(layout),
            "wall_ms": round(statistics.median(wall)), "runs": settled, "nodes": counts["nodes"],
            "edges": counts["relations"], "co_mentions": counts["coMentions"], "console_errors": errors,
            "other_requests": [r for r in requests if r != page.as_uri()]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not find_chromium():
        print("no chromium binary (apt-get install chromium)", file=sys.stderr)
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-viz-"))
    out.mkdir(parents=True, exist_ok=True)
    cases = []
    sources = [("samples", REPO / "samples")]
    if args.corpus.is_dir():
        sources.append(("corpus", args.corpus))
    for name, folder in sources:
        graph_dir = out / f"{name}-kg"
        if not graph_dir.exists():
            kg.build([folder], graph_dir)
        cases.append((name, lambda g=graph_dir: kg.open(g), {}))
    synthetic = synthetic_graph(args.nodes)
    cases.append((f"synthetic-{args.nodes}-capped", lambda: synthetic, {}))
    cases.append((f"synthetic-{args.nodes}", lambda: synthetic, {"max_nodes": args.nodes}))

    results = []
    for name, source, options in cases:
        page = out / f"{name}.html"
        graph = source()
        t0 = time.monotonic()
        shown = viz.render(graph, page, **options)
        write_ms = round((time.monotonic() - t0) * 1000)
        if hasattr(graph, "close"):
            graph.close()
        browser = measure(page, args.repeat, out / f"{name}.png")
        results.append({"case": name, "html_bytes": shown["bytes"], "write_ms": write_ms,
                        "left_out": shown["left_out"], "page": str(page), "screenshot": str(out / f"{name}.png"),
                        **browser})
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    print(f"{'case':<26}{'nodes':>6}{'edges':>7}{'co':>6}{'left out':>9}{'HTML KB':>9}{'write s':>9}"
          f"{'settled s':>11}{'(layout s)':>11}  errors")
    for r in results:
        print(f"{r['case']:<26}{r['nodes']:>6}{r['edges']:>7}{r['co_mentions']:>6}{r['left_out']:>9}"
              f"{r['html_bytes'] / 1024:>9,.0f}{r['write_ms'] / 1000:>9.2f}{r['settled_ms'] / 1000:>11.2f}"
              f"{r['layout_ms'] / 1000:>11.2f}  {len(r['console_errors']) + len(r['other_requests'])}")
    print(f"pages and screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
