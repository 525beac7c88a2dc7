"""PDF, Word and web-page input, from real files made by real writers (tests/docmaker.py):
Chromium prints the samples to PDF, python-docx writes Word files, a scan is a printed
page as an image. What is read must be what the text build reads."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest
from docmaker import print_pdf, radical_font, scan_pdf, web_page, word_file
from helpers import SAMPLES, find_chromium

from kg.doc import RawIssue
from kg.ingest import Skipped, find_files, read_issues
from kg.normalize import PARAGRAPH_END, SOFT_BREAK, normalize
from kg.readers import layout
from kg.readers.chars import fold, unfolded
from kg.readers.docx import read_docx
from kg.readers.html import read_html
from kg.readers.pdf import read_pdf
from kg.readers.text import read_text
from kg.stages import prepare

needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="no chromium binary (apt-get install chromium)")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="no tesseract (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")
BULLETIN = SAMPLES / "changfeng_2021_27.txt"
NEWSPAPER = SAMPLES / "kjrb_special_2023.txt"
#: Text that reached the printer already damaged, and what it stands for.
DAMAGED, MEANT = "⼯业和信息化部⻓期⽀持⺠营企业，⻔槛降低。", "工业和信息化部长期支持民营企业，门槛降低。"


def sentences(issue) -> Counter:
    """Sentences as printed: a Markdown heading's marks are not part of the page."""
    return Counter(re.sub(r"^#{1,6}\s+", "", s.text) for s in issue.sentences)


def recovered(pdf_issue, text_issue) -> float:
    want = sentences(text_issue)
    return sum((want & sentences(pdf_issue)).values()) / sum(want.values())


@pytest.fixture(scope="session")
def printed(tmp_path_factory):
    """The samples printed once per session: the bulletin in two columns, the newspaper
    page in one, with a font that shares glyphs between radicals and characters."""
    folder = tmp_path_factory.mktemp("printed")
    bulletin, newspaper = prepare(read_text(BULLETIN)), prepare(read_text(NEWSPAPER))
    font = radical_font(folder, bulletin.text + newspaper.text + "某信息速报" + DAMAGED + MEANT)
    return {
        "folder": folder, "font": font, "bulletin": bulletin, "newspaper": newspaper,
        "two": print_pdf(bulletin.text, folder / "changfeng_2021_27.pdf", title="长风联盟工作简报", font=font),
        "one": print_pdf(newspaper.text, folder / "kjrb_special_2023.pdf", title="科技日报", columns=1, font=font),
    }


# -- PDF --------------------------------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_two_column_pdf_reads_as_the_text_does(printed):
    pypdf = pytest.importorskip("pypdf")
    pdf = printed["two"]
    # the file shows the problem: a ToUnicode-only extractor returns radicals for 长, 一, 力 …
    assert unfolded("".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages))
    raw = read_pdf(pdf)
    issue = prepare(raw)
    assert raw.encoding == "pdf" and recovered(issue, printed["bulletin"]) >= 0.95
    assert not unfolded(issue.text)
    assert "内部资料" not in issue.text and "第 1 页" not in issue.text  # running header and footer
    assert not any(re.fullmatch(r"\d{1,3}", line.strip()) for line in issue.text.split("\n"))
    assert issue.meta.title == "长风联盟工作简报" and issue.meta.date == dt.date(2021, 12, 10)  # the text's own
    assert "北京大学首都发展研究院在会上发布了《京津冀协同创新指数（2021）》。" in issue.text
    # the same articles (a space where a headline broke at it is not on the printed page)
    assert [re.sub(r"\s", "", a.headline or "") for a in issue.articles] == \
        [re.sub(r"\s", "", a.headline or "") for a in printed["bulletin"].articles]


@pytest.mark.browser
@needs_chromium
def test_one_column_pdf_with_headings(printed):
    issue = prepare(read_pdf(printed["one"]))
    assert recovered(issue, printed["newspaper"]) >= 0.95
    headlines = [a.headline for a in issue.articles if a.headline]
    assert "北京：算力算法数据协同发力 数字经济标杆城市建设提速" in headlines  # a heading wrapped, rejoined


