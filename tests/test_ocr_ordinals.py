"""A day's superscript ordinal that Tesseract misread is written as printed, before a month only."""
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


def _hocr(words: list[str]) -> str:
    spans = "".join(f'<span class="ocrx_word" title="bbox {100 + 60 * i} 100 {150 + 60 * i} 130; x_wconf 90">{w}</span>'
                    for i, w in enumerate(words))
    return ('<html xmlns="http://www.w3.org/1999/xhtml"><body><div class="ocr_page" title="bbox 0 0 2000 2000">'
            f'<span class="ocr_line" title="bbox 100 100 {150 + 60 * len(words)} 130; baseline 0 -5; x_size 30; '
            f'x_descenders 6">{spans}</span></div></body></html>')


def test_an_ocr_page_reads_the_ordinal_as_printed():
    page = ocr._page_words(_hocr(["The", "survey", "closes", "on", "318t", "March."]),
                           np.full((2000, 2000), 255, dtype=np.uint8), (0.24, 0.24), (0.0, 0.0))
    assert [w["text"] for w in page.words] == ["The", "survey", "closes", "on", "31st", "March."]
