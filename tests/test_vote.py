"""The vote backend: LAC's reading of an issue, kept where kg's own model agrees."""
from pathlib import Path

import pytest
from helpers import SAMPLES

from kg import ner
from kg.doc import Issue, Mention, Relation, Sentence
from kg.ingest import RawIssue, find_files, read_issues
from kg.ner.vote import corroborate
from kg.stages import extract, prepare


def _issue(mentions, relations, other, text="某某科技有限公司与某某研究院合作。张三任某某研究院院长。"):
    issue = Issue("x", Path("x.txt"), "utf-8", text, sentences=[Sentence(0, len(text), 0, text)])
    issue.mentions = [Mention(a, b, t, text[a:b], 0, "lac", key) for a, b, t, key in mentions]
    issue.relations = relations
    issue.other_reading = other
    return issue


def test_what_only_one_reading_found_is_dropped_with_its_mentions():
    issue = _issue([(0, 8, "Organization", "co"), (9, 14, "Organization", "inst"), (17, 19, "Person", "zs"),
                    (20, 25, "Organization", "inst")],
                   [Relation(2, 3, "holdsPosition", 0)],
                   {("Person", "张三")})
    corroborate(issue)
    # the company: neither read by the model nor in a relation; the institute: in a relation,
    # so all its mentions stay; the person: both readings
    assert [(m.text, m.key) for m in issue.mentions] == [("某某研究院", "inst"), ("张三", "zs"), ("某某研究院", "inst")]
    assert (issue.relations[0].head, issue.relations[0].tail) == (1, 2)
    assert issue.mentions[1].text == "张三" and issue.mentions[2].start == 20


def test_the_same_name_written_another_way_counts_as_read():
    issue = _issue([(0, 8, "Organization", "co")], [], {("Organization", "某某科技 有限公司")})
    corroborate(issue)
    assert [m.text for m in issue.mentions] == ["某某科技有限公司"]


def test_a_place_the_division_data_knows_is_kept_without_the_models_word():
    """A province or city is; a county is not: 城北区 is also what is left of 中关村科学城北区."""
    from kg.regions import gazetteer

    county = "division:" + gazetteer().lookup("城北区").code
    issue = _issue([(0, 2, "Region", "division:110000"), (2, 4, "Region", "place:某某"), (4, 6, "Region", county)],
                   [], set())
    corroborate(issue)
    assert [m.key for m in issue.mentions] == ["division:110000"]


def test_an_area_of_several_divisions_is_kept_as_a_place_known_by_name():
    issue = _issue([(0, 2, "Region", "place:华东"), (3, 5, "Region", "place:某某"), (6, 8, "Organization", "org:北美")],
                   [], set(), text="华东、某某、北美。")
    corroborate(issue)
    assert [m.key for m in issue.mentions] == ["place:华东"]


def test_a_place_named_with_its_kind_of_zone_is_kept_by_its_grammar():
    """青梧创新谷 is a named zone; 绿色化工园区 (a kind of park) and 创新谷 alone are not."""
    text = "青梧创新谷、绿色化工园区、创新谷。"
    issue = _issue([(0, 5, "Region", "place:青梧创新谷"), (6, 12, "Region", "place:绿色化工园区"),
                    (13, 16, "Region", "place:创新谷")], [], set(), text=text)
    corroborate(issue)
    assert [m.key for m in issue.mentions] == ["place:青梧创新谷"]


def test_a_national_organ_named_in_full_and_a_foreign_city_are_kept_by_their_grammar_and_data():
    from kg.regions import gazetteer

    text = "国家汀兰标准化管理委员会、某某委员会、慕尼黑。"
    munich = "division:" + gazetteer().lookup("慕尼黑").code
    issue = _issue([(0, 12, "Organization", "org:national"), (13, 18, "Organization", "org:some"),
                    (19, 22, "Region", munich)], [], set(), text=text)
    corroborate(issue)
    assert [m.text for m in issue.mentions] == ["国家汀兰标准化管理委员会", "慕尼黑"]


def test_one_reading_is_left_alone():
    issue = _issue([(0, 8, "Organization", "co")], [], None)
    corroborate(issue)
    assert len(issue.mentions) == 1


def _sample_issues():
    return [prepare(r) for r in read_issues(find_files([SAMPLES])) if isinstance(r, RawIssue)]


@pytest.fixture(scope="module")
def vote():
    return ner.load("vote")


