"""Date expressions of board papers: the interval each denotes, what is not a date, and
properties that must hold for any text."""
from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import dates
from extractors.date_patterns import NOT_DATES, NOT_DATES_BUT_EMAIL
from extractors.dates import DateInterval, DateMention, find_dates, parse_date

REF = date(2019, 7, 15)          # the meeting date the relative expressions below hang off
D = date.fromisoformat


def only(text: str, ref: date | None = REF) -> DateMention:
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


def check(text: str, expected: str, start: str, end: str, precision: str,
          qualifier: str | None = None, ref: date | None = REF) -> None:
    mention = only(text, ref)
    assert mention.text == expected
    assert text[mention.start:mention.end] == expected
    assert mention.interval == DateInterval(D(start), D(end), precision, qualifier)


@pytest.mark.parametrize("text, expected, start, end", [
    ("The board will next meet on 3 October 2019 at the civic centre.",
     "3 October 2019", "2019-10-03", "2019-10-03"),
    ("Staff transferred to the new provider on 30th September 2018.",
     "30th September 2018", "2018-09-30", "2018-09-30"),
    ("Responses to the consultation were received up to 31/10/2022.",
     "31/10/2022", "2022-10-31", "2022-10-31"),
    ("Date: Wednesday 12 March 2014", "Wednesday 12 March 2014", "2014-03-12", "2014-03-12"),
    ("Workshop held Fri 21 Jun with partners.", "Fri 21 Jun", "2019-06-21", "2019-06-21"),
    ("The panel met on 2 June with the voluntary sector.", "2 June", "2019-06-02", "2019-06-02"),
    ("Go-live was on the 1st of April 2016.", "the 1st of April 2016", "2016-04-01", "2016-04-01"),
    ("Signed on April 18, 2019 by both parties.", "April 18, 2019", "2019-04-18", "2019-04-18"),
    ("Data extracted 2019-03-04 from SUS.", "2019-03-04", "2019-03-04", "2019-03-04"),
    ("Minutes of 10/12/14 were agreed.", "10/12/14", "2014-12-10", "2014-12-10"),
])
def test_days(text, expected, start, end):
    check(text, expected, start, end, "day")


def test_a_day_without_a_year_takes_the_year_of_ref():
    check("Comments are welcome until 9 August.", "until 9 August", "2021-08-09", "2021-08-09",
          "day", "until", ref=date(2021, 2, 1))


@pytest.mark.parametrize("expr, qualifier", [("by 31/10/2022", "by"), ("from 2022-10-31", "from")])
def test_numeric_days_after_a_deadline_word(expr, qualifier):
    assert parse_date(expr) == DateInterval(D("2022-10-31"), D("2022-10-31"), "day", qualifier)
    assert only(f"Returns are due {expr}.").text == expr


def test_an_impossible_day_falls_back_to_its_month():
    assert [m.text for m in find_dates("on 31 February 2020", REF)] == ["February 2020"]
    assert parse_date("30/02/2020") is None


@pytest.mark.parametrize("text, expected, start, end", [
    ("The pooled fund will be in place in April 2020.", "in April 2020", "2020-04-01", "2020-04-30"),
    ("Refreshed plan due Nov 2021.", "Nov 2021", "2021-11-01", "2021-11-30"),
    ("Procurement launched Feb 18 as planned.", "Feb 18", "2018-02-01", "2018-02-28"),
    ("The hub opens Sept 2019.", "Sept 2019", "2019-09-01", "2019-09-30"),
    ("Phase two starts Jan '21.", "Jan '21", "2021-01-01", "2021-01-31"),
    ("The review reports in September.", "in September", "2019-09-01", "2019-09-30"),
])
def test_months(text, expected, start, end):
    check(text, expected, start, end, "month")


