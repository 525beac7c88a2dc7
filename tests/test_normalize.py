from helpers import corpus_files, needs_corpus

from kg.normalize import normalize
from kg.terminal import display_width


def test_spaced_out_masthead_and_section_markers_collapse():
    text = normalize("长 风 联 盟 工 作 简 报\n\n【新 动 向】\n")
    assert text.split("\n")[:2] == ["长风联盟工作简报", "【新动向】"]


def test_ordinary_lines_with_spaces_are_kept():
    assert normalize("2021 年第 26 期 2021 年 11 月 12 日") == "2021 年第 26 期 2021 年 11 月 12 日"
    assert normalize("华为 HiCar 与北汽蓝谷合作") == "华为 HiCar 与北汽蓝谷合作"


def test_page_number_lines_are_dropped_and_the_paragraph_joined():
    wrapped = "这是一个被排版工具硬换行的段落，第一行写到这里为止还没有结束而是在页面底部" \
              "\n\n3\n\n接着在下一页继续写完。"
    assert normalize(wrapped) == "这是一个被排版工具硬换行的段落，第一行写到这里为止还没有结束而是在页面底部接着在下一页继续写完。"


def test_name_broken_across_lines_is_joined_in_a_wrapped_paragraph():
    lines = ["日前，某研究机构在京发布了一份关于区域协同创新的年度评估结果。北京大学首",
             "都发展研究院的专家在发布会上解读了这份评估结果中的几项主要发现和趋势判断，",
             "并回答了记者的提问。"]
    text = normalize("\n\n".join(lines * 3))
    assert "北京大学首都发展研究院" in text
    assert "\n" in text  # three paragraphs stay three


def test_a_wrapped_line_shorter_than_the_paragraphs_around_it_is_joined():
    """Whole paragraphs on one line, then one wrapped by the PDF, a little short of
    the column, stopping inside a company's name: the name is joined."""
    long = ("该市今年继续加大对创新型企业的支持力度，围绕研发投入、人才引进、成果转化和市场拓展"
            "等环节出台了一系列政策措施，帮助企业解决发展中遇到的实际困难和问题。")
    lines = [long, long, long,
             "“这两年我们团队一直在攻关设备的核心部件和关键材料，终于做出了第一台样机，心里真是既高兴又着急。”近日，苏",
             "州瑞联生物技术有限公司负责人向记者介绍说，产品还要经过临床验证才能上市。", long]
    text = normalize("\n\n".join(lines))
    assert "苏州瑞联生物技术有限公司" in text
    assert text.count("\n") == 4  # the other paragraphs stay apart


def test_a_line_of_prose_broken_inside_a_word_is_joined_where_paragraphs_are_whole_lines():
    """Paragraphs on one line each, no column to measure a wrap against; one line of prose
    (it has a comma, and is longer than a headline) stops inside a park's name."""
    raw = ("■ 某区新增一批算力企业\n\n"
           "两位博士去年回乡创业，带着视觉检测软件和一支十人团队，把研发中心设在江城高新区星湖创新科\n"
           "技园，首批客户是本地的汽车零部件厂。\n\n"
           "■ 某区举办人才招聘会\n\n当天共有 80 家企业参加。")
    lines = normalize(raw).split("\n")
    assert "设在江城高新区星湖创新科技园，首批客户是本地的汽车零部件厂。" in lines[1]
    assert lines[0] == "■ 某区新增一批算力企业" and len(lines) == 4


def test_a_line_longer_than_any_headline_is_joined_without_a_comma():
    """No comma in the line (a bracketed short name instead), but 40 Han characters and more:
    no headline runs that long, so the break inside 发展 is a wrap."""
    raw = ("◆北辰路桥与海外港口企业签约\n"
           "云栖控股全资子公司北辰路桥工程有限公司（以下简称北辰路桥）5月15日在雅加达与努沙港口发\n"
           "展有限公司签署合作协议。\n◆下一条消息\n当天共有 80 家企业参加。")
    lines = normalize(raw).split("\n")
    assert lines[1].endswith("在雅加达与努沙港口发展有限公司签署合作协议。") and len(lines) == 4



def test_a_name_broken_inside_a_word_before_its_legal_form_is_joined_after_an_items_mark():
    """△ 某某产业控股集 | 团有限公司下属…: a short item, no comma, shorter than the line after; the break falls
    inside 集团 and the next line goes on to a legal form, which no headline ends before."""
    raw = ("△ 岭川澄光电膜有限公司为岭川市属国企岭川云峤实业控股集\n团有限公司所属单位，负责人黎远。\n\n"
           "△ 下一条消息\n当天共有 80 家企业参加。")
    lines = normalize(raw).split("\n")
    assert lines[0].endswith("岭川云峤实业控股集团有限公司所属单位，负责人黎远。")
    raw = "■ 某某集\n\n团队建设交流会召开\n当天共有 80 家企业参加。"  # (a word of a headline, no legal form after it)
    assert normalize(raw).split("\n")[0] == "■ 某某集"

