"""Reading order by page region, on pages these tests write: columns, boxes side by side and
sidebars are read one at a time; labels beside their values, tables without rules and
ordinary prose are read across as before."""
import textwrap

from pdfminer.fontmetrics import FONT_METRICS

from pipeline.extract import extract_paper
from pipeline.parse import parse_pdf
from schemas.parsed import BlockKind
from tests.pdfgen import write_pdf

LEADING = 13


def width(text: str, size: float = 10, bold: bool = False) -> float:
    """The width of `text` set in Helvetica (as tests/pdfgen.py sets it), in points."""
    widths = FONT_METRICS["Helvetica-Bold" if bold else "Helvetica"][1]
    return sum(widths.get(char, 556) for char in text) * size / 1000


def column(x: float, top: float, lines: list[str], size: float = 10, bold: bool = False) -> list[tuple]:
    """Lines set left-aligned at `x`, the first at height `top`."""
    return [(x, top - LEADING * i, line, size, bold) for i, line in enumerate(lines)]


def centred(x0: float, x1: float, top: float, lines: list[str], size: float = 10) -> list[tuple]:
    """Lines centred between x0 and x1, as in a box of an infographic or slide."""
    return [((x0 + x1 - width(line, size)) / 2, top - LEADING * i, line, size) for i, line in enumerate(lines)]


def ruled(x0: float, y0: float, x1: float, y1: float) -> list[tuple]:
    """The four rules of a box, for a table pdfplumber finds by its ruling lines."""
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


def wrap(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars)


def justified(x: float, top: float, measure: float, text: str, size: float = 10) -> tuple[list[tuple], list[str]]:
    """Words set justified to `measure` points, each word an item, the last line set plain;
    and the lines' texts."""
    lines: list[list[str]] = [[]]
    for word in text.split():   # spaces of at least 3.5 points, which pdfplumber reads as spaces
        if lines[-1] and sum(width(w, size) + 3.5 for w in lines[-1] + [word]) - 3.5 > measure:
            lines.append([])
        lines[-1].append(word)
    items = [(x, top - LEADING * (len(lines) - 1), " ".join(lines[-1]), size)]
    for i, words in enumerate(lines[:-1]):
        gap = (measure - sum(width(w, size) for w in words)) / max(1, len(words) - 1)
        left = x
        for word in words:
            items.append((left, top - LEADING * i, word, size))
            left += width(word, size) + gap
    return items, [" ".join(words) for words in lines]


def texts(paper) -> list[str]:
    return [block.text for block in paper.blocks]


LEFT = (
    "Exampleton Borough Council will open two new family hubs in the north of the borough by "
    "September 2025. We will recruit eight additional health visitors to work from the hubs, "
    "and the council has set aside £1.2m for the fit-out of both buildings this year."
)
RIGHT = (
    "NHS Kingsmere Integrated Care Board will commission a community diagnostic centre for the "
    "east of the county. We will publish the outline business case for consultation in the "
    "spring, and the board agreed to review waiting times for scans every quarter."
)


def test_two_column_quotes_stay_in_their_column(tmp_path):
    """Both columns share a baseline grid, so every row of the page has words of both: the
    records' quotes must still come from one column each."""
    left, right = wrap(LEFT, 44), wrap(RIGHT, 44)
    items = [(50, 800, "Community Services Update", 16, True)]
    items += column(50, 760, left) + column(310, 760, right)
    paper = parse_pdf(write_pdf(tmp_path / "columns.pdf", [items]))
    assert texts(paper)[1:] == [" ".join(left), " ".join(right)]

    records = extract_paper(paper)
    quoted = [r for kind in ("commitments", "milestones", "budgets", "risks", "decisions")
              for r in getattr(records, kind)]
    assert {r.quote for r in records.commitments} >= {
        "We will recruit eight additional health visitors to work from the hubs, and the council has set "
        "aside £1.2m for the fit-out of both buildings this year.",
        "We will publish the outline business case for consultation in the spring, and the board agreed "
        "to review waiting times for scans every quarter.",
    }
    for record in quoted:
        assert record.quote in " ".join(left) or record.quote in " ".join(right), record.quote


