"""What the model cannot do well alone, done by rules over one sentence.

- titles in 《…》: a policy, or a report/white paper/index, or a newspaper,
  decided by the title's head noun; a policy's title written without 《》, by its
  head noun and the verb before it (印发湖南省促进科技成果转化实施方案);
- named schemes in quotes (“岚芽企业培育专项”), and quoted company names;
- names the model cuts short or splits (岚州市经济和 → 岚州市经济和信息化局).

Each rule takes the sentence text and returns spans relative to it.
"""
from __future__ import annotations

import re

from ..doc import Span
from ..lexicon import (
    BARE_POLICY_BEFORE,
    BARE_POLICY_HEADS,
    BODY_HEADS,
    COMPANY_BEFORE_QUOTE,
    DOSAGE_FORMS,
    FOUNDED_BEFORE_QUOTE,
    GENERIC_DOCUMENT,
    MEDIA_HEADS,
    ORG_SUFFIXES,
    POLICY_HEADS,
    REPORT_HEADS,
    SCHEME_HEADS,
    SHORT_POLICY_HEADS,
    SOURCE_MEDIA,
)
from ..regions import gazetteer

#: Bracketed tails that do not change what a title is: 《…（2021-2023 年）》, 《…（试行）》.
_TITLE_TAIL = re.compile(r"[（(][^（）()]*[）)]\s*$")
_QUOTED = re.compile(r"“([^“”\n]{2,24})”")
#: “十四五”某某重点专项: a quoted period or tag, then the scheme's name (not “十五五”期间, a time:
#: “十五五”期间某集团计划完成…).
_QUOTED_PREFIX_SCHEME = re.compile(
    r"“[^“”\n]{2,8}”(?!期间|时期|以来|开局|收官)[\u4e00-\u9fffA-Za-z0-9]{2,14}?(?:专项|计划|规划|工程|行动|试点)(?![\u4e00-\u9fff]{0,2}[司院部局])")
_COMPANY_AFTER_QUOTE = re.compile(r"^(?:完成|获得|获|宣布|正式|已|近日|成立|发布)")
#: After a company's quoted name comes what it does (提供商“曼孚科技”获…, 公司“Relic”，继…);
#: where the sentence ends on the quote, the quote was what the companies do (企业“揭榜”。).
_CLAUSE_ENDS = re.compile(r"\s*(?:[。；！？]|$)")


def titled_works(text: str) -> list[Span]:
    """《…》 titles, typed by head noun; the span is the title without its marks."""
    spans = []
    for start, end in _balanced(text, "《", "》"):
        title = text[start + 1:end - 1].strip()
        kind = classify_title(title)
        if kind:
            spans.append(Span(start + 1, end - 1, kind, "rule:title"))
    return spans


#: A title written without 《》: a run of words, no clause break, up to its head noun,
#: with a bracketed period after it: 促进科技成果转化三年行动方案（2024—2026年）.
#: After the head noun: a break, a particle, or a verb about the document. (A word of one or two
#: characters in brackets may stand inside: 首台（套）.)
_TITLE_TEXT = (rf"(?:[\u4e00-\u9fff0-9A-Za-z“”‘’—\-]|[（(][\u4e00-\u9fff]{{1,2}}[）)]){{2,36}}?{BARE_POLICY_HEADS.pattern}"
               r"(?:[（(][^（）()，。]{0,14}(?:年|试行|修订|暂行)[^（）()，。]{0,4}[）)])?")
_BARE_TITLE = re.compile(_TITLE_TEXT + r"(?=$|[，。；：、！？”）)\s（(]|[的和与及中等]|提出|明确|指出|要求|规定|强调|将|已|自|于|共|从|为|同时|废止"
                         r"|开展)")


