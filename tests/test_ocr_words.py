"""Words Tesseract misreads on a scan: a day's superscript ordinal is written as printed (before a
month only), and a picture read as text is left out."""
import numpy as np
import pytest

from pipeline import ocr
from pipeline.ocr_ordinals import ordinal_days


@pytest.mark.parametrize("read, printed", [
    (["On", '17"', "December", "the", "Board", "met."], ["On", "17th", "December", "the", "Board", "met."]),
    (["launched", "on", "16'\"", "January"], ["launched", "on", "16th", "January"]),
    (["from", "1%", "April", "to", "23°", "May"], ["from", "1st", "April", "to", "23rd", "May"]),
    (["held", "on", "224", "February"], ["held", "on", "22nd", "February"]),
    (["closes", "318t", "March", "2026"], ["closes", "31st", "March", "2026"]),
    (["by", "2\"", "Sept."], ["by", "2nd", "Sept."]),
])
def test_a_misread_superscript_before_a_month_becomes_the_days_ordinal(read, printed):
    assert ordinal_days(read) == printed


@pytest.mark.parametrize("read", [
    ["15%", "may", "need", "a", "care", "package"],     # the verb, not the month
    ["a", "15%", "rise", "in", "March"],                 # no month straight after
    ["12", "May", "2025"], ["12th", "May"], ["2026", "March"],
    ["100", "May", "volunteers"],                        # a round number is never a run-in day
    ["45\"", "March"],                                   # no such day
])
def test_other_numbers_are_left_as_read(read):
    assert ordinal_days(read) == read


def _line(words: list[tuple[str, int]], top: int) -> str:
    spans = "".join(f'<span class="ocrx_word" title="bbox {100 + 60 * i} {top} {150 + 60 * i} {top + 30}; '
                    f'x_wconf {confidence}">{w}</span>' for i, (w, confidence) in enumerate(words))
    return (f'<span class="ocr_line" title="bbox 100 {top} {150 + 60 * len(words)} {top + 30}; baseline 0 -5; '
            f'x_size 30; x_descenders 6">{spans}</span>')


def _words(*lines: list[tuple[str, int]]) -> list[str]:
    hocr = ('<html xmlns="http://www.w3.org/1999/xhtml"><body><div class="ocr_page" title="bbox 0 0 2000 2000">'
            + "".join(_line(words, 100 + 80 * i) for i, words in enumerate(lines)) + '</div></body></html>')
    page = ocr._page_words(hocr, np.full((2000, 2000), 255, dtype=np.uint8), (0.24, 0.24), (0.0, 0.0))
    return [w["text"] for w in page.words]


def test_an_ocr_page_reads_the_ordinal_as_printed():
    line = [(w, 90) for w in ["The", "survey", "closes", "on", "318t", "March."]]
    assert _words(line) == ["The", "survey", "closes", "on", "31st", "March."]


def test_a_picture_read_as_text_is_left_out_and_a_poorly_read_line_of_text_is_kept():
    swirl = [("ates", 0), ("tia", 39), ("im", 0), ("(RD", 43)]          # a logo's swirl, every word doubted
    faint = [("Waiting", 62), ("times", 48), ("fell", 71), ("in", 55), ("2024.", 66)]   # a faded line of text
    sure = [("comprising", 96), ("two", 23), ("local", 23)]
    footer = [("https://www.exampleton.gov.uk/news/article/12", 20), ("2/4", 96)]    # doubted, but text
    assert _words(swirl, faint, sure, footer) == ["Waiting", "times", "fell", "in", "2024.", "comprising", "two",
                                                  "local", "https://www.exampleton.gov.uk/news/article/12", "2/4"]
