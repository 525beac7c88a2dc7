"""Repair text as it comes out of a PDF, before anything reads it.

The output has one paragraph or heading per line. Every offset the later stages
produce refers to this normalized text, which the graph keeps, so a user can
always see the sentence a fact came from.

Plain text says nothing about where its paragraphs end: lines are joined by the
rules below (a line that ends a sentence, a heading, a page number …). A reader
that knows the layout (:mod:`kg.readers`) says so in the text with two Unicode
characters made for it: ``SOFT_BREAK`` (U+2028 LINE SEPARATOR) where a line was
broken inside a paragraph, whose pieces are joined as broken lines are, and
``PARAGRAPH_END`` (U+2029) after a line that ends its paragraph, which is never
joined with the next and is not taken for a page number or a running header.

Where a join meets Chinese and a digit or Latin letter (``到`` / ``2025 年``), a
space goes in when the paragraph (or else the document) writes them spaced, as
``2021 年 12 月`` does, so the text reads the same whether or not a line broke
there. Radicals and compatibility ideographs are folded to the ordinary
characters first (:mod:`kg.readers.chars`).
"""
from __future__ import annotations

import re

from .readers.chars import fold
from .terminal import display_width

TERMINAL = "。！？；!?…"
CLOSERS = "”’」』）)》】\"'"
#: A line ending in one of these cannot end a paragraph.
OPEN_ENDINGS = "，、（(《“‘「『：:—-·"
#: A line starting with one of these continues the previous one.
CONTINUING_STARTS = "，。、）)》”’；：！？"

PAGE_BREAK = "\x0c"  # stands where a page-number line was, until lines are joined
SOFT_BREAK = "\u2028"  # a line break inside a paragraph
PARAGRAPH_END = "\u2029"  # the line before it ends its paragraph
#: A rule drawn across the page (────, ━━━, ＝＝＝): it joins no paragraph.
_RULE = re.compile(r"^[\u2500-\u257f—–\-=＝_＿*·•]{4,}$")
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?[-—–\s]*$")
_STRUCTURAL = re.compile(
    r"^(?:[■□●◆◇▲△★☆◎▶►]|#{1,6}\s|【|编者按|目\s*录|图为|"
    r"[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]\s*[^\d\s])"
)
_SECTION_MARK = re.compile(r"【[^【】]{1,12}】")
_CAPTION = re.compile(r"^(?:图为|图：|图:)|(?:供图|摄|图片来源[:：].*)[)）]?$")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060\u00ad"), None)
_ZERO_WIDTH_CHAR = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2002\u2003\u2009\u3000\t]")
_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_HALF_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_PUNCT_IN_CJK = re.compile(rf"(?<=[{_CJK}”》）])([,:;?!])(?=\s*[{_CJK}“《（])|(?<=[{_CJK}])([,;?!])(?=\s*$)")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\s]*\)")
_PAREN_IN_CJK = re.compile(r"\(([^()\n]{1,30})\)")
_CJK_ALNUM = re.compile(rf"[{_CJK}][A-Za-z0-9]|[A-Za-z0-9][{_CJK}]")
_CJK_SPACE_ALNUM = re.compile(rf"[{_CJK}] [A-Za-z0-9]|[A-Za-z0-9] [{_CJK}]")
_LEADER = re.compile(r"^(?:…{3,}|[.·]{6,})|(?:…{3,}|[.·]{6,})$")

#: What a reader said of a line: joined with the next (SOFT), ending its paragraph (END), or nothing.
SOFT, END = "soft", "end"
Line = tuple[str, str | None]


def normalize(raw: str) -> str:
    """Return the repaired text: one paragraph or heading per line."""
    text = fold(raw)
    if _ZERO_WIDTH_CHAR.search(text):
        text = text.translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    lines = [(_fix_line(line), mark) for line, mark in _marked_lines(text)]
    lines = [(PAGE_BREAK, mark) if mark is None and line and _PAGE_NUMBER.match(line) else (line, mark)
             for line, mark in lines]
    lines = _drop_running_headers(lines)
    return "\n".join(_join_broken_lines(lines, _spaced(text.split("\n")) or False))


def _marked_lines(text: str) -> list[Line]:
    """Lines with what the reader said of each (see the module's docstring)."""
    out: list[Line] = []
    for line in text.split("\n"):
        pieces = line.split(PARAGRAPH_END)
        for k, piece in enumerate(pieces):
            if k == len(pieces) - 1 and not piece.strip() and k:
                continue
            parts = piece.split(SOFT_BREAK)
            out.extend((part, SOFT) for part in parts[:-1])
            out.append((parts[-1], END if k < len(pieces) - 1 else None))
    return out


