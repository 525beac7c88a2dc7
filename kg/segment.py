"""Read an issue's structure from its normalized text: metadata, articles, sentences.

Three layouts are known: alliance bulletins (``■`` headlines under ``【…】``
sections), newspaper pages (markdown headings), institute digests (a table of
contents, then ``一、`` numbered headings). Metadata that the text does not
state stays None.
"""
from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

from .doc import Article, Issue, IssueMeta, Sentence
from .lexicon import ITEM_MARKS
from .normalize import TERMINAL
from .terminal import display_width

_BULLET = re.compile(rf"^[{ITEM_MARKS}]\s*")
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])\s*")
_SECTION = re.compile(r"^【\s*(.+?)\s*】$")
_TOC_TITLE = re.compile(r"^目\s*录$")
_TOC_ENTRY = re.compile(r"(?:[.·…．\-—]{3,}|\s{2,})\s*\d{1,3}$")
_TITLE = re.compile(r"^#*\s*(\S{2,30}?(?:简报|日报|晚报|时报|速报|快报|周报|月报|通讯|动态|专刊|要报|通报|参考|资讯"
                    r"|要闻|简讯|快讯|周刊|月刊|导报))(?:\s|$)")
_LABEL = re.compile(r"(?<!总)(?:(\d{4})\s*年\s*)?第\s*(\d{1,4})\s*期")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{1,2})-(\d{1,2})")
#: After a masthead's compiler: its city or its address in brackets, and how many copies were printed.
_AFTER_COMPILER = r"(?:[（(](?:地址\s*[：:][^（）()]{2,40}|[^（）()\s]{2,12})[）)])?\s*(?:[（(]共印[^（）()]{1,12}[）)])?"
_PUBLISHER = re.compile(rf"(?:^|\s)(\S{{2,30}}?)\s*(?:编印|编|主办){_AFTER_COMPILER}$"
                        r"|(?:主办|编印)(?:单位)?[:：]\s*([^\s（(]{2,30}(?:[（(][^（）()\s]{2,6}[）)][^\s（(]+)?)"  # (not its address in brackets)
                        r"|^(\S{4,30}(?:中心|研究院|研究所|秘书处|办公室|编辑部|协会|联盟|委员会))$")
#: Words of a headline, never of a publisher's name alone on its line.
_HEADLINE_VERBS = re.compile(r"共建|携手|揭牌|成立|签署|签约|获批|入选|启动|举办|召开")
_SUBITEM = re.compile(r"^\d{1,2}[.．、]\s*(?=\D)")
_SENTENCE_END = re.compile(r"[。！？!?…]+[”’」』）)]*")
HEADER_LINES = 8
#: Characters of the longest sentence kept whole (real ones stay under 300).
MAX_SENTENCE = 600


def segment(issue: Issue, fallback: IssueMeta | None = None) -> Issue:
    """Fill ``issue.meta``, ``issue.articles`` and ``issue.sentences`` in place.

    ``fallback`` fills what the text does not state (a document's own metadata)."""
    lines = _lines_with_offsets(issue.text)
    starts, sections = _article_starts(lines)
    header = lines[: min(HEADER_LINES, starts[0] if starts else len(lines))]
    issue.meta = read_meta([text for _, text in header])
    if fallback is not None:
        for f in fields(IssueMeta):
            if getattr(issue.meta, f.name) is None:
                setattr(issue.meta, f.name, getattr(fallback, f.name))
    issue.articles = _articles(issue.text, lines, starts, sections)
    issue.sentences = _sentences(issue.text, issue.articles)
    return issue


def read_meta(header: list[str]) -> IssueMeta:
    meta = IssueMeta()
    for line in header:
        if meta.title is None and (m := _TITLE.match(line)):
            meta.title = m.group(1)
        if meta.label is None and (m := _LABEL.search(line)):
            meta.label, meta.number = m.group(0), m.group(2)
        if meta.date is None and (d := _first_date(line)):
            meta.date = d
        if meta.publisher is None and (m := _PUBLISHER.search(_strip_dates(line))) \
                and not (m.group(3) and _HEADLINE_VERBS.search(m.group(3))):  # (某区与某大学共建某研究院: a headline)
            meta.publisher = m.group(1) or m.group(2) or m.group(3)
    return meta


