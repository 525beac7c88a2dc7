"""One test per pattern family of the relation stage, on sentences written for
these tests, each with the cases the pattern must not fire on."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import RawIssue
from kg.stages import extract, prepare


@pytest.fixture(scope="module")
def backend():
    from kg import ner

    return ner.load("lac")


def found(backend, text: str, relation: str | None = None) -> set[tuple]:
    """(head, relation, tail, how) of every relation; how is "stated", "name" or "article"."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    out = set()
    for r in issue.relations:
        if relation is None or r.type == relation:
            out.add((issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text, r.derived_from or "stated"))
    return out


def test_places_carried_in_names(backend):
    text = ("联想（北京）有限公司与海淀区政府签署协议。湖南省发改委印发了年度计划。"
            "国科量子通信网络有限公司北京分公司落户软件园。中关村管委会组织了对接会。")
    got = {(h, t) for h, _, t, how in found(backend, text, "locatedIn") if how == "name"}
    assert ("联想（北京）有限公司", "北京") in got
    assert ("海淀区政府", "海淀区") in got
    assert ("湖南省发改委", "湖南省") in got
    assert ("国科量子通信网络有限公司北京分公司", "北京") in got
    assert ("中关村管委会", "中关村") in got


def test_a_company_named_after_a_city_is_not_placed_there(backend):
    """宁德时代 starts with a city's name but does not end like an organization."""
    got = found(backend, "宁德时代宣布扩建电池工厂。", "locatedIn")
    assert not any(h == "宁德时代" for h, *_ in got)


def test_every_place_of_a_name(backend):
    """湖北武汉…: the name places it in 武汉 and in 湖北, as the corpus gold does; 德国慕尼黑…: in both too."""
    got = {(h, t) for h, _, t, _ in found(backend, "湖北武汉光谷创新投资有限公司发布了年报。", "locatedIn")}
    assert any(t == "武汉" for _, t in got) and any(t == "湖北" for _, t in got)


def test_a_unit_is_placed_by_its_own_place_not_its_parents(backend):
    """中国科学院武汉…研究所 is in 武汉; 北京大学深圳研究生院 is in 深圳, its parent in 北京."""
    text = "北京大学深圳研究生院与中国科学院武汉物理与数学研究所签署合作协议。"
    got = {(h, t) for h, _, t, how in found(backend, text, "locatedIn") if how == "name"}
    assert ("北京大学深圳研究生院", "深圳") in got and ("北京大学深圳研究生院", "北京") not in got
    assert ("中国科学院武汉物理与数学研究所", "武汉") in got
    assert ("中国科学院武汉物理与数学研究所", "中国") not in got
    subsidiaries = {(h, t) for h, _, t, how in found(backend, text, "subsidiaryOf")}
    assert ("北京大学深圳研究生院", "北京大学") in subsidiaries


def test_a_place_inside_a_zones_name_leaves_the_province(backend):
    """江西 and the zone 瑞金经开区 for 江西瑞金经开区管委会: 瑞金 belongs to the zone's name."""
    got = {(h, t) for h, _, t, how in found(backend, "江西瑞金经开区管委会与企业签约。", "locatedIn") if how == "name"}
    assert {("江西瑞金经开区管委会", "江西"), ("江西瑞金经开区管委会", "瑞金经开区")} <= got


def test_bylines(backend):
    text = "科技日报（记者张晓明 通讯员李红梅）本月初，示范区举行了开放日活动。新华社记者 王建国摄"
    got = {(h, t, how) for h, _, t, how in found(backend, text, "holdsPosition")}
    assert ("张晓明", "科技日报", "stated") in got and ("李红梅", "科技日报", "stated") in got


def test_a_byline_needs_its_masthead(backend):
    """A reporter named without the paper is not given a post."""
    got = found(backend, "记者张晓明从会上获悉，园区将扩建。", "holdsPosition")
    assert not got


