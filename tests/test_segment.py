from datetime import date

import pytest
from helpers import SAMPLES, corpus_files, needs_corpus

from kg.ingest import find_files, read_issues
from kg.segment import read_meta
from kg.stages import prepare


@pytest.fixture(scope="module")
def samples():
    return {r.id: prepare(r) for r in read_issues(find_files([SAMPLES]))}


def test_alliance_bulletin_header(samples):
    meta = samples["changfeng_2021_27"].meta
    assert (meta.title, meta.number, meta.date, meta.publisher) == (
        "长风联盟工作简报", "27", date(2021, 12, 10), "长风联盟秘书处")


def test_institute_digest_header_and_sections(samples):
    issue = samples["institute_digest_2022_05"]
    assert issue.meta.number == "5" and issue.meta.label.startswith("2022 年第 5 期")
    assert issue.meta.date == date(2022, 5, 20)
    assert issue.meta.publisher.endswith("中心")
    sections = {a.section for a in issue.articles if a.section}
    assert {"政策动态", "产业观察"} <= sections
    assert not any("……" in (a.headline or "") for a in issue.articles)  # the TOC is not articles


def test_newspaper_page_header_has_no_invented_fields(samples):
    meta = samples["kjrb_special_2023"].meta
    assert meta.title == "科技日报" and meta.date == date(2023, 3, 8)
    assert meta.number is None and meta.publisher is None


def test_missing_metadata_stays_missing():
    meta = read_meta(["编者按 这是一段没有刊期的说明文字。"])
    assert meta == type(meta)()


def test_bulletin_articles_carry_their_section(samples):
    articles = samples["changfeng_2021_27"].articles
    assert articles[0].headline is None  # the masthead
    assert all(a.headline for a in articles[1:])
    assert {"新动向", "企业讯"} <= {a.section for a in articles}


def test_sentences_are_views_onto_the_issue_text(samples):
    for issue in samples.values():
        assert issue.sentences
        for s in issue.sentences:
            assert issue.text[s.start:s.end] == s.text and s.text.strip() == s.text
            article = issue.articles[s.article]
            assert article.start <= s.start and s.end <= article.end


@needs_corpus
def test_corpus_issue_headers():
    issues = {r.id[:3]: prepare(r) for r in read_issues(corpus_files())}
    assert issues["000"].meta.date == date(2021, 11, 12) and issues["000"].meta.number == "26"
    assert issues["001"].meta.title == "长风联盟工作简报" and issues["001"].meta.number == "02"
    assert issues["002"].meta.title is None  # a newspaper page that does not name itself
    assert len(issues["001"].articles) > 10


@pytest.mark.parametrize("line, publisher", [
    ("江汉省科学技术情报研究所 编印                          2024 年 9 月 16 日", "江汉省科学技术情报研究所"),
    ("云梦市人工智能产业协会 主办                    2023 年 10 月 20 日", "云梦市人工智能产业协会"),
    ("主办单位：云梦市人工智能产业协会", "云梦市人工智能产业协会"),
    ("云梦市智能制造行业协会秘书处编（云梦市澄江区）          2024 年 5 月 15 日", "云梦市智能制造行业协会秘书处"),
    ("编印：云梦市物流协会秘书处（地址：云梦市澄江区）    共印 100 份", "云梦市物流协会秘书处"),
    ("编印：云梦新材料（云梦）研究院    2024 年 5 月 15 日", "云梦新材料（云梦）研究院"),
    ("云梦港务集团党群工作部编（地址：云梦市澄江区滨河路 8 号）    2024 年 5 月 15 日", "云梦港务集团党群工作部"),
    ("云梦市水利局科技处 编          2024 年 3 月 29 日          （共印 180 份）", "云梦市水利局科技处"),
])
def test_the_publisher_as_a_header_writes_it(line, publisher):
    meta = read_meta(["科技信息速报", "2024 年第 7 期", line])
    assert meta.publisher == publisher


def test_a_header_laid_out_in_columns_is_not_joined_to_the_next_line():
    from pathlib import Path

    from kg.ingest import RawIssue

    text = ("\n\n                 科技信息速报\n\n        2024 年第 9 期（总第 185 期）\n\n"
            "江汉省科学技术情报研究所 编印                          2024 年 9 月 16 日\n\n\n本 期 目 录\n\n"
            "【政策动态】\n全省推进数字政府建设 ………… 1\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    assert issue.meta.date == date(2024, 9, 16) and issue.meta.publisher == "江汉省科学技术情报研究所"
    assert "日本期目录" not in issue.text


@pytest.mark.parametrize("text, last", [("只有一行", "只有一行"), ("第一句。\n最后一行没有换行符", "最后一行没有换行符")])
def test_the_last_sentence_keeps_its_last_character_without_a_final_newline(text, last):
    from pathlib import Path

    from kg.ingest import RawIssue

    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    assert issue.sentences[-1].text == last
    assert issue.articles[-1].end == len(issue.text)


def test_headlines_under_a_table_of_contents_and_roundup_bullets_keep_their_articles():
    """A headline said again under 本期导读 is the article's (a running header repeats only at a
    page's edge); bullets that open whole paragraphs are items of a roundup, not the issue's
    headline marks; a section's 【name】 stays on its line."""
    from pathlib import Path

    from kg.ingest import RawIssue

    text = ("投资动态\n\n2025 年第 3 期\n\n云栖创投协会秘书处编        2025 年 3 月 31 日\n\n本期导读\n"
            "青禾科技完成 2 亿元 B 轮融资\n沧澜医疗获天使轮融资\n\n【投融资观察】\n\n青禾科技完成 2 亿元 B 轮融资\n\n"
            "3 月 3 日，位于云栖高新区的云栖青禾微电\n子科技有限公司宣布完成 2 亿元 B 轮融资。\n\n"
            "沧澜医疗获天使轮融资\n\n沧澜医疗近日完成天使轮融资，由北辰资本领投。\n\n                — 1 —\n"
            "投资动态            2025 年第 3 期\n\n【会员动态】\n\n"
            "● 北辰资本上海分公司日前开业，负责人由北辰资本合伙人沈某担任。\n\n"
            "● 岭栈创投近日宣布，原某集团投资部总经理韩某加盟并出任合伙人。\n\n"
            "● 沧澜资本完成新一期基金募集，规模 5 亿元。\n\n                — 2 —\n投资动态            2025 年第 3 期\n")
    issue = prepare(RawIssue("t", Path("t.txt"), "utf-8", text))
    sections = {a.headline: a.section for a in issue.articles}
    assert issue.text.count("青禾科技完成 2 亿元 B 轮融资") == 2
    assert sections["青禾科技完成 2 亿元 B 轮融资"] == sections["沧澜医疗获天使轮融资"] == "投融资观察"
    assert sum(1 for a in issue.articles if a.section == "会员动态") == 3
    assert any(s.text.startswith("3 月 3 日，位于云栖高新区的云栖青禾微电子科技有限公司") for s in issue.sentences)
    assert issue.text.count("投资动态            2025 年第 3 期") <= 1
