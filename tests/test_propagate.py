"""Names an issue introduces in full, found again where the issue uses them short
(sentences written for these tests; the real LAC model)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import RawIssue
from kg.stages import extract, prepare


@pytest.fixture(scope="module")
def backend():
    from kg import ner

    return ner.load("lac")


def mentions(backend, text: str) -> set[tuple[str, str]]:
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    return {(m.text, m.type) for m in issue.mentions}


def test_a_company_short_name_is_found_where_the_model_cut_it(backend):
    text = ("■ 企业\n武汉华瑞光显科技有限公司发布新品。华瑞光显董事长林国栋介绍了进展。"
            "湖北丰晟磷化集团有限公司签约。丰晟磷化总经理龚建华表示满意。")
    found = mentions(backend, text)
    assert ("华瑞光显", "Organization") in found and ("丰晟磷化", "Organization") in found
    assert ("华瑞光", "Organization") not in found and ("丰晟", "Organization") not in found


def test_a_short_name_needs_the_full_name_in_the_issue(backend):
    """Without 武汉华瑞光显科技有限公司 in the issue, nothing is added: no list of names."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "■ 企业\n华瑞光显董事长林国栋介绍了进展。"))
    extract([issue], backend)
    assert not [m for m in issue.mentions if m.source == "rule:short-name"]


def test_a_person_cut_short_is_the_whole_name_the_issue_gives(backend):
    text = "■ 企业\n芯视微董事长陈思远出席。芯视微由陈思远于2019年创立。"
    found = mentions(backend, text)
    assert ("陈思远", "Person") in found and ("陈思", "Person") not in found


def test_a_bodys_full_name_is_found_again_where_the_model_missed_it():
    """The function alone, on mentions as a model might leave them: the second use of
    the name missed, a place read in its stead."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    name = "江汉省智能显示技术创新中心"
    text = f"■ 平台\n{name}在光谷揭牌。当天，省科技厅为{name}授牌。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    first, second = text.find(name), text.rfind(name)

    def sentence_of(offset):
        return max(n for n, s in enumerate(issue.sentences) if s.start <= offset)

    issue.mentions = [Mention(first, first + len(name), "Organization", name, sentence_of(first), "model"),
                      Mention(second, second + 3, "Region", "江汉省", sentence_of(second), "model")]
    propagate(issue)
    assert [(m.start, m.type) for m in issue.mentions] == [(first, "Organization"), (second, "Organization")]


def test_a_short_name_the_model_read_as_a_person_and_a_brand_before_a_seat(backend):
    text = ("■ 企业\n合肥灵犀智算科技有限公司完成融资。灵犀智算 CEO 许嘉木表示将扩大团队。"
            "途驭机器人（合肥）有限公司发布新品。途驭机器人创始人马骁出席。")
    found = mentions(backend, text)
    assert ("灵犀智算", "Organization") in found and ("灵犀智算", "Person") not in found
    assert ("途驭机器人", "Organization") in found


def test_a_bare_kind_of_body_in_its_own_bulletin_is_the_publisher(tmp_path):
    import kg

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "产业动态\n2023 年第 11 期\n云梦市人工智能产业协会 主办                    2023 年 11 月 24 日\n"
        "【协会要闻】\n■ 年度大会召开\n协会秘书长韩雪作年度工作报告。下一步协会将联合高校开展培训。\n", encoding="utf-8")
    kg.build([folder], tmp_path / "g")
    with kg.open(tmp_path / "g") as graph:
        rows = list(graph.select("SELECT ?p ?o WHERE { ?person kg:holdsPosition ?org . ?person rdfs:label ?p . ?org rdfs:label ?o }"))
    assert {(r["p"], r["o"]) for r in rows} == {("韩雪", "云梦市人工智能产业协会")}
