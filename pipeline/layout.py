"""Page geometry: pdfplumber words into lines in reading order, then into paragraphs.

Works on plain word dicts and small dataclasses, never on pdfplumber objects, so each
page can be closed as soon as its words are read. Knows nothing of headings or
sections: it only says where text is, how big and how bold, and where gaps fall.

Text inside a drawn box (a call-out, a sidebar, a slide's panel: see ink.py) is read as a
region of its own, placed in the page's reading order as one piece; table cells are read
from the words inside each cell, line by line, a word cut at the cell's edge made whole.
"""
from __future__ import annotations

import itertools
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
    boxed: bool = False   # read inside a drawn box


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
class Cell:
    """A table cell's lines, and what joins each to the one before: a space, or nothing where
    the cell's edge cut a word in two."""

    lines: list[Line] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(join + line.text for join, line in zip(self.joins, self.lines)).strip()

    def without(self, dropped: set[int]) -> Cell:
        """The cell without the lines whose ids are in `dropped`."""
        kept = [(join, line) for join, line in zip(self.joins, self.lines) if id(line) not in dropped]
        return Cell([line for _, line in kept], [join for join, _ in kept])


@dataclass
class Panel:
    """A drawn box that holds text of its own, and what lies inside it."""

    x0: float
    top: float
    x1: float
    bottom: float
    words: list[dict]
    boxes: list[tuple]
    slots: list[TableSlot]


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
    def boxed(self) -> bool:
        return self.lines[0].boxed

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


def _make_line(words: list[dict], region: int, boxed: bool = False) -> Line | None:
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
        boxed=boxed,
    )


def page_lines(words: list[dict], tables: list[tuple] = (), boxes: list[tuple] = ()) -> list[Line | TableSlot]:
    """Lines and table slots of one page in reading order: region by region (see
    regions.py), each region top to bottom, a box's text read whole where the box sits.
    `tables` are (x0, top, x1, bottom) boxes whose words the caller has already removed;
    `boxes` the drawn boxes (ink.py) text may sit in."""
    slots = [TableSlot(i, box[0], box[2], box[1], box[3]) for i, box in enumerate(tables)]
    return _lines_in(words, slots, list(boxes), itertools.count(), False)


def _lines_in(words: list[dict], slots: list[TableSlot], boxes: list[tuple], region_ids, boxed: bool) -> list[Line | TableSlot]:
    panels = _panels(words, slots, boxes)
    inside = {id(word) for panel in panels for word in panel.words}
    held = {id(slot) for panel in panels for slot in panel.slots}
    units = [word_box(word) for word in words if id(word) not in inside]
    units += [Box(s.x0, s.x1, s.top, s.bottom, s) for s in slots if id(s) not in held]
    units += [Box(*_extent(p.words), p) for p in panels]   # by its text: a box's edge may sit close to a column
    items: list[Line | TableSlot] = []
    for found in regions(units):
        region = next(region_ids)
        here: list[tuple[float, float, list[Line | TableSlot]]] = []
        for row in rows([box for box in found if isinstance(box.item, dict)]):
            if line := _make_line([box.item for box in row], region, boxed):
                here.append((line.top, line.x0, [line]))
        for unit in (box.item for box in found if not isinstance(box.item, dict)):
            if isinstance(unit, TableSlot):
                unit.region = region
                here.append((unit.top, unit.x0, [unit]))
            else:
                x0, _, top, _ = _extent(unit.words)
                here.append((top, x0, _lines_in(unit.words, unit.slots, unit.boxes, region_ids, True)))
        items += [item for _, _, group in sorted(here, key=lambda entry: entry[:2]) for item in group]
    return items


def _extent(words: list[dict]) -> tuple[float, float, float, float]:
    """x0, x1, top, bottom of the words together."""
    return (min(w["x0"] for w in words), max(w["x1"] for w in words),
            min(w["top"] for w in words), max(w["bottom"] for w in words))


