"""The relation stage and the graph it writes, on issues written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

import kg
from kg.ingest import RawIssue
from kg.stages import extract, prepare


@pytest.fixture(scope="module")
def backend():
    from kg import ner

    return ner.load("lac")


def relations(backend, text: str, issue_id: str = "t") -> set[tuple]:
    issue = prepare(RawIssue(issue_id, Path(f"{issue_id}.txt"), "utf-8", text))
    extract([issue], backend)
    out = set()
    for r in issue.relations:
        head, tail = (_as_written(issue, issue.mentions[k]) for k in (r.head, r.tail))
        attrs = tuple(sorted((k, v) for k, v in r.attributes.items() if k in ("title", "round", "lead")))
        out.add((head, r.type, tail, attrs))
    return out


def _as_written(issue, mention) -> str:
    """A mention's text; for a word naming a body again (公司, 该院), the name it refers to."""
    return issue.text[mention.refers_to[0]:mention.refers_to[1]] if mention.refers_to else mention.text


def test_posts_as_written(backend):
    found = relations(backend, "中国信息通信研究院院长余晓晖表示，工作组将继续扩大。"
                               "北京证券交易所副总经理、全国股转公司副总经理王丽说，市场将更加活跃。")
    assert ("余晓晖", "holdsPosition", "中国信息通信研究院", (("title", "院长"),)) in found
    assert ("王丽", "holdsPosition", "北京证券交易所", (("title", "副总经理"),)) in found
    assert ("王丽", "holdsPosition", "全国股转公司", (("title", "副总经理"),)) in found


def test_one_post_in_two_coordinated_organizations(backend):
    found = relations(backend, "北京市科委、中关村管委会党组书记、主任许强介绍了有关情况。")
    posts = {(h, t, a) for h, r, t, a in found if r == "holdsPosition"}
    assert ("许强", "中关村管委会", (("title", "党组书记、主任"),)) in posts
    assert ("许强", "北京市科委", (("title", "党组书记、主任"),)) in posts


def test_issued_by_coordinated_organizations(backend):
    found = relations(backend, "去年，工业和信息化部、中国残联制定下发《关于推进信息无障碍的指导意见》。")
    assert {("工业和信息化部", "issued", "关于推进信息无障碍的指导意见", ()),
            ("中国残联", "issued", "关于推进信息无障碍的指导意见", ())} <= found


def test_investors_of_a_round_with_lead_and_round(backend):
    text = ("■ 量子企业“衡芯量子”完成数亿元 B 轮融资\n"
            "近日，衡芯量子宣布完成数亿元 B 轮融资，由君联资本领投，中芯聚源、琥珀资本跟投。")
    found = {(h, t, a) for h, r, t, a in relations(backend, text) if r == "investedIn"}
    assert ("君联资本", "衡芯量子", (("lead", True), ("round", "B 轮"))) in found
    assert ("琥珀资本", "衡芯量子", (("lead", False), ("round", "B 轮"))) in found


def test_a_funding_clause_without_a_subject_funds_the_sentences_subject(backend):
    text = ("■ 武汉东湖高新区储能企业再获融资\n"
            "青禾储能创办于 2021 年，主攻液冷储能柜，去年 11 月获得 2 亿元 A 轮融资，"
            "由启明创业投资有限公司领投、云岭产业投资有限公司跟投。")
    found = relations(backend, text)
    assert ("启明创业投资有限公司", "investedIn", "青禾储能", (("lead", True), ("round", "A 轮"))) in found
    assert ("云岭产业投资有限公司", "investedIn", "青禾储能", (("lead", False), ("round", "A 轮"))) in found
    # investors come from outside: the place the article is about is not where they are
    assert not any(h == "启明创业投资有限公司" and r == "locatedIn" for h, r, _, _ in found)


def test_a_short_name_the_issue_has_taught_is_found_again(backend):
    """山左资本, named as an investor by one sentence, heads the next where LAC reads no name."""
    text = ("澜图科技完成 1 亿元 B 轮融资，由山左资本领投。"
            "山左资本合伙人周明远认为，工业视觉检测的市场仍在快速扩大。")
    assert ("周明远", "holdsPosition", "山左资本", (("title", "合伙人"),)) in relations(backend, text)


def test_a_body_registered_in_a_place_and_one_set_up_there(backend):
    text = ("江城产业投资基金已于近日在武汉市江夏区注册成立。"
            "澜图科技上月在上海市浦东新区设立全资子公司澜图智能（上海）有限公司。"
            "星湖电子在南京注册成立全资子公司星湖微电子有限公司。")
    found = {(h, r, t) for h, r, t, _ in relations(backend, text) if r == "locatedIn"}
    assert {("江城产业投资基金", "locatedIn", "武汉市"), ("江城产业投资基金", "locatedIn", "江夏区")} <= found
    subsidiary_in = {t for h, _, t in found if h == "澜图智能（上海）有限公司"}
    assert "浦东新区" in subsidiary_in and subsidiary_in & {"上海市", "上海"}  # a city, then a district in it
    assert ("星湖微电子有限公司", "locatedIn", "南京") in found
    # a parent that sets up a subsidiary somewhere is not seated there
    assert not {(h, t) for h, _, t in found if h in ("澜图科技", "星湖电子")}


def test_founded_partner_located_subsidiary(backend):
    text = ("阿里巴巴、腾讯共同发起成立“信息无障碍开放工作组”。"
            "国盾量子与神州信息签署战略合作协议。"
            "北京旷视科技有限公司位于海淀区。"
            "北汽蓝谷旗下极狐汽车发布新车。")
    found = {(h, r, t) for h, r, t, _ in relations(backend, text)}
    assert ("腾讯", "founded", "信息无障碍开放工作组") in found
    assert ("国盾量子", "partnerOf", "神州信息") in found
    assert ("北京旷视科技有限公司", "locatedIn", "海淀区") in found
    assert ("北京旷视科技有限公司", "locatedIn", "北京") in found  # carried in its own name
    assert any(r == "subsidiaryOf" and t == "北汽蓝谷" for h, r, t in found)


@pytest.mark.parametrize("text", [
    "（（“《北京市》”与【腾讯】签署合作》》协议。" * 5,
    "，".join(f"{i}号企业位于北京市朝阳区" for i in range(1500)),
    "华为 Hicar 与北汽蓝谷合作，Keep 完成 F 轮融资，由软银愿景基金领投。",
    "英特尔首席执行官鲍勃·斯旺表示，公司将继续投资。",
])
def test_hard_sentences_do_not_crash(backend, text):
    relations(backend, text)


def test_post_named_with_a_middle_dot(backend):
    found = relations(backend, "英特尔首席执行官鲍勃·斯旺表示，公司将继续投资。")
    assert ("鲍勃·斯旺", "holdsPosition", "英特尔", (("title", "首席执行官"),)) in found


def _write(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")


def test_graph_keeps_evidence_and_queryable_attributes(tmp_path):
    issues = tmp_path / "issues"
    _write(issues, "a.txt", "长风联盟工作简报\n2021 年第 1 期 2021 年 3 月 1 日\n"
                            "■ 动态\n中国信息通信研究院院长余晓晖表示，工作将继续推进。")
    _write(issues, "b.txt", "长风联盟工作简报\n2021 年第 2 期 2021 年 4 月 1 日\n"
                            "■ 动态\n会上，中国信息通信研究院院长余晓晖作了报告。")
    out = tmp_path / "g"
    kg.build([issues], out)
    with kg.open(out) as graph:
        rows = list(graph.select("""
            SELECT ?title (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?st) AS ?statements) WHERE {
              ?st kg:predicate kg:holdsPosition ; kg:evidence ?s ; kg:qualifiedBy ?post .
              ?post kg:title ?title ; org:member/rdfs:label "余晓晖"@zh .
            } GROUP BY ?title"""))
        dates = {r["d"] for r in graph.select("""
            SELECT ?d WHERE { ?st kg:predicate kg:holdsPosition ; kg:evidence/kg:inIssue/dcterms:issued ?d }""")}
    assert rows == [{"title": "院长", "n": "2", "statements": "1"}]  # one relation, two evidence
    assert dates == {"2021-03-01", "2021-04-01"}


def test_co_mentions_are_separate_and_share_an_article(samples_graph):
    out, _ = samples_graph
    with kg.open(out) as graph:
        stated = {(frozenset((r["a"], r["b"])), r["g"]) for r in graph.select(
            "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?st a kg:Statement ; kg:subject ?a ; kg:object ?b } }")}
        co = {(r["a"], r["b"], r["g"]) for r in graph.select(
            "SELECT ?a ?b ?g WHERE { GRAPH ?g { ?a kg:coMentionedWith ?b } }")}
        articles = {}
        for r in graph.select("SELECT ?e ?g ?art WHERE { GRAPH ?g { ?m kg:mentionOf ?e ; kg:inArticle ?art } }"):
            articles.setdefault((r["e"], r["g"]), set()).add(r["art"])
        other_nodes = list(graph.select(
            "SELECT ?c WHERE { ?c kg:subject ?a FILTER NOT EXISTS { ?c a kg:Statement } } LIMIT 1"))
    assert other_nodes == []  # a co-mention is one triple, not a node
    assert co and all(a < b for a, b, _ in co)  # once per pair, in IRI order
    assert all(articles[(a, g)] & articles[(b, g)] for a, b, g in co)  # named in one article
    assert not {(frozenset((a, b)), g) for a, b, g in co} & stated  # not where a relation is stated


def test_relations_reach_the_jsonl_export(samples_graph):
    import io
    import json

    from kg import export as exporters

    out, _ = samples_graph
    buf = io.BytesIO()
    with kg.open(out) as graph:
        exporters.export(graph, "jsonl", buf)
    rows = [json.loads(x) for x in buf.getvalue().decode("utf-8").splitlines()]
    rels = [r for r in rows if r["kind"] == "relation"]
    ids = {r["id"] for r in rows if r["kind"] == "entity"}
    assert {r["relation"] for r in rels} >= {"holdsPosition", "issued", "investedIn", "locatedIn", "partnerOf"}
    for r in rels:
        assert r["head"] in ids and r["tail"] in ids and r["evidence"]
        assert all(set(e) == {"doc", "sentence"} for e in r["evidence"])


def test_a_bureau_and_a_zone_committee_named_without_their_place(backend):
    """The issue names 咸宁高新区科技创新局 and 咸宁经济技术开发区管理委员会 in full first."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "咸宁高新区科技创新局局长王海出席会议。会上，科技创新局副局长李文介绍了申报情况。"
                             "咸宁经济技术开发区管理委员会与星海光电集团有限公司签约。管委会主任赵强表示，将做好服务。"))
    extract([issue], backend)
    posts = {(issue.mentions[r.head].text, issue.mentions[r.tail].key) for r in issue.relations if r.type == "holdsPosition"}
    bureau = next(m.key for m in issue.mentions if m.text == "咸宁高新区科技创新局")
    committee = next(m.key for m in issue.mentions if m.text == "咸宁经济技术开发区管理委员会")
    assert ("李文", bureau) in posts and ("赵强", committee) in posts


def test_bodies_that_found_one_together_are_partners(backend):
    for text in ("华星大学与云帆科技有限公司共同发起设立的华云联合创新中心揭牌。",
                 "由华星大学、云帆科技有限公司共建的华云智能制造联合实验室在江州揭牌。"):
        found = {(h, r, t) for h, r, t, _ in relations(backend, text)}
        assert ("华星大学", "partnerOf", "云帆科技有限公司") in found
        assert {h for h, r, _ in found if r == "founded"} == {"华星大学", "云帆科技有限公司"}


def test_stakes_held_and_places_taken_in_a_round(backend):
    found = relations(backend, "本次发行前，青松资本、江城产业投资基金分别持有星海光电股份有限公司3.5%和2.1%的股份。")
    assert ("江城产业投资基金", "investedIn", "星海光电股份有限公司", ()) in found
    found = relations(backend, "江城产业投资基金已完成首笔投资，以5000万元参与星海光电A轮融资。")
    assert ("江城产业投资基金", "investedIn", "星海光电", (("round", "A轮"),)) in found
    found = relations(backend, "星海光电于今年4月完成2亿元B轮融资，投资方为青松创投和江城资本。")
    assert {("青松创投", "investedIn", "星海光电", (("round", "B轮"),)),
            ("江城资本", "investedIn", "星海光电", (("round", "B轮"),))} <= found


def test_a_subsidiary_of_a_kind_and_a_parent_named_after(backend):
    found = relations(backend, "星海光电（南京）有限公司是星海光电集团有限公司旗下的研发型子公司。")
    assert ("星海光电（南京）有限公司", "subsidiaryOf", "星海光电集团有限公司", ()) in found
    found = relations(backend, "代表团参观了星海海外有限公司的母公司星海光电集团有限公司。")
    assert ("星海海外有限公司", "subsidiaryOf", "星海光电集团有限公司", ()) in found


def test_a_party_named_by_its_declared_short_name_and_a_township_body(backend):
    found = relations(backend, "江州经济技术开发区管理委员会（以下简称管委会）与星海光电集团有限公司签署投资合作协议。")
    # (the relation may hold either mention of the committee: the short name is declared as its name)
    assert {h for h, r, t, _ in found if r == "partnerOf" and t == "星海光电集团有限公司"} & {
        "管委会", "江州经济技术开发区管理委员会"}
    found = relations(backend, "城南街道办事处与星海光电集团有限公司签署党建共建协议。")
    assert ("城南街道办事处", "locatedIn", "城南街道", ()) in found


def test_a_notice_without_marks_and_a_city_governments_vice_mayor(backend):
    found = relations(backend, "江州市科技局近日发布关于组织申报2025年度企业研发费用后补助的通知，对研发投入较大的企业给予补助。")
    assert ("江州市科技局", "issued", "关于组织申报2025年度企业研发费用后补助的通知", ()) in found
    found = relations(backend, "咸宁市人民政府副市长樊一鸣出席开工仪式。")
    assert ("樊一鸣", "holdsPosition", "咸宁市人民政府", (("title", "副市长"),)) in found


def test_a_list_published_under_a_scheme_is_no_issue_of_it(backend):
    found = relations(backend, "近日，江州市人才工作局公布“江州英才汇聚计划”2025年度第二批入选名单。")
    assert not any(r == "issued" for _, r, _, _ in found)


def test_the_zone_an_issue_names_is_its_kind_alone(backend):
    """高新区 alone, in an issue that names one 高新区 in full, is that zone."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "咸宁高新技术产业开发区管理委员会与星海光电集团有限公司签约。"
                             "根据协议，星海光电集团有限公司将在高新区注册成立全资子公司星海光电（咸宁）有限公司。"))
    extract([issue], backend)
    zone = next(m.key for m in issue.mentions if m.text == "咸宁高新技术产业开发区")
    seats = {(issue.mentions[r.head].text, issue.mentions[r.tail].key) for r in issue.relations if r.type == "locatedIn"}
    assert ("星海光电（咸宁）有限公司", zone) in seats


def test_a_clause_that_seats_the_sentences_subject(backend):
    found = relations(backend, "澄川生物医药（南京）有限公司是澄川药业集团有限公司旗下的研发型子公司，"
                               "2021年落户青梧创新谷，现有员工160余人。")
    assert ("澄川生物医药（南京）有限公司", "locatedIn", "青梧创新谷", ()) in found
    found = relations(backend, "9月21日，星海研究院在青梧创新谷揭牌。")  # 创新谷 read as a verb by the model
    assert ("星海研究院", "locatedIn", "青梧创新谷", ()) in found


def test_an_area_in_a_title_a_post_filled_by_and_a_brand_with_its_trade(backend):
    found = relations(backend, "9月4日，北辰精工集团亚太区总裁汉斯·穆勒率代表团来访。")
    assert ("汉斯·穆勒", "holdsPosition", "北辰精工集团", (("title", "亚太区总裁"),)) in found
    assert not any(t == "亚太区" for _, _, t, _ in found)
    found = relations(backend, "华云智能计算联合实验室主任由华星大学教授贺云峰担任。")
    assert ("贺云峰", "holdsPosition", "华云智能计算联合实验室", (("title", "主任"),)) in found
    found = relations(backend, "南京澄川生物医药有限公司完成新一轮融资。入选人才包括澄川生物研发总监王宁等。")
    assert ("王宁", "holdsPosition", "澄川生物", (("title", "研发总监"),)) in found


def test_a_foreign_company_and_its_country(backend):
    found = relations(backend, "同日，日本东辰精机株式会社宣布已与对方达成协议。")  # (named with and without its country)
    assert {("日本东辰精机株式会社", "locatedIn", "日本", ()), ("东辰精机株式会社", "locatedIn", "日本", ())} & found
    found = relations(backend, "入选项目中，芬兰 Kuusi Materials Oy 在坦佩雷建设的正极材料项目规模最大。")
    assert ("Kuusi Materials Oy", "locatedIn", "芬兰", ()) in found
    found = relations(backend, "总部位于瑞典斯德哥尔摩的电池制造商 Norrsken Cells AB 宣布启动扩产。")
    assert {("Norrsken Cells AB", "locatedIn", "瑞典", ()), ("Norrsken Cells AB", "locatedIn", "斯德哥尔摩", ())} <= found