@pytest.mark.parametrize("text, expected, start, end", [
    ("Engagement events were held Feb – April 18 in each locality.",
     "Feb – April 18", "2018-02-01", "2018-04-30"),
    ("Pilot clinics will run June to August 2018.", "June to August 2018", "2018-06-01", "2018-08-31"),
    ("Savings are phased across the STP period (2016/17-2020/21).",
     "2016/17-2020/21", "2016-04-01", "2021-03-31"),
    ("The workforce strategy covers 2019-2021.", "2019-2021", "2019-01-01", "2021-12-31"),
    ("Recruitment takes place between April and June 2020.",
     "between April and June 2020", "2020-04-01", "2020-06-30"),
    ("Winter schemes ran November to February 2020.",
     "November to February 2020", "2019-11-01", "2020-02-29"),
    ("The audit visit is 1-3 March 2021.", "1-3 March 2021", "2021-03-01", "2021-03-03"),
    ("Consultation: 3 March - 5 April 2020.", "3 March - 5 April 2020", "2020-03-03", "2020-04-05"),
    ("Trajectory improves from Q1 to Q3 2020/21.", "from Q1 to Q3 2020/21", "2020-04-01", "2020-12-31"),
])
def test_ranges(text, expected, start, end):
    qualifier = "from" if expected.startswith("from") else None
    check(text, expected, start, end, "range", qualifier)


def test_a_range_opened_by_from_keeps_from():
    check("We will cut management costs by a fifth from 17/18 to 20/21.", "from 17/18 to 20/21",
          "2017-04-01", "2021-03-31", "range", "from")


def test_a_backwards_range_is_not_a_range():
    assert parse_date("2021-2019") is None


@pytest.mark.parametrize("expr", ["2018/19", "FY2018/19", "FY 2018/19", "18/19", "2018-19",
                                  "2018–19", "2018/2019", "2018-2019", "FY18/19"])
def test_financial_years(expr):
    assert parse_date(expr) == DateInterval(D("2018-04-01"), D("2019-03-31"), "financial_year")


def test_financial_year_in_a_sentence_with_a_deadline():
    check("Running cost savings are expected by 2020/21.", "by 2020/21", "2020-04-01", "2021-03-31",
          "financial_year", "by")


@pytest.mark.parametrize("expr", ["2018/20", "18-19", "50/50", "24/7", "2019/2021"])
def test_not_financial_years(expr):
    interval = parse_date(expr)
    assert interval is None or interval.precision != "financial_year"


@pytest.mark.parametrize("expr, start, end, ref", [
    ("Q3 2024/25", "2024-10-01", "2024-12-31", None),
    ("Q4 2024/25", "2025-01-01", "2025-03-31", None),
    ("Q1 19/20", "2019-04-01", "2019-06-30", None),
    ("Quarter 2 2021/22", "2021-07-01", "2021-09-30", None),
    ("Q2 2020", "2020-04-01", "2020-06-30", None),
    ("Q4 2020", "2020-10-01", "2020-12-31", None),
    ("Q1", "2019-04-01", "2019-06-30", REF),
    ("Q4", "2021-01-01", "2021-03-31", date(2021, 2, 10)),
])
def test_quarters(expr, start, end, ref):
    assert parse_date(expr, ref) == DateInterval(D(start), D(end), "quarter")


def test_a_quarter_without_a_year_needs_ref():
    assert parse_date("Q2") is None


@pytest.mark.parametrize("expr, start, end, qualifier", [
    ("Autumn 2019", "2019-09-01", "2019-11-30", None),
    ("spring 2021", "2021-03-01", "2021-05-31", None),
    ("Summer 2017", "2017-06-01", "2017-08-31", None),
    ("winter 2019", "2019-12-01", "2020-02-29", None),
    ("Winter 2019/20", "2019-12-01", "2020-02-29", None),
    ("late autumn", "2019-09-01", "2019-11-30", "late"),
    ("in the autumn", "2019-09-01", "2019-11-30", None),
    ("this winter", "2019-12-01", "2020-02-29", None),
    ("next spring", "2020-03-01", "2020-05-31", None),
    ("last summer", "2018-06-01", "2018-08-31", None),
])
def test_seasons(expr, start, end, qualifier):
    assert parse_date(expr, REF) == DateInterval(D(start), D(end), "season", qualifier)


