import pytest

from kg.ner.rules import bare_titles, classify_title, quoted_names, sources, titled_works


@pytest.mark.parametrize("title, kind", [
    ("关于推进信息无障碍的指导意见", "Policy"),
    ("工业互联网创新发展行动计划（2021-2023 年）", "Policy"),
    ("“十四五”数字经济发展规划", "Policy"),
    ("科学技术进步法", "Policy"),
    ("北京市促进中小企业发展条例（试行）", "Policy"),
    ("京津冀协同创新指数（2020）", "Report"),
    ("2020 北京软件和信息技术服务业发展现状", "Report"),
    ("中国算力发展白皮书", "Report"),
    ("科技日报", "Organization"),
    ("流浪地球", None),
])
def test_title_head_noun_decides_the_type(title, kind):
    assert classify_title(title) == kind


def test_titles_are_spans_without_their_marks():
    text = "工信部印发《关于印发《某某办法》的通知》和《科技日报》的报道"
    spans = titled_works(text)
    assert [(text[s.start:s.end], s.type) for s in spans] == [
        ("关于印发《某某办法》的通知", "Policy"), ("科技日报", "Organization")]


@pytest.mark.parametrize("text", ["《未闭合的标题", "多余的》闭合《", "《》", "《《《》", "“半个引号"])
def test_broken_marks_never_crash(text):
    titled_works(text)
    quoted_names(text)


def test_named_schemes_are_policies_slogans_are_not():
    text = "海淀区实施“萌芽企业培育专项”，支持“专精特新”企业，服务“双循环”格局，获批“十三五”国家重点研发计划。"
    found = {text[s.start:s.end]: s.type for s in quoted_names(text)}
    assert found == {"萌芽企业培育专项": "Policy", "“十三五”国家重点研发计划": "Policy"}


def test_quoted_company_names():
    text = "数据服务提供商“曼孚科技”获千万元融资，“世通亨奇”完成 A 轮融资。"
    found = {text[s.start:s.end]: s.type for s in quoted_names(text)}
    assert found == {"曼孚科技": "Organization", "世通亨奇": "Organization"}


def test_a_counted_set_of_measures_in_quotes_is_no_company_whatever_verb_follows():
    text = "■ “岚湖网安十条”发布"
    assert [(text[s.start:s.end], s.type) for s in quoted_names(text)] == []
    assert [(text[s.start:s.end], s.type) for s in bare_titles(text)] == [("岚湖网安十条", "Policy")]


def test_a_quote_that_ends_the_sentence_after_a_kind_of_company_is_what_they_do():
    text = "园区鼓励科技企业“揭榜”。游戏开发公司“Lumen”，去年推出新作。"
    assert [(text[s.start:s.end], s.type) for s in quoted_names(text)] == [("Lumen", "Organization")]


@pytest.mark.parametrize("text, title", [
    ("省科技厅近日印发江汉省促进科技成果转化实施方案，提出十项任务。", "江汉省促进科技成果转化实施方案"),
    ("市政府出台关于支持智能传感器产业发展的若干措施。", "关于支持智能传感器产业发展的若干措施"),
    ("按照云梦市数据要素三年行动方案（2024—2026年）要求，各区加快推进。", "云梦市数据要素三年行动方案（2024—2026年）"),
    ("该市发布低空经济促进条例，明确了飞行服务保障。", "低空经济促进条例"),
    ("青川区出台人才新政20条，吸引青年人才落户。", "人才新政20条"),
    ("市数据局同步制定了岚州市公共数据资源登记规则（试行），结果向社会公开。", "岚州市公共数据资源登记规则（试行）"),
])
def test_policy_titles_without_marks_are_found_by_head_noun_and_verb(text, title):
    assert [(text[s.start:s.end], s.type) for s in bare_titles(text)] == [(title, "Policy")]


@pytest.mark.parametrize("text", [
    "市里出台了相关政策措施和一系列实施方案。",      # documents described, not named
    "省政府印发支持企业发展的若干措施。",            # a description with 的 and no 关于
    "落实条例要求，做好实施细则的宣传。",            # a head noun alone
    "公司发布新一代大模型，制定三年规划。",          # no document head
    "会议强调，江汉省促进科技成果转化实施方案已见成效。",  # no verb that introduces a document
])
def test_descriptions_of_documents_are_not_titles(text):
    assert bare_titles(text) == []


def test_the_newspaper_an_item_cites():
    text = "（来源：江城日报）"
    assert [(text[s.start:s.end], s.type) for s in sources(text)] == [("江城日报", "Organization")]


def test_a_notice_titled_with_its_issuer_and_a_title_dated_by_its_taking_effect():
    """印发某市人民政府关于…的意见: the body before 关于 is the title's; ，某某奖励管理办法（暂行）实施以来: a title opening a
    clause and the time since it took effect, without a verb before it; 该办法实施以来 names none."""
    text = "澄州市人民政府印发澄州市人民政府关于支持岚汐湾智能装备集群发展的意见，提出三项任务。"
    assert [text[s.start:s.end] for s in bare_titles(text)] == ["澄州市人民政府关于支持岚汐湾智能装备集群发展的意见"]
    text = "市农业农村局介绍，澄州市电动农机购置奖励管理办法（暂行）实施以来，已兑付奖励 300 万元。"
    assert [text[s.start:s.end] for s in bare_titles(text)] == ["澄州市电动农机购置奖励管理办法（暂行）"]
    assert bare_titles("该办法实施以来，已兑付补贴 300 万元。") == []
    assert bare_titles("今年以来，新办法出台以来企业受益。") == []


def test_conditions_an_industry_must_meet_are_policies():
    assert classify_title("某某原料加工企业规范条件（试行）") == "Policy"
    assert classify_title("某某回收企业准入条件") == "Policy"


def test_a_title_opening_a_clause_with_its_issuer_and_measures_of_support_by_their_full_name():
    """某市人民政府关于…的意见近日出台; 出台支持某某企业做大做强若干措施 (a title), not 出台支持政策措施 (a description)."""
    text = ("岚州市人民政府关于加快培育低空物流产业的意见日前印发，明确三项任务。"
            "澄州经开区管委会本月出台支持智能网联汽车零部件企业做优做强若干措施，共 12 条。岚州市出台支持政策措施。")
    found = {text[s.start:s.end] for s in bare_titles(text)}
    assert found == {"岚州市人民政府关于加快培育低空物流产业的意见", "支持智能网联汽车零部件企业做优做强若干措施"}
