"""Full-text search: the index the build writes, `kg search`, and /search on the query server."""
from __future__ import annotations

import http.client
import json
import shutil
import sqlite3
from urllib.parse import urlencode, urlsplit

import pytest
from helpers import SAMPLES, run_kg, serving

import kg
from kg import search, textindex
from kg.errors import QueryError

pytestmark = pytest.mark.skipif(not textindex.fts5_trigram_available(),
                                reason="this Python's SQLite has no FTS5 trigram tokenizer")


def _sentences(hits):
    return [h for h in hits if h.kind == "sentence"]


def _assert_marked(hit, word):
    """Every span is the word (case aside), and the marked text puts 【】 around each."""
    assert hit.spans, hit
    for start, end in hit.spans:
        assert hit.text[start:end].lower() == word.lower()
    assert f"【{hit.text[hit.spans[0][0]:hit.spans[0][1]]}】" in hit.marked
    assert hit.marked.replace("【", "").replace("】", "") == hit.text.replace("【", "").replace("】", "")


def test_the_build_writes_the_index_in_the_graph_folder(samples_graph):
    out, _ = samples_graph
    assert (out / textindex.INDEX).is_file()
    conn = sqlite3.connect(out / textindex.INDEX)
    issues = {row[0] for row in conn.execute("SELECT issue FROM issues")}
    sentences = conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
    conn.close()
    with kg.open(out) as graph:
        assert issues == set(graph.issue_ids())
        assert sentences == sum(m["sentences"] for m in graph.manifest["issues"].values())


def test_plain_words_find_a_sentence_and_mark_the_hit(samples_graph):
    out, _ = samples_graph
    hits = _sentences(search.search(out, "信息无障碍 指导意见"))
    assert hits
    best = hits[0]
    assert "信息无障碍" in best.text and "指导意见" in best.text
    assert best.issue == "changfeng_2021_27" and best.date == "2021-12-10"
    assert best.iri.startswith("https://w3id.org/cnkg/id/issue/changfeng_2021_27/sentence/")
    assert "【信息无障碍】" in best.marked and "【指导意见】" in best.marked
    assert {"type": "Policy", "label": "关于推进信息无障碍的指导意见"}.items() <= best.entities[0].items()


def test_every_word_must_occur(samples_graph):
    out, _ = samples_graph
    both = _sentences(search.search(out, "信息无障碍 指导意见", limit=50))
    one = _sentences(search.search(out, "信息无障碍", limit=50))
    assert len(one) > len(both) > 0
    assert all("指导意见" in h.text for h in both)


def test_a_two_character_word_is_found_too(samples_graph):
    """Trigrams cannot match two characters: LIKE does, and the hits are marked alike."""
    out, _ = samples_graph
    hits = _sentences(search.search(out, "芯片", limit=50))
    assert len(hits) >= 4
    for hit in hits:
        _assert_marked(hit, "芯片")
    either_case = _sentences(search.search(out, "ai"))  # ASCII letters in either case, as FTS5 does
    assert either_case and all("【AI】" in h.marked for h in either_case)
    mixed = _sentences(search.search(out, "推理 芯片设计"))
    assert mixed and all("推理" in h.text and "芯片设计" in h.text for h in mixed)
    # adjacent hits are one span: 【推理芯片设计】
    assert all(h.text[s:e].replace("推理", "").replace("芯片设计", "") == "" for h in mixed for s, e in h.spans)


def test_names_come_first_an_exact_name_before_longer_ones(samples_graph):
    out, _ = samples_graph
    hits = search.search(out, "工信部", limit=5)
    assert hits[0].kind == "entity" and hits[0].label == "工业和信息化部" and "工信部" in hits[0].aliases
    assert hits[0].type == "Organization" and len(hits[0].issues) >= 2
    kinds = [h.kind for h in hits]
    assert kinds == sorted(kinds)  # entities, then sentences
    assert search.search(out, "工信部", kinds=["sentence"])[0].kind == "sentence"


def test_hits_are_ranked(tmp_path):
    """bm25: a short sentence that says the words twice before a long one that says them once."""
    issue = tmp_path / "in" / "rank.txt"
    issue.parent.mkdir()
    issue.write_text("■ 动态\n"
                     "该园区今年新增了多家企业，涵盖软件、通信、装备制造和新材料等多个领域，全年产值继续保持增长，量子测控也在其中。\n"
                     "量子测控平台发布，量子测控团队表示将继续投入。\n", encoding="utf-8")
    out = tmp_path / "g"
    kg.build([issue], out)
    hits = _sentences(search.search(out, "量子测控"))
    assert len(hits) == 2
    assert hits[0].text.startswith("量子测控平台") and len(hits[0].spans) == 2
    assert hits[0].score > hits[1].score
    short = _sentences(search.search(out, "园区"))  # LIKE: by occurrences, then shorter first
    assert [h.text[:2] for h in short] == ["该园"]


