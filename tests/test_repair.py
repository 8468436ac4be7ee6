"""A file that opens but fails part-way (pipeline/parse.py with pipeline/repair.py): a page
pdfminer cannot read is read again from the repaired copy before anything is lost or the
paper refused. The damaged files are written here."""
import re

import pdfplumber
import pytest

from pipeline import parse
from pipeline.errors import PaperError
from pipeline.parse import parse_pdf
from tests.pdfgen import pdf_bytes
from tests.test_ocr import COVER, DELIVERY, text_page

PAGES = [text_page(COVER), text_page(DELIVERY[:2]), text_page(DELIVERY[2:4])]


def _stale_length(data: bytes, page: int) -> bytes:
    """The /Length of `page`'s content stream (from 1) spoilt by a careless edit: it runs past
    the end of the file, and pdfminer reads the stream as nothing."""
    starts = [m.start() for m in re.finditer(rb"<< /Length \d+ >>\nstream\n", data)]
    at = starts[page - 1]
    stated = re.match(rb"<< /Length (\d+) >>", data[at:])
    return data[:at] + b"<< /Length %d >>" % (int(stated.group(1)) + len(data)) + data[at + stated.end():]


def test_a_page_pdfminer_reads_as_empty_is_read_from_the_repaired_copy(tmp_path):
    path = tmp_path / "edited.pdf"
    path.write_bytes(_stale_length(pdf_bytes(PAGES), 2))
    with pdfplumber.open(path) as pdf:                 # the file opens, and page 2 shows nothing
        assert len(pdf.pages) == 3 and not pdf.pages[1].chars and pdf.pages[2].chars
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(pdf_bytes(PAGES))
    paper = parse_pdf(path)
    assert paper.text == parse_pdf(whole).text
    assert next(b for b in paper.blocks if b.text.startswith("2.1")).page == 2


def test_a_page_that_raises_is_read_from_the_repaired_copy(tmp_path, monkeypatch):
    """pdfminer raising on one page of the file as published (the first time page 2 is read,
    which is from the original): the repaired copy's page 2 is read instead."""
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_bytes(PAGES))
    expected = parse_pdf(path).text
    reads, original = [], parse.visible

    def failing_once(page):
        reads.append(page.page_number)
        if page.page_number == 2 and reads.count(2) == 1:
            raise ValueError("damaged content stream")
        return original(page)

    monkeypatch.setattr(parse, "visible", failing_once)
    assert parse_pdf(path).text == expected
    assert reads.count(2) == 2 and reads.count(1) == 1


def test_a_page_that_raises_in_the_repaired_copy_too_refuses_the_paper(tmp_path, monkeypatch):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_bytes(PAGES))
    original = parse.visible

    def failing(page):
        if page.page_number == 2:
            raise ValueError("damaged content stream")
        return original(page)

    monkeypatch.setattr(parse, "visible", failing)
    with pytest.raises(PaperError) as refused:
        parse_pdf(path)
    assert refused.value.kind == "corrupt" and "damaged content stream" in str(refused.value)
