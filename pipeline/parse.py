"""Parse a board paper PDF into blocks that know their page, kind, section and offsets.

pdfplumber is touched only in `_read_pages`, which reads each page once (words and
tables), closes it, and turns every pdfminer failure into a PaperError. A file pdfplumber
cannot read, or whose page fails part-way, is repaired in memory (repair.py), and a page with no text layer, a scan,
has its words read by OCR (ocr.py). A long paper's
pages are read and laid out in contiguous ranges by worker processes, each opening the
file itself; everything that looks across pages (running headers, paragraphs mended over
a page break, sections) happens after the ranges are put back in order, so the result is
the serial one. The rest works on plain data: layout.py orders lines, region by region
(regions.py), and groups paragraphs; this module names their kinds, tracks the section
path, mends paragraphs split by a page break, and lays the blocks out as one text with
offsets.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError

from pipeline import hyphens, ocr
from pipeline.discover import sha256_file
from pipeline.errors import PaperError
from pipeline.ink import visible
from pipeline.repair import repaired
from pipeline.tables import ruled_tables
from pipeline.workers import cpus, may_share, paper_pool
from pipeline.layout import (
    BULLET_SYMBOLS,
    TEXT_BULLET,
    Cell,
    Line,
    Paragraph,
    TableSlot,
    drop_running_lines,
    ends_clause,
    page_lines,
    paragraphs,
    starts_numbered,
    table_cells,
)
from schemas.parsed import Block, BlockKind, ParsedPaper, Table

WORD_OPTIONS = dict(keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"])
# A paper this long is read by several processes when this process is not a worker
# already: below it, starting them costs more than it saves.
PARALLEL_MIN_PAGES = 24
RANGE_PAGES = 25
TAIL_PAGES = 4
HEAD_BYTES = 1024
TAIL_BYTES = 8192
# Words a sentence cannot end on: a block ending in one runs on into the next.
CONNECTORS = set(
    "a an the and or nor but of to in into for with within without by on at from as than that which who whose "
    "is are be was were will would could should may can this these their our its per via such not all any each "
    "both between under over upon if where when while".split()
)


@dataclass
class _Page:
    """What a page yields before it is closed: its size, the words a reader sees, its
    tables and the boxes drawn on it (ink.py); for a scan, its OCR's mean word confidence, or
    that it was left unread for want of Tesseract."""

    number: int
    width: float
    height: float
    words: list[dict]
    tables: list[tuple[tuple, list[list[tuple | None]]]]  # (bbox, rows of cell boxes)
    boxes: list[tuple] = ()
    ocr: float | None = None
    unread_scan: bool = False
    blank: bool = False       # nothing at all drawn on it: no text, no image, no line


def _check_bytes(path: Path) -> None:
    """Reject files that are not PDFs before pdfminer sees them; its errors are vague."""
    size = path.stat().st_size
    if size == 0:
        raise PaperError("empty", f"{path.name} is 0 bytes")
    with open(path, "rb") as handle:
        head = handle.read(HEAD_BYTES)
        handle.seek(max(0, size - TAIL_BYTES))
        tail = handle.read()
    if b"%PDF" not in head:
        start = head[:40].decode("latin-1", errors="replace").strip()
        raise PaperError("not_pdf", f"{path.name} does not start with %PDF (begins {start!r})")
    if b"%%EOF" not in tail:
        raise PaperError("corrupt", f"{path.name} has no %%EOF marker at its end: the file is truncated")


def _converted(exc: Exception, path: Path) -> PaperError:
    """The PaperError for a pdfplumber failure; pdfplumber wraps pdfminer's cause in args[0]."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFEncryptionError):
        return PaperError("encrypted", f"{path.name} is password-protected ({type(cause).__name__})")
    return PaperError("corrupt", f"{path.name} cannot be read: {type(cause).__name__}: {cause}")


def _read_page(page, number: int) -> _Page:
    """Ruled tables (tables.py), drawn boxes and the words a reader sees of one
    page, read once; then close it."""
    try:
        shown, boxes = visible(page)
        tables = ruled_tables(shown)
        words = shown.extract_words(**WORD_OPTIONS)
        read = _Page(number, float(page.width), float(page.height), words, tables, boxes,
                     blank=not any(page.objects.values()))
        if ocr.is_scan(page, words):
            if ocr.tesseract_missing():
                read.unread_scan = True
            else:
                scanned = ocr.read_page(page)
                read.words, read.ocr = scanned.words, scanned.confidence
        return read
    finally:
        page.close()  # drop the page's cached layout objects: a 400-page pack must not pile up