def test_three_boxes_side_by_side_are_read_box_by_box(tmp_path):
    """Centred phrases in three boxes, rows level across them; the first ends on a word no
    sentence ends on ("all") and the next starts a new phrase: they stay apart."""
    boxes = [
        ["Improve the", "health and", "wellbeing of", "residents for all"],
        ["Reduce the", "gap in healthy", "life expectancy", "between wards"],
        ["Promote joined", "up working", "across partners"],
    ]
    items = [(50, 800, "Our Shared Priorities", 16, True)]
    for (x0, x1), lines in zip([(50, 180), (220, 350), (390, 520)], boxes):
        items += centred(x0, x1, 760, lines)
    body = wrap("The board will review progress against each priority at its meeting in the autumn, "
                "drawing on the annual report of the Director of Public Health.", 90)
    items += column(50, 690, body)
    paper = parse_pdf(write_pdf(tmp_path / "boxes.pdf", [items]))
    assert texts(paper) == ["Our Shared Priorities", *(" ".join(lines) for lines in boxes), " ".join(body)]


def test_a_sidebar_beside_the_body_is_its_own_block(tmp_path):
    sidebar = ["Key facts", "One in five", "residents is", "over 65, and", "the share is", "rising."]
    body = wrap(
        "The Exampleton Ageing Well programme brings together the council, the two community trusts and "
        "the voluntary sector. Over the next three years it will extend falls prevention classes to every "
        "ward and train care home staff in spotting early signs of frailty. " * 2, 70)
    items = column(40, 780, sidebar[:1], size=11, bold=True) + column(40, 764, sidebar[1:], size=9)
    items += column(190, 780, body)
    paper = parse_pdf(write_pdf(tmp_path / "sidebar.pdf", [items]))
    assert texts(paper) == ["Key facts", " ".join(sidebar[1:]), " ".join(body)]
    assert paper.blocks[0].kind == BlockKind.heading


def test_a_paragraph_beside_a_ruled_table_is_not_cut_by_it(tmp_path):
    """A table that starts beside the middle of a paragraph is read after the paragraph."""
    left = wrap("The table beside this paragraph sets out the budget for each of the three localities over "
                "the next two years, with a share held back as a contingency against rising winter demand.", 44)
    items = [(50, 800, "Locality Budgets", 16, True)] + column(50, 760, left)
    cells = [("Locality", "Budget"), ("North", "£1.2m"), ("South", "£0.9m")]
    for i, (name, amount) in enumerate(cells):
        items += [(315, 725 - 20 * i, name, 10), (445, 725 - 20 * i, amount, 10)]
    rules = ruled(310, 675, 540, 740) + [(310, 718, 540, 718), (310, 698, 540, 698), (440, 675, 440, 740)]
    paper = parse_pdf(write_pdf(tmp_path / "beside.pdf", [items], rules=[rules]))
    assert texts(paper) == ["Locality Budgets", " ".join(left), *(cell for row in cells for cell in row)]


def test_text_runs_on_from_one_column_into_the_next_mid_sentence(tmp_path):
    """A sentence the left column ends part-way is continued at the top of the right column."""
    first = wrap("The partnership has met six times since its launch and has agreed a shared plan with "
                 "the police, probation and the voluntary sector, which will be", 44)
    second = wrap("published in full once each partner has signed it. A summary is attached.", 44)
    items = [(50, 800, "Community Safety Partnership", 16, True)]
    items += column(50, 760, first) + column(310, 760, second)
    items += column(310, 760 - LEADING * 6, wrap("Members are asked to note the report and its appendix.", 44))
    paper = parse_pdf(write_pdf(tmp_path / "flow.pdf", [items]))
    assert texts(paper)[1] == " ".join(first + second)


def test_title_columns_and_a_closing_paragraph_in_reading_order(tmp_path):
    """A full-width row above and below cuts the page into bands: title, left column, right
    column, then the paragraph across the foot."""
    left = wrap("The first column sets out the background to the proposal. " * 4, 44)
    right = wrap("The second column sets out the options that were considered. " * 4, 44)
    foot = wrap("The Cabinet is asked to agree the preferred option and to delegate its delivery to the "
                "Corporate Director of Adult Social Care and Health.", 95)
    items = [(50, 800, "Proposed Changes to Day Services", 16, True)]
    items += column(50, 760, left) + column(310, 760, right)
    items += column(50, 760 - LEADING * (max(len(left), len(right)) + 2), foot)
    paper = parse_pdf(write_pdf(tmp_path / "bands.pdf", [items]))
    assert texts(paper) == ["Proposed Changes to Day Services", " ".join(left), " ".join(right), " ".join(foot)]


def test_labels_close_to_their_values_stay_on_their_rows(tmp_path):
    """A cover sheet set with tab stops just past its longest label, single spaced."""
    rows = [("From:", "Jo Bloggs, Cabinet Member for Adult Social Care"), ("To:", "Cabinet"),
            ("Date of meeting:", "4 March 2024"), ("Subject:", "Extra care housing in Exampleton"),
            ("Decision no:", "24/00012"), ("Classification:", "Unrestricted")]
    items = column(60, 780, [label for label, _ in rows]) + column(150, 780, [value for _, value in rows])
    items += column(60, 680, wrap("Summary: this report proposes a new contract for extra care housing in "
                                  "the south of the county, to start in April 2025.", 90))
    paper = parse_pdf(write_pdf(tmp_path / "cover.pdf", [items]))
    assert paper.cover_lines[:6] == [f"{label} {value}" for label, value in rows]
    assert paper.blocks[0].text.startswith("From: Jo Bloggs, Cabinet Member for Adult Social Care To: Cabinet")


def test_names_beside_their_organisations_stay_on_their_rows(tmp_path):
    """An attendance list and a costs table, neither ruled: each row is an item level with its
    value, so they are read across."""
    people = [("Jo Bloggs (JB)", "Exampleton Borough Council"), ("Sam Patel (SP)", "NHS Kingsmere ICB"),
              ("Alex Green (AG)", "Kingsmere Community Trust"), ("Chris Hall (CH)", "Healthwatch Exampleton")]
    costs = [("Staff training", "£12,000"), ("Venue hire", "£3,500"), ("Printing and design", "£1,200")]
    items = [(60, 800, "Present", 10, True)]
    items += column(60, 780, [name for name, _ in people]) + column(200, 780, [org for _, org in people])
    items += column(60, 700, [label for label, _ in costs]) + column(300, 700, [cost for _, cost in costs])
    paper = parse_pdf(write_pdf(tmp_path / "present.pdf", [items]))
    lines = paper.cover_lines
    assert [f"{name} {org}" for name, org in people] == lines[1:5]
    assert [f"{label} {cost}" for label, cost in costs] == lines[5:8]


def test_numbered_and_bulleted_prose_is_not_cut_at_its_indent(tmp_path):
    """Hanging indents leave a blank channel after the numbers and bullets down the page:
    that is no gutter."""
    items = []
    top = 780
    for number in ("1.1", "1.2", "1.3"):
        lines = wrap(f"The service will be reviewed in paragraph {number} terms by the board, with a "
                     "report on progress to each meeting and a full evaluation at the end of the year.", 80)
        items.append((60, top, number, 10))
        items += column(95, top, lines)
        top -= LEADING * len(lines) + 8
    for bullet in ("carers of people with dementia;", "young carers in school; and", "carers in work."):
        items += [(75, top, "•", 10), (92, top, bullet, 10)]
        top -= LEADING
    paper = parse_pdf(write_pdf(tmp_path / "numbered.pdf", [items]))
    assert [(b.kind.value, b.number) for b in paper.blocks] == [("numbered", "1.1"), ("numbered", "1.2"),
                                                                 ("numbered", "1.3"), ("bullet", None),
                                                                 ("bullet", None), ("bullet", None)]
    assert paper.blocks[0].text.endswith("a full evaluation at the end of the year.")


JUSTIFIED = (
    "The integrated care partnership brings together the three councils, the acute trust, two community "
    "providers and the voluntary sector. Each partner has nominated a senior officer to the programme board, "
    "which meets monthly and reports quarterly to the Health and Wellbeing Board. Progress against the "
    "outcomes framework is summarised in the dashboard at Appendix A, and exceptions are escalated to the "
    "chief executive group. Residents were consulted on the draft priorities over the summer through "
    "online surveys, drop-in sessions in libraries and targeted conversations with carer groups. "
)


def test_justified_prose_in_a_narrow_measure_is_not_cut_at_its_wide_spaces(tmp_path):
    """Loose justified lines have wide spaces that fall in line down a few rows at many
    measures; none of them is a gutter."""
    for measure in (110, 140, 190, 235):
        items, lines = justified(60, 780, measure, JUSTIFIED * 2)
        paper = parse_pdf(write_pdf(tmp_path / f"justified-{measure}.pdf", [items]))
        assert texts(paper) == [" ".join(lines)], measure


def test_justified_columns_with_a_narrow_gutter_are_read_one_at_a_time(tmp_path):
    left, left_lines = justified(50, 780, 240, JUSTIFIED)
    right, right_lines = justified(302, 780, 240, JUSTIFIED.replace("three", "four"))
    paper = parse_pdf(write_pdf(tmp_path / "narrow.pdf", [left + right]))
    assert texts(paper) == [" ".join(left_lines), " ".join(right_lines)]


def test_a_label_repeated_in_place_on_every_page_is_dropped(tmp_path):
    """An export that prints a label at the same place on every page, mid-page, between rows."""
    risks = ["The new system may go live late.", "Staff may not be trained in time.",
             "Costs may rise with inflation.", "Suppliers may withdraw from the market."]
    pages = [[(60, 700, f"Risk {n}: {risk}", 10), (250, 650, "Risk Register", 10),
              (60, 600, f"Mitigation {n}: monthly review by the programme board.", 10)]
             for n, risk in enumerate(risks, start=1)]
    paper = parse_pdf(write_pdf(tmp_path / "register.pdf", pages))
    assert texts(paper) == [line for n, risk in enumerate(risks, start=1)
                            for line in (f"Risk {n}: {risk}", f"Mitigation {n}: monthly review by the programme board.")]


def quotes(paper) -> list[str]:
    """Every commitment's, risk's and decision's quote."""
    records = extract_paper(paper)
    return [r.quote for kind in ("commitments", "risks", "decisions") for r in getattr(records, kind)]


def from_one(quote: str, sources: list[str]) -> bool:
    return any(quote in source for source in sources)


STRATEGY_LEFT = (
    "Kingsmere Community Health Trust will expand its virtual ward to two hundred beds by March 2026. "
    "There is a risk that recruitment of community nurses does not keep pace with the new beds. "
    "The Board approved the business case for the expansion at its meeting in June."
)
STRATEGY_RIGHT = (
    "We will open an urgent treatment centre on the Riverside site in the winter of 2025. "
    "There is a risk that the capital allocation for the building is cut in the spending review. "
    "The Board agreed to consult staff on new shift patterns for the centre."
)


def test_a_two_column_strategy_quotes_each_record_from_one_column(tmp_path):
    """A two-column strategy with a narrow gutter on a shared baseline grid, so every row of
    the page holds words of both columns: each commitment, risk and decision quotes one."""
    left, right = wrap(STRATEGY_LEFT, 40), wrap(STRATEGY_RIGHT, 40)
    items = [(50, 800, "Our Plan for Community Care", 16, True)]
    items += column(50, 760, left) + column(50 + width(max(left, key=width)) + 14, 760, right)
    paper = parse_pdf(write_pdf(tmp_path / "strategy.pdf", [items]))
    found = quotes(paper)
    records = extract_paper(paper)
    assert records.commitments and records.risks and records.decisions
    for quote in found:
        assert from_one(quote, [" ".join(left), " ".join(right)]), quote


def test_infographic_panels_quote_each_record_from_one_panel(tmp_path):
    """Two coloured panels side by side with white text, lines level across them: each
    panel's sentences are its own, though the text of both shares every baseline."""
    panels = [wrap("Exampleton Borough Council will ensure that carers are offered a break every year. "
                   "There is a risk that respite places close for want of staff.", 30),
              wrap("NHS Kingsmere will give every school a named mental health worker by 2026. The Board "
                   "agreed to fund the first year from reserves.", 30)]
    items, boxes = [(50, 800, "Exampleton Health and Wellbeing Board: Living Well", 16, True)], []
    for x, lines in zip((50, 300), panels):
        boxes.append((x - 8, 760 - LEADING * len(lines), 230, LEADING * len(lines) + 18, (0.1, 0.3, 0.5)))
        items += [(x, y, text, size, False, 1) for x, y, text, size, _ in column(x, 760, lines)]
    paper = parse_pdf(write_pdf(tmp_path / "panels.pdf", [items], boxes=[boxes]))
    assert texts(paper)[1:] == [" ".join(lines) for lines in panels]
    found = quotes(paper)
    assert len(found) >= 4
    for quote in found:
        assert from_one(quote, [" ".join(lines) for lines in panels]), quote


