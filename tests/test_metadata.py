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


# --- the cover forms, each with what must not leak into the title ---------------------------

def test_a_moderngov_cover_keeps_a_wrapped_subject_whole_and_stops_at_the_next_label_or_heading():
    cover = ["Report to: Cabinet", "From: Sam Smith, Corporate Director of Adult Social Care",
             "Subject: Recommissioning of the community equipment service and the wheelchair",
             "service for adults and children", "Date: 11 September 2025", "Key decision", "Summary",
             "This report sets out the case for recommissioning both services together."]
    doc = extract("Cabinet is asked to agree the recommissioning.", cover=cover).document
    assert doc.title == ("Recommissioning of the community equipment service and the wheelchair "
                         "service for adults and children")
    assert doc.date == "2025-09-11"


def test_a_subject_is_not_run_on_into_the_first_sentence_or_a_classification():
    cover = ["Subject: Winter pressures plan", "Classification", "Unrestricted",
             "Past pathway of report: None"]
    assert extract("The plan is attached.", cover=cover).document.title == "Winter pressures plan"
    cover = ["Subject: Home care framework", "The framework ends in March. A new one is needed."]
    assert extract("The framework is attached.", cover=cover).document.title == "Home care framework"


def test_a_cover_table_without_colons_gives_its_title_and_meeting_date():
    cover = ["NHS Kingsmere Integrated Care Board", "Meeting Date Wednesday 2 July 2025",
             "Report Title Urgent and emergency care recovery plan", "Report of Chief Operating Officer",
             "Job Title: Director of Performance", "Purpose of paper", "For decision"]
    doc = extract("The Board is asked to approve the plan.", cover=cover).document
    assert doc.title == "Urgent and emergency care recovery plan" and doc.date == "2025-07-02"


def test_a_meeting_date_outranks_the_date_the_report_was_written():
    cover = ["Date of report: 28 February 2024", "Title: Pharmacy needs assessment",
             "Date of meeting: 7 March 2024"]
    assert extract("The assessment is attached.", cover=cover).document.date == "2024-03-07"


def test_a_forms_name_field_is_its_title_without_the_number_beside_it():
    cover = ["Motion Form", "MotionName: Free school meals in the holidays MotionNumber: 3",
             "Proposer: Cllr Jo Hayes Seconder: Cllr Sam Patel"]
    assert extract("The motion asks the Council to act.", cover=cover).document.title == \
        "Free school meals in the holidays"


def test_minutes_of_a_committee_meeting_named_before_the_word_meeting():
    cover = ["Minutes of the Health and Wellbeing Board meeting held on Tuesday 4 March 2025 at 2.00 pm",
             "Present: Cllr Hayes (Chair)"]
    doc = extract("The Board noted the report.", cover=cover).document
    assert doc.title == "Minutes of the Health and Wellbeing Board meeting"
    assert doc.date == "2025-03-04" and doc.committee == "HWB"


def test_minutes_of_the_above_council_name_the_council_in_the_heading():
    cover = ["ASHBY PARVA PARISH COUNCIL",
             "Minutes of a meeting of the above Council held on Monday 8th July 2024 at 7.30pm in the",
             "Village Hall.", "Present: Cllrs Wood (Chair), Patel"]
    doc = extract("The Council agreed to repair the bench.", cover=cover).document
    assert doc.title == "Minutes of a meeting of Ashby Parva Parish Council" and doc.date == "2024-07-08"


def test_a_report_below_a_meeting_header_and_item_number_has_its_own_title():
    cover = ["Exampleton Town Council Meeting 14 May 2024", "Agenda Item 42", "Christmas Lights Switch-On",
             "Council is recommended to approve the budget for the event in the Town Square",
             "1. Purpose of Report"]
    doc = extract("The event will be held in November 2024.", cover=cover).document
    assert doc.title == "Christmas Lights Switch-On" and doc.date == "2024-05-14"


def test_a_title_page_leaves_out_status_marks_and_the_headings_after_it():
    cover = ["OFFICIAL", "Exampleton Carers Strategy", "2025 - 2030", "DRAFT", "Foreword",
             "Carers hold our communities together."]
    assert extract("We will refresh the strategy.", cover=cover).document.title == \
        "Exampleton Carers Strategy 2025 - 2030"


