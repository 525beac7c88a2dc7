"""`kg viz`: a self-contained page, checked as data and in a real headless Chromium.

The browser tests need Debian's chromium (.ci/run installs it: apt-get install -y
chromium); they skip when no chromium binary is found. The browser runs with its
network cut off (tests/chromium.py), so a page that needed anything from outside
would show it as errors or missing nodes.
"""
from __future__ import annotations

import base64
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from helpers import SAMPLES, Chromium, find_chromium, needs_corpus, run_kg

import kg
from kg import analytics as ka
from kg import viz, vocab

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
    # communities as `kg stats` finds them; entities in none have no stated relation
    groups = ka.communities(G)
    by_iri = {n["iri"]: n for n in data["nodes"]}
    assert [c["size"] for c in data["communities"]] == [len(g) for g in groups]
    assert all(by_iri[iri]["c"] == k for k, g in enumerate(groups) for iri in g)
    linked = {n for n, d in ka.simple_graph(G).degree if d}
    assert {n["iri"] for n in data["nodes"] if n.get("u")} == set(G) - linked == {n["iri"] for n in data["nodes"] if n["c"] < 0}
    assert data["meta"]["unconnected"] == shown["unconnected"] == len(set(G) - linked) > 0
    assert data["communities"][0]["names"][0] == "北京市"  # named by its most central entities
    # the time slider: one step per issue date, an entity known from its first issue
    assert data["dates"] == sorted({i["date"] for i in data["issues"] if i["date"]})
    assert all(n["t"] == min(data["issues"][k]["step"] for k in n["issues"]) for n in data["nodes"])
    assert all(e["t"] >= max(data["nodes"][e["from"]]["t"], data["nodes"][e["to"]]["t"]) for e in data["edges"])


