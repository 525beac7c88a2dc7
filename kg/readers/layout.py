"""A page's lines in reading order, from the positions of its characters.

The PDF reader hands each page over as :class:`Glyph` boxes (points, y growing
downwards); nothing here knows about PDF. The order of the characters in the file
is not used: writers emit them in any order (margin boxes last, columns
interleaved), so everything is decided by position:

1. rows: glyphs on one baseline;
2. gutters: x-ranges that (almost) no row inks, with text on both sides (a column
   boundary); a page that shows none as a whole is cut at its widest vertical space
   and the parts looked at again (a full-width top above two columns); a page whose
   second column is empty borrows the other pages' gutters;
3. lines: a row cut where it has a gap across a gutter; a row with ink inside a
   gutter (a headline or a masthead across the columns) stays whole;
4. reading order: down each column, left to right, between the lines that run
   across columns (a newspaper's band order);
5. running headers and footers: the same line (digits aside) at the same height on
   at least half of the pages, and lone page numbers at a page's top or bottom;
6. paragraphs: a line that reaches its column's right edge (the next line's first
   word would not have fitted) and is followed by a line that is not indented
   continues; otherwise the paragraph ends. Larger type is a heading (``#``).

:func:`to_text` writes the result with the marks the normalizer reads
(:data:`kg.normalize.SOFT_BREAK`, :data:`kg.normalize.PARAGRAPH_END`): the joins
themselves are the normalizer's.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from ..normalize import PARAGRAPH_END, SOFT_BREAK, TERMINAL

#: Opening brackets and closing punctuation that a line may not start or end with (kinsoku):
#: they travel with the character next to them when a line is broken.
_CLOSING = set("，。、；：！？）》」』”’】〕…,.;:!?)")
_OPENING = set("（《「『“‘【〔(")
_PAGE_NUMBER = re.compile(r"^(?:[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s]*"
                          r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?)$", re.IGNORECASE)
#: A heading's type is at least this much larger than the body's.
HEADING_RATIO = 1.12
SOFT, END = SOFT_BREAK, PARAGRAPH_END + "\n"


@dataclass(slots=True)
class Glyph:
    """One character's box on the page, in points, y growing downwards."""

    char: str
    x0: float
    x1: float
    top: float
    bottom: float
    space: bool = False  # the writer put a space after it
    base: float | None = None  # the baseline, when known (glyphs of a line share it)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def baseline(self) -> float:
        return self.bottom if self.base is None else self.base


@dataclass(slots=True)
class Line:
    """A run of glyphs on one baseline within one column (or across columns)."""

    glyphs: list[Glyph]
    page: int
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # the type size (median glyph height)
    em: float = 0.0  # the width of one Chinese character, or an estimate
    column: int = 0  # -1: across columns
    left: float = 0.0  # its column's edges
    right: float = 0.0
    level: int = 0  # heading level, 0 for body text
    group: int = 0  # the part of the page it is in (see _groups), read in order
    gutters: list[tuple[float, float]] = field(default_factory=list)  # its part's column gutters

    def __post_init__(self) -> None:
        gs = self.glyphs
        self.x0, self.x1 = min(g.x0 for g in gs), max(g.x1 for g in gs)
        self.top, self.bottom = min(g.top for g in gs), max(g.bottom for g in gs)
        self.size = median(g.height for g in gs)
        wide = [g.x1 - g.x0 for g in gs if _is_wide(g.char)]
        self.em = median(wide) if len(wide) >= 2 else self.size / 1.2
        self.text = _text(gs, self.em)

    def first_word_width(self) -> float:
        """How much of the line's start a line break could not have separated."""
        gs = self.glyphs
        end = 0
        while end + 1 < len(gs) and gs[end].char in _OPENING:
            end += 1
        if gs[end].char.isascii() and gs[end].char.isalnum():
            while end + 1 < len(gs) and not gs[end].space and gs[end + 1].char.isascii() and not gs[end + 1].char.isspace():
                end += 1
        while end + 1 < len(gs) and gs[end + 1].char in _CLOSING:
            end += 1
        return gs[end].x1 - gs[0].x0