def test_a_foreign_ministry_keeps_its_country_in_its_name(backend):
    found = {(h, t) for h, r, t, _ in relations(backend, "韩国产业通商资源部发布消息称，出口保持增长。") if r == "locatedIn"}
    assert ("韩国产业通商资源部", "韩国") in found


def test_where_founders_set_a_company_up_a_profiles_first_line_and_an_aside_before_a_round(backend):
    found = relations(backend, "南京途远机器人科技有限公司由机器人专家马一鸣于 2022 年在江宁区创立，专注于仓储物流。")
    assert ("南京途远机器人科技有限公司", "locatedIn", "江宁区", ()) in found
    found = relations(backend, "马一鸣，南京途远机器人科技有限公司创始人、董事长兼总经理。")
    assert {("马一鸣", "founded", "南京途远机器人科技有限公司", ()),
            ("马一鸣", "holdsPosition", "南京途远机器人科技有限公司", (("title", "创始人、董事长兼总经理"),))} <= found
    found = relations(backend, "南京途远机器人科技有限公司（Tuyuan Robotics）近日完成数千万元天使轮融资，投资方为青松创投。")
    assert ("青松创投", "investedIn", "南京途远机器人科技有限公司", (("round", "天使轮"),)) in found


def test_local_makers_of_a_country_and_partners_listed_after_one_link(backend):
    found = relations(backend, "比亚迪将与哥伦比亚本地巴士制造商远途客车有限公司和远帆客车有限公司合作。")
    assert {("远途客车有限公司", "locatedIn", "哥伦比亚", ()), ("远帆客车有限公司", "locatedIn", "哥伦比亚", ()),
            ("比亚迪", "partnerOf", "远途客车有限公司", ()), ("比亚迪", "partnerOf", "远帆客车有限公司", ())} <= found
    # the two listed after 与 are partners of the one before it, not of each other
    assert not any(r == "partnerOf" and {h, t} == {"远途客车有限公司", "远帆客车有限公司"} for h, r, t, _ in found)


def test_partners_last_month_a_brand_with_its_trade_and_an_owner_is_no_investor(backend):
    found = relations(backend, "据了解，江城楚云智驾科技有限公司上月刚与江城理工大学共建智能底盘联合实验室。")
    assert ("江城楚云智驾科技有限公司", "partnerOf", "江城理工大学", ()) in found
    found = relations(backend, "武汉瑞安达生物医药科技有限公司完成A轮融资。瑞安达生物由研究员许一静于2020年创办。")
    assert ("许一静", "founded", "瑞安达生物", ()) in found and not any(r == "holdsPosition" for _, r, _, _ in found)
    found = relations(backend, "近日，江城楚云智驾科技有限公司宣布完成数亿元B+轮融资，"
                               "由华澄汽车集团有限公司旗下的华澄资本领投，远川资本跟投。")
    investors = {h for h, r, _, _ in found if r == "investedIn"}
    assert investors == {"华澄资本", "远川资本"}


def test_a_repealed_title_without_marks_and_a_project_is_no_body(backend):
    found = relations(backend, "2019年印发的江城市科技创新券管理暂行办法同时废止。")
    assert not any(h == "江城市科技" for h, _, _, _ in found)
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "2019年印发的江城市科技创新券管理暂行办法同时废止。"))
    extract([issue], backend)
    assert [(m.text, m.type) for m in issue.mentions if m.type != "Region"] == [("江城市科技创新券管理暂行办法", "Policy")]
    found = relations(backend, "项目由星海电子在当地新设立的全资子公司星海电子（宜昌）有限公司负责建设运营。")
    assert not any(t == "项目" for _, _, t, _ in found)


def test_a_fund_named_only_by_its_owner_is_the_owners_investment(backend):
    found = relations(backend, "本月，星衡科技宣布完成 10 亿元人民币的 B 轮融资，由远山产业基金、青川资本旗下基金、春禾资本领投。")
    assert {h for h, r, _, _ in found if r == "investedIn"} == {"远山产业基金", "青川资本", "春禾资本"}


def test_a_university_unit_before_a_post_a_school_alone_and_a_title_after_two_verbs(backend):
    found = relations(backend, "化学与化工学院教授林雅芝创办的南京澄湖膜分离技术有限公司完成融资。")
    assert ("林雅芝", "holdsPosition", "化学与化工学院", (("title", "教授"),)) in found
    found = relations(backend, "学校与江宁区共建产业技术研究院。")
    assert not any("学校" in (h, t) for h, _, t, _ in found)
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "学校修订印发科技成果转化管理办法，明确收益分配比例。"))
    extract([issue], backend)
    assert [m.text for m in issue.mentions if m.type == "Policy"] == ["科技成果转化管理办法"]


def test_a_university_is_not_the_short_name_of_the_company_named_after_it(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "紫金工程大学与南京市江宁区人民政府签约，紫金工程大学资产经营有限公司总经理韩若溪出席。"))
    extract([issue], backend)
    keys = {m.text: m.key for m in issue.mentions}
    assert keys["紫金工程大学"] != keys["紫金工程大学资产经营有限公司"]


def test_an_amount_with_a_thousands_separator_and_no_place_inside_a_declared_brand(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "南京澄湖膜分离技术有限公司（以下简称“澄湖膜”）完成2,000万元天使轮融资，"
                             "由紫金工程大学资产经营有限公司领投。澄湖膜将扩建中试线。"))
    extract([issue], backend)
    amounts = {r.attributes.get("amount") for r in issue.relations if r.type == "investedIn"}
    assert amounts == {"2,000万元"}
    assert not [m for m in issue.mentions if m.type == "Region" and m.text == "澄湖"]


def test_a_professor_of_a_school_founds_a_company_not_the_school(backend):
    found = relations(backend, "5．电子信息学院教授创办南京芯感微电科技有限公司")
    assert not any(r == "founded" for _, r, _, _ in found)


def test_posts_in_a_bodys_party_organ_are_posts_of_the_body(backend):
    found = relations(backend, "会上，市国资委党委委员、副主任邵明川主持会议，省商务厅党组成员、副厅长陆承岳出席。")
    assert ("邵明川", "holdsPosition", "市国资委", (("title", "党委委员、副主任"),)) in found
    assert ("陆承岳", "holdsPosition", "省商务厅", (("title", "党组成员、副厅长"),)) in found


def test_appointments_posts_left_and_people_elected_by_the_subject(backend):
    found = relations(backend, "经研究决定：林启樾同志任云栖控股集团有限公司总经理、党委副书记，"
                               "不再担任云栖交通建设集团有限公司总经理职务。")
    assert ("林启樾", "holdsPosition", "云栖控股集团有限公司", (("title", "总经理、党委副书记"),)) in found
    assert ("林启樾", "holdsPosition", "云栖交通建设集团有限公司", (("title", "总经理"),)) in found
    found = relations(backend, "6月2日，澄川智能装备股份有限公司召开董事会，选举苏映雪为董事长，聘任贺知遥为总经理。")
    assert {(h, t) for h, r, t, _ in found if r == "holdsPosition"} == {
        ("苏映雪", "澄川智能装备股份有限公司"), ("贺知遥", "澄川智能装备股份有限公司")}
    found = relations(backend, "经市政府研究同意，聘任严可馨、邵一凡为云栖控股集团有限公司外部董事。")
    assert {h for h, r, _, _ in found if r == "holdsPosition"} == {"严可馨", "邵一凡"}
    found = relations(backend, "灵泽城市发展集团总部位于上饶市信州区，党委书记、董事长由方定远同志担任。")
    assert ("方定远", "holdsPosition", "灵泽城市发展集团", (("title", "党委书记、董事长"),)) in found


def test_a_name_cut_before_its_date_or_its_verb_is_whole(backend):
    found = relations(backend, "云栖控股总经理贺思远于2018年创办青禾科技。")
    assert ("贺思远", "founded", "青禾科技", ()) in found
    found = relations(backend, "沧澜水务党委书记、董事长纪景和表示，将做好衔接。")
    assert {h for h, r, _, _ in found if r == "holdsPosition"} == {"纪景和"}


def test_bodies_founded_on_others_and_by_both_sides_of_an_agreement(backend):
    found = relations(backend, "市国资委以沧澜建工集团有限公司、沧澜路桥集团有限公司为基础，新设合并组建沧澜城建控股集团有限公司。")
    assert {(h, t) for h, r, t, _ in found if r == "founded"} == {("市国资委", "沧澜城建控股集团有限公司")}
    found = relations(backend, "5月6日，云栖能源集团有限公司与北辰电力集团有限公司签署战略合作协议，"
                               "双方将按4∶6的比例共同出资设立云栖北辰新能源有限公司。")
    assert {h for h, r, t, _ in found if r == "founded" and t == "云栖北辰新能源有限公司"} == {
        "云栖能源集团有限公司", "北辰电力集团有限公司"}
    found = relations(backend, "根据协议，云栖能源集团、北辰电力集团与沧澜理工大学共同组建沧澜储能技术创新联合体。")
    assert len({(h, t) for h, r, t, _ in found if r == "partnerOf"}) == 3


def test_subsidiaries_by_becoming_by_level_and_after_a_declared_name(backend):
    found = relations(backend, "划转完成后，沧澜钨业成为云栖稀金全资子公司。")
    assert ("沧澜钨业", "subsidiaryOf", "云栖稀金", ()) in found
    found = relations(backend, "云栖稀金所属三级子企业沧澜锂业科技有限公司完成增资。")
    assert ("沧澜锂业科技有限公司", "subsidiaryOf", "云栖稀金", ()) in found
    found = relations(backend, "云栖能源集团有限公司（以下简称“云栖能源”）控股子公司云栖新能源股份有限公司递交上市申请。")
    assert ("云栖新能源股份有限公司", "subsidiaryOf", "云栖能源", ()) in found
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "沧澜城建控股集团有限公司（以下简称“沧澜城建”）于近日成立。"
                             "沧澜建工集团有限公司（以下简称“沧澜建工”）、沧澜路桥集团有限公司（以下简称“沧澜路桥”）同日划转。"
                             "沧澜城建注册资本100亿元，总部位于南昌市红谷滩区，沧澜建工、沧澜路桥整体成为其全资子公司。"))
    extract([issue], backend)
    found = {(issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text) for r in issue.relations}
    assert {(h, t) for h, r, t in found if r == "subsidiaryOf"} >= {("沧澜建工", "沧澜城建"), ("沧澜路桥", "沧澜城建")}
    assert ("沧澜城建", "locatedIn", "红谷滩区") in found
    assert "沧澜城建注册资本" not in {m.text for m in issue.mentions}


def test_followers_join_the_round_the_lead_named_and_seats_by_registration(backend):
    found = relations(backend, "云栖矿业基金近日领投沧澜磁材科技有限公司A轮融资2亿元，北辰资本、沧澜产投跟投。")
    assert {h for h, r, _, _ in found if r == "investedIn"} == {"云栖矿业基金", "北辰资本", "沧澜产投"}
    found = relations(backend, "云栖北辰新能源有限公司拟注册于南昌经济技术开发区，注册资本20亿元。")
    assert ("云栖北辰新能源有限公司", "locatedIn", "南昌经济技术开发区", ()) in found


def test_former_posts_founding_partners_and_posts_at_the_subject(backend):
    found = relations(backend, "沧澜医疗科技有限公司总部位于成都市武侯区，创始人兼 CEO 唐某远曾在南屿医科大学任骨科教授。")
    assert ("唐某远", "holdsPosition", "沧澜医疗科技有限公司", (("title", "创始人兼 CEO"),)) in found
    assert ("唐某远", "holdsPosition", "南屿医科大学", (("title", "骨科教授"),)) in found
    assert ("沧澜医疗科技有限公司", "locatedIn", "武侯区", ()) in found
    found = relations(backend, "青禾储能科技有限公司创始人许卓凡此前任北岳动力电池集团副总裁。")
    assert ("许卓凡", "founded", "青禾储能科技有限公司", ()) in found
    assert ("许卓凡", "holdsPosition", "北岳动力电池集团", (("title", "副总裁"),)) in found
    assert not [t for h, r, t, _ in found if r == "holdsPosition" and t == "青禾储能科技有限公司"]  # 创始人 alone
    found = relations(backend, "岭栈创投近日宣布，原苍穹集团投资部总经理韩素岚加盟并出任合伙人；投资总监吴宇澄晋升为执行董事。")
    assert {("韩素岚", "岭栈创投"), ("吴宇澄", "岭栈创投"), ("韩素岚", "苍穹集团")} <= {
        (h, t) for h, r, t, _ in found if r == "holdsPosition"}
    found = relations(backend, "桐溪资本上海分公司日前在上海市浦东新区开业，负责人由桐溪资本合伙人沈岙担任。")
    assert ("沈岙", "holdsPosition", "桐溪资本上海分公司", (("title", "负责人"),)) in found
    found = relations(backend, "青岫资本投资总监宋岑认为，团队具备先发优势。")
    assert ("宋岑", "holdsPosition", "青岫资本", (("title", "投资总监"),)) in found


def test_a_countrys_mission_in_a_city_and_investing_inside_a_title_or_as_a_noun(backend):
    found = relations(backend, "11月20日，芬兰驻广州总领事馆与市商务局联合举办交流会，总领事维尔塔宁出席。")
    assert ("芬兰驻广州总领事馆", "locatedIn", "广州", ()) in found
    assert not [t for h, r, t, _ in found if r == "locatedIn" and t == "芬兰"]  # it sits in 广州, for 芬兰
    found = relations(backend, "芬兰驻广州总领事馆总领事维尔塔宁出席仪式。")
    assert ("维尔塔宁", "holdsPosition", "芬兰驻广州总领事馆", (("title", "总领事"),)) in found
    found = relations(backend, "同期，云栖市科学技术局、云栖市财政局联合印发《云栖市天使投资风险补偿管理办法》。")
    assert not [r for _, r, _, _ in found if r == "investedIn"]
    found = relations(backend, "沧澜医疗完成 A 轮融资。随后，云栖市商务局赴大阪举办云栖投资环境推介会。")
    assert not [r for _, r, _, _ in found if r == "investedIn"]


def test_the_bare_kind_of_the_publisher_is_the_body_not_its_editing_office(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "投资动态\n2025 年第 3 期\n云栖省创业投资促进会秘书处编    2025 年 3 月 31 日\n"
                             "■ 签约\n北辰投资联合会会长邓某、促进会会长王德炜代表双方签约。"))
    extract([issue], backend)
    posts = {(issue.mentions[r.head].text, issue.mentions[r.tail].key) for r in issue.relations if r.type == "holdsPosition"}
    body = next(m.key for m in issue.mentions if m.text == "促进会")
    assert ("王德炜", body) in posts and "秘书处" not in body


def test_a_banks_branch_a_regional_post_and_bodies_set_up_together_or_in_a_place(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "市商务局与云栖银行厦门分行签署合作协议，云栖银行将提供服务。云栖银行厦门分行行长苏某琳表示，分行已组建团队。"))
    extract([issue], backend)
    keys = {m.text: m.key for m in issue.mentions}
    assert keys["云栖银行"] != keys["云栖银行厦门分行"]  # the bank is not its branch's short name
    found = relations(backend, "11月1日，韩国沧澜化学株式会社副会长朴某勋、中国区总经理李某勋一行到访。")
    assert ("李某勋", "holdsPosition", "韩国沧澜化学株式会社", (("title", "中国区总经理"),)) in found
    found = relations(backend, "同日，沧澜科技与鹭岚微电子共同出资组建的晟岚功率器件联合创新中心揭牌。")
    assert {h for h, r, t, _ in found if r == "founded" and t == "晟岚功率器件联合创新中心"} >= {"沧澜科技"}
    found = relations(backend, "北辰物流私人有限公司与厦门云栖供应链集团有限公司合资设立的厦门北辰云栖国际物流有限公司日前开业。")
    assert {h for h, r, t, _ in found if r == "founded"} == {"北辰物流私人有限公司", "厦门云栖供应链集团有限公司"}
    assert ("北辰物流私人有限公司", "partnerOf", "厦门云栖供应链集团有限公司", ()) in found
    found = relations(backend, "韩国沧澜半导体株式会社在厦门火炬高新区设立的沧澜半导体技术（厦门）有限公司日前完成注册。")
    assert {h for h, r, t, _ in found if r == "founded" and t == "沧澜半导体技术（厦门）有限公司"} & {
        "韩国沧澜半导体株式会社", "沧澜半导体株式会社"}  # (the country in the name or apart: the model's reading)
    assert ("沧澜半导体技术（厦门）有限公司", "locatedIn", "厦门火炬高新区", ()) in found


