"""`kg viz`: a self-contained page, checked as data and in a real headless Chromium.

The browser tests need Debian's chromium (.ci/run installs it: apt-get install -y
chromium); they skip when no chromium binary is found. The browser runs with its
network cut off (tests/chromium.py), so a page that needed anything from outside
would show it as errors or missing nodes.
"""
from __future__ import annotations

import io
import json
import re
import shutil

import pytest
from helpers import SAMPLES, Chromium, find_chromium, run_kg

import kg
from kg import analytics as ka
from kg import viz

PAYLOAD_POLICY = "关于<img src=x onerror=window.__xss=1>推进测试工作的指导意见"
XSS_ISSUE = f"""XSS 测试简报 <script>window.__xss=2</script>

2024 年第 1 期

2024 年 1 月 5 日

■ 工信部印发《{PAYLOAD_POLICY}》

1 月 5 日，工业和信息化部印发《{PAYLOAD_POLICY}》，要求各地加快推进。

北京<script>window.__xss=3</script>科技有限公司总部位于北京市海淀区，该公司董事长张<b>伟</b>表示将积极参与。

红杉中国领投北京<img src=x onerror=window.__xss=4>智能科技有限公司 A 轮融资。<!-- </script> -->
"""

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="no chromium binary (apt-get install chromium)")


@pytest.fixture(scope="module")
def samples_page(samples_graph, tmp_path_factory):
    out, _ = samples_graph
    page = tmp_path_factory.mktemp("viz") / "network.html"
    with kg.open(out) as graph:
        shown = viz.render(graph, page)
    return page, shown


@pytest.fixture(scope="module")
def xss_graph(tmp_path_factory):
    """The samples plus an issue whose names and sentences carry HTML and script."""
    issues = tmp_path_factory.mktemp("xss") / "issues"
    shutil.copytree(SAMPLES, issues)
    (issues / "xss_2024_01.txt").write_text(XSS_ISSUE, encoding="utf-8")
    out = issues.parent / "kg-data"
    kg.build([issues], out)
    return out


def page_data(path) -> dict:
    text = path.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/json" id="kg-data"[^>]*>(.*?)</script>', text, re.DOTALL).group(1)
    return json.loads(block)


# -- the file ---------------------------------------------------------------------------------

def test_page_is_self_contained(samples_page):
    page, shown = samples_page
    text = page.read_text(encoding="utf-8")
    assert viz.remote_references(text) == []
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?(https?:)?//", text, re.IGNORECASE)
    assert "@import" not in text
    assert "vis-network" in text and "new vis.Network" in text  # the library is inlined, not linked
    assert len(re.findall(r"^<script", text, re.MULTILINE)) == 3  # data, vis-network, the page's own script
    assert shown["bytes"] == page.stat().st_size < 2_000_000


def test_remote_reference_check_finds_loads_not_mentions():
    assert viz.remote_references('<script src="https://cdn.example/vis.js"></script>')
    assert viz.remote_references("<link rel=stylesheet href=//cdn.example/x.css>")
    assert viz.remote_references("a { background: url('http://x.example/a.png') }")
    assert viz.remote_references('@import "https://x.example/a.css";')
    assert not viz.remote_references("/* see https://visjs.github.io/vis-network/ */ var a = 'http://almende.com';")
    assert not viz.remote_references('<link rel="icon" href="data:,">')


def test_json_in_the_page_cannot_end_its_script():
    nasty = {"s": "</script><script>alert(1)</script><!-- \u2028 & {{DATA}}"}
    text = viz.script_json(nasty)
    assert "</" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == nasty