def _within(inner: tuple, outer: tuple, slack: float = 1.0) -> bool:
    """Whether box `inner` (x0, top, x1, bottom) lies inside `outer`."""
    return (inner[0] >= outer[0] - slack and inner[1] >= outer[1] - slack
            and inner[2] <= outer[2] + slack and inner[3] <= outer[3] + slack)


def _word_edges(word: dict) -> tuple:
    return word["x0"], word["top"], word["x1"], word["bottom"]


def _panels(words: list[dict], slots: list[TableSlot], boxes: list[tuple]) -> list[Panel]:
    """The outermost drawn boxes that hold text of their own: words wholly inside and none
    cut by the box's edge (a highlight behind part of a paragraph holds none), taller than
    the text in it needs (not a band behind one line), neither a table's cell nor a frame
    round everything. Boxes inside one go with it, to be read in turn."""
    tables = [(s.x0, s.top, s.x1, s.bottom) for s in slots]
    chosen: list[Panel] = []
    for box in sorted(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True):
        if any(_within(box, table) for table in tables):
            continue
        if any(_overlaps(box, (p.x0, p.top, p.x1, p.bottom)) for p in chosen):
            continue                  # inside a chosen panel (read there) or crossing one
        held = [w for w in words if _within(_word_edges(w), box)]
        if not held or len(held) == len(words):
            continue
        if any(_centre_in(w, box) for w in words if not _within(_word_edges(w), box)):
            continue
        if box[3] - box[1] < 1.6 * _median_height(held):
            continue
        chosen.append(Panel(box[0], box[1], box[2], box[3], held,
                            [b for b in boxes if b != box and _within(b, box)],
                            [s for s in slots if _within((s.x0, s.top, s.x1, s.bottom), box)]))
    return chosen


def _overlaps(a: tuple, b: tuple) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


