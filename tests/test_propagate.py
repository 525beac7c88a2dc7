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


def built(tmp_path, text: str) -> Path:
    """A graph folder built from one issue of ``text``."""
    import kg

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(text, encoding="utf-8")
    kg.build([folder], tmp_path / "g")
    return tmp_path / "g"


def test_a_company_short_name_is_found_where_the_model_cut_it(backend):
    text = ("■ 企业\n武汉明澈光电科技有限公司发布新品。明澈光电董事长邓海川介绍了进展。"
            "湖北安磷化工集团有限公司签约。安磷化工总经理谢立群表示满意。")
    found = mentions(backend, text)
    assert ("明澈光电", "Organization") in found and ("安磷化工", "Organization") in found
    assert ("华瑞光", "Organization") not in found and ("安磷", "Organization") not in found


def test_a_short_name_needs_the_full_name_in_the_issue(backend):
    """Without 武汉明澈光电科技有限公司 in the issue, nothing is added: no list of names."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "■ 企业\n明澈光电董事长邓海川介绍了进展。"))
    extract([issue], backend)
    assert not [m for m in issue.mentions if m.source == "rule:short-name"]


def test_a_person_cut_short_is_the_whole_name_the_issue_gives(backend):
    text = "■ 企业\n睿瞳微董事长罗致远出席。睿瞳微由罗致远于2019年创立。"
    found = mentions(backend, text)
    assert ("罗致远", "Person") in found and ("罗致", "Person") not in found


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
    text = ("■ 企业\n合肥星枢智算科技有限公司完成融资。星枢智算 CEO 乔一凡表示将扩大团队。"
            "行知机器人（合肥）有限公司发布新品。行知机器人创始人宁远舟出席。")
    found = mentions(backend, text)
    assert ("星枢智算", "Organization") in found and ("星枢智算", "Person") not in found
    assert ("行知机器人", "Organization") in found


def test_a_bare_kind_of_body_in_its_own_bulletin_is_the_publisher(tmp_path):
    import kg

    text = (
        "产业动态\n2023 年第 10 期\n云梦市人工智能产业协会 主办                    2023 年 10 月 20 日\n"
        "【协会要闻】\n■ 年度大会召开\n协会秘书长沈佳宁介绍了全年工作。下一步协会将联合高校开展培训。\n")
    with kg.open(built(tmp_path, text)) as graph:
        rows = list(graph.select("SELECT ?p ?o WHERE { ?person kg:holdsPosition ?org . ?person rdfs:label ?p . ?org rdfs:label ?o }"))
    assert {(r["p"], r["o"]) for r in rows} == {("沈佳宁", "云梦市人工智能产业协会")}


def test_a_latin_company_by_the_first_word_of_its_name(backend):
    found = mentions(backend, "■ 国际\n瑞典 Nordvik Energi AB 宣布重组。Nordvik 总部位于斯德哥尔摩。")
    assert ("Nordvik", "Organization") in found


def test_a_short_name_of_city_and_brand_and_a_brand_before_its_seat(backend):
    text = ("■ 企业\n厦门钠源新能源科技有限公司完成融资。厦门钠源总经理陈立表示将扩产。"
            "擎远储能科技（青岛）有限公司开工。擎远储能董事长王海表示满意。")
    found = mentions(backend, text)
    assert ("厦门钠源", "Organization") in found and ("擎远储能", "Organization") in found


def test_a_declared_short_name_of_two_characters_is_the_body_where_the_model_reads_a_person(backend):
    found = mentions(backend, "汀睿科创加速器（下称“汀睿”）与岚屿大学共建的验证中心启用，"
                              "岚屿大学副校长邵明川、汀睿总经理葛远舟共同揭牌。")
    assert ("汀睿", "Organization") in found and ("汀睿", "Person") not in found and ("葛远舟", "Person") in found


def test_areas_between_rivers_and_of_a_continent():
    from kg.regions import is_area

    assert is_area("江淮") and is_area("江淮地区") and is_area("亚太地区") and not is_area("江淮汽")


def test_a_river_is_no_region_of_the_graph_but_a_city_named_after_one_is(backend):
    """kg ner keeps MSRA's convention (a river is a location); the graph's places are divisions and zones."""
    from kg.regions import is_body_of_water

    assert is_body_of_water("湘江") and is_body_of_water("岚溪河")
    assert not any(is_body_of_water(n) for n in ("九江", "丽水", "清河", "岚山湖"))  # (a lake names zones too)
    assert ("湘江", "Region") not in mentions(backend, "汀州新区位于湘江之畔，毗邻岚山湖。")


def test_a_short_name_then_a_branch_named_by_its_place_is_the_companys_branch():
    """The function alone, on mentions as the model left them in a long issue: 某某安全 | 荆州分公司,
    the short name the issue declared, then a branch the model read from its place on."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    text = ("■ 企业\n武汉金枢信息防护技术有限公司（简称“金枢安全”）发布新品。"
            "荆州市网信办与金枢安全荆州分公司签署服务协议。")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    full, branch = "武汉金枢信息防护技术有限公司", "荆州分公司"

    def mention(name, type_="Organization"):
        at = text.find(name)
        return Mention(at, at + len(name), type_, name, max(n for n, s in enumerate(issue.sentences) if s.start <= at),
                       "model")

    issue.mentions = [mention(full), mention("荆州市网信办"), mention(branch)]
    propagate(issue)
    found = {(m.text, m.source) for m in issue.mentions}
    assert ("金枢安全荆州分公司", "rule:short-name") in found
    assert ("金枢安全", "rule:parent-org") in found  # the parent inside the branch's name
    assert (branch, "model") not in found


def test_a_branch_named_by_its_place_or_an_area_after_a_short_name_that_the_model_did_not_read():
    """金枢安全 | 襄阳 | 分公司 and 金枢安全 | 中东 | 办事处, where the model read no name after the short
    name: the branch is the company's, and its place stays a place."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    text = ("■ 企业\n武汉金枢信息防护技术有限公司（简称“金枢安全”）发布新品。"
            "金枢安全襄阳分公司负责人到会。金枢安全中东办事处近日挂牌。")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    full = "武汉金枢信息防护技术有限公司"
    at = text.find(full)
    issue.mentions = [Mention(at, at + len(full), "Organization", full, 0, "model"),
                      Mention(text.find("襄阳"), text.find("襄阳") + 2, "Region", "襄阳",
                              max(n for n, s in enumerate(issue.sentences) if s.start <= text.find("襄阳")), "model")]
    propagate(issue)
    found = {(m.text, m.type) for m in issue.mentions}
    assert {("金枢安全襄阳分公司", "Organization"), ("金枢安全中东办事处", "Organization"), ("襄阳", "Region")} <= found


def test_a_place_the_model_cut_at_its_start_is_the_whole_place_the_issue_names():
    """The function alone: 汀湾粤 | 澳深度合作区 inside a title, where the issue names 汀湾粤澳深度合作区."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    zone = "汀湾粤澳深度合作区"
    text = f"■ 政策\n{zone}执行委员会印发《{zone}促进科研人员往来若干规定》。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    first, second = text.find(zone), text.rfind(zone)
    cut = second + 3
    issue.mentions = [Mention(first, first + len(zone), "Region", zone, 0, "model"),
                      Mention(cut, second + len(zone), "Region", zone[3:], 0, "model")]
    propagate(issue)
    assert [(m.start, m.text) for m in issue.mentions if m.type == "Region"] == [(first, zone), (second, zone)]


def test_a_company_in_its_own_bulletin_and_units_named_after_its_short_name(tmp_path):
    """In the bulletin a company's department edits, 公司所属 X is the company's; 某某电网 | 合肥 | 供电公司,
    where the issue declares 某某电网 the company's short name, is the company's unit in 合肥."""
    import kg

    text = (
        "电网科技简讯\n2024 年第 6 期\n江淮岚峰电网有限公司科技信息部编                    2024 年 6 月 20 日\n"
        "■ 要闻\n江淮岚峰电网有限公司（简称“岚峰电网”）召开科技工作会。"
        "公司所属江淮岚峰电力设计院有限公司完成三项规划。岚峰电网合肥供电公司近期上线负荷管理平台。\n")
    with kg.open(built(tmp_path, text)) as graph:
        rows = list(graph.select("SELECT ?a ?b WHERE { ?x kg:subsidiaryOf ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }"))
        placed = {r["a"] for r in graph.select(
            "SELECT ?a WHERE { ?x kg:locatedIn ?p . ?x rdfs:label ?a . ?p rdfs:label ?l FILTER(CONTAINS(?l, '合肥')) }")}
    owned = {(r["a"], r["b"]) for r in rows}
    assert ("江淮岚峰电力设计院有限公司", "江淮岚峰电网有限公司") in owned
    assert ("岚峰电网合肥供电公司", "江淮岚峰电网有限公司") in owned
    assert "岚峰电网合肥供电公司" in placed


def test_a_body_the_model_cut_at_its_end_is_the_whole_body_the_issue_names():
    """The function alone: 岚岐智能影像 before （赣州）有限公司, where the issue names 岚岐智能影像（赣州）有限公司
    whole elsewhere, is the company; where a body is read whole and its parent inside it, both stay."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    company, cut = "岚岐智能影像（赣州）有限公司", "岚岐智能影像"
    body, parent = "汀澜科学院分析测试中心", "汀澜科学院"
    text = f"■ 动态\n{company}与汀州医院签约。{company}是某集团的全资子公司。{body}主任韩岚介绍了仪器共享。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    first, second, centre = text.find(company), text.rfind(company), text.find(body)
    issue.mentions = [Mention(first, first + len(company), "Organization", company, 0, "model"),
                      Mention(second, second + len(cut), "Organization", cut, 0, "model"),
                      Mention(centre, centre + len(body), "Organization", body, 0, "model"),
                      Mention(centre, centre + len(parent), "Organization", parent, 0, "rule:parent-org")]
    propagate(issue)
    assert sorted((m.start, m.text) for m in issue.mentions if m.type == "Organization") == [
        (first, company), (second, company), (centre, parent), (centre, body)]


def test_a_place_the_division_data_do_not_know_is_found_short_at_the_head_of_its_bodies_names(tmp_path):
    """An issue that names 沅澄市 and its 梓溪区 (no division has these names) writes them short in its companies'
    registered names: 沅澄梓溪某某有限公司 is in both, and the short forms are the same places as the full ones.
    Not where the name is a zone named after the place (沅澄化工园区管理委员会), nor in a name that is no body's."""
    import kg

    text = (
        "■ 要闻\n沅澄市经济和信息化局与沅澄梓溪晨岭精密制造有限公司签署合作协议。"
        "梓溪区人民政府表示支持。沅澄化工园区管理委员会也派员出席。沅澄基地年内投产。\n")
    with kg.open(built(tmp_path, text)) as graph:
        placed = {(r["a"], r["p"]) for r in graph.select(
            "SELECT ?a ?p WHERE { ?x kg:locatedIn ?y . ?x rdfs:label ?a . ?y rdfs:label ?p }")}
        places = {r["p"] for r in graph.select("SELECT ?p WHERE { ?y a kg:Region ; rdfs:label ?p }")}
    assert {("沅澄梓溪晨岭精密制造有限公司", "沅澄市"), ("沅澄梓溪晨岭精密制造有限公司", "梓溪区")} <= placed
    assert "沅澄" not in places and "梓溪" not in places  # one entity each, labelled in full
    assert not {a for a, p in placed if a.startswith("沅澄化工园区") and p == "沅澄市"}
    assert not {a for a, _ in placed if a.startswith("沅澄基地")}


def test_a_foreign_companys_name_without_its_city_is_not_taken_back_to_it(backend):
    """日本 | 大阪丸岭化成株式会社: the name without its city (丸岭化成株式会社) is a name of the company, kept as it is,
    not read as a name the model cut after 大阪."""
    found = mentions(backend, "当天，江苏汀屿酶工程有限公司与日本大阪丸岭化成株式会社签订专利许可合同。")
    assert ("丸岭化成株式会社", "Organization") in found


def test_a_bodys_name_cut_short_at_its_start_is_the_whole_name_the_issue_gives():
    """The function alone: 汀禾动力 read whole once, and 汀禾 | 动力 where it is used again: the whole name there too,
    but not over a longer name that holds it (汀禾动力华南区域总部 keeps its parent inside it)."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    name, unit = "汀禾动力", "汀禾动力华南区域总部"
    text = f"■ 企业\n{name}董事长孙立群出席。{name} 6 月 10 日在寿光市设立子公司。{unit}揭牌。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    first, second, third = text.find(name), text.find(name, text.find(name) + 1), text.find(unit)

    def sentence_of(offset):
        return max(n for n, s in enumerate(issue.sentences) if s.start <= offset)

    issue.mentions = [Mention(first, first + 4, "Organization", name, sentence_of(first), "model"),
                      Mention(second, second + 2, "Organization", "汀禾", sentence_of(second), "model"),
                      Mention(third, third + len(unit), "Organization", unit, sentence_of(third), "model"),
                      Mention(third, third + 4, "Organization", name, sentence_of(third), "rule:parent-org")]
    propagate(issue)
    assert {(m.start, m.end) for m in issue.mentions if m.type == "Organization"} == {
        (first, first + 4), (second, second + 4), (third, third + len(unit)), (third, third + 4)}


def test_a_company_named_by_a_county_the_model_cut_after_its_first_character():
    """为如 | 东海某某风电工程有限公司 in an issue that names 如东县: the company's name opens with the county."""
    from kg.doc import Mention
    from kg.ner.propagate import propagate

    text = "■ 渔船\n澄江船厂为如东海汀渔业有限公司改装渔船，该公司地处如东县。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    cut, county = text.find("东海汀"), text.find("如东县")
    issue.mentions = [Mention(cut, cut + 9, "Organization", text[cut:cut + 9], 1, "lac"),
                      Mention(cut, cut + 2, "Region", "东海", 1, "rule:nested-region"),
                      Mention(county, county + 3, "Region", "如东县", 1, "lac")]
    propagate(issue)
    found = {(m.text, m.type) for m in issue.mentions}
    assert {("如东海汀渔业有限公司", "Organization"), ("如东", "Region")} <= found and ("东海", "Region") not in found


def test_a_companys_place_and_brand_are_not_found_inside_a_longer_place(backend):
    """吉林经开 of 吉林经开城市发展集团有限公司 is no company inside 吉林经开区, the zone the issue names."""
    found = mentions(backend, "■ 经开区新签项目\n\n吉林经开区本月新签约项目 12 个。吉林经开城市发展集团有限公司负责园区运营，"
                              "吉林经开区将给予配套支持。\n")
    assert ("吉林经开", "Organization") not in found and ("吉林经开区", "Region") in found
