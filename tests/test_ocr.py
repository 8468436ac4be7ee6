"""Scanned pages read by OCR, damaged files repaired before they are refused, and what a
machine without Tesseract does with both kinds of paper."""
import io
import json
import re
import shutil
import textwrap
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from PIL import Image, ImageDraw, ImageFont

import warehouse
from pipeline import ocr, parse
from pipeline.discover import sha256_file
from pipeline.errors import PaperError
from pipeline.extract import extract_paper, process_file
from pipeline.ingest import ingest_serially
from pipeline.ocr_lists import OcrLine
from pipeline.parse import parse_pdf
from pipeline.sources import SourcedPaper
from tests.pdfgen import pdf_bytes

FONTS = Path("/usr/share/fonts/truetype/dejavu")   # Debian's fonts-dejavu-core: it has a £
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason=f"Tesseract is not installed ({ocr.INSTALL})")
needs_font = pytest.mark.skipif(not (FONTS / "DejaVuSans.ttf").exists(),
                                reason=f"no DejaVu fonts at {FONTS} to print a scan with (apt-get install fonts-dejavu-core)")
UNANNOTATED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "unannotated"
SCANS = sorted(UNANNOTATED.glob("*_SCANNED.pdf"))

COVER = ["Westbrook Health and Wellbeing Board", "Report of the Director of Adult Social Care",
         "1. Purpose of the report",
         "1.1 This report sets out how community services in Westbrook will change over the next two years."]
# One paragraph per item, each with a record of its kind: a milestone with a date, money,
# a commitment, a risk.
DELIVERY = [
    "2. Delivery plan",
    "2.1 The Council will open a new community diagnostic hub in Westbrook by March 2027.",
    "2.2 The Board is asked to approve funding of £1.2 million for the falls prevention service "
    "in 2026/27.",
    "2.3 There is a risk that vacancies among district nurses will delay the new service, and "
    "recruitment is being run jointly with the hospital trust to reduce it.",
    "2.4 Westbrook Borough Council will work with local GP practices to extend the home visiting service to "
    "every ward.",
]
DPI = 300
MARGIN, SIZE, WIDTH = 72, 11, 74   # points, points, characters a line


def heading(paragraph: str) -> bool:
    """Headings, set in bold, are the paragraphs that end without a full stop."""
    return not paragraph.endswith(".")


def scanned_page(paragraphs: list[str]) -> Image.Image:
    """An A4 page at 300 dpi with the paragraphs printed on it, as a scanner would give it."""
    px = DPI / 72
    page = Image.new("L", (round(595 * px), round(842 * px)), 255)
    draw = ImageDraw.Draw(page)
    fonts = {bold: ImageFont.truetype(str(FONTS / name), round(SIZE * px))
             for bold, name in ((False, "DejaVuSans.ttf"), (True, "DejaVuSans-Bold.ttf"))}
    y = MARGIN * px
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, WIDTH):
            draw.text((MARGIN * px, y), line, fill=0, font=fonts[heading(paragraph)])
            y += 1.3 * SIZE * px
        y += SIZE * px
    return page


def text_page(paragraphs: list[str]) -> list[tuple]:
    """The same paragraphs as a page with a text layer (pdfgen items)."""
    items, y = [], 842 - MARGIN - SIZE
    for paragraph in paragraphs:
        for line in textwrap.wrap(paragraph, WIDTH):
            items.append((MARGIN, y, line, SIZE, heading(paragraph)))
            y -= 1.3 * SIZE
        y -= SIZE
    return items