def _open(path: Path):
    """The open PDF and its pages; a file pdfplumber cannot read, or reads as no pages, is
    read repaired if it can be. pdfminer errors become PaperError."""
    try:
        return _open_source(path, path)
    except PaperError as error:
        fixed = repaired(path) if error.kind == "corrupt" else None
        if fixed is None:
            raise
    return _open_source(fixed, path)


def _open_source(source, path: Path):
    try:
        pdf = pdfplumber.open(source)
    except Exception as exc:
        raise _converted(exc, path) from exc
    try:
        pages = pdf.pages
    except Exception as exc:
        pdf.close()
        raise _converted(exc, path) from exc
    if not pages:
        pdf.close()
        raise PaperError("corrupt", f"{path.name} has no pages")
    return pdf, pages


def _read_pages(path: Path, pages, first: int, last: int) -> Iterator[_Page]:
    """Pages `first` to `last` (from 1, inclusive), one at a time; errors become PaperError.
    A file can open and still fail part-way: a page that raises, or that shows nothing at all
    (a stream whose stated length is stale hides the page's whole content from pdfminer), is
    read again from the repaired copy (repair.py), made once at the first such page. A page
    that raises there too refuses the paper."""
    fixed = None
    try:
        for number in range(first, last + 1):
            try:
                read, failure = _read_page(pages[number - 1], number), None
            except Exception as exc:
                read, failure = None, _converted(exc, path)
                if failure.kind != "corrupt":
                    raise failure from exc
            if read is None or read.blank:
                if fixed is None:
                    fixed = _open_repaired(path) or False
                again = _read_again(fixed, number) if fixed else None
                if again is not None and (read is None or not again.blank):
                    read = again
                elif read is None:
                    raise failure
            yield read
    finally:
        if fixed:
            fixed[0].close()


def _open_repaired(path: Path):
    """The repaired copy open, with its pages; None when there is none to read."""
    source = repaired(path)
    try:
        return _open_source(source, path) if source is not None else None
    except PaperError:
        return None


def _read_again(fixed, number: int) -> _Page | None:
    try:
        return _read_page(fixed[1][number - 1], number)
    except Exception:
        return None


@dataclass
class PageLayout:
    """A page laid out on its own: lines and table slots in reading order (tables numbered
    from 0 on the page), its tables' cells, its height, and for pages 1 and 2 the raw lines
    metadata detection reads."""

    number: int
    height: float
    lines: list[Line | TableSlot]
    tables: list[list[list[Cell | None]]]
    raw_lines: list[str] | None
    ocr: float | None = None     # a scan read by OCR: its mean word confidence (0-100)
    unread_scan: bool = False    # a scan left unread: no Tesseract on this machine


def _lay_out(page: _Page) -> PageLayout:
    tables = []
    for bbox, cells in page.tables:
        inside = [w for w in page.words if not _outside(w, [bbox])]
        rows = table_cells(inside, cells, page.boxes)
        if sum(1 for row in rows for cell in row if cell and cell.text) > 1:  # one boxed paragraph is not a table
            tables.append((bbox, rows))
    bboxes = [bbox for bbox, _ in tables]
    lines = page_lines([w for w in page.words if _outside(w, bboxes)], bboxes, page.boxes)
    raw = [item.text for item in page_lines(page.words)] if page.number <= 2 else None
    return PageLayout(page.number, page.height, lines, [rows for _, rows in tables], raw,
                      page.ocr, page.unread_scan)


# In a worker process: the paper it last read, kept open for its next range of pages, since
# opening a long PDF walks its whole page tree.
_held: tuple[tuple, object, list] | None = None


def lay_out_pages(path: str | Path, first: int, last: int) -> list[PageLayout]:
    """Pages `first` to `last` (from 1, inclusive) of one paper laid out: a worker's share
    of a long paper. Raises PaperError."""
    global _held
    path = Path(path)
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if _held is None or _held[0] != key:
        if _held is not None:
            _held[1].close()
            _held = None                 # not left pointing at a closed file if _open fails
        _held = (key, *_open(path))
    return [_lay_out(page) for page in _read_pages(path, _held[2], first, last)]