def test_a_funds_commitments_an_investor_after_receives_and_an_early_investor(backend):
    found = relations(backend, "10 月 15 日，北辰创投发起设立的成都北辰三期创业投资合伙企业（有限合伙）（以下简称北辰三期）完成 10 亿元首关，"
                               "云栖投资集团有限公司和沧澜产业投资集团有限公司分别认缴 2 亿元和 1 亿元。")
    assert ("北辰创投", "founded", "成都北辰三期创业投资合伙企业（有限合伙）", ()) in found
    assert {h for h, r, _, _ in found if r == "investedIn"} == {"云栖投资集团有限公司", "沧澜产业投资集团有限公司"}
    found = relations(backend, "南充恒屹电驱科技有限公司获得北辰资本 B 轮投资。")
    assert ("北辰资本", "investedIn", "南充恒屹电驱科技有限公司", (("round", "B 轮"),)) in found
    found = relations(backend, "云枢数据科技有限公司早期投资方桐溪资本借此实现退出。")
    assert ("桐溪资本", "investedIn", "云枢数据科技有限公司", ()) in found


def test_a_joint_lab_named_with_a_dash_after_a_declared_partner_and_where_it_opened(backend):
    found = relations(backend, "8月20日，云栖理工大学材料学院与江苏沧澜新材料股份有限公司（以下简称“沧澜新材料”）共建的"
                               "云栖理工—沧澜柔性显示材料联合实验室在常州市武进区揭牌。")
    lab = "云栖理工—沧澜柔性显示材料联合实验室"
    assert {h for h, r, t, _ in found if r == "founded" and t == lab} == {"云栖理工大学材料学院", "江苏沧澜新材料股份有限公司"}
    assert {t for h, r, t, _ in found if r == "locatedIn" and h == lab} == {"常州市", "武进区"}


def test_partners_named_with_their_latin_name_in_brackets_and_a_division_read_into_its_body(backend):
    found = relations(backend, "日本岚野电子株式会社（Ranno Denshi K.K.）与芯峤微电子有限公司共建的车载功率芯片联合实验室揭牌。")
    assert {h for h, r, t, _ in found if r == "founded" and t == "车载功率芯片联合实验室"} == {
        "日本岚野电子株式会社", "芯峤微电子有限公司"}
    found = relations(backend, "骋峤汽车有限公司与日本晴野电装株式会社（Seino Denso K.K.）合资成立的成都晴峤汽车电子有限公司开业。")
    assert {h for h, r, t, _ in found if r == "founded"} == {"骋峤汽车有限公司", "日本晴野电装株式会社"}
    found = relations(backend, "市经济信息委电子产业处处长蒋某表示，将按月通报进度。")
    assert ("蒋某", "holdsPosition", "市经济信息委", (("title", "电子产业处处长"),)) in found


def test_bodies_hosting_an_event_together_are_partners(backend):
    found = relations(backend, "6月12日，由云岭智能网联汽车产业联盟与绵阳高新技术产业开发区管理委员会共同主办的传感器对接会在绵阳举行。")
    assert ("云岭智能网联汽车产业联盟", "partnerOf", "绵阳高新技术产业开发区管理委员会", ()) in found


def test_a_regional_post_in_a_chain_of_posts(backend):
    found = relations(backend, "芬兰北岬电驱有限公司董事会成员、亚太区总裁尤哈·维尔塔出席签约仪式。")
    assert ("尤哈·维尔塔", "holdsPosition", "芬兰北岬电驱有限公司", (("title", "董事会成员、亚太区总裁"),)) in found


def test_a_company_called_by_its_brand_and_its_trades_last_word(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "四川骋峤新能源汽车有限公司近日发布新平台，四川岚宸动力电池有限公司为其供应电池。"
                             "4月15日，骋峤汽车与岚宸动力在成都签署动力电池供货协议。"))
    extract([issue], backend)
    keys = {m.text: m.key for m in issue.mentions}
    assert keys.get("骋峤汽车") == keys["四川骋峤新能源汽车有限公司"]
    assert any(r.type == "partnerOf" for r in issue.relations)


def _named(issue, k: int) -> str:
    """The label of the entity mention k belongs to."""
    m = issue.mentions[k]
    return issue.entities[(m.type, m.key)].label


