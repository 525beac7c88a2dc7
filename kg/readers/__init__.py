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
