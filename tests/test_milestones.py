"""Milestones on sentences written in the style of cabinet reports, strategies and printed
minutes: the events that count, the dates that are not events, status and the unwritten year."""
from datetime import date

from schemas import Table
from tests.textpaper import extract

MINUTES = ["Exampleton Borough Council", "Minutes of a meeting of the Cabinet",
           "Date: 28 January 2021", "Report Title: Cabinet minutes"]


def run(*blocks):
    return extract(*blocks, cover=MINUTES)


def dated(out):
    return {m.quote: (m.date_start, m.date_end, m.status) for m in out.milestones}


# --- reported speech in minutes: the year a date leaves unwritten ------------------------

def test_in_december_said_in_january_minutes_is_the_december_gone_when_reported_done():
    out = run(("numbered", "(a) In December the Leader opened the new Kingsmere family hub."))
    [m] = out.milestones
    assert (m.date_start, m.date_end, m.status) == (date(2020, 12, 1), date(2020, 12, 31), "achieved")


def test_in_december_is_the_coming_december_when_the_clause_looks_ahead():
    out = run("In December the Board will review the refreshed carers strategy.")
    [m] = out.milestones
    assert (m.date_start, m.status) == (date(2021, 12, 1), "planned")


def test_a_visit_on_a_day_without_a_year_is_last_december_and_achieved():
    out = run(("numbered", "(b) On 17th December, Councillor Amis visited Kingsmere Primary School."))
    [m] = out.milestones
    assert (m.date_start, m.status) == (date(2020, 12, 17), "achieved")


def test_scheduled_in_reported_speech_is_planned_for_the_nearest_february():
    out = run("In February, the Leader was scheduled to meet the regional investment board.")
    [m] = out.milestones
    assert (m.date_start, m.status) == (date(2021, 2, 1), "planned")


def test_before_christmas_and_last_week_are_dated_from_the_meeting():
    out = run("Before Christmas, the Cabinet Member wrote to the Minister about hospice funding.",
              "Last week, the Leader also took part in filming at Exampleton station.")
    got = {m.date_text: (m.date_start, m.date_end, m.status) for m in out.milestones}
    assert got == {"Before Christmas": (date(2020, 12, 25), date(2020, 12, 25), "achieved"),
                   "Last week": (date(2021, 1, 18), date(2021, 1, 24), "achieved")}


def test_each_dated_event_of_a_sentence_is_quoted_by_its_clause():
    out = run("The consultation on the draft nature strategy opened on 4th January and was due to run "
              "until 15th March.")
    assert dated(out) == {
        "The consultation on the draft nature strategy opened on 4th January":
            (date(2021, 1, 4), date(2021, 1, 4), "achieved"),
        "was due to run until 15th March.": (date(2021, 3, 15), date(2021, 3, 15), "planned")}


def test_committees_dated_in_brackets_are_a_decision_pathway_one_milestone_each():
    out = run("The options were considered by the Health Scrutiny Committee (15 December 2020), the "
              "Adult Services Committee (12 January 2021) and the Policy Committee (21 January 2021).")
    assert [m.date_start for m in out.milestones] == [date(2020, 12, 15), date(2021, 1, 12), date(2021, 1, 21)]
    assert out.milestones[2].quote == "the Policy Committee (21 January 2021)."
    assert {m.status for m in out.milestones} == {"achieved"}


def test_consultation_windows_and_pathway_lines_are_milestones():
    out = run("Current consultations:",
              ("bullet", "Kingsmere Local Transport Plan – 4 January to 15 March 2021"),
              ("bullet", "Library opening hours – 2 November to 14 December 2020"),
              "Past pathway: Adult Services Committee – 12 January 2021")
    assert dated(out) == {
        "Kingsmere Local Transport Plan – 4 January to 15 March 2021": (date(2021, 1, 4), date(2021, 3, 15), "planned"),
        "Library opening hours – 2 November to 14 December 2020": (date(2020, 11, 2), date(2020, 12, 14), "achieved"),
        "Past pathway: Adult Services Committee – 12 January 2021": (date(2021, 1, 12), date(2021, 1, 12), "achieved")}


def test_set_for_later_this_year_and_over_the_next_two_years_are_planned():
    out = run("The final phase of the expansion was set for September 2021.",
              "Should the plan be found sound, the Council would adopt it later this year.",
              "Members heard that the day service would be redesigned over the next two years.")
    assert [(m.date_start, m.status) for m in out.milestones] == [
        (date(2021, 9, 1), "planned"), (date(2021, 1, 1), "planned"), (date(2021, 1, 28), "planned")]