def stated(backend, text: str) -> set[tuple]:
    """(head, relation, tail, title) with the label of each side's entity, not its surface."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    return {(_named(issue, r.head), r.type, _named(issue, r.tail), r.attributes.get("title")) for r in issue.relations}


def test_a_party_bodys_office_is_part_of_its_leading_group_not_of_the_committee(backend):
    found = relations(backend, "中共德州市委科技工作领导小组办公室编印。")
    assert ("中共德州市委科技工作领导小组办公室", "subsidiaryOf", "中共德州市委科技工作领导小组", ()) in found
    assert not any(r == "subsidiaryOf" and t == "中共德州市委" for _, r, t, _ in found)
    found = relations(backend, "市委常委、市委宣传部部长，市委科技工作领导小组副组长昝文溪同志出席会议。")
    assert {("昝文溪", "holdsPosition", "市委", (("title", "常委"),)),
            ("昝文溪", "holdsPosition", "市委宣传部", (("title", "部长"),)),
            ("昝文溪", "holdsPosition", "市委科技工作领导小组", (("title", "副组长"),))} <= found


def test_a_body_named_again_by_its_kind(backend):
    found = stated(backend, "澄岭大学青溪研究院近日揭牌成立。研究院设在德州高新区，院长由桑北辰教授担任。")
    assert ("桑北辰", "holdsPosition", "澄岭大学青溪研究院", "院长") in found
    assert ("澄岭大学青溪研究院", "locatedIn", "德州高新区", None) in found
    found = stated(backend, "岚屿机器人有限公司与北辰装备研究院合作组建岚屿传感联合实验室；拟由该院研究员阮知秋担任实验室主任。")
    assert {("阮知秋", "holdsPosition", "北辰装备研究院", "研究员"),
            ("阮知秋", "holdsPosition", "岚屿传感联合实验室", "主任")} <= found
    found = stated(backend, "汀兰集团建成汀兰青年创业孵化器。汀兰集团副总经理蔺书禾兼任孵化器负责人。")
    assert ("蔺书禾", "holdsPosition", "汀兰青年创业孵化器", "负责人") in found
    # a kind with no body of its kind named before it is a common noun
    found = stated(backend, "实验室主任由阮知秋担任，孵化器负责人由蔺书禾担任。")
    assert not any(r == "holdsPosition" for _, r, _, _ in found)


def test_partners_of_a_lead_a_list_hosting_together_and_a_clause_of_the_subject(backend):
    found = relations(backend, "本月，由市科技局牵头，市商务局、德州岚屿控股集团有限公司共同组织的代表团赴德国考察。")
    assert {("市科技局", "partnerOf", "市商务局", ()), ("市科技局", "partnerOf", "德州岚屿控股集团有限公司", ())} <= found
    found = relations(backend, "其间，市科技局与位于慕尼黑的汀兰工业大学、旅德华人材料学会分别签署合作协议。")
    assert {("市科技局", "partnerOf", "汀兰工业大学", ()), ("市科技局", "partnerOf", "旅德华人材料学会", ())} <= found
    found = relations(backend, "其间，市科技局与汀兰工业大学签署交流协议，并与旅德华人材料学会共同举办推介会。")
    assert ("市科技局", "partnerOf", "旅德华人材料学会", ()) in found
    found = relations(backend, "本届路演由德城区科学技术局和岚屿控股集团旗下德州岚屿孵化服务有限公司共同主办。")
    assert ("德城区科学技术局", "partnerOf", "德州岚屿孵化服务有限公司", ()) in found
    assert ("德城区科学技术局", "partnerOf", "岚屿控股集团", ()) not in found


def test_posts_taken_on_joining_on_being_hired_and_in_a_profile(backend):
    found = relations(backend, "其中，材料学博士桑北辰加入德州汀兰新材料股份有限公司任研发总监；"
                               "博士后阮知秋受聘为山东岚屿制药有限公司首席科学家。")
    assert {("桑北辰", "holdsPosition", "德州汀兰新材料股份有限公司", (("title", "研发总监"),)),
            ("阮知秋", "holdsPosition", "山东岚屿制药有限公司", (("title", "首席科学家"),))} <= found
    found = relations(backend, "约翰·施密特是汀兰工业大学机械系教授，三年前受聘担任德州岚屿储能科技有限公司首席工程师。")
    assert ("约翰·施密特", "holdsPosition", "汀兰工业大学机械系", (("title", "教授"),)) in found


def test_bodies_settled_in_a_park_and_a_unit_set_up_in_a_company(backend):
    found = stated(backend, "德州汀江青年创新港日前开园。德州汀兰芯片有限公司、德州岚屿软件有限公司等七家公司成为第一批入驻创新港的企业。")
    settled = {h for h, r, t, _ in found if r == "locatedIn" and t.endswith("汀江青年创新港")}
    assert settled == {"德州汀兰芯片有限公司", "德州岚屿软件有限公司"}
    found = relations(backend, "设在德州汀兰新材料有限公司的汀兰新材博士后工作站本月招收两名博士后。")
    assert ("汀兰新材博士后工作站", "subsidiaryOf", "德州汀兰新材料有限公司", ()) in found


def test_a_funds_deals_in_clauses_without_their_investor(backend):
    found = relations(backend, "德州岚屿股权投资基金合伙企业（有限合伙）本月完成两轮出资：领投德州汀兰船舶装备有限公司"
                               "A轮融资8000万元，深圳启明资本有限公司跟投；向德州汀兰芯片有限公司、"
                               "德州岚屿软件有限公司分别投资900万元、600万元，均为天使轮。")
    fund = "德州岚屿股权投资基金合伙企业（有限合伙）"
    deals = {(h, t, dict(a).get("round")) for h, r, t, a in found if r == "investedIn"}
    assert deals == {(fund, "德州汀兰船舶装备有限公司", "A轮"),
                     ("深圳启明资本有限公司", "德州汀兰船舶装备有限公司", "A轮"),
                     (fund, "德州汀兰芯片有限公司", "天使轮"), (fund, "德州岚屿软件有限公司", "天使轮")}


def test_a_foreign_company_described_before_its_name_and_declared_with_its_latin_name(backend):
    found = stated(backend, "荷兰光刻设备商汀澜光刻公司（Tinlan Optics，简称TLO）发布半年报。"
                            "TLO同日宣布与德州岚屿芯片有限公司签订三年期备件供应协议。")
    assert ("汀澜光刻公司", "locatedIn", "荷兰", None) in found
    assert ("汀澜光刻公司", "partnerOf", "德州岚屿芯片有限公司", None) in found
    found = stated(backend, "同月，汀澜信息与德国工控防护企业瑞岚安全公司在斯图加特签订技术合作协议，共同研发产线防护方案。")
    assert ("瑞岚安全公司", "locatedIn", "德国", None) in found  # (企业 | 某某公司: the name starts after the description)
    assert not any("企业" in h for h, _, _, _ in found)


def test_a_foreign_city_read_as_a_person_before_a_companys_name_is_its_city(backend):
    """荷兰 | 代尔夫岚/PER | 的 | 某某公司: after a country and before 的 and a company, the city the company is in,
    so the two companies before 合资成立 both found the new one."""
    found = stated(backend, "山东淄博的汀川精细化学股份有限公司同荷兰代尔夫岚的洛维恩酶技术公司合资成立汀洛酶业（淄博）有限公司。")
    assert {("汀川精细化学股份有限公司", "founded", "汀洛酶业（淄博）有限公司", None),
            ("洛维恩酶技术公司", "founded", "汀洛酶业（淄博）有限公司", None),
            ("洛维恩酶技术公司", "locatedIn", "荷兰", None)} <= found
    assert not any("代尔夫岚" in h or "代尔夫岚" in t for h, r, t, _ in found if r == "holdsPosition")

def test_acquisitions_and_subscriptions(backend):
    found = relations(backend, "德州岚屿科技股份有限公司拟出资7亿元收购苏州汀兰精测设备有限公司60%股权。")
    assert {("德州岚屿科技股份有限公司", "investedIn", "苏州汀兰精测设备有限公司", ()),
            ("苏州汀兰精测设备有限公司", "subsidiaryOf", "德州岚屿科技股份有限公司", ())} <= found
    found = relations(backend, "德州岚屿科技股份有限公司完成对成都汀兰数据科技有限公司的全资收购。")
    assert ("成都汀兰数据科技有限公司", "subsidiaryOf", "德州岚屿科技股份有限公司", ()) in found
    found = stated(backend, "日本汀峰精机株式会社出资2亿元认购德州岚屿装备有限公司6.5%股权，双方并签订技术合作协议。")
    buyer = next(h for h, r, t, _ in found if r == "investedIn" and t == "德州岚屿装备有限公司")
    assert (buyer, "partnerOf", "德州岚屿装备有限公司", None) in found
    assert not any(r == "subsidiaryOf" for _, r, _, _ in found)
    # the buyer named by 公司 after its announcement, and the bought one's country before its name
    found = stated(backend, "湖州岭屿材料股份有限公司（简称岭屿材料）发布年报。岭屿材料 8 月 2 日公告，"
                            "公司拟以 4.6 亿元收购韩国 汀星精化株式会社 60% 股权。")
    assert {("湖州岭屿材料股份有限公司", "investedIn", "汀星精化株式会社", None),
            ("汀星精化株式会社", "subsidiaryOf", "湖州岭屿材料股份有限公司", None)} <= found
    found = relations(backend, "山东省汀兰产业引导基金、德州市人民政府分别认缴山东岚屿产业投资基金二期30亿元、10亿元。")
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "山东岚屿产业投资基金二期"} == {
        "山东省汀兰产业引导基金", "德州市人民政府"}


def test_posts_of_a_founder_one_kept_one_elected_and_a_division_heads(backend):
    found = relations(backend, "德州汀兰精测设备有限公司由董事长蔺书禾于2017年创办，专注光学检测。")
    assert {("蔺书禾", "holdsPosition", "德州汀兰精测设备有限公司", (("title", "董事长"),)),
            ("蔺书禾", "founded", "德州汀兰精测设备有限公司", ())} <= found
    # a place between the founder and the verb (某某团队近日在滁州创办 X); not a branch a company sets up so
    found = relations(backend, "岭南海洋大学水产与生命学院教授庞启澜团队上月在湛江创办湛江蓝澄海藻科技有限公司。")
    assert ("庞启澜", "founded", "湛江蓝澄海藻科技有限公司", ()) in found
    found = relations(backend, "江苏岭衡质量技术服务股份有限公司（简称“岭衡质量”）8 月 2 日在无锡设立岭衡质量无锡分公司。")
    assert not any(r == "founded" and t.endswith("分公司") for _, r, t, _ in found)
    found = relations(backend, "蔺书禾留任德州汀兰精测设备有限公司董事长。")
    assert ("蔺书禾", "holdsPosition", "德州汀兰精测设备有限公司", (("title", "董事长"),)) in found
    found = relations(backend, "山东省精密仪器行业协会换届大会选举德州岚屿芯片有限公司董事长昝文溪为理事长。")
    assert ("昝文溪", "holdsPosition", "山东省精密仪器行业协会", (("title", "理事长"),)) in found
    found = relations(backend, "德州市工信局装备工业处处长阮知秋说，补贴将在年底前兑现。")
    assert ("阮知秋", "holdsPosition", "德州市工信局", (("title", "装备工业处处长"),)) in found


def test_a_body_named_again_by_its_kind_before_its_post(backend):
    found = stated(backend, "岚屿研究院济南分院近日在济南高新区启用。研究院党委书记、院长桑北辰同志到场讲话，"
                            "分院院长由阮知秋担任。")
    assert {("桑北辰", "holdsPosition", "岚屿研究院", "党委书记、院长"),
            ("阮知秋", "holdsPosition", "岚屿研究院济南分院", "院长")} <= found
    assert ("阮知秋", "holdsPosition", "岚屿研究院", "分院院长") not in found


def test_a_body_joined_to_the_next_by_a_connective_and_a_long_list_of_founders(backend):
    found = relations(backend, "本月，由岚屿软件工程研究院与德州园区发展有限公司共同组建的岚屿信创适配中心投入使用。")
    assert {h for h, r, t, _ in found if r == "founded"} == {"岚屿软件工程研究院", "德州园区发展有限公司"}
    found = relations(backend, "岚屿数据科技联合汀兰大学开展大模型安全攻关。")
    assert ("岚屿数据科技", "partnerOf", "汀兰大学", ()) in found
    found = relations(backend, "由德州岚屿软件有限公司、德州汀兰数据有限公司、德州澄江网络有限公司等11家企业联合发起的"
                               "德州开源协作基金会正式成立。")
    assert len({h for h, r, _, _ in found if r == "founded"}) == 3
    assert not any(r == "partnerOf" for _, r, _, _ in found)


def test_a_fund_named_again_and_investors_named_with_their_owners(backend):
    found = stated(backend, "德州岚屿数据有限公司日前获得汀兰数智基金战略投资，该基金由德州汀兰控股集团有限公司发起设立。")
    assert ("德州汀兰控股集团有限公司", "founded", "汀兰数智基金", None) in found
    assert ("汀兰数智基金", "investedIn", "德州岚屿数据有限公司", None) in found
    found = relations(backend, "●德州岚屿软件股份有限公司日前完成Pre-IPO轮融资，投资方包括山东汀兰产业引导基金"
                               "和德州澄江能源旗下的澄江产业资本。")
    assert {h for h, r, _, _ in found if r == "investedIn"} == {"山东汀兰产业引导基金", "澄江产业资本"}
    found = relations(backend, "德州岚屿视觉科技有限公司本月获得汀兰天使基金领投的600万元天使轮投资，"
                               "园区发展公司旗下澄江种子基金跟投。")
    assert {(h, dict(a).get("lead")) for h, r, _, a in found if r == "investedIn"} == {
        ("汀兰天使基金", True), ("澄江种子基金", False)}
    found = relations(backend, "德州岚屿互动娱乐有限公司本月以900万元战略投资德州汀兰游戏科技有限公司，持股12%。")
    assert ("德州岚屿互动娱乐有限公司", "investedIn", "德州汀兰游戏科技有限公司", ()) in {
        (h, r, t, ()) for h, r, t, _ in found}


def test_posts_taken_after_by_at_the_body_named_last_before_it(backend):
    found = relations(backend, "岚屿网络科技有限公司与汀兰大学共同组建“汀兰—岚屿智能计算联合研究院”，由汀兰大学信息学院"
                               "教授阮知秋担任院长、岚屿网络科技有限公司首席科学家桑北辰担任常务副院长。")
    assert {("阮知秋", "holdsPosition", "汀兰—岚屿智能计算联合研究院", (("title", "院长"),)),
            ("桑北辰", "holdsPosition", "汀兰—岚屿智能计算联合研究院", (("title", "常务副院长"),))} <= found
    assert ("桑北辰", "holdsPosition", "岚屿网络科技有限公司", (("title", "常务副院长"),)) not in found


def test_a_partner_after_a_declared_short_name_and_posts_of_comrades(backend):
    found = relations(backend, "德州岚屿信息技术股份有限公司（以下简称岚屿信息）本周与德州汀兰公交集团有限公司签订线网优化服务合同。")
    assert ("德州岚屿信息技术股份有限公司", "partnerOf", "德州汀兰公交集团有限公司", ()) in found
    found = relations(backend, "会上宣布桑北辰同志任德州岚屿园区发展有限公司总经理；蔺书禾同志不再担任德州岚屿园区发展有限公司总经理职务。")
    assert {("桑北辰", "holdsPosition", "德州岚屿园区发展有限公司", (("title", "总经理"),)),
            ("蔺书禾", "holdsPosition", "德州岚屿园区发展有限公司", (("title", "总经理"),))} <= found


def test_a_studio_a_publisher_and_a_vendor_described_before_their_names(backend):
    found = relations(backend, "●独立动画工作室德州汀兰影像科技有限公司获得岚屿文创投资基金900万元天使轮投资。")
    assert {(h, t, dict(a).get("round")) for h, r, t, a in found if r == "investedIn"} == {
        ("岚屿文创投资基金", "德州汀兰影像科技有限公司", "天使轮")}
    found = stated(backend, "本月，德州岚屿互动娱乐有限公司与日本发行商汀兰游戏株式会社（Tinlan Games Inc.）签署代理协议。")
    assert {("汀兰游戏株式会社", "locatedIn", "日本", None),
            ("德州岚屿互动娱乐有限公司", "partnerOf", "汀兰游戏株式会社", None)} <= found
    found = stated(backend, "美国测试设备商汀澜测试系统公司与德州岚屿封测科技股份有限公司签订测试机采购协议。")
    assert ("汀澜测试系统公司", "locatedIn", "美国", None) in found
    assert ("德州岚屿封测科技股份有限公司", "locatedIn", "美国", None) not in found
    found = relations(backend, "论坛由德州市工业和信息化局指导，德州岚屿软件股份有限公司与德州汀兰网络科技有限公司联合承办。")
    assert ("德州岚屿软件股份有限公司", "partnerOf", "德州汀兰网络科技有限公司", ()) in found


def test_a_controlling_holder_and_holders_of_the_company_named_before(backend):
    found = relations(backend, "招股书显示，德州岚屿控股有限公司持有德州岚屿软件股份有限公司38.6%股份，为控股股东；"
                               "德州汀兰产业资本有限公司、上海澄江投资管理有限公司分别持股4.2%和2.9%。")
    assert ("德州岚屿软件股份有限公司", "subsidiaryOf", "德州岚屿控股有限公司", ()) in found
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "德州岚屿软件股份有限公司"} == {
        "德州岚屿控股有限公司", "德州汀兰产业资本有限公司", "上海澄江投资管理有限公司"}


def test_the_company_and_the_new_company_named_again(backend):
    found = stated(backend, "德州岚屿精密机械有限公司去年营收增长三成，主要客户来自汽车行业。"
                            "其企业技术中心已获省级认定，公司总经理桑北辰说，今年将新增两条产线。")
    assert ("桑北辰", "holdsPosition", "德州岚屿精密机械有限公司", "总经理") in found
    found = stated(backend, "3月，德州岚屿机械制造有限公司与山东汀兰成长基金共同出资设立德州岚屿智能液压有限公司。"
                            "新公司为岚屿机械的控股子公司。")
    assert ("德州岚屿智能液压有限公司", "subsidiaryOf", "德州岚屿机械制造有限公司", None) in found
    found = stated(backend, "德州汀兰精密制造研究院本月揭牌。首批入驻的德州岚屿模具有限公司将与研究院联合开展工艺攻关。")
    assert ("德州岚屿模具有限公司", "partnerOf", "德州汀兰精密制造研究院", None) in found


def test_bodies_listed_under_their_city_and_inside_a_zone(backend):
    found = relations(backend, "德州市：德州岚屿机械制造有限公司、乐陵市汀兰重工有限公司、禹城市澄江鞋业有限公司。")
    assert {h for h, r, t, _ in found if r == "locatedIn" and t == "德州市"} == {
        "德州岚屿机械制造有限公司", "乐陵市汀兰重工有限公司", "禹城市澄江鞋业有限公司"}
    found = relations(backend, "德州经济技术开发区内的德州岚屿运动用品有限公司、德州汀兰织带有限公司已完成改造。")
    assert {h for h, r, t, _ in found if r == "locatedIn" and t == "德州经济技术开发区"} == {
        "德州岚屿运动用品有限公司", "德州汀兰织带有限公司"}


def test_a_banks_branches_and_the_bank_named_again(backend):
    found = relations(backend, "岚屿银行德州分行汀兰科技支行与澄江银行禹城创新支行近日同时开业。")
    assert {("岚屿银行德州分行汀兰科技支行", "subsidiaryOf", "岚屿银行德州分行", ()),
            ("岚屿银行德州分行", "subsidiaryOf", "岚屿银行", ()),
            ("岚屿银行德州分行汀兰科技支行", "locatedIn", "德州", ()),
            ("澄江银行禹城创新支行", "subsidiaryOf", "澄江银行", ()),
            ("澄江银行禹城创新支行", "locatedIn", "禹城", ())} <= found
    found = stated(backend, "岚屿银行德州分行发布科创金融方案。分行行长桑北辰说，该行年内将新增授信5亿元。")
    assert ("桑北辰", "holdsPosition", "岚屿银行德州分行", "行长") in found
    found = stated(backend, "中国人民银行德州市分行召开会议。该行副行长蔺书禾在会上通报了再贷款投放情况。")
    assert ("蔺书禾", "holdsPosition", "中国人民银行德州市分行", "副行长") in found


def test_a_branch_is_no_short_name_of_its_sub_branch(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "岚屿银行德州分行汀兰科技支行开业。岚屿银行德州分行行长桑北辰出席。"))
    extract([issue], backend)
    labels = {issue.entities[(m.type, m.key)].label for m in issue.mentions if m.type == "Organization"}
    assert {"岚屿银行德州分行汀兰科技支行", "岚屿银行德州分行"} <= labels


def test_a_mayors_post_is_at_the_places_government_when_the_issue_names_it(backend):
    found = stated(backend, "6月18日，德州市人民政府与岚屿银行股份有限公司签订全面合作协议。"
                            "德州市副市长桑北辰在签约仪式上致辞。")
    assert ("桑北辰", "holdsPosition", "德州市人民政府", "副市长") in found
    found = stated(backend, "德州市科学技术局局长蔺书禾同志出席并讲话，禹城市副市长桑北辰同志致辞。")
    assert not any(h == "桑北辰" for h, r, t, _ in found if r == "holdsPosition")


def test_posts_listed_after_one_body_and_a_post_given_to_a_former_officer(backend):
    found = relations(backend, "岚屿光电董事长桑北辰、董事会秘书蔺书禾出席了业绩说明会。")
    assert ("蔺书禾", "holdsPosition", "岚屿光电", (("title", "董事会秘书"),)) in found
    found = relations(backend, "汀兰创投日前聘任原澄江证券投行部负责人阮知秋为合伙人。")
    assert ("阮知秋", "holdsPosition", "汀兰创投", (("title", "合伙人"),)) in found


def test_subsidiaries_after_a_short_name_as_a_groups_firm_and_of_the_company_written_about(backend):
    found = stated(backend, "德州岚屿融资担保有限公司（以下简称岚屿担保）推出批量担保业务。"
                            "岚屿担保是德州岚屿实业集团有限公司（简称岚屿实业）的全资子公司。")
    assert ("德州岚屿融资担保有限公司", "subsidiaryOf", "德州岚屿实业集团有限公司", None) in found
    found = relations(backend, "德州汀兰种子基金管理有限公司为德州汀兰产业集团有限公司旗下企业。")
    assert ("德州汀兰种子基金管理有限公司", "subsidiaryOf", "德州汀兰产业集团有限公司", ()) in found
    found = stated(backend, "岚屿光电登陆科创板\n12月10日，德州岚屿光电科技股份有限公司在科创板挂牌上市。"
                            "汀兰基金参与战略配售。募资将用于全资子公司岚屿光电（禹城）精密光学有限公司的扩产项目。")
    assert ("岚屿光电（禹城）精密光学有限公司", "subsidiaryOf", "德州岚屿光电科技股份有限公司", None) in found


def test_all_sides_of_a_three_party_agreement_and_partners_joined_by_the_subject(backend):
    found = relations(backend, "德州经开区管委会、岚屿银行德州分行与德州汀兰融资担保有限公司（以下简称汀兰担保）"
                               "共同签署科技信贷三方协议。")
    assert ("德州经开区管委会", "partnerOf", "岚屿银行德州分行", ()) in found
    found = relations(backend, "德州汀兰融资担保有限公司专注科技型企业担保，近期联合澄江农商银行推出批量担保产品。")
    assert ("德州汀兰融资担保有限公司", "partnerOf", "澄江农商银行", ()) in found
    found = relations(backend, "德州岚屿技术交易中心有限公司（以下简称岚屿技交中心）上线新平台。"
                               "该中心已与澄江证券、汀兰资本等8家机构建立联动机制。")
    assert {t for h, r, t, _ in found if r == "partnerOf"} >= {"澄江证券", "汀兰资本"}


def test_a_follower_joins_a_deal_written_with_its_target_first(backend):
    found = relations(backend, "德州汀兰创业投资基金合伙企业（有限合伙）对德州岚屿测控科技有限公司追加投资3000万元（B轮），澄江创投跟投。")
    assert ("澄江创投", "investedIn", "德州岚屿测控科技有限公司", (("lead", False), ("round", "B轮"))) in found


def test_a_joint_lab_named_by_its_field_is_founded_by_both_sides(backend):
    found = relations(backend, "德州岚屿科技有限公司与汀兰大学达成合作，双方将共建深海声学联合实验室。")
    assert {("德州岚屿科技有限公司", "founded", "深海声学联合实验室", ()),
            ("汀兰大学", "founded", "深海声学联合实验室", ())} <= found
    found = relations(backend, "德州岚屿科技有限公司宣布与汀兰理工学院共建海洋遥感联合实验室。")
    assert {("德州岚屿科技有限公司", "founded", "海洋遥感联合实验室", ()),
            ("汀兰理工学院", "founded", "海洋遥感联合实验室", ())} <= found


def test_a_body_named_in_a_headline_without_its_place(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "德州科技周报\n2025年第3期\n\n德州高新区与汀兰大学共建先进储能材料研究院\n\n"
                             "德州高新区管理委员会与汀兰大学签署合作协议，共建德州先进储能材料研究院。"))
    extract([issue], backend)
    assert {m.key for m in issue.mentions if "储能" in m.text} == {"德州先进储能材料研究院"}
    assert ("汀兰大学", "Organization") in {(m.text, m.type) for m in issue.mentions if m.sentence == 1}


def test_a_sentence_of_several_deals_one_per_clause(backend):
    found = relations(backend, "蓝汀导航完成数千万元天使轮融资，投资方为峻岳资本；飞汀无人机获得A轮投资，松汀创投领投，鹏岳基金跟投。")
    assert {(h, t, dict(a).get("round")) for h, r, t, a in found if r == "investedIn"} == {
        ("峻岳资本", "蓝汀导航", "天使轮"), ("松汀创投", "飞汀无人机", "A轮"), ("鹏岳基金", "飞汀无人机", "A轮")}


def test_posts_opening_clauses_after_a_dated_meeting_of_a_body_with_a_short_name(backend):
    found = relations(backend, "4月11日，德州市岚屿低空产业协会（以下简称岚屿协会）理事会会议在德城区召开，"
                               "会长宁书远、执行会长桑知夏出席。")
    assert {("宁书远", "holdsPosition", "德州市岚屿低空产业协会", (("title", "会长"),)),
            ("桑知夏", "holdsPosition", "德州市岚屿低空产业协会", (("title", "执行会长"),))} <= found
    found = relations(backend, "德城区科技局副局长蔺书和同志介绍，全区新增企业30家。")
    assert ("蔺书和", "holdsPosition", "德城区科技局", (("title", "副局长"),)) in found


def test_a_headlines_abridged_title_is_the_articles_policy(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "德州科技周报\n2025年第3期\n\n■ 德城出台数字经济若干措施\n\n"
                             "4月9日，德州市德城区人民政府印发《德城区支持数字经济加快发展若干措施》，共十二条。"))
    extract([issue], backend)
    assert {m.key for m in issue.mentions if m.type == "Policy"} == {"德城区支持数字经济加快发展若干措施"}
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",  # the full title ends with its period in brackets
                             "德州科技周报\n2025年第4期\n\n■ 省发改委出台汀兰氢能产业实施方案\n\n"
                             "省发展改革委本月出台《山东省汀兰氢能产业提质扩量实施方案（2026—2028年）》。"))
    extract([issue], backend)
    assert {m.key for m in issue.mentions if m.type == "Policy"} == {"山东省汀兰氢能产业提质扩量实施方案（2026—2028年）"}


def test_a_masthead_names_its_publisher_after_the_issues_label(backend):
    text = ("低空产业周报\n\n内部资料\n\n2025年第9期（总第41期）\n\n德州市岚屿低空产业协会秘书处编印　　　2025年4月14日\n\n"
            "■ 协会召开理事会\n\n4月11日，德州市岚屿低空产业协会召开理事会。")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    assert issue.meta.publisher == "德州市岚屿低空产业协会秘书处"
    extract([issue], backend)
    assert ("德州市岚屿低空产业协会秘书处", "subsidiaryOf", "德州市岚屿低空产业协会") in {
        (issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text) for r in issue.relations}


def test_a_body_set_up_named_by_its_field_and_a_company_name_run_on_into_its_verb(backend):
    found = relations(backend, "根据协议，德城区人民政府、禹城市人民政府将共同组建德禹职教协作联盟，首期吸纳院校9所。")
    assert {("德城区人民政府", "founded", "德禹职教协作联盟", ()),
            ("禹城市人民政府", "founded", "德禹职教协作联盟", ())} <= found
    found = relations(backend, "德州汀兰大学与山东岚屿精密仪器有限公司合作建设光学检测实验室。")
    assert {("德州汀兰大学", "founded", "光学检测实验室", ()),
            ("山东岚屿精密仪器有限公司", "founded", "光学检测实验室", ())} <= found



def test_units_owned_listed_after_the_owner_and_a_body_it_controls(backend):
    found = relations(backend, "截至年底，汀兰集团旗下已有德州汀兰冷链有限公司、禹城汀兰棉业有限公司等4家子公司。")
    assert {("德州汀兰冷链有限公司", "subsidiaryOf", "汀兰集团", ()),
            ("禹城汀兰棉业有限公司", "subsidiaryOf", "汀兰集团", ())} <= found
    found = relations(backend, "此外，汀兰集团控股的山东汀兰纺织有限公司在德州市德城区设立山东汀兰纺织有限公司德城分公司。")
    assert {("山东汀兰纺织有限公司", "subsidiaryOf", "汀兰集团", ()),
            ("山东汀兰纺织有限公司", "founded", "山东汀兰纺织有限公司德城分公司", ()),
            ("山东汀兰纺织有限公司德城分公司", "locatedIn", "德城区", ())} <= found


def test_a_station_built_together_in_a_place_and_who_heads_it(backend):
    found = relations(backend, "省农科院岚屿研究所和禹城市人民政府商定，在禹城市房寺镇共建禹城优质棉花试验站，"
                               "由岚屿研究所首席专家庄汀岚研究员兼任站长。")
    assert {("省农科院岚屿研究所", "founded", "禹城优质棉花试验站", ()),
            ("禹城市人民政府", "founded", "禹城优质棉花试验站", ()),
            ("禹城优质棉花试验站", "locatedIn", "房寺镇", ()),
            ("庄汀岚", "holdsPosition", "禹城优质棉花试验站", (("title", "站长"),)),
            ("省农科院岚屿研究所", "subsidiaryOf", "省农科院", ())} <= found


def test_bodies_that_found_one_under_a_leader_and_a_task_is_no_founding(backend):
    found = relations(backend, "禹城市岚屿棉花专业合作社牵头，联合山东汀兰纺织有限公司、"
                               "禹城市房寺镇岚田家庭农场等9家单位，发起成立禹城市棉纺产业化联合体。")
    assert {(head, "founded", "禹城市棉纺产业化联合体", ()) for head in (
        "禹城市岚屿棉花专业合作社", "山东汀兰纺织有限公司", "禹城市房寺镇岚田家庭农场")} <= found
    found = relations(backend, "岚屿滴灌公司的国内销售由其全资子公司岚屿滴灌（上海）有限公司负责，该公司已在德州设立办事处。")
    assert ("岚屿滴灌（上海）有限公司", "subsidiaryOf", "岚屿滴灌公司", ()) in found
    assert not any(r[1] == "founded" for r in found)


def test_an_institute_named_again_without_its_academy_and_partners_joined_later(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "省农科院岚屿研究所与德州市人民政府签署合作协议。\n\n岚屿所所长庄汀岚表示，将选派专家驻点。"
                             "岚屿研究所副所长宁书远出席。"))
    extract([issue], backend)
    keys = {m.text: m.key for m in issue.mentions if m.type == "Organization"}
    assert keys["岚屿所"] == keys["岚屿研究所"] == keys["省农科院岚屿研究所"]
    found = relations(backend, "岚屿研究所和汀兰棉业有限公司还将联合荷兰澄溪育种公司选育抗旱棉花。")
    assert {("岚屿研究所", "partnerOf", "荷兰澄溪育种公司", ()), ("汀兰棉业有限公司", "partnerOf", "荷兰澄溪育种公司", ())} <= found


def test_posts_taken_at_a_body_the_sentence_opens_with_as_made_by_others(backend):
    found = relations(backend, "6月9日，由省农科院与德州市人民政府共建的德州棉花产业研究院在德城区揭牌，"
                               "省农科院岚屿研究所所长庄汀岚兼任院长，德州市科学技术局副局长宁书远任副院长。")
    assert {("庄汀岚", "holdsPosition", "德州棉花产业研究院", (("title", "院长"),)),
            ("宁书远", "holdsPosition", "德州棉花产业研究院", (("title", "副院长"),))} <= found
    found = relations(backend, "山东岚屿棉业股份有限公司（以下简称岚屿棉业）与汀兰纺织有限公司日前共同出资3000万元，"
                               "在禹城市组建禹城岚屿新纤维有限公司。")
    assert {("山东岚屿棉业股份有限公司", "founded", "禹城岚屿新纤维有限公司", ()),
            ("汀兰纺织有限公司", "founded", "禹城岚屿新纤维有限公司", ())} <= found
    found = relations(backend, "岚屿滴灌公司中国区首席代表尤纳斯·岚德林称，公司将扩大在华北的销售网络。")
    assert ("尤纳斯·岚德林", "holdsPosition", "岚屿滴灌公司", (("title", "中国区首席代表"),)) in found
    assert ("庄汀岚", "holdsPosition", "岚田家庭农场", (("title", "农场主"),)) in relations(
        backend, "岚田家庭农场农场主庄汀岚说，棉花长势很好。")


def test_a_lab_hosted_by_bodies_is_theirs_and_who_heads_it(backend):
    found = relations(backend, "日前，科技部批准依托汀兰大学和山东岚屿纤维股份有限公司在德州共同建设纤维材料绿色制造全国重点实验室，"
                               "由中国工程院院士蔺启远任实验室主任，岚屿纤维董事长庄汀岚任副主任。")
    lab = "纤维材料绿色制造全国重点实验室"
    assert {(lab, "subsidiaryOf", "汀兰大学", ()), (lab, "subsidiaryOf", "山东岚屿纤维股份有限公司", ()),
            ("庄汀岚", "holdsPosition", lab, (("title", "副主任"),))} <= found
    assert not any(r[1] == "founded" for r in found)
    assert not any(r[0] == "庄汀岚" and r[1] == "holdsPosition" and r[2] in ("科技部", "实验室") for r in found)
    found = relations(backend, "名单中，依托汀兰大学建设的山东岚屿纺织材料重点实验室排名第一。")
    assert ("山东岚屿纺织材料重点实验室", "subsidiaryOf", "汀兰大学", ()) in found
    found = relations(backend, "德州市科学技术局牵头组建德州市岚屿棉业科技特派员服务团，由汀兰农业大学农学院教授宁书远任团长。")
    assert {("德州市科学技术局", "founded", "德州市岚屿棉业科技特派员服务团", ()),
            ("宁书远", "holdsPosition", "德州市岚屿棉业科技特派员服务团", (("title", "团长"),))} <= found


def test_companies_listed_in_a_park_a_subsidiary_set_up_abroad_and_a_schools_company(backend):
    found = relations(backend, "据悉，位于钦州岚屿产业园区的钦州汀兰科技有限公司、广西岚屿检测技术有限公司、钦州澄溪材料有限公司均已入选。")
    assert {(org, "locatedIn", "钦州岚屿产业园区", ()) for org in (
        "钦州汀兰科技有限公司", "广西岚屿检测技术有限公司", "钦州澄溪材料有限公司")} <= found
    found = relations(backend, "钦州岚屿储能科技有限公司（以下称“岚屿储能”）上周投产。"
                               "岚屿储能是马来西亚澄溪集团在防城港设立的全资子公司。")
    assert {("岚屿储能", "subsidiaryOf", "马来西亚澄溪集团", ()), ("马来西亚澄溪集团", "founded", "岚屿储能", ())} <= found
    found = relations(backend, "汀兰大学资产经营有限公司当日完成增资。")
    assert ("汀兰大学资产经营有限公司", "subsidiaryOf", "汀兰大学", ()) in found


def test_a_post_of_the_kind_of_the_body_just_set_up(backend):
    found = relations(backend, "梧州市人民政府同汀兰农业大学签约，双方将共同组建梧州岚屿茶叶研究院，院长由汀兰农业大学教授宁书远担任。")
    assert ("宁书远", "holdsPosition", "梧州岚屿茶叶研究院", (("title", "院长"),)) in found
    assert not any(r[0] == "宁书远" and r[2] == "梧州市人民政府" for r in found)


def test_a_table_of_signed_projects_a_subsidiary_set_up_after_an_announcement_and_a_bought_company(backend):
    found = relations(backend, "4　特种铝合金型材　　　　宣城汀兰金属科技股份有限公司　宣城经开区　　7")
    assert ("宣城汀兰金属科技股份有限公司", "locatedIn", "宣城经开区", ()) in found
    found = relations(backend, "岚屿铜业集团有限公司（简称“岚屿集团”）3 月 2 日公告，拟以自有资金 2 亿元在铜陵经济技术开发区"
                               "设立全资子公司铜陵岚屿电子铜箔有限公司。")
    assert {("铜陵岚屿电子铜箔有限公司", "subsidiaryOf", "岚屿集团", ()),
            ("岚屿集团", "founded", "铜陵岚屿电子铜箔有限公司", ())} <= found
    found = relations(backend, "科创板上市公司安徽岚屿新材料股份有限公司（岚屿新材）披露重组预案，"
                               "拟以发行股份方式收购苏州汀兰精密陶瓷有限公司 100% 股权。")
    assert {("岚屿新材", "investedIn", "苏州汀兰精密陶瓷有限公司", ()),
            ("苏州汀兰精密陶瓷有限公司", "subsidiaryOf", "岚屿新材", ())} <= found
    assert ("汀兰合金", "subsidiaryOf", "马鞍山汀兰控股集团有限公司", ()) in relations(
        backend, "汀兰合金控股股东为马鞍山汀兰控股集团有限公司，该项目明年投产。")


def test_a_partner_described_by_its_seat_keeps_the_seat(backend):
    found = relations(backend, "安庆岚屿光刻胶有限公司与总部位于日本京都的汀兰化成株式会社签署技术许可协议。")
    assert {("安庆岚屿光刻胶有限公司", "partnerOf", "汀兰化成株式会社", ()),
            ("汀兰化成株式会社", "locatedIn", "京都", ())} <= found
    assert ("安庆岚屿光刻胶有限公司", "locatedIn", "京都", ()) not in found


def test_a_fund_that_is_a_groups_platform_and_units_owned_after_an_announcement(backend):
    assert ("汀兰资本", "subsidiaryOf", "汀兰航空工业集团有限公司", ()) in relations(
        backend, "汀兰资本系汀兰航空工业集团有限公司旗下产业投资平台。")
    found = relations(backend, "德州岚屿铜业集团有限公司（岚屿集团）3 月 8 日公告，旗下控股子公司德州岚屿精密线材有限公司拟在越南设厂。")
    assert ("德州岚屿精密线材有限公司", "subsidiaryOf", "岚屿集团", ()) in found
    found = relations(backend, "山东岚屿陶瓷股份有限公司（岚屿陶瓷）3 月 9 日公告，收购苏州汀兰精密部件有限公司 70% 股权事项已完成。")
    assert {("岚屿陶瓷", "investedIn", "苏州汀兰精密部件有限公司", ()),
            ("苏州汀兰精密部件有限公司", "subsidiaryOf", "岚屿陶瓷", ())} <= found
    found = relations(backend, "德州汀兰高新技术产业开发区管理委员会旗下德州汀兰产业投资有限公司当日跟投 1 亿元。")
    assert ("德州汀兰产业投资有限公司", "subsidiaryOf", "德州汀兰高新技术产业开发区管理委员会", ()) in found


def test_a_quoted_body_with_a_latin_word_built_together_and_a_quoted_way_of_working(backend):
    found = relations(backend, "4 月 2 日，省材料院与德州岚屿高分子材料有限公司签约共建“汀兰 PEEK 院士工作站”。")
    assert ("德州岚屿高分子材料有限公司", "founded", "汀兰 PEEK 院士工作站", ()) in found
    found = relations(backend, "德州岚屿银行与德城区管委会共建“投贷联动”试点。")
    assert not any(r[1] == "founded" for r in found)


def test_a_round_led_in_a_described_company_and_pairs_listed_with_their_partners(backend):
    found = relations(backend, "岚屿资本本周领投荷兰初创公司汀兰光子有限公司 A 轮融资，澄湖产业基金、岚屿科创投资有限公司跟投。")
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "汀兰光子有限公司"} == {
        "岚屿资本", "澄湖产业基金", "岚屿科创投资有限公司"}
    found = relations(backend, "今年入选的对接项目中，岚屿农业大学与泰国汀兰农业学院、澄湖种业集团与越南岚屿稻作研究所、"
                               "汀兰理工大学与波兰澄湖工学院等 6 对单位获得资助。")
    partners = {frozenset((h, t)) for h, r, t, _ in found if r == "partnerOf"}
    assert partners == {frozenset(("岚屿农业大学", "泰国汀兰农业学院")), frozenset(("澄湖种业集团", "越南岚屿稻作研究所")),
                        frozenset(("汀兰理工大学", "波兰澄湖工学院"))}


def test_shares_each_holder_takes_in_a_body_named_before_and_a_fund_set_up_in_a_place(backend):
    found = relations(backend, "岚屿电子有限公司日前在德国设立控股子公司岚屿电子欧洲有限公司，由岚屿电子与德国汀兰实业有限公司"
                               "分别持有 55%、45% 股权。")
    assert {("岚屿电子", "investedIn", "岚屿电子欧洲有限公司", ()),
            ("德国汀兰实业有限公司", "investedIn", "岚屿电子欧洲有限公司", ())} <= found
    found = relations(backend, "湖北省汀兰创新引导基金（简称“汀兰基金”）本月在襄阳设立，总规模 3 亿元，由岚屿投资有限公司、"
                               "澄湖资本管理有限公司共同发起，双方分别持有 65%、35% 的份额。")
    fund = {"湖北省汀兰创新引导基金", "汀兰基金"}  # its name or the short name declared for it
    for holder in ("岚屿投资有限公司", "澄湖资本管理有限公司"):
        assert {r for h, r, t, _ in found if h == holder and t in fund} >= {"founded", "investedIn"}
    assert {h for h, r, t, _ in found if r == "locatedIn" and t == "襄阳"} & fund
    # shares that do not match the holders one to one say nothing of who holds what
    found = relations(backend, "岚屿电子欧洲有限公司由岚屿电子与德国汀兰实业有限公司分别持有 55% 股权。")
    assert not any(r == "investedIn" for _, r, _, _ in found)


def test_a_title_without_marks_ending_in_management_rules_and_its_two_issuers(backend):
    found = relations(backend, "岚屿基金管理中心会同澄湖资本管理有限公司制定了汀兰海外孵化基金投资管理细则，明确了退出程序。")
    assert {("岚屿基金管理中心", "issued", "汀兰海外孵化基金投资管理细则", ()),
            ("澄湖资本管理有限公司", "issued", "汀兰海外孵化基金投资管理细则", ())} <= found
    assert not any(r == "partnerOf" for _, r, _, _ in found)


def test_the_next_post_of_a_body_whose_post_was_filled_and_a_centre_named_with_its_seat(backend):
    found = relations(backend, "岚屿精密测量联合研究中心主任由汀兰光电科技有限公司总工程师罗汀宇出任，外方副主任为汉斯·岚德教授。")
    assert {("罗汀宇", "holdsPosition", "岚屿精密测量联合研究中心", (("title", "主任"),)),
            ("汉斯·岚德", "holdsPosition", "岚屿精密测量联合研究中心", (("title", "外方副主任"),))} <= found
    found = relations(backend, "岚屿（德国）技术服务中心本月在汉诺威启用。")
    assert ("岚屿（德国）技术服务中心", "locatedIn", "德国", ()) in found


def test_a_delegations_body_partners_whom_it_signs_with_and_a_clause_about_a_centre_seats_no_speaker(backend):
    found = relations(backend, "5 月 8 日至 10 日，丹麦岚屿理工大学副校长汉斯·汀德率团访问襄阳，考察了澄湖电子有限公司，"
                               "并与襄阳汀兰微波技术有限公司签署合作备忘录。")
    partners = {frozenset((h, t)) for h, r, t, _ in found if r == "partnerOf"}
    assert frozenset(("丹麦岚屿理工大学", "襄阳汀兰微波技术有限公司")) in partners
    assert not any("澄湖电子有限公司" in pair for pair in partners)  # visited, no agreement
    found = relations(backend, "澄湖锂电总经理何汀透露，中心将落户宜昌高新区，主要开展钠电池研发。")
    assert not any(r == "locatedIn" and h == "澄湖锂电" for h, r, _, _ in found)


def test_builders_and_founders_with_a_place_between_and_a_visitors_body(backend):
    found = relations(backend, "3 月 9 日，湖北省对外交流服务中心与新加坡企业汀兰医疗科技集团（简称“汀兰医疗”）共建的"
                               "岚屿（新加坡）技术转移中心投入运营。")
    assert {h for h, r, t, _ in found if r == "founded" and t == "岚屿（新加坡）技术转移中心"} == {
        "湖北省对外交流服务中心", "汀兰医疗科技集团"}
    found = relations(backend, "6 月 5 日，由湖北省科学技术厅与匈牙利澄湖理工大学共建的中匈岚屿电池联合实验室在汀兰理工大学揭牌。")
    founders = {h for h, r, t, _ in found if r == "founded"}  # (the country may be read into the name or not)
    assert len(founders) == 2 and "湖北省科学技术厅" in founders and any(h.endswith("澄湖理工大学") for h in founders)
    found = relations(backend, "7 月 2 日，宜昌汀兰储能技术有限公司（简称汀兰储能）同英国曼彻斯特澄湖理工大学达成协议，"
                               "共建中英岚屿储能联合研究中心。")
    assert ("英国曼彻斯特澄湖理工大学", "founded", "中英岚屿储能联合研究中心", ()) in found
    found = relations(backend, "老挝澄湖林业开发有限公司董事长宋汀·本德尼一行 8 月 3 日到访普洱，"
                               "同普洱岚屿茶业集团有限公司签订原料供应合作协议。")
    assert ("老挝澄湖林业开发有限公司", "partnerOf", "普洱岚屿茶业集团有限公司", ()) in found


def test_a_subject_that_puts_money_into_each_of_a_list(backend):
    found = relations(backend, "岚屿产业投资基金本季度分别向新加坡岚屿孵化器有限公司、德国汀兰创新中心和"
                               "匈牙利澄湖孵化器出资 1200 万元、900 万元和 600 万元，用于海外项目孵化。")
    assert {t for h, r, t, _ in found if r == "investedIn" and h == "岚屿产业投资基金"} == {
        "新加坡岚屿孵化器有限公司", "德国汀兰创新中心", "澄湖孵化器"}


def test_more_money_into_the_sentences_subject(backend):
    found = relations(backend, "岚屿（新加坡）技术转移中心三期本月开工，新加坡企业汀兰医疗科技集团追加投资 800 万新元。")
    assert ("汀兰医疗科技集团", "investedIn", "岚屿（新加坡）技术转移中心", (("lead", False),)) in found


def test_places_of_a_list_of_many_a_scene_and_a_registration_on_a_date(backend):
    found = relations(backend, "上半年，深圳汀兰科技有限公司、岚屿测绘、深圳澄湖动力系统有限公司"
                               "等六家智能制造企业先后落户坪山区，总投资超过 20 亿元。")
    assert {h for h, r, t, _ in found if r == "locatedIn" and t == "坪山区"} >= {
        "深圳汀兰科技有限公司", "岚屿测绘", "深圳澄湖动力系统有限公司"}
    found = relations(backend, "在滨海新区，天津汀兰精密光学有限公司与天津岚屿智造研究院合作研制的检测设备已批量供货。")
    assert {("天津汀兰精密光学有限公司", "locatedIn", "滨海新区", ()), ("天津岚屿智造研究院", "locatedIn", "滨海新区", ())} <= found
    found = relations(backend, "岚屿大学成果转化有限公司已于10月8日在江北新区注册成立，由学校资产处处长谢汀兼任执行董事。")
    assert {("岚屿大学成果转化有限公司", "locatedIn", "江北新区", ()),
            ("谢汀", "holdsPosition", "岚屿大学成果转化有限公司", (("title", "执行董事"),))} <= found
    assert not any(r == "holdsPosition" and a[0][1].startswith("由") for _, r, _, a in found)


def test_countries_short_names_and_unions_of_countries_are_places():
    from kg.regions import gazetteer, is_area

    assert gazetteer().lookup("印尼").name == "印度尼西亚"
    assert is_area("东盟") and is_area("欧盟")


def test_posts_after_a_meeting_at_a_venue_and_a_leader_that_joined_others_on_a_day(backend):
    found = relations(backend, "9 月 2 日，无锡市汀兰产业协会二届五次会员大会在岚屿机器人有限公司举行，会长沈汀群主持会议，"
                               "秘书长冯澄禾作工作报告。")
    assert {("沈汀群", "holdsPosition", "无锡市汀兰产业协会", (("title", "会长"),)),
            ("冯澄禾", "holdsPosition", "无锡市汀兰产业协会", (("title", "秘书长"),))} <= found
    found = relations(backend, "无锡汀兰智能装备研究院（简称“汀兰院”）8 月 6 日联合无锡岚屿传动有限公司、无锡澄湖电机有限公司"
                               "等 5 家企业共同发起成立“伺服系统岚屿联合体”。")
    founders = {h for h, r, t, _ in found if r == "founded" and t == "伺服系统岚屿联合体"}
    assert {"无锡岚屿传动有限公司", "无锡澄湖电机有限公司"} <= founders
    assert founders & {"无锡汀兰智能装备研究院", "汀兰院"}


def test_capital_increases_sole_investors_and_a_strategic_part_in_a_round(backend):
    found = relations(backend, "无锡岚屿传动有限公司日前完成 6000 万元增资，汀兰资本、无锡澄湖股权投资有限公司分别认缴。")
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "无锡岚屿传动有限公司"} == {
        "汀兰资本", "无锡澄湖股权投资有限公司"}
    found = relations(backend, "常州汀兰执行器有限公司完成 Pre-A 轮融资，岚屿投资独家投资。")
    assert ("岚屿投资", "investedIn", "常州汀兰执行器有限公司", (("lead", False), ("round", "Pre-A 轮"))) in found
    found = relations(backend, "上海岚屿人形机器人有限公司 6 月 12 日宣布完成 3.5 亿元 B 轮融资，由汀兰资本领投，"
                               "浙江澄湖智能装备股份有限公司也参与了本轮战略投资。")
    assert ("浙江澄湖智能装备股份有限公司", "investedIn", "上海岚屿人形机器人有限公司") in {f[:3] for f in found}


def test_companies_that_sign_to_settle_in_a_zone_are_there_not_partners(backend):
    found = relations(backend, "8 月 28 日，汀兰机器人谷举办项目签约仪式，杭州岚屿人形机器人有限公司、"
                               "合肥澄湖视觉科技有限公司和宁波汀兰精工科技有限公司集中签约入驻，计划投资 9 亿元。")
    assert {h for h, r, t, _ in found if r == "locatedIn" and t == "汀兰机器人谷"} == {
        "杭州岚屿人形机器人有限公司", "合肥澄湖视觉科技有限公司", "宁波汀兰精工科技有限公司"}
    assert not any(r == "partnerOf" for _, r, _, _ in found)


def test_a_foreign_body_with_and_without_its_country_is_one_entity_seated_there(backend):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "汀兰光电宣布收购德国斯图加特岚屿透镜有限公司 70% 股权。岚屿透镜有限公司总经理克劳斯·汀德留任。"))
    extract([issue], backend)
    keys = {m.key for m in issue.mentions if m.type == "Organization" and "岚屿透镜" in m.text}
    assert len(keys) == 1
    surfaces = {m.text for m in issue.mentions if m.key in keys}
    assert {"德国斯图加特岚屿透镜有限公司", "斯图加特岚屿透镜有限公司"} <= surfaces
    seats = {issue.mentions[r.tail].text for r in issue.relations
             if r.type == "locatedIn" and issue.mentions[r.head].key in keys}
    assert {"德国", "斯图加特"} <= seats


def test_the_school_named_again_by_its_kind(backend):
    found = relations(backend, "5 月 8 日，岚屿工程大学与汀兰机器人有限公司共建的智能感知联合实验室揭牌。"
                               "该校校长叶汀泽出席揭牌仪式。")
    assert ("叶汀泽", "holdsPosition", "岚屿工程大学", (("title", "校长"),)) in found
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "岚屿工程大学新建一座实验楼。该校校长叶汀泽出席仪式。"))
    extract([issue], backend)
    assert len({m.key for m in issue.mentions if m.type == "Organization"}) == 1


def test_posts_taken_again_or_now_and_a_strategic_investment_made(backend):
    found = relations(backend, "汀兰视觉科技有限公司由林晓汀于 2016 年创立，被岚屿智能收购后，林晓汀继续担任总经理。")
    assert ("林晓汀", "holdsPosition", "汀兰视觉科技有限公司", (("title", "总经理"),)) in found
    found = relations(backend, "汀兰智能科技有限公司是程汀和岚屿大学教授何澄恒在 2019 年联合创办的企业，程汀现任公司首席执行官。")
    assert ("程汀", "holdsPosition", "汀兰智能科技有限公司", (("title", "首席执行官"),)) in found
    found = relations(backend, "浙江汀兰传动科技股份有限公司（简称“汀兰传动”）本月发布公告。"
                               "汀兰传动对温州岚屿轴承制造有限公司开展战略投资，持有其 15% 股权。")
    assert ("汀兰传动", "investedIn", "温州岚屿轴承制造有限公司") in {f[:3] for f in found}


def test_a_list_of_bodies_each_set_up_by_its_own_leader(backend):
    found = relations(backend, "市科技局发布新一批市级创新平台，岚屿新材料研究院牵头组建的中德复合材料联合研究中心、"
                               "汀兰化工研究所牵头组建的中法精细化工联合研究中心等 6 个平台获批。")
    assert {(h, t) for h, r, t, _ in found if r == "founded"} == {
        ("岚屿新材料研究院", "中德复合材料联合研究中心"), ("汀兰化工研究所", "中法精细化工联合研究中心")}


def test_owners_named_with_a_description_or_as_its_own_and_first_subsidiaries_abroad(backend):
    found = relations(backend, "据悉，岚屿精密制造有限公司是南充市民营企业汀兰实业集团有限公司的全资子公司。")
    assert ("岚屿精密制造有限公司", "subsidiaryOf", "汀兰实业集团有限公司", ()) in found
    found = relations(backend, "据介绍，澄湖光学仪器（厦门）有限公司为日本澄湖精机株式会社在华第二家全资子公司。")
    assert ("澄湖光学仪器（厦门）有限公司", "subsidiaryOf", "日本澄湖精机株式会社", ()) in found
    # the owner first, then where and which of its subsidiaries, then the subsidiary's name
    found = relations(backend, "德国汀赫化学集团在华全资子公司汀赫化学（台州）有限公司二期项目投产。")
    assert ("汀赫化学（台州）有限公司", "subsidiaryOf", "德国汀赫化学集团", ()) in found
    found = relations(backend, "6 月 2 日，瑞典汀森酶制剂公司在中国的第一家全资子公司汀森生物（南通）有限公司揭牌。")
    assert ("汀森生物（南通）有限公司", "subsidiaryOf", "瑞典汀森酶制剂公司", ()) in found
    found = relations(backend, "当天，岚屿机器人有限公司和其控股子公司佛山岚屿传动有限公司的新工厂同时投产。")
    assert ("佛山岚屿传动有限公司", "subsidiaryOf", "岚屿机器人有限公司", ()) in found
    found = relations(backend, "汀兰装备总经理徐砚汀表示，其全资子公司江阴汀兰部件制造有限公司下月试产。")
    assert ("江阴汀兰部件制造有限公司", "subsidiaryOf", "汀兰装备") in {f[:3] for f in found}


def test_the_builders_of_a_company_each_hold_their_share_of_it(backend):
    found = relations(backend, "山东汀兰数据科技有限公司与青岛岚屿港口集团有限公司合资设立汀兰数据（青岛）运营有限公司，"
                               "双方分别持有其 60% 和 40% 股权。")
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "汀兰数据（青岛）运营有限公司"} == {
        "山东汀兰数据科技有限公司", "青岛岚屿港口集团有限公司"}
    found = relations(backend, "岚屿种业股份有限公司与澄湖种苗有限公司本月出资 8000 万元，在潍坊市组建潍坊岚屿蔬菜育种有限公司，"
                               "岚屿种业股份有限公司、澄湖种苗有限公司分别持股 55% 和 45%。")
    assert {h for h, r, t, _ in found if r == "investedIn" and t == "潍坊岚屿蔬菜育种有限公司"} == {
        "岚屿种业股份有限公司", "澄湖种苗有限公司"}


def test_stakes_in_the_body_named_before_strategic_money_sent_and_posts_in_turn(backend):
    found = relations(backend, "汀兰种业有限公司系岚屿种业股份有限公司参股企业，岚屿种业股份有限公司持有其 25% 股份。")
    assert ("岚屿种业股份有限公司", "investedIn", "汀兰种业有限公司", ()) in found
    found = relations(backend, "岚屿汽车集团有限公司近日向位于高新区的重庆汀兰铸造有限公司战略投资 1.5 亿元，持股 18%。")
    assert ("岚屿汽车集团有限公司", "investedIn", "重庆汀兰铸造有限公司") in {f[:3] for f in found}
    found = relations(backend, "岚屿引导基金向广州汀兰微流控科技有限公司投出 2000 万元 Pre-A 轮。")
    assert ("岚屿引导基金", "investedIn", "广州汀兰微流控科技有限公司") in {f[:3] for f in found}
    found = relations(backend, "如今，陈汀水担任岚屿液压件有限公司董事长，陈澄航任总经理。")
    assert {("陈汀水", "holdsPosition", "岚屿液压件有限公司", (("title", "董事长"),)),
            ("陈澄航", "holdsPosition", "岚屿液压件有限公司", (("title", "总经理"),))} <= found


def test_capital_put_into_its_own_subsidiary(backend):
    found = relations(backend, "澄荣化学株式会社日前向其在保税区的全资子公司泸州澄荣树脂有限公司增资 2000 万美元。")
    assert ("澄荣化学株式会社", "investedIn", "泸州澄荣树脂有限公司", ()) in found
    assert ("泸州澄荣树脂有限公司", "subsidiaryOf", "澄荣化学株式会社", ()) in found


def test_a_station_that_belongs_to_a_bureau_named_before_it(backend):
    found = relations(backend, "隶属于省生态环境厅的岚州市环境监测中心站今年新建 4 个大气监测点。")
    assert ("岚州市环境监测中心站", "subsidiaryOf", "省生态环境厅", ()) in found


def test_a_companys_regional_seat_is_where_the_company_is(backend):
    found = relations(backend, "云澜科技华东总部落户苏州工业园区。")
    assert ("云澜科技", "locatedIn", "苏州工业园区", ()) in found


def test_a_post_after_the_name_and_one_taken_by_an_academician(backend):
    """ORG PERSON 局长介绍; 某某院士受聘出任 | 中心 (named again) | 首席专家."""
    found = relations(backend, "岚州市数据局赵一鸣局长介绍，已发放算力券 600 万元。")
    assert ("赵一鸣", "holdsPosition", "岚州市数据局", (("title", "局长"),)) in found
    found = relations(backend, "岚州大学与岚州研究院共建西部智算研究中心。吴敬远院士受聘出任中心首席专家。")
    assert ("吴敬远", "holdsPosition", "西部智算研究中心", (("title", "首席专家"),)) in found


def test_a_unit_that_is_a_bureaus_own(backend):
    found = relations(backend, "岚州市计量测试研究所是岚州市市场监督管理局直属事业单位。")
    assert ("岚州市计量测试研究所", "subsidiaryOf", "岚州市市场监督管理局", ()) in found


def test_a_founder_described_by_the_place_he_comes_from(backend):
    found = relations(backend, "岚禾药业有限公司由温州籍企业家陈汀舟于 2016 年创办。")
    assert ("陈汀舟", "founded", "岚禾药业有限公司", ()) in found


def test_who_set_up_each_listed_body_in_brackets(backend):
    """X（由 A 设立）、Y（由 B 设立）: A founded X, B founded Y, and nobody founded the body that approved them."""
    found = relations(backend, "经市科技局备案，新增载体 2 家：岚湾研究院（由汀州澄创信息服务有限公司出资设立）、"
                               "鹭岛研究院（由汀澜企业管理咨询有限公司牵头设立，位于汀州区）。")
    assert {("汀州澄创信息服务有限公司", "founded", "岚湾研究院", ()),
            ("汀澜企业管理咨询有限公司", "founded", "鹭岛研究院", ())} <= found
    assert ("汀澜企业管理咨询有限公司", "founded", "岚湾研究院", ()) not in found
    assert not any(r[1] == "founded" and r[2] == "市科技局" for r in found)


def test_a_body_located_in_brackets_after_its_name(backend):
    found = relations(backend, "新增载体 2 家：南湖研究院（位于汀州区）、岚湾研究院。")
    assert ("南湖研究院", "locatedIn", "汀州区", ()) in found


def test_bodies_joined_by_a_leader_set_up_a_fund_of_a_stated_size(backend):
    found = relations(backend, "汀州市产业投资集团（简称“汀州产投”）联合岚屿资本、澄海创新投资有限公司"
                               "共同发起设立规模 3 亿元的汀州岚海种子基金。")
    assert {("岚屿资本", "founded", "汀州岚海种子基金", ()),
            ("澄海创新投资有限公司", "founded", "汀州岚海种子基金", ())} <= found


def test_two_lead_investors_joined_by_yu(backend):
    found = relations(backend, "岚澄新能源有限公司完成 2 亿元 A 轮融资，汀江产投与澄海资本联合领投。")
    investors = {r[0] for r in found if r[1] == "investedIn"}
    assert investors == {"汀江产投", "澄海资本"}


def test_an_item_marked_with_a_middle_dot_has_its_subject(backend):
    found = relations(backend, "■ 人事\n· 岚澄酵素股份有限公司董事会 3 月 2 日聘任汤若岚为公司总裁，葛远川继续担任董事长。\n")
    assert {r[:3] for r in found} >= {("汤若岚", "holdsPosition", "岚澄酵素股份有限公司"),
                                      ("葛远川", "holdsPosition", "岚澄酵素股份有限公司")}


def named_again(backend, text: str) -> dict[str, str]:
    """Each word that names a body again (该办, 分局), with the name it refers to."""
    from kg.ingest import RawIssue
    from kg.stages import extract, prepare

    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    return {m.text: issue.text[m.refers_to[0]:m.refers_to[1]] for m in issue.mentions if m.refers_to}


def test_a_body_named_again_as_this_office_or_as_the_committee(backend):
    text = ("■ 政策\n汀州市数据产业推进办公室本周出台若干措施。该办副主任陶汀岚介绍，首批产品已列入目录。\n"
            "■ 园区\n汀州潘溪食品产业园管理委员会本周发布通知。管委会主任卜岚川介绍，二期厂房明年交付。\n")
    assert named_again(backend, text) == {"该办": "汀州市数据产业推进办公室", "管委会": "汀州潘溪食品产业园管理委员会"}


def test_the_founders_of_a_fund_of_a_stated_size(backend):
    found = relations(backend, "汀澜资本出资设立规模 8 亿元的汀澜合成生物三期基金，首期已募集完成。")
    assert ("汀澜资本", "founded", "汀澜合成生物三期基金", ()) in found
    found = relations(backend, "近日，岚河研究院和汀州兴澜资产管理有限公司联合发起设立总规模 5 亿元的岚河概念验证基金。")
    assert {("岚河研究院", "founded", "岚河概念验证基金", ()),
            ("汀州兴澜资产管理有限公司", "founded", "岚河概念验证基金", ())} <= found


def test_who_sets_up_a_subsidiary_named_in_a_later_clause(backend):
    """A 获 B 投资，并设立子公司 C: A's; A 与 B 签署协议，B 将…，并设立子公司 C: B's."""
    found = relations(backend, "深圳汀石生物科技有限公司获岚川创投 5000 万元投资，并在岚州高新区设立全资子公司汀石生物（岚州）有限公司。")
    assert any(r[1] == "subsidiaryOf" and r[0].startswith("汀石生物") and r[2] == "深圳汀石生物科技有限公司" for r in found)
    assert not any(r[1] in ("subsidiaryOf", "founded") and "岚川创投" in (r[0], r[2]) for r in found)
    found = relations(backend, "8月5日，岚州高新区管委会与北京汀衡飞行器有限公司（下称汀衡飞行）签署投资协议，"
                               "汀衡飞行将出资建设总装基地，并在岚州设立全资子公司岚州汀衡飞行器制造有限公司。")
    assert ("岚州汀衡飞行器制造有限公司", "subsidiaryOf", "汀衡飞行", ()) in found
    assert not any(r[1] == "subsidiaryOf" and r[2] == "岚州高新区管委会" for r in found)


def test_a_place_and_de_opening_the_sentence_say_where_the_body_is(backend):
    found = relations(backend, "· 湖北宜昌的汀源化工股份有限公司与岚州医药研究院合作。")
    assert {("汀源化工股份有限公司", "locatedIn", "湖北", ()), ("汀源化工股份有限公司", "locatedIn", "宜昌", ())} <= found


def test_a_department_and_a_branch_bureau_named_again_by_their_kind(backend):
    text = ("■ 会议\n湖南省汀澜资源厅近日召开工作会议。厅党组书记、厅长唐汀远出席并讲话。\n"
            "■ 检查\n岚州市生态环境局汀源分局开展专项检查。分局副局长刘岚婷表示，问题企业已全部整改。\n")
    assert named_again(backend, text) == {"厅": "湖南省汀澜资源厅", "分局": "岚州市生态环境局汀源分局"}


def test_an_institute_calls_itself_our_institute_and_names_its_own_units(backend):
    """In the bulletin a 某某研究院 edits by its 科技信息室, 我院 is the institute (院长 after it too), and 我院 | 某某试验站 is
    its unit; 某某有限公司系某某水投控股子公司: two companies; 某某 · 本/r 某某: one person."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             "水利科技信息\n\n2024 年第 7 期\n\n汀西省岚鄱水利科学研究院科技情报室编        2024 年 5 月 22 日\n\n"
                             "■ 院务\n我院院长魏岚钧陪同考察了我院汀昌灌溉试验站。"
                             "项目法人汀江市城建投资有限公司系岚源水投控股子公司。"
                             "以色列汀瓦隆节水设备公司中国区总裁阿维·本阿丹一行到访我院。\n"))
    extract([issue], backend)
    institute = {m.key for m in issue.mentions if m.text == "我院"}
    assert len(institute) == 1 and "信息室" not in next(iter(institute))
    rels = {(issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text) for r in issue.relations}
    assert ("魏岚钧", "holdsPosition", "我院") in rels
    assert ("汀昌灌溉试验站", "subsidiaryOf", "我院") in rels
    assert ("汀江市城建投资有限公司", "subsidiaryOf", "岚源水投") in rels
    assert "阿维·本阿丹" in {m.text for m in issue.mentions if m.type == "Person"}