def _fix_line(line: str) -> str:
    line = _MARKDOWN_LINK.sub(r"\1", _to_half_width_alnum(line.strip()))
    line = _collapse_spaced_out(line)
    line = _PAREN_IN_CJK.sub(_full_width_parens, line)
    return _HALF_PUNCT_IN_CJK.sub(lambda m: _HALF_PUNCT[m.group(1) or m.group(2)], line)


def _drop_running_headers(lines: list[Line]) -> list[Line]:
    """A short line repeated on every page (`信息速报 2022 年第 5 期`) is kept once, at the top.
    Only a line at a page's edge (next to where a page number stood) is a running header: a
    headline said again under the table of contents is the article's.

    Lines a reader marked are left alone: it has removed the running headers it saw."""
    filled = [k for k, (line, _) in enumerate(lines) if line == PAGE_BREAK or line.strip()]
    at_edge = {k for a, b in zip(filled, filled[1:]) for k in (a, b)
               if PAGE_BREAK in (lines[a][0], lines[b][0])}
    paged = any(line == PAGE_BREAK for line, _ in lines)
    seen: set[str] = set()
    out = []
    for k, (line, mark) in enumerate(lines):
        key = re.sub(r"\s+", "", line)
        if mark is None and key and key in seen and display_width(line) <= 60 and line != PAGE_BREAK \
                and (k in at_edge or not paged):
            continue
        seen.add(key)
        out.append((line, mark))
    return out


def _spaced(texts: list[str]) -> bool | None:
    """Whether these lines write Chinese and digits or Latin letters apart (``2021 年``)
    rather than together (``2021年``); None when they hardly mix them."""
    apart = sum(len(_CJK_SPACE_ALNUM.findall(t)) for t in texts)
    together = sum(len(_CJK_ALNUM.findall(t)) for t in texts)
    if apart + together < 3:
        return None
    return apart > together


def _to_half_width_alnum(line: str) -> str:
    """Full-width letters and digits (Ａ, ２) become ASCII; CJK punctuation stays."""
    return line.translate(_HALF_WIDTH_ALNUM) if _FULL_WIDTH_ALNUM.search(line) else line


_FULL_WIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
_HALF_WIDTH_ALNUM = {code: code - 0xFEE0 for first, last in ("０９", "ＡＺ", "ａｚ")
                     for code in range(ord(first), ord(last) + 1)}


def _full_width_parens(m: re.Match) -> str:
    inner = m.group(1)
    if re.search(f"[{_CJK}]", inner) or _is_cjk_context(m.string, m.start(), m.end()):
        return f"（{inner}）"
    return m.group(0)


def _is_cjk_context(s: str, start: int, end: int) -> bool:
    before = s[start - 1] if start else ""
    after = s[end] if end < len(s) else ""
    return bool(re.match(f"[{_CJK}]", before)) and bool(re.match(f"[{_CJK}]", after or "。"))


def _collapse_spaced_out(line: str) -> str:
    """`长 风 联 盟 工 作 简 报` → `长风联盟工作简报`; ordinary lines are left alone."""
    tokens = line.split(" ")
    if len(tokens) < 3:
        return line
    singles = sum(1 for t in tokens if len(re.sub(r"[【】\[\]（）()《》]", "", t)) == 1)
    if singles / len(tokens) < 0.75:
        return line
    return re.sub(rf"(?<=[{_CJK}【】])\s+(?=[{_CJK}【】])", "", line)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in TERMINAL


def _is_heading(line: str) -> bool:
    return bool(_STRUCTURAL.match(line))


def _wrap_width(lines: list[str]) -> int:
    """The width at which the PDF hard-wrapped paragraphs, if it did."""
    widths = sorted(w for w in map(display_width, lines) if w >= 40)
    if len(widths) < 5:
        return 10**6
    return widths[int(len(widths) * 0.8)]


def _join_broken_lines(marked: list[Line], spaced_document: bool) -> list[str]:
    content: list[Line] = []
    for line, mark in marked:
        if line:
            content.append((line, mark))
        elif mark == END and content and content[-1][1] is None:
            content[-1] = (content[-1][0], END)
    wrap = _wrap_width([line for line, _ in content])
    texts = [line for line, _ in content]
    out: list[str] = []
    deferred: list[str] = []  # captions that interrupted a paragraph
    i = 0
    while i < len(content):
        line, mark = content[i]
        parts = [line]
        i += 1
        if line == PAGE_BREAK:
            continue
        broken_page = False
        while i < len(content) and mark != END:
            nxt, next_mark = content[i]
            if nxt == PAGE_BREAK:
                broken_page = True
                i += 1
                continue
            if mark != SOFT:
                if _CAPTION.search(nxt) and not _ends_sentence(line) and i + 1 < len(content):
                    deferred.append(nxt)
                    i += 1
                    continue
                after = texts[i + 1] if i + 1 < len(content) else None
                opens_an_article = len(parts) == 1 and bool(out) and _after_a_headline(out[-1])
                if not (_continues(line, nxt, wrap, after, opens_an_article) or _resumes_after_caption(line, nxt, deferred)
                        or (broken_page and not _ends_sentence(line) and not _is_heading(nxt))):
                    break
            broken_page = False
            line = _glue(line, nxt)
            parts.append(nxt)
            mark = next_mark
            i += 1
        out.append(_glue_all(parts, spaced_document))
        out.extend(deferred)
        deferred.clear()
    return out