def test_a_letters_title_is_its_subject_line():
    cover = ["Ms Jo Bloggs", "Director of Commissioning", "1 High Street", "Exampleton", "EX1 1AA",
             "3 March 2023", "Dear Jo", "RE: Consultation on the new stroke pathway",
             "Thank you for your letter of 1 February. We welcome the consultation."]
    doc = extract("We welcome the consultation.", cover=cover).document
    assert doc.title == "Consultation on the new stroke pathway" and doc.date == "2023-03-03"
    cover = ["Date: 2 October 2024", "Dear Member", "HEALTH AND WELLBEING BOARD - TUESDAY, 8 OCTOBER 2024",
             "I enclose the following reports for the meeting."]
    assert extract("The reports are enclosed.", cover=cover).document.title == \
        "Health and Wellbeing Board - Tuesday, 8 October 2024"


def test_an_agenda_front_sheet_is_the_agenda_of_the_body_below_it():
    cover = ["AGENDA", "HEALTH AND WELLBEING BOARD", "Wednesday, 9th April, 2025, at 2.00 pm",
             "Council Chamber, Town Hall", "1. Apologies", "2. Minutes of the Meeting held on 5th March 2025"]
    doc = extract("The Board will meet.", cover=cover).document
    assert doc.title == "Agenda: Health and Wellbeing Board" and doc.date == "2025-04-09"


def test_a_record_of_decision_is_dated_by_the_day_its_decision_is_taken():
    cover = ["WESTSHIRE COUNTY COUNCIL – PROPOSED RECORD OF DECISION", "DECISION TO BE TAKEN BY: DECISION NO:",
             "Cabinet 25/00042", "Key decision: Yes", "Title of Decision:", "Adoption of the Dementia Strategy",
             "Background", "The strategy was endorsed by Cabinet in March 2025 as a draft for consultation."]
    doc = extract("The strategy was endorsed by Cabinet in March 2025 as a draft for consultation.",
                  "It was considered by the Adult Social Care Cabinet Committee on 3 June 2025 prior to "
                  "decision by Cabinet on 19 June 2025.", cover=cover).document
    assert doc.title == "Adoption of the Dementia Strategy" and doc.date == "2025-06-19"


def test_a_report_to_cover_without_a_title_label_has_the_heading_below_its_fields():
    cover = ["Agenda Item 7", "Exampleton Borough Council", "Report to: Health and Wellbeing Board",
             "Date of meeting: 12 November 2024", "Report of: Director of Public Health", "Key decision: No",
             "Better Care Fund Plan 2024-25", "1. Purpose of the report"]
    doc = extract("The Board is asked to approve the plan.", cover=cover).document
    assert doc.title == "Better Care Fund Plan 2024-25"
    assert doc.date == "2024-11-12" and doc.committee == "HWB"
    cover = ["From: Jo Bloggs, Cabinet Member for Adult Social Care",
             "Sam Smith, Corporate Director, Adult Social Care and Health", "To: Cabinet – 6 March 2025",
             "Review of day services for older people", "Summary", "This report sets out the review."]
    assert extract("Cabinet is asked to note the review.", cover=cover).document.title == \
        "Review of day services for older people"


def test_minutes_of_the_meeting_under_a_heading_are_that_bodys():
    cover = ["Public Document Pack", "EXAMPLETON HEALTH AND WELLBEING BOARD",
             "MINUTES of the meeting held on Tuesday, 5 March 2024 at 2.00 pm", "Present: Cllr Hayes (Chair)"]
    doc = extract("The Board noted the report.", cover=cover).document
    assert doc.title == "Minutes of the meeting of Exampleton Health and Wellbeing Board"
    assert doc.date == "2024-03-05" and doc.committee == "HWB"


def test_a_cover_table_with_each_label_on_its_own_line_and_its_value_below():
    cover = ["NHS Kingsmere Integrated Care Board", "Committee:", "Westshire Health and Wellbeing Board",
             "Date of Board meeting:", "16 January 2025", "Title of paper", "Pharmaceutical needs assessment",
             "2025 to 2028", "Presented by: Jo Bloggs, Director of Public Health"]
    doc = extract("The Board is asked to approve the assessment.", cover=cover).document
    assert doc.title == "Pharmaceutical needs assessment 2025 to 2028"
    assert doc.date == "2025-01-16" and doc.committee == "HWB"


def test_a_title_wrapped_before_a_word_that_could_be_a_label_is_kept_whole():
    cover = ["Proposed Westshire and Ashby Joint Health Overview and Scrutiny", "Committee Terms of Reference",
             "1. Membership"]
    assert extract("The committee has eight members.", cover=cover).document.title == \
        "Proposed Westshire and Ashby Joint Health Overview and Scrutiny Committee Terms of Reference"