def test_appositions_and_a_post_before_a_list(backend):
    text = ("苏州瑞联影像科技股份有限公司（原苏州华康医疗科技有限公司）董事长陈立峰介绍了情况。"
            "赵明远（南京生命科学研究所所长）出席会议。"
            "会上，苏州工业园区管委会副主任周建华、李晓红分别发言。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "holdsPosition")}
    assert ("陈立峰", "苏州瑞联影像科技股份有限公司") in got
    assert ("赵明远", "南京生命科学研究所") in got
    assert ("周建华", "苏州工业园区管委会") in got and ("李晓红", "苏州工业园区管委会") in got


def test_people_of_one_body_each_with_their_post(backend):
    text = "湖南省科学技术厅厅长周建平、副厅长刘海涛出席会议。市科技局局长李强、院长王伟出席活动。"
    got = {(h, a.get("title"), t) for h, t, a in _positions(backend, text)}
    assert ("刘海涛", "副厅长", "湖南省科学技术厅") in got
    # a 院长 is not a post of a 局
    assert not any(h == "王伟" for h, _, _ in got)


def test_appointments_name_the_post_after_the_body(backend):
    text = ("云梦市人民政府发布任免信息：陆建成任云梦高新区管理委员会常务副主任；周静雯任云梦市经济和信息化局副局长。"
            "张伟为江汉大学带来了新的项目。")
    got = {(h, a.get("title"), t) for h, t, a in _positions(backend, text)}
    assert ("陆建成", "常务副主任", "云梦高新区管理委员会") in got
    assert ("周静雯", "副局长", "云梦市经济和信息化局") in got
    assert not any(h == "张伟" for h, _, _ in got)


def test_a_post_taken_after_the_post_held(backend):
    text = "武汉行知机器人有限公司发布新品。大会通过了增补行知机器人创始人宁远舟为武汉市人工智能产业协会副会长的议案。"
    got = {(h, a.get("title"), t) for h, t, a in _positions(backend, text)}
    assert ("宁远舟", "副会长", "武汉市人工智能产业协会") in got
    # 创始人 alone says who founded the company, which no annotator counts as a post held
    assert ("宁远舟", "创始人", "行知机器人") not in got
    assert ("宁远舟", "行知机器人") in {(h, t) for h, _, t, _ in found(backend, text, "founded")}


def test_the_company_an_items_sentence_opens_with_is_the_one_its_appointment_names(backend):
    """△ 某某显示董事会聘任某某为公司董事会秘书: 公司 is the company the item opens with (△ is an item's mark as
    ■ is), not the last company whose name ends in 公司."""
    text = ("■ 企业\n汀屿光电科技股份有限公司（简称汀屿光电）发布年报。\n\n△ 合肥屏岭集成电路设计有限公司发布新品。\n\n"
            "△ 汀屿光电董事会聘任祁言舟为公司董事会秘书。")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    posts = {(issue.mentions[r.head].text, r.attributes.get("title"), issue.mentions[r.tail].key)
             for r in issue.relations if r.type == "holdsPosition"}
    company = next(m.key for m in issue.mentions if m.text == "汀屿光电科技股份有限公司")
    assert ("祁言舟", "董事会秘书", company) in posts


def test_a_brand_read_as_a_noun_after_what_the_company_is_starts_its_registered_name():
    """某某显示企业 | 晶曜微/n | 显示/v | （苏州）有限公司: the brand, its trade and its seat are one name."""
    from kg.ner.repair.registered import bracketed_seats
    from kg.ner.repair.words import Word

    text = "车载显示企业晶曜微显示（苏州）有限公司完成融资。"
    words = bracketed_seats(text, [Word(0, 2, "n"), Word(2, 4, "v"), Word(4, 6, "n"), Word(6, 9, "n"), Word(9, 11, "v"),
                                   Word(11, 12, "w"), Word(12, 14, "Region"), Word(14, 15, "w"), Word(15, 19, "n"), Word(19, 21, "v")])
    assert ("晶曜微显示（苏州）有限公司", "Organization") in [(text[w.start:w.end], w.label) for w in words]


def _positions(backend, text):
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    return [(issue.mentions[r.head].text, issue.mentions[r.tail].text, r.attributes)
            for r in issue.relations if r.type == "holdsPosition"]


def test_a_post_at_another_organization_is_not_taken(backend):
    """The person's post is at the organization right before it, not at the one the sentence is about."""
    got = {(h, t) for h, _, t, _ in found(backend, "腾讯与北京大学合作，北京大学教授李明负责项目。", "holdsPosition")}
    assert ("李明", "北京大学") in got and ("李明", "腾讯") not in got


def test_founder_posts_and_passive_founders(backend):
    text = ("星航科技（上海）有限公司创始人兼首席科学家张伟介绍了产品。"
            "明光量子公司由浙江大学教授王海涛于2022年创立。"
            "由云帆科技牵头，联合中国电信集团江苏有限公司、中国科学院电子学研究所等单位共同组成的“智能网联研究”联合体成立。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "founded")}
    assert ("张伟", "星航科技（上海）有限公司") in got
    assert ("王海涛", "明光量子公司") in got
    assert {("云帆科技", "智能网联研究"), ("中国科学院电子学研究所", "智能网联研究")} <= got


def test_bodies_that_build_a_named_one_together_found_it(backend):
    text = ("8月3日，江汉大学与云梦光电科技有限公司签署合作协议，双方将共建“微纳光学联合实验室”。"
            "江汉大学与云梦市人民政府签署协议，双方将共同推进人才培养。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "founded")}
    assert {("江汉大学", "微纳光学联合实验室"), ("云梦光电科技有限公司", "微纳光学联合实验室")} <= got
    # an agreement with no body built is no founding
    assert not any(h == "云梦市人民政府" for h, _ in got)


def test_this_centre_is_the_one_the_article_named(backend):
    text = ("■ 新平台\n江汉省智能传感创新中心近日揭牌。该中心在江汉省科学技术厅指导下，由云梦光电科技有限公司牵头，"
            "联合江汉大学等单位共同组建。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "founded")}
    assert {("云梦光电科技有限公司", "江汉省智能传感创新中心"), ("江汉大学", "江汉省智能传感创新中心")} <= got
    # the body that guides is no founder, nor what was founded
    assert not any("科学技术厅" in h or "科学技术厅" in t for h, t in got)


def test_partners_with_a_date_an_adverb_or_a_description_between(backend):
    text = ("云帆科技有限公司 4 月 17 日与瑞典 Nordvik Energi AB 签署战略合作协议。"
            "江城动力科技股份有限公司与德国氢能装备企业 Corvex GmbH 签署合资协议。"
            "他透露，省发展改革委正会同民航中南地区管理局研究空域划设方案。")
    got = {frozenset((h, t)) for h, r, t, _ in found(backend, text) if r == "partnerOf"}
    assert frozenset(("云帆科技有限公司", "Nordvik Energi AB")) in got
    assert frozenset(("江城动力科技股份有限公司", "Corvex GmbH")) in got
    assert frozenset(("省发展改革委", "民航中南地区管理局")) in got


def test_a_team_from_a_university_is_no_founder_but_the_university_is_not_either(backend):
    text = "深圳云翼科技有限公司发布新品。云翼科技由林子安与北京航空航天大学校友团队于 2021 年创立。"
    got = {(h, t) for h, _, t, _ in found(backend, text, "founded")}
    assert ("林子安", "云翼科技") in got and not any(h == "北京航空航天大学" for h, _ in got)


def test_bodies_issuing_together_are_issuers_not_partners(backend):
    text = "《江汉省数据要素管理暂行办法》由江汉省数据局联合江汉省发展和改革委员会、江汉省财政厅等三部门联合公布。"
    got = found(backend, text)
    assert {(h, t) for h, r, t, _ in got if r == "issued"} >= {
        ("江汉省数据局", "江汉省数据要素管理暂行办法"), ("江汉省财政厅", "江汉省数据要素管理暂行办法")}
    assert not [x for x in got if x[1] == "partnerOf"]


def test_a_founder_described_by_the_university_they_come_from(backend):
    text = "武汉云帆智算科技有限公司完成融资。云帆智算成立于 2019 年，由江汉大学计算机专业博士乔一凡创办，总部位于光谷。"
    got = {(h, t) for h, _, t, _ in found(backend, text, "founded")}
    assert ("乔一凡", "云帆智算") in got and not any(h == "江汉大学" for h, _ in got)


def test_joint_issuers_and_the_passive_voice(backend):
    text = ("去年6月，上海市药监局与上海市科委、张江管委会，会同市经信委、上海海关等部门联合制定了《上海市研发用物品进口试点方案》。"
            "《关于推进信息无障碍的指导意见》由工业和信息化部与中国残疾人联合会于2020年联合印发。"
            "该意见由工业和信息化部负责解读。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "issued")}
    plan = "上海市研发用物品进口试点方案"
    assert {("上海市药监局", plan), ("上海市科委", plan), ("张江管委会", plan), ("市经信委", plan),
            ("上海海关", plan)} <= got
    assert ("中国残疾人联合会", "关于推进信息无障碍的指导意见") in got


def test_a_list_that_is_not_a_list_of_issuers(backend):
    """Organizations listed before a policy they only welcome or discuss did not issue it."""
    text = "腾讯、阿里巴巴和百度等企业代表讨论了《数据安全管理办法》。"
    assert not found(backend, text, "issued")


def test_issuer_in_the_title(backend):
    got = found(backend, "企业可查阅《工业和信息化部关于促进中小企业发展的通知》。", "issued")
    assert ("工业和信息化部", "issued", "工业和信息化部关于促进中小企业发展的通知", "name") in got


def test_partners_on_both_sides_of_an_agreement(backend):
    text = "江城电力工程股份公司、云梦公司和江汉建工集团与宜城市新材料集团签署合作协议。"
    got = {frozenset((h, t)) for h, _, t, _ in found(backend, text, "partnerOf")}
    assert frozenset(("江城电力工程股份公司", "宜城市新材料集团")) in got
    assert frozenset(("云梦公司", "江汉建工集团")) not in got  # they are one side, not partners here


def test_seats_stated_in_a_sentence(backend):
    text = ("位于苏州工业园区的苏州瑞联生物技术有限公司扩建了实验室。"
            "苏州工业园区另一家医疗器械企业华瑞医疗集团发布了新产品。"
            "安徽星航科技有限公司是合肥综保区首家入驻企业。")
    got = {(h, t) for h, _, t, how in found(backend, text, "locatedIn") if how == "stated"}
    assert ("苏州瑞联生物技术有限公司", "苏州工业园区") in got
    assert ("华瑞医疗集团", "苏州工业园区") in got
    assert ("安徽星航科技有限公司", "合肥综保区") in got


def test_a_headquarters_after_a_clause_about_the_company(backend):
    text = "云帆环境成立于2012年，总部位于武汉市洪山区，去年上市。"
    got = {(h, t) for h, _, t, _ in found(backend, text, "locatedIn")}
    assert {("云帆环境", "武汉市"), ("云帆环境", "洪山区")} <= got


def test_a_destination_is_not_a_seat(backend):
    """A company that sends products to a place, or whose people visit it, is not seated there."""
    text = "北京旷视科技有限公司的机器人出口到德国。华为代表团前往上海参加展会。"
    got = {(h, t) for h, _, t, how in found(backend, text, "locatedIn") if how == "stated"}
    assert not got


def test_a_body_opened_in_a_place_is_seated_there(backend):
    text = "6月28日，江汉省智能传感创新中心在云梦高新区揭牌运行。华为代表团在上海参加展会。"
    got = {(h, t) for h, _, t, how in found(backend, text, "locatedIn") if how == "stated"}
    assert ("江汉省智能传感创新中心", "云梦高新区") in got
    assert not any(h.startswith("华为") for h, _ in got)


def test_units_inside_a_parent(backend):
    text = "清华大学能源与动力工程系和中国科学院物理研究所联合发布成果。国科量子通信网络有限公司北京分公司开业。"
    got = {(h, t) for h, _, t, how in found(backend, text, "subsidiaryOf") if how == "name"}
    assert ("中国科学院物理研究所", "中国科学院") in got
    assert ("国科量子通信网络有限公司北京分公司", "国科量子通信网络有限公司") in got


def test_a_school_named_by_one_character_and_its_kind(backend):
    got = {(h, t) for h, _, t, how in found(backend, "安徽大学法学院副院长付岚作解读。", "subsidiaryOf")}
    assert ("安徽大学法学院", "安徽大学") in got


def test_no_post_starts_with_a_preposition(backend):
    text = "武汉行知机器人有限公司发布新品。行知机器人由机器人专家宁远舟于 2022 年创立。"
    assert not {(h, t) for h, _, t, _ in found(backend, text, "holdsPosition")}


def test_a_branch_named_by_its_company_short_name_and_place(backend):
    text = "安徽云岫智能科技股份有限公司发布新品。云岫智能西安分公司在西安高新区揭牌。"
    got = found(backend, text)
    assert ("云岫智能西安分公司", "subsidiaryOf", "云岫智能", "name") in got
    assert ("云岫智能西安分公司", "locatedIn", "西安", "name") in got


def test_units_of_a_government_body(backend):
    text = "工业和信息化部科技司有关负责人介绍了情况。湖北省人民政府办公厅印发通知。"
    got = {(h, t) for h, _, t, how in found(backend, text, "subsidiaryOf") if how == "name"}
    assert ("工业和信息化部科技司", "工业和信息化部") in got
    assert ("湖北省人民政府办公厅", "湖北省人民政府") in got


def test_subsidiaries_stated(backend):
    text = "小米集团旗下的小米汽车有限公司发布新车。"
    assert ("小米汽车有限公司", "subsidiaryOf", "小米集团", "stated") in found(backend, text)
    text = "江城智能科技有限公司是江城集团有限公司旗下子公司。"
    assert ("江城智能科技有限公司", "subsidiaryOf", "江城集团有限公司", "stated") in found(backend, text)
    text = "8月8日，江苏云帆新能源科技有限公司全资子公司云帆新能源（宜昌）有限公司开工。"
    assert ("云帆新能源（宜昌）有限公司", "subsidiaryOf", "江苏云帆新能源科技有限公司", "stated") in found(backend, text)
    text = "据悉，武汉云视微电子有限公司近日在上海市浦东新区设立全资子公司云视微电子（上海）有限公司。"
    got = found(backend, text)
    assert ("云视微电子（上海）有限公司", "subsidiaryOf", "武汉云视微电子有限公司", "stated") in got
    assert ("武汉云视微电子有限公司", "founded", "云视微电子（上海）有限公司", "stated") in got
    text = "湖北泽源磷业集团有限公司总部位于宜昌市夷陵区，旗下拥有宜昌泽源新材料有限公司等6家子公司。"
    assert ("宜昌泽源新材料有限公司", "subsidiaryOf", "湖北泽源磷业集团有限公司", "stated") in found(backend, text)


def test_the_article_place_for_its_companies(backend):
    """An article about one district places the companies it names without a seat of their own."""
    text = ("测试工作简报\n2024 年第 3 期\n"
            "■ 海淀区发布人工智能新政\n"
            "海淀区近日发布新一批扶持政策。首批获得支持的企业包括百度在线网络技术有限公司。\n"
            "■ 德国企业访华\n"
            "来自德国的西门子股份公司的代表访问了上海和深圳的合作伙伴。")
    got = {(h, t, how) for h, _, t, how in found(backend, text, "locatedIn")}
    assert ("百度在线网络技术有限公司", "海淀区", "article") in got
    assert not any(how == "article" and t != "海淀区" for h, t, how in got)


def test_a_list_read_past_a_declared_short_name(backend):
    """A（以下简称B）、C 和 D is the list A, C, D: the short name does not end it."""
    text = ("不少骨干企业都在苏州工业园区，比如苏州明远光电科技有限公司（以下简称明远光电）、"
            "江南微系统有限公司和华钛数码信息系统有限公司。")
    got = {h for h, _, t, how in found(backend, text, "locatedIn") if how == "stated" and t == "苏州工业园区"}
    assert got == {"苏州明远光电科技有限公司", "江南微系统有限公司", "华钛数码信息系统有限公司"}


def test_a_list_all_seated_in_one_place(backend):
    """A、B 等机构均在 REGION places each; the same list holding an event there does not."""
    seated = found(backend, "江苏省产业技术研究院、南京软件研究中心、中国电子学会智能制造分会等机构均在南京江北新区。",
                   "locatedIn")
    assert {h for h, _, t, how in seated if how == "stated" and t == "南京江北新区"} == {
        "江苏省产业技术研究院", "南京软件研究中心", "中国电子学会智能制造分会"}
    visiting = found(backend, "江苏省产业技术研究院、南京软件研究中心等机构均在南京江北新区举办了路演。", "locatedIn")
    assert not {h for h, _, t, how in visiting if how == "stated"}


def test_a_place_and_的_before_a_partner_describe_it(backend):
    """与新加坡的 X, 与安徽的 Y: the place is where the partner is, and 的 does not break the partnership."""
    text = ("上海汀兰研究院与新加坡的澄湖微纳技术研究所签订合作备忘录。"
            "扬州岚度检测技术研究所日前与安徽的汀测认证有限公司签署互认协议。"
            "岚屿大学与位于慕尼黑的汀湖工业大学签署协议。")
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("上海汀兰研究院", "partnerOf", "澄湖微纳技术研究所") in got
    assert ("澄湖微纳技术研究所", "locatedIn", "新加坡") in got
    assert ("扬州岚度检测技术研究所", "partnerOf", "汀测认证有限公司") in got
    assert ("汀测认证有限公司", "locatedIn", "安徽") in got
    assert ("岚屿大学", "partnerOf", "汀湖工业大学") in got
    assert ("扬州岚度检测技术研究所", "locatedIn", "安徽") not in got


def test_the_same_share_for_each_founder(backend):
    """由 A、B 共同发起设立的 X…，两家发起方分别持有 50% 份额: each founder invested; not when the count
    differs from the founders named."""
    text = ("由汀滨科创控股有限公司（以下简称汀滨科创）、江苏岚澜国资运营有限公司共同发起组建的"
            "澄湖协同发展基金（简称协同基金）日前完成首期募集，两家发起方分别持有 50% 份额。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "investedIn")}
    assert ("江苏岚澜国资运营有限公司", "澄湖协同发展基金") in got
    assert any(h.startswith("汀滨科创") and t == "澄湖协同发展基金" for h, t in got)
    assert not found(backend, text.replace("两家发起方", "三家发起方"), "investedIn")


def test_more_money_put_in_and_another_following_suit(backend):
    """A 向 X 追加认缴 10 亿元，B 同步追加 10 亿元: both put money into X."""
    text = "浙江岚湛实业控股有限公司日前向岚屿发展基金追加认缴 8 亿元，汀滨科创控股有限公司同步追加 6 亿元。"
    got = {(h, t) for h, _, t, _ in found(backend, text, "investedIn")}
    assert got == {("浙江岚湛实业控股有限公司", "岚屿发展基金"), ("汀滨科创控股有限公司", "岚屿发展基金")}


def test_shares_of_a_company_set_up_after_the_signing(backend):
    """A 与 B 3 月 2 日签约，共同出资设立 X，双方分别持有 55% 和 45% 股权: each invested in X."""
    text = ("南京驰岚车载电子有限公司与上海芯汀集成电路有限公司 3 月 2 日签订协议，共同出资设立江苏驰澄车规检测技术有限公司，"
            "双方分别持有 55% 和 45% 股权。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "investedIn")}
    assert got == {("南京驰岚车载电子有限公司", "江苏驰澄车规检测技术有限公司"),
                   ("上海芯汀集成电路有限公司", "江苏驰澄车规检测技术有限公司")}


def test_a_unit_named_again_by_its_place_built_together_and_led(backend):
    """某某中心汀州分中心 … 。汀州分中心由 A 与 B 共建，负责人为 C: the unit named again by its place and kind,
    its builders, and who leads it."""
    text = ("5 月 12 日，岚湖协同技术转移中心汀州分中心在汀州市弋江区揭牌。"
            "汀州分中心由岚湖协同技术转移中心与汀州市科学技术局共建，负责人为聂文澜。")
    got = found(backend, text)
    assert ("岚湖协同技术转移中心", "founded", "汀州分中心", "stated") in got
    assert ("汀州市科学技术局", "founded", "汀州分中心", "stated") in got
    assert ("聂文澜", "holdsPosition", "汀州分中心", "stated") in got
    # a post named after a clause whose own body stands before it is that body's, not the subject's
    other = found(backend, "汀州分中心由岚湖协同技术转移中心与汀州市科学技术局共建，汀州市科学技术局局长为聂文澜。")
    assert ("聂文澜", "holdsPosition", "汀州分中心", "stated") not in other


def test_a_post_taken_at_a_body_named_by_its_kind(backend):
    """当选联合体理事长, 受聘为实验室首席科学家: the consortium and the lab just named."""
    text = ("由苏州岚康合成生物有限公司牵头，联合合肥汀衡药物研究院共同组建的澄湖合成生物中试创新联合体在苏州揭牌，"
            "岚康生物董事长唐汀禾当选联合体理事长。"
            "岚屿智能传感联合实验室在嘉定启用。汀湖微系统研究所所长汉斯·贝格曼受聘为实验室首席专家。")
    got = {(h, r, t) for h, r, t, _ in found(backend, text, "holdsPosition")}
    assert ("唐汀禾", "holdsPosition", "联合体") in got
    assert ("汉斯·贝格曼", "holdsPosition", "实验室") in got


def test_a_branch_in_another_province_is_not_in_its_parents_place(backend):
    """上海某某有限公司嘉善分公司 is in 嘉善 (Zhejiang), not 上海; 山东某某有限公司坊子分公司 is in 山东 too."""
    text = "上海岚屿光电仪器有限公司嘉善分公司开业，山东汀田粮油有限公司坊子分公司同日开业。"
    got = {(h, t) for h, _, t, _ in found(backend, text, "locatedIn")}
    assert ("上海岚屿光电仪器有限公司嘉善分公司", "上海") not in got
    assert ("上海岚屿光电仪器有限公司", "上海") in got
    assert ("山东汀田粮油有限公司坊子分公司", "山东") in got


def test_a_county_by_its_short_name_and_a_town_inside_a_name(backend):
    """In an issue that names 泰和县, 泰和汀岚村镇银行 is in it; 泰和县禾市镇某某合作社 is in the town too."""
    text = ("县域经济简报\n泰和县召开招商大会。县工信局联合泰和汀岚村镇银行举办对接会。"
            "省农业农村厅公布名单，泰和县禾市镇汀兰蜜柚种植专业合作社入选。平安银行也参加。")
    got = {(h, t) for h, _, t, _ in found(backend, text, "locatedIn")}
    assert ("泰和汀岚村镇银行", "泰和") in got
    assert ("泰和县禾市镇汀兰蜜柚种植专业合作社", "禾市镇") in got
    assert ("泰和县禾市镇汀兰蜜柚种植专业合作社", "泰和县") in got
    assert not any(h == "平安银行" for h, _ in got)


def test_shares_and_a_post_of_the_sentences_subject(backend):
    """X 注册资本 3 亿元，A、B 分别持股 65%、35%，董事长由 A 副总经理 C 出任: the holders invested in X and C
    chairs X; …设立 Y 分公司，…，负责人由 D 兼任: D leads the branch, not the sentence's subject."""
    text = ("宁波汀翔新能源股份有限公司和泰和县城建投资有限公司（下称“泰和城投”）签订协议。"
            "泰和汀翔光伏电力有限公司注册资本 3 亿元，汀翔新能源、泰和城投分别持股 65%、35%，"
            "董事长由汀翔新能源副总经理戴汀明出任。")
    got = found(backend, text)
    assert ("戴汀明", "holdsPosition", "泰和汀翔光伏电力有限公司", "stated") in got
    assert ("泰和城投", "investedIn", "泰和汀翔光伏电力有限公司", "stated") in got
    other = found(backend, "深圳岚驿供应链集团有限公司旗下岚驿低空近日设立岚驿低空成都分公司，该分公司地处成都市郫都区，"
                           "负责人由岚驿低空副总经理柯汀溪兼任。", "holdsPosition")
    assert not any(h == "柯汀溪" and t == "深圳岚驿供应链集团有限公司" for h, _, t, _ in other)


def test_a_unit_that_belongs_to_a_body_named_by_its_kind(backend):
    """某某联络处 … ，联络处隶属县招商服务中心，主任由某某担任: the office belongs to the bureau, and its head
    is the office's."""
    text = "泰和县驻广州招商联络处近日在广州市天河区揭牌，联络处隶属县招商服务中心，主任由黎汀韬担任。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("黎汀韬", "holdsPosition", "泰和县驻广州招商联络处") in got
    assert ("联络处", "subsidiaryOf", "县招商服务中心") in got
    assert ("泰和县驻广州招商联络处", "locatedIn", "广州市") in got


def test_a_museum_named_again_and_the_joint_venture_of_the_sentence_before(backend):
    """该馆已与 X 签署协议: the museum named before; 兼任合资公司董事长，某某科技副总裁 B 任总经理: both posts are at
    the joint venture (合资公司, the company named before), not at the first person's group."""
    got = found(backend, "长春汀巷记忆博物馆开馆。馆长葛汀芝透露，该馆已与大连岚港近代史博物馆签订馆际合作协议。")
    assert ("该馆", "partnerOf", "大连岚港近代史博物馆", "stated") in got
    text = ("长春岚鸿数字科技有限公司与深圳汀澈科技有限公司合资成立长春汀澈文旅科技有限公司。"
            "岚鸿集团党委副书记、总裁关汀宇兼任合资公司董事长，汀澈科技副总裁林汀骞任总经理。")
    got = {(h, t, a.get("title")) for h, _, t, a in _posts(backend, text)}
    assert ("关汀宇", "合资公司", "董事长") in got and ("林汀骞", "长春汀澈文旅科技有限公司", "总经理") in got
    assert not any(h == "林汀骞" and t == "岚鸿集团" for h, t, _ in got)


def test_a_seat_written_before_an_investor(backend):
    """由总部位于北京的 X 领投: X invested, and X is in 北京."""
    text = "长春霜岚互动娱乐有限公司完成 B 轮融资，该轮由总部设在北京的澄汀资本领投。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("澄汀资本", "investedIn", "长春霜岚互动娱乐有限公司") in got
    assert ("澄汀资本", "locatedIn", "北京") in got


def _posts(backend, text: str) -> list[tuple]:
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    return [(issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text, r.attributes)
            for r in issue.relations if r.type == "holdsPosition"]


def test_a_division_named_after_its_bureau_is_part_of_the_post(backend):
    """市数据局召开…，数据资源处处长 A、数据要素处处长 B…: both hold posts at the bureau, the division in the title
    (as in 市数据局数据资源处处长); the division is no body of its own."""
    text = ("3月9日，市大数据局召开全年工作部署会，局长孙汀航出席并讲话，"
            "数据资源处处长邵汀博、数据应用处处长葛汀琳分别发言。")
    got = {(h, t, a.get("title")) for h, _, t, a in _posts(backend, text)}
    assert ("邵汀博", "市大数据局", "数据资源处处长") in got and ("葛汀琳", "市大数据局", "数据应用处处长") in got
    assert not any(t.endswith("处") for _, t, _ in got)


def test_a_branch_named_by_a_districts_short_name_and_led_after_a_date(backend):
    """5月6日，某某集团有限公司海曙分公司…开业，分公司负责人由集团副总裁 A 兼任: the branch is in 海曙 (海曙区), its
    parent is the company named in full, and A leads the branch (and is the group's vice-president)."""
    text = "5月6日，宁波甬岚云数集团有限公司海曙分公司于鄞州开业，分公司负责人由集团副总裁冯汀远兼任。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    branch = "宁波甬岚云数集团有限公司海曙分公司"
    assert (branch, "subsidiaryOf", "宁波甬岚云数集团有限公司") in got
    assert (branch, "locatedIn", "海曙") in got
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    led = {(issue.mentions[r.head].text, issue.mentions[r.tail].key) for r in issue.relations if r.type == "holdsPosition"}
    key = {m.text: m.key for m in issue.mentions}
    # (分公司 named again is the branch, 集团 the group its name begins with)
    assert led == {("冯汀远", key[branch]), ("冯汀远", key["宁波甬岚云数集团有限公司"])}


def test_a_district_bureau_whose_name_goes_on_with_市场(backend):
    """顺德区 | 市场监督管理局: the district is a place (市 starts 市场, no level of a longer name); an insurer's
    中心支公司 is a branch of the insurer and in its city."""
    text = "顺德区市场监督管理局党组书记罗汀航表示，岚衡人寿保险股份有限公司东莞中心支公司签发首批保单。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("顺德区市场监督管理局", "locatedIn", "顺德区") in got
    branch = "岚衡人寿保险股份有限公司东莞中心支公司"
    assert (branch, "subsidiaryOf", "岚衡人寿保险股份有限公司") in got and (branch, "locatedIn", "东莞") in got


def test_posts_elected_in_turn(backend):
    """A 当选联盟首届理事长，某所所长 B 任秘书长; A 同志当选某会会长，某公司总经理 B 当选副会长: B's post is at the
    body A was elected to, not at the body of A's own post."""
    text = ("岚翎陶瓷联合汀荟卫浴等9家企业发起成立佛山建陶色釉专利联盟。"
            "岚翎陶瓷董事长冼汀琳当选联盟首届理事长，汀湾釉料研究所所长黎汀谦任秘书长。")
    got = {(h, t, a.get("title")) for h, _, t, a in _posts(backend, text)}
    assert ("冼汀琳", "联盟", "首届理事长") in got and ("黎汀谦", "佛山建陶色釉专利联盟", "秘书长") in got
    assert not any(h == "黎汀谦" and t in ("岚翎陶瓷", "联盟") for h, t, _ in got)
    text = "汀澄装备总经理徐汀秋同志当选无锡市传感器产业促进会第二届理事会会长，芯汀科技董事长潘汀鸣当选副会长。"
    got = {(h, t, a.get("title")) for h, _, t, a in _posts(backend, text)}
    assert ("潘汀鸣", "无锡市传感器产业促进会", "副会长") in got


def test_the_next_post_of_the_body_just_taken_and_what_a_consortium_is_formed_from(backend):
    """A 出任 B 董事长，总经理由 C 担任: C's post is at B, not at A's own body; 由 X 与 Y 组成的联合体: X and Y
    found no body named before it."""
    text = "汀渡控股副总裁许知微出任岚川算力公司董事长，总经理由柯一宁担任。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text, "holdsPosition")}
    assert ("柯一宁", "holdsPosition", "岚川算力公司") in got and ("柯一宁", "holdsPosition", "汀渡控股") not in got
    text = "市城管局项目确定成交供应商，由汀云数智与岚恒环保两家单位组成的联合体以 980 万元中标。"
    assert not found(backend, text, "founded")


def test_a_street_office_named_again_by_its_kind_alone(backend):
    """市中区 青梧街道办事处…，街道办事处副主任单某某介绍: the office named just before holds the post."""
    text = "简报\n\n市中区 青梧街道办事处与汀川运营签署合作协议，街道办事处副主任单玉澄介绍，首批网格员已到岗。\n"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    posts = [(issue.mentions[r.head].text, issue.mentions[r.tail].key) for r in issue.relations if r.type == "holdsPosition"]
    office = next(m.key for m in issue.mentions if m.text == "青梧街道办事处")
    assert posts == [("单玉澄", office)]


def test_posts_elected_at_a_body_an_item_opens_with_owners_stated_and_a_seat_taken_lately(backend):
    """● 某行召开董事会，选举 P 为董事长 (an item's mark before the subject); 某协会大会召开，…P 当选会长; 由 A 全资
    设立的 B and 公司控股股东为 A: B is A's; B 近日落户 X: B is in X; A 与 B 成立某学院，…C 任院长: not A's post."""
    got = {(h, r, t) for h, r, t, _ in found(backend, "● 岚溪农村商业银行举行董事会，选举柯志澄为董事长。")}
    assert ("柯志澄", "holdsPosition", "岚溪农村商业银行") in got
    got = {(h, r, t) for h, r, t, _ in found(backend, "● 岚州市保险行业协会第三次会员代表大会近日举行，汀门保险董事长闫宏澄当选会长。")}
    assert ("闫宏澄", "holdsPosition", "岚州市保险行业协会") in got
    text = "由汀岚精密机械股份有限公司全资设立的汀岚融资租赁有限公司近日落户汀岚新区，经营范围包括设备租赁。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("汀岚融资租赁有限公司", "subsidiaryOf", "汀岚精密机械股份有限公司") in got
    assert ("汀岚融资租赁有限公司", "locatedIn", "汀岚新区") in got
    got = {(h, r, t) for h, r, t, _ in found(backend, "岚澜控股有限公司在园区全资设立的岚澜保理（汀州）有限公司开业。")}
    assert ("岚澜保理（汀州）有限公司", "subsidiaryOf", "岚澜控股有限公司") in got
    text = "湖北恒汀精密机械股份有限公司成立于 2008 年。公司控股股东为枣阳恒汀投资有限公司，祁振澄持有其 68% 股权。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n" + text + "\n"))
    extract([issue], backend)
    owned = [(issue.mentions[r.head].key, issue.mentions[r.tail].text) for r in issue.relations if r.type == "subsidiaryOf"]
    company = next(m.key for m in issue.mentions if m.text == "湖北恒汀精密机械股份有限公司")
    assert owned == [(company, "枣阳恒汀投资有限公司")]
    text = "■ 汀岚储能材料有限公司与岚州理工职业学院成立储能产业学院，岚州理工副院长傅晴澄任院长。"
    assert not any(t == "汀岚储能材料有限公司" for h, _, t, _ in found(backend, text, "holdsPosition"))


def test_a_person_the_model_read_as_a_body_once(backend):
    """瑞某由甘某某与某研究院共同创立，甘某某现任公司首席执行官: the founder is the person named again."""
    text = "简报\n\n瑞驰储能由甘一帆与汀江理工研究院于 2018 年共同创办，甘一帆现任公司总裁。\n"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    assert {m.type for m in issue.mentions if m.text == "甘一帆"} == {"Person"}


def test_an_innovation_centre_named_again_by_its_kind(backend):
    """某某技术创新中心…。创新中心设在岚州: the centre named before is in 岚州."""
    text = "简报\n\n汀岚省低空导航技术创新中心近日揭牌。创新中心设在岚州，首任主任为葛文澄。\n"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    centre = next(m.key for m in issue.mentions if m.text == "汀岚省低空导航技术创新中心")
    assert (centre, "locatedIn", "岚州") in {(issue.mentions[r.head].key, r.type, issue.mentions[r.tail].text)
                                            for r in issue.relations}


def test_each_body_with_the_one_after_and_bodies_that_act_together(backend):
    """A、B 和 C 分别与 D 签署协议: each of them with D, not with each other; A、B 5 月联合对…开展检查: A with B;
    A 近日向全资子公司 B 增资: B is A's; X 系 A 出资设立的子基金: A founded X, X is A's."""
    text = ("汀岚通信集团有限公司本月向全资子公司汀岚安全科技有限公司（简称“汀岚安全”）增资 5 亿元。"
            "岚州市网信办、汀州市网信办和澜州市网信办 4 月 28 日分别与汀岚安全签署托管服务协议。")
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("汀岚安全科技有限公司", "subsidiaryOf", "汀岚通信集团有限公司") in got
    partners = {(h, t) for h, r, t in got if r == "partnerOf"}
    assert partners == {(office, "汀岚安全") for office in ("岚州市网信办", "汀州市网信办", "澜州市网信办")}
    got = {(h, r, t) for h, r, t, _ in found(backend, "岚山市网信办、岚山市公安局 5 月联合对辖区 40 家网络平台开展专项检查。")}
    assert ("岚山市网信办", "partnerOf", "岚山市公安局") in got
    got = {(h, r, t) for h, r, t, _ in found(backend, "岚汀数智基金系汀州数字经济母基金出资设立的子基金。")}
    assert {("岚汀数智基金", "subsidiaryOf", "汀州数字经济母基金"), ("汀州数字经济母基金", "founded", "岚汀数智基金")} <= got
    # bodies issuing a document together are its issuers, not partners for it
    got = {(h, r, t) for h, r, t, _ in found(backend, "岚山市网信办、岚山市公安局联合印发《岚山市数据安全执法检查办法》。")}
    assert not any(r == "partnerOf" for _, r, _ in got)


def test_a_corps_of_a_bureau_and_a_division_read_into_its_bureau(backend):
    """某省公安厅某某总队总队长 P: the corps is a body of the bureau, P its head; 省能源局电力 | 安全 监管 处 |
    处长 P: the division's first word read into the bureau's name goes back to the post."""
    def posts(text):
        issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n" + text + "\n"))
        extract([issue], backend)
        return {(issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text, r.attributes.get("title"))
                for r in issue.relations}

    for corps in ("江西省公安厅网络安全监察总队", "江西省公安厅食品药品犯罪侦查总队"):
        got = posts(f"{corps}总队长柯文澄通报，全省已备案信息系统 1820 个。")
        assert ("柯文澄", "holdsPosition", corps, "总队长") in got
        assert (corps, "subsidiaryOf", "江西省公安厅", None) in got
    got = posts("省能源局电力安全监管处处长祁雅澄介绍，办法将煤电企业的并网验收时限缩短至 20 个工作日。")
    assert ("祁雅澄", "holdsPosition", "省能源局", "电力安全监管处处长") in got


def test_names_of_a_region_with_its_own_government_and_of_its_cooperation_zones(backend):
    """某某特区政府教育 | 及 | 青年发展局: one office, the government's; 某某合作区执行委员会: the zone's body, in it;
    某某协会创会 | 会长: the post's first word; 发起方之一 | 某某集团: no part of the name."""
    got = {(h, r, t) for h, r, t, _ in found(backend, "澳门特区政府教育及青年发展局推出计划。")}
    assert ("澳门特区政府教育及青年发展局", "subsidiaryOf", "澳门特区政府") in got
    text = "汀澜深港科技创新合作区执行委员会 6 月 2 日印发《汀澜深港科技创新合作区人才引进办法》。"
    assert ("汀澜深港科技创新合作区执行委员会", "locatedIn", "汀澜深港科技创新合作区") in {
        (h, r, t) for h, r, t, _ in found(backend, text)}
    got = _posts(backend, "澜州青年科创协会创会会长柯嘉朗表示，协会将扩大会员规模。")
    assert {(h, t, a.get("title")) for h, _, t, a in got} == {("柯嘉朗", "澜州青年科创协会", "创会会长")}
    text = "岚湾协同发展基金发起方之一广东岚粤科创投资集团有限公司 6 月 2 日宣布向基金追加出资 8 亿元。"
    assert ("广东岚粤科创投资集团有限公司", "locatedIn", "广东") in {(h, r, t) for h, r, t, _ in found(backend, text)}


def test_a_seat_of_city_and_district_a_latin_brand_and_two_places_joined_in_a_list(backend):
    """某某（广州南沙）生物技术有限公司: a district after its city is a seat; Lumex 岚柏投资: the Latin brand
    opens the name; 香港、澳门及法国、德国: 澳门 and 法国 are two places."""
    text = "交割完成后，岚汀萨计划于广州南沙设立全资子公司岚汀萨（广州南沙）生物技术有限公司。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert ("岚汀萨（广州南沙）生物技术有限公司", "subsidiaryOf", "岚汀萨") in got
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n参与本轮投资的还有 Lumex 岚柏投资、汀暄资本等机构。"
                             "30 余位来自香港、澳门及法国、德国、日本的专家将走访深圳。\n"))
    extract([issue], backend)
    names = {(m.text, m.type) for m in issue.mentions}
    assert ("Lumex 岚柏投资", "Organization") in names and ("岚柏投资", "Organization") not in names
    assert {("澳门", "Region"), ("法国", "Region")} <= names and not any("及" in text for text, _ in names)


def test_deals_announced_received_with_an_amount_in_another_currency_and_a_fund_of_a_stated_size(backend):
    """X 日前宣布完成…融资。本轮由 A 领投，B 跟投; X 获得 A 2000 万澳门元战略投资; A 与 B 合作设立 6 亿元规模的“X”."""
    text = ("汀州市岚衍机器人科技有限公司日前宣布完成 3.2 亿元 B 轮融资。本轮由汀湾资本领投，岚海创新基金跟投。")
    got = {(h, r, t) for h, r, t, _ in found(backend, text, "investedIn")}
    assert got == {("汀湾资本", "investedIn", "汀州市岚衍机器人科技有限公司"), ("岚海创新基金", "investedIn", "汀州市岚衍机器人科技有限公司")}
    text = "澳门岚澳信息服务有限公司获得澳门汀江发展基金会 2000 万澳门元的投资，用于建设机房。"
    assert ("澳门汀江发展基金会", "investedIn", "澳门岚澳信息服务有限公司") in {(h, r, t) for h, r, t, _ in found(backend, text)}
    text = "岚德科创投资有限公司与汀湾资本合作设立 6 亿元规模的“岚德创芯基金”，主要投向校友企业。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text)}
    assert {("岚德科创投资有限公司", "founded", "岚德创芯基金"), ("汀湾资本", "founded", "岚德创芯基金")} <= got
    text = text.replace("岚德创芯基金", "岚湾硬科技基金")  # (the quotes hold the whole name where the model cut it)
    assert ("汀湾资本", "founded", "岚湾硬科技基金") in {(h, r, t) for h, r, t, _ in found(backend, text)}


def test_names_a_pause_a_conjunction_or_the_verb_of_a_post_ends(backend):
    """校长某某 | 之 | 、, 总经理某某 | 同 | ，: the name ends at the pause; 院长某某某和 | 某院: not at 和;
    副总经理 | 某某某/v | 兼任: a name read as a verb before the verb of the post."""
    text = ("汀州电力大学校长程牧之、岚江电网副总经理邵敏川出席。六安岚江供电公司总经理汪季同，副县长余婧出席。"
            "中心实行双主任制，由淮汀大学电气学院院长宁致远和岚江电科院副院长许若兰一同担任。")
    people = {h for h, r, t, _ in found(backend, text, "holdsPosition")}
    assert {"程牧之", "汪季同", "宁致远"} <= people and not people & {"程牧", "汪季", "宁致远和"}
    text = "公司总经理由汀岚能源科技有限公司副总经理任舟帆兼任；克劳斯·迈尔出任副总经理。"
    assert "任舟帆" in {h for h, r, t, _ in found(backend, text, "holdsPosition")}


def test_a_holding_a_medicine_and_a_centre_named_with_与_after_its_founders(backend):
    """某某集团控股 | 子公司: the group's name ends before 控股; “某某补血颗粒”: a medicine, no body; 由 A、B 和 C 共建的
    某某评价与转化研究中心: 与 inside the centre's name, which each of them founded."""
    got = {(h, r, t) for h, r, t, _ in found(backend, "交割完成后，汀济制药成为岚元本草集团控股子公司。")}
    assert ("汀济制药", "subsidiaryOf", "岚元本草集团") in got
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n汀岚中心首批成果中，“岚归益气颗粒”已进入临床试验。\n"))
    extract([issue], backend)
    assert not any(m.text == "岚归益气颗粒" and m.type == "Organization" for m in issue.mentions)
    text = "由汀州岐岚医药学院、岚州中医院和岚元本草集团共建的中药材标准评价与转化研究中心近日揭牌。"
    got = {(h, r, t) for h, r, t, _ in found(backend, text, "founded")}
    assert {h for h, _, t in got if t == "中药材标准评价与转化研究中心"} == {"汀州岐岚医药学院", "岚州中医院", "岚元本草集团"}


def test_a_post_named_in_a_clause_at_a_body_named_again_by_its_kind(backend):
    """某某公司岚州分公司揭牌，分公司负责人为 P: P heads the branch (分公司 is the branch named again)."""
    text = "汀华高分子材料有限公司岚州分公司日前揭牌，主要开展制品销售，分公司负责人为徐岚然。"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n" + text + "\n"))
    extract([issue], backend)
    branch = next(m.key for m in issue.mentions if m.text == "汀华高分子材料有限公司岚州分公司")
    assert {(issue.mentions[r.head].text, issue.mentions[r.tail].key, r.attributes.get("title"))
            for r in issue.relations if r.type == "holdsPosition"} == {("徐岚然", branch, "负责人")}


def test_a_national_pilot_zone_named_by_its_city_an_operators_role_and_a_name_before_之_and_a_verb(backend):
    """中国（某市）某某综合试验区: one place; 园区运营方 | 某某有限公司: the role is no part of the name;
    副区长沈某 | 之 | 带队: 之 before a verb ends the name."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n会上通报：中国（岚海）数字贸易综合试验区上季度进出口 80 亿元。"
                             "服务站由园区运营方岚海汀湾科技园运营有限公司承担。汀港区副区长沈牧之带队赴苏州考察。\n"))
    extract([issue], backend)
    names = {(m.text, m.type) for m in issue.mentions}
    assert ("中国（岚海）数字贸易综合试验区", "Region") in names
    assert ("岚海汀湾科技园运营有限公司", "Organization") in names and not any(t.startswith("园区") for t, _ in names)
    assert ("沈牧之", "Person") in names


def test_units_named_after_a_word_of_owning_fields_before_a_status_and_teams_of_a_bodys_people(backend):
    """某院下属 | 某某研究所 (the unit is named, not a kind), 某某创投参与 | 某某有限公司 B 轮融资, a fund whose business
    is a verb (某某成果转化母基金), a name after a post read as two words (副市长应/v | 澄然/a | 、), a field before
    a status a province confers (某某遥感 | 青海省重点实验室), a research station named by its place and field,
    a long quoted name after 联合组建, a person's team working with a body (so their body does), 某某资/ORG | 本旗
    (the suffix cut in two) and 同步 before 跟投."""
    rels = found(backend, "简报\n\n汀澜科学院下属岚峰资源研究所研究员严嘉禾课题组联合汀州医科大学药学院，完成了基因测序。"
                          "汀澜创投参与岚溪钛芯科技有限公司 B 轮融资。汀州岚航成果转化母基金日前向汀澜创投增资 3 亿元。"
                          "岚州市人民政府副市长应澄然、何嘉树出席签约。依托岚峰资源研究所建设的高寒草甸遥感青海省重点实验室获评优秀。"
                          "岚峰资源研究所下属的玛曲高寒草甸野外科学观测研究站入选。去年由汀澜科学院与岚溪重工联合组建“大型叶片智能检测联合研发中心”。"
                          "岚峰资源研究所所长严嘉禾团队与岚溪硅业有限公司合作，研制出磁体；岚峰资源研究所所长严嘉禾团队与岚溪硅业有限公司的工程师交流。"
                          "\n")
    assert ("岚峰资源研究所", "subsidiaryOf", "汀澜科学院", "stated") in rels
    assert ("岚峰资源研究所", "partnerOf", "汀州医科大学药学院", "stated") in rels
    assert ("汀澜创投", "investedIn", "岚溪钛芯科技有限公司", "stated") in rels
    assert ("汀州岚航成果转化母基金", "investedIn", "汀澜创投", "stated") in rels
    assert ("应澄然", "holdsPosition", "岚州市人民政府", "stated") in rels
    assert ("高寒草甸遥感青海省重点实验室", "subsidiaryOf", "岚峰资源研究所", "stated") in rels
    assert ("玛曲高寒草甸野外科学观测研究站", "subsidiaryOf", "岚峰资源研究所", "stated") in rels
    assert ("汀澜科学院", "founded", "大型叶片智能检测联合研发中心", "stated") in rels
    assert ("岚峰资源研究所", "partnerOf", "岚溪硅业有限公司", "stated") in rels
    assert sum(1 for r in rels if r[1] == "partnerOf" and r[2] == "岚溪硅业有限公司") == 1  # (交流 with its engineer: no partners)
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n岚创资本旗下岚创硬科技二期基金完成募集，岚航资本同步跟投 500 万元。\n"))
    extract([issue], backend)
    assert {m.text for m in issue.mentions if m.type == "Organization"} >= {"岚创资本", "岚航资本"}


def read(backend, text: str) -> tuple:
    """The issue of one short bulletin made of ``text``, its (name, type) pairs and its (head, relation, tail) triples."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", f"简报\n\n{text}\n"))
    extract([issue], backend)
    return (issue, {(m.text, m.type) for m in issue.mentions},
            {(issue.mentions[r.head].text, r.type, issue.mentions[r.tail].text) for r in issue.relations})


def test_appointments_read_as_names_a_brand_before_与_funds_named_after_a_place_and_lists_of_investments(backend):
    """某某科创与 | 某某有限公司 (a brand before 与, no person), 某某任集团旗下 X 职务 (an appointment read as one
    name), 宣布，秦/LOC | 既然/c | 任 (a name opening an appointment), 还 before 跟投, a fund named after its place
    and brand (——济南衡/LOC | 升/v | …合伙企业（有限合伙）, 杭州 | 拓某/v | 创业投资…), a title with （套） in it,
    先后投资了 A、B 和 C and 参与投资的 A、B (each of them)."""
    text = "\n".join([
        "其中，岚昇科创与合肥汀湃芯片有限公司签约。",
        "经集团党委研究决定：",
        "柏远任集团旗下汀州汀晟物业管理有限公司董事长，",
        "当天，市委组织部副部长温澜宣布，秦既然任汀晟集团副总经理。",
        "同月，汀晟资本还跟投了洛阳汀翔航空部件有限公司 Pre-A 轮融资。",
        "首支子基金——济南衡升数字农业投资基金合伙企业（有限合伙）已注册落地。",
        "市工信局会同市财政局印发岚州市机器人首台（套）示范应用奖励办法，每台（套）补助不超过 300 万元。",
        "老股东元澈资本、杭州拓嵘创业投资合伙企业（有限合伙）跟投。",
        "本月，汀晟资本先后投资了淄博知汀生物材料有限公司、泰安汀储电池有限公司和德州汀芯光电有限公司。",
        "汀晟集团参与投资的临沂星汀算力服务有限公司、临沂砺汀机器人有限公司开工。",
    ])
    _, names, rels = read(backend, text)
    assert ("合肥汀湃芯片有限公司", "Organization") in names and not any(t.startswith("岚昇科创与") for t, _ in names)
    assert {("柏远", "Person"), ("秦既然", "Person")} <= names
    assert ("柏远", "holdsPosition", "汀州汀晟物业管理有限公司") in rels
    assert ("秦既然", "holdsPosition", "汀晟集团") in rels
    assert ("汀晟资本", "investedIn", "洛阳汀翔航空部件有限公司") in rels
    assert ("济南衡升数字农业投资基金合伙企业（有限合伙）", "Organization") in names
    assert ("杭州拓嵘创业投资合伙企业（有限合伙）", "Organization") in names
    assert ("岚州市机器人首台（套）示范应用奖励办法", "Policy") in names
    companies = ("淄博知汀生物材料有限公司", "泰安汀储电池有限公司", "德州汀芯光电有限公司")
    assert {("汀晟资本", "investedIn", company) for company in companies} <= rels
    assert {("汀晟集团", "investedIn", company) for company in ("临沂星汀算力服务有限公司", "临沂砺汀机器人有限公司")} <= rels


def test_a_place_setting_up_a_bare_kind_and_a_visit_to_a_body_named_by_its_kind(backend):
    """■ 某所与岚州共建研究院: the place, the verb, a kind of body (no body named 岚州共建研究院); ■ 省科技厅来集团调研:
    the bureau, then the visit (no body named 省科技厅来集团)."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n■ 光电所与泸州共建研究院揭牌\n\n■ 省国资委来集团调研改革试点\n"))
    extract([issue], backend)
    names = {(m.text, m.type) for m in issue.mentions}
    assert ("省国资委", "Organization") in names
    assert not any("共建" in t or "来集团" in t for t, _ in names)


def test_ministries_a_station_and_its_head_names_ending_in_a_word_after_a_post_and_bodies_named_by_their_field(backend):
    """应急管理部/vn and 生态 环境 部, where the sentence has no other body's ending; a fire station named by its place
    (某某园区专职消防救援站) whose 站长 is its head, not the corps' that named it; 局长吕某 | 和 | 带队 and 董事长严某某/a
    | 、 | 某某公司 (names after a post); 联合会 naming the federation again; a field before a kind of college
    (共建 | 聚酯 材料 | 现代产业学院/ORG), and 由 A 与 B 联合开发 (partners)."""
    text = "\n".join([
        "生态环境部、应急管理部日前联合发布《化工园区公共应急能力评估细则（试行）》。",
        "汀湾省消防救援总队将汀湾园区专职消防救援站确定为示范站，站长韦令舟表示，园区将补齐装备。",
        "园区生态环境局局长吕澄和带队检查了三家企业。",
        "汀湾弘泰涂料有限公司董事长严可为、汀湾昕昊制药有限公司副总经理蒋沐作交流发言。",
        "汀湾化工企业联合会召开会员大会。联合会由汀湾开发公司于 2021 年发起设立。",
        "岚晟新材与汀湾理工大学签约共建聚酯材料现代产业学院。",
        "新型涂层由岚晟新材与上海汀元化工科技有限公司联合开发。",
    ])
    issue, names, rels = read(backend, text)
    assert {("应急管理部", "Organization"), ("生态环境部", "Organization")} <= names
    assert ("韦令舟", "holdsPosition", "汀湾园区专职消防救援站") in rels
    assert ("吕澄和", "Person") in names and ("严可为", "holdsPosition", "汀湾弘泰涂料有限公司") in rels
    assert any(m.text == "联合会" and m.source == "rule:refers-back" for m in issue.mentions)
    assert ("岚晟新材", "founded", "聚酯材料现代产业学院") in rels
    assert ("岚晟新材", "partnerOf", "上海汀元化工科技有限公司") in rels


def test_a_divisions_head_read_as_处处_长_and_a_zone_named_by_a_part_of_a_country(backend):
    """某某委员会 | 数字 经济 | 处处/d | 长/v | 某某: the division and its head's post are the title at the body
    (no unit named …处处); 越南 | 北部 | 经济走廊: one zone."""
    rels = found(backend, "简报\n\n出席活动的有江西省发展和改革委员会数字经济处处长程岚新、江西省科学技术厅一级巡视员沈岚。"
                          "双方将在越南北部经济走廊建设 30 座北斗基准站。\n")
    assert ("程岚新", "holdsPosition", "江西省发展和改革委员会", "stated") in rels
    assert not any(r[2].endswith("处处") or r[0].endswith("处处") for r in rels)
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n双方将在越南北部经济走廊建设 30 座北斗基准站。\n"))
    extract([issue], backend)
    assert ("越南北部经济走廊", "Region") in {(m.text, m.type) for m in issue.mentions}


def test_a_school_named_by_two_fields_and_posts_at_the_body_a_sentence_is_about(backend):
    """某某大学 | 化学 | 与 | 化工学院: one school; 公司 is the company the sentence opens with (named by its short
    name); 位于某地的 X，研究员张三团队…, X…，由副院长李四分管: posts at X."""
    rels = found(backend, "简报\n\n岚澄晶材由汀州工业大学化学与化工学院副教授汤岚舟创办。"
                          "湖北汀岚精细化工研究院（简称汀岚化工院）成立于 2003 年。"
                          "汀岚化工院注册于宜昌，由汀州工业大学与宜昌岚石化工集团有限公司合资组建，祁院士出任公司首席科学家一职。"
                          "位于宜昌的湖北汀岚精细化工研究院，研究员霍岚川团队研制的陶瓷膜通过中试。"
                          "汀州应用技术学院新设成果转化科，由副院长欧阳岚分管。\n")
    assert ("汤岚舟", "holdsPosition", "汀州工业大学化学与化工学院", "stated") in rels
    assert ("霍岚川", "holdsPosition", "湖北汀岚精细化工研究院", "stated") in rels
    assert ("欧阳岚", "holdsPosition", "汀州应用技术学院", "stated") in rels
    assert not any(r[0] == "祁院士" and r[2] == "宜昌岚石化工集团有限公司" for r in rels)


def test_stakes_taken_over_money_put_in_and_visits_agreed_on(backend):
    """A 以 N 万元受让 B 30% 股权; A 完成对 B 的天使轮投资 (a stake, not the company); A 对 B 增资; A 一行到访 B，
    双方商定…: partners; 由张三院士担任首席科学家的 X; 身兼 X 董事长的张三."""
    rels = found(backend, "简报\n\n汀澄资本以 4500 万元受让武汉汀衍新材料有限公司 25% 股权。"
                          "知岚天使投资有限公司近日完成对武汉骨岚医疗器械有限公司的天使轮投资，投资额 900 万元。"
                          "湖北楚岚科技金融集团有限公司对湖北汀知坊技术服务有限公司增资 2800 万元。"
                          "十堰岚远车桥制造有限公司董事长鲍岚海一行到访汀州工业大学，双方商定共建实习基地。"
                          "由潘汀远院士担任首席科学家的襄阳汀润生物科技有限公司与新疆岚野种业有限公司签订合作协议。"
                          "如今身兼宜昌汀源膜分离技术有限公司董事长的霍岚澈说，最难的是学会算账。\n")
    assert ("汀澄资本", "investedIn", "武汉汀衍新材料有限公司", "stated") in rels
    assert ("知岚天使投资有限公司", "investedIn", "武汉骨岚医疗器械有限公司", "stated") in rels
    assert not any(r[1] == "subsidiaryOf" and r[0] == "武汉骨岚医疗器械有限公司" for r in rels)
    assert ("湖北楚岚科技金融集团有限公司", "investedIn", "湖北汀知坊技术服务有限公司", "stated") in rels
    assert ("十堰岚远车桥制造有限公司", "partnerOf", "汀州工业大学", "stated") in rels
    assert ("潘汀远", "holdsPosition", "襄阳汀润生物科技有限公司", "stated") in rels
    assert ("霍岚澈", "holdsPosition", "宜昌汀源膜分离技术有限公司", "stated") in rels


def test_a_partnerships_name_ends_at_its_legal_form_and_an_investors_at_what_it_will_do(backend):
    """某某投资中心（有限合伙） | 投资总监: the name ends at its legal form; 某某基金 | 将对入院团队优先跟投: the fund's
    name ends before what it will do; 教授 | 单一帆/a | 团队: a person; 聘任…为联盟秘书长: a post at the alliance."""
    text = ("简报\n\n评审团由北京砺岚创业投资中心（有限合伙）投资经理费明岚等 5 位投资人组成。"
            "楚岚集团旗下的汀楚岚创天使基金将对入选项目优先跟投。"
            "获奖项目出自鄂州临岚工学院光电学院教授单一帆团队。"
            "汀楚高校技术转移联盟二届三次理事会在汀州召开。会议聘任汀州工业大学副校长顾岚航为联盟秘书长。\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    names = {(m.text, m.type) for m in issue.mentions}
    assert ("北京砺岚创业投资中心（有限合伙）", "Organization") in names
    assert ("汀楚岚创天使基金", "Organization") in names
    assert ("单一帆", "Person") in names
    assert ("顾岚航", "holdsPosition", "联盟", "stated") in found(backend, text)


def test_a_body_set_up_with_a_generation_in_its_name_and_stakes_put_in(backend):
    """共同发起的 | 某省 5G 某某联盟 | 在合肥成立: one body; 某某码头联合某某电信芜湖分公司、C 共同实施: partners;
    完成对 X 1.5 亿元增资, 公告已以 2 亿元完成对 X 增资, 获得 Y（有限合伙）（简称 Z）5 亿元增资: stakes, no subsidiary."""
    text = ("简报\n\n8 月 9 日，由岚讯通信牵头，汀徽科信大学等 31 家单位共同发起的汀州市 6G 通感融合创新联盟在汀州成立。"
            "项目由汀江码头联合中岚电信芜湖分公司、岚讯通信共同实施。"
            "汀讯科技 9 月 2 日公告，已完成对安庆汀明光电科技有限公司 1.2 亿元增资。"
            "次日，岚钢股份披露已以 3 亿元完成对岚通智联科技有限公司增资，持股增至 55%。"
            "汀桥微电子科技有限公司宣布获得芜湖岚帆创新发展基金（有限合伙）（简称岚帆基金）4 亿元增资。\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    assert ("汀州市 6G 通感融合创新联盟", "Organization") in {(m.text, m.type) for m in issue.mentions}
    rels = found(backend, text)
    pairs = {frozenset((r[0], r[2])) for r in rels if r[1] == "partnerOf"}
    assert frozenset(("汀江码头", "中岚电信芜湖分公司")) in pairs
    assert ("汀讯科技", "investedIn", "安庆汀明光电科技有限公司", "stated") in rels
    assert ("岚钢股份", "investedIn", "岚通智联科技有限公司", "stated") in rels
    assert ("芜湖岚帆创新发展基金（有限合伙）", "investedIn", "汀桥微电子科技有限公司", "stated") in rels
    assert not any(r[1] == "subsidiaryOf" and r[0] in ("安庆汀明光电科技有限公司", "岚通智联科技有限公司") for r in rels)


def test_guides_a_centre_relied_on_a_first_head_and_a_head_leading_a_visit(backend):
    """在 A、B 指导下，由 C、D 共同发起: A founded nothing; X 将依托该中心与 Y 联合开发: the centre is no partner;
    共同组建 X 联合研究所，首任所长由 P 兼任: P heads X; 省某某局某某局长随后带队: the head of that bureau."""
    rels = found(backend, "简报\n\n该平台去年在省数据局、省工信厅指导下，由岚讯通信、中岚电信安徽分公司等 19 家单位共同发起成立。"
                          "汀因策自动化有限公司南京技术中心在南京江北新区启用。汀因策将依托该中心与岚讯通信联合开发工业网关。"
                          "汀徽科信大学与岚岬无线研究中心签订协议，共同组建北极星 6G 联合研究所，首任所长由汀徽科信大学教授聂汀澜兼任。"
                          "省数据局宋岚航局长随后带队赴安庆检查数据中心建设。\n")
    assert not any(r[1] == "founded" and r[2] in ("省数据局", "省工信厅") for r in rels)
    assert not any(r[1] == "partnerOf" and "南京技术中心" in r[0] + r[2] for r in rels)
    assert ("聂汀澜", "holdsPosition", "北极星 6G 联合研究所", "stated") in rels
    assert ("宋岚航", "holdsPosition", "省数据局", "stated") in rels


def test_districts_the_division_data_do_not_know_named_by_their_own_bodies(backend):
    """岚栖市 | 汀滨区 | 消防救援大队, 汀滨区应急管理局: a district no division data name is a place where the rest of
    a body's name is its own government body (the model reads 救援 | 大队 apart: the unit's kind is two words);
    a place the issue names alone is found inside the names of its bodies; a kind of area (自治区, 智慧城市) is none."""
    text = ("简报\n\n岚栖市消防救援支队下辖汀滨区消防救援大队和望汐区消防救援大队。汀滨区应急管理局会同望汐区人民政府开展演练。"
            "市消防救援支队介绍了经验。自治区人民政府日前发出通知。岚栖市智慧城市建设专家委员会成立。\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    names = {(m.text, m.type) for m in issue.mentions}
    assert {("汀滨区", "Region"), ("望汐区", "Region"), ("市消防救援支队", "Organization")} <= names
    assert not {("自治区", "Region"), ("智慧城市", "Region")} & names
    rels = found(backend, text)
    assert ("汀滨区应急管理局", "locatedIn", "汀滨区", "name") in rels


def test_a_conjunction_read_into_the_name_before_another_and_a_name_that_starts_with_and(backend):
    """某某航空与/ORG | 某某科技（襄阳）有限公司: 与 ends no name (nor 和 before the next name of a list); 、和某投资跟投: a
    name that starts with 和 is one investor, not a conjunction and a fragment."""
    rels = found(backend, "简报\n\n楚岚航空与绿汀新能源（襄阳）有限公司签订为期 3 年的供油协议。"
                          "由园区管委会、天汀低空、云岚通航和楚汀科技大学等 11 家单位发起的豫南通用航空产业联盟日前在园区成立。"
                          "鲲岚复材本轮融资由汉汀航空产业发展集团有限公司领投，晨汀资本、和岚投资跟投。\n")
    assert ("楚岚航空", "partnerOf", "绿汀新能源（襄阳）有限公司", "stated") in rels \
        or ("绿汀新能源（襄阳）有限公司", "partnerOf", "楚岚航空", "stated") in rels
    assert {("云岚通航", "founded", "豫南通用航空产业联盟", "stated"), ("楚汀科技大学", "founded", "豫南通用航空产业联盟", "stated")} <= rels
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n鲲岚复材本轮融资由汉汀航空产业发展集团有限公司领投，晨汀资本、和岚投资跟投。\n"))
    extract([issue], backend)
    assert "和岚投资" in {m.text for m in issue.mentions if m.type == "Organization"}


def test_names_the_issue_used_found_again_in_its_own_other_sentences(backend):
    """A person's whole name the model read as a verb and a noun (任 | 子衿) where the issue names the
    person elsewhere, and a company's name read in one sentence and missed in the next (or read as a
    person), are found again there, with what those sentences state of them."""
    rels = found(backend, "简报\n\n云栖智造由任子衿于 2018 年在杭州创立，任子衿现任公司总经理。\n")
    assert ("任子衿", "holdsPosition", "公司", "stated") in rels
    rels = found(backend, "简报\n\n霁川服饰完成 A 轮融资。霁川服饰创始人、总经理许文涛介绍，新品将于秋季上市。\n")
    assert {("许文涛", "founded", "霁川服饰", "stated"), ("许文涛", "holdsPosition", "霁川服饰", "stated")} <= rels


def test_a_group_named_again_by_its_kind_whatever_its_legal_form(backend):
    """某某控股集团有限公司 …。集团董事长 A、总经理 B: 集团 is that group, although its name ends with 有限公司."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n岚汐控股集团有限公司所属岚汐置业有限公司取得特级资质。"
                                                          "集团董事长许文涛、总经理周明哲到该公司调研。\n"))
    extract([issue], backend)
    posts = {(issue.mentions[r.head].text, r.attributes.get("title"), issue.mentions[r.tail].refers_to) for r in issue.relations
             if r.type == "holdsPosition"}
    group = next(m for m in issue.mentions if m.text == "岚汐控股集团有限公司")
    assert posts == {("许文涛", "董事长", (group.start, group.end)), ("周明哲", "总经理", (group.start, group.end))}