@pytest.mark.browser
@needs_chromium
def test_pdf_metadata_fills_what_the_text_does_not_say(printed):
    text = "工业和信息化部近日印发通知，要求各地加快推进中小企业数字化转型。\n北京市经济和信息化局表示将出台配套措施。"
    pdf = print_pdf(text, printed["folder"] / "untitled.pdf", title="某信息速报", columns=1, font=printed["font"],
                    page="A5")
    issue = prepare(read_pdf(pdf))
    today = dt.datetime.now(dt.UTC).date()
    assert issue.meta.title == "某信息速报"
    assert issue.meta.date is not None and abs((issue.meta.date - today).days) <= 1  # /CreationDate


@pytest.mark.browser
@needs_chromium
def test_radicals_in_a_text_layer_are_folded(printed):
    pdf = print_pdf(DAMAGED, printed["folder"] / "radicals.pdf", title="部首", columns=1, page="A5",
                    font=printed["font"])
    raw = read_pdf(pdf)
    assert unfolded(raw.text)  # the text layer holds them as printed …
    issue = prepare(raw)
    assert MEANT in issue.text and not unfolded(issue.text)  # … the graph does not


@pytest.mark.browser
@needs_chromium
def test_a_scan_is_skipped_without_ocr_and_read_with_it(printed):
    excerpt = "\n".join(printed["bulletin"].text.split("\n")[:6])
    page = print_pdf(excerpt, printed["folder"] / "page.pdf", title="长风联盟工作简报", page="A5")
    scan = scan_pdf(page, printed["folder"] / "scan.pdf")
    [skipped] = read_issues([scan])
    assert isinstance(skipped, Skipped) and "--ocr" in skipped.reason and "\n" not in skipped.reason
    pypdf = pytest.importorskip("pypdf")
    mixed = pypdf.PdfWriter()  # a printed page, then the scan of it: the scan is named, not read
    mixed.append(str(page))
    mixed.append(str(scan))
    with (printed["folder"] / "mixed.pdf").open("wb") as f:
        mixed.write(f)
    [partly] = read_issues([printed["folder"] / "mixed.pdf"])
    assert isinstance(partly, RawIssue) and partly.notes and "--ocr" in partly.notes[0]
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed here (CI installs it)")
    [raw] = read_issues([scan], {"ocr": True})
    assert isinstance(raw, RawIssue) and raw.encoding == "pdf+ocr"
    issue = prepare(raw)
    for name in ("北京大学首都发展研究院", "第五届京津", "天津滨海新区"):
        assert name in issue.text


# -- Word and web pages ------------------------------------------------------------------------


def test_word_headings_paragraphs_and_a_table(tmp_path):
    path = word_file(tmp_path / "digest.docx", title="速报", created=dt.datetime(2022, 5, 20, 9, 30), parts=[
        ("title", "产业信息速报"),
        ("p", "第 5 期"),
        ("h1", "政策动态"),
        ("p", "工业和信息化部近日印发通知，要求各地加快推进中小企业数字化转型。"),
        ("p", "北京市经济和信息化局表示，将出台配套措施。"),
        ("h1", "投融资动态"),
        ("p", "北京澄知智能科技有限公司完成新一轮融资，由北极光创投领投。"),
        ("table", [["企业", "轮次", "领投方"], ["北京澄知智能科技有限公司", "A+ 轮", "北极光创投"]]),
    ])
    raw = read_docx(path)
    assert raw.encoding == "docx"
    issue = prepare(raw)
    assert [a.headline for a in issue.articles if a.headline] == ["政策动态", "投融资动态"]
    assert "北京澄知智能科技有限公司 | A+ 轮 | 北极光创投" in issue.text.split("\n")
    assert "北京市经济和信息化局表示，将出台配套措施。" in [s.text for s in issue.sentences]
    # the text names the title and number; the date, which it does not give, is the file's
    assert (issue.meta.title, issue.meta.date, issue.meta.number) == ("产业信息速报", dt.date(2022, 5, 20), "5")


