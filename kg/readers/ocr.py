"""Scanned pages read by Tesseract (Debian: ``tesseract-ocr``, ``tesseract-ocr-chi-sim``).

A page is rendered by PDFium in grey at 300 dpi, written as a PGM image (no imaging
library needed) and read by the ``tesseract`` program with the Simplified Chinese
model. Its TSV output boxes every word and line; each word's characters become
:class:`~kg.readers.layout.Glyph` boxes on their line, in points, so a scan goes
through the same layout as a text layer: columns, running headers and page
numbers, paragraphs and headings.
"""
from __future__ import annotations

import csv
import functools
import io
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ToolNotFound
from .layout import Glyph

LANGUAGE = "chi_sim"
INSTALL = "apt-get install tesseract-ocr tesseract-ocr-chi-sim"
DPI = 300
#: Seconds one page may take.
TIMEOUT = 600


@functools.cache
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


def read_page(page: Any, number: int) -> list[Glyph]:
    """The characters Tesseract reads on one PDF page (a pypdfium2 page), boxed in points."""
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
    return glyphs_from_tsv(done.stdout, 72 / DPI)


def _write_pgm(path: Path, bitmap: Any) -> None:
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    data = bytes(bitmap.buffer)
    if bitmap.n_channels != 1:
        raise ValueError("OCR: the page was not rendered in grey")
    rows = b"".join(data[y * stride:y * stride + width] for y in range(height))
    path.write_bytes(f"P5 {width} {height} 255\n".encode() + rows)


def glyphs_from_tsv(tsv: str, scale: float) -> list[Glyph]:
    """Tesseract's TSV as glyphs, ``scale`` points per pixel: a word's box shared evenly by
    its characters, kept in Tesseract's order along the line (a word never starts before
    the previous one ends), each as tall as its line (a word's own box is only its ink)."""
    boxes: dict[tuple[str, ...], tuple[float, float]] = {}
    glyphs: list[Glyph] = []
    line_end: dict[tuple[str, ...], float] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        key = (row.get("page_num", ""), row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        try:
            left, top, width, height = (float(row[k]) for k in ("left", "top", "width", "height"))
        except (KeyError, TypeError, ValueError):
            continue
        if row.get("level") == "4":
            boxes[key] = (top * scale, (top + height) * scale)
            continue
        word = (row.get("text") or "").strip()
        if row.get("level") != "5" or not word or key not in boxes:
            continue
        top_pt, bottom_pt = boxes[key]
        x0 = max(left * scale, line_end.get(key, 0.0))
        x1 = max((left + width) * scale, x0 + 0.1 * len(word))
        step = (x1 - x0) / len(word)
        for k, char in enumerate(word):
            glyphs.append(Glyph(char, x0 + k * step, x0 + (k + 1) * step, top_pt, bottom_pt, base=bottom_pt))
        line_end[key] = x1
    return glyphs


def _join_words(words: list[str]) -> str:
    text = words[0]
    for word in words[1:]:
        if text[-1].isascii() and text[-1].isalnum() and word[0].isascii() and word[0].isalnum():
            text += " "
        text += word
    return text
