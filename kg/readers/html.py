"""Web pages (.html, .htm): the main text, without navigation and boilerplate (trafilatura).

trafilatura finds the article in the page and drops menus, breadcrumbs, sidebars,
share buttons and footers; its XML output keeps the structure: headings become
Markdown headings, each row of a table one line (cells between `` | ``), each list
item one line. The title and the publication date come from the page's metadata
(``og:title``, ``<title>``; ``article:published_time``, other date meta tags,
``<time datetime>``) and fill the issue's where its text states none.

The bytes are decoded as the page says (a byte order mark, or ``<meta charset>``),
else as UTF-8; a page that is neither is refused, with a reason that says so.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from ..doc import IssueMeta, RawIssue
from ..normalize import PARAGRAPH_END
from . import issue_id
from .text import decode_bom

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})")
_DATE_META = ("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
              "publish_date", "PubDate", "dc.date", "DC.date.issued", "date")
#: A site's name after the title in <title>: 标题 - 站点, 标题_站点, 标题 | 站点.
_SITE_SUFFIX = re.compile(r"\s*(?:\s[-–—|]\s|_|｜)\s*[^-–—|_｜]{1,30}$")


def read_html(path: Path) -> RawIssue:
    """The article in a saved web page; ValueError says why it cannot be read."""
    data = path.read_bytes()
    text, encoding = decode_html(data)
    import trafilatura
    from lxml import etree

    extracted = trafilatura.extract(text, output_format="xml", include_tables=True, include_comments=False,
                                    include_images=False, include_links=False, include_formatting=False,
                                    deduplicate=False, with_metadata=False)
    if not extracted:
        raise ValueError("no main text found in the page")
    main = etree.fromstring(extracted.encode("utf-8")).find("main")
    lines = _lines(main) if main is not None else []
    if not lines:
        raise ValueError("no main text found in the page")
    return RawIssue(issue_id(path), path, encoding, "\n".join(lines), page_meta(text))


def decode_html(data: bytes) -> tuple[str, str]:
    """(text, encoding): as a byte order mark or ``<meta charset>`` says, else UTF-8."""
    if not data.strip():
        raise ValueError("empty file")
    bom = decode_bom(data)
    if bom:
        return bom
    declared = _CHARSET.search(data[:4096])
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80"):
        name = "gb18030"  # what pages labelled so really use
    try:
        return data.decode(name), name
    except LookupError:
        raise ValueError(f"declares an unknown charset {name!r}") from None
    except UnicodeDecodeError:
        said = f"declares {name} but" if declared else "is not UTF-8 (byte {e.start}) and declares no charset; it"
        raise ValueError(f"{said} cannot be decoded as such: save it as UTF-8 or declare its charset") from None


def _lines(main: Any) -> list[str]:
    lines = []
    for element in main:
        tag = element.tag
        if tag == "head":
            text = _text(element)
            level = int(m.group(1)) if (m := re.match(r"h(\d)", element.get("rend") or "")) else 2
            if text:
                lines.append("#" * min(level, 6) + " " + text + PARAGRAPH_END)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [_text(cell) for cell in row.iter("cell")]
                if any(cells):
                    lines.append(" | ".join(cells) + PARAGRAPH_END)
        elif tag == "list":
            lines.extend(text + PARAGRAPH_END for item in element.iter("item") if (text := _text(item)))
        elif text := _text(element):
            lines.extend(part.strip() for part in text.split("\n") if part.strip())
    return lines


def _text(element: Any) -> str:
    """The element's text, a line break where trafilatura kept one (<lb/>)."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _text(child))
        parts.append(child.tail or "")
    return re.sub(r"[ \t\r\f\v\u00a0]+", " ", "".join(parts)).strip()


def page_meta(page: str) -> IssueMeta:
    """Title and publication date from the page's head (and <time>), not from its text."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.fromstring(page)
    except (ValueError, etree.ParserError):
        return IssueMeta()
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key and meta.get("content"):
            metas.setdefault(key.strip().lower(), meta.get("content").strip())
    title = metas.get("og:title")
    if not title:
        found = tree.find(".//title")
        title = _SITE_SUFFIX.sub("", found.text_content().strip()) if found is not None else None
    published = next((metas[k.lower()] for k in _DATE_META if metas.get(k.lower())), None)
    if published is None:
        time = next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None)
        published = time
    return IssueMeta(title=re.sub(r"\s+", " ", title).strip() or None if title else None, date=_date(published))


def _date(value: str | None) -> date | None:
    m = _DATE.search(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