def test_rebuilding_an_issue_keeps_the_index_in_step(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text("■ 动态\n星河量子计算研究院发布新一代测控系统。\n", encoding="utf-8")
    b.write_text("■ 动态\n远山新材料公司完成新一轮融资。\n", encoding="utf-8")
    out = tmp_path / "g"
    kg.build([folder], out)
    assert [h.issue for h in _sentences(search.search(out, "测控系统"))] == ["a"]
    a.write_text("■ 动态\n星河量子计算研究院改名为星河量子研究院。\n", encoding="utf-8")
    monkeypatch.setattr(textindex, "rebuild", lambda graph: pytest.fail("the build should keep the index in step"))
    kg.build([a], out)
    assert not _sentences(search.search(out, "测控系统"))  # the old sentence is gone
    assert [h.issue for h in _sentences(search.search(out, "改名为"))] == ["a"]
    assert [h.issue for h in _sentences(search.search(out, "新材料"))] == ["b"]  # the other issue is kept
    conn = sqlite3.connect(out / textindex.INDEX)
    assert conn.execute("SELECT count(*) FROM sentence_info WHERE issue = 'a'").fetchone()[0] == 2
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 4  # two issues of two sentences
    names = [r[0] for r in conn.execute("SELECT label FROM entities")]
    conn.close()
    assert len(names) == len(set(names))


def test_removed_issues_leave_the_index(samples_graph, tmp_path, monkeypatch):
    """`kg remove` takes the issue out of the index with the store, in the same swap."""
    out = tmp_path / "g"
    shutil.copytree(samples_graph[0], out)
    assert any(h.issue == "changfeng_2021_27" for h in _sentences(search.search(out, "芯片", limit=50)))
    assert kg.remove(out, ["changfeng_2021_27"]) == ["changfeng_2021_27"]
    monkeypatch.setattr(textindex, "rebuild", lambda graph: pytest.fail("the index should be in step"))
    hits = search.search(out, "芯片", limit=50)
    assert hits and not any(h.issue == "changfeng_2021_27" for h in hits)
    only_there = search.search(out, "信息无障碍", kinds=["entity"])  # a policy only that issue names
    assert not only_there


def test_a_graph_without_an_index_gets_one_on_the_first_search(samples_graph, tmp_path):
    """A graph built before the index existed: the first search builds it from the store,
    with the same rows as the build writes."""
    out = tmp_path / "g"
    shutil.copytree(samples_graph[0], out)
    (out / textindex.INDEX).unlink()
    hits = search.search(out, "信息无障碍")
    assert hits and (out / textindex.INDEX).is_file()

    def rows(path):
        conn = sqlite3.connect(path)
        try:
            return [sorted(conn.execute(f"SELECT {columns} FROM {table}")) for table, columns in (
                ("sentences JOIN sentence_info USING (id)", "issue, date, iri, text, entities"),
                ("entities", "iri, type, label, text, issues, first, last"),
                ("names", "issue, iri, type, label, aliases"), ("issues", "issue, date, fingerprint"))]
        finally:
            conn.close()

    assert rows(out / textindex.INDEX) == rows(samples_graph[0] / textindex.INDEX)


def test_an_index_out_of_step_with_the_graph_is_rebuilt(samples_graph, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(samples_graph[0], out)
    conn = sqlite3.connect(out / textindex.INDEX)
    conn.execute("DELETE FROM issues WHERE issue = 'kjrb_special_2023'")
    conn.commit()
    conn.close()
    assert any(h.issue == "kjrb_special_2023" for h in _sentences(search.search(out, "北京", limit=100)))


def test_a_damaged_index_is_rebuilt(samples_graph, tmp_path):
    out = tmp_path / "g"
    shutil.copytree(samples_graph[0], out)
    (out / textindex.INDEX).write_bytes(b"not a database at all" * 100)
    assert _sentences(search.search(out, "信息无障碍"))


@pytest.mark.parametrize("query", ['"unterminated', "NEAR(量子测控", "量子 AND", "(芯片"])
def test_bad_fts_syntax_is_one_query_error(samples_graph, query):
    with pytest.raises(QueryError) as error:
        search.search(samples_graph[0], query)
    assert "\n" not in str(error.value) and "search query" in str(error.value)


def test_fts_syntax_is_passed_on(samples_graph):
    out, _ = samples_graph
    either = _sentences(search.search(out, '"信息无障碍" OR "推理芯片"', limit=50))
    assert {"信息无障碍" in h.text for h in either} == {True, False}
    assert all("信息无障碍" in h.text or "推理芯片" in h.text for h in either)


def test_characters_the_query_syntax_uses_are_plain_in_plain_words(samples_graph):
    assert search.search(samples_graph[0], "2021-2023 年") is not None  # '-' would be an FTS5 error
    assert search.parse_query("Ａ股 ２０２１").words == ("A股", "2021")  # full width, as the build normalizes


def test_empty_query_and_bad_limits(samples_graph):
    with pytest.raises(QueryError):
        search.search(samples_graph[0], "   ")
    with pytest.raises(kg.InputError):
        search.search(samples_graph[0], "芯片", limit=0)
    with pytest.raises(kg.GraphError):
        search.search(samples_graph[0].parent / "nothing-here", "芯片")


# -- the command -------------------------------------------------------------------------------


@pytest.mark.e2e
def test_kg_search_prints_a_ranked_table(samples_graph):
    out, _ = samples_graph
    result = run_kg("search", out, "信息无障碍", "--limit", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("names") and "关于推进【信息无障碍】的指导意见" in lines[1]
    sentence_lines = [line for line in lines if line.startswith("  changfeng_2021_27")]
    assert sentence_lines and all("2021-12-10" in line and "【信息无障碍】" in line for line in sentence_lines)
    data = json.loads(run_kg("search", out, "芯片", "--format", "json", "--kind", "sentence").stdout)
    assert data["hits"] and all(h["kind"] == "sentence" and "【芯片】" in h["marked"] for h in data["hits"])
    assert all(h["text"][s:e] == "芯片" for h in data["hits"] for s, e in h["spans"])


@pytest.mark.e2e
def test_kg_search_bad_query_is_one_line_and_exit_2(samples_graph):
    result = run_kg("search", samples_graph[0], '"unterminated')
    assert result.returncode == 2
    assert result.stderr.startswith("kg: error: bad search query") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


# -- over HTTP ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(samples_graph):
    with serving(samples_graph[0], workers=1) as running:
        yield running.url


def _get(url, path):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type"), response.read().decode("utf-8")
    finally:
        conn.close()


@pytest.mark.e2e
def test_search_over_http(server):
    status, ctype, body = _get(server, "/search?" + urlencode({"q": "信息无障碍", "limit": 2}))
    assert status == 200 and ctype.startswith("application/json")
    data = json.loads(body)
    assert data["query"] == "信息无障碍" and data["limit"] == 2
    sentences = [h for h in data["hits"] if h["kind"] == "sentence"]
    assert len(sentences) == 2 and all("【信息无障碍】" in h["marked"] and h["issue"] for h in sentences)
    status, _, body = _get(server, "/search?" + urlencode({"q": "芯片", "kind": "sentence", "limit": 1}))
    assert status == 200 and [h["kind"] for h in json.loads(body)["hits"]] == ["sentence"]


@pytest.mark.e2e
@pytest.mark.parametrize("params, message", [
    ({"q": '"unterminated'}, "bad search query"), ({}, "missing q"), ({"q": "芯片", "limit": "x"}, "limit"),
    ({"q": "芯片", "limit": "0"}, "limit"), ({"q": "芯片", "kind": "people"}, "kind"),
])
def test_bad_searches_over_http_are_400(server, params, message):
    status, _, body = _get(server, "/search?" + urlencode(params))
    assert status == 400 and message in body and "Traceback" not in body


@pytest.mark.e2e
def test_the_query_page_has_a_search_bar(server):
    status, _, body = _get(server, "/")
    assert status == 200 and 'id="q"' in body and 'fetch("search?"' in body


def test_a_failed_index_write_fails_the_build_and_keeps_the_previous_graph(tmp_path, monkeypatch):
    """The build writes the index in a background thread: an error there must not go unnoticed."""
    out = tmp_path / "g"
    kg.build([SAMPLES / "changfeng_2021_27.txt"], out)
    before = sorted(p.name for p in out.rglob("*"))

    def full(*args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(textindex.Indexer, "_put", full)
    with pytest.raises(kg.GraphError, match="search index"):
        kg.build([SAMPLES], out)
    monkeypatch.undo()
    assert sorted(p.name for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != ".g.lock"] == ["g"]  # the writer lock stays
    assert _sentences(search.search(out, "信息无障碍"))