def test_view_shows_the_analytics_graph(samples_graph, samples_page):
    out, _ = samples_graph
    page, shown = samples_page
    data = page_data(page)
    with kg.open(out) as graph:
        G = ka.to_networkx(graph, co_mentions=True)
    stated = [d for *_, d in G.edges(data=True) if d["relation"] != ka.CO_MENTION]
    assert len(data["nodes"]) == G.number_of_nodes() == shown["nodes"]
    assert sum(e["rel"] != ka.CO_MENTION for e in data["edges"]) == len(stated) == shown["edges"]
    assert {n["label"] for n in data["nodes"]} == {d["label"] for _, d in G.nodes(data=True)}
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    posts = [e for e in data["edges"] if e["rel"] == "holdsPosition"]
    assert any(e.get("title") for e in posts) and all(e["ev"] for e in posts)
    assert any(e.get("round") for e in data["edges"] if e["rel"] == "investedIn")
    ministry = next(n for n in data["nodes"] if n["label"] == "工业和信息化部")
    assert "工信部" in ministry["aliases"] and len(ministry["issues"]) == 3
    assert all(len(s) == 2 and 0 <= s[0] < len(data["issues"]) for s in data["sentences"])
    sizes = {labels[n["id"]]: n["size"] for n in data["nodes"]}
    assert sizes["北京市"] == max(sizes.values())  # size follows PageRank
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert data["meta"]["left_out"] == 0


def test_filters_focus_and_node_cap(samples_graph, tmp_path):
    out, _ = samples_graph
    with kg.open(out) as graph:
        typed = viz.view(graph, types=["Organization", "Policy"], since="2022-01-01", min_mentions=2)
        ego = viz.view(graph, focus="工信部", hops=1)
        capped = viz.view(graph, max_nodes=40)
        with pytest.raises(ka.EntityNotFound):
            viz.view(graph, focus="不存在的机构")
    assert {n["type"] for n in typed["nodes"]} <= {"Organization", "Policy"}
    assert all(n["mentions"] >= 2 for n in typed["nodes"])
    assert [i["id"] for i in typed["issues"]] == ["institute_digest_2022_05", "kjrb_special_2023"]
    assert ego["meta"]["focus"] == "工业和信息化部"
    center = next(n["id"] for n in ego["nodes"] if n["label"] == "工业和信息化部")
    assert all(e["from"] == center or e["to"] == center for e in ego["edges"] if e["rel"] != ka.CO_MENTION) \
        or len(ego["nodes"]) > 1
    assert 1 < len(ego["nodes"]) < 60
    assert len(capped["nodes"]) == 40 and capped["meta"]["left_out"] == capped["meta"]["total_nodes"] - 40
    ranks = sorted((n["pr"] for n in capped["nodes"]), reverse=True)
    assert "北京市" in {n["label"] for n in capped["nodes"]} and ranks[0] > ranks[-1]


@pytest.mark.e2e
def test_kg_viz_command(samples_graph, tmp_path):
    out, _ = samples_graph
    target = tmp_path / "ministry.html"
    result = run_kg("viz", out, "--focus", "工业和信息化部", "--hops", "2", "-o", target)
    assert result.returncode == 0, result.stderr
    assert target.is_file() and f"file://{target}" in result.stdout
    data = page_data(target)
    assert data["meta"]["focus"] == "工业和信息化部" and data["meta"]["hops"] == 2
    typed = run_kg("viz", out, "--types", "Organization,Policy", "--since", "2021-06-01", "--min-mentions", "2",
                   "-o", tmp_path / "t.html")
    assert typed.returncode == 0, typed.stderr
    for args, message in ((["--focus", "不存在的机构"], "no entity named"), (["--types", "Company"], "unknown type"),
                          (["--issue", "nope"], "no issue nope")):
        bad = run_kg("viz", out, *args, "-o", tmp_path / "bad.html")
        assert bad.returncode == 2 and bad.stderr.startswith("kg: error: " + message), bad.stderr
        assert "Traceback" not in bad.stderr
    assert not (tmp_path / "bad.html").exists()


