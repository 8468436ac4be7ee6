"""List items on an OCR'd page, told by their geometry rather than by the marker Tesseract read.

Tesseract reads the small marker set apart before a list item badly: "1." comes out as "e",
"Ls", "Z." or "3" with no dot, as a line of its own, or not at all, and the item is then read
as body text that runs into its neighbours. What the page shows is plainer than the glyph: a
hanging indent, a short mark, a gap wider than a word space, then text whose left edge is the
edge its wrapped lines and its sibling items' text keep; and a list has two items at least
(one mark alone is as likely a speck in the margin beside a paragraph). Where that shape is
found and the mark was misread (a short word Tesseract doubts) or left unread (ink no word
covers), the mark is written as a list number the way a born-digital list prints it: its digit
when one was read, or its place in a run of siblings whose readable numbers count up by one;
else a bullet. Marks read as a list number, and short words read with confidence ("To:",
"Q1"), are left as read.

Works on the page's lines in pixels, before they become pdfplumber-style words (ocr.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

MARKER_CHARS = 4      # a list mark read as a word is this short at most: "iv)", "(12)"
MARKER_GAP = 0.8      # ems from a mark to its item's text; a word space is about 0.3
MARK_REACH = 4.0      # ems left of an item's text that its mark may sit
ALIGN = 0.35          # ems within which two left edges are one edge
LINE_GAP = 0.8        # ems between the lines of one item
ITEM_GAP = 2.5        # ems between one item's last line and the next item
DOUBT = 85            # Tesseract's confidence under which a short word before a hanging indent is a misread mark
BULLET = "•"
# A mark read as printed: 3. 3) (3) 6.3 1a. a) (a) iv)
PRINTED = re.compile(r"^(?:\(?\d{1,2}[.)]|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.?[a-z][.)]?"
                     r"|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])$")
DIGITS = re.compile(r"^\(?(\d{1,2})\W?$")


@dataclass
class OcrLine:
    """One hOCR line in pixels: its words as (text, x0, x1, confidence; None for a mark
    written here), its top and bottom, its text height and its strokes' width per pixel of it."""

    words: list[tuple[str, float, float, float | None]]
    top: float
    bottom: float
    height: float
    stroke: float

    @property
    def x0(self) -> float:
        return self.words[0][1]

    @property
    def x1(self) -> float:
        return self.words[-1][2]


@dataclass
class _Mark:
    """A line's possible list mark: where it is, where the item's text starts, what was read,
    and whether to write it anew (misread, or not read at all)."""

    x0: float
    x1: float
    text_x: float
    read: str | None          # the word Tesseract read, None for ink it read no word on
    doubted: bool


def mark_list_items(lines: list[OcrLine], ink: np.ndarray) -> list[OcrLine]:
    """The page's lines with the marks of its hanging-indent list items written as printed
    marks ("2.", "•") where Tesseract misread or missed them. `ink` is the page's ink."""
    lines = _with_lone_marks_joined(lines)
    marks = {i: mark for i, line in enumerate(lines) if (mark := _mark(line, lines, ink))}
    below = [_below(i, lines) for i in range(len(lines))]
    linked: dict[int, int] = {}       # an item's mark -> its next sibling's, past its wrapped lines
    for i, mark in marks.items():
        em = lines[i].height
        j = below[i]
        while j is not None and j not in marks and abs(lines[j].x0 - mark.text_x) <= ALIGN * em:
            j = below[j]
        if j is not None and j in marks and _siblings(mark, marks[j], em):
            linked[i] = j
    items = set(linked) | set(linked.values())
    firsts = [i for i in sorted(items, key=lambda k: lines[k].top) if i not in linked.values()]
    for first in firsts:
        run = [first]
        while run[-1] in linked:
            run.append(linked[run[-1]])
        for i, text in zip(run, _written([marks[i] for i in run])):
            _write(lines[i], marks[i], text)
    return lines


def _with_lone_marks_joined(lines: list[OcrLine]) -> list[OcrLine]:
    """A mark Tesseract read as a line of its own (one short word, level with a line that
    starts a gap to its right) moved to the front of that line."""
    kept = []
    for line in lines:
        host = None
        if len(line.words) == 1 and _may_mark(line.words[0][0], line.words[0][3]):
            middle = (line.top + line.bottom) / 2
            host = next((other for other in lines if other is not line and other.top < middle < other.bottom
                         and MARKER_GAP * other.height <= other.x0 - line.x1 <= MARK_REACH * other.height), None)
        if host is None:
            kept.append(line)
        else:
            host.words.insert(0, line.words[0])
    return kept


def _mark(line: OcrLine, lines: list[OcrLine], ink: np.ndarray) -> _Mark | None:
    """The line's first word when it is short and set apart by a gap, or else ink left of its
    text that no word covers; None when neither."""
    em = line.height
    if len(line.words) >= 2:
        (text, x0, x1, confidence), following = line.words[0], line.words[1]
        if _may_mark(text, confidence) and following[1] - x1 >= MARKER_GAP * em:
            return _Mark(x0, x1, following[1], text, not PRINTED.match(text))
        if following[1] - x1 >= MARKER_GAP * em and len(text) <= MARKER_CHARS:
            return None               # a short word read with confidence: "To:", "Q1"
    span = _unread_ink(line, lines, ink)
    return _Mark(span[0], span[1], line.x0, None, True) if span else None


def _may_mark(text: str, confidence: float | None) -> bool:
    """A word that may be a list mark: short, and read as one or doubted by Tesseract."""
    doubted = confidence is not None and confidence < DOUBT
    return len(text) <= MARKER_CHARS and bool(PRINTED.match(text) or doubted)


def _unread_ink(line: OcrLine, lines: list[OcrLine], ink: np.ndarray) -> tuple[int, int] | None:
    """Columns of a mark no word was read on, left of the line's text: ink within reach and
    set apart from it, with blank paper for as far again to its left, no taller than the line
    and not running above or below it (a box's rule does), and over no other line's word."""
    em, top, bottom = line.height, int(line.top), int(line.bottom)
    start, end = max(0, int(line.x0 - MARK_REACH * em)), int(line.x0 - MARKER_GAP * em)
    if end - start < em or bottom - top < 4:
        return None
    columns = np.flatnonzero(ink[top:bottom, start:end].any(axis=0))
    if not len(columns):
        return None
    breaks = np.flatnonzero(np.diff(columns) > 0.3 * em)
    x0, x1 = start + int(columns[breaks[-1] + 1] if len(breaks) else columns[0]), start + int(columns[-1])
    if x1 - x0 > 1.5 * em or ink[top:bottom, max(0, int(x0 - 1.5 * em)):x0].any():
        return None
    first, last = _inked_rows(ink[:, x0:x1 + 1], top, bottom)
    if first < top - 0.15 * em or last > bottom + 0.15 * em or not 0.15 * em <= last - first <= 0.9 * em:
        return None
    covered = any(w[1] <= x1 and w[2] >= x0 for other in lines if other.top < bottom and other.bottom > top
                  for w in other.words)
    return None if covered else (x0, x1)


def _inked_rows(strip: np.ndarray, top: int, bottom: int) -> tuple[int, int]:
    """The first and last rows of the ink a strip of columns holds between top and bottom,
    followed up and down as far as it runs unbroken."""
    inked = strip.any(axis=1)
    rows = np.flatnonzero(inked[top:bottom]) + top
    first, last = int(rows[0]), int(rows[-1])
    while first > 0 and inked[first - 1]:
        first -= 1
    while last + 1 < len(inked) and inked[last + 1]:
        last += 1
    return first, last


def _below(i: int, lines: list[OcrLine]) -> int | None:
    """The next line down that shares some of line i's width, if it is near enough to be the
    same item's next line or the next item's first."""
    line = lines[i]
    near = [j for j, other in enumerate(lines)
            if other.top > line.top + 0.5 * line.height and other.top - line.bottom < ITEM_GAP * line.height
            and min(other.x1, line.x1) > max(other.x0, line.x0)]
    return min(near, key=lambda j: lines[j].top, default=None)


def _siblings(mark: _Mark, other: _Mark, em: float) -> bool:
    """Two items of one list: their text on one edge, their marks on one edge (left, or right
    for numbers set flush right: "9." over "10.")."""
    return abs(mark.text_x - other.text_x) <= ALIGN * em and (
        abs(mark.x0 - other.x0) <= 2 * ALIGN * em or abs(mark.x1 - other.x1) <= 2 * ALIGN * em)


def _written(run: list[_Mark]) -> list[str | None]:
    """Each mark of a run of sibling items as it is to be written, None to leave it: the
    readable numbers, if they count up by one from the run's place, number the rest; a
    misread digit keeps its digit; a mark with none is a bullet."""
    numbers = [_number(mark) for mark in run]
    starts = {number - place for place, number in enumerate(numbers) if number is not None}
    counted = len(starts) == 1 and min(starts) >= 1
    out = []
    for place, (mark, number) in enumerate(zip(run, numbers)):
        if not mark.doubted:
            out.append(None)
        elif counted:
            out.append(f"{min(starts) + place}.")
        else:
            out.append(f"{number}." if number is not None else BULLET)
    return out


def _number(mark: _Mark) -> int | None:
    """The number a mark reads as: "3." as printed, or a doubted "3", "3;", "1,"."""
    if mark.read is None:
        return None
    if PRINTED.match(mark.read) or mark.doubted:
        digits = DIGITS.match(mark.read)
        return int(digits.group(1)) if digits else None
    return None


def _write(line: OcrLine, mark: _Mark, text: str | None) -> None:
    if text is None:
        return
    if mark.read is None:
        line.words.insert(0, (text, mark.x0, mark.x1, None))
    else:
        line.words[0] = (text, mark.x0, mark.x1, line.words[0][3])
