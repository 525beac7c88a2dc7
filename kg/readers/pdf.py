"""PDF: the text layer read with PDFium (pypdfium2), laid out by the characters' positions.

PDFium gives every character with its box, and honours ``/ActualText`` (Chromium
and Word mark there what a glyph shared with a radical stands for). The boxes go
to :mod:`kg.readers.layout`: reading order over columns, running headers, footers
and page numbers dropped by their repetition, paragraphs and headings. What is
left of radicals and compatibility ideographs is folded by the normalizer
(:mod:`kg.readers.chars`).

A page without a text layer (a scan) is read by Tesseract when ``ocr=True``
(:mod:`kg.readers.ocr`); a file whose pages are all scans is otherwise refused with
a reason that says so. Encrypted, broken and truncated files are refused too. The
document's /Title and /CreationDate fill the issue's title and date where its text
states none.
"""
from __future__ import annotations

import ctypes
import re
from datetime import date
from pathlib import Path
from statistics import median
from typing import Any

from ..doc import IssueMeta, RawIssue
from . import issue_id
from .chars import fold
from .layout import Glyph, Page, drop_running_lines, mark_headings, order, page_lines, to_text

#: How far from the end the end-of-file marker may be (writers append a little after it).
_TAIL = 4096
_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_NO_TITLE = re.compile(r"^(?:untitled|无标题|microsoft word - .*|.*\.(?:docx?|pdf|wps|txt))$", re.IGNORECASE)


def read_pdf(path: Path, *, ocr: bool = False) -> RawIssue:
    """The issue in a PDF file; ValueError says why it cannot be read."""
    import pypdfium2 as pdfium

    _check_file(path)
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        raise ValueError(_open_error(e)) from None
    try:
        pages, scanned = _read_pages(doc)
        if scanned and ocr:
            from .ocr import read_page

            for k in scanned:
                pages[k] = page_lines(read_page(doc[k], k + 1), k)
                pages[k].scanned = True
        if not any(p.lines for p in pages):
            if scanned:
                raise ValueError(f"no text layer on its {len(pages)} page(s) (a scan?): "
                                 "build with --ocr to read it with Tesseract")
            raise ValueError("no text in the PDF")
        meta = _meta(doc.get_metadata_dict())
    except pdfium.PdfiumError as e:
        raise ValueError(f"broken PDF ({str(e).rstrip('.')}): download or export it again") from None
    finally:
        doc.close()
    drop_running_lines(pages)
    order(pages)
    mark_headings(pages)
    notes = () if ocr or not scanned else (
        f"page(s) {', '.join(str(k + 1) for k in scanned)} have no text layer (scans) and were left out; "
        "build with --ocr to read them",)
    return RawIssue(issue_id(path), path, "pdf+ocr" if scanned and ocr else "pdf", to_text(pages), meta, notes)


def _check_file(path: Path) -> None:
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(1024)
        f.seek(max(0, size - _TAIL))
        tail = f.read()
    if b"%PDF-" not in head:
        raise ValueError("not a PDF (no %PDF- header)" if head.strip() else "empty file")
    if b"%%EOF" not in tail:
        raise ValueError("truncated PDF (no end-of-file marker): download or export it again")


def _open_error(e: Any) -> str:
    import pypdfium2.raw as pdfium_c

    code = getattr(e, "err_code", None)
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "encrypted PDF: it needs a password to open; save a copy without one"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "encrypted PDF with an unsupported security handler; save a copy without protection"
    return f"broken PDF ({str(e).rstrip('.')}): download or export it again"


def _read_pages(doc: Any) -> tuple[list[Page], list[int]]:
    """Each page's lines, and the indices of the pages that are images without text."""
    import pypdfium2.raw as pdfium_c

    pages, scanned = [], []
    for k in range(len(doc)):
        page = doc[k]
        try:
            glyphs = _glyphs(page)
            pages.append(page_lines(glyphs, k))
            if not glyphs and any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3)):
                scanned.append(k)
        finally:
            page.close()
    return pages, scanned


def _glyphs(page: Any) -> list[Glyph]:
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        height = page.get_height()
        glyphs: list[Glyph] = []
        inked: list[Glyph] = []
        x, y = ctypes.c_double(), ctypes.c_double()
        n = textpage.count_chars()
        i = 0
        while i < n:
            code = pdfium_c.FPDFText_GetUnicode(textpage, i)
            index = i
            i += 1
            if 0xD800 <= code <= 0xDBFF and i < n:  # a character outside the BMP, as UTF-16
                low = pdfium_c.FPDFText_GetUnicode(textpage, i)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                i += 1
            char = chr(code)
            if char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage, index):
                if glyphs and char in " \u3000\u00a0":
                    glyphs[-1].space = True
                continue
            if code < 32 or pdfium_c.FPDFText_HasUnicodeMapError(textpage, index):
                continue
            angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
            if 0.05 < angle < 6.23:  # rotated text: a watermark, a margin note
                continue
            loose = textpage.get_charbox(index, loose=True)
            left, bottom, right, top = loose
            pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
            glyph = Glyph(char, left, right, height - top, height - bottom, base=height - y.value)
            glyphs.append(glyph)
            if loose == textpage.get_charbox(index):
                glyph.x0 = min(glyph.x0, x.value)  # the pen position, not the ink's edge
                inked.append(glyph)
        _repair_heights(glyphs, inked)
        return glyphs
    finally:
        textpage.close()


def _repair_heights(glyphs: list[Glyph], inked: list[Glyph]) -> None:
    """Glyphs whose box is only their ink (PDFium's box for a character it took from
    /ActualText: 一 is a hairline) get the extent the others on their line have above
    and below the baseline (or else the page's)."""
    if not inked:
        return
    skip = {id(g) for g in inked}
    normal = [g for g in glyphs if id(g) not in skip]
    if not normal:
        return
    per_line: dict[float, tuple[float, float, float]] = {}
    for g in normal:
        if _wide(g.char):
            per_line.setdefault(round(g.baseline), (g.baseline - g.top, g.bottom - g.baseline, g.x1 - g.x0))
    usual = (median(g.baseline - g.top for g in normal), median(g.bottom - g.baseline for g in normal), 0.0)
    for g in inked:
        above, below, advance = per_line.get(round(g.baseline), usual)
        g.top, g.bottom = g.baseline - above, g.baseline + below
        if _wide(g.char):
            g.x1 = max(g.x1, g.x0 + advance)


def _wide(c: str) -> bool:
    return "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"


def _meta(info: dict[str, str]) -> IssueMeta:
    title = fold(re.sub(r"\s+", " ", info.get("Title") or "")).strip()
    meta = IssueMeta(title=title if title and not _NO_TITLE.match(title) else None)
    if m := _DATE.match((info.get("CreationDate") or "").strip()):
        try:
            meta.date = date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            pass
    return meta
