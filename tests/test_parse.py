import os
import re
import textwrap
from pathlib import Path

import pdfplumber
import pytest

from pipeline.discover import sha256_file
from pipeline.errors import PaperError
from pipeline import parse, workers
from pipeline.parse import parse_pdf
from schemas.parsed import BlockKind
from tests.pdfgen import pdf_bytes, write_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BRENT = SAMPLES / "brent-hwb-accountable-care-2016.pdf"
BROMLEY = SAMPLES / "bromley-hwb-integrated-commissioning-2013.pdf"
NWL = SAMPLES / "nwl-jhosc-commissioning-reform-2019.pdf"


@pytest.fixture(scope="module")
def papers():
    return {path.stem.split("-")[0]: parse_pdf(path) for path in (BRENT, BROMLEY, NWL)}


def block(paper, text):
    """The one block containing `text`."""
    found = [b for b in paper.blocks if text in b.text]
    assert len(found) == 1, f"{len(found)} blocks contain {text!r}"
    return found[0]


def test_running_headers_and_page_numbers_are_removed(papers):
    running = {
        "brent": "Brent Health and Wellbeing Board",
        "bromley": "Health and Wellbeing Board - 26 September 2013 - Agenda Item 7",
        "nwl": "North West London JHOSC - 15 July 2019",
    }
    for name, paper in papers.items():
        assert not re.search(r"\bPage \d+\b", paper.text)
        assert not [b for b in paper.blocks if b.text.startswith(running[name])]
    # "Brent Health and Wellbeing Board" above these was the header; a cover year is no page number.
    assert [b.text for b in papers["brent"].blocks[:2]] == ["Health and Wellbeing Board", "2016"]


def test_no_glyph_noise_survives(papers):
    for paper in papers.values():
        assert "(cid:" not in paper.text
        assert not re.search("[\ue000-\uf8ff]", paper.text)


def test_bullets_lose_their_glyph_and_tick(papers):
    tick = block(papers["nwl"], "We will work as one system")
    assert (tick.kind, tick.page) == (BlockKind.bullet, 2)
    assert tick.text.startswith("We will work as one system")
    plain = block(papers["bromley"], "workforce issues and arrangements;")
    assert plain.kind == BlockKind.bullet and plain.text == "workforce issues and arrangements;"


def test_numbered_paragraphs_carry_their_numbers(papers):
    brent, bromley = papers["brent"], papers["bromley"]
    first = block(brent, "This paper updates the Brent")  # behind a bullet glyph: "(cid:127) 1.1 This paper"
    assert (first.kind, first.number, first.text[:8]) == (BlockKind.numbered, "1.1", "1.1 This")
    assert block(brent, "There is no additional funding").number == "6.2"  # written "6.2."
    assert block(bromley, "That the Board should have local oversight").number == "1"  # written "1)"
    create = block(bromley, "Create a Joint Integrated Services Executive")
    assert (create.kind, create.number) == (BlockKind.numbered, "3")


def test_numbered_paragraph_extends_the_section_path(papers):
    brent = papers["brent"]
    assert block(brent, "The end state for an ACP/MCP").section == "6. Next steps for commissioners and providers > 6.3"
    assert block(brent, "Planning and design of services").section.endswith("> 6.6")


def test_headings_build_section_paths(papers):
    nwl, bromley = papers["nwl"], papers["bromley"]
    deadline = block(nwl, "Our proposed deadline is that we become a single CCG by April 2020")
    assert deadline.section == "9. Timeline and next steps > 9.a Why April 2020?"
    feedback = block(nwl, "1a. Feedback from patients")
    assert (feedback.kind, feedback.number) == (BlockKind.heading, "1a")
    assert block(nwl, "We will drive efficiency").section == "2. Must-haves and core principles > Core principles"
    two_lines = block(bromley, "3. SPECIFIC ACTION REQUIRED")
    assert two_lines.kind == BlockKind.heading and two_lines.text.endswith("CONSTITUENT PARTNER ORGANISATIONS")
    assert block(bromley, "total commissioning budget").section == (
        "4. COMMENTARY > Proposals for a new approach to Commissioning in Bromley"
    )


def test_plain_numbered_lines_are_list_items_when_headings_are_bold(papers):
    costs = block(papers["bromley"], "Ongoing costs: N/A")
    assert (costs.kind, costs.number) == (BlockKind.numbered, "2")