def test_the_company_is_the_one_its_sentence_is_about_not_the_investor_or_subsidiary_named_last(backend):
    """视衡智能本轮融资由 A 领投，B 有限公司跟投。公司创始人…: 公司 is the company that sentence is about; after
    …联合组建的 X 有限公司。…担任公司…, it is X, the company just set up."""
    found = relations(backend, "■ 融资\n7 月 2 日，汀州岚衡视觉技术有限公司（简称“岚衡视觉”）宣布完成 2 亿元 B 轮融资。"
                               "岚衡视觉本轮融资由澄汀资本领投，汀州云岚投资管理有限公司跟投。"
                               "公司创始人兼首席执行官贺汀鸣说，资金将投向算法研发。\n"
                               "■ 平台\n汀昇产发与岚北工业大学签署协议，平台由双方联合组建的汀南岚衡中试科技有限公司运营。"
                               "该校副校长周汀舟受聘出任公司首席科学家一职。\n")
    posts = {(r[0], r[2]) for r in found if r[1] == "holdsPosition"}
    assert ("贺汀鸣", "岚衡视觉") in posts or ("贺汀鸣", "汀州岚衡视觉技术有限公司") in posts
    assert not any(p == "贺汀鸣" and "云岚" in org for p, org in posts)
    assert ("周汀舟", "汀南岚衡中试科技有限公司") in posts


def test_an_agreement_to_add_capital_is_an_investment_not_a_partnership(backend):
    found = relations(backend, "■ 投资\n苏州澄霁创业投资有限公司近日与南通岚汐精工科技有限公司签订了增资协议，"
                               "以 9000 万元对岚汐精工进行战略投资。")
    assert not any(r[1] == "partnerOf" for r in found)
    assert any(r[:3] == ("苏州澄霁创业投资有限公司", "investedIn", "岚汐精工") for r in found)


def test_both_sides_named_in_the_sentence_before(backend):
    text = ("■ 合作\n苏州澄霁智能装备有限公司与南通岚汐精工科技有限公司签署供货协议。"
            "岚汐精工总经理魏立川表示，双方将在减速器领域联合开发新品。\n")
    assert ("苏州澄霁智能装备有限公司", "partnerOf", "南通岚汐精工科技有限公司", ()) in relations(backend, text)
    talks = ("■ 合作\n日本浜松精工株式会社董事到访南通岚汐精工科技有限公司，双方就减速器合作进行洽谈。\n")
    assert not any(r[1] == "partnerOf" for r in relations(backend, talks))


def test_a_subsidiary_set_up_abroad_named_by_its_parents_short_name_and_its_seat(backend):
    text = ("■ 出海\n江西陶语瓷器有限公司（简称“陶语瓷器”）成立于 2016 年。"
            "今年 3 月，陶语瓷器在日本大阪设立的子公司陶语瓷器（大阪）株式会社已开业。")
    found = relations(backend, text)
    sub = "陶语瓷器（大阪）株式会社"
    assert {(sub, "subsidiaryOf", "陶语瓷器", ()), ("陶语瓷器", "founded", sub, ()), (sub, "locatedIn", "大阪", ())} <= found
    assert ("陶语瓷器", "locatedIn", "大阪", ()) not in found


def test_a_subsidiary_the_owner_set_up_in_a_given_year_somewhere(backend):
    text = ("■ 出海\n苏州澜岳机车车辆有限公司（以下简称“澜岳机车”）成立。"
            "澜岳机车（波兰）有限公司是澜岳机车 2022 年在华沙设立的全资子公司，负责整车总装。")
    found = relations(backend, text)
    assert {("澜岳机车（波兰）有限公司", "subsidiaryOf", "澜岳机车", ()), ("澜岳机车", "founded", "澜岳机车（波兰）有限公司", ())} <= found


def test_where_an_association_keeps_its_secretariat_is_where_it_is(backend):
    text = "■ 商会\n江西省温岭商会第三次会员大会在南昌召开，商会现有会员 800 多家，秘书处位于南昌市青山湖区。"
    assert ("江西省温岭商会", "locatedIn", "青山湖区", ()) in relations(backend, text)


def test_a_company_two_bodies_set_up_as_one_of_theirs(backend):
    text = ("■ 合作\n湖南岚澄新材料股份有限公司与贵州黔锂矿业有限公司签约，双方还将共同出资设立贵州岚黔锂业有限公司，"
            "作为湖南岚澄新材料股份有限公司的控股子公司负责选冶。")
    assert ("贵州岚黔锂业有限公司", "subsidiaryOf", "湖南岚澄新材料股份有限公司", ()) in relations(backend, text)


def test_a_chairman_elected_president_is_the_associations_not_his_companys(backend):
    text = ("■ 商会\n5 月 8 日，江西省智能家居产业商会在南昌成立，42 家企业为首批会员。"
            "澜居智能科技有限公司董事长韦启航当选会长。")
    found = relations(backend, text)
    assert ("韦启航", "holdsPosition", "江西省智能家居产业商会", (("title", "会长"),)) in found
    assert ("韦启航", "holdsPosition", "澜居智能科技有限公司", (("title", "会长"),)) not in found


def test_a_secretary_general_elected_is_the_associations_and_a_boards_chairman_its_bodys(backend):
    """某公司副总经理某某当选秘书长 after an alliance is named: the alliance's post; 某研究院理事会…某某任理事长, no
    association in view: the institute's."""
    text = ("■ 联盟\n6 月 3 日，湖湘低空物流产业联盟在长沙成立。汀翼航空有限公司董事长柯远航当选理事长，"
            "岚途物流有限公司副总经理鲁书晴当选秘书长。")
    found = relations(backend, text)
    assert ("鲁书晴", "holdsPosition", "湖湘低空物流产业联盟", (("title", "秘书长"),)) in found
    assert ("鲁书晴", "holdsPosition", "岚途物流有限公司", (("title", "秘书长"),)) not in found
    text = "■ 研究院\n7 月 2 日，汀湘先进材料研究院召开首届理事会，韩立舟任理事长。"
    assert ("韩立舟", "holdsPosition", "汀湘先进材料研究院", (("title", "理事长"),)) in relations(backend, text)

def test_appointments_in_turn_after_one_verb(backend):
    """选举 A 为某协会首任会长，B 公司总经理 C 为副会长兼秘书长: C's post at the association is the one after C, not A's,
    and C's company post stays C's; 聘任 A 为公司总裁，B 继续担任董事长: B's post is the company's."""
    found = relations(backend, "大会选举汀翎通航有限公司董事长秦一舟为澄州市低空飞行行业协会首任会长，"
                               "岚鹰飞行培训有限公司总经理石文澜为副会长兼秘书长。")
    assert {("石文澜", "holdsPosition", "澄州市低空飞行行业协会", (("title", "副会长兼秘书长"),)),
            ("石文澜", "holdsPosition", "岚鹰飞行培训有限公司", (("title", "总经理"),))} <= found
    assert ("石文澜", "holdsPosition", "澄州市低空飞行行业协会", (("title", "首任会长"),)) not in found
    found = relations(backend, "汀禾酶制剂股份有限公司董事会 8 月 5 日聘任闵岚为公司总裁，柯海生继续担任董事长。")
    assert ("柯海生", "holdsPosition", "汀禾酶制剂股份有限公司", (("title", "董事长"),)) in found

def test_the_secretariat_of_a_body_just_set_up_is_not_where_its_founder_is(backend):
    text = "■ 合作\n澳门澜海大学与里斯本澄波海洋研究所签署协议，双方将共建中葡海洋观测联合中心，中心秘书处设于横琴。"
    assert not any(r[:2] == ("澳门澜海大学", "locatedIn") and r[2] == "横琴" for r in relations(backend, text))


def test_founders_listed_past_a_declared_short_name(backend):
    text = ("■ 分会\n澄州市装备制造协会智能装备分会揭牌成立。分会由岚汐动力机械股份有限公司（简称“岚汐动力”）、"
            "汀禾液压科技有限公司等 9 家企业和院校联合发起组建。")
    founded = {(h, t) for h, r, t, _ in relations(backend, text) if r == "founded"}
    assert {h for h, _ in founded} == {"岚汐动力机械股份有限公司", "汀禾液压科技有限公司"}


def test_a_founder_owned_by_the_body_named_before_it(backend):
    text = "■ 基金\n望汐湾产业投资基金由澄州望汐湾开发建设集团有限公司与汀禾银行旗下的汀禾创投携手发起设立。"
    found = relations(backend, text)
    assert ("汀禾创投", "founded", "望汐湾产业投资基金", ()) in found
    assert not any(h == "汀禾银行" and r == "founded" for h, r, _, _ in found)


def test_a_post_filled_in_a_subsidiary_the_sentence_sets_up(backend):
    """某某动力在某地设立全资子公司 X，总经理由某某动力副总经理 Y 兼任: Y is X's general manager."""
    text = "■ 企业\n岚汐动力机械股份有限公司 3 月 6 日在滨州市新设全资子公司岚汐（滨州）植保装备有限公司，总经理由该公司副总经理柯一帆兼任。"
    found = relations(backend, text)
    assert ("柯一帆", "holdsPosition", "岚汐（滨州）植保装备有限公司", (("title", "总经理"),)) in found
    assert ("柯一帆", "holdsPosition", "岚汐动力机械股份有限公司", (("title", "总经理"),)) not in found


def test_the_company_a_clause_opens_with_works_with_another(backend):
    """某某总经理张三透露，公司已与某某签署…协议: 公司 is the company the sentence names, which partners the other; not
    公司 由 A 与 B 创办 (who founded it)."""
    found = relations(backend, "■ 企业\n澄波物联总经理柯一帆透露，公司已与岚汐智能科技有限公司签署数据互认协议。")
    assert {("澄波物联", "partnerOf", "岚汐智能科技有限公司", ()), ("岚汐智能科技有限公司", "partnerOf", "澄波物联", ())} & found
    found = relations(backend, "■ 企业\n澄波物联总经理柯一帆介绍，公司 2019 年由柯一帆与岚汐智能科技有限公司前副总裁韩思远共同创办。")
    assert not any(r == "partnerOf" for _, r, _, _ in found)


def test_an_investor_named_after_its_owner_and_what_kind_of_unit_it_is(backend):
    """由某某集团旗下产业投资平台某某创投领投: the platform invests and is the group's; the group invests nothing."""
    found = relations(backend, "■ 融资\n汀禾小家电近日完成 8000 万元 A 轮融资，由岚汐集团旗下产业投资平台岚汐创投领投。")
    assert ("岚汐创投", "subsidiaryOf", "岚汐集团", ()) in found
    assert any(h == "岚汐创投" and r == "investedIn" for h, r, _, _ in found)
    assert not any(h == "岚汐集团" and r == "investedIn" for h, r, _, _ in found)


def test_a_company_that_registers_another_abroad_is_not_seated_there(backend):
    """X 近日在某国某州注册成立 Y: Y is seated in the places, X is not."""
    found = relations(backend, "■ 出海\n浙江澄波电器股份有限公司日前在墨西哥科阿韦拉州注册成立澄波电器（墨西哥）有限公司，投资 2000 万美元。")
    located = {(h, t) for h, r, t, _ in found if r == "locatedIn"}
    assert ("澄波电器（墨西哥）有限公司", "墨西哥") in located
    assert not any(h == "浙江澄波电器股份有限公司" and t in ("墨西哥", "科阿韦拉州") for h, t in located)


def test_a_post_that_will_be_filled(backend):
    """某某矿业总经理将由张三兼任: the person holds that post of the body named first."""
    found = relations(backend, "■ 并购\n交割完成后，澄波矿业股份有限公司总经理将由柯一帆兼任。")
    assert ("柯一帆", "holdsPosition", "澄波矿业股份有限公司", (("title", "总经理"),)) in found


def test_a_post_an_association_adds_someone_to(backend):
    """某公司总经理张三增补为副理事长, after the association is named: the association's post, and the company's."""
    text = "■ 联盟\n澄州市北斗产业联盟 6 月 3 日召开理事会。岚汐时空科技有限公司总经理廖思明增补为副理事长。"
    found = relations(backend, text)
    assert ("廖思明", "holdsPosition", "澄州市北斗产业联盟", (("title", "副理事长"),)) in found
    assert ("廖思明", "holdsPosition", "岚汐时空科技有限公司", (("title", "总经理"),)) in found


def test_an_item_numbered_before_the_body_that_appoints(backend):
    """（一）某某公司聘任张三为总经理；: the item's number stands before the sentence's subject, which the post is at."""
    found = relations(backend, "■ 人事\n（二）澄波财产保险股份有限公司汀州分公司聘任柯一帆为副总经理；")
    assert ("柯一帆", "holdsPosition", "澄波财产保险股份有限公司汀州分公司", (("title", "副总经理"),)) in found


def test_a_unit_whose_owner_is_said_in_brackets(backend):
    """某某中心支公司（隶属某某分公司）: the unit belongs to the body named in the bracket."""
    found = relations(backend, "■ 人事\n澄波财产保险股份有限公司汀州中心支公司（隶属澄波财产保险股份有限公司岚江分公司）近日开业。")
    assert ("澄波财产保险股份有限公司汀州中心支公司", "subsidiaryOf", "澄波财产保险股份有限公司岚江分公司", ()) in found


