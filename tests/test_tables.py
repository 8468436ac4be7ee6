"""What counts as a ruled table (pipeline/tables.py), on pages these tests write: a designed
two-column page with a coloured background, a banner and dashed or dotted dividers has no
table and quotes each record from one column; a register ruled with solid lines, a shaded
header row and shaded label rows is still read cell by cell."""
import pdfplumber

from pipeline.parse import parse_pdf
from pipeline.tables import ruled_tables
from tests.pdfgen import write_pdf
from tests.test_layout import LEADING, column, from_one, quotes, ruled, wrap

SECTIONS = [
    ("Starting Well",
     "Exampleton Borough Council will open three new family hubs in the south of the borough by "
     "April 2026. There is a risk that the hubs cannot recruit enough health visitors. The Board "
     "agreed to fund the first hub from the public health reserve."),
    ("Living Well",
     "We will offer every adult on the learning disability register an annual health check. There "
     "is a risk that uptake stays low in the most deprived wards. The Board approved the new "
     "outreach service at its meeting in March."),
    ("Ageing Well",
     "NHS Kingsmere will expand the falls prevention service to every care home in the county. "
     "There is a risk that care home staff turnover undoes the training. The Board agreed to "
     "review the service after its first year."),
    ("Working Together",
     "The partnership will publish a single carers strategy for the county by the autumn. There is "
     "a risk that carers are not heard in its design. The Board agreed to set up a carers panel."),
]


def dashes(x0: float, y0: float, x1: float, y1: float, dash: float = 3, gap: float = 2) -> list[tuple]:
    """A dashed divider drawn as short separate strokes, as some exports draw one."""
    strokes, length = [], ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    start = 0.0
    while start < length:
        end = min(start + dash, length)
        strokes.append((x0 + (x1 - x0) * start / length, y0 + (y1 - y0) * start / length,
                        x0 + (x1 - x0) * end / length, y0 + (y1 - y0) * end / length))
        start = end + gap
    return strokes


def dots(x0: float, y0: float, x1: float, y1: float, step: float = 4) -> list[tuple]:
    """A dotted divider: a row of small filled squares."""
    count = int(max(x1 - x0, y1 - y0) / step)
    return [(x0 + (x1 - x0) * i / count, y0 + (y1 - y0) * i / count, 1.2, 1.2, (0.1, 0.3, 0.6))
            for i in range(count + 1)]


def designed_page(tmp_path):
    """A strategy's designed page: a white background drawn edge to edge, a coloured banner,
    four sections in two columns, parted by a dashed divider down the middle and a dotted one
    across, on a shared baseline grid so every row holds words of both columns."""
    items = [(40, 815, "OUR PRIORITIES FOR EXAMPLETON", 14, True, 1)]
    boxes = [(0, 0, 595, 842, 1), (0, 800, 595, 42, (0.15, 0.2, 0.45))]
    sources = []
    for index, (heading, text) in enumerate(SECTIONS):
        x, top = (40 if index % 2 == 0 else 312), (770 if index < 2 else 500)
        lines = wrap(text, 44)
        items += [(x, top, heading, 12, True)] + column(x, top - 20, lines)
        sources.append(" ".join(lines))
    rules = dashes(300, 790, 300, 300) + dashes(40, 790, 40, 300) + dashes(555, 790, 555, 300)
    boxes += dots(30, 530, 565, 530)
    path = write_pdf(tmp_path / "designed.pdf", [items], rules=[rules], boxes=[boxes])
    return path, sources


def test_dashed_strokes_dots_and_filled_backgrounds_are_not_rules(tmp_path):
    """pdfplumber alone finds a table on the designed page (dashes joined into lines, the
    background and banner as its frame); none of them rules a table here."""
    path, _ = designed_page(tmp_path)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert page.find_tables()
        assert ruled_tables(page) == []


def test_a_designed_two_column_page_quotes_each_record_from_one_section(tmp_path):
    path, sources = designed_page(tmp_path)
    paper = parse_pdf(path)
    assert paper.tables == []
    found = quotes(paper)
    assert len(found) >= 8
    for quote in found:
        assert from_one(quote, sources), quote


REGISTER = [("Risk", "Owner", "Rating"),
            ("Care home places close for want of staff", "Director of Adult Services", "High"),
            ("The capital bid for the new hub is refused", "Chief Finance Officer", "Medium"),
            ("Winter demand outstrips the discharge funding", "Chief Operating Officer", "High")]


def test_a_register_ruled_with_solid_lines_and_a_shaded_header_is_read_cell_by_cell(tmp_path):
    """Rules as strokes and as thin filled bars (as word processors draw them), the header row
    shaded: the register's rows come out as they are printed."""
    items, xs, top = [], (55, 265, 445), 760
    for r, row in enumerate(REGISTER):
        items += [(x, top - 24 * r, cell, 9, r == 0) for x, cell in zip(xs, row)]
    bottom = top - 24 * len(REGISTER) + 16
    rules = ruled(50, bottom, 545, top + 16) + [(260, bottom, 260, top + 16)]
    bars = [(440 - 0.25, bottom, 0.5, top + 16 - bottom, 0)]     # a column rule drawn as a bar
    bars += [(50, top + 16 - 24 * r - 0.25, 495, 0.5, 0) for r in range(1, len(REGISTER))]
    shading = [(50, top - 8, 495, 24, (0.85, 0.85, 0.85))]
    paper = parse_pdf(write_pdf(tmp_path / "register.pdf", [items], rules=[rules], boxes=[shading + bars]))
    assert [table.rows for table in paper.tables] == [[list(row) for row in REGISTER]]


def test_shaded_label_rows_inside_a_ruled_form_part_its_cells(tmp_path):
    """A form framed by rules whose label rows are shaded grey and value rows white, with no
    rule between a label and its value: each label and each value is a cell of its own."""
    fields = [("Service Change", "No"), ("Service Redesign", "Yes"), ("Lead Officer", "Director of Public Health")]
    items, boxes, top = [], [], 760
    for i, (label, value) in enumerate(fields):
        y = top - 2 * LEADING * i
        items += [(55, y, label, 9, True), (55, y - LEADING, value, 9)]
        boxes += [(50, y - 3, 495, LEADING, (0.85, 0.85, 0.85)), (50, y - 3 - LEADING, 495, LEADING, 1)]
    bottom = top - 3 - 2 * LEADING * len(fields) + LEADING
    rules = ruled(50, bottom, 545, top + 10)
    paper = parse_pdf(write_pdf(tmp_path / "form.pdf", [items], rules=[rules], boxes=[boxes]))
    assert [table.rows for table in paper.tables] == [[[text] for pair in fields for text in pair]]