def test_plain_paper_falls_back_on_title_case_headings(tmp_path):
    lines = [
        (780, "Risks and Mitigations"),
        (760, "The main risk is delay to the programme."),
        (740, "Or"),
        (720, "1. Next Steps"),
        (700, "1.1 The board is asked to note the report."),
    ]
    paper = parse_pdf(write_pdf(tmp_path / "plain.pdf", [[(60, y, text, 10) for y, text in lines]]))
    assert [(b.kind.value, b.section) for b in paper.blocks] == [
        ("heading", "Risks and Mitigations"),
        ("body", "Risks and Mitigations"),
        ("body", "Risks and Mitigations"),
        ("heading", "1. Next Steps"),
        ("numbered", "1. Next Steps > 1.1"),
    ]


def test_blocks_know_their_page(papers):
    assert block(papers["nwl"], "Staff retention is likely to be affected").page == 10
    budget = "The total commissioning budget for mental health services amounts to circa"
    assert block(papers["bromley"], budget).page == 4


def test_table_cells_are_blocks_and_not_body(papers):
    nwl = papers["nwl"]
    table = nwl.tables[0]
    assert table.page == 1 and ["Date", "15 July 2019"] in table.rows
    cells = {(b.row, b.col): b.text for b in nwl.blocks if b.kind == BlockKind.table_cell and b.table == 0}
    assert cells[(1, 0)] == "Date" and cells[(1, 1)] == "15 July 2019"
    assert not [b for b in nwl.blocks if b.kind != BlockKind.table_cell and "15 July 2019" in b.text]
    order = [b.text for b in nwl.blocks]
    assert order.index("Date") < order.index("1. Update on emerging proposals and engagement")


def test_offsets_index_the_paper_text(papers):
    for paper in papers.values():
        assert paper.text == "\n".join(b.text for b in paper.blocks)
        for b in paper.blocks:
            assert paper.text[b.char_start : b.char_end] == b.text
            assert b.text == " ".join(b.text.split())


def test_sentence_split_by_a_page_break_stays_whole(papers):
    sentence = (
        "Work commenced in 2014 by CCGs, Local Authorities and Providers and was expected "
        "to deliver within a 5 year timeframe."
    )
    whole = block(papers["brent"], sentence)
    assert (whole.page, whole.number) == (1, "3.1")


def test_lower_case_continuation_joins_the_bullet_it_ends(papers):
    item = block(papers["brent"], "The PACS model may be more suited")
    assert item.page == 2
    assert "hospital based care and our complex acute landscape in Brent (with 4 acute trusts" in item.text


def test_two_column_page_is_read_column_by_column(tmp_path):
    left = textwrap.wrap("Left column first. " + "The left column carries its own argument. " * 12, 46)
    right = textwrap.wrap("Right column second. " + "The right column follows on afterwards. " * 12, 46)
    items = [(50, 800, "Two Column Briefing", 16, True)]
    items += [(50, 760 - 13 * i, line, 10) for i, line in enumerate(left)]
    items += [(310, 760 - 13 * i, line, 10) for i, line in enumerate(right)]
    paper = parse_pdf(write_pdf(tmp_path / "columns.pdf", [items]))

    assert [b.kind for b in paper.blocks] == [BlockKind.heading, BlockKind.body, BlockKind.body]
    assert paper.blocks[1].text == " ".join(left)
    assert paper.blocks[2].text == " ".join(right)


def test_labels_and_values_are_not_mistaken_for_columns(tmp_path):
    rows = [("Meeting", "Health and Wellbeing Board"), ("Date", "26 September 2013"), ("Report of", "Director")] * 4
    items = [(60, 780 - 20 * i, label, 10) for i, (label, _) in enumerate(rows)]
    items += [(320, 780 - 20 * i, value, 10) for i, (_, value) in enumerate(rows)]
    paper = parse_pdf(write_pdf(tmp_path / "cover.pdf", [items]))
    assert paper.blocks[1].text == "Date 26 September 2013"


def test_running_lines_of_a_two_page_paper_go(tmp_path):
    pages = [
        [
            (60, 810, "Finance Committee 4 March 2024", 8),
            (60, 700, f"Body text of page {n}.", 10),
            (280, 30, f"- {n} -", 8),
        ]
        for n in (1, 2)
    ]
    paper = parse_pdf(write_pdf(tmp_path / "two.pdf", pages))
    assert [b.text for b in paper.blocks] == ["Body text of page 1.", "Body text of page 2."]