#: A title's head that counts its articles: 十条, 20条措施.
_COUNTED = re.compile(r"[0-9一二三四五六七八九十]条")
_BARE_POLICY_VERB = re.compile(BARE_POLICY_BEFORE.pattern.rstrip("$"))
_REVISED = re.compile(r"(?:修订后|新修订|最新修订|重新修订)的")
#: A title at the start of a clause, then the time since it took effect: ，某某奖励管理办法（暂行）实施以来.
_SINCE_TITLE = re.compile(rf"(?:^|(?<=[，。；：]))({_TITLE_TEXT})(?:正式)?(?:实施|施行|出台|印发|发布)以来")
#: 发布关于组织申报某某补助的通知: a notice's title, 关于 … 的通知, needs no marks either; nor with the body
#: that issues it before 关于 (印发某市人民政府关于…的意见).
_ABOUT_TEXT = (r"(?:[\u4e00-\u9fff]{2,20}?(?:人民政府|政府|办公厅|办公室|委员会|管委会|局|委|厅|部|署))?"
               r"关于[^，。；：《》“”]{4,48}?的(?:通知|决定|意见|公告)")
_ABOUT_TITLE = re.compile(_ABOUT_TEXT + r"(?=$|[，。；：、）)\s]|[，,]?(?:对|要求|明确|提出))")
#: The same, opening a clause before the verb that issued it: 某市人民政府关于…的意见近日出台.
_ABOUT_TITLE_OPENING = re.compile(rf"(?:^|(?<=[，。；：]))({_ABOUT_TEXT})(?=(?:近日|日前|已|正式|于)*(?:出台|印发|发布|施行|实施))")


def bare_titles(text: str) -> list[Span]:
    """Policy titles written without 《》, found by head noun and the verb before them.

    A name needs more than a head noun: the words before it must not describe
    documents in general (相关政策措施), and a title with 的 must start with 关于.
    """
    spans = []
    for verb in _BARE_POLICY_VERB.finditer(text):
        revised = _REVISED.match(text, verb.end())  # 印发了修订后的某某办法: the title after the word
        m = _BARE_TITLE.match(text, revised.end() if revised else verb.end())
        if not m and (notice := _ABOUT_TITLE.match(text, verb.end())):
            spans.append(Span(notice.start(), notice.end(), "Policy", "rule:bare-title"))
            continue
        if not m:
            continue
        title = m.group()
        head = BARE_POLICY_HEADS.search(title)
        counted = head is not None and _COUNTED.search(head.group()) is not None and len(title) >= 10  # 支持某某建设十条措施
        if head is None or not _long_enough(title) or _BARE_POLICY_VERB.match(title) \
                or (GENERIC_DOCUMENT.match(title) and not gazetteer().head(title) and not counted):  # 新乡市…方案 is no 新…方案
            continue  # (修订)印发某某办法: the next verb's title is the one
        if "的" in title[:head.start()] and not title.startswith("关于"):
            continue
        # “某某十条”: quotes around the whole title mark it as 《》 would, and are no part of it
        quoted = title[0] in "“‘" and title[1:].count(title[0]) == 0 and text[m.end():m.end() + 1] in "”’"
        spans.append(Span(m.start() + quoted, m.end(), "Policy", "rule:bare-title"))
    # 是某市“某某十条”的配套文件: a counted set of measures by its nickname; 某市人民政府关于…的意见近日出台
    for m in [*_QUOTED_COUNTED.finditer(text), *(_ABOUT_TITLE_OPENING.finditer(text) if "关于" in text else ())]:
        if not any(s.start <= m.start(1) < s.end for s in spans):
            spans.append(Span(m.start(1), m.end(1), "Policy", "rule:bare-title"))
    for m in [*_HEADLINE_TITLE.finditer(text), *_SINCE_TITLE.finditer(text)]:  # ■ 某某投资管理细则出台: a headline's title,
        title = m.group(1)  # then its verb; ，某某管理办法实施以来: a clause's
        if not GENERIC_DOCUMENT.match(title) and "的" not in title and not any(s.start <= m.start(1) < s.end for s in spans) \
                and _long_enough(title):
            spans.append(Span(m.start(1), m.end(1), "Policy", "rule:bare-title"))
    return spans


#: A set of measures named by its count in quotes, whatever comes before it: “某某十条”, “人才新政 30 条”.
_QUOTED_COUNTED = re.compile(r"“([\u4e00-\u9fffA-Za-z]{2,12}\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*条(?:措施|举措|政策)?)”")


