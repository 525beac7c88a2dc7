"""Input readers: one module per format, each a plugin of kind ``"reader"``.

``text`` (.txt, .md), ``pdf`` (.pdf: PDFium's text layer laid out by position,
Tesseract for scans with ``--ocr``), ``docx`` (.docx: python-docx) and ``html``
(.html, .htm: trafilatura). A reader takes a path and returns a
:class:`kg.doc.RawIssue`; it raises ``ValueError`` with a one-line reason for a
file that cannot be read, which :func:`kg.ingest.read_issues` reports and skips.
The modules import their libraries when a file of their kind is read.

What the readers tell the normalizer (:mod:`kg.normalize`) about a document's
layout travels in the text itself, as two Unicode characters made for it:
``U+2028`` LINE SEPARATOR where a line was broken inside a paragraph, and
``U+2029`` PARAGRAPH SEPARATOR at the end of a line that ends its paragraph.
Headings are written as Markdown headings (``## 标题``), which the segmenter reads.
"""
from __future__ import annotations

import os
from pathlib import Path


def issue_id(path: Path) -> str:
    """An issue's id: its file name without the extension, bytes that are not UTF-8 escaped."""
    return display(path.stem)


def display(path: Path | str) -> str:
    """A path as a terminal can show it: bytes that are not UTF-8 (a name from an
    archive made on another system) and control characters escaped."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode() for ch in text)