def test_each_line_of_a_distribution_footer_stands_alone():
    """送：… | 发：…: the footer's next line opens with whom the bulletin goes to, not a wrap (however long the line
    before: 某某县人民政府 | 发 would read as a body's name)."""
    raw = ("◆ 最后一条消息\n当天共有 80 家企业参加。\n"
           "送：青川省工业和信息化厅，青川市工业和信息化局，青川市生态环境局，东岭市人民政府，北岭县人民政府\n"
           "发：公司领导，各职能处室，各下属企业\n")
    lines = normalize(raw).split("\n")
    assert lines[-2].endswith("北岭县人民政府") and lines[-1].startswith("发：")


def test_two_lines_of_prose_broken_inside_a_names_word_are_joined():
    """…，由某某新能源产 | 业基金领投，…: a comma on both lines, and the break inside 产业, however short the first line
    (the article's first, after a numbered headline)."""
    raw = ("五、云杉新材完成 A 轮融资\n\n云杉新材 5 月 8 日宣布完成 3 亿元 A 轮融资，由青川新能源产\n"
           "业基金领投，澄江资本跟投，老股东继续追加。本轮融\n资后，基金成为第三大股东。\n")
    lines = normalize(raw).split("\n")
    assert any("由青川新能源产业基金领投" in line for line in lines)


def test_headline_wrapped_onto_a_short_line_is_joined():
    raw = "■ 某市推动中小企业利用资本市场实现高质量发展 打造上市服务\n\n生态圈\n\n" \
          "日前，该市启动了面向中小企业的上市培训活动，多家机构参加了培训并交流了经验。"
    assert normalize(raw).split("\n")[0] == "■ 某市推动中小企业利用资本市场实现高质量发展 打造上市服务生态圈"


def test_caption_inside_a_sentence_moves_after_the_paragraph():
    raw = "“园区正在成为全国领先的创新高\n\n图为园区一角。受访者供图\n\n地。”一位负责人表示。"
    assert normalize(raw) == "“园区正在成为全国领先的创新高地。”一位负责人表示。\n图为园区一角。受访者供图"


def test_half_width_punctuation_between_chinese_becomes_full_width():
    assert normalize("近日,某公司(北京)发布新品:售价不变") == "近日，某公司（北京）发布新品：售价不变"
    assert normalize("增长 3.5%, version 2.0") == "增长 3.5%, version 2.0"


def test_markdown_links_keep_their_text_and_full_width_digits_become_ascii():
    assert normalize("[某公司完成Ａ轮融资](#)") == "某公司完成A轮融资"
    assert normalize("２０２１年") == "2021年"


def test_running_header_repeated_on_each_page_is_kept_once():
    raw = "信 息 速 报 2022 年第 5 期\n正文第一段。\n\n2\n\n信 息 速 报 2022 年第 5 期\n正文第二段。"
    assert normalize(raw).count("信息速报") == 1


def test_display_width_counts_chinese_as_two():
    assert display_width("中a") == 3


@needs_corpus
def test_corpus_artefacts_are_repaired():
    texts = {p.stem[:3]: normalize(p.read_text(encoding="utf-8")) for p in corpus_files()}
    assert texts["001"].startswith("长风联盟工作简报\n")
    assert "北京大学首都发展研究院" in texts["001"]
    for text in texts.values():
        assert not any(line.strip().isdigit() for line in text.split("\n"))
        assert "\n\n" not in text


def test_a_name_broken_inside_a_word_at_a_paragraphs_start_is_joined():
    raw = "某某储能完成融资\n\n重庆岚石储能科\n技有限公司完成3亿元A轮融资，由某某基金领投。\n\n下一条标题\n正文第一段。"
    assert normalize(raw).split("\n")[1] == "重庆岚石储能科技有限公司完成3亿元A轮融资，由某某基金领投。"


def test_a_line_with_a_bracket_left_open_goes_on():
    text = ("岚屿动漫发布新作\n"
            "德州岚屿动漫有限公司全资子公司岚屿动漫（新加\n"
            "坡）有限公司本月开业。\n")
    assert "岚屿动漫（新加坡）有限公司本月开业" in normalize(text)


