"""Word documents (.docx), read with python-docx: the body's paragraphs and tables in order.

Headings (the Title style and Heading 1–9, or any style with an outline level)
become Markdown headings, so each starts an article; a table is one line per row,
its cells between `` | ``. Body paragraphs are left to the normalizer's joins, as a
text file's lines are: a document pasted together from a PDF keeps each printed
line as a paragraph, and the normalizer mends those. The core properties' title
and creation date fill the issue's where its text states none. Page headers and
footers are not read.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

from ..doc import IssueMeta, RawIssue
from ..normalize import PARAGRAPH_END
from . import issue_id

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path) -> RawIssue:
    """The issue in a Word file; ValueError says why it cannot be read."""
    if not zipfile.is_zipfile(path):
        raise ValueError("not a Word document: a .docx file is a zip archive and this one is not "
                         "(a .doc or another file renamed? save it as .docx)")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        return _read(path, document)
    except ValueError:
        raise
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as e:
        raise ValueError(f"not a Word document, or a broken one ({e})") from None
    except Exception as e:  # lxml's parse errors and the like, from a damaged file
        raise ValueError(f"broken Word document ({type(e).__name__}: {e})") from None


def _read(path: Path, document: Any) -> RawIssue:
    lines = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_table(block))
            continue
        text = block.text.strip()
        if not text:
            continue
        level = _level(block)
        lines.append("#" * level + " " + text.replace("\n", " ") + PARAGRAPH_END if level else text)
    if not lines:
        raise ValueError("no text in the document")
    return RawIssue(issue_id(path), path, "docx", "\n".join(lines), _meta(document.core_properties))


def _level(paragraph: Any) -> int:
    """1 for the Title style, 2–6 for Heading 1–5 (and outline levels); 0 for body text."""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    if name.lower() == "title":
        return 1
    if m := _HEADING_STYLE.match(name):
        return min(int(m.group(1)) + 1, 6)
    for owner in (paragraph._p.pPr, style.element.pPr if style is not None else None):
        outline = owner.find(_qn("w:outlineLvl")) if owner is not None else None
        if outline is not None:
            value = int(outline.get(_qn("w:val"), "9"))
            return min(value + 2, 6) if value < 9 else 0
    return 0


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _table(table: Any) -> list[str]:
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is repeated in each column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(re.sub(r"\s+", " ", cell.text).strip())
        if any(cells):
            rows.append(" | ".join(cells) + PARAGRAPH_END)
    return rows


def _meta(properties: Any) -> IssueMeta:
    title = re.sub(r"\s+", " ", properties.title or "").strip()
    created = properties.created
    return IssueMeta(title=title or None, date=created.date() if created is not None else None)