def _ranges(weights: list[int], workers: int) -> list[tuple[int, int]]:
    """Pages of these weights cut into contiguous (first, last) ranges for `workers` to take
    in order as they come free: RANGE_PAGES pages' work each at first, then a share of what
    is left, down to TAIL_PAGES, so that the workers finish together (ranges of one size
    left a worker idle for up to a whole range while another laid out the last)."""
    ranges, first, left = [], 0, sum(weights)
    while first < len(weights):
        target = min(RANGE_PAGES, max(TAIL_PAGES, left / (2 * workers)))
        last, weight = first, weights[first]
        while last + 1 < len(weights) and weight < target:
            last += 1
            weight += weights[last]
        ranges.append((first + 1, last + 1))
        first, left = last + 1, left - weight
    return ranges


def page_ranges(path: str | Path, parallel_min_pages: int = PARALLEL_MIN_PAGES) -> list[tuple[int, int]] | None:
    """How to share a long paper's pages among workers: contiguous ranges (`_ranges`),
    handed out as workers come free. A page
    to OCR counts as ocr.PAGE_WEIGHT pages, so a short scan is shared out too. None for a
    paper to read whole in one process: a short one, or one that does not open (reading it
    whole raises its PaperError)."""
    try:
        _check_bytes(Path(path))
        weights = ocr.page_weights(path, parallel_min_pages)
    except Exception:
        return None
    if len(weights) < 2 or sum(weights) < parallel_min_pages:
        return None
    return _ranges(weights, cpus())


def _page_layouts(path: Path, parallel_min_pages: int, pool: ProcessPoolExecutor | None) -> list[PageLayout]:
    """Every page laid out, in order: in this process for a short paper or inside a worker,
    else in ranges on `pool`, or on a pool of one process per CPU."""
    ranges = page_ranges(path, parallel_min_pages) if pool is not None or may_share() else None
    if ranges is None:
        _check_bytes(path)
        pdf, pages = _open(path)
        with pdf:
            return [_lay_out(page) for page in _read_pages(path, pages, 1, len(pages))]
    if pool is not None:
        return _laid_out_on(pool, path, ranges)
    with paper_pool() as pool:
        return _laid_out_on(pool, path, ranges)


def _laid_out_on(pool: ProcessPoolExecutor, path: Path, ranges: list[tuple[int, int]]) -> list[PageLayout]:
    parts = pool.map(lay_out_pages, [str(path)] * len(ranges), *zip(*ranges))
    return [layout for part in parts for layout in part]


def _outside(word: dict, boxes: list[tuple]) -> bool:
    middle_x, middle_y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return not any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _cover_lines(layouts: list[PageLayout]) -> list[str]:
    """Raw lines of page 1 (and page 2 when page 1 has under 5), running headers and
    table text included: metadata detection wants the cover sheet as printed."""
    lines = list(layouts[0].raw_lines)
    if len(lines) < 5 and len(layouts) > 1:
        lines += layouts[1].raw_lines
    return lines


class _Sections:
    """The stack of headings (and the current paragraph number) over the reading point."""

    PARAGRAPH = 99  # a paragraph number sits below any heading

    def __init__(self) -> None:
        self.entries: list[tuple[int, bool, str]] = []  # (level, numbered, label)

    @property
    def path(self) -> str:
        return " > ".join(label for _, _, label in self.entries)

    def _push(self, level: int, numbered: bool, label: str) -> None:
        while self.entries and self.entries[-1][0] >= level:
            self.entries.pop()
        self.entries.append((level, numbered, label))

    def heading(self, text: str, number: str | None) -> None:
        """Numbered headings nest by their number's depth ("9" > "9.a"); an unnumbered
        one sits just under the deepest numbered heading, replacing any sibling."""
        if number:
            level = len(re.findall(r"\d+|[a-z]+", number))
        else:
            level = 1 + max((lvl for lvl, numbered, _ in self.entries if numbered and lvl < self.PARAGRAPH), default=0)
        self._push(level, bool(number), text)

    def paragraph(self, number: str) -> None:
        """A multi-part paragraph number ("6.3") is cited like a section; list items ("3.") are not."""
        if re.search(r"\w[.]\w", number):
            self._push(self.PARAGRAPH, True, number)