def test_layout_puts_communities_apart_and_is_seeded(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        first, again = viz.view(graph), viz.view(graph)
    assert [(n["x"], n["y"]) for n in first["nodes"]] == [(n["x"], n["y"]) for n in again["nodes"]]
    disks = []
    for c in first["communities"]:
        xy = [(n["x"], n["y"]) for n in first["nodes"] if n["c"] == c["id"]]
        cx, cy = sum(x for x, _ in xy) / len(xy), sum(y for _, y in xy) / len(xy)
        disks.append((cx, cy, max(((x - cx) ** 2 + (y - cy) ** 2) ** 0.5 for x, y in xy)))
    for i, (ax, ay, ar) in enumerate(disks):
        for bx, by, br in disks[i + 1:]:
            assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 > ar + br  # no two groups overlap
    linked_bottom = max(n["y"] for n in first["nodes"] if not n.get("u"))
    assert all(n["y"] > linked_bottom for n in first["nodes"] if n.get("u"))  # the unconnected in rows below


def test_disk_packing_removes_overlaps():
    import numpy as np

    centres = np.zeros((12, 2)) + np.arange(12)[:, None] * 0.01
    radii = np.linspace(10, 60, 12)
    packed = viz.pack_disks(centres, radii, gap=5)
    for i in range(12):
        for j in range(i + 1, 12):
            assert np.hypot(*(packed[i] - packed[j])) >= radii[i] + radii[j] + 4


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
        nodes = page_data(page_path)["nodes"]
        regions = sum(1 for n in nodes if n["type"] == "Region" and not n.get("u"))
        page.eval("kgViz.setType('Region', false)")
        without_regions = page.eval("kgViz.counts()")
        page.eval("kgViz.setType('Region', true); kgViz.setUnconnected(true)")
        everything = page.eval("kgViz.counts()")
        page.eval("kgViz.setCoMentions(true)")
        with_co = page.eval("kgViz.counts()")
        page.eval("kgViz.setCoMentions(false); kgViz.setRelation('locatedIn', false)")
        without_located = page.eval("kgViz.counts()")
        errors, requests = page.console_errors(), page.requests()
    assert errors == []
    assert requests == [page_path.as_uri()]  # the page itself, nothing else
    assert counts["nodes"] == shown["nodes"] and counts["edges"] == shown["edges"] + shown["co_mentions"]
    # the entities with no stated relation are listed, not drawn, until asked for
    assert counts["visibleNodes"] == shown["nodes"] - shown["unconnected"] and everything["visibleNodes"] == shown["nodes"]
    assert counts["visibleEdges"] == shown["edges"]  # co-mention links hidden until toggled
    assert 0 < stabilized_ms < 30_000
    spread, colours = _not_blank(png)
    assert spread > 5 and colours > 20, (spread, colours)
    assert found == "工业和信息化部" and "工信部" in panel and "关系 relations" in panel and "reported 20" in panel
    assert without_regions["visibleNodes"] == counts["visibleNodes"] - regions
    assert with_co["visibleEdges"] == shown["edges"] + shown["co_mentions"]
    located = sum(1 for e in page_data(page_path)["edges"] if e["rel"] == "locatedIn")
    assert without_located["visibleEdges"] == shown["edges"] - located > 0


def _word_in_a_sentence_only(data: dict) -> tuple[str, set[int]]:
    """Four characters of an evidence sentence that no entity's name holds, and the
    sentences (indices) that hold them."""
    names = [n["label"] for n in data["nodes"]] + [a for n in data["nodes"] for a in n["aliases"]]
    evidence = {s for e in data["edges"] if e["rel"] != "coMentionedWith" for s in e["ev"]}
    for s in sorted(evidence):
        text = data["sentences"][s][1]
        for i in range(len(text) - 4):
            word = text[i:i + 4]
            if re.fullmatch(r"[\u4e00-\u9fff]{4}", word) and not any(word in name for name in names):
                return word, {t for t in evidence if word in data["sentences"][t][1]}
    raise AssertionError("no word found only in sentences")


@pytest.mark.browser
@needs_chromium
def test_search_falls_back_to_the_evidence_sentences(samples_page):
    page_path, _ = samples_page
    data = page_data(page_path)
    word, holding = _word_in_a_sentence_only(data)
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        found = page.eval(f"kgViz.search({json.dumps(word)})")
        message = page.eval("document.getElementById('kg-search-message').textContent")
        marks = page.eval("Array.prototype.map.call(document.querySelectorAll('#kg-panel mark'), function (m) { return m.textContent; })")
        shown = page.eval("document.querySelectorAll('#kg-panel .kg-evidence').length")
        view = page.eval("kgViz.view()")
        nothing = page.eval("kgViz.search('这串字不在任何句子里')")
        nothing_message = page.eval("document.getElementById('kg-search-message').textContent")
        errors = page.console_errors()
    assert errors == []
    assert found is None and f"{len(holding)} evidence sentence(s) hold it" in message
    assert shown == len(holding) and marks and set(marks) == {word}
    assert view["q"] == word  # the search is in the address too
    assert nothing is None and "no entity matches" in nothing_message


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
        panel = page.eval("document.getElementById('kg-panel').textContent")
        # the new panels: the unconnected list, the communities, the time slider, the issue filter,
        # the community mode, and the SVG written from the view
        listed = page.eval("kgViz.fillUnconnected()")
        page.eval("""(function () {
            kgViz.setUnconnected(true); kgViz.setColor('community');
            kgViz.steps().forEach(function (d, k) { kgViz.setStep(k); });
            kgViz.data.issues.forEach(function (i) { kgViz.setIssue(i.id); });
            kgViz.setIssue(null); kgViz.fit(false);
            document.querySelectorAll('#kg-communities button').forEach(function (b) { b.click(); });
        })()""")
        browser.pump(1.0)  # the zoom to the last community clicked is animated
        page.eval("kgViz.fit(false)")
        browser.pump(0.3)
        svg = page.eval("kgViz.exportSVG()")
        page.eval("kgViz.exportPNG()")
        side = page.eval("document.getElementById('kg-side').textContent")
        executed = page.eval("typeof window.__xss")
        injected = page.eval("document.querySelectorAll('#kg-panel *:not(h2):not(h3):not(p):not(ul):not(li)"
                             ":not(div):not(span):not(button), #kg-tip img, #kg-tip script, #kg-tip b, "
                             "body img, body b, body iframe, main script, aside script').length")
        scripts = page.eval("document.scripts.length")
        errors, requests = page.console_errors(), page.requests()
    assert executed == "undefined"
    assert PAYLOAD_POLICY in panel  # shown as text
    assert listed > 0 and "xss_2024_01" in side  # the new panels list the issue and its entities
    assert injected == 0 and scripts == 3
    assert errors == [] and requests == [page_path.as_uri()]  # no <img src=x> was ever fetched
    root = ET.fromstring(svg)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert tags <= {"svg", "title", "rect", "g", "line", "path", "polygon", "circle", "text"}, tags
    assert any(PAYLOAD_POLICY in (t.text or "") for t in root.iter() if t.tag.endswith("title"))


@pytest.mark.e2e
@pytest.mark.parametrize("command", ["viz", "path"])
def test_new_commands_have_help(command):
    result = run_kg(command, "--help")
    assert result.returncode == 0 and "Usage:" in result.stdout


@pytest.mark.browser
@needs_chromium
def test_markup_in_names_and_titles_stays_text_in_every_new_panel(samples_graph, tmp_path):
    """Markup planted where the new panels show document text: a community's name in the
    legend, an entity in the unconnected list, an issue's title in the time slider and the
    issue filter, the names in the SVG export."""
    out, _ = samples_graph
    with kg.open(out) as graph:
        G = ka.to_networkx(graph, co_mentions=True)
    hub = ka.communities(G)[0][0]
    lonely = next(n for n in ka.importance(G) if ka.simple_graph(G).degree(n) == 0)
    dated = next(i for i, d in G.graph["issues"].items() if d.get("date"))
    planted = {"hub": "<img src=x onerror=window.__xss=11>中心", "lonely": "<script>window.__xss=12</script>孤立",
               "title": "<b onmouseover=window.__xss=13>简报</b>"}
    G.nodes[hub]["label"], G.nodes[lonely]["label"] = planted["hub"], planted["lonely"]
    G.graph["issues"][dated]["title"] = planted["title"]
    page_path = tmp_path / "planted.html"
    viz.render(G, page_path)
    assert "<img src=x" not in page_path.read_text(encoding="utf-8")
    with Chromium() as browser:
        page = browser.open(page_path.as_uri() + "#color=community&date=" + G.graph["issues"][dated]["date"])
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        page.eval("kgViz.fillUnconnected(); kgViz.setUnconnected(true); kgViz.fit(false)")
        page.eval(f"kgViz.search({json.dumps(planted['lonely'])})")
        browser.pump(0.5)
        side = page.eval("document.getElementById('kg-side').textContent")
        panel = page.eval("document.getElementById('kg-panel').textContent")
        page.eval("kgViz.setStep(kgViz.steps().length - 1); kgViz.fit(false)")
        browser.pump(0.5)
        svg = page.eval("kgViz.exportSVG()")
        elements = page.eval("document.querySelectorAll('body img, body b, body iframe, main script, aside script').length")
        executed = page.eval("typeof window.__xss")
        errors, requests = page.console_errors(), page.requests()
    assert executed == "undefined" and elements == 0
    assert planted["hub"] in side and planted["lonely"] in side and planted["title"] in side
    assert planted["lonely"] in panel
    root = ET.fromstring(svg)
    assert {el.tag.rsplit("}", 1)[-1] for el in root.iter()} <= {"svg", "title", "rect", "g", "line", "path", "polygon",
                                                                 "circle", "text"}
    assert planted["hub"] in "".join(t.text or "" for t in root.iter())
    assert errors == [] and len(requests) == 1


# -- the time slider, the address, the export ---------------------------------------------------

KNOWN_ENTITIES = """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?issue a kg:Issue ; dcterms:issued ?d . ?m kg:mentionOf ?e }
  FILTER (?d <= "%s"^^xsd:date)
}"""
# a statement is known from the issue of its evidence sentence (those of names found again live in a graph
# of their own, kgid:recurring, with the sentences of the issues that state them)
KNOWN_STATEMENTS = """SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {
  ?st a kg:Statement ; kg:evidence ?sentence .
  GRAPH ?g { ?sentence kg:inIssue ?issue . ?issue dcterms:issued ?d }
  FILTER (?d <= "%s"^^xsd:date)
}"""
# the region hierarchy: a link is known once an issue of that date has it and both regions are named
KNOWN_WITHIN = """SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE {
  GRAPH ?g { ?issue a kg:Issue ; dcterms:issued ?d . ?a kg:within ?b }
  FILTER (?d <= "%s"^^xsd:date)
  FILTER EXISTS { GRAPH ?g1 { ?i1 dcterms:issued ?d1 . ?m1 kg:mentionOf ?a } FILTER (?d1 <= "%s"^^xsd:date) }
  FILTER EXISTS { GRAPH ?g2 { ?i2 dcterms:issued ?d2 . ?m2 kg:mentionOf ?b } FILTER (?d2 <= "%s"^^xsd:date) }
} }"""


IN_ISSUE = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH <%s> { ?m kg:mentionOf ?e } }"