def test_web_page_main_text_without_boilerplate_and_its_metadata(tmp_path):
    text_issue = prepare(read_text(NEWSPAPER))
    path = tmp_path / "kjrb_special_2023.html"
    body = "\n".join(line for line in text_issue.text.split("\n") if "科技日报" not in line and "星期" not in line)
    path.write_text(web_page(body, title="数字中国·地方行", published="2023-03-08T08:00:00+08:00"), encoding="utf-8")
    raw = read_html(path)
    assert raw.encoding == "utf-8"
    issue = prepare(raw)
    want = sentences(prepare(RawIssue("x", path, "utf-8", body)))
    assert sum((want & sentences(issue)).values()) == sum(want.values())
    for boilerplate in ("首页", "站内搜索", "热点推荐", "分享到", "版权所有", "京ICP备", "网站地图", "浏览次数"):
        assert boilerplate not in issue.text
    assert (issue.meta.title, issue.meta.date) == ("数字中国·地方行", dt.date(2023, 3, 8))


def test_web_page_in_a_declared_charset_is_read(tmp_path):
    path = tmp_path / "gbk.html"
    page = web_page("北京市科学技术委员会发布通知，支持企业开展技术攻关。", title="通知", published="2022-01-05")
    path.write_bytes(page.replace('charset="utf-8"', 'charset="gbk"').encode("gb18030"))
    raw = read_html(path)
    assert raw.encoding == "gb18030" and "北京市科学技术委员会发布通知" in raw.text


# -- files that cannot be read -----------------------------------------------------------------


@pytest.mark.browser
@needs_chromium
def test_bad_documents_are_skipped_with_one_line_each_and_the_rest_is_read(printed, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    good = printed["two"].read_bytes()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(printed["two"]))
    writer.encrypt("secret", algorithm="AES-256")
    with (tmp_path / "encrypted.pdf").open("wb") as f:
        writer.write(f)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 2])
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4000) + b"\n%%EOF\n")
    (tmp_path / "letter.docx").write_text("不是 Word 文件", encoding="utf-8")
    (tmp_path / "page.html").write_bytes("<html><body><p>北京市科委发布通知。</p></body></html>".encode("gb18030"))
    shutil.copy(printed["two"], tmp_path / "good.pdf")
    shutil.copy(BULLETIN, tmp_path / "good.txt")
    results = list(read_issues(find_files([tmp_path])))
    read = sorted(r.path.name for r in results if isinstance(r, RawIssue))
    skipped = {r.path.name: r.reason for r in results if isinstance(r, Skipped)}
    assert read == ["good.pdf", "good.txt"]
    assert set(skipped) == {"encrypted.pdf", "truncated.pdf", "broken.pdf", "letter.docx", "page.html"}
    assert "password" in skipped["encrypted.pdf"] and "truncated" in skipped["truncated.pdf"]
    assert "broken" in skipped["broken.pdf"] and "zip" in skipped["letter.docx"] and "UTF-8" in skipped["page.html"]
    assert all("\n" not in reason and len(reason) < 200 for reason in skipped.values())


@pytest.mark.e2e
@pytest.mark.browser
@needs_chromium
def test_kg_build_reads_a_folder_of_mixed_files(printed, tmp_path):
    folder = tmp_path / "issues"
    folder.mkdir()
    shutil.copy(printed["two"], folder / "changfeng_2021_27.pdf")
    shutil.copy(SAMPLES / "institute_digest_2022_05.txt", folder)
    word_file(folder / "notice.docx", title="通知", created=dt.datetime(2022, 1, 5), parts=[
        ("h1", "通知"), ("p", "北京市科学技术委员会发布通知，支持北京旷视科技有限公司开展技术攻关。")])
    (folder / "news.html").write_text(web_page(printed["newspaper"].text, title="科技日报", published="2023-03-08"),
                                      encoding="utf-8")
    (folder / "fake.docx").write_bytes(b"PK-not-really")
    (folder / "cut.pdf").write_bytes(printed["two"].read_bytes()[:5000])
    out = tmp_path / "kg-data"
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(folder), "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "4 issue(s)" in done.stdout and "Traceback" not in done.stderr
    warnings = [line for line in done.stderr.splitlines() if line.startswith("kg: warning:")]
    assert len(warnings) == 2 and any("fake.docx" in w for w in warnings) and any("cut.pdf" in w for w in warnings)


@pytest.mark.e2e
def test_ocr_without_tesseract_says_how_to_install_it(tmp_path):
    env = dict(os.environ, PATH=str(tmp_path))  # no tesseract on this PATH
    done = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(SAMPLES), "--out", str(tmp_path / "g"), "--ocr"],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "apt-get install tesseract-ocr tesseract-ocr-chi-sim" in done.stderr