def _first_date(line: str) -> date | None:
    for m in _DATE.finditer(line):
        y, mo, d = (int(g) for g in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
        try:
            return date(y, mo, d)
        except ValueError:
            continue
    return None


def _strip_dates(line: str) -> str:
    return _DATE.sub(" ", _LABEL.sub(" ", line)).strip()


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _article_starts(lines: list[tuple[int, str]]) -> tuple[list[int], dict[int, str | None]]:
    """Indices of headline lines, and the section in force at each."""
    texts = [t for _, t in lines]
    toc = _toc_lines(texts)
    md_levels = sorted({len(m.group(1)) for t in texts if (m := _MD_HEADING.match(t))})
    md_top = max(md_levels[:2]) if md_levels else 0
    markers = {
        "bullet": lambda i, t: bool(_BULLET.match(t)),
        "markdown": lambda i, t: bool((m := _MD_HEADING.match(t)) and len(m.group(1)) <= md_top),
        "numbered": lambda i, t: bool(_NUMBERED.match(t)) and _short_title(t),
    }
    is_section = lambda i, t: False  # noqa: E731
    # a layout is told by its headlines: a bullet that opens a whole paragraph (● 某某公司日前…。)
    # is an item of a roundup, which says nothing of how the issue's headlines are marked
    counts = {name: sum(1 for i, t in enumerate(texts) if i not in toc and test(i, t) and _short_title(t))
              for name, test in markers.items()}
    layout = max(counts, key=lambda name: counts[name])
    subitems = sum(1 for i, t in enumerate(texts) if i not in toc and _SUBITEM.match(t) and _short_title(t))
    if layout == "numbered" and counts[layout] >= 2 and subitems >= counts[layout]:
        # a digest: 一、 headings are sections, the 1. 2. items under them are the articles
        is_section = markers["numbered"]
        is_headline = lambda i, t: bool(_SUBITEM.match(t)) and _short_title(t)  # noqa: E731
    elif counts[layout] >= 3:
        is_headline = markers[layout]
    else:  # no consistent marker: short lines standing alone before a paragraph
        is_headline = lambda i, t: any(test(i, t) for test in markers.values()) or _standalone_title(texts, i)  # noqa: E731
    starts: list[int] = []
    sections: dict[int, str | None] = {}
    section: str | None = None
    for i, t in enumerate(texts):
        if i in toc or not t.strip():
            continue
        if m := _SECTION.match(t):
            section = re.sub(r"\s+", "", m.group(1))
            continue
        if is_section(i, t):  # also an article: some sections have no numbered items
            section = _headline(t)
            starts.append(i)
            sections[i] = section
            continue
        if i >= 2 and is_headline(i, t) and not (i < HEADER_LINES and _masthead_line(t)):
            starts.append(i)
            sections[i] = section
    return starts, sections


def _masthead_line(line: str) -> bool:
    """2025年第9期（总第41期）, 某某秘书处编印 2025年3月2日: the masthead's lines, never a headline."""
    rest = _strip_dates(line)
    return bool(_LABEL.search(line)) or not rest or bool((m := _PUBLISHER.search(rest)) and not m.group(3))


def _toc_lines(texts: list[str]) -> set[int]:
    toc: set[int] = set()
    for i, t in enumerate(texts):
        if _TOC_TITLE.match(t.strip()):
            toc.add(i)
            j = i + 1
            while j < len(texts) and (_TOC_ENTRY.search(texts[j]) or not texts[j].strip()):
                toc.add(j)
                j += 1
    return toc


def _short_title(t: str) -> bool:
    return display_width(t) <= 70 and t.rstrip()[-1:] not in TERMINAL


def _standalone_title(texts: list[str], i: int) -> bool:
    t = texts[i]
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    return (_short_title(t) and display_width(nxt) > display_width(t) and not t.startswith(("◎", "图为"))
            and not re.search(r"(?:摄|供图)$", t) and " | " not in t)  # a table's row is no headline


def _headline(t: str) -> str:
    for pattern in (_BULLET, _MD_HEADING, _NUMBERED, _SUBITEM):
        t = pattern.sub("", t, count=1)
    return t.strip()


def _articles(text: str, lines, starts: list[int], sections: dict[int, str | None]) -> list[Article]:
    articles = []
    first = lines[starts[0]][0] if starts else len(text)
    if text[:first].strip():  # what stands before the first headline (the newline before it left out)
        articles.append(Article(0, max(first - 1, 0) if starts else len(text)))
    for k, i in enumerate(starts):
        start = lines[i][0]
        end = lines[starts[k + 1]][0] - 1 if k + 1 < len(starts) else len(text)
        articles.append(Article(start, end, _headline(lines[i][1]), sections.get(i)))
    return articles


def _sentences(text: str, articles: list[Article]) -> list[Sentence]:
    out = []
    for a_index, article in enumerate(articles):
        pos = article.start
        for line in text[article.start:article.end].split("\n"):
            for start, end in _split(line):
                out.append(Sentence(pos + start, pos + end, a_index, line[start:end]))
            pos += len(line) + 1
    return out


def _bounded(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """A run of text longer than any sentence (a flattened table, a file of one line)
    cut into pieces of at most MAX_SENTENCE characters, at a comma or a space when
    there is one: later stages work sentence by sentence, so memory stays flat."""
    pieces = []
    while end - start > MAX_SENTENCE:
        window = line[start:start + MAX_SENTENCE]
        cut = max(window.rfind(c) for c in "，；、,; ")
        stop = start + (cut + 1 if cut > MAX_SENTENCE // 2 else MAX_SENTENCE)
        pieces.append((start, stop))
        start = stop
    pieces.append((start, end))
    return pieces


def _split(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(line):
        spans.extend(_bounded(line, start, m.end()))
        start = m.end()
    spans.extend(_bounded(line, start, len(line)))
    out = []
    for s, e in spans:
        while s < e and line[s].isspace():
            s += 1
        while e > s and line[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