_PROSE = re.compile("[，、；]")


#: Columns laid out with spaces (某研究所 编印      2024 年 9 月 16 日): a row of a header, footer or table.
_LAID_OUT = re.compile(r"\S {4,}\S")


def _continues(line: str, nxt: str, wrap: int, after: str | None, opens_an_article: bool = False) -> bool:
    """Whether the paragraph of ``line`` goes on in ``nxt`` (``opens_an_article``: ``line`` is the first line
    after a marked headline)."""
    if _ends_sentence(line) or _is_heading(nxt) or _PAGE_NUMBER.match(nxt) or _LAID_OUT.search(line) \
            or _LAID_OUT.search(nxt) or _DISTRIBUTION.match(nxt) or _RULE.match(nxt) or _RULE.match(line):
        return False
    if opens_an_article and not _is_heading(line) and display_width(line) >= 40 and _is_cjk(line[-1]) and _is_cjk(nxt[0]) \
            and (_ends_sentence(nxt) or display_width(nxt) >= 40):
        return True  # ■ 某某研究院投入运行 | 某某所与某市共建的某某智能 | 装备研究院近日…: no second headline follows
        # a headline, so the first line after it opens the article's paragraph, comma or not
    if nxt[0] in CONTINUING_STARTS or line[-1] in OPEN_ENDINGS:
        return True
    if (line.count("（") + line.count("(") > line.count("）") + line.count(")")
            or line.count("《") > line.count("》")) and (_is_cjk(nxt[0]) or (nxt[0].isascii() and nxt[0].isalnum())):
        return True  # 某某（新加 | 坡）有限公司, 《某某专项实 | 施细则》, 某某集团（Acme Certification | Group）: a bracket or title
        # mark left open goes on
    if _is_cjk(line[-1]) and _NAME_TAIL_FIRST.match(nxt) and not _is_heading(line):
        return True  # 位于某区的某某新能源 | 材料有限公司（…）完成…: the next line opens with a name's tail
    if _is_cjk(line[-1]) and nxt.startswith(_NEVER_OPENING):
        return True  # 某某保险股份有限公司某地中心 | 支公司与…, 某某合伙企业 | （有限合伙）跟投: no line opens with a
        # branch's word or a partnership's form, however short the one before
    if line[-1] + nxt[0] in _NAME_WORDS and _FORM_AFTER_A_BROKEN_WORD.match(nxt):
        return True  # 某某产业控股集 | 团有限公司下属…, 某某私募基金管 | 理有限公司为…: a name's word broken, its legal form
        # next (no headline ends inside a word)
    if line[-1] + nxt[0] in _NAME_WORDS and _ends_sentence(nxt) and display_width(nxt) > display_width(line) \
            and not _SECTION_MARK.fullmatch(line):
        return True  # 某某储能科 | 技有限公司完成…: a name's word broken at the start of a paragraph
    if line[-1] + nxt[0] in _NAME_WORDS and _PROSE.search(line) and _PROSE.search(nxt) and not _is_heading(line):
        return True  # 某某完成 B 轮融资，由某某锂电产 | 业基金领投，…: two lines of prose, a name's word broken between
    if _is_heading(line):
        if _SECTION_MARK.fullmatch(line):
            return False  # 【政策速递】: a section's name, whole on its line
        if (_PROSE.search(line) or "。" in line or _NAME_TAIL_FIRST.match(nxt)) and display_width(line) >= 60 and _is_cjk(line[-1]) \
                and _is_cjk(nxt[0]):
            return True  # ● 某某公司完成…融资，投资方为…技术研 | 究院…, ◆ 某某公司在某地设立全资子公司某某医药研 | 发有限公司，:
            # an item's paragraph after its mark, wrapped (no headline runs that long, nor has a sentence's end inside)
        # a headline wrapped onto a short second line, before the article's first paragraph
        return (
            display_width(nxt) <= 40
            and not _ends_sentence(nxt)
            and not _OPENING.match(nxt)  # (2月12日，…: a paragraph starts, not the headline's end)
            and after is not None
            and display_width(after) > 40
            and nxt[-1] + after[0] not in _NAME_WORDS  # (某某材料股 | 份有限公司…: a paragraph broken in a name)
            and not _NAME_TAIL_FIRST.match(after)  # (…的某某新能源 | 材料有限公司（…: the same)
            and not after.startswith(_NEVER_OPENING)  # (某某集团有限公司湖北 | 分公司与…: the same)
        )
    if after is not None and display_width(nxt) <= 12 and not _ends_sentence(nxt):
        return True  # a title's last few characters pushed onto their own line
    width = display_width(line)
    if width >= 0.85 * wrap or width >= 120:
        return True
    # a line of prose (it has a comma) that stops in the middle of a word, no headline being
    # that long (30 Han characters): a wrap the width test missed, where full paragraphs and
    # wrapped lines mix; or, without a comma, a line longer than headlines run (40 Han characters);
    # or a paragraph's opening (9 月 3 日，…), which no headline has, however short the line
    return (width >= 60 or bool(_OPENING.match(line))) and _is_cjk(line[-1]) and _is_cjk(nxt[0]) \
        and (bool(_PROSE.search(line)) or width >= 80)