def test_winter_said_in_january_is_the_winter_under_way():
    assert parse_date("this winter", date(2020, 1, 20)).start == D("2019-12-01")


@pytest.mark.parametrize("expr, start, end, precision, qualifier", [
    ("early 2015/16", "2015-04-01", "2015-07-31", "financial_year", "early"),
    ("late 2015/16", "2015-12-01", "2016-03-31", "financial_year", "late"),
    ("early 2020", "2020-01-01", "2020-04-30", "year", "early"),
    ("mid 2020", "2020-05-01", "2020-08-31", "year", "mid"),
    ("mid-2020", "2020-05-01", "2020-08-31", "year", "mid"),
    ("late 2020", "2020-09-01", "2020-12-31", "year", "late"),
    ("mid-January", "2019-01-01", "2019-01-31", "month", "mid"),
    ("late March 2021", "2021-03-01", "2021-03-31", "month", "late"),
    ("end of March 2020", "2020-03-01", "2020-03-31", "month", "end"),
    ("by the end of March 2020", "2020-03-01", "2020-03-31", "month", "by"),
    ("by early 2021", "2021-01-01", "2021-04-30", "year", "by"),
    ("in early 2021", "2021-01-01", "2021-04-30", "year", "early"),
])
def test_parts(expr, start, end, precision, qualifier):
    assert parse_date(expr, REF) == DateInterval(D(start), D(end), precision, qualifier)


@pytest.mark.parametrize("text, expected, qualifier", [
    ("The service was first commissioned in 2014 by the council.", "in 2014", None),
    ("We want a single CCG by 2020 at the latest.", "by 2020", "by"),
    ("The target will apply from 2022.", "from 2022", "from"),
    ("Contracts run until 2025.", "until 2025", "until"),
    ("The tariff is frozen during 2021.", "during 2021", "during"),
    ("No change is expected before 2023.", "before 2023", "before"),
    ("The estate review will conclude after 2024.", "after 2024", "after"),
    ("Submission no later than 2021 is required.", "no later than 2021", "no later than"),
    ("The levy is payable effective 2023.", "effective 2023", "effective"),
])
def test_bare_years_and_deadline_words(text, expected, qualifier):
    year = int(expected[-4:])
    check(text, expected, f"{year}-01-01", f"{year}-12-31", "year", qualifier)


@pytest.mark.parametrize("expr, qualifier", [
    ("by 1st April 2018", "by"), ("no later than 1 April 2018", "no later than"),
    ("with effect from 1 April 2018", "effective"), ("effective 1 April 2018", "effective"),
    ("from 1 April 2018", "from"), ("until 1 April 2018", "until"), ("prior to 1 April 2018", "before"),
    ("By 1 April 2018", "by"),
])
def test_deadline_words_keep_the_interval(expr, qualifier):
    assert parse_date(expr) == DateInterval(D("2018-04-01"), D("2018-04-01"), "day", qualifier)


@pytest.mark.parametrize("expr, start, end, precision, qualifier", [
    ("next year", "2020-01-01", "2020-12-31", "year", None),
    ("this year", "2019-01-01", "2019-12-31", "year", None),
    ("last year", "2018-01-01", "2018-12-31", "year", None),
    ("this financial year", "2019-04-01", "2020-03-31", "financial_year", None),
    ("next financial year", "2020-04-01", "2021-03-31", "financial_year", None),
    ("next month", "2019-08-01", "2019-08-31", "month", None),
    ("over the next month", "2019-07-15", "2019-08-15", "range", "during"),
    ("over the next five years", "2019-07-15", "2024-07-15", "range", "during"),
    ("within the next 18 months", "2019-07-15", "2021-01-15", "range", "by"),
    ("over the next two weeks", "2019-07-15", "2019-07-29", "range", "during"),
    ("by the end of this year", "2019-01-01", "2019-12-31", "year", "by"),
])
def test_relative_phrases(expr, start, end, precision, qualifier):
    assert parse_date(expr, REF) == DateInterval(D(start), D(end), precision, qualifier)