def test_a_foreign_city_where_a_body_is_seated(backend):
    """总部位于神户，; 总部位于比雷埃夫斯/PER，; 在德国 | 汉堡 | 设立: the city, where the model read a common noun or a person."""
    found = {(h, r, t) for h, r, t, _ in relations(backend, "■ 船东\n澄汐商船株式会社目前总部位于神户；爱岚远洋公司总部位于比雷埃夫斯；"
                                                              "船队超过 40 艘。岚禾重工今年在德国汉堡设立子公司岚禾重工欧洲有限公司。")}
    assert {("澄汐商船株式会社", "locatedIn", "神户"), ("爱岚远洋公司", "locatedIn", "比雷埃夫斯"),
            ("岚禾重工欧洲有限公司", "locatedIn", "汉堡")} <= found


def test_a_representative_office_named_by_its_city(backend):
    found = relations(backend, "■ 代表\n挪威岚峡能源公司北京代表处首席代表王立新应邀参会。")
    assert ("挪威岚峡能源公司北京代表处", "subsidiaryOf", "挪威岚峡能源公司", ()) in found


def test_stakes_held_in_the_sentences_subject(backend):
    """X 为某集团控股企业，A 持股 65%，B 持股 35%; X 剩余 40% 股权仍由 C 持有."""
    found = {(h, r, t) for h, r, t, _ in relations(
        backend, "■ 企业\n澄江精工部件有限公司为岚汐集团控股企业，岚汐集团有限公司持股 65%，澄江城市发展投资有限公司持股 35%。"
                 "汀湾智造装备有限公司剩余 40% 股权仍由汀湾城建投资有限公司持有。")}
    assert {("岚汐集团有限公司", "investedIn", "澄江精工部件有限公司"),
            ("澄江城市发展投资有限公司", "investedIn", "澄江精工部件有限公司"),
            ("汀湾城建投资有限公司", "investedIn", "汀湾智造装备有限公司")} <= found


def test_a_joint_ventures_posts_named_by_what_it_is(backend):
    """合资公司董事长由某某担任: the joint venture the article set up, named by what it is, opening the clause."""
    found = relations(backend, "■ 合资\n岚峰食品与新加坡澄洋贸易上月签约，出资组建岚峰澄洋（厦门）食品有限公司。"
                               "合资公司董事长由陈俊峰担任。")
    assert ("陈俊峰", "holdsPosition", "岚峰澄洋（厦门）食品有限公司", (("title", "董事长"),)) in found


def test_posts_at_a_body_named_again_by_its_kind_with_a_term_or_as_a_joint_venture(backend):
    """中心首任主任由…担任; 合资公司由…出任总经理: the body the article named, its post filled."""
    found = relations(backend, "■ 中心\n岚河低空装备创新中心挂牌。中心首任主任由岚汐航空总工程师彭远航担任。")
    assert ("彭远航", "holdsPosition", "岚河低空装备创新中心", (("title", "首任主任"),)) in found
    found = relations(backend, "■ 合资\n新设的岚峰动力服务（南通）有限公司本月开业。合资公司由澄动动力副总裁孟凡出任总经理。")
    assert ("孟凡", "holdsPosition", "岚峰动力服务（南通）有限公司", (("title", "总经理"),)) in found


def test_a_second_post_taken_in_the_next_clause(backend):
    """某某任 A 副总经理，兼任 B 董事长: both posts."""
    found = relations(backend, "■ 人事\n陈立军任岚汐集团有限公司副总经理，兼任澄江汀澜机电有限公司执行董事。")
    assert {("陈立军", "holdsPosition", "岚汐集团有限公司", (("title", "副总经理"),)),
            ("陈立军", "holdsPosition", "澄江汀澜机电有限公司", (("title", "执行董事"),))} <= found


def test_a_cooperative_named_again_an_associations_seat_and_posts_listed_in_brackets(backend):
    """合作社理事长某某表示; 促进会会址设在某地; 某某（协会副会长、某某公司总经理）: each post at its body."""
    found = relations(backend, "■ 合作社\n德化县岚峰果蔬专业合作社与汀海冷链签约。合作社理事长高启强表示，今年新增冷库两座。")
    assert ("高启强", "holdsPosition", "德化县岚峰果蔬专业合作社", (("title", "理事长"),)) in found
    found = relations(backend, "■ 促进会\n德化汀禾陶瓷促进会成立。促进会会址设在德化县浔中镇，秘书处同日运行。")
    assert ("德化汀禾陶瓷促进会", "locatedIn", "浔中镇", ()) in found
    found = relations(backend, "■ 理事会\n岚溪食品工业协会召开理事会。孙海涛（协会副会长、岚溪汀源食品有限公司总经理）介绍了出口情况。"
                               "李明（岚州研究院院长、汀州市科技局局长）出席。")
    assert {("孙海涛", "holdsPosition", "岚溪食品工业协会", (("title", "副会长"),)),
            ("孙海涛", "holdsPosition", "岚溪汀源食品有限公司", (("title", "总经理"),)),
            ("李明", "holdsPosition", "汀州市科技局", (("title", "局长"),))} <= found


def test_a_registered_seat_is_the_subjects_unless_a_company_was_just_set_up(backend):
    """X 为 Y 旗下企业，注册地位于 Z: X is in Z; X 投资设立 W，注册地位于 Z: W's seat, not X's."""
    found = relations(backend, "■ 租赁\n汀禾商业保理有限公司为澄江农商银行旗下企业，注册地位于广州市南沙区，业务覆盖华南。")
    assert ("汀禾商业保理有限公司", "locatedIn", "南沙区", ()) in found
    found = relations(backend, "■ 集团\n岚湾物产集团有限公司日前投资设立岚湾供应链管理有限公司，注册地位于萧山区，主营进出口。")
    assert ("岚湾物产集团有限公司", "locatedIn", "萧山区", ()) not in found


def test_a_place_said_of_the_subsidiary_after_it_and_a_seat_with_an_adverb(backend):
    """A 位于某地的全资子公司 B: B is there, not A; X 总部即位于某地: X is."""
    found = {(h, r, t) for h, r, t, _ in relations(backend, "■ 企业\n上周，岚帆风电位于湖州市长兴县的全资子公司岚帆风电（湖州）有限公司投产。")}
    assert ("岚帆风电（湖州）有限公司", "locatedIn", "长兴县") in found and ("岚帆风电", "locatedIn", "长兴县") not in found
    found = {(h, r, t) for h, r, t, _ in relations(backend, "■ 企业\n澄远涂装有限公司总部即位于如皋市，员工 300 人。")}
    assert ("澄远涂装有限公司", "locatedIn", "如皋市") in found


def test_a_members_post_opening_a_clause_is_the_associations_in_view(backend):
    """会长某某介绍… after a sentence naming the association; 常务副会长、某某公司董事长某某: the first post is the
    association's, the second the company's; …，秘书长某某带队 with the association in the sentence."""
    found = relations(backend, "■ 青川物流协会召开理事会\n\n5 月 16 日，青川市物流协会三届二次理事会在青川召开。"
                               "会长严立群介绍了上半年工作，常务副会长、青川捷运物流有限公司董事长蒋文博主持会议。\n\n"
                               "■ 协会组织考察\n\n6 月 3 日，青川市物流协会组织 10 家会员企业赴宁波考察，秘书长符晓岚带队。\n")
    assert ("严立群", "holdsPosition", "青川市物流协会", (("title", "会长"),)) in found
    assert ("蒋文博", "holdsPosition", "青川市物流协会", (("title", "常务副会长"),)) in found
    assert ("蒋文博", "holdsPosition", "青川捷运物流有限公司", (("title", "董事长"),)) in found
    assert ("符晓岚", "holdsPosition", "青川市物流协会", (("title", "秘书长"),)) in found


def test_people_listed_each_with_a_post_of_their_own_take_the_post_together(backend):
    """增补 A 公司总经理甲、B 公司总经理乙为协会副会长: both are made 副会长, each keeps the post before the name."""
    found = relations(backend, "■ 协会召开会员大会\n\n6 月 8 日，青川市物流协会召开会员大会。会议增补青川捷运物流有限公司总经理"
                               "潘文远、澄江供应链管理有限公司总经理钱晓东为青川市物流协会副会长。\n")
    for person, company in (("潘文远", "青川捷运物流有限公司"), ("钱晓东", "澄江供应链管理有限公司")):
        assert (person, "holdsPosition", company, (("title", "总经理"),)) in found
        assert (person, "holdsPosition", "青川市物流协会", (("title", "副会长"),)) in found


def test_people_a_committee_is_composed_of_are_no_founders(backend):
    """鉴定委员会由甲、乙等 7 名专家组成: members; 由 A 公司与 B 大学共同组建的 X: founders."""
    found = relations(backend, "■ 成果通过鉴定\n\n鉴定委员会由周明远、许立平等 7 名专家组成，认为团队的工艺达到国内领先水平。\n")
    assert not [r for r in found if r[1] == "founded"]
    found = relations(backend, "■ 研究院揭牌\n\n由青川捷运物流有限公司与澄江理工大学共同组建的青川智慧物流研究院日前揭牌。\n")
    assert ("澄江理工大学", "founded", "青川智慧物流研究院", ()) in found


def test_the_compiler_is_at_each_place_of_its_address(backend):
    """编印：某某秘书处（地址：某市某区）, or 　地址：… after it: where the compiler of the issue is."""
    for line in ("编印：青川市物流协会秘书处（地址：成都市武侯区）    共印 100 份",
                 "编印：青川市物流协会秘书处　地址：成都市武侯区　　共印 100 份"):
        found = relations(backend, f"青川物流简报\n2024 年第 3 期\n{line}\n\n■ 协会动态\n\n协会本月新增会员 12 家。\n")
        assert {("青川市物流协会秘书处", "locatedIn", "成都市", ()), ("青川市物流协会秘书处", "locatedIn", "武侯区", ())} <= found, line


def test_a_standards_committee_and_a_department_named_again(backend):
    """标委会 names the 某某标准化技术委员会 just named, 该部 the department: their posts attach to them."""
    text = ("■ 标准\n汀州市冷链物流标准化技术委员会 9 月 3 日成立。标委会主任委员由汀州岚冷物流集团有限公司董事长林晓梅担任。\n"
            "■ 平台\n岚屿计量院检测信息部本月推出在线查询系统，该部主任庞立松介绍，系统明年接入问答功能。\n")
    assert named_again(backend, text) == {"标委会": "汀州市冷链物流标准化技术委员会", "该部": "岚屿计量院检测信息部"}


def test_the_group_of_an_internal_bulletin_compiled_with_its_address(backend):
    """集团 in the bulletin its office compiles (某某集团综合办公室编（地址：…）) is that group."""
    text = ("岚 川 工 作 简 报\n\n2024 年第 3 期\n\n岚川能源集团综合办公室编（地址：汀州市汀南区滨江路 18 号）      2024 年 3 月 8 日\n"
            "————————————————————\n\n■ 集团与汀州大学签署合作协议\n"
            "3 月 4 日，集团与汀州大学签订产学研合作协议，共同培养储能专业人才。\n")
    from kg.resolve import resolve_issue

    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    resolve_issue(issue)
    group = {m.key for m in issue.mentions if m.text == "岚川能源集团"}
    partners = {frozenset((issue.mentions[r.head].key, issue.mentions[r.tail].key)) for r in issue.relations if r.type == "partnerOf"}
    university = next(m.key for m in issue.mentions if m.text == "汀州大学")
    assert issue.meta.publisher == "岚川能源集团综合办公室" and len(group) == 1
    assert frozenset((*group, university)) in partners


def test_posts_of_customs_of_geologists_and_of_supervisory_boards(backend):
    """副关长 at a city's customs (seated in the city), 监事长: posts like any other."""
    found = relations(backend, "■ 签约\n三亚海关副关长冯立明出席签约仪式。\n"
                               "会议选举产生第二届监事会，汀州大学教授李慧华当选岚屿协会监事长。\n")
    assert ("冯立明", "holdsPosition", "三亚海关", (("title", "副关长"),)) in found
    assert ("三亚海关", "locatedIn", "三亚", ()) in found
    assert any(r[0] == "李慧华" and r[1] == "holdsPosition" and dict(r[3]).get("title") == "监事长" for r in found)


def test_a_post_after_the_founders_of_a_company_is_at_the_company(backend):
    """X 由 A 与 B 共同发起设立，由 A 副院长某某出任董事长: the chair is the new company's, not a founder's."""
    found = relations(backend, "汀州岚石检测服务有限公司本月在汀南区注册，该公司由汀州检测院与澄川资本共同发起设立，"
                               "由汀州检测院副院长韩慧芳出任董事长。")
    chairs = {(r[2], dict(r[3]).get("title")) for r in found if r[0] == "韩慧芳" and r[1] == "holdsPosition"}
    assert ("汀州岚石检测服务有限公司", "董事长") in chairs and ("澄川资本", "董事长") not in chairs


def test_a_joint_venture_each_side_pays_half_of(backend):
    """A 与 B 达成合资意向，双方各出资 50% 组建 X: both founded X."""
    found = relations(backend, "岚屿乳业与新西兰汀湾牧业集团 3 月 2 日达成合资意向，双方各出资 50% 组建岚屿汀湾（汀州）牧业科技有限公司。")
    assert {("岚屿乳业", "founded", "岚屿汀湾（汀州）牧业科技有限公司", ()),
            ("新西兰汀湾牧业集团", "founded", "岚屿汀湾（汀州）牧业科技有限公司", ())} <= found


def test_a_body_named_again_by_its_kind_signing_with_each_of_several(backend):
    """协会分别与 A、B 签署合作协议: 协会 is the association named before, a partner of each."""
    found = relations(backend, "■ 出访\n汀州市智能装备制造协会 10 月 9 日组织会员企业赴中亚考察。"
                               "协会分别与哈萨克斯坦岚河机械公司、乌兹别克斯坦汀湾装备厂签署合作协议。\n")
    assert {("汀州市智能装备制造协会", "partnerOf", "哈萨克斯坦岚河机械公司", ()),
            ("汀州市智能装备制造协会", "partnerOf", "乌兹别克斯坦汀湾装备厂", ())} <= found


def test_a_branch_named_after_a_country_with_a_long_name(backend):
    """某某钻井哈萨克斯坦分公司: the branch is its company's, in that country."""
    found = relations(backend, "汀垣工程哈萨克斯坦分公司本周在阿斯塔纳开业。")
    assert {("汀垣工程哈萨克斯坦分公司", "subsidiaryOf", "汀垣工程", ()),
            ("汀垣工程哈萨克斯坦分公司", "locatedIn", "哈萨克斯坦", ())} <= found


def test_a_kind_owning_what_follows_names_the_body_again(backend):
    """奶源来自集团旗下某某牧业有限公司: 集团 is the group just named, and the company its subsidiary."""
    text = "■ 投产\n汀州岚禾乳业集团股份有限公司奶酪工厂 5 月 8 日投产，奶源来自集团旗下汀州岚禾牧业有限公司。\n"
    assert named_again(backend, text) == {"集团": "汀州岚禾乳业集团股份有限公司"}
    assert ("汀州岚禾牧业有限公司", "subsidiaryOf", "汀州岚禾乳业集团股份有限公司", ()) in relations(backend, text)


def test_a_subsidiary_word_then_where_the_subsidiary_is(backend):
    """A 全资子公司、位于某地的 B: B is A's."""
    found = relations(backend, "6 月 3 日，澄湖食品全资子公司、位于东湖新区的澄湖食品（东湖）有限公司本月投产。")
    assert ("澄湖食品（东湖）有限公司", "subsidiaryOf", "澄湖食品", ()) in found


def test_a_person_leaving_one_post_for_another(backend):
    """某某不再担任联盟副秘书长，改任某某中心主任: the post moved to is held."""
    text = ("汀 州 果 树 联 盟 简 报\n\n2023 年第 11 期\n\n汀州果树产业联盟编印      2023 年 11 月 8 日\n\n■ 人事\n"
            "经理事会研究，林晓华不再担任联盟副秘书长，改任汀州果树种苗繁育中心主任。\n")
    assert ("林晓华", "holdsPosition", "汀州果树种苗繁育中心", (("title", "主任"),)) in relations(backend, text)


def test_bodies_listed_then_how_many_sides_sign(backend):
    """A、B、C 三方签订战略合作协议: each is a partner of each other."""
    found = relations(backend, "6 月 5 日，汀州计量院、澄海检测技术研究院、岚湾质量服务中心三方签订战略合作协议，推进检测结果互认。")
    assert {("汀州计量院", "partnerOf", "澄海检测技术研究院", ()), ("汀州计量院", "partnerOf", "岚湾质量服务中心", ()),
            ("澄海检测技术研究院", "partnerOf", "岚湾质量服务中心", ())} <= found


def test_its_subsidiary_in_china(backend):
    """A 总部位于某国，其在华全资子公司 B: B is A's."""
    found = relations(backend, "岚德测控集团总部设在德国汉堡，其在华全资子公司岚德测控（苏州）有限公司今年扩建厂房。")
    assert ("岚德测控（苏州）有限公司", "subsidiaryOf", "岚德测控集团", ()) in found