def _centre_in(word: dict, box: tuple) -> bool:
    x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _median_height(words: list[dict]) -> float:
    heights = sorted(w["bottom"] - w["top"] for w in words)
    return heights[len(heights) // 2]


def table_cells(words: list[dict], cells: list[list[tuple | None]], boxes: list[tuple] = ()) -> list[list[Cell | None]]:
    """A table's cells (rows of (x0, top, x1, bottom) or None where a merged cell spans),
    each holding the lines of the words whose centre falls in it, read round the drawn
    `boxes` inside it as a page is."""
    placed: dict[tuple, list[dict]] = {}
    boxes = [box for row in cells for box in row if box]
    for word in words:
        home = next((box for box in boxes if _centre_in(word, box)), None)
        if home:
            placed.setdefault(home, []).append(word)
    return [[_cell(placed.get(box, []), box, [b for b in boxes if b != box and _within(b, box)]) if box else None
             for box in row] for row in cells]


def _cell(words: list[dict], box: tuple, inner: list[tuple]) -> Cell:
    """A cell's lines in reading order (a cell holding two columns of text reads them one
    after the other, as a page does)."""
    cell = Cell()
    for line in page_lines(words, boxes=inner):
        prev = cell.lines[-1] if cell.lines else None
        cut = prev is not None and prev.region == line.region and _cut_at_edge(prev, line, box)
        cell.joins.append("" if cut else " ")
        cell.lines.append(line)
    return cell


def _cut_at_edge(prev: Line, line: Line, box: tuple) -> bool:
    """Whether `prev` ends part-way through a word `line` goes on with: a word too long for
    the cell is broken where the cell's edge falls, so its first part fills a line alone,
    out to the cell's right margin (as wide as its left one, give or take a letter), and the
    rest starts the next line in lower case."""
    if " " in prev.text or not line.text[:1].islower() or prev.text[-1:] in "-–—/":
        return False
    margin = prev.x0 - box[0]
    return box[2] - prev.x1 <= margin + 0.6 * prev.size


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_running_lines(pages: list[list[Line | TableSlot]], heights: list[float],
                       tables: list[list[list[list[Cell | None]]]]) -> tuple[list, list]:
    """Remove running headers, footers and page numbers from every page, and lines repeated
    in place from its table cells: the pages' items and tables without them.

    Only a page's first and last few lines are candidates, and only inside the top or
    bottom band. A candidate is running if, with digits ignored, it is a candidate on at
    least half the pages (all pages of a 2-page paper), or if it reads as a page number
    ("Page 3 of 10", "- 3 -"; a cover year such as "2016" is not one). The first page's
    copy of a running header goes too: it is a header there as well. Anywhere on the page,
    a line repeated word for word at the same place on at least half the pages (3 at least)
    goes too: a watermark, or a label an export prints on every page; but not from a page
    where half the lines are such repeats, for that is a page printed from a template. A
    table cell's line repeated so goes from a cell that holds other lines too (a label an
    export sets on every page, over whatever row falls under it); a cell that is all repeats
    (a header row printed on every page) stays.
    """
    def candidates(items: list[Line | TableSlot], height: float) -> list[Line]:
        lines = sorted((item for item in items if isinstance(item, Line)), key=lambda line: line.top)
        edges = lines[:EDGE_LINES] + lines[EDGE_LINES:][-EDGE_LINES:]
        return [line for line in edges if line.top < BAND * height or line.bottom > (1 - BAND) * height]

    per_page = [candidates(items, height) for items, height in zip(pages, heights)]
    counts = Counter(key for lines in per_page for key in {_running_key(line.text) for line in lines})
    needed = math.inf if len(pages) < 2 else 2 if len(pages) == 2 else math.ceil(len(pages) / 2)
    cell_lines = [[line for table in page for row in table for cell in row if cell for line in cell.lines]
                  for page in tables]
    in_place = _in_place([items + lines for items, lines in zip(pages, cell_lines)])
    kept_tables = []
    for page, lines in zip(tables, cell_lines):
        repeated = {id(line) for line in lines if _place(line) in in_place}
        kept_tables.append([[[_without_repeats(cell, repeated) for cell in row] for row in table]
                            for table in page])
    kept_pages = []
    for items, lines in zip(pages, per_page):
        running = {
            id(line) for line in lines if counts[_running_key(line.text)] >= needed or PAGE_NUMBER.match(line.text)
        }
        repeated = {id(item) for item in items if _place(item) in in_place}
        if 2 * len(repeated) <= sum(isinstance(item, Line) for item in items):
            running |= repeated
        kept_pages.append([item for item in items if id(item) not in running])
    return kept_pages, kept_tables


def _without_repeats(cell: Cell | None, repeated: set[int]) -> Cell | None:
    if cell is None or all(id(line) in repeated for line in cell.lines):
        return cell
    return cell.without(repeated)


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
    if _broken_short(para, prev, line):
        return True
    # Past the first line (which may hang or indent), lines of one paragraph share a left
    # edge, or in centred text a centre.
    centre_shift = abs((line.x0 + line.x1) - (prev.x0 + prev.x1)) / 2
    return len(para.lines) > 1 and abs(line.x0 - prev.x0) > 4 and centre_shift > 4


def _broken_short(para: Paragraph, prev: Line, line: Line) -> bool:
    """Whether `prev`, in a drawn box, ended at a line break rather than wrapping: `line`
    starts upper-case with a word that would have fitted in the room left on `prev`, as wide
    as the widest of the lines (statements set one a line in a slide's box: "We will ..." /
    "We will ..."). Body text is left alone: a paper typed with hard line breaks has them too."""
    if not prev.boxed or not line.text[:1].isupper() or not prev.text or not line.text:
        return False
    first = line.text.split()[0]
    per_char = (line.x1 - line.x0) / len(line.text)
    widest = max(max(l.x1 - l.x0 for l in para.lines), line.x1 - line.x0)
    return (prev.x1 - prev.x0) + per_char * (len(first) + 1) < widest - 2 * per_char


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