def test_xss_text_reaches_the_page_only_as_data(xss_graph, tmp_path):
    page = tmp_path / "xss.html"
    with kg.open(xss_graph) as graph:
        viz.render(graph, page)
    text = page.read_text(encoding="utf-8")
    data_block = text.split('id="kg-data"', 1)[1].split(">", 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block  # no tag, no comment, no early end of the script element
    data = page_data(page)
    assert PAYLOAD_POLICY in {n["label"] for n in data["nodes"]}
    assert any("<script>" in s for _, s in data["sentences"])
    assert "<img src=x" not in text and "<script>window.__xss" not in text


# -- in the browser ---------------------------------------------------------------------------

def _not_blank(png: bytes) -> tuple[float, int]:
    import numpy as np
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    network = np.asarray(image.crop((380, 140, width, height)))  # right of the side panel, below the header
    pixels = network[::3, ::3].reshape(-1, 3)
    return float(pixels.mean(axis=1).std()), len(np.unique(pixels, axis=0))


@pytest.mark.browser
@needs_chromium
def test_samples_page_in_headless_chromium(samples_page, tmp_path):
    page_path, shown = samples_page
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        counts = page.eval("kgViz.counts()")
        stabilized_ms = page.eval("kgViz.stabilizedAt")
        png = page.screenshot(tmp_path / "samples.png")
        found = page.eval("(function () { var id = kgViz.search('工信部'); return kgViz.data.nodes[id].label; })()")
        panel = page.eval("document.getElementById('kg-panel').textContent")
        regions = sum(1 for n in page_data(page_path)["nodes"] if n["type"] == "Region")
        page.eval("kgViz.setType('Region', false)")
        without_regions = page.eval("kgViz.counts()")
        page.eval("kgViz.setType('Region', true); kgViz.setCoMentions(true)")
        with_co = page.eval("kgViz.counts()")
        errors, requests = page.console_errors(), page.requests()
    assert errors == []
    assert requests == [page_path.as_uri()]  # the page itself, nothing else
    assert counts["nodes"] == shown["nodes"] and counts["edges"] == shown["edges"] + shown["co_mentions"]
    assert counts["visibleEdges"] == shown["edges"]  # co-mention links hidden until toggled
    assert 0 < stabilized_ms < 30_000
    spread, colours = _not_blank(png)
    assert spread > 5 and colours > 20, (spread, colours)
    assert found == "工业和信息化部" and "工信部" in panel and "关系 relations" in panel
    assert without_regions["visibleNodes"] == shown["nodes"] - regions
    assert with_co["visibleEdges"] == shown["edges"] + shown["co_mentions"]


@pytest.mark.browser
@needs_chromium
def test_xss_sample_runs_nothing_in_chromium(xss_graph, tmp_path):
    page_path = tmp_path / "xss.html"
    with kg.open(xss_graph) as graph:
        viz.render(graph, page_path)
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        # hover and open every entity and every link: all the places document text is shown
        page.eval("""(function () {
            kgViz.setCoMentions(true);
            kgViz.data.nodes.forEach(function (n) { kgViz.hover(n.id); kgViz.showNode(n.id); });
            kgViz.data.edges.forEach(function (e, k) { kgViz.hoverEdge(k); kgViz.showEdge(k); });
        })()""")
        page.eval(f"kgViz.search({json.dumps(PAYLOAD_POLICY)})")
        browser.pump(0.5)
        executed = page.eval("typeof window.__xss")
        panel = page.eval("document.getElementById('kg-panel').textContent")
        injected = page.eval("document.querySelectorAll('#kg-panel *:not(h2):not(h3):not(p):not(ul):not(li)"
                             ":not(div):not(span):not(button), #kg-tip img, #kg-tip script, #kg-tip b').length")
        scripts = page.eval("document.scripts.length")
        errors, requests = page.console_errors(), page.requests()
    assert executed == "undefined"
    assert PAYLOAD_POLICY in panel  # shown as text
    assert injected == 0 and scripts == 3
    assert errors == [] and requests == [page_path.as_uri()]  # no <img src=x> was ever fetched


@pytest.mark.e2e
@pytest.mark.parametrize("command", ["viz", "path"])
def test_new_commands_have_help(command):
    result = run_kg(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout
