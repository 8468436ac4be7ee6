"""Page geometry: pdfplumber words into lines in reading order, then into paragraphs.

Works on plain word dicts and small dataclasses, never on pdfplumber objects, so each
page can be closed as soon as its words are read. Knows nothing of headings or
sections: it only says where text is, how big and how bold, and where gaps fall.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.regions import Box, regions, rows, word_box

CID = re.compile(r"\(cid:\d+\)")
PRIVATE_USE = re.compile("[\ue000-\uf8ff]")  # Symbol/Wingdings bullets mapped to nowhere
BULLET_SYMBOLS = set("•·▪◦●■□►▶➢➤✓✔")
GLYPH_FONTS = re.compile(r"dingbat|wingding|webding", re.IGNORECASE)
BOLD_FONTS = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)

# A paragraph number at the start of a line: 6.3 / 6.3. / 9.a / 1a. / 3. / 1) / (a) / a)
NUMBER = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})+|\d{1,2}\.[a-z]|\d{1,2}[a-z](?=\.|\s)|\d{1,2}(?=[.)]))[.)]?"
    r"|\((?P<paren>[a-z]|[ivx]{1,4}|\d{1,2})\)|(?P<letter>[a-z])\))\s+(?=\S)"
)
TEXT_BULLET = re.compile(r"^(?:[-–—]|o(?=\s+[A-Z]))\s+(?=\S)")
PAGE_NUMBER = re.compile(
    r"^(?:page\s*\d{1,4}|\d{1,3})(?:\s*(?:of|/)\s*\d{1,4})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.IGNORECASE
)

BAND = 0.12          # top and bottom share of the page where running lines live
EDGE_LINES = 3       # how many lines at each end of a page may be running lines


@dataclass
class Line:
    """One line of text in one region of a page, glyph noise already removed."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    marker: bool = False  # began with a bullet glyph, now dropped from `text`
    region: int = 0       # which region of the page (regions.py) it was read in


@dataclass
class TableSlot:
    """Where a table sits in reading order; `index` is its position on the page."""

    index: int
    x0: float
    x1: float
    top: float
    bottom: float
    region: int = 0


@dataclass
class Paragraph:
    """Consecutive lines that read as one paragraph, heading or list item."""

    page: int
    lines: list[Line] = field(default_factory=list)
    right: float = 0.0  # the right edge of its longest line

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.right = max(self.right, line.x1)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    @property
    def marker(self) -> bool:
        return self.lines[0].marker

    @property
    def region(self) -> int:
        return self.lines[0].region

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def size(self) -> float:
        return min(line.size for line in self.lines)


def starts_numbered(text: str) -> re.Match | None:
    """A paragraph number at the start of `text`, unless the next word is lower-case
    (which says "6.2 million people", not paragraph 6.2); lettered items may be lower-case."""
    match = NUMBER.match(text)
    if match and match.group("num") and text[match.end()].islower():
        return None
    return match


def clean(text: str) -> str:
    """Text without glyph noise: unmapped "(cid:NNN)" codes and private-use symbols."""
    return PRIVATE_USE.sub("", CID.sub("", text)).strip()


def _is_glyph(word: dict) -> bool:
    text = clean(word["text"])
    return not text or text in BULLET_SYMBOLS or bool(GLYPH_FONTS.search(word.get("fontname", "")))


def _make_line(words: list[dict], region: int) -> Line | None:
    """Join a row's words; leading glyphs become a bullet marker, other glyph noise goes."""
    words = sorted(words, key=lambda w: w["x0"])
    lead = 0
    while lead < len(words) and _is_glyph(words[lead]):
        lead += 1
    # A tick drawn in a symbol font can surface as a lone digit after the bullet glyph:
    # "(cid:127) 3 We will ..." - real item numbers carry "." or ")".
    tick = 0 < lead < len(words) - 1 and re.fullmatch(r"\d", words[lead]["text"])
    if tick and words[lead + 1]["text"][:1].isupper():
        lead += 1
    kept = [w for w in words[lead:] if not _is_glyph(w)]
    if not kept:
        return None
    parts = [clean(kept[0]["text"])]
    for prev, word in zip(kept, kept[1:]):
        # extract_words splits at font changes; only a real gap is a space.
        gap = word["x0"] - prev["x1"]
        parts.append((" " if gap > 0.1 * word["size"] else "") + clean(word["text"]))
    weights = Counter()
    for word in kept:
        weights[round(word["size"], 1)] += len(word["text"])
    return Line(
        text=" ".join("".join(parts).split()),
        x0=words[0]["x0"],
        x1=max(w["x1"] for w in words),
        top=min(w["top"] for w in words),
        bottom=max(w["bottom"] for w in words),
        size=weights.most_common(1)[0][0],
        bold=all(BOLD_FONTS.search(w.get("fontname", "")) for w in kept),
        marker=lead > 0,
        region=region,
    )