def test_text_bullets_are_stripped(tmp_path):
    lines = ["Actions agreed:", "• Publish the plan", "- Consult staff", "– Report back", "o Review in May"]
    paper = parse_pdf(write_pdf(tmp_path / "bullets.pdf", [[(60, 780 - 20 * i, t, 10) for i, t in enumerate(lines)]]))
    assert [(b.kind.value, b.text) for b in paper.blocks] == [
        ("body", "Actions agreed:"),
        ("bullet", "Publish the plan"),
        ("bullet", "Consult staff"),
        ("bullet", "Report back"),
        ("bullet", "Review in May"),
    ]


def _box(x0, y0, x1, y1):
    return [(x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)]


def test_ruled_table_becomes_cells_but_a_boxed_note_stays_body(tmp_path):
    items = [
        (60, 780, "Budget summary.", 10),
        (65, 740, "Item", 10), (205, 740, "Cost", 10),
        (65, 720, "Staff", 10), (205, 720, "£1.2m", 10),
        (60, 690, "After the table.", 10),
        (65, 650, "A boxed note that is one paragraph.", 10),
    ]
    rules = _box(60, 710, 340, 755) + [(60, 733, 340, 733), (200, 710, 200, 755)] + _box(60, 640, 340, 665)
    paper = parse_pdf(write_pdf(tmp_path / "table.pdf", [items], rules=[rules]))

    assert [t.rows for t in paper.tables] == [[["Item", "Cost"], ["Staff", "£1.2m"]]]
    assert [(b.kind.value, b.text) for b in paper.blocks] == [
        ("body", "Budget summary."),
        ("table_cell", "Item"), ("table_cell", "Cost"), ("table_cell", "Staff"), ("table_cell", "£1.2m"),
        ("body", "After the table."),
        ("body", "A boxed note that is one paragraph."),
    ]
    cost = paper.blocks[4]
    assert (cost.table, cost.row, cost.col) == (0, 1, 1)


def _truncated(path):
    path.write_bytes(NWL.read_bytes()[: NWL.stat().st_size // 2])


def _random_behind_header(path):
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(20_000) + b"\n%%EOF\n")


@pytest.mark.parametrize(
    "make, kind",
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text("<!DOCTYPE html><html><body>Not found</body></html>"), "not_pdf"),
        (_truncated, "corrupt"),
        (_random_behind_header, "corrupt"),
        (lambda p: p.write_bytes(pdf_bytes([[(72, 700, "secret minutes", 12)]], encrypted=True)), "encrypted"),
        (lambda p: write_pdf(p, [[], []]), "needs_ocr"),
    ],
    ids=["empty", "html", "truncated", "random", "encrypted", "scanned"],
)
def test_bad_input_raises_paper_error_of_its_kind(tmp_path, make, kind):
    path = tmp_path / "bad.pdf"
    make(path)
    with pytest.raises(PaperError) as caught:
        parse_pdf(path)
    assert caught.value.kind == kind
    if kind == "needs_ocr":
        assert "OCR" in caught.value.reason


def test_each_page_is_closed_before_the_next_is_read(monkeypatch):
    events = []
    close, extract_words = pdfplumber.page.Page.close, pdfplumber.page.Page.extract_words

    def logged_extract(page, **options):
        events.append(("read", page.page_number))
        return extract_words(page, **options)

    def logged_close(page):
        events.append(("close", page.page_number))
        close(page)

    monkeypatch.setattr(pdfplumber.page.Page, "extract_words", logged_extract)
    monkeypatch.setattr(pdfplumber.page.Page, "close", logged_close)
    paper = parse_pdf(BROMLEY)
    expected = [(event, n) for n in range(1, paper.pages + 1) for event in ("read", "close")]
    assert events[: len(expected)] == expected


def test_cover_lines_keep_headers_and_table_text(papers):
    bromley = papers["bromley"].cover_lines
    assert bromley[0] == "Health and Wellbeing Board - 26 September 2013 - Agenda Item 7"
    assert bromley[1] == "HEALTH AND WELLBEING BOARD"
    assert "Date 15 July 2019" in papers["nwl"].cover_lines