def image_pdf(path: Path, pages: list[list[str]]) -> Path:
    images = [scanned_page(paragraphs) for paragraphs in pages]
    images[0].save(path, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return path


def mixed_pdf(path: Path) -> Path:
    """A born-digital cover page, then a scanned page bound in after it."""
    paper = pikepdf.open(io.BytesIO(pdf_bytes([text_page(COVER)])))
    scanned = io.BytesIO()
    scanned_page(DELIVERY).save(scanned, "PDF", resolution=DPI)
    scan = pikepdf.open(io.BytesIO(scanned.getvalue()))
    paper.pages.extend(scan.pages)
    paper.save(path)
    return path


def quotes(extraction, kinds=("budget", "milestone", "commitment", "risk", "decision")) -> dict[str, list]:
    return {kind: [(r.page, r.quote) for r in extraction.records()[kind]] for kind in kinds}


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """The mixed paper extracted with its pages read by worker processes, one per page, as
    a long scan's are, and the same two pages born-digital."""
    folder = tmp_path_factory.mktemp("ocr")
    digital = folder / "digital.pdf"
    digital.write_bytes(pdf_bytes([text_page(COVER), text_page(DELIVERY)]))
    path = mixed_pdf(folder / "mixed.pdf")
    return path, extract_paper(parse_pdf(path, parallel_min_pages=2)), process_file(digital)


@needs_tesseract
@needs_font
def test_a_scanned_page_in_a_born_digital_paper_yields_its_records_by_ocr(mixed):
    """The scan's milestone, money, commitment and risk are found as in the same page with a
    text layer, on page 2, marked as read by OCR; the cover's records are not."""
    _, scanned, digital = mixed
    assert quotes(scanned) == quotes(digital)
    found = quotes(scanned)
    assert all(any(page == 2 for page, _ in found[kind]) for kind in found), found
    for record in (r for kind in found for r in scanned.records()[kind]):
        assert record.ocr == (record.page == 2)
        assert (record.ocr_confidence or 0) > 80 if record.page == 2 else record.ocr_confidence is None
    milestone = next(m for m in scanned.milestones if m.page == 2)
    assert "March 2027" in milestone.quote and str(milestone.date_start).startswith("2027-03")


@needs_tesseract
@needs_font
def test_a_scan_is_laid_out_as_headings_and_numbered_paragraphs(tmp_path):
    paper = parse_pdf(image_pdf(tmp_path / "scan.pdf", [COVER, DELIVERY]), parallel_min_pages=1000)
    assert set(paper.ocr_pages) == {1, 2} and min(paper.ocr_pages.values()) > 80
    heading = next(b for b in paper.blocks if b.text == "2. Delivery plan")
    assert (heading.kind.value, heading.page) == ("heading", 2)
    risk = next(b for b in paper.blocks if b.text.startswith("2.3 There is a risk"))
    assert (risk.kind.value, risk.number, risk.page) == ("numbered", "2.3", 2)
    assert risk.section == "2. Delivery plan > 2.3" and risk.text == DELIVERY[3]


def test_the_short_last_line_of_a_bold_heading_stays_bold_while_the_body_below_does_not():
    """Strokes per pixel of size, against a page whose usual line measures 0.10: a heading's
    wrapped last line at 0.128 (short lines measure less) is bold as its first line at 0.137 is;
    a body line right under it at 0.10 is not, nor a line at 0.128 after a paragraph's gap."""
    def line(top, x0, stroke):
        return OcrLine([("word", x0, x0 + 400, 95.0)], top, top + 40, 40, stroke)

    lines = [line(100, 50, 0.137), line(152, 52, 0.128), line(204, 50, 0.10),
             line(300, 50, 0.137), line(400, 50, 0.128)] + [line(500 + 52 * k, 50, 0.10) for k in range(6)]
    assert ocr._bold(lines, [11.0] * len(lines))[:5] == [True, True, False, True, False]


@needs_tesseract
@needs_font
def test_ocr_records_keep_their_flag_and_confidence_through_the_warehouse(mixed, tmp_path):
    _, scanned, _ = mixed
    con = warehouse.connect(tmp_path / "w.duckdb")
    warehouse.load_paper(con, scanned, warehouse.start_run(con))
    out = warehouse.export_jsonl(con, tmp_path / "export.jsonl")
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    records = [line for line in lines if line["type"] in ("budget", "milestone", "commitment", "risk")]
    assert {(r["page"], r["ocr"]) for r in records} >= {(2, True)}
    assert all(r["ocr"] == (r["page"] == 2) and (r["ocr_confidence"] is None) != r["ocr"] for r in records)


def test_a_warehouse_made_before_ocr_gets_the_columns_and_keeps_its_rows(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    con.execute("ALTER TABLE budgets DROP COLUMN ocr_confidence")
    con.execute("ALTER TABLE budgets DROP COLUMN ocr")
    con.execute("INSERT INTO budgets (id, doc_id, doc, page, section, quote, char_start, char_end, amount_gbp, kind) "
                "VALUES ('b1', 'd', 'd', 1, '', '£5m', 0, 3, 5e6, 'spend')")
    con.close()
    con = warehouse.connect(tmp_path / "w.duckdb")
    assert con.execute("SELECT id, ocr, ocr_confidence FROM budgets").fetchall() == [("b1", False, None)]


@needs_tesseract
@pytest.mark.skipif(not SCANS, reason=f"the shared scans are not at {UNANNOTATED}")
@pytest.mark.parametrize("scan", SCANS, ids=lambda path: path.stem)
def test_the_shared_scans_yield_blocks_and_records_from_their_first_pages(scan):
    """Two pages of each (bench/ocr.py reads them whole): blocks on both pages, records that
    quote the OCR'd text of the page they name."""
    layouts = parse.lay_out_pages(scan, 1, 2)
    paper = parse.assemble(scan, layouts)
    assert set(paper.ocr_pages) == {1, 2} and min(paper.ocr_pages.values()) > 60
    assert {b.page for b in paper.blocks} == {1, 2}
    assert sum(len(b.text.split()) for b in paper.blocks) > 100
    records = [r for kind in extract_paper(paper).records().values() for r in kind]
    assert records and all(r.ocr and r.ocr_confidence == paper.ocr_pages[r.page] for r in records)
    for record in records:
        page_text = " ".join(b.text for b in paper.blocks if b.page == record.page)
        assert record.quote in page_text


@needs_font
def test_page_ranges_share_a_short_scan_among_workers(tmp_path, monkeypatch):
    """Each page of a scan weighs as much as many text pages, so a three-page scan is shared
    out like a long paper; without Tesseract there is no OCR to share, and it is read in one
    process."""
    path = image_pdf(tmp_path / "scan.pdf", [COVER, DELIVERY, COVER])
    monkeypatch.setattr(parse, "cpus", lambda: 2)
    monkeypatch.setattr(ocr.shutil, "which", lambda name: "/usr/bin/tesseract")
    assert len(parse.page_ranges(path)) >= 2
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    assert parse.page_ranges(path) is None


@needs_font
def test_without_tesseract_text_is_read_and_a_scan_is_refused_saying_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    scan = image_pdf(tmp_path / "scan.pdf", [DELIVERY])
    mixed = mixed_pdf(tmp_path / "mixed.pdf")
    with pytest.raises(PaperError) as refused:
        parse_pdf(scan)
    assert refused.value.kind == "needs_ocr"
    assert "Tesseract is not installed" in refused.value.reason and ocr.INSTALL in refused.value.reason
    paper = parse_pdf(mixed)          # the text page is read; the scan bound in after it is not
    assert paper.ocr_pages == {} and {b.page for b in paper.blocks} == {1}
    con = warehouse.connect(tmp_path / "w.duckdb")
    papers = [SourcedPaper(path, sha256_file(path), str(path)) for path in (scan, mixed)]
    outcomes = ingest_serially(con, papers, warehouse.start_run(con))
    assert [(o.status, o.kind) for o in outcomes] == [("failed", "needs_ocr"), ("new", None)]
    assert ocr.INSTALL in warehouse.known_failure(con, str(scan), sha256_file(scan))["reason"]


def _offsets_shifted(data: bytes) -> bytes:
    """Every xref entry pointing 7 bytes past its object, as after a careless edit."""
    head, tail = data.split(b"xref\n", 1)
    tail = re.sub(rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), tail)
    return head + b"xref\n" + tail


def _trailer_cut(data: bytes) -> bytes:
    """The xref table and trailer lost, the end-of-file marker kept."""
    return data[:data.index(b"xref\n")] + b"%%EOF\n"


@pytest.mark.parametrize("damage", [_offsets_shifted, _trailer_cut], ids=["xref offsets", "trailer"])
def test_a_damaged_file_pdfplumber_refuses_is_repaired_and_read(tmp_path, damage):
    pages = [text_page(COVER), text_page(DELIVERY[:2])]
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damage(pdf_bytes(pages)))
    try:
        with pdfplumber.open(path) as pdf:
            plain = len(pdf.pages)
    except Exception:
        plain = None
    assert not plain                                   # pdfplumber alone finds no page
    paper = parse_pdf(path)
    assert paper.pages == 2 and paper.ocr_pages == {}
    assert paper.sha256 == sha256_file(path)           # identity is the bytes as published
    assert next(b for b in paper.blocks if b.text.startswith("2.1")).page == 2
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(pdf_bytes(pages))
    assert paper.text == parse_pdf(whole).text


def test_a_file_nothing_can_read_is_still_corrupt(tmp_path):
    path = tmp_path / "noise.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(PaperError) as refused:
        parse_pdf(path)
    assert refused.value.kind == "corrupt"