def test_relative_phrases_in_a_sentence():
    text = "We saved £2.5m, must save £2m this year and a further £1.3m next year."
    assert [(m.text, m.interval.start.year) for m in find_dates(text, REF)] == [
        ("this year", 2019), ("next year", 2020)]


def test_expressions_needing_ref_are_skipped_without_it():
    text = "Comments until 24 August; a decision in September; plans next year; late autumn; Q1."
    assert find_dates(text) == []
    assert parse_date("24 August") is None


@pytest.mark.parametrize("text", [
    "The session starts at 10.30am in the council chamber.",
    "Costs are 19.6% above the national average.",
    "Growth of 2020% is clearly an error.",
    "The gap is £50m, of which £2.5m is recurrent.",
    "A budget of £2019 per head.",
    "Over a 5 year timeframe the model pays back.",
    "The pilot lasts 18 months.",
    "Activity rose x4 across 8 boroughs.",
    "See sections 6.3 and 9.a below.",
    "For queries ring 0208 313 4198 or 020 8313 2019.",
    "Contact commissioning.2019@nhs.net for details.",
    "Funds are pooled under Section 75 of the NHS Act 2006.",
    "A s75 agreement is in place.",
    "Duties under the Care Act 2014 apply.",
    "Responsibilities set out in the Health and Social Care Act (2012).",
    "The update will follow in due course.",
    "Detail is on page 2014 of the pack.",
    "We may be able to march ahead with winter pressures funding.",
    "Early years and early help services.",
    "Patients seen: 2,019 against a plan of 2,100.",
    "Services are available 24/7 on a 50/50 split.",
    "Young people aged 18-19 are included.",
    "Care models of the 2020s.",
    "Key cells: 5.2.1 and 1.2.10.",
])
def test_not_dates(text):
    assert find_dates(text, REF) == []


def test_mentions_are_leftmost_longest_and_in_order():
    text = ("In 2014/15 and early 2015/16 partners met; by the end of March 2020 a single CCG "
            "will launch, with Autumn 2019 assurance and Q3 2024/25 review.")
    assert [m.text for m in find_dates(text, REF)] == [
        "In 2014/15", "early 2015/16", "by the end of March 2020", "Autumn 2019", "Q3 2024/25"]


def test_a_timeline_of_dated_lines():
    text = "• July 2019: engagement\n• September 2019: proposal\n• April 2020: launch"
    assert [(m.text, m.interval.start) for m in find_dates(text)] == [
        ("July 2019", D("2019-07-01")), ("September 2019", D("2019-09-01")),
        ("April 2020", D("2020-04-01"))]


def test_parse_date_takes_the_whole_expression_or_nothing():
    assert parse_date("  April 2020 ") == DateInterval(D("2020-04-01"), D("2020-04-30"), "month")
    assert parse_date("April 2020 onwards") is None
    assert parse_date("September", REF) == DateInterval(D("2019-09-01"), D("2019-09-30"), "month")
    assert parse_date("in due course", REF) is None
    assert parse_date("") is None


def test_date_interval_refuses_nonsense():
    with pytest.raises(ValueError):
        DateInterval(D("2020-02-01"), D("2020-01-01"), "range")
    with pytest.raises(ValueError):
        DateInterval(D("2020-01-01"), D("2020-01-01"), "fortnight")


def test_long_runs_of_digits_and_punctuation_are_searched_quickly():
    """Guards against patterns that backtrack quadratically: each run here took seconds once."""
    started = time.perf_counter()
    for text in ["1" * 10_000, "2019-" * 2_000, "1/" * 5_000, "19.6" * 2_500, "a.b" * 3_000 + "@"]:
        assert_well_formed(text, find_dates(text, REF))
    assert time.perf_counter() - started < 3


# Properties

REFS = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct",
                       "Nov", "Dec"]