def test_investors_listed_with_以及_and_a_short_name_with_its_seat_before_的(backend):
    """…有限公司以及某某创投跟投: 以及 joins two investors, neither name takes 以; 某某（南通）的控股子公司: the
    company named short with its seat, then what it holds, is no name."""
    rels = found(backend, "简报\n\n本轮由汀岚产业基金领投，岚汐集团旗下的岚汐创业投资有限公司以及云岫创投跟投。\n")
    assert ("岚汐创业投资有限公司", "subsidiaryOf", "岚汐集团", "stated") in rels
    assert not any(h.endswith("以") for h, _, _, _ in rels)
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n交易完成后，汀岚印染将成为岚汐（南通）的控股子公司。\n"))
    extract([issue], backend)
    assert not any("的" in m.text for m in issue.mentions if m.type == "Organization")


_GROUP_BULLETIN = ("岚汐集团工作简报\n\n2024 年第 9 期\n\n岚汐集团办公室编                        2024 年 3 月 18 日\n\n■ 集团要闻\n\n"
                   "3 月 6 日，{opening}与汀州银行签署战略合作协议。集团董事长许文涛出席签约仪式。\n")


def test_a_groups_own_bulletin_calls_the_group_集团(backend):
    """In the bulletin of 某某集团办公室, 集团 is the group as the issue names it (with its full name,
    where the issue declares the short one), and never an entity labelled 集团."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8",
                             _GROUP_BULLETIN.format(opening="岚汐港航集团有限责任公司（简称岚汐集团）")))
    extract([issue], backend)
    group = next(m.key for m in issue.mentions if m.text == "岚汐港航集团有限责任公司")
    assert {m.key for m in issue.mentions if m.source == "rule:publisher-kind"} == {group}
    holder = next(r for r in issue.relations if r.type == "holdsPosition")
    assert issue.mentions[holder.tail].key == group
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", _GROUP_BULLETIN.format(opening="汀州港务公司")))
    extract([issue], backend)
    labels = {e.label for (type_, _), e in issue.entities.items() if type_ == "Organization"}
    assert "岚汐集团" in labels and "集团" not in labels


def test_a_mine_and_its_head(backend):
    """某某煤矿 is a body (矿长 its head's post), however the model reads its name."""
    assert ("贺立山", "holdsPosition", "汀岭煤矿", "stated") in found(backend, "简报\n\n汀岭煤矿矿长贺立山介绍，工作面已实现无人值守。\n")


def test_a_company_named_short_sets_up_its_namesake_subsidiary(backend):
    """某某微电子在某地设立全资子公司某某微电子（芜湖）有限公司, the parent named only short: two companies, the
    parent not keyed on its subsidiary's name (else the subsidiary would be its own parent)."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n增资完成后，岚汐微电子在苏州工业园区注册成立全资子公司"
                                                          "岚汐微电子（苏州）有限公司，负责封装测试。\n"))
    extract([issue], backend)
    key = {m.text: m.key for m in issue.mentions}
    assert key["岚汐微电子"] != key["岚汐微电子（苏州）有限公司"]
    assert any(r.type == "subsidiaryOf" and issue.mentions[r.head].text == "岚汐微电子（苏州）有限公司"
               and issue.mentions[r.tail].text == "岚汐微电子" for r in issue.relations)


def test_a_body_holding_a_company_is_no_holding_company(backend):
    """某某供销社控股的某某公司: 控股 is the verb and the company is its subsidiary; a company it signs with
    (与 C 签约) is its partner, not held too."""
    text = ("简报\n\n6 月 3 日，汀州县供销社控股的汀州禾丰农业发展有限公司与岚城鲜果贸易有限公司签约，"
            "岚石冷链控股的岚石跨境物流公司同日开业。\n")
    owned = {(head, tail) for head, _, tail, _ in found(backend, text, "subsidiaryOf")}
    assert owned == {("汀州禾丰农业发展有限公司", "汀州县供销社"), ("岚石跨境物流公司", "岚石冷链")}


def test_a_foreign_investor_named_short_after_its_country(backend):
    """新加坡 | 某某资本: the firm is named without its country too (its short name), as with a registered name."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n榛叶数据完成天使轮融资，投资方为新加坡澜石资本。\n"))
    extract([issue], backend)
    assert ("澜石资本", "rule:without-country") in {(m.text, m.source) for m in issue.mentions}


