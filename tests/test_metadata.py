"""The paper's metadata and author body from the cover forms councils and NHS bodies use:
a ModernGov report cover, a CCG cover sheet, a 'Report from' line, minutes headers and a
strategy's title page; 'we', 'the Council' and 'the Board' then resolve to those bodies."""
from tests.textpaper import extract

COUNCIL = "Exampleton Borough Council"


def test_a_report_cover_gives_title_date_author_council_and_its_cabinet():
    cover = ["From: Jo Bloggs, Cabinet Member for Adult Social Care",
             "Sam Smith, Corporate Director, Adult Social Care and Health",
             "To: Cabinet - 14 March 2024",
             "Subject: Transfer of the reablement service from the Children's Directorate to",
             "the Adult Social Care and Health Directorate",
             "Key decision: Yes", "Classification: Unrestricted"]
    out = extract(f"{COUNCIL} provides reablement to 400 people.", f"{COUNCIL} reviewed the service in 2023.",
                  "The Westshire County Council scheme is similar.", "Cabinet is asked to agree the transfer.",
                  "We will consult staff in April 2024.", cover=cover)
    doc = out.document
    assert doc.title == ("Transfer of the reablement service from the Children's Directorate to "
                         "the Adult Social Care and Health Directorate")
    assert doc.date == "2024-03-14" and doc.committee == "other"
    assert doc.organisation == COUNCIL and doc.authors == ["Jo Bloggs"]
    [d] = out.decisions
    assert d.body == f"{COUNCIL} Cabinet"
    assert [c.actor for c in out.commitments] == [COUNCIL]


def test_a_ccg_cover_sheet_names_its_author_in_the_report_of_line():
    cover = ["NHS Kingsmere CCG Governing Body", "Date: 5 June 2019", "Title: Community services contract",
             "Report of: Chief Finance Officer, NHS Kingsmere Clinical Commissioning Group"]
    out = extract("Westshire County Council and the CCG share the cost.",
                  "Westshire County Council chairs the steering group and Westshire County Council hosts it.",
                  "We will retender the contract in 2020.", cover=cover)
    assert out.document.organisation == "NHS Kingsmere Clinical Commissioning Group"
    assert out.document.title == "Community services contract" and out.document.date == "2019-06-05"
    assert [c.actor for c in out.commitments] == ["NHS Kingsmere Clinical Commissioning Group"]


def test_a_report_from_block_wrapped_over_two_lines():
    cover = ["Exampleton Health and Wellbeing Board", "2018", "Report from NHS Exampleton Clinical Commissioning",
             "Group", "For information", "Report Title: Update on integrated care", "1. Introduction"]
    out = extract("This paper updates the Exampleton Health and Wellbeing Board.", cover=cover)
    doc = out.document
    assert doc.organisation == "NHS Exampleton Clinical Commissioning Group"
    assert doc.title == "Update on integrated care" and doc.date == "2018" and doc.committee == "HWB"


def test_minutes_name_the_committee_that_met_and_its_council_is_the_author():
    cover = ["EXAMPLETON TOWN COUNCIL",
             "Minutes of a meeting of the Planning Committee held on Monday 3rd June 2019 at 7.00pm",
             "Present: Cllrs Hayes (Chair), Patel and Wood"]
    out = extract("Ashby City Council had consulted on the bypass.", "Ashby City Council will close the road.",
                  "Ashby City Council confirmed the dates.", "RESOLVED that the Committee notes the report.", cover=cover)
    doc = out.document
    assert doc.organisation == "Exampleton Town Council"
    assert doc.title == "Minutes of a meeting of the Planning Committee" and doc.date == "2019-06-03"
    assert "Exampleton Town Council" in {o.name for o in out.organisations}


def test_minutes_of_a_town_council_are_not_credited_to_the_city_it_names_most():
    cover = ["Amenities Committee", "Tuesday 13th March 2018", "Present:", "Cllrs Hayes (Chair), Patel and Wood."]
    out = extract("Ashby City Council cuts the verges and Ashby City Council mends the paths.",
                  "The Town Clerk advised that the Town Council would write to Ashby City Council.", cover=cover)
    assert out.document.organisation != "Ashby City Council"
    assert out.document.date == "2018-03-13"


def test_a_health_and_wellbeing_strategy_is_the_boards():
    cover = ["Exampleton Joint Health and Wellbeing", "Strategy 2020 - 2025", "Refresh for winter pressures",
             "1. Background",
             "In June 2021 the Director of Public Health reported to the Exampleton Health and Wellbeing Board.",
             "In October 2021 the approach was agreed by the Board."]
    out = extract("In June 2021 the Director of Public Health reported to the Exampleton Health and Wellbeing Board.",
                  "NHS Exampleton CCG and NHS Exampleton CCG commissioners fund most services; NHS Exampleton CCG leads.",
                  "The Board will review the strategy in 2023.", cover=cover)
    doc = out.document
    assert doc.organisation == "Exampleton Health and Wellbeing Board"
    assert doc.title == "Exampleton Joint Health and Wellbeing Strategy 2020 - 2025 Refresh for winter pressures"
    assert doc.date == "2021-10"
    assert [c.actor for c in out.commitments] == ["Exampleton Health and Wellbeing Board"]


def test_a_report_to_the_county_council_is_that_councils_among_two():
    cover = ["From: Jo Bloggs, Cabinet Member for Democratic Services", "To: County Council 13th March 2025",
             "Subject: Westshire and Ashby Joint Health Overview and Scrutiny Committee (JHOSC) Terms of Reference",
             "Status: Unrestricted"]
    out = extract("Ashby Council and Westshire County Council each appoint four members.",
                  "Ashby Council agreed the changes in January and Ashby Council will publish them.", cover=cover)
    doc = out.document
    assert doc.organisation == "Westshire County Council" and doc.committee == "other"
    assert doc.title.endswith("Terms of Reference")


def test_a_deck_titled_with_a_bodys_priorities_is_that_bodys():
    cover = ["Improving Health and Wellbeing ~ Westshire County Council Priorities and Actions", "DRAFT"]
    out = extract("Westshire County Council and NHS Kingsmere ICB share the ambitions below.",
                  ("bullet", "Expand the falls prevention service to every district."), cover=cover)
    assert out.document.organisation == "Westshire County Council"