DATEISH_WORDS = st.sampled_from(
    MONTH_NAMES + MONTH_ABBREVIATIONS + ["by", "from", "to", "-", "–", "/", "between", "and",
    "early", "mid-", "late", "end of", "Q3", "FY", "spring", "winter", "next", "year", "over the",
    "month", "£", "%", "Act", "1st", "31", "19", "20", "2019", "2020/21", "18/19", "'19", "0208",
    ".", ",", "am", "in", "the", "financial year", "weeks", "Thursday"])


def assert_well_formed(text: str, found: list[DateMention]) -> None:
    previous_end = 0
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.interval.start <= mention.interval.end
        previous_end = mention.end


@settings(max_examples=200)
@given(st.text(), REFS)
def test_any_text_is_searched_without_error(text, ref):
    assert_well_formed(text, find_dates(text, ref))
    interval = parse_date(text, ref)
    assert interval is None or interval.start <= interval.end


@settings(max_examples=200)
@given(st.lists(DATEISH_WORDS, max_size=12).map(" ".join), REFS)
def test_date_like_word_salad_is_searched_without_error(text, ref):
    assert_well_formed(text, find_dates(text, ref))
    parse_date(text, ref)


FY_FORMATS = [lambda y: f"{y}/{(y + 1) % 100:02d}", lambda y: f"{y}-{(y + 1) % 100:02d}",
              lambda y: f"FY{y}/{(y + 1) % 100:02d}", lambda y: f"{y % 100:02d}/{(y + 1) % 100:02d}"]


@settings(max_examples=200)
@given(st.integers(1995, 2039), st.sampled_from(FY_FORMATS))
def test_financial_years_run_april_to_march(year, fmt):
    expr = fmt(year)
    expected = DateInterval(date(year, 4, 1), date(year + 1, 3, 31), "financial_year")
    assert parse_date(expr) == expected
    text = f"The plan for {expr} was agreed."
    mention = only(text, None)
    assert (mention.text, mention.interval) == (expr, expected)


@st.composite
def written_days(draw):
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)))
    month = draw(st.sampled_from([MONTH_NAMES, MONTH_ABBREVIATIONS]))[day.month - 1]
    ordinal = draw(st.sampled_from(["", "th"])) if day.day not in (1, 2, 3, 21, 22, 23, 31) else ""
    forms = [f"{day.day}{ordinal} {month} {day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}",
             f"{month} {day.day}, {day.year}", day.isoformat()]
    return draw(st.sampled_from(forms)), day


@settings(max_examples=200)
@given(written_days())
def test_written_days_are_that_day(expr_and_day):
    expr, day = expr_and_day
    assert parse_date(expr) == DateInterval(day, day, "day")
    assert parse_date(f"no later than {expr}") == DateInterval(day, day, "day", "no later than")


@st.composite
def dated_expressions(draw):
    year = draw(st.integers(1990, 2039))
    month = draw(st.integers(1, 12))
    name = draw(st.sampled_from([MONTH_NAMES, MONTH_ABBREVIATIONS]))[month - 1]
    fy = f"{year}/{(year + 1) % 100:02d}"
    later = draw(st.integers(year + 1, 2040))
    return draw(st.sampled_from([
        f"{name} {year}", f"{name} {year % 100:02d}", str(year), fy,
        f"Q{draw(st.integers(1, 4))} {fy}", f"Q{draw(st.integers(1, 4))} {year}",
        f"{draw(st.sampled_from(['Spring', 'summer', 'Autumn', 'winter']))} {year}",
        f"{draw(st.sampled_from(['early', 'mid', 'late', 'mid-']))} {year}".replace("- ", "-"),
        f"{draw(st.sampled_from(['early', 'mid', 'late']))} {fy}",
        f"{year} to {later}", f"{fy}-{later}/{(later + 1) % 100:02d}",
        f"between {name} {year} and {later}", f"{draw(st.sampled_from(['by', 'from', 'until']))} {fy}",
    ]))