_ZONE_BULLETIN = """澄州低空经济简报
2025 年第 3 期
本期要目
◆ 我市出台支持低空物流企业做大做强若干措施

一、我市出台支持低空物流企业做大做强若干措施
近日，澄州市交通运输局印发《澄州市支持低空物流企业做大做强的若干措施》，提出 12 条举措。

二、岚石科技园获评示范
澄州岚石科技园发展有限公司（以下简称科技园公司）运营的岚石科技园经认定为国家大学科技园，科技园公司将对大学科技园内的项目给予补助。
第五届澄州市青年科技奖评选结果日前揭晓。2025 年“澄州最美科技工作者”同日发布。
"""


def test_an_abridged_title_in_the_contents_a_kind_of_park_an_award_and_an_honour(backend):
    """The contents' abridged title is the policy its article names in full; 国家大学科技园 and 科技园 (of
    科技园公司) are kinds of park, no place or body; 某市青年科技 | 奖 is an award; “某市最美科技工作者” an honour."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", _ZONE_BULLETIN))
    extract([issue], backend)
    assert {m.key for m in issue.mentions if m.type == "Policy"} == {"澄州市支持低空物流企业做大做强的若干措施"}
    names = {m.text for m in issue.mentions}
    assert not names & {"国家大学科技园", "大学科技园", "科技园", "澄州市青年科技", "澄州最美科技工作者"}
    assert {"澄州岚石科技园发展有限公司", "科技园公司", "岚石科技园"} <= names


_COOPERATIVES_BRIEF = """澄州供销简报
2024 年第 6 期
澄州市供销合作社联合社办公室编（澄州）      2024 年 6 月 5 日
────────────────────────────────────
■ 岚禾集团调整领导班子
6 月 1 日，市供销社控股的岚禾集团召开董事会，选举许志远为集团董事长，原副总经理邱晓岚出任总经理。
■ 首批企业入驻禾丰园区
首批入驻禾丰园区的澄州青穗农业科技有限公司、澄州岚果冷链物流有限公司等 9 家企业签署协议。
"""


def test_a_masthead_compiler_an_owned_subject_and_the_first_to_move_into_a_park(backend):
    """某某联合社办公室编（某市）: the office is in that city and is the federation's; 某供销社控股的某集团召开…，原副总经理
    某某出任总经理: the group's manager (what the sentence is about, not its owner); 首批入驻某园区的 A、B: in the park."""
    relations = found(backend, _COOPERATIVES_BRIEF)
    assert {("澄州市供销合作社联合社办公室", "locatedIn", "澄州", "stated"),
            ("澄州市供销合作社联合社办公室", "subsidiaryOf", "澄州市供销合作社联合社", "name")} <= relations
    assert ("邱晓岚", "holdsPosition", "岚禾集团", "stated") in relations
    assert {(h, t) for h, r, t, _ in relations if r == "locatedIn" and t == "禾丰园区"} == {
        ("澄州青穗农业科技有限公司", "禾丰园区"), ("澄州岚果冷链物流有限公司", "禾丰园区")}