# --- dates that are not events --------------------------------------------------------------

def test_data_years_of_statistics_are_not_milestones():
    out = run("Admissions peaked at just over 4,200 in 2015 and fell to 3,100 by 2019.",
              ("bullet", "Adults who smoke (APS, 2019) - 14.2% in Exampleton, rising to 19.8% in Kingsmere."),
              "There were 312 people on the housing register as at March 2020.",
              "Exampleton was noted for its accurate forecasting, with a 0.8% error rate in 2019.")
    assert out.milestones == []


def test_a_count_of_people_in_a_state_a_projection_or_a_plans_own_years_are_not_milestones():
    out = run("In March 2020, the reablement team were working with 412 older people.",
              "In Q2 2019, 1,150 households were living in temporary accommodation.",
              "Recent projections suggest the number of carers will grow over the next ten years.",
              "Related plans include the economic growth plan 2018-2023 and the local transport plan 2011-2026.")
    assert out.milestones == []
    # What a service did at a date, or a target for a count of people, is still one.
    out = run("In April 2020 the carers' service helped 300 carers back into work.",
              "We will support 500 more families by March 2022.")
    assert [m.status for m in out.milestones] == ["achieved", "planned"]


def test_a_figure_dated_in_brackets_or_a_financial_position_on_a_day_is_no_milestone():
    out = run(("bullet", "4,120 people on the dementia register (August 2020)"),
              "The balance sheet sets out the financial position of the Council on 31 March.")
    assert out.milestones == []
    out = run("12 new carers' hubs (April 2020) opened across the borough.")
    assert [m.status for m in out.milestones] == ["achieved"]


def test_an_address_line_or_the_end_of_an_accounting_year_is_no_milestone():
    out = run("2021 Exampleton Borough Council, Civic Centre, Market Street, Exampleton EX4 9QT",
              "The statement of accounts for the year ended 31 March 2020 was audited.")
    assert out.milestones == []


def test_the_meeting_day_a_packs_title_names_is_its_own_date():
    from pipeline.extract import extract_paper
    from tests.textpaper import paper

    parsed, _ = paper("Dear Councillor, I enclose for consideration at the Thursday, 4 February 2021 meeting of the "
                      "Cabinet the following reports.", "The new hub will open on 1 April 2021.",
                      cover=["Report Title: Cabinet - Thursday, 4 February 2021", "Date: 3 February 2021"])
    assert [m.date_text for m in extract_paper(parsed).milestones] == ["1 April 2021"]


def test_past_trends_and_the_past_in_general_are_not_milestones():
    out = run("Delayed discharges have fallen since 2018/19.",
              "There has been a fall in the number of children entering reception since 2016.",
              "In 2017/18 and early 2018/19 there was little joint working between the practices.",
              "Turnout was 2,000 higher than the previous year.")
    assert out.milestones == []


def test_an_event_in_its_own_clause_beside_what_there_has_been_since_is_a_milestone():
    out = run("Since the carers' forum was established in May 2018, there has been a steady rise in referrals.",
              "In 2017/18, there was little joint working between the practices.")
    assert dated(out) == {"Since the carers' forum was established in May 2018, there has been a steady rise in "
                          "referrals.": (date(2018, 5, 1), date(2018, 5, 31), "achieved")}


def test_years_in_names_and_goals_are_not_milestones():
    out = run("The Cabinet noted the Exampleton Housing Strategy 2021-2026.",
              "The 2020 conference, hosted by Kingsmere, drew delegates from across the region.",
              "The campaign encouraged residents to set healthy goals for 2021.",
              "The first regional board meeting of 2021 was cancelled.")
    assert out.milestones == []


def test_cited_documents_and_the_papers_own_meeting_are_not_milestones():
    out = run("The NHS Long Term Plan (2019) sets out a shift towards prevention.",
              "Smith, J. et al, “Housing and health: a review,” Journal of Public Health, 2018.",
              "To: Cabinet - 28 January 2021",
              "It had been decided not to refer the item to the meeting of the Cabinet on 28th January.")
    assert out.milestones == []


def test_the_year_of_a_sum_is_the_sums_period_not_an_event():
    out = run("Savings of £3.1m would be delivered for 2020-21.",
              "The forecast for 2020-21 remained a concern.")
    assert out.milestones == []


# --- a plan's table ---------------------------------------------------------------------------