def _long_enough(title: str) -> bool:
    """Two characters before the head noun (某某条例), six before a bare 办法 or 规范 (and no 新 right before it)."""
    head = BARE_POLICY_HEADS.search(title)
    if head is None or (head.group() in SHORT_POLICY_HEADS and title[head.start() - 1:head.start()] == "新"):
        return False  # 某某贷款新办法: new measures, described
    return head.start() >= (6 if head.group() in SHORT_POLICY_HEADS else 2)


#: A headline that is a title and the verb that issued it: ■ 某某投资管理细则出台.
_HEADLINE_TITLE = re.compile(rf"(?m)^[■●◆▲\s]*([\u4e00-\u9fff0-9A-Za-z]{{2,36}}?{BARE_POLICY_HEADS.pattern})"
                             r"(?:正式)?(?:出台|印发|发布|施行|实施|公布)\s*$")


def classify_title(title: str) -> str | None:
    """Policy, Report or Organization (a newspaper) by the title's head noun."""
    head = title
    while True:
        stripped = _TITLE_TAIL.sub("", head).rstrip()
        if stripped == head or not stripped:
            break
        head = stripped
    head = head.rstrip("”\"'’")
    if not head:
        return None
    if head.endswith(REPORT_HEADS):
        return "Report"
    if head.endswith(POLICY_HEADS):
        return "Policy"
    if head.endswith(MEDIA_HEADS) and len(head) <= 8:
        return "Organization"
    return None


def quoted_names(text: str) -> list[Span]:
    """Quoted schemes (“岚芽企业培育专项”) and quoted company names (提供商“曼孚科技”)."""
    spans = [Span(m.start(), m.end(), "Policy", "rule:scheme") for m in _QUOTED_PREFIX_SCHEME.finditer(text)]
    for m in _QUOTED.finditer(text):
        if any(s.start <= m.start() < s.end for s in spans) or _QUOTED_COUNTED.fullmatch(m.group()):
            continue  # (“某某十条”: a set of measures, whatever verb follows it)
        inner = m.group(1)
        start, end = m.start(1), m.end(1)
        if (inner.endswith(BODY_HEADS) and len(inner) >= 4) or (
                FOUNDED_BEFORE_QUOTE.search(text[max(0, m.start() - 24):m.start()])
                and _looks_like_name(inner, 16 if inner.endswith(ORG_SUFFIXES) else 12)
                and not _SLOGAN.search(inner) and not _NO_BODY_AFTER.match(text, m.end())) or (  # (设立“点对点”服务专员: a slogan)
                text.startswith(BODY_HEADS, m.end()) and _looks_like_name(inner, 16)):  # “…”联合体
            spans.append(Span(start, end, "Organization", "rule:quoted-body"))
        elif inner.endswith(SCHEME_HEADS) and len(inner) >= 4:
            spans.append(Span(start, end, "Policy", "rule:scheme"))
        elif _looks_like_name(inner) and not _SLOGAN.search(inner) and not inner.endswith(DOSAGE_FORMS + _HONOURS) \
                and not _CLASS_OF_COMPANIES.search(text, 0, m.start()) and (
            (COMPANY_BEFORE_QUOTE.search(text[max(0, m.start() - 6):m.start()])
             and not _CLAUSE_ENDS.match(text, m.end()))
            or _COMPANY_AFTER_QUOTE.match(text[m.end():m.end() + 4])
        ):
            spans.append(Span(start, end, "Organization", "rule:quoted-company"))
    return spans


#: What a quote set up names when these follow it: a way of working, no body (共建“某某”机制, “某某”试点).
_NO_BODY_AFTER = re.compile(r"(?:机制|试点|模式|体系|工程|行动|计划|项目|品牌|活动|服务|专区|专班|专项)")
#: A character again after another in a short quote: 面对面, 点对点 (a slogan's pattern; 货拉拉 is a brand's).
_SLOGAN = re.compile(r"^(?:(.).\1.?|.(.).\2)$")
#: What people are honoured as (“某市最美科技工作者”发布), and the work an award is for (“某某硅烷制备技术”获一等奖):
#: a title of honour or a piece of work, no company.
_HONOURS = ("工作者", "人物", "人才", "工匠", "标兵", "模范", "之星", "先锋", "楷模", "能手", "企业家", "科学家",
            "技术", "工艺", "方法", "装置", "系统", "研究", "项目")