def test_the_vote_removes_names_keeps_every_relation_and_adds_only_brands_the_model_reads(lac, vote):
    """On the shipped samples: the vote's mentions are LAC's minus some, plus the companies only the
    model reads (某某智能: see kg.ner.pipeline); its relations are LAC's and those of such a company."""
    by_lac, by_vote = extract(_sample_issues(), lac), extract(_sample_issues(), vote)
    dropped = 0
    for a, b in zip(by_lac, by_vote):
        assert b.other_reading and a.other_reading is None
        spans_a = {(m.start, m.end, m.type) for m in a.mentions}
        spans_b = {(m.start, m.end, m.type) for m in b.mentions}
        added = {(m.start, m.end, m.type) for m in b.mentions if m.source == "model:other"}
        assert spans_b - added <= spans_a
        dropped += len(spans_a - spans_b)

        def relations(issue):
            return {(issue.mentions[r.head].start, issue.mentions[r.tail].start, r.type) for r in issue.relations}
        brand_starts = {start for start, _, _ in added}
        assert {r for r in relations(b) if not brand_starts & set(r[:2])} <= relations(a)
    assert dropped > 0  # the samples name a few things only LAC reads as names


def test_a_company_only_the_model_reads_is_adopted_but_not_a_field(vote):
    """青梧市政府增资沐衡智能: LAC reads 沐衡 | 智能 as words, the model reads the company, which
    then counts wherever it is named; 量子科技, 光学电子 are fields (LAC reads 量子, 光学 as nouns)."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n青梧市政府增资沐衡智能，沐衡智能首席执行官柯一帆表示将扩大研发。\n"))
    extract([issue], vote)
    assert [m.type for m in issue.mentions if m.text == "沐衡智能"] == ["Organization", "Organization"]
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n园区企业围绕量子科技、光学电子、智能制造等方向布局。\n"))
    extract([issue], vote)
    assert not [m for m in issue.mentions if m.type == "Organization"]


def test_a_township_named_with_its_kind_is_kept_by_its_grammar():
    """青梧街道, 岚山镇: a township's name and its kind; 试点街道 and 汀溪两镇 (two towns) name no township."""
    text = "青梧街道、岚山镇、试点街道、汀溪两镇。"
    issue = _issue([(0, 4, "Region", "a"), (5, 8, "Region", "b"), (9, 13, "Region", "c"), (14, 18, "Region", "d")],
                   [], set(), text=text)
    corroborate(issue)
    assert [m.text for m in issue.mentions] == ["青梧街道", "岚山镇"]


def test_the_second_reading_is_the_models_reading_after_the_rules(vote):
    """Where both readings agree on a sentence the rules run once; the names kept for the vote
    are still exactly what the model alone, through the rules, reads in the issue."""
    voted, alone = _sample_issues(), _sample_issues()
    ner.recognize(voted, vote)
    ner.recognize(alone, ner.load("charner"))
    for a, b in zip(voted, alone):
        assert a.other_reading == {(m.type, m.text) for m in b.mentions}


def test_a_sentence_outside_an_issue_gets_the_models_names(vote):
    texts = ["2023年5月，杭州市经济和信息化局副局长周立新在滨江区调研。", "北京"]
    assert vote.recognize(texts) == ner.load("charner").recognize(texts)


def test_the_vote_is_the_default():
    assert ner.DEFAULT_BACKEND == "vote"


def test_a_county_named_in_full_or_by_its_own_short_name_is_kept_but_not_the_start_of_a_city():
    """师宗县 and 师宗 (no other county is so called) are kept; 防城 of 防城港 is not: the text goes on
    into a city's name."""
    text = "师宗县、师宗、防城港岸线。"
    issue = _issue([(0, 3, "Region", "a"), (4, 6, "Region", "b"), (7, 9, "Region", "c")], [], set(), text=text)
    corroborate(issue)
    assert [m.text for m in issue.mentions] == ["师宗县", "师宗"]


def test_a_registered_name_lac_cuts_after_its_place_and_brand_is_the_models_whole_name():
    """济南衡/LOC | 升低/v | 空/a | 物流…合伙企业（有限合伙）: LAC's reading cuts the name after its place and the
    brand's first character; kg's model reads it whole, and the vote keeps the whole name."""
    backend = ner.load("vote")
    text = "简报\n\n母基金分别向济南衡升生物制造创业投资基金合伙企业（有限合伙）、济南衡升低空物流产业投资基金合伙企业（有限合伙）出资。\n"
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    extract([issue], backend)
    assert {m.text for m in issue.mentions if m.type == "Organization"} >= {
        "济南衡升生物制造创业投资基金合伙企业（有限合伙）", "济南衡升低空物流产业投资基金合伙企业（有限合伙）"}


def test_a_district_that_seats_a_body_of_the_issue_is_kept_by_its_grammar():
    """汀滨区 opening 汀滨区消防救援大队: the district seats a body, so the name's grammar vouches for it; 望汐区,
    named alone, does not."""
    text = "汀滨区消防救援大队、望汐区、汀滨区。"
    issue = _issue([(0, 3, "Region", "place:汀滨区"), (0, 9, "Organization", "org"), (10, 13, "Region", "place:望汐区"),
                    (14, 17, "Region", "place:汀滨区")], [], {("Organization", "汀滨区消防救援大队")}, text=text)
    corroborate(issue)
    assert [m.text for m in issue.mentions] == ["汀滨区", "汀滨区消防救援大队", "汀滨区"]