def test_a_paragraph_opening_under_a_headline_and_a_name_broken_after_one():
    text = ("【地市动态】\n"
            "■德州：阮知秋调研岚屿精密、汀兰新材料\n"
            "2月12日，德州市工业和信\n"
            "息化局局长阮知秋带队走访德州岚屿精密机械有限公司和位于德城区的德州汀兰新材料有限公司，了解企业技改进展。\n"
            "■济南：岚屿材料技术中心升为国家级\n"
            "山东岚屿新材料股\n"
            "份有限公司的技术中心本月通过国家认定，中心有研发人员一百余人。\n"
            "2024年，岚屿纺织出资设立全资子公司德州岚屿印\n"
            "染有限公司，新公司落户德城区。\n")
    out = normalize(text).split("\n")
    assert "■德州：阮知秋调研岚屿精密、汀兰新材料" in out
    assert any(line.startswith("2月12日，德州市工业和信息化局局长阮知秋") for line in out)
    assert "■济南：岚屿材料技术中心升为国家级" in out
    assert any(line.startswith("山东岚屿新材料股份有限公司的技术中心") for line in out)
    assert any("德州岚屿印染有限公司，新公司" in line for line in out)


def test_a_paragraphs_short_first_line_broken_inside_a_company_name_is_joined():
    text = ("■ 岚屿材料获汀兰基金独家投资\n\n位于德州高新区的德州岚屿新能源\n"
            "材料有限公司（岚屿材料）近日完成数亿元 A+ 轮融资，由汀兰基金独家投资，资金将用于中试线建设，预计明年投产。\n")
    lines = normalize(text).split("\n")
    assert "位于德州高新区的德州岚屿新能源材料有限公司（岚屿材料）近日完成数亿元 A+ 轮融资，" \
           "由汀兰基金独家投资，资金将用于中试线建设，预计明年投产。" in lines
    assert "■ 岚屿材料获汀兰基金独家投资" in lines
    # a whole name after a headline is no tail: 岚屿科技集团股份有限公司 opens its own paragraph
    text = "岚屿集团完成收购\n岚屿科技集团股份有限公司（以下简称岚屿集团）完成对德州汀兰数据科技有限公司 70% 股权的收购。\n"
    assert normalize(text).split("\n")[0] == "岚屿集团完成收购"


def test_a_line_broken_inside_a_company_name_whose_tail_holds_its_seat_is_joined():
    text = ("■ 岚屿半导体德国子公司成立\n\n德州岚屿半导体有限公司日前在德国汉诺威注册成立全资子公司岚屿半导\n"
            "体（汉诺威）有限公司，注册资本 500 万欧元。\n")
    assert "德州岚屿半导体有限公司日前在德国汉诺威注册成立全资子公司岚屿半导体（汉诺威）有限公司，注册资本 500 万欧元。" \
        in normalize(text).split("\n")


def test_an_items_paragraph_after_its_mark_wrapped_inside_a_name_is_joined():
    text = ("● 常州汀兰智能科技有限公司宣布获得数千万元种子轮投资，出资方包括岚屿创投和常州澄湖机器人技术研\n"
            "究院旗下的常州澄湖创业投资有限公司。\n● 岚屿协会召开理事会\n")
    lines = normalize(text).split("\n")
    assert any("常州澄湖机器人技术研究院旗下的" in line for line in lines)
    assert "● 岚屿协会召开理事会" in lines


def test_a_title_mark_left_open_at_a_lines_end_goes_on():
    text = ("■ 省经信厅出台岚屿专项细则\n浙江省经信厅起草的《浙江省汀兰装备推广应用专项实\n"
            "施细则（试行）》日前出台，每家企业支持不超过 500 万元。\n")
    assert any("《浙江省汀兰装备推广应用专项实施细则（试行）》日前出台" in line for line in normalize(text).split("\n"))


def test_a_branchs_name_broken_before_its_branch_word_is_joined_however_short_the_line():
    text = ("■ 农险与期货合作\n\n岚澄农业保险股份有限公司青州中心\n支公司与汀江期货有限公司合作，在县\n"
            "里开展试点，首期覆盖果园 1.2 万亩。\n")
    assert any(line.startswith("岚澄农业保险股份有限公司青州中心支公司与汀江期货有限公司合作") for line in normalize(text).split("\n"))


def test_a_partnerships_form_never_opens_a_line():
    text = ("■ 汀澜算力获得融资\n\n汀澜算力有限公司本月获得 5000 万元融资，岚川资本为领投方，汀江天使一号合伙企业\n"
            "（有限合伙）另有出资。公司成立于 2020 年。\n")
    assert any("汀江天使一号合伙企业（有限合伙）另有出资" in line for line in normalize(text).split("\n"))


