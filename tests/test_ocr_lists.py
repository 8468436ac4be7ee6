"""List items on scanned pages told by their hanging indent, not by the mark Tesseract reads
(pipeline/ocr_lists.py): a scanned list parses as the same page born-digital does."""
import shutil
import textwrap

import numpy as np
import pytest

from bench.scanned_copies import scanned_copy
from pipeline import ocr
from pipeline.ocr_lists import BULLET, OcrLine, mark_list_items
from pipeline.parse import parse_pdf
from tests.pdfgen import write_pdf

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason=f"Tesseract is not installed ({ocr.INSTALL})")

SIZE, LEAD, MARK_X, TEXT_X = 11, 14.5, 90, 126       # points: the marks hang 36 pt left of the text
PRIORITIES = [
    "Open two more community diagnostic hubs in the north of the borough, so that residents wait no "
    "longer than six weeks for a scan.",
    "Extend the falls prevention service to every care home.",
    "Recruit forty district nurses jointly with the hospital trust, and train a further twenty through "
    "the apprenticeship route by 2027.",
    "Publish a yearly report to the Board on waiting times, set out by ward and by age group.",
]
REPORTS = [
    "A quarterly dashboard for the Board, with each measure against its target.",
    "An annual review with residents, held in public in each of the three localities of the borough.",
]


def _list_page() -> list[tuple]:
    """A priorities page: a lead-in, a numbered list and a bulleted one, each item's mark
    hanging in the margin and its wrapped lines under its text (pdfgen items)."""
    items, y = [(72, 770, "3. Our priorities for 2026 to 2028", 14, True)], 740

    def paragraph(text: str) -> None:
        nonlocal y
        for line in textwrap.wrap(text, 88):
            items.append((72, y, line, SIZE))
            y -= LEAD
        y -= 12

    def hanging(mark: str, text: str) -> None:
        nonlocal y
        for k, line in enumerate(textwrap.wrap(text, 72)):
            if k == 0:
                items.append((MARK_X, y, mark, SIZE))
            items.append((TEXT_X, y, line, SIZE))
            y -= LEAD

    paragraph("Over the next two years the Partnership will concentrate on four areas of work, each agreed "
              "with residents and the voluntary sector:")
    for n, text in enumerate(PRIORITIES, 1):
        hanging(f"{n}.", text)
    y -= 12
    paragraph("The Partnership has also agreed how it will report progress:")
    for text in REPORTS:
        hanging("\u2022", text)
        y -= 8
    return items


def _items(paper) -> list[tuple]:
    return [(b.kind.value, b.number, b.text) for b in paper.blocks if b.kind.value in ("numbered", "bullet")]


@needs_tesseract
def test_a_scanned_list_with_hanging_indents_reads_as_its_items(tmp_path):
    """Scanned as bench/scanned_copies.py scans (200 dpi grey, turned 0.4 degrees, JPEG 70),
    whose small marks Tesseract misreads or drops, each item is still a list item of its own,
    numbered as printed, and the page parses as it does born-digital."""
    digital = write_pdf(tmp_path / "priorities.pdf", [_list_page()])
    scan = tmp_path / "priorities-scan.pdf"
    scanned_copy(digital, scan, dpi=200, skew=0.4, quality=70)
    scanned, printed = parse_pdf(scan), parse_pdf(digital)
    assert scanned.ocr_pages and not printed.ocr_pages
    expected = [("numbered", str(n), f"{n}. {text}") for n, text in enumerate(PRIORITIES, 1)]
    expected += [("bullet", None, text) for text in REPORTS]
    assert _items(printed) == expected
    assert _items(scanned) == expected


def _line(top: float, *words: tuple[str, float, float, float]) -> OcrLine:
    """A line of 40-pixel type whose words are (text, x0, x1, confidence)."""
    return OcrLine(list(words), top, top + 40, 40, 1.0)


def _blank(height: int = 800, width: int = 1200) -> np.ndarray:
    return np.zeros((height, width), dtype=bool)


def _firsts(lines: list[OcrLine]) -> list[str]:
    return [line.words[0][0] for line in lines]