def page_lines(words: list[dict], tables: list[tuple] = ()) -> list[Line | TableSlot]:
    """Lines and table slots of one page in reading order: region by region (see
    regions.py), each region top to bottom. `tables` are (x0, top, x1, bottom) boxes whose
    words the caller has already removed."""
    slots = [TableSlot(i, box[0], box[2], box[1], box[3]) for i, box in enumerate(tables)]
    boxes = [word_box(word) for word in words] + [Box(s.x0, s.x1, s.top, s.bottom, s) for s in slots]
    items: list[Line | TableSlot] = []
    for region, found in enumerate(regions(boxes)):
        here: list[Line | TableSlot] = []
        for row in rows([box for box in found if not isinstance(box.item, TableSlot)]):
            if line := _make_line([box.item for box in row], region):
                here.append(line)
        for slot in (box.item for box in found if isinstance(box.item, TableSlot)):
            slot.region = region
            here.append(slot)
        items += sorted(here, key=lambda item: (item.top, item.x0))
    return items


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_running_lines(pages: list[list[Line | TableSlot]], heights: list[float]) -> list[list[Line | TableSlot]]:
    """Remove running headers, footers and page numbers from every page.

    Only a page's first and last few lines are candidates, and only inside the top or
    bottom band. A candidate is running if, with digits ignored, it is a candidate on at
    least half the pages (all pages of a 2-page paper), or if it reads as a page number
    ("Page 3 of 10", "- 3 -"; a cover year such as "2016" is not one). The first page's
    copy of a running header goes too: it is a header there as well. Anywhere on the page,
    a line repeated word for word at the same place on at least half the pages (3 at least)
    goes too: a watermark, or a label an export prints on every page; but not from a page
    where half the lines are such repeats, for that is a page printed from a template.
    """
    def candidates(items: list[Line | TableSlot], height: float) -> list[Line]:
        lines = sorted((item for item in items if isinstance(item, Line)), key=lambda line: line.top)
        edges = lines[:EDGE_LINES] + lines[EDGE_LINES:][-EDGE_LINES:]
        return [line for line in edges if line.top < BAND * height or line.bottom > (1 - BAND) * height]

    per_page = [candidates(items, height) for items, height in zip(pages, heights)]
    counts = Counter(key for lines in per_page for key in {_running_key(line.text) for line in lines})
    needed = math.inf if len(pages) < 2 else 2 if len(pages) == 2 else math.ceil(len(pages) / 2)
    in_place = _in_place(pages)
    kept_pages = []
    for items, lines in zip(pages, per_page):
        running = {
            id(line) for line in lines if counts[_running_key(line.text)] >= needed or PAGE_NUMBER.match(line.text)
        }
        repeated = {id(item) for item in items if _place(item) in in_place}
        if 2 * len(repeated) <= sum(isinstance(item, Line) for item in items):
            running |= repeated
        kept_pages.append([item for item in items if id(item) not in running])
    return kept_pages


def _place(item: Line | TableSlot) -> tuple | None:
    return (item.text, round(item.x0), round(item.top)) if isinstance(item, Line) else None


def _in_place(pages: list[list[Line | TableSlot]]) -> set[tuple]:
    """The places (text, x, top) a line holds on at least half the pages, and on 3 at least.
    The text must be the same to the letter: rows that differ only in a number ("Risk 3:")
    are content."""
    pages_at = Counter(place for items in pages for place in {_place(item) for item in items} if place)
    needed = max(3, math.ceil(len(pages) / 2))
    return {place for place, count in pages_at.items() if count >= needed}


def ends_clause(text: str) -> bool:
    """Whether `text` ends a sentence or a clause that a list or new line may follow."""
    return text.rstrip(" '\"’”)]")[-1:] in {".", "!", "?", ":", ";"}


def _starts_item(line: Line) -> bool:
    return line.marker or line.text[:1] in BULLET_SYMBOLS or bool(TEXT_BULLET.match(line.text))


def _breaks(para: Paragraph, prev: Line, line: Line) -> bool:
    """Whether `line` starts a new paragraph after `prev` (the paragraph's last line)."""
    gap = line.top - prev.bottom
    if line.region != prev.region or gap < -1 or gap > 0.5 * min(prev.size, line.size):
        return True
    if prev.bold != line.bold or abs(prev.size - line.size) > 0.5 or _starts_item(line):
        return True
    # A number opens a new item only where the line above ended: punctuated or short.
    short = prev.x1 < para.right - 40
    if starts_numbered(line.text) and (ends_clause(prev.text) or short):
        return True
    # Past the first line (which may hang or indent), lines of one paragraph share a left
    # edge, or in centred text a centre.
    centre_shift = abs((line.x0 + line.x1) - (prev.x0 + prev.x1)) / 2
    return len(para.lines) > 1 and abs(line.x0 - prev.x0) > 4 and centre_shift > 4


def paragraphs(items: list[Line | TableSlot], page: int) -> list[Paragraph | TableSlot]:
    """Group one page's ordered lines into paragraphs; tables stay where they are."""
    out: list[Paragraph | TableSlot] = []
    current: Paragraph | None = None
    for item in items:
        if isinstance(item, TableSlot):
            out.append(item)
            current = None
        else:
            if current is None or _breaks(current, current.lines[-1], item):
                current = Paragraph(page)
                out.append(current)
            current.add(item)
    return out