def test_a_fund_lac_reads_as_words_is_the_models_whole_name_but_not_a_kind_of_fund(vote):
    """某市 | 智能 | 装备 | 产业 | 发展 | 基金: LAC's reading names nothing (or the place) there, kg's model reads the fund,
    which starts with a place's name: the fund; 低碳产业引导基金 starts with no name and is a kind of fund."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n6 月 2 日，澄州市智能装备产业发展基金完成注册，首期到位 3 亿元。\n"))
    extract([issue], vote)
    assert "澄州市智能装备产业发展基金" in {m.text for m in issue.mentions if m.type == "Organization"}
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n省里设立低碳产业引导基金，支持企业发展。\n"))
    extract([issue], vote)
    assert not [m for m in issue.mentions if m.type == "Organization"]


def test_a_person_only_the_model_reads_after_a_post_is_adopted_but_not_a_verb_after_the_name(vote):
    """常务董事松本健 | 一/m: LAC leaves the name's last character out as a number; 渡边诚一/v: it reads the name as a word
    of another kind; 母建 | 新/ad: it cuts a rare surname's name short; 黄山/LOC 说: a person named like a place. kg's
    model reads each person whole after a post. 韩青 | 作: a verb after the name stays out of it."""
    for text, person in (("北辰精工常务董事松本健一、华信部件副总经理郑晖出席仪式。", "松本健一"),
                         ("北辰精工常务董事渡边诚一、华信部件副总经理郑晖出席仪式。", "渡边诚一"),
                         ("市发展改革委副主任母建新出席并讲话。", "母建新"), ("董事长黄山说，公司将扩产。", "黄山")):
        issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", f"简报\n\n{text}\n"))
        extract([issue], vote)
        assert person in {m.text for m in issue.mentions if m.type == "Person"}, text
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n协会秘书长韩青作年度工作报告。\n"))
    extract([issue], vote)
    assert "韩青作" not in {m.text for m in issue.mentions}


def test_a_society_of_two_fields_the_model_reads_whole():
    """某市岩土与减灾学会: LAC takes 与 for a conjunction (某市 | 岩土 | 与 | 减灾学会); the vote takes the society as
    kg's model reads it, with its city, and what the sentence says of it."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n■ 大会\n8 月 28 日，成都市岩土与减灾学会第二届会员大会召开。"
                                                          "学会与成都青石检测技术有限公司签署合作协议。\n"))
    extract([issue], ner.load("vote"))
    names = {(m.text, m.type) for m in issue.mentions}
    assert {("成都市岩土与减灾学会", "Organization"), ("成都市", "Region")} <= names



def test_a_post_on_a_funds_investment_committee_is_at_the_fund():
    """某某兼任基金投资决策委员会主任: 基金 is the fund named before, 投资决策委员会 its organ (no body of its own),
    and the post is at the fund."""
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "简报\n\n■ 基金\n5 月 20 日，澄州禾丰乡村产业发展基金在昆明设立，规模 10 亿元。"
                                                          "岚石担保董事长许嘉明兼任基金投资决策委员会主任。\n"))
    extract([issue], ner.load("vote"))
    fund = next(m.key for m in issue.mentions if m.text == "澄州禾丰乡村产业发展基金")
    posts = {(issue.mentions[r.tail].key, r.attributes.get("title")) for r in issue.relations if r.type == "holdsPosition"}
    assert (fund, "投资决策委员会主任") in posts
    assert not any("委员会" in m.text for m in issue.mentions if m.type == "Organization")


def test_a_person_after_a_post_whose_given_name_lac_reads_as_a_body():
    """行长包/v | 雅丽/ORG: the model reads the person after the post; the vote takes the person."""
    from kg.doc import Span
    from kg.ner.pipeline import _people_only_the_model_read_after_a_post

    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", "■ 签约\n岚川农商银行行长包雅琴出席签约仪式。\n"))
    n = next(k for k, s in enumerate(issue.sentences) if "行长" in s.text)
    sentence = issue.sentences[n]
    at = sentence.text.index("包雅琴")
    firsts = [[] for _ in issue.sentences]
    words = [[] for _ in issue.sentences]
    firsts[n] = [Span(0, 6, "Organization"), Span(at + 1, at + 3, "Organization")]
    words[n] = [Span(0, 6, "Organization"), Span(6, 8, "pos:n"), Span(at, at + 1, "pos:v"), Span(at + 1, at + 3, "Organization")]
    model = Mention(sentence.start + at, sentence.start + at + 3, "Person", "包雅琴", n, "model")
    assert [m.text for m in _people_only_the_model_read_after_a_post(issue, firsts, words, [model])] == ["包雅琴"]