def test_misread_numbers_are_counted_from_the_sibling_read_as_printed():
    """Three items, marks at x 100, text at 200, one wrapped line each: "Ls", "va" and a
    dotless "3" (all doubted) read as 1., 2., 3.: the readable 3 fixes the count."""
    lines = []
    for n, mark in enumerate(("Ls", "va", "3")):
        lines.append(_line(100 + 110 * n, (mark, 100, 130, 60.0), ("Improve", 200, 330, 96.0),
                           ("care", 345, 420, 96.0)))
        lines.append(_line(155 + 110 * n, ("services", 201, 340, 95.0)))
    assert _firsts(mark_list_items(lines, _blank()))[::2] == ["1.", "2.", "3."]


def test_items_with_no_readable_number_become_bullets_and_a_confident_number_stays():
    lines = [_line(100, ("e", 100, 120, 55.0), ("Senior", 200, 320, 96.0), ("Officer", 335, 470, 96.0)),
             _line(155, ("Council", 202, 340, 96.0)),
             _line(210, ("iy", 100, 125, 40.0), ("Data", 200, 290, 96.0), ("Lead", 305, 390, 96.0))]
    assert _firsts(mark_list_items(lines, _blank())) == [BULLET, "Council", BULLET]
    numbered = [_line(100, ("1.", 100, 125, 96.0), ("Data", 200, 290, 96.0)),
                _line(155, ("2.", 100, 125, 52.0), ("Lead", 200, 290, 96.0))]
    assert _firsts(mark_list_items(numbered, _blank())) == ["1.", "2."]


def test_short_words_read_with_confidence_and_lines_without_a_hanging_indent_are_left_alone():
    """Labels in a column before their values ("To:", "Cc:") are text; so is a doubted short
    word whose next line goes back to the left margin rather than under the text after it."""
    labels = [_line(100, ("To:", 100, 160, 95.0), ("Health", 200, 320, 96.0), ("Board", 335, 440, 96.0)),
              _line(155, ("Cc:", 100, 160, 93.0), ("Directors", 200, 380, 96.0))]
    assert _firsts(mark_list_items(labels, _blank())) == ["To:", "Cc:"]
    prose = [_line(100, ("Ik", 100, 130, 50.0), ("residents", 200, 380, 96.0), ("said", 395, 470, 96.0)),
             _line(155, ("that", 100, 180, 96.0), ("waiting", 195, 330, 96.0))]
    assert _firsts(mark_list_items(prose, _blank())) == ["Ik", "that"]


def test_a_mark_tesseract_read_no_word_on_is_found_in_the_ink_but_a_rule_is_not():
    """Items whose text starts at x 200 with nothing read before it: a dot of ink at x 120-136,
    level with the text, is a bullet; a box's rule at x 130, running above and below the line, is not."""
    def items(ink: np.ndarray) -> list[str]:
        lines = [_line(100, ("Quarterly", 200, 380, 96.0), ("dashboard", 395, 580, 96.0)),
                 _line(155, ("for", 201, 260, 96.0), ("the", 275, 330, 96.0)),
                 _line(210, ("Annual", 200, 330, 96.0), ("review", 345, 470, 96.0))]
        return _firsts(mark_list_items(lines, ink))

    dots = _blank()
    for top in (100, 210):
        dots[top + 14:top + 30, 120:136] = True
    assert items(dots) == [BULLET, "for", BULLET]
    rule = _blank()
    rule[60:300, 130:133] = True
    assert items(rule) == ["Quarterly", "for", "Annual"]
    speck = _blank()
    speck[114:130, 120:136] = True        # one dot, beside the first line only: a speck, not a list
    assert items(speck) == ["Quarterly", "for", "Annual"]


def test_a_mark_read_as_a_line_of_its_own_joins_the_item_it_stands_before():
    lines = [_line(100, ("A", 200, 225, 96.0), ("focus", 240, 350, 96.0), ("on", 365, 410, 96.0)),
             _line(112, ("e", 100, 118, 40.0)),
             _line(155, ("2.", 100, 125, 96.0), ("Reducing", 200, 370, 96.0)),
             _line(210, ("deaths", 201, 330, 96.0))]
    marked = mark_list_items(lines, _blank())
    assert [[word[0] for word in line.words][:2] for line in marked] == [["1.", "A"], ["2.", "Reducing"], ["deaths"]]