def test_a_towns_park_named_small_town_after_its_district(backend):
    """某某区 | 某某小镇: a district, then a 特色小镇 named in it, two places; companies settling there are in both
    (等 3 家企业落户 …); 特色小镇 alone is a kind of place."""
    text = ("简报\n\n■ 落户\n本月，杭州青穗农业科技有限公司、杭州岚果冷链物流有限公司等 3 家企业落户西湖区岚栖小镇。"
            "岚羽数字总部位于余杭区星梦小镇，由设计师林若安于 2019 年创办。全省创建特色小镇 20 个。\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    assert {m.text for m in issue.mentions if m.type == "Region"} >= {"西湖区", "岚栖小镇", "余杭区", "星梦小镇"}
    assert "特色小镇" not in {m.text for m in issue.mentions}
    settled = {(issue.mentions[r.head].text, issue.mentions[r.tail].text) for r in issue.relations if r.type == "locatedIn"}
    assert {(company, place) for company in ("杭州青穗农业科技有限公司", "杭州岚果冷链物流有限公司")
            for place in ("西湖区", "岚栖小镇")} <= settled


def test_a_name_runs_to_the_short_name_it_declares(backend):
    """某某大学 | 科技成果转化种子基金（以下简称种子基金）: the model read the university; the declaration says the name
    goes on to 基金, so the fund is the whole, and 种子基金 is it again."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n■ 投资\n澄州青芯微电子科技有限公司近日获得岚州理工大学科技成果转化"
                                                          "种子基金（以下简称种子基金）300 万元投资。种子基金已累计投资 37 个项目。\n"))
    extract([issue], backend)
    keys = {m.text: m.key for m in issue.mentions if m.type == "Organization"}
    assert keys.get("种子基金") == keys.get("岚州理工大学科技成果转化种子基金") is not None
    assert ("岚州理工大学科技成果转化种子基金", "investedIn", "澄州青芯微电子科技有限公司", "stated") in found(backend, issue.text)


def test_a_government_bodys_own_titled_document(backend):
    """落实商务部《某某行动方案》: the ministry's plan, issued by it; a scheme in quotes after a bureau (入选某局“某某”专项)
    is only where the company was selected."""
    text = "简报\n\n■ 部署\n这是落实商务部《县域冷链物流提升行动方案》的具体举措。8 家企业入选市科技局“青苗”企业培育专项。\n"
    issued = {(h, t) for h, r, t, _ in found(backend, text) if r == "issued"}
    assert issued == {("商务部", "县域冷链物流提升行动方案")}


def test_posts_of_a_studio_director_producer_and_lead_designer(backend):
    """创始人、总导演, 联合创始人兼制作人, 主策划: posts at an animation or game studio, as at any company."""
    relations = found(backend, "简报\n\n■ 动画\n杭州青岚动画制作有限公司创始人、总导演陆晓禾表示，影片将于明年上映。"
                               "杭州岚影游戏有限公司联合创始人兼制作人温若澄介绍了新作。\n")
    titles = {(h, t, r) for h, r, t, _ in relations if r in ("holdsPosition", "founded")}
    assert {("陆晓禾", "杭州青岚动画制作有限公司", "holdsPosition"), ("陆晓禾", "杭州青岚动画制作有限公司", "founded"),
            ("温若澄", "杭州岚影游戏有限公司", "holdsPosition")} <= titles


def test_a_headline_building_a_lab_a_prized_technique_and_a_bare_kind_name_no_body(backend):
    """某某与杭州企业共建算力实验室: 共建 builds the lab, no part of a name after the place; “某某硅烷提纯技术”获一等奖: the
    work the prize is for; 科协 alone (该公司科协主席): a kind of body, no name."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n■ 丝路云港与杭州企业共建算力实验室\n"
                                                          "其中，凯晟股份总工程师卢振东主持的“高纯电子级硅烷提纯技术”获科技进步一等奖。"
                                                          "科普云传媒总经理冯子墨兼任该公司科协主席。\n"))
    extract([issue], backend)
    assert {m.text for m in issue.mentions if m.type == "Organization"} == {"凯晟股份", "科普云传媒"}


def test_a_firm_named_in_latin_letters_after_its_kind(backend):
    """荷兰花卉育种企业 Bloemhof: a kind of firm, then its name in Latin letters, is the firm (in the country
    before it, the partner of the agreement); 企业 Micro LED (a technique) and 企业 Pre-A 轮 (a round) name none."""
    text = ("简报\n\n■ 授权\n昆明岚语鲜切花供应链有限公司与荷兰花卉育种企业 Bloemhof 签署授权协议。企业 Micro LED 显示技术领先。"
            "该企业 Pre-A 轮融资完成。\n")
    relations = found(backend, text)
    assert {("昆明岚语鲜切花供应链有限公司", "partnerOf", "Bloemhof", "stated"), ("Bloemhof", "locatedIn", "荷兰", "stated")} <= relations
    assert not any("LED" in h or "Pre-A" in h or "LED" in t or "Pre-A" in t for h, _, t, _ in relations)