def test_an_item_broken_inside_a_company_name_is_joined():
    """◆ …设立全资子公司某某制剂研 | 发有限公司，: an item's line ends inside a name whose tail opens the next."""
    text = ("■ 融资速览\n\n◆ 汀州岚屿制药有限公司在岚州高新区新设全资子公司岚州岚屿制剂研\n发有限公司，注册资金 3000 万元。\n"
            "◆ 岚澄新能源有限公司完成融资。\n")
    assert any("岚州岚屿制剂研发有限公司，注册资金" in line for line in normalize(text).split("\n"))


def test_a_headline_stays_whole_before_a_paragraph_that_opens_with_a_name_broken_before_its_branch():
    """■ 某某携手某某共建实训基地 | 岚汀通信集团有限公司江北 | 分公司（…）与…: the short line is the paragraph's start,
    not the headline's second line, for no line opens with 分公司."""
    body = ("分公司（以下简称“岚汀江北公司”）与汀州数安职业学院近日签订两方协议，"
            "合办攻防演练实训中心，第一期设置代码审计、事件处置等六个专业方向。")
    text = normalize("■ 运营商携手院校共建实训基地\n\n岚汀通信集团有限公司江北\n" + body)
    assert text.splitlines() == ["■ 运营商携手院校共建实训基地", "岚汀通信集团有限公司江北" + body]


def test_the_first_line_after_a_marked_headline_opens_a_paragraph_comma_or_not():
    """■ 某所与某市共建研究院揭牌 | …共建的汀州岚芯智能 | 传感研究院近日…: no second headline follows a
    marked headline, so the line that stops inside a word goes on, though it has no comma."""
    text = normalize("■ 汀澜所与岚州共建研究院揭牌\n\n汀澜微电子研究所（简称汀澜所）与岚州市人民政府合建的汀州岚芯智能\n"
                     "传感研究院日前在岚州高新区揭牌，首批入驻团队六个。\n\n■ 下一篇标题\n")
    assert "汀澜微电子研究所（简称汀澜所）与岚州市人民政府合建的汀州岚芯智能传感研究院日前在岚州高新区揭牌，首批入驻团队六个。" \
        in text.splitlines()
    unmarked = normalize("岚州动态\n\n汀澜微电子研究所与岚州市人民政府合建的汀州岚芯智能\n传感研究院日前在岚州高新区揭牌，首批入驻团队六个。\n")
    assert "汀澜微电子研究所与岚州市人民政府合建的汀州岚芯智能" in unmarked.splitlines()  # (no mark: it may be a headline)


def test_a_headline_stays_whole_before_a_paragraph_broken_before_a_groups_legal_form():
    """■ 某某牵手某某设立合资公司 | 某某与某市水利投资发展 | 集团有限公司共同出资…: no line opens with 集团有限公司, so the
    short line is the paragraph's start, broken inside the group's name."""
    body = "集团有限公司合资成立汀春润岚节水科技有限公司，注册资本 8000 万元，新公司由岚禾节水控股。"
    text = normalize("■ 岚禾节水牵手汀春水投设立合资公司\n\n岚禾节水与汀春市水利投资发展\n" + body)
    assert text.splitlines() == ["■ 岚禾节水牵手汀春水投设立合资公司", "岚禾节水与汀春市水利投资发展" + body]


def test_a_bracket_left_open_before_latin_letters_goes_on():
    """某某集团（Acme Certification | Group）合资成立…: the bracket's Latin name runs onto the next line."""
    text = ("岚屿检测开业\n"
            "由岚屿股份与法国汀兰检验集团（Tinlan Inspection\n"
            "Group）共同出资设立的汀州岚兰检测服务有限公司本月开业。\n")
    assert "法国汀兰检验集团（Tinlan Inspection Group）共同出资设立的汀州岚兰检测服务有限公司" in normalize(text)


def test_an_items_two_sentences_wrapped_after_the_first_are_one_paragraph():
    """◎ 某某中心一季度新增…。该中心由某某市 | 农业农村局…: a line with a sentence's end inside is prose, no headline."""
    text = ("◎ 汀州岚屿果树种苗繁育中心上半年新增苗木 8000 株。该中心由汀州市\n"
            "林业局于 2020 年组建，主任黎晓岚介绍，中心明年将建成两座智能温室和一条\n"
            "嫁接生产线。\n◎ 岚屿协会召开理事会\n")
    lines = normalize(text).split("\n")
    assert any("该中心由汀州市林业局于 2020 年组建" in line for line in lines)
    assert "◎ 岚屿协会召开理事会" in lines