#: Companies as a class before a quote, which then says what they do: 中小企业“抱团出海”.
_CLASS_OF_COMPANIES = re.compile(r"(?:中小|小微|上下游|规上|各类|广大|相关|重点)企业$")


def _looks_like_name(inner: str, longest: int = 12) -> bool:
    inner = _SPACE_BY_LATIN.sub("", inner)  # 某某 PEEK 工作站: spaces set off Latin words, not clauses
    return 2 <= len(inner) <= longest and not _CLAUSE_MARK.search(inner)


_SPACE_BY_LATIN = re.compile(r"(?<=[A-Za-z0-9])\s+|\s+(?=[A-Za-z0-9])")


_CLAUSE_MARK = re.compile(r"[，。、：；！？\s]")


def _balanced(text: str, open_mark: str, close_mark: str) -> list[tuple[int, int]]:
    """Outermost balanced pairs; an unclosed or stray mark is ignored, never fatal."""
    if open_mark not in text:
        return []
    pairs, stack = [], []
    for i, c in enumerate(text):
        if c == open_mark:
            stack.append(i)
        elif c == close_mark and stack:
            start = stack.pop()
            if not stack:
                pairs.append((start, i + 1))
    return pairs


#: A byline's masthead: 科技日报（记者…, 新华社记者….
_MASTHEAD = re.compile(r"^\s*([\u4e00-\u9fff]{2,8}?(?:日报|晚报|时报|早报|商报|报|通讯社|新闻社|社|网|电视台|广播电台))"
                       r"(?=\s*[（(]?\s*(?:本报|特约|首席|摄影|见习)?(?:记者|通讯员))")


#: A byline's people, each after a role: （记者 某某 通讯员 某某）, 本报记者 某某 (alone on its line).
_BYLINE_PERSON = re.compile(r"(?:(?:本报|特约|首席|见习)?(?:记者|通讯员|实习生)|摄影)[ \u3000]*([\u4e00-\u9fff]{2,4}?)"
                            r"(?=[ \u3000]*(?:[）)]|$|\n|摄|[ \u3000](?:记者|通讯员|实习生|摄影)))")


#: Who edited and checked an issue: 编辑：某某    审核：某某, （责任编辑：某某）.
_EDITOR = re.compile(r"(?:责任编辑|编辑|审核|审稿|校对|签发)[：:][ \u3000]*([\u4e00-\u9fff]{2,4}?)(?=[ \u3000）)]|$|\n)")
#: An author's line closing an analysis: 某某研究院政策室助理研究员  某某 (alone at the line's end).
_AUTHOR = re.compile(r"(?:研究员|分析师|研究助理|主任|所长|院长|博士)[ \u3000]{2,}([\u4e00-\u9fff]{2,4})[ \u3000]*(?=$|\n)")


def byline_people(text: str) -> list[Span]:
    """The reporters and correspondents a byline names, an issue's editors and an analysis's
    author: a name in that slot is a person's whatever the model made of a rare surname (区, 庄)."""
    return [Span(m.start(1), m.end(1), "Person", "rule:byline")
            for pattern in (_BYLINE_PERSON, _EDITOR, _AUTHOR) for m in pattern.finditer(text)]


def sources(text: str) -> list[Span]:
    """The newspaper an item cites as its source: （来源：经济参考报）."""
    return [Span(m.start(1), m.end(1), "Organization", "rule:source") for m in SOURCE_MEDIA.finditer(text)]


def masthead(text: str) -> list[Span]:
    """The newspaper or agency a byline names, at the start of a sentence."""
    m = _MASTHEAD.match(text)
    return [Span(m.start(1), m.end(1), "Organization", "rule:masthead")] if m else []
