"""Real documents of an issue, made by real writers, for tests/test_documents.py and
benchmarks/bench_documents.py. Nothing here is committed as a binary: every file is
made in a temporary folder.

- :func:`print_pdf`: headless Chromium prints an issue's HTML page with
  ``--print-to-pdf``: two columns (or one), a running header and a footer with the
  page number in ``@page`` margin boxes, and a CJK font. The font
  (:func:`radical_font`) is WenQuanYi Micro Hei cut down to the characters printed,
  with the Kangxi radicals and the CJK Radicals Supplement mapped to the glyphs of
  the ordinary characters, as Noto Sans CJK and Source Han Sans map them: Chromium
  then writes the radicals into the PDF's ToUnicode map (with ``/ActualText`` beside
  them), which is what makes text extractors return ``⼒`` for 力.
- :func:`scan_pdf`: a printed page rendered to an image (PDFium) and wrapped into a
  PDF without a text layer (Pillow), as a scanner would deliver it.
- :func:`web_page`: an issue as a news site shows it, with navigation, a sidebar,
  share buttons and a footer around the article, and its metadata in the head.
- :func:`word_file`: a Word document written with python-docx.
"""
from __future__ import annotations

import html
import re
import subprocess
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from helpers import OFFLINE, find_chromium

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
#: Supplement radicals mapped in the test font (independent of kg's own table).
_SUPPLEMENT_IN_FONT = {0x2ED3: "长", 0x2EC5: "见", 0x2ED4: "门", 0x2ECB: "车", 0x2EE2: "马", 0x2EDB: "风",
                       0x2EA0: "民", 0x2EC4: "西", 0x2EE9: "黄", 0x2ED8: "青", 0x2EDA: "页"}


def blocks(text: str) -> list[tuple[str, str]]:
    """An issue's normalized text as (tag, text) blocks: Markdown headings become h2–h6."""
    out = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        m = re.match(r"^(#{1,5})\s+(.*)$", line)
        out.append((f"h{len(m.group(1)) + 1}", m.group(2)) if m else ("p", line))
    return out


def print_html(text: str, *, title: str, columns: int = 2, font: Path | None = None,
               header: str | None = None, page: str = "A4") -> str:
    """The page Chromium prints: the issue's text in ``columns`` columns, header and footer
    in margin boxes (the header repeats ``header``, the footer says 第 N 页)."""
    family = "'KgPrint', 'WenQuanYi Micro Hei'" if font else "'WenQuanYi Micro Hei'"
    face = f"@font-face {{ font-family: 'KgPrint'; src: url('{font.resolve().as_uri()}'); }}" if font else ""
    body = []
    for k, (tag, line) in enumerate(blocks(text)):
        css = ' class="masthead"' if k == 0 and tag == "p" else ""
        body.append(f"<{tag}{css}>{html.escape(line)}</{tag}>")
    running = (header if header is not None else f"{title} · 内部资料").replace('"', "'")
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>
{face}
@page {{ size: {page}; margin: 20mm 15mm 18mm;
  @top-center {{ content: "{running}"; font: 9pt {family}; color: #555; }}
  @bottom-center {{ content: "第 " counter(page) " 页"; font: 9pt {family}; }} }}
body {{ margin: 0; font: 10.5pt/1.65 {family}; text-align: justify; column-count: {columns}; column-gap: 9mm; }}
p {{ margin: 0 0 .35em; text-indent: 2em; orphans: 2; widows: 2; }}
p.masthead {{ font-weight: bold; text-indent: 0; }}
h2, h3, h4, h5, h6 {{ font-weight: bold; margin: .5em 0 .3em; break-after: avoid; }}
h2 {{ font-size: 17pt; }} h3 {{ font-size: 14.5pt; }} h4 {{ font-size: 12.5pt; }} h5, h6 {{ font-size: 12.5pt; }}
</style></head><body>
{chr(10).join(body)}
</body></html>
"""


def radical_font(folder: Path, text: str) -> Path:
    """WenQuanYi Micro Hei with only the glyphs ``text`` needs, radicals sharing them."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    pairs: dict[int, int] = {}
    for code in range(0x2F00, 0x2FD6):
        decomposition = unicodedata.decomposition(chr(code)).replace("<compat>", "").split()
        if len(decomposition) == 1:
            pairs[code] = int(decomposition[0], 16)
    pairs.update({code: ord(c) for code, c in _SUPPLEMENT_IN_FONT.items()})
    font = TTCollection(str(WQY)).fonts[0]
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text + "第页内部资料 ·0123456789")
    subsetter.subset(font)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for radical, ordinary in pairs.items():
                if ordinary in table.cmap:
                    table.cmap[radical] = table.cmap[ordinary]
    path = folder / "kg-print.ttf"
    font.save(str(path))
    return path


def chromium_pdf(page_html: Path, pdf: Path, timeout: float = 120) -> Path:
    """Chromium's own ``--print-to-pdf`` of an HTML file (no header or footer of its own)."""
    binary = find_chromium()
    if binary is None:
        raise RuntimeError("no chromium binary found")
    subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-dev-shm-usage", "--no-pdf-header-footer", *OFFLINE,
                    f"--user-data-dir={pdf.parent / '.chromium-profile'}",
                    f"--print-to-pdf={pdf}", page_html.resolve().as_uri()],
                   check=True, capture_output=True, timeout=timeout)
    if not pdf.is_file():
        raise RuntimeError(f"chromium wrote no {pdf}")
    return pdf