class _Classifier:
    """Names a paragraph's kind; heading rules adapt to how the paper styles its headings."""

    def __init__(self, paras: list[Paragraph]) -> None:
        sizes = Counter()
        for para in paras:
            for line in para.lines:
                sizes[line.size] += len(line.text)
        self.body_size = sizes.most_common(1)[0][0] if sizes else 0.0
        styled = [p for p in paras if self._styled(p) and not p.marker]
        # If any numbered heading is bold or large, plain numbered lines are list items.
        self.styled_numbers = any(
            (m := starts_numbered(p.text)) and self._heading_shape(p.text[m.end():]) for p in styled
        )
        # Only a paper with no styled headings at all falls back on title case.
        self.plain_paper = not any(self._heading_shape(p.text) for p in styled)

    def _styled(self, para: Paragraph) -> bool:
        return para.bold or para.size >= self.body_size + 1

    @staticmethod
    def _heading_shape(title: str) -> bool:
        return 0 < len(title) <= 200 and (title[0].isupper() or title[0].isdigit()) and title[-1] not in ".,;:"

    @staticmethod
    def _title_case(para: Paragraph, text: str) -> bool:
        """One short line whose longer words all start upper-case: "Risks and Mitigations"."""
        words = text.split()
        return len(para.lines) == 1 and 2 <= len(words) <= 10 and all(w[0].isupper() for w in words if len(w) > 3)

    def classify(self, para: Paragraph) -> tuple[BlockKind, str, str | None]:
        """(kind, text without bullet glyph, paragraph or heading number)."""
        text, marker = para.text, para.marker
        if text[:1] in BULLET_SYMBOLS:
            text, marker = text[1:].lstrip(), True
        elif bullet := TEXT_BULLET.match(text):
            text, marker = text[bullet.end():], True
        if numbered := starts_numbered(text):
            number = next(group for group in numbered.groups() if group)
            title = text[numbered.end():]
            # Unstyled numbered headings count only in papers that never style theirs.
            plain_heading = not self.styled_numbers and len(para.lines) == 1 and len(title.split()) <= 12
            is_heading = not marker and self._heading_shape(title) and (self._styled(para) or plain_heading)
            return (BlockKind.heading if is_heading else BlockKind.numbered), text, number
        if marker:
            return BlockKind.bullet, text, None
        if self._heading_shape(text) and (
            (self._styled(para) and len(text.split()) <= 15 and text.count(",") <= 1)
            or (self.plain_paper and self._title_case(para, text))
        ):
            return BlockKind.heading, text, None
        return BlockKind.body, text, None


def _runs_on(prev: Block, tail: str, block: Block, other_region: bool) -> bool:
    """Whether `block` continues the sentence `prev` left open (across a page break, a
    column, or a stray gap): prev, whose text ends with `tail`, stops mid-sentence and
    block starts lower-case or follows a word no sentence ends on. Into another region of
    the same page only a lower-case start will do: boxes side by side hold phrases with no
    stop ("... for all", "Empower patients ..."), while text running on into the next
    column goes on mid-sentence."""
    if block.kind != BlockKind.body or prev.kind not in (BlockKind.body, BlockKind.bullet, BlockKind.numbered):
        return False
    if ends_clause(tail):
        return False
    if other_region:
        return block.text[:1].islower()
    last_word = tail.rsplit(None, 1)[-1].lower()
    return block.text[:1].islower() or tail[-1] in ",&-–(/" or last_word in CONNECTORS


def _blocks(items: list[Paragraph | TableSlot], classifier: _Classifier, tables: list[Table]) -> list[Block]:
    """Blocks in reading order with kinds, numbers and section paths; split paragraphs mended,
    but never into or out of a drawn box: a call-out set part-way down a column leaves the
    paragraph it interrupts to be mended round it."""
    sections = _Sections()
    blocks: list[Block] = []
    parts: list[list[str]] = []  # each block's text pieces, joined once at the end
    places: list[tuple] = []     # each block's (page, region, boxed); a table cell's region is None
    for item in items:
        if isinstance(item, TableSlot):
            table = tables[item.index]
            for r, row in enumerate(table.rows):
                for c, cell in enumerate(row):
                    if cell:
                        blocks.append(Block(page=table.page, kind=BlockKind.table_cell, text=cell,
                                            section=sections.path, table=item.index, row=r, col=c))
                        parts.append([cell])
                        places.append((table.page, None, True))
            continue
        kind, text, number = classifier.classify(item)
        text = " ".join(text.split())
        if not text:
            continue
        block = Block(page=item.page, kind=kind, text=text, number=number)
        if (target := _open_before(places, item)) is not None:
            page, region, boxed = places[target]
            other_region = page == item.page and region != item.region
            if not (other_region and (boxed or item.boxed)) and _runs_on(blocks[target], parts[target][-1], block, other_region):
                parts[target].append(text)
                continue
        if kind == BlockKind.heading:
            sections.heading(text, number)
        elif kind == BlockKind.numbered:
            sections.paragraph(number)
        block.section = sections.path
        blocks.append(block)
        parts.append([text])
        places.append((item.page, item.region, item.boxed))
    for block, pieces in zip(blocks, parts):
        block.text = " ".join(pieces)
    return blocks