@settings(max_examples=200)
@given(dated_expressions())
def test_dated_expressions_are_found_whole_with_ordered_ends(expr):
    interval = parse_date(expr)
    assert interval is not None, expr
    assert interval.start <= interval.end
    text = f"Partners agreed that, {expr}, the work would be reviewed."
    mention = only(text, None)
    assert (mention.text, mention.interval) == (expr, interval)


@settings(max_examples=200)
@given(st.lists(st.one_of(dated_expressions(), st.sampled_from(
    ["the board", "noted", "savings of £3m", "19.6%", "at 10.30am", "Care Act 2014", "section 6.3",
     "ring 0208 313 4198", "in due course", "18 months"])), max_size=8))
def test_spans_match_the_text(parts):
    text = "; ".join(parts) + "."
    assert_well_formed(text, find_dates(text, REF))


@settings(max_examples=300)
@given(st.lists(DATEISH_WORDS, max_size=12).map(" ".join))
def test_a_family_is_skipped_only_when_its_pattern_cannot_match(text):
    """find_dates tries a family only where all its cues occur: the cues must be implied by
    every match of the family's pattern, or a date would be silently lost."""
    for regex, family in zip(dates._IN_TEXT, dates._FAMILIES):
        for m in dates._matches(regex, text):
            assert all(cue.search(text) for cue in family.cues), (family.interpret.__name__, m[0])


# --- the year a date leaves unwritten, read in the tense of its clause ----------------------

JANUARY = date(2021, 1, 28)     # a January meeting, whose minutes report December and plan February


@pytest.mark.parametrize("text, lean, start", [
    ("In December the Leader opened the hub.", "past", "2020-12-01"),
    ("In December the Board will review the plan.", "future", "2021-12-01"),
    ("In December the Board met.", None, "2021-12-01"),              # without a lean: ref's year
    ("In December the Board met.", "near", "2020-12-01"),
    ("On 17th December, the Mayor visited the school.", "past", "2020-12-17"),
    ("In February the Leader was to meet the investment board.", "near", "2021-02-01"),
    ("On 6th January the river flooded its banks.", "past", "2021-01-06"),
    ("Comments are welcome until 24 March.", "near", "2021-03-24"),
])
def test_an_unwritten_year_leans_with_the_clause(text, lean, start):
    [mention] = find_dates(text, JANUARY, lean)
    assert mention.interval.start == D(start)


def test_a_written_year_does_not_lean():
    [mention] = find_dates("In December 2019 the Board met.", JANUARY, "future")
    assert mention.interval.start == D("2019-12-01")


@pytest.mark.parametrize("text, expected, start, end", [
    ("Before Christmas, the Leader wrote to the Minister.", "Before Christmas", "2020-12-25", "2020-12-25"),
    ("Last week, the Leader visited the station.", "Last week", "2021-01-18", "2021-01-24"),
    ("On 12th and 13th December, the Mayor hosted the forum.", "12th and 13th December", "2020-12-12", "2020-12-13"),
    ("Events on Saturday 1 July and Sunday 2 July 2017 in the park.", "Saturday 1 July and Sunday 2 July 2017",
     "2017-07-01", "2017-07-02"),
    ("Transport Plan – 16 January to 12th march 2021", "16 January to 12th march 2021", "2021-01-16", "2021-03-12"),
    ("Priority actions for the next one to three years.", "for the next one to three years",
     "2021-01-28", "2024-01-28"),
    ("Areas for action over the coming two or three years.", "over the coming two or three years",
     "2021-01-28", "2024-01-28"),
])
def test_the_date_words_of_minutes(text, expected, start, end):
    [mention] = find_dates(text, JANUARY, "past")
    assert mention.text == expected
    assert (mention.interval.start, mention.interval.end) == (D(start), D(end))


@pytest.mark.parametrize("text", [
    "There are currently 2000+ care leavers in the county.",
    "Regulation 30 of the 2013 Regulations explains the duty.",
    "The best Christmas card design won a prize.",
    "Visits on 3 March and 5 May 2017 were separate.",
])
def test_numbers_and_words_that_are_no_one_date(text):
    assert all(m.interval.precision != "range" for m in find_dates(text, JANUARY))
    assert not any(m.text in ("2000", "2013", "Christmas") for m in find_dates(text, JANUARY))