PLAN = Table(page=1, rows=[
    ["What we will do", "Led by", "Timescale", "Measure"],
    ["Open two new family hubs in Kingsmere", "Head of Early Help", "March 2022", "Hubs open"],
    ["Review the carers offer", "Carers Lead", "Commenced Oct 2020", "Review report agreed"],
])


def test_a_plan_row_is_one_milestone_quoted_by_its_action_cell():
    out = run(PLAN)
    assert dated(out) == {"Open two new family hubs in Kingsmere": (date(2022, 3, 1), date(2022, 3, 31), "planned"),
                          "Review the carers offer": (date(2020, 10, 1), date(2020, 10, 31), "achieved")}


def test_a_status_column_says_a_row_is_done_even_when_its_header_says_planned():
    table = Table(page=1, rows=[["Action", "Due date", "Status"],
                                ["Publish the dementia action plan", "October 2020", "Complete"],
                                ["Recruit a dementia navigator", "April 2021", "On track"]])
    out = run(table)
    assert {m.quote: m.status for m in out.milestones} == {"Publish the dementia action plan": "achieved",
                                                           "Recruit a dementia navigator": "planned"}


def test_a_committed_to_table_without_a_paper_date_is_planned_not_achieved():
    table = Table(page=1, rows=[["What we have committed to", "Timescale"],
                                ["Increased uptake of health checks in deprived wards", "March 2026"]])
    out = extract(table, cover=["Exampleton Public Health Delivery Plan"])
    [m] = out.milestones
    assert m.status == "planned"


def test_a_letters_or_a_documents_own_date_is_no_milestone():
    out = run("The proposed terms are in the letter we sent to the Minister in late November.",
              "Members reviewed the outcomes document of the 14th December meeting.",
              "The new service will go live in March 2021.")
    assert [m.date_text for m in out.milestones] == ["in March 2021"]


def test_a_season_opening_a_name_is_no_milestone_but_a_season_of_the_plan_is():
    out = run("The hub, confirmed in the Spring Statement, will open to families.",
              "Consultation on the hub will run in the spring.")
    assert [m.date_text for m in out.milestones] == ["in the spring"]


def test_a_trend_expected_to_remain_is_no_milestone():
    out = run("Demand is expected to remain stable in the coming years.",
              "The hub is expected to open in the coming months.")
    assert [m.quote for m in out.milestones] == ["The hub is expected to open in the coming months."]


def test_a_survey_finding_an_estimate_a_ratio_and_a_span_gone_by_are_no_milestones():
    out = run("A Kingsmere survey of young carers in 2016 found:",
              "Around 5,000 older people are estimated to be living alone in 2018",
              "That means three working age residents for every older person in the next 15 years.",
              "Over the last year we have worked hard to bring the district partnerships closer together.")
    assert out.milestones == []
    # A survey run at a date, or a date a ratio is planned for with 'will', is still one.
    out = run("A survey of young carers in 2016 was run by the Carers' Centre.")
    assert [m.status for m in out.milestones] == ["achieved"]


def test_a_line_of_a_statement_of_accounts_is_no_milestone():
    out = run("Consultants 4,210 For work carried out up to the end of March 2019",
              "Grants 12,480 Grant awards committed in 2018/19 but not yet paid")
    assert out.milestones == []
    out = run("Grants of 12,480 Pounds were paid to the Kingsmere Trust in March 2019.")
    assert [m.status for m in out.milestones] == ["achieved"]


def test_the_days_of_an_event_beside_its_budget_are_no_sums_period():
    out = run("The Council will hold a festival in Kingsmere Park on Saturday 3 July and Sunday 4 July 2021 "
              "and use £40,000 from the events budget.")
    assert [(m.date_start, m.date_end) for m in out.milestones] == [(date(2021, 7, 3), date(2021, 7, 4))]


def test_an_act_done_this_year_is_an_achieved_milestone_but_a_year_that_has_been_hard_is_none():
    out = run("This year the Board has published its first carers' survey.")
    assert [m.status for m in out.milestones] == ["achieved"]
    assert run("This year has been a difficult one for the carers' service.").milestones == []


def test_a_meeting_with_a_named_officer_last_week_is_an_event_not_a_name():
    out = run("Cllr Amis had a meeting with the new Police Inspector last week.")
    assert [m.status for m in out.milestones] == ["achieved"]
    assert run("The Kingsmere Strategy 2019 sets out our priorities.").milestones == []


def test_a_tribute_to_someone_who_passed_away_is_no_milestone():
    assert run("(c) Councillor Amis paid tribute to a former officer who sadly passed away last month.").milestones == []