def _count(graph, query: str) -> int:
    return int(next(iter(graph.select(query)))["n"])


@pytest.mark.browser
@needs_chromium
def test_time_slider_shows_what_sparql_says_was_known(samples_graph, samples_page):
    out, _ = samples_graph
    page_path, shown = samples_page
    with kg.open(out) as graph:
        dates = sorted({i["date"] for i in graph.manifest["issues"].values() if i.get("date")})
        expected = {d: (_count(graph, KNOWN_ENTITIES % d),
                        _count(graph, KNOWN_STATEMENTS % d) + _count(graph, KNOWN_WITHIN % (d, d, d)))
                    for d in dates}
        issue_counts = {i: _count(graph, IN_ISSUE % vocab.issue_graph_iri(i)) for i in graph.manifest["issues"]}
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        steps = page.eval("kgViz.steps()")
        page.eval("kgViz.setUnconnected(true)")  # every entity known on the canvas
        seen = {}
        for date in dates:
            page.eval(f"kgViz.setDate({json.dumps(date)})")
            counts = page.eval("kgViz.counts()")
            seen[date] = (counts["visibleNodes"], counts["visibleEdges"], counts["knownNodes"], counts["date"],
                          page.eval("location.hash"), page.eval("document.getElementById('kg-time-label').textContent"))
        page.eval("kgViz.setStep(kgViz.steps().length - 1)")
        final = page.eval("kgViz.counts()")
        by_issue = {}
        for issue in issue_counts:
            page.eval(f"kgViz.setIssue({json.dumps(issue)})")
            by_issue[issue] = page.eval("kgViz.counts()")["knownNodes"]
        page.eval("kgViz.setIssue(null)")
        page.eval("kgViz.setStep(0); kgViz.play()")
        browser.pump(2.0)
        played = page.eval("kgViz.view().step")
        page.eval("kgViz.stop()")
        errors = page.console_errors()
    assert steps == dates + ["all"] and len(dates) >= 3
    for date in dates:
        nodes, edges, known, at, hash_, label = seen[date]
        assert (nodes, edges) == expected[date], date
        assert known == nodes and at == date and f"date={date}" in hash_ and "new in this issue" in label
    assert [seen[d][0] for d in dates] == sorted(seen[d][0] for d in dates)  # the graph grows with time
    assert final["visibleNodes"] == shown["nodes"] and final["visibleEdges"] == shown["edges"]
    assert played >= 1  # play moves the slider on
    assert by_issue == issue_counts  # the issue filter: the entities each issue names
    assert errors == []