def print_pdf(text: str, pdf: Path, *, title: str, columns: int = 2, font: Path | None = None,
              header: str | None = None, page: str = "A4") -> Path:
    """The issue printed to ``pdf`` by Chromium (the HTML is kept beside it)."""
    page_html = pdf.with_suffix(".html")
    page_html.write_text(print_html(text, title=title, columns=columns, font=font, header=header, page=page),
                         encoding="utf-8")
    return chromium_pdf(page_html, pdf)


def scan_pdf(pdf: Path, out: Path, page: int = 0, dpi: int = 300) -> Path:
    """One printed page as a scanner delivers it: an image in a PDF, no text layer."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        doc.close()
    image.save(out, "PDF", resolution=dpi)
    return out


def web_page(text: str, *, title: str, published: str, site: str = "长风网") -> str:
    """The issue as a news site's article page: navigation, breadcrumbs, a sidebar, share
    buttons and a footer around the article; og:title, article:published_time, <time>."""
    nav = "".join(f'<li><a href="/c/{i}">{t}</a></li>'
                  for i, t in enumerate(["首页", "要闻", "政策", "产业", "企业", "投融资", "联盟动态", "关于我们"]))
    side = "".join(f'<li><a href="/a/{i}.html">{t}</a></li>'
                   for i, t in enumerate(["本站招聘启事", "往期简报下载", "会员单位名录", "联系我们"]))
    body = "\n".join(f"<{tag}>{html.escape(line)}</{tag}>" for tag, line in blocks(text))
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{html.escape(title)} - {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}">
<script>var _hmt = _hmt || [];</script><style>body {{ font-family: sans-serif; }}</style>
</head><body>
<header><div class="logo">{site}</div><nav class="menu"><ul>{nav}</ul></nav>
<form class="search"><input name="q" placeholder="站内搜索"><button>搜索</button></form></header>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/c/1">要闻</a> &gt; 正文</div>
<div class="wrap"><main><article>
<div class="info">来源：{site} <time datetime="{published[:10]}">{published[:10]}</time> 浏览次数：1024</div>
{body}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</article></main>
<aside class="sidebar"><h4>热点推荐</h4><ul>{side}</ul></aside></div>
<footer><p>版权所有 © 2021 {site} 京ICP备12345678号-1</p>
<p><a href="/about">关于我们</a> | <a href="/contact">联系我们</a> | <a href="/sitemap">网站地图</a></p></footer>
</body></html>
"""


def word_file(path: Path, *, title: str, created, parts: Iterable[tuple[str, object]]) -> Path:
    """A .docx written by python-docx: ``parts`` are ("title"|"h1"|"h2"|"p", text) or
    ("table", rows); ``created`` goes into the core properties."""
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.created = created
    for kind, value in parts:
        if kind == "title":
            document.add_heading(str(value), level=0)
        elif kind in ("h1", "h2", "h3"):
            document.add_heading(str(value), level=int(kind[1]))
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(value))
    document.save(str(path))
    return path
