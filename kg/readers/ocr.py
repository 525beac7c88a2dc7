"""Scanned pages read by Tesseract (Debian: ``tesseract-ocr``, ``tesseract-ocr-chi-sim``).

A page is rendered by PDFium in grey at 300 dpi, written as a PGM image (no imaging
library needed) and read by the ``tesseract`` program with the Simplified Chinese
model. Its TSV output places every word in a block, a paragraph and a line: words
of a line are joined (a space only between Latin words), lines of a paragraph are
joined by the normalizer (SOFT_BREAK), and each paragraph ends with PARAGRAPH_END.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ToolNotFound
from ..normalize import PARAGRAPH_END, SOFT_BREAK

LANGUAGE = "chi_sim"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
DPI = 300
#: Seconds one page may take.
TIMEOUT = 600


def tesseract() -> str:
    """The tesseract program, with the Chinese model; :class:`ToolNotFound` says how to install it."""
    exe = shutil.which("tesseract")
    if exe is None:
        raise ToolNotFound(f"--ocr needs Tesseract, which is not installed: {INSTALL} "
                           "(as root; on macOS: brew install tesseract tesseract-lang)")
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ToolNotFound(f"--ocr: {exe} does not run ({e}); reinstall it: {INSTALL}") from None
    if LANGUAGE not in (listed.stdout + listed.stderr).split():
        raise ToolNotFound(f"--ocr needs Tesseract's Simplified Chinese model ({LANGUAGE}), which is not installed: "
                           f"{INSTALL}")
    return exe


def read_page(page: Any, number: int) -> str:
    """The text of one PDF page (a pypdfium2 page), paragraphs marked for the normalizer."""
    bitmap = page.render(scale=DPI / 72, grayscale=True)
    with tempfile.TemporaryDirectory(prefix="kg-ocr-") as tmp:
        image = Path(tmp) / "page.pgm"
        _write_pgm(image, bitmap)
        try:
            done = subprocess.run([tesseract(), str(image), "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"],
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ValueError(f"OCR of page {number} took longer than {TIMEOUT} s") from None
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ValueError(f"OCR of page {number} failed: {reason}")
    return from_tsv(done.stdout)


def _write_pgm(path: Path, bitmap: Any) -> None:
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    if bitmap.n_channels != 1:
        raise ValueError("OCR: the page was not rendered in grey")
    rows = b"".join(data[y * stride:y * stride + width] for y in range(height))
    path.write_bytes(f"P5 {width} {height} 255\n".encode() + rows)


def from_tsv(tsv: str) -> str:
    """Tesseract's TSV (words with their block, paragraph and line) as marked text."""
    paragraphs: dict[tuple[str, str], dict[str, list[str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word:
            continue
        lines = paragraphs.setdefault((row["block_num"], row["par_num"]), {})
        lines.setdefault(row["line_num"], []).append(word)
    out = []
    for lines in paragraphs.values():
        out.append(SOFT_BREAK.join(_join_words(words) for words in lines.values()) + PARAGRAPH_END)
    return "\n".join(out)


def _join_words(words: list[str]) -> str:
    text = words[0]
    for word in words[1:]:
        if text[-1].isascii() and text[-1].isalnum() and word[0].isascii() and word[0].isalnum():
            text += " "
        text += word
    return text