def test_cover_lines_read_on_into_page_two_for_a_thin_cover(tmp_path):
    cover = [(60, 780, "Agenda Item 4", 12), (60, 760, "Public", 10)]
    report = [(60, 800 - 20 * n, f"Line {n}", 10) for n in (1, 2, 3)]
    lines = parse_pdf(write_pdf(tmp_path / "thin.pdf", [cover, report])).cover_lines
    assert lines == ["Agenda Item 4", "Public", "Line 1", "Line 2", "Line 3"]


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="page ranges go to workers only with 2 CPUs or more")
def test_pages_read_in_worker_processes_give_the_serial_result(monkeypatch):
    """NWL's 10 pages cut into ranges read by other processes: running headers, paragraphs
    mended across the cut, tables and sections come out as when read in one process."""
    serial = parse_pdf(NWL, parallel_min_pages=1000)
    pools = []

    class RecordedPool(workers.ProcessPoolExecutor):
        def map(self, fn, *iterables, **kwargs):
            pools.append([tuple(args) for args in zip(*iterables)])
            return super().map(fn, *iterables, **kwargs)

    monkeypatch.setattr(workers, "ProcessPoolExecutor", RecordedPool)
    split = parse_pdf(NWL, parallel_min_pages=2)
    assert len(pools) == 1 and len(pools[0]) >= 2          # the pages went to workers in ranges
    assert split.model_dump() == serial.model_dump()
    assert split.pages == 10 and len(serial.cover_lines) >= 5


def test_a_short_paper_is_read_in_this_process(monkeypatch):
    monkeypatch.setattr(workers, "ProcessPoolExecutor", None)   # any attempt to start workers fails
    assert parse_pdf(BRENT, parallel_min_pages=1000).pages >= 1


def test_page_ranges_are_contiguous_and_cover_every_page():
    for pages, workers in ((10, 2), (7, 3), (1, 2), (400, 2), (61, 4)):
        ranges = parse._ranges([1] * pages, workers)
        assert [first for first, _ in ranges] == [1] + [last + 1 for _, last in ranges[:-1]]
        assert ranges[-1][1] == pages and all(first <= last for first, last in ranges)


def test_page_ranges_shrink_towards_the_end_so_that_workers_finish_together():
    """A long pack's ranges are RANGE_PAGES pages at first and then shrink, each a share of
    what is left, down to TAIL_PAGES: the last worker to finish starts its last range
    when at most a few pages are left for the others."""
    sizes = [last - first + 1 for first, last in parse._ranges([1] * 400, 2)]
    assert sizes[0] == parse.RANGE_PAGES and sizes == sorted(sizes, reverse=True)
    assert max(sizes[-3:]) <= parse.TAIL_PAGES < sizes[len(sizes) // 2]


def test_page_ranges_share_out_the_weight_of_pages_to_ocr():
    """Two scanned pages at the end of a four-page paper outweigh its two text pages: each
    range gets one scan."""
    assert parse._ranges([1, 1, 20, 20], 2) == [(1, 3), (4, 4)]


def test_paper_records_path_pages_and_hash(papers):
    nwl = papers["nwl"]
    assert (nwl.pages, nwl.stem, nwl.sha256) == (10, NWL.stem, sha256_file(NWL))
    assert parse_pdf(BRENT, sha256="given").sha256 == "given"


def test_long_papers_are_shared_out_in_ranges_and_short_or_broken_ones_are_not(tmp_path):
    assert parse.page_ranges(NWL, parallel_min_pages=1000) is None
    ranges = parse.page_ranges(NWL, parallel_min_pages=2)
    assert ranges[0][0] == 1 and ranges[-1][1] == 10 and len(ranges) >= 2
    assert all(first <= last for first, last in ranges)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 100 + b"\n%%EOF\n")
    assert parse.page_ranges(tmp_path / "broken.pdf", parallel_min_pages=2) is None


def test_a_worker_reading_ranges_of_two_papers_in_turn_reads_each_from_its_own_file():
    nwl = parse.lay_out_pages(NWL, 2, 3)
    brent = parse.lay_out_pages(BRENT, 1, 2)
    again = parse.lay_out_pages(NWL, 2, 3)
    assert [page.number for page in nwl] == [2, 3] and [page.number for page in brent] == [1, 2]
    assert again == nwl and brent != nwl[:2]
    whole = parse.parse_pdf(NWL, parallel_min_pages=1000)
    assert parse.assemble(NWL, parse.lay_out_pages(NWL, 1, 4) + parse.lay_out_pages(NWL, 5, 10)) == whole
