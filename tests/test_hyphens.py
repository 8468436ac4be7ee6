"""Words hyphened over a line break (pipeline/hyphens.py): made whole in body text and table
cells by one rule, judged by the words the paper prints elsewhere."""
from pipeline.hyphens import mend, vocabulary
from pipeline.layout import Line
from pipeline.parse import parse_pdf
from tests.pdfgen import write_pdf
from tests.test_layout import LEADING, column, ruled


def lines(*texts: str) -> list[Line]:
    return [Line(text, 50, 300, 700 - 12 * i, 710 - 12 * i, 10, False) for i, text in enumerate(texts)]


def mended(texts: tuple[str, ...], elsewhere: str = "") -> str:
    run = lines(*texts)
    mend(run, vocabulary([elsewhere, *texts]))
    return " ".join(" ".join(line.text for line in run).split())


def test_a_word_the_paper_prints_whole_loses_its_hyphen():
    assert mended(("the council will lead the commission-", "ing of the new service"),
                  "Joint commissioning is agreed.") == "the council will lead the commissioning of the new service"


def test_a_word_the_paper_prints_with_its_hyphen_keeps_it():
    assert mended(("a long-", "term plan for the county"), "our long-term aims") == "a long-term plan for the county"


def test_without_evidence_the_printed_hyphen_stays_and_the_break_goes():
    assert mended(("a cross-", "border service",)) == "a cross-border service"


def test_a_soft_hyphen_always_goes():
    assert mended(("the reablement pro\u00ad", "gramme starts in May")) == "the reablement programme starts in May"


def test_a_hyphen_left_hanging_on_purpose_stays():
    assert mended(("services for pre-", "and post-natal care")) == "services for pre- and post-natal care"
    assert mended(("adults aged 19-", "to 25")) == "adults aged 19- to 25"


def test_a_line_ending_in_a_dash_or_a_capitalised_next_line_is_left_alone():
    assert mended(("the plan -", "approved in May")) == "the plan - approved in May"
    assert mended(("Priorities for Adult-", "Social Care")) == "Priorities for Adult- Social Care"


def test_cells_and_paragraphs_are_mended_alike(tmp_path):
    """A register whose cells break words over lines, and a paragraph that does the same:
    the paper prints "commissioning" and "long-term" whole elsewhere."""
    items = [(50, 800, "Commissioning Plan", 16, True)]
    items += column(50, 770, ["The long-term plan sets out how joint commissioning will work across the",
                              "county, and how the board will oversee the re-", "procurement of the home care",
                              "contract over the coming year."])
    cells = [("Action", "Lead"), ("Joint commission-", "Director of"), ("ing of respite", "Adult Services"),
             ("A long-", "Chief"), ("term workforce plan", "Officer")]
    for i, (action, lead) in enumerate(cells):
        items += [(55, 680 - LEADING * i, action, 9), (255, 680 - LEADING * i, lead, 9)]
    rules = ruled(50, 624, 450, 693) + [(250, 624, 250, 693), (50, 676, 450, 676), (50, 650, 450, 650)]
    paper = parse_pdf(write_pdf(tmp_path / "hyphens.pdf", [items], rules=[rules]))
    assert paper.tables[0].rows == [["Action", "Lead"], ["Joint commissioning of respite", "Director of Adult Services"],
                                    ["A long-term workforce plan", "Chief Officer"]]
    body = paper.blocks[1].text
    assert "how the board will oversee the re-procurement of the home care contract" in body