#: A line of the distribution footer, which opens with whom it goes to: 报：, 送：, 发：, 抄送：.
_DISTRIBUTION = re.compile(r"^(?:报|送|发|抄送|抄报|分送|报送)\s*[：:]")
#: Two-character words of names that a break can fall inside (科|技, 有|限, 集|团): the line goes on.
_NAME_WORDS = frozenset({"科技", "有限", "公司", "集团", "股份", "研究", "技术", "投资", "管理", "发展", "电子", "能源",
                         "材料", "中心", "实验", "委员", "创新", "产业", "控股", "资本", "合伙", "基金", "智能"})
#: A line that opens with the last words of a company's name and what follows a name: 材料有限公司（.
#: (Not a whole name, which a headline may stand before: a tail has at most four characters before its form,
#: and perhaps its seat in brackets: 体（槟城）有限公司，.)
_NAME_TAIL_FIRST = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:[（(][\u4e00-\u9fff]{2,6}[）)])?(?:股份有限公司|有限责任公司|有限公司)[（(，、]"
                             r"|^集团(?:股份)?有限(?:责任)?公司")
#: The rest of a name's word, then a company's legal form: 团 | 有限公司, 理 | 有限公司.
_FORM_AFTER_A_BROKEN_WORD = re.compile(r"^[\u4e00-\u9fff]{1,3}?(?:股份有限公司|有限责任公司|有限公司|股份公司|公司)")
#: What never opens a line of its own: the words a branch's name ends with, a partnership's form in brackets.
_NEVER_OPENING = ("支公司", "分公司", "支行", "分行",
                  "（有限合伙）", "(有限合伙)", "（特殊普通合伙）", "(特殊普通合伙)", "（普通合伙）", "(普通合伙)")
#: How a paragraph opens, never a headline: a date or a time, then a comma.
_OPENING = re.compile(r"^(?:(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前|近期|今年以来)[^，。]{0,12}|\d{4}\s*年)，")


#: The marks an article's headline opens with (■ 某某中心揭牌), where they are in use.
_HEADLINE_MARK = re.compile(r"^[■□●◆◇▲△★☆◎▶►]")


def _after_a_headline(before: str) -> bool:
    """The paragraph before is a marked headline, not an item that ends its sentence (● 某某签约。)."""
    return bool(_HEADLINE_MARK.match(before)) and not _ends_sentence(before)


def _resumes_after_caption(line: str, nxt: str, deferred: list[str]) -> bool:
    """A caption dropped into the middle of a sentence: the sentence goes on after it."""
    return bool(deferred) and not _ends_sentence(line) and not _is_heading(nxt)


def _glue_all(parts: list[str], spaced_document: bool) -> str:
    """The pieces of one paragraph, joined; spaced as the paragraph (or else the document) is."""
    spaced = _spaced(parts)
    spaced = spaced_document if spaced is None else spaced
    line = parts[0]
    for part in parts[1:]:
        line = _glue(line, part, spaced)
    return line


def _glue(left: str, right: str, spaced: bool = False) -> str:
    a, b = left[-1], right[0]
    if _ascii_alnum(a) and _ascii_alnum(b):
        return f"{left} {right}"
    if _LEADER.match(right) and not _LEADER.search(left):  # a table of contents' dot leader stands apart
        return f"{left} {right}"
    if spaced and ((_ascii_alnum(a) and _is_cjk(b)) or (_is_cjk(a) and _ascii_alnum(b))):
        return f"{left} {right}"
    return left + right


def _ascii_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _is_cjk(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