@dataclass
class Page:
    """A page's lines (in reading order once :func:`order` has run), and its column gutters."""

    lines: list[Line] = field(default_factory=list)
    gutters: list[tuple[float, float]] = field(default_factory=list)
    scanned: bool = False  # read by OCR: its type sizes are the ink's, no headings from them


def _is_wide(c: str) -> bool:
    return "\u2e80" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or "\uff00" <= c <= "\uff60"


def _text(glyphs: list[Glyph], em: float) -> str:
    """The glyphs' characters, with a space where the gap is wider than the line's
    justification (the narrow gaps between its Chinese characters) by an eighth of an em
    and the writer put a space there or two Latin letters or digits meet, or by a fifth of
    an em where Chinese meets a digit or a Latin letter (a writer's automatic spacing)."""
    gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:])]
    wide = sorted(gap for a, b, gap in zip(glyphs, glyphs[1:], gaps) if _is_wide(a.char) and _is_wide(b.char))
    usual = max(wide[len(wide) // 5], 0.0) if len(wide) >= 3 else 0.0
    out = [glyphs[0].char]
    for a, b, gap in zip(glyphs, glyphs[1:], gaps):
        extra = gap - usual
        latin = (a.char.isascii() and a.char.isalnum()) + (b.char.isascii() and b.char.isalnum())
        if (extra > 0.12 * em and (a.space or (a.char.isascii() and b.char.isascii()))) or (latin == 1 and extra > 0.2 * em):
            out.append(" ")
        out.append(b.char)
    return re.sub(r"\s+", " ", "".join(out)).strip()


# -- one page -------------------------------------------------------------------------------


def page_lines(glyphs: Sequence[Glyph], page: int) -> Page:
    """The page's lines, cut at its column gutters (ordered later, by :func:`order`)."""
    ink = [g for g in glyphs if g.char.strip() and g.x1 > g.x0 and g.bottom > g.top]
    if not ink:
        return Page()
    rows = _rows(ink)
    em = median(g.height for g in ink)
    groups = _groups(rows, em, depth=2)
    lines = []
    for k, (group, gutters) in enumerate(groups):
        for row in group:
            for part in _cut(row, gutters, em):
                line = Line(part, page)
                line.group, line.gutters = k, gutters
                lines.append(line)
    return Page(lines, groups[0][1] if len(groups) == 1 else [])


def _rows(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Glyphs on one baseline (within a quarter of their height), left to right."""
    rows: list[list[Glyph]] = []
    base = 0.0
    for g in sorted(glyphs, key=lambda g: g.baseline):
        if rows and g.baseline - base <= 0.25 * min(g.height, rows[-1][0].height):
            rows[-1].append(g)
        else:
            rows.append([g])
            base = g.baseline
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def _groups(rows: list[list[Glyph]], em: float, depth: int) -> list[tuple[list[list[Glyph]], list[tuple[float, float]]]]:
    """Rows with their gutters; a page that shows none as a whole is cut at its widest
    vertical space and each part looked at again (a full-width top above two columns)."""
    gutters = _gutters(rows, em)
    if gutters or depth == 0 or len(rows) < 8:
        return [(rows, gutters)]
    bottoms = [max(g.bottom for g in row) for row in rows]
    tops = [min(g.top for g in row) for row in rows]
    cut = max(range(len(rows) - 1), key=lambda i: tops[i + 1] - bottoms[i]) + 1
    return _groups(rows[:cut], em, depth - 1) + _groups(rows[cut:], em, depth - 1)


def _gutters(rows: list[list[Glyph]], em: float) -> list[tuple[float, float]]:
    """x-ranges that (almost) no row inks, with text on both sides in a fifth of the rows."""
    left = math.floor(min(row[0].x0 for row in rows))
    right = math.ceil(max(row[-1].x1 for row in rows))
    ink = [0] * (right - left + 2)
    for row in rows:
        covered: set[int] = set()
        for g in row:
            covered.update(range(math.ceil(g.x0) - left, math.floor(g.x1) - left + 1))
        for x in covered:
            ink[x] += 1
    sparse = max(2, 0.1 * len(rows))
    enough = max(3, 0.2 * len(rows))
    out = []
    x = 0
    while x < len(ink):
        if ink[x] > sparse:
            x += 1
            continue
        start = x
        while x < len(ink) and ink[x] <= sparse:
            x += 1
        lo, hi = left + start, left + x - 1
        if x - start >= 0.5 * em and lo > left and hi < right:
            on_left = sum(1 for row in rows if row[0].x1 <= lo)
            on_right = sum(1 for row in rows if row[-1].x0 >= hi)
            if on_left >= enough and on_right >= enough:
                out.append((float(lo), float(hi)))
    return out


def _cut(row: list[Glyph], gutters: list[tuple[float, float]], em: float) -> list[list[Glyph]]:
    parts = [[row[0]]]
    for a, b in zip(row, row[1:]):
        if any(a.x1 <= (lo + hi) / 2 <= b.x0 and b.x0 - a.x1 >= 0.5 * (hi - lo) for lo, hi in gutters):
            parts.append([])
        parts[-1].append(b)
    return parts


# -- the document ---------------------------------------------------------------------------


def order(pages: list[Page]) -> None:
    """Assign columns (borrowing gutters for pages that show none) and sort each page's lines."""
    texts = [p for p in pages if p.lines]
    if not texts:
        return
    left = min(line.x0 for p in texts for line in p.lines)
    right = max(line.x1 for p in texts for line in p.lines)
    common = Counter(tuple((round(a), round(b)) for a, b in p.gutters) for p in texts if p.gutters)
    usual = [(float(a), float(b)) for a, b in common.most_common(1)[0][0]] if common else []
    for p in texts:
        if usual and not any(line.gutters for line in p.lines) and not any(_crosses(line, usual) for line in p.lines):
            for line in p.lines:
                line.gutters = usual
        for line in p.lines:
            edges = [left] + [x for lo, hi in line.gutters for x in (lo, hi)] + [right]
            first, last = _column(line.x0, line.gutters), _column(line.x1, line.gutters)
            line.column = first if first == last else -1
            line.left, line.right = (edges[2 * first], edges[2 * first + 1]) if first == last else (left, right)
        p.lines = [line for k in sorted({line.group for line in p.lines})
                   for line in _band_order([line for line in p.lines if line.group == k])]


def _column(x: float, gutters: list[tuple[float, float]]) -> int:
    return sum(1 for lo, hi in gutters if x > (lo + hi) / 2)


def _crosses(line: Line, gutters: list[tuple[float, float]]) -> bool:
    return _column(line.x0, gutters) != _column(line.x1, gutters)


def _band_order(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda line: line.top):
        if line.column < 0:
            out.extend(sorted(band, key=lambda line: (line.column, line.top)))
            band.clear()
            out.append(line)
        else:
            band.append(line)
    out.extend(sorted(band, key=lambda line: (line.column, line.top)))
    return out


def drop_running_lines(pages: list[Page]) -> int:
    """Remove running headers, footers and page numbers; returns how many lines went."""
    texts = [p for p in pages if p.lines]
    seen: dict[str, list[tuple[int, float]]] = {}
    for k, p in enumerate(texts):
        for line in _edge_lines(p):
            seen.setdefault(_key(line.text), []).append((k, line.top))
    need = max(2, math.ceil(len(texts) / 2))
    running = {key: tops for key, tops in seen.items() if len({k for k, _ in tops}) >= need}
    dropped = 0
    for p in texts:
        edge = {id(line) for line in _edge_lines(p)}
        keep = []
        for line in p.lines:
            tops = running.get(_key(line.text), [])
            if id(line) in edge and (_PAGE_NUMBER.match(line.text)
                                     or len({k for k, t in tops if abs(t - line.top) <= 3}) >= need):
                dropped += 1
                continue
            keep.append(line)
        p.lines = keep
    return dropped


def _edge_lines(page: Page) -> list[Line]:
    by_height = sorted(page.lines, key=lambda line: line.top)
    return by_height[:2] + by_height[2:][-2:]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def mark_headings(pages: list[Page]) -> None:
    """Lines in type larger than the body's are headings, level 1 for the largest."""
    sizes: Counter[float] = Counter()
    for p in pages:
        if p.scanned:
            continue
        for line in p.lines:
            sizes[round(line.size * 2) / 2] += len(line.glyphs)
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    larger = sorted({s for s in sizes if s >= HEADING_RATIO * body}, reverse=True)
    levels = {s: min(k + 1, 6) for k, s in enumerate(larger)}
    for p in pages:
        for line in p.lines:
            line.level = 0 if p.scanned else levels.get(round(line.size * 2) / 2, 0)


def to_text(pages: list[Page]) -> str:
    """The document's text, headings as ``#`` lines, with the reader's marks for the normalizer."""
    style = _paragraph_style(pages)
    out: list[str] = []
    prev: Line | None = None
    for p in pages:
        for line in p.lines:
            joined = False
            if prev is not None:
                out.append(_break(prev, line, style))
                joined = out[-1] == SOFT
            elif out:
                out.append(END)
            out.append("#" * line.level + " " + line.text if line.level and not joined else line.text)
            prev = line
    if out:
        out.append(PARAGRAPH_END)
    return "".join(out)


@dataclass
class _Style:
    indents: bool  # paragraphs start indented
    spaced: bool  # paragraphs are set apart by extra space
    leading: float  # the usual space between two lines of a paragraph, in ems


def _paragraph_style(pages: list[Page]) -> _Style:
    inside, after_end = [], []
    indented = ends = 0
    for p in pages:
        for a, b in zip(p.lines, p.lines[1:]):
            if a.column != b.column or a.column < 0 or b.top < a.bottom - 0.3 * a.em or a.level or b.level:
                continue
            gap = (b.top - a.bottom) / a.em
            if _reaches(a, b):
                if not _indented(b):
                    inside.append(gap)
            else:
                ends += 1
                indented += _indented(b)
                after_end.append(gap)
    leading = median(inside) if inside else 0.5
    spaced = bool(after_end) and median(after_end) > leading + 0.3
    return _Style(indents=ends > 0 and indented >= 0.5 * ends, spaced=spaced, leading=leading)


def _reaches(a: Line, b: Line) -> bool:
    """The next line's first word would not have fitted at the end of this one."""
    return a.right - a.x1 < b.first_word_width() + 0.25 * a.em


def _indented(line: Line) -> bool:
    return line.x0 > line.left + 0.6 * line.em


def _break(a: Line, b: Line, style: _Style) -> str:
    same_column = a.page == b.page and a.column == b.column and b.top >= a.bottom - 0.3 * a.em
    if a.level or b.level:  # a heading wrapped onto a second line continues
        wrapped = a.level == b.level and same_column and (b.top - a.bottom) < 0.8 * a.size
        return SOFT if wrapped and _reaches(a, b) else END
    if abs(a.size - b.size) > 0.1 * max(a.size, b.size):
        return END
    if not _reaches(a, b) or _indented(b):
        return END
    if same_column:
        if style.spaced and (b.top - a.bottom) / a.em > style.leading + 0.3:
            return END
        return SOFT
    if style.indents or not style.spaced:
        return SOFT
    # paragraphs set apart by space, not indents: the top of a column shows no space
    return END if a.text.rstrip("”’」』）)》】\"'")[-1:] in TERMINAL else SOFT