@pytest.mark.browser
@needs_chromium
def test_view_round_trips_through_the_address(samples_page):
    page_path, _ = samples_page
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        page.eval("""(function () {
            kgViz.setColor('community'); kgViz.setDate(kgViz.steps()[1]); kgViz.setType('Report', false);
            kgViz.setRelation('within', false); kgViz.setCoMentions(true); kgViz.search('工信部');
        })()""")
        before, counts, url = page.eval("kgViz.view()"), page.eval("kgViz.counts()"), page.eval("location.href")
        page.eval("kgViz.setIssue(kgViz.data.issues[1].id)")
        with_issue, issue_url = page.eval("kgViz.view()"), page.eval("location.href")
        errors = page.console_errors()
    with Chromium() as browser:
        page = browser.open(url)
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        after, counts_after = page.eval("kgViz.view()"), page.eval("kgViz.counts()")
        panel = page.eval("document.getElementById('kg-panel').textContent")
        selected = page.eval("kgViz.network.getSelectedNodes().map(function (id) { return kgViz.data.nodes[id].label; })")
        radio = page.eval("document.querySelector('input[name=kg-color]:checked').value")
        page2 = browser.open(issue_url)
        page2.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        after_issue = page2.eval("kgViz.view()")
        errors += page.console_errors() + page2.console_errors()
    assert url.startswith(page_path.as_uri() + "#") and "color=community" in url and "focus=" in url
    assert before == after and counts == counts_after
    assert before["color"] == "community" and before["hide"] == ["Report"] and before["hiderel"] == ["within"]
    assert before["co"] is True and before["focus"] == "工业和信息化部" and before["date"]
    assert selected == ["工业和信息化部"] and "工信部" in panel and radio == "community"
    assert with_issue == after_issue and after_issue["issue"]
    assert errors == []