@pytest.mark.parametrize("text, expected, start, end", [
    ("A report would come back in six months' time.", "in six months' time", "2021-01-28", "2021-07-28"),
    ("The review will be done within 12 weeks.", "within 12 weeks", "2021-01-28", "2021-04-22"),
    ("The hub will open by the end of the year.", "by the end of the year", "2021-01-01", "2021-12-31"),
    ("Savings are due by the end of the financial year.", "by the end of the financial year",
     "2020-04-01", "2021-03-31"),
])
def test_spans_and_year_ends_counted_from_the_paper(text, expected, start, end):
    [mention] = find_dates(text, JANUARY)
    assert (mention.text, mention.interval.start, mention.interval.end) == (expected, D(start), D(end))


def test_in_two_years_alone_is_no_date():
    assert find_dates("It was the first time in two years that the board met there.", JANUARY) == []


@pytest.mark.parametrize("text, found", [("in 31 year", False), ("in 12 months", False),
                                         ("in 12 months time", True), ("within six months", True)])
def test_in_a_span_looks_ahead_only_with_time(text, found):
    assert bool(find_dates(text, date(2021, 1, 1))) is found


ADDRESS_WORDS = st.sampled_from(["£3m", "5%", "0208 123 4567", "www.example.org", "https://x.uk/a", "10:30",
                                 "9am", "Act 2014", "section 3.2", "s.75", "page 4", "2019", "jo.bloggs",
                                 "example.org", "_", "+", "-", ".", " ", "\n", "and", "by", "March"])


@settings(max_examples=300)
@given(st.lists(ADDRESS_WORDS, max_size=15).map("".join))
def test_non_dates_without_the_email_shape_are_the_same_where_no_at_sign(text):
    """find_dates leaves out the e-mail shape when a text has no '@': it must find no less."""
    assert [m.span() for m in NOT_DATES_BUT_EMAIL.finditer(text)] == [m.span() for m in NOT_DATES.finditer(text)]


def test_two_days_joined_by_an_ampersand_are_one_range():
    m = only("The fete will be held on 23rd & 24th June 2019.")
    assert (m.text, m.interval.start, m.interval.end) == ("23rd & 24th June 2019", D("2019-06-23"), D("2019-06-24"))


@pytest.mark.parametrize("text, start, end", [
    ("The art trail will be held on June 23rd & 24th 2019.", "2019-06-23", "2019-06-24"),
    ("The conference runs on March 3-5, 2020.", "2020-03-03", "2020-03-05"),
])
def test_two_days_of_a_month_written_first_are_one_range(text, start, end):
    m = only(text)
    assert (m.interval.start, m.interval.end, m.interval.precision) == (D(start), D(end), "range")
    assert find_dates("The Feb 18-19 budget was set.", REF) == []      # a span of years, not days


@pytest.mark.parametrize("text, day", [
    ("New pilates classes start this Thursday in the hall.", "2019-07-18"),     # REF is a Monday
    ("The group met last Friday with the operator.", "2019-07-12"),
    ("The panel will meet next Tuesday.", "2019-07-23"),
])
def test_a_weekday_this_next_or_last_is_counted_from_the_papers_date(text, day):
    m = only(text)
    assert (m.interval.start, m.interval.end, m.interval.precision) == (D(day), D(day), "day")


def test_a_span_of_plain_years_after_a_deadline_word_runs_first_january_to_last_december():
    m = only("By 2026-28, life expectancy at birth will rise by a year.")
    assert (m.text, m.interval.start, m.interval.end, m.interval.qualifier) == ("By 2026-28", D("2026-01-01"),
                                                                               D("2028-12-31"), "by")
    assert find_dates("There were 123 deaths in 2015-17 across the county.", REF) == []     # a statistic's pooled years
    assert only("by 2025-26").interval.precision == "financial_year"