def test_a_form_stating_no_date_takes_the_day_its_file_is_named_by():
    from pipeline.extract import extract_paper
    from pipeline.metadata import date_in_name
    from tests.textpaper import paper

    form = ["Motion Form", "Motion: Community transport", "Proposer: Ms Jo Bloggs Seconder: Mr Sam Smith"]
    body = "This motion asks the Council to restore the community transport grant."
    undated, _ = paper(body, cover=form, name="papers/full-council_2024-11-20_motion_3.pdf")
    assert extract_paper(undated).document.date == "2024-11-20"
    dated, _ = paper(body, cover=[*form, "Date: 14 March 2024"], name="papers/council_2024-11-20_motion_3.pdf")
    assert extract_paper(dated).document.date == "2024-03-14"
    assert date_in_name("minutes_2024_02_30") is None and date_in_name("budget-2025-26") is None
    assert date_in_name("pack 20241120 v2") is None and date_in_name("agenda_2019_07_15_hwb") == "2019-07-15"


def test_a_strategy_the_board_itself_wrote_is_the_boards_paper():
    """No cover line names a meeting or the board; the board is the strategy's author."""
    cover = ["Healthier Together", "Our Joint Health and Wellbeing Strategy 2024 to 2029", "Foreword"]
    out = extract(("heading", "Foreword"),
                  "As members of the Exampleshire Health and Wellbeing Board we are proud to publish our strategy.",
                  "The Exampleshire Health and Wellbeing Board brings together the council, the NHS and the voluntary sector.",
                  "We will publish an annual report on our progress.", cover=cover)
    assert out.document.organisation == "Exampleshire Health and Wellbeing Board"
    assert out.document.committee == "HWB"


def test_a_title_page_title_ends_where_the_title_is_printed_again():
    """A cover whose picture repeats the title (read off a scan): the title is the lines before."""
    cover = ["Exampleshire Carers Strategy", "2024 to 2028", "Refresh for the second year",
             "Caring Together", "Exampleshire Carers Strategy 2024 to 2028", "1. Introduction"]
    out = extract("This refresh sets out what has changed.", cover=cover)
    assert out.document.title == "Exampleshire Carers Strategy 2024 to 2028 Refresh for the second year Caring Together"


def test_a_printed_web_page_takes_its_title_from_the_header_after_the_print_stamp():
    cover = ["14/05/2024 Council agrees new carers support offer Exampleton Borough Council",
             "Council agrees new carers support offer", "Published: Tuesday, 14th May 2024",
             "The Cabinet has agreed a new offer of support for unpaid carers across the borough."]
    out = extract("The offer starts in September 2024.", cover=cover)
    assert out.document.title == "Council agrees new carers support offer Exampleton Borough Council"
    assert out.document.date == "2024-05-14"


def test_lines_naming_the_meeting_over_its_date_are_a_header_not_the_title():
    cover = ["London Borough of Harrowgate", "Health and Wellbeing Board", "12 October 2022",
             "Report from the Director of Public Health", "Better Care Fund Plan 2022-23", "Wards affected: All"]
    doc = extract("The Board is asked to note the plan.", cover=cover).document
    assert doc.title == "Better Care Fund Plan 2022-23" and doc.committee == "HWB" and doc.date == "2022-10-12"


def test_a_scrutiny_papers_title_below_its_committee_and_date():
    cover = ["Northmoor and Delby Joint Health Overview and Scrutiny Committee", "24 January 2024",
             "Report of the Integrated Care Board", "Update on the Stroke Services Review", "1. Purpose of the report"]
    doc = extract("The Committee is asked to comment on the review.", cover=cover).document
    assert doc.title == "Update on the Stroke Services Review" and doc.committee == "JHOSC"


def test_an_office_presenting_a_paper_is_not_its_author():
    cover = ["NHS Northmoor Integrated Care Board", "Date: Wednesday 15 March 2023", "Title of paper: Joint Forward Plan",
             "Presented by: Director of Strategy", "Author: Jane Smith"]
    doc = extract("The Board is asked to approve the plan.", cover=cover).document
    assert doc.authors == ["Jane Smith"] and doc.title == "Joint Forward Plan"


def test_a_health_and_well_being_board_written_in_two_words_is_an_hwb():
    cover = ["Report to: Health and Well Being Board", "Date: 3 May 2022",
             "Title: Annual Report of the Director of Public Health"]
    doc = extract("The Board is asked to note the report.", cover=cover).document
    assert doc.committee == "HWB"


def test_a_joint_hosc_written_short_is_a_jhosc():
    cover = ["Report to: North Central Northmoor Joint HOSC", "Date: 3 May 2022", "Title: Estates strategy"]
    assert extract("The Committee is asked to note the report.", cover=cover).document.committee == "JHOSC"
