"""PDF input against text input: the samples and the corpus printed to two-column PDFs.

    . .venv/bin/activate
    python benchmarks/bench_documents.py [--corpus DIR] [--gold FILE] [--out DIR] [--extractors] [--json]

Each issue (the three samples and ``../shared/corpus/*.txt``) is normalized as
``kg build`` does and printed by headless Chromium (tests/docmaker.py) on A4 in two
columns, with a running header, a footer with the page number and a CJK font that
shares the radicals' glyphs with the ordinary characters (as Noto Sans CJK does),
so the PDFs' ToUnicode maps hold radicals. Then, in the same run:

- sentences recovered exactly: each sentence of the text build (Markdown heading
  marks aside, which a printed page does not show) found in the PDF build;
- the dev gold's entity and relation F1 (``../shared/eval/score_kg.py``) of the
  graph built from the PDFs and of the graph built from the text files;
- reading speed: pages per second of the PDF reader alone;
- radicals and compatibility ideographs: how many a ToUnicode-only extractor
  (pypdf) returns from the PDFs, and how many are left in the PDF build's sentences
  and evidence (none should be);
- with ``--extractors``: the other extractors measured before choosing PDFium
  (pypdf, pdfminer.six, pdfplumber, pypdfium2's plain text, where installed), each
  text put through kg's normalizer: sentences recovered and pages per second.

It asserts nothing; it prints a table, or JSON with ``--json``.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from docmaker import print_pdf, radical_font
from helpers import find_chromium

import kg
from kg import export as exporters
from kg.doc import RawIssue
from kg.readers.chars import unfolded
from kg.readers.pdf import read_pdf
from kg.readers.text import read_text
from kg.stages import prepare


def sentences(issue) -> Counter:
    return Counter(re.sub(r"^#{1,6}\s+", "", s.text) for s in issue.sentences)


def recovered(text_issue, pdf_issue) -> tuple[int, int]:
    want = sentences(text_issue)
    return sum((want & sentences(pdf_issue)).values()), sum(want.values())


def pages_of(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def score(gold: Path, graph: Path, work: Path) -> dict:
    export = work / f"{graph.name}.jsonl"
    with kg.open(graph) as g, export.open("wb") as f:
        exporters.export(g, "jsonl", f)
    scorer = gold.parent.parent / "score_kg.py"
    done = subprocess.run([sys.executable, str(scorer), str(gold), str(export), "--json-only"],
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {"entities": result["entities"]["micro"]["f1"], "relations": result["relations"]["micro"]["f1"],
            "export": export}


def left_in_graph(export: Path) -> list[str]:
    """Radicals or compatibility ideographs in the export's mention texts and evidence."""
    found = []
    for line in export.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts = [m.get("text", "") for m in record.get("mentions", [])]
        texts += [e.get("sentence", "") for e in record.get("evidence", [])]
        found += [c for t in texts for c in unfolded(t)]
    return found


def tounicode_radicals(pdfs: list[Path]) -> int | None:
    """What pypdf (ToUnicode only, no /ActualText) returns in the radical blocks."""
    try:
        import pypdf
    except ImportError:
        return None
    return sum(len(unfolded(page.extract_text() or "")) for pdf in pdfs for page in pypdf.PdfReader(pdf).pages)