# -- the parts, without a browser ----------------------------------------------------------------


def test_folding_table_covers_the_radical_blocks_and_leaves_punctuation_alone():
    assert fold("⼒⽀⽅ ⻓⻅ ⻔⻋⻢ 用⼾ ⺩磊") == "力支方 长见 门车马 用户 王磊"
    assert fold("\uf900") == "\u8c48"  # a compatibility ideograph, canonically the same character
    assert fold("（北京）：“数字”，１２") == "（北京）：“数字”，１２"  # NFKC would make these ASCII
    assert not unfolded(fold("".join(chr(c) for c in range(0x2F00, 0x2FD6))))


def test_reader_marks_soft_breaks_and_paragraph_ends_for_the_normalizer():
    assert normalize(f"北京市经济和信息{SOFT_BREAK}化局发布通知{PARAGRAPH_END}\n近日，") == "北京市经济和信息化局发布通知\n近日，"
    # a paragraph end is kept even where the plain-text rules would join the lines
    assert normalize(f"主要措施如下：{PARAGRAPH_END}\n一是加大投入。") == "主要措施如下：\n一是加大投入。"
    assert normalize("主要措施如下：\n一是加大投入。") == "主要措施如下：一是加大投入。"
    # a join between Chinese and a digit is spaced as the paragraph is
    assert normalize(f"2021 年 12 月，规模达到{SOFT_BREAK}14 万亿元") == "2021 年 12 月，规模达到 14 万亿元"
    assert normalize(f"2021年12月，规模达到{SOFT_BREAK}14万亿元") == "2021年12月，规模达到14万亿元"


def _column_glyphs(text_lines: list[str], x0: float, top: float, size: float = 10.0) -> list[layout.Glyph]:
    glyphs = []
    for k, line in enumerate(text_lines):
        y = top + k * 1.6 * size
        indent = 2 * size if line.startswith("  ") else 0.0
        for i, char in enumerate(line.strip()):
            left = x0 + indent + i * size
            glyphs.append(layout.Glyph(char, left, left + size, y, y + size))
    return glyphs


def _read(pages_glyphs: list[list[layout.Glyph]]) -> str:
    pages = [layout.page_lines(g, k) for k, g in enumerate(pages_glyphs)]
    layout.drop_running_lines(pages)
    layout.order(pages)
    layout.mark_headings(pages)
    return normalize(layout.to_text(pages))


def test_layout_reads_columns_in_order_and_drops_running_lines():
    left = ["  北京市经济和信息化局近日", "发布通知，支持企业开展技术攻", "关和成果转化。", "  市科委表示将配套出台措施"]
    right = ["，加快建设创新平台，并支持企", "业开展联合攻关。", "  中关村管委会也将发布实施", "细则。"]
    bodies = [_column_glyphs(left, 40, 60) + _column_glyphs(right, 340, 60),
              _column_glyphs(["  海淀区发布支持政策。"], 40, 60), _column_glyphs(["  朝阳区启动申报。"], 40, 60)]
    pages = []
    for page, body in enumerate(bodies):
        header = _column_glyphs(["工作简报 · 内部资料"], 150, 20, 8)
        footer = _column_glyphs([f"第 {page + 1} 页"], 180, 800, 8)
        pages.append(header + body[::-1] + footer)  # in no particular order, as writers emit them
    text = _read(pages)
    assert "内部资料" not in text and "页" not in text
    assert text.split("\n") == ["北京市经济和信息化局近日发布通知，支持企业开展技术攻关和成果转化。",
                                "市科委表示将配套出台措施，加快建设创新平台，并支持企业开展联合攻关。",
                                "中关村管委会也将发布实施细则。", "海淀区发布支持政策。", "朝阳区启动申报。"]


def test_layout_marks_larger_type_as_a_heading():
    glyphs = _column_glyphs(["科技园区动态"], 40, 40, 16) + _column_glyphs(
        ["  北京经开区发布新一轮支持政策，", "覆盖集成电路和生物医药领域。"], 40, 80)
    assert _read([glyphs]).split("\n") == ["# 科技园区动态", "北京经开区发布新一轮支持政策，覆盖集成电路和生物医药领域。"]