def test_slide_boxes_side_by_side_are_read_box_by_box(tmp_path):
    """A landscape slide of filled boxes, one line each, level, none ending in a stop: each
    box is a block of its own and gives its own commitment."""
    boxes_text = ["We will drive research and innovation across the system",
                  "We will make the most of our shared estate",
                  "We will engage our communities in designing services"]
    slide = (842.0, 595.0)
    items, boxes = [(40, 540, "Kingsmere Integrated Care Board: Our Enablers", 20, True)], []
    for i, text in enumerate(boxes_text):
        x0 = 40 + 260 * i
        boxes.append((x0, 420, 240, 60, (0.2, 0.0, 0.45)))
        items.append((x0 + 6, 446, text, 9, False, 1))
    paper = parse_pdf(write_pdf(tmp_path / "slide.pdf", [items], page_size=slide, boxes=[boxes]))
    assert texts(paper) == ["Kingsmere Integrated Care Board: Our Enablers", *boxes_text]
    assert sorted(r.quote for r in extract_paper(paper).commitments) == sorted(boxes_text)


def test_a_call_out_box_is_its_own_block_and_the_paragraph_round_it_stays_whole(tmp_path):
    """A boxed call-out set part-way down a column: the paragraph broken by it is mended, and
    the call-out is read as its own block, never joined to the sentence it interrupts."""
    above = wrap("The council will extend the warm homes scheme to every household in fuel poverty and "
                 "will write to each eligible household in the", 80)
    below = wrap("autumn, once the grant from the Department for Energy Security has been confirmed.", 80)
    callout = wrap("in 2024 the scheme insulated four hundred homes and cut bills by a fifth", 70)
    items = [(60, 800, "Warm Homes", 16, True)] + column(60, 770, above)
    top = 770 - LEADING * len(above) - 20
    items += column(80, top, callout)
    bottom = top - LEADING * (len(callout) - 1) - 10
    items += column(60, bottom - 20, below)
    boxes = [(70, bottom, 440, top + 22 - bottom, None, True)]
    paper = parse_pdf(write_pdf(tmp_path / "callout.pdf", [items], boxes=[boxes]))
    assert texts(paper) == ["Warm Homes", " ".join(above + below), " ".join(callout)]


def test_text_a_reader_cannot_see_is_dropped(tmp_path):
    """White text on the white page, text painted over by a filled box and a second copy of a
    line printed a hair's breadth over the first go; white text on a dark box stays."""
    body = "The partnership will publish its annual report in July."
    items = [(60, 780, body, 10),
             (60, 767, "Draft note for officers only", 10, False, 1),
             (60, 754, "Superseded figures withdrawn", 10),
             (60, 741, "The report will be presented to the Board.", 10),
             (60.3, 741.2, "The report will be presented to the Board.", 10),
             (70, 690, "Key message: prevention first", 10, False, 1)]
    paper = parse_pdf(write_pdf(tmp_path / "hidden.pdf", [items],
                                boxes=[[(60, 680, 250, 24, 0.15)]], covers=[[(55, 751, 200, 12, 1)]]))
    assert texts(paper) == [body, "The report will be presented to the Board.", "Key message: prevention first"]


def ruled_grid(xs: list[float], ys: list[float]) -> list[tuple]:
    """The rules of a table with column edges `xs` and row edges `ys`."""
    return [(xs[0], y, xs[-1], y) for y in ys] + [(x, ys[-1], x, ys[0]) for x in xs]


REGISTER = [
    ("There is a risk that the new patient record system goes live late.", "Weekly supplier review", "CIO"),
    ("There is a risk that agency spending exceeds the workforce budget.", "Monthly vacancy panel", "CPO"),
    ("There is a risk that the estates backlog causes ward closures.", "Capital plan refresh", "CFO"),
    ("There is a risk that discharge delays rise over the winter.", "Winter plan with councils", "COO"),
    ("There is a risk that a cyber attack takes clinical systems offline.", "Tested recovery plan", "CIO"),
    ("There is a risk that the savings plan is not delivered in full.", "Fortnightly finance review", "CFO"),
]


def register_pages(label: tuple) -> tuple[list[list[tuple]], list[list[tuple]]]:
    """A risk register exported two rows a page, a header on the first, and `label` (an item
    placed in the description column, between a row's lines) on every page."""
    xs, pages, rules = [50, 300, 450, 545], [], []
    for first in range(0, len(REGISTER), 2):
        rows = ([("Risk", "Mitigation", "Owner")] if first == 0 else []) + REGISTER[first:first + 2]
        ys, items, y = [760], [], 760
        for row in rows:
            lines = [wrap(cell, 40) for cell in row]
            height = LEADING * max(len(cell) for cell in lines) + 30
            for x, cell in zip(xs, lines):
                items += column(x + 4, y - 12, cell)
            y -= height
            ys.append(y)
        pages.append(items + [label])
        rules.append(ruled_grid(xs, ys))
    return pages, rules


def test_a_hidden_label_on_every_page_stays_out_of_a_registers_rows(tmp_path):
    """A white label an export sets on every page, falling inside whatever row is there: the
    register's risks quote their own cell and nothing else."""
    pages, rules = register_pages((54, 722, "Corporate Risk Register", 10, False, 1))
    paper = parse_pdf(write_pdf(tmp_path / "register.pdf", pages, rules=rules))
    risks = extract_paper(paper).risks
    assert sorted(r.quote for r in risks) == sorted(row[0] for row in REGISTER)
    assert not any("Register" in cell for table in paper.tables for row in table.rows for cell in row)


def test_a_visible_label_repeated_in_place_on_every_page_stays_out_of_the_cells(tmp_path):
    pages, rules = register_pages((54, 722, "OFFICIAL SENSITIVE", 10, False, 0.6))
    paper = parse_pdf(write_pdf(tmp_path / "register.pdf", pages, rules=rules))
    assert sorted(r.quote for r in extract_paper(paper).risks) == sorted(row[0] for row in REGISTER)
    assert [row for table in paper.tables for row in table.rows][1:] == [list(row) for row in REGISTER]


def test_a_word_broken_at_a_cells_edge_comes_out_whole(tmp_path):
    """A slide's table whose narrow cell breaks a word too long for it, letter by letter: the
    cell's text has the word whole, and other cells keep their own words."""
    word = "recommissioned"
    cut = next(n for n in range(len(word), 0, -1) if width(word[:n]) <= 56)
    lines = ["Services", "to be", word[:cut], word[cut:] + " by", "the ICB"]
    items = [(44, 500, "Status", 10, True), (114, 500, "Next step", 10, True)]
    items += column(44, 470, lines) + column(114, 470, ["Report to the Board in May"])
    rules = ruled_grid([40, 40 + width(word[:cut]) + 8, 300], [515, 485, 400])
    paper = parse_pdf(write_pdf(tmp_path / "slide-table.pdf", [items], page_size=(842, 595), rules=[rules]))
    assert paper.tables[0].rows == [["Status", "Next step"],
                                    [f"Services to be {word} by the ICB", "Report to the Board in May"]]


def test_statements_set_one_a_line_in_a_box_are_read_one_by_one(tmp_path):
    """A slide's banner box of centred statements, none with a stop, each on its own line:
    each line ends with room for the next line's first word, so each is a statement. (The
    widest line of a box gives no such sign: a statement after it is read with it.)"""
    lines = ["We will widen access to talking therapies",
             "We will publish waiting times for every service",
             "We will bring community and hospital teams under one management structure"]
    items = [(40, 540, "Kingsmere Integrated Care Board: Our Enablers", 20, True)]
    items += [(x, y, text, size, False, 1) for x, y, text, size in centred(60, 780, 450, lines)]
    boxes = [[(50, 450 - LEADING * 3, 740, LEADING * 3 + 20, (0.0, 0.35, 0.7))]]
    paper = parse_pdf(write_pdf(tmp_path / "banner.pdf", [items], page_size=(842, 595), boxes=boxes))
    assert texts(paper) == ["Kingsmere Integrated Care Board: Our Enablers", *lines]