def other_extractors(pdfs: dict[str, Path], text_issues: dict) -> dict[str, dict]:
    """Each installed extractor's text of every PDF, normalized by kg, against the text build."""
    def with_pypdf(path):
        import pypdf
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)

    def with_pdfminer(path):
        from pdfminer.high_level import extract_text
        return extract_text(str(path))

    def with_pdfplumber(path):
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)

    def with_pdfium_text(path):
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(path))
        try:
            return "\n".join(doc[k].get_textpage().get_text_range() for k in range(len(doc)))
        finally:
            doc.close()

    def with_kg(path):
        return read_pdf(path).text

    import logging
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    out = {}
    for name, fn in (("pypdf", with_pypdf), ("pdfminer.six", with_pdfminer), ("pdfplumber", with_pdfplumber),
                     ("pypdfium2 get_text_range", with_pdfium_text), ("kg (pypdfium2 + layout)", with_kg)):
        try:
            ok = total = radicals = 0
            started = time.perf_counter()
            texts = {doc_id: fn(path) for doc_id, path in pdfs.items()}
            seconds = time.perf_counter() - started
        except ImportError:
            continue
        for doc_id, text in texts.items():
            got, want = recovered(text_issues[doc_id], prepare(RawIssue(doc_id, pdfs[doc_id], "pdf", text)))
            ok, total = ok + got, total + want
            radicals += len(unfolded(text))
        pages = sum(pages_of(p) for p in pdfs.values())
        out[name] = {"recovered": ok / total, "pages_per_s": pages / seconds, "radicals_in_text": radicals}
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "eval" / "gold" / "dev.jsonl")
    parser.add_argument("--out", type=Path, default=None, help="keep the PDFs and graphs here")
    parser.add_argument("--extractors", action="store_true", help="also measure the other PDF extractors")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("bench_documents: needs chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    work = args.out or Path(tempfile.mkdtemp(prefix="kg-bench-documents-"))
    (work / "text").mkdir(parents=True, exist_ok=True)
    (work / "pdf").mkdir(parents=True, exist_ok=True)
    sources = {"samples": sorted((REPO / "samples").glob("*.txt")),
               "corpus": sorted(args.corpus.glob("*.txt")) if args.corpus.is_dir() else []}
    text_issues = {p.stem: prepare(read_text(p)) for files in sources.values() for p in files}

    started = time.perf_counter()
    font = radical_font(work, "".join(i.text for i in text_issues.values()))
    pdfs = {doc_id: print_pdf(issue.text, work / "pdf" / f"{doc_id}.pdf", title=issue.meta.title or "简报", font=font)
            for doc_id, issue in text_issues.items()}
    print_seconds = time.perf_counter() - started
    for pdf in pdfs.values():
        pdf.with_suffix(".html").unlink()

    read_pdf(next(iter(pdfs.values())))  # imports and first calls out of the timing
    read_started = time.perf_counter()
    raws = {doc_id: read_pdf(path) for doc_id, path in pdfs.items()}
    read_seconds = time.perf_counter() - read_started
    pdf_issues = {doc_id: prepare(raw) for doc_id, raw in raws.items()}
    pages = sum(pages_of(p) for p in pdfs.values())

    report: dict = {"pdfs": len(pdfs), "pages": pages, "print_seconds": round(print_seconds, 1),
                    "read_pages_per_s": round(pages / read_seconds, 1), "sets": {}}
    for name, files in sources.items():
        if not files:
            continue
        per_doc = {p.stem: recovered(text_issues[p.stem], pdf_issues[p.stem]) for p in files}
        ok, total = sum(v[0] for v in per_doc.values()), sum(v[1] for v in per_doc.values())
        report["sets"][name] = {"recovered": ok, "sentences": total, "share": round(ok / total, 4),
                                "per_doc": {k: f"{a}/{b}" for k, (a, b) in per_doc.items()}}
    report["radicals_tounicode_pypdf"] = tounicode_radicals(list(pdfs.values()))
    report["radicals_left_in_pdf_sentences"] = sum(len(unfolded(s.text)) for i in pdf_issues.values()
                                                   for s in i.sentences)

    for src in (p for files in sources.values() for p in files):  # the files the PDFs were printed from
        (work / "text" / src.name).write_bytes(src.read_bytes())
    builds = {}
    for kind, folder in (("text", work / "text"), ("pdf", work / "pdf")):
        t = time.perf_counter()
        kg.build([folder], work / f"graph-{kind}")
        builds[kind] = round(time.perf_counter() - t, 1)
    report["build_seconds"] = builds
    if args.gold.is_file() and sources["corpus"]:
        text_scores = score(args.gold, work / "graph-text", work)
        pdf_scores = score(args.gold, work / "graph-pdf", work)
        report["dev_gold"] = {
            "entities_f1": {"text": text_scores["entities"], "pdf": pdf_scores["entities"],
                            "difference": round(pdf_scores["entities"] - text_scores["entities"], 4)},
            "relations_f1": {"text": text_scores["relations"], "pdf": pdf_scores["relations"],
                             "difference": round(pdf_scores["relations"] - text_scores["relations"], 4)},
        }
        report["radicals_left_in_pdf_graph"] = len(left_in_graph(pdf_scores["export"]))
    if args.extractors:
        report["extractors"] = {k: {m: round(v, 4) if isinstance(v, float) else v for m, v in r.items()}
                                for k, r in other_extractors(pdfs, text_issues).items()}
    report["work"] = str(work)

    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{report['pdfs']} PDFs, {pages} pages, printed in {report['print_seconds']} s; "
          f"read at {report['read_pages_per_s']} pages/s")
    for name, s in report["sets"].items():
        print(f"sentences recovered exactly, {name}: {s['recovered']}/{s['sentences']} = {s['share']:.1%}  "
              + "  ".join(f"{k[:12]} {v}" for k, v in s["per_doc"].items()))
    if "dev_gold" in report:
        for what in ("entities_f1", "relations_f1"):
            d = report["dev_gold"][what]
            print(f"dev gold {what.replace('_', ' ')}: from text {d['text']:.4f}, from PDF {d['pdf']:.4f} "
                  f"(difference {d['difference']:+.4f})")
        print(f"radicals or compatibility ideographs left in the PDF graph's mentions and evidence: "
              f"{report['radicals_left_in_pdf_graph']}")
    print(f"radicals a ToUnicode-only extractor (pypdf) returns from these PDFs: {report['radicals_tounicode_pypdf']}; "
          f"left in the PDF build's sentences: {report['radicals_left_in_pdf_sentences']}")
    print(f"build seconds: from text {builds['text']}, from PDF {builds['pdf']}")
    for name, r in report.get("extractors", {}).items():
        print(f"  {name:26} recovered {r['recovered']:.1%}  {r['pages_per_s']:6.1f} pages/s  "
              f"radicals in its text {r['radicals_in_text']}")
    print(f"files kept in {work}" if args.out else "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