def _open_before(places: list[tuple], item: Paragraph) -> int | None:
    """The block `item` may continue: the last one, or for text outside boxes, the last one
    outside the boxes read just before it on its page."""
    target = len(places) - 1
    while not item.boxed and target > 0 and places[target][2] and places[target][1] is not None \
            and places[target][0] == item.page:
        target -= 1
    return target if target >= 0 else None


def parse_pdf(path: Path, sha256: str | None = None, parallel_min_pages: int = PARALLEL_MIN_PAGES,
              pool: ProcessPoolExecutor | None = None) -> ParsedPaper:
    """Parse one paper; raises PaperError (empty, not_pdf, corrupt, encrypted, needs_ocr).
    A paper of `parallel_min_pages` pages or more is read on every CPU (on `pool` if given)."""
    path = Path(path)
    return assemble(path, _page_layouts(path, parallel_min_pages, pool), sha256)


def assemble(path: Path, layouts: list[PageLayout], sha256: str | None = None) -> ParsedPaper:
    """The paper from its pages laid out in order, wherever they were read: running lines
    dropped, paragraphs mended across page breaks, kinds and sections named. Raises
    PaperError (needs_ocr) for a paper with no text."""
    unread = [layout.number for layout in layouts if layout.unread_scan]
    path = Path(path)
    tables: list[Table] = []
    pages: list[list[Line | TableSlot]] = []
    heights: list[float] = []
    for layout in layouts:
        for slot in (item for item in layout.lines if isinstance(item, TableSlot)):
            slot.index += len(tables)  # from the page's numbering to the paper's
        tables += [Table(page=layout.number, rows=[]) for _ in layout.tables]
        pages.append(layout.lines)
        heights.append(layout.height)

    kept_pages, kept_tables = drop_running_lines(pages, heights, [layout.tables for layout in layouts])
    items = [item for number, lines in enumerate(kept_pages, start=1) for item in paragraphs(lines, number)]
    _mend_broken_words(items, kept_tables)
    for table, rows in zip(tables, (rows for page_tables in kept_tables for rows in page_tables)):
        table.rows = [[" ".join(cell.text.split()) if cell else "" for cell in row] for row in rows]
    classifier = _Classifier([item for item in items if isinstance(item, Paragraph)])
    blocks = _blocks(items, classifier, tables)
    if not blocks:
        raise PaperError("needs_ocr", _no_text(path, layouts))
    if unread:
        logging.getLogger(__name__).warning("%s: scanned pages %s left unread: %s", path.name, unread,
                                            ocr.tesseract_missing())
    offset = 0
    for block in blocks:
        block.char_start, block.char_end = offset, offset + len(block.text)
        offset = block.char_end + 1
    return ParsedPaper(
        path=str(path),
        sha256=sha256 or sha256_file(path),
        pages=len(pages),
        blocks=blocks,
        tables=tables,
        text="\n".join(block.text for block in blocks),
        cover_lines=_cover_lines(layouts),
        ocr_pages={layout.number: layout.ocr for layout in layouts if layout.ocr is not None},
    )


def _mend_broken_words(items: list[Paragraph | TableSlot], tables: list) -> None:
    """Words hyphened over a line break made whole (hyphens.py), in paragraphs and in table
    cells, judged by the words the whole paper prints."""
    runs = [item.lines for item in items if isinstance(item, Paragraph)]
    runs += [cell.lines for page in tables for table in page for row in table for cell in row if cell]
    known = hyphens.vocabulary(line.text for lines in runs for line in lines)
    for lines in runs:
        hyphens.mend(lines, known)


def _no_text(path: Path, layouts: list[PageLayout]) -> str:
    """Why a paper yielded no text: scans left unread, scans OCR read nothing on, or neither."""
    pages = f"{path.name} has no readable text on any of its {len(layouts)} pages"
    if any(layout.unread_scan for layout in layouts):
        return f"{pages}: it is scanned and needs OCR. {ocr.tesseract_missing()}"
    if any(layout.ocr is not None for layout in layouts):
        return f"{pages}, even by OCR"
    return f"{pages}, and no page is a scan that OCR could read"