@pytest.mark.browser
@needs_chromium
def test_view_exports_as_png_and_svg(samples_page, tmp_path):
    from PIL import Image

    page_path, _ = samples_page
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        png_url = page.eval("kgViz.exportPNG()")
        svg = page.eval("kgViz.exportSVG()")
        names = page.eval("kgViz.labelBoxes().map(function (b) { return b.label; })")
        size = page.eval("[document.getElementById('kg-network').clientWidth, document.getElementById('kg-network').clientHeight]")
        page.eval("document.getElementById('kg-png').click(); document.getElementById('kg-svg').click()")
        errors = page.console_errors()
    assert png_url.startswith("data:image/png;base64,")
    png = base64.b64decode(png_url.split(",", 1)[1])
    image = Image.open(io.BytesIO(png))
    assert image.size == tuple(size)
    (tmp_path / "view.png").write_bytes(png)
    import numpy as np

    pixels = np.asarray(image.convert("RGB"))[::3, ::3].reshape(-1, 3)
    assert len(np.unique(pixels, axis=0)) > 20
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == ns + "svg" and root.get("width") == str(size[0])
    shapes = root.findall(f".//{ns}circle") + root.findall(f".//{ns}polygon")
    lines = root.findall(f".//{ns}line") + root.findall(f".//{ns}path")
    texts = [t.text for t in root.findall(f".//{ns}text")]
    assert len(shapes) > 50 and len(lines) > 50 and texts == names and len(texts) >= 20
    assert errors == []


@pytest.mark.browser
@needs_chromium
@needs_corpus
def test_corpus_first_screen_names_the_central_entities(corpus_graph, tmp_path):
    page_path = tmp_path / "corpus.html"
    with kg.open(corpus_graph) as graph:
        shown = viz.render(graph, page_path)
    data = page_data(page_path)
    with Chromium() as browser:
        page = browser.open(page_path.as_uri())
        page.wait_for("window.kgViz && window.kgViz.stabilized", timeout=60)
        boxes = page.eval("kgViz.labelBoxes()")
        counts = page.eval("kgViz.counts()")
        width = page.eval("document.getElementById('kg-network').clientWidth")
        errors = page.console_errors()
    linked = sorted((n for n in data["nodes"] if not n.get("u")), key=lambda n: (-n["pr"], -n["mentions"], n["id"]))
    named = {b["id"] for b in boxes}
    assert all(n["id"] in named for n in linked[:20]), [n["label"] for n in linked[:20] if n["id"] not in named]
    for i, a in enumerate(boxes):
        assert a["x"] >= 0 and a["x"] + a["w"] <= width
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                        and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)
    assert shown["unconnected"] > 0 and counts["visibleNodes"] == shown["nodes"] - shown["unconnected"]
    assert errors == []
