"""Budgets on sentences written in the style of finance reports and printed minutes: the sums
reported speech puts on loans, reserves, pressures and income, their kinds and holders."""
from tests.textpaper import extract

COVER = ["Exampleton Borough Council", "Minutes of a meeting of the Cabinet",
         "Date: 28 January 2021", "Report Author: Jo Bloggs, Head of Finance, Exampleton Borough Council"]
AUTHOR = "Exampleton Borough Council"


def run(*blocks):
    return extract(*blocks, cover=COVER)


def kinds(out):
    return [(b.amount_gbp, b.kind) for b in out.budgets]


def test_loans_approved_in_reported_speech_and_their_monthly_average():
    out = run("Since July 2020, the Business Board had approved over £1.5 million in loans, averaging "
              "£250,000 per month.")
    assert kinds(out) == [(1_500_000, "funding"), (250_000, "funding")]
    assert {b.org for b in out.budgets} == {AUTHOR}


def test_the_words_of_a_monitoring_report_in_minutes():
    out = run("This was a reduction of £2.1 million compared to the end of Q2.",
              "Unavoidable pressures included £1 million related to home to school transport.",
              "There was a need to draw down an additional £4 million from the ICT reserve.",
              "The council planned to raise council tax by 1.99%, bringing in £12.6 million.",
              "Note the forecast capital underspend of £8.2m.")
    assert kinds(out) == [(2_100_000, "savings"), (1_000_000, "cost"), (4_000_000, "funding"),
                          (12_600_000, "funding"), (8_200_000, "other")]


def test_a_breakdowns_parts_keep_the_totals_kind():
    out = run("The budget to be transferred will be about £48m, comprising £45m for placements and £3m for staff.")
    assert [b.kind for b in out.budgets] == ["budget", "budget", "budget"]


def test_a_kind_word_of_a_part_is_not_the_totals_nor_its_sisters():
    out = run("The total budget to be transferred, as things stand today, will be about £48m, comprising £45m "
              "for care package costs and £3m for staffing.",
              "We will save £2m on agency staff and spend £1m on training.")
    assert kinds(out) == [(48e6, "budget"), (45e6, "budget"), (3e6, "budget"), (2e6, "savings"), (1e6, "spend")]


def test_a_populations_sums_are_nobodys():
    out = run(("bullet", "Household debt per head (2020) - £812.50 per head in Exampleton, increasing to "
                         "£930 in Kingsmere."))
    assert kinds(out) == [(812.5, "other"), (930, "other")]
    assert {b.org for b in out.budgets} == {None}


def test_a_sum_no_kind_word_stands_near_is_no_budget():
    out = run("Tickets sold well at the event, and the gallery said a print fetched £40 at the auction "
              "held later in the evening by the friends of the museum.")
    assert out.budgets == []


def test_a_column_unit_is_not_a_sum():
    out = run("The budget is shown in £000 in the table below and totals £4.2m.")
    assert kinds(out) == [(4_200_000, "budget")]


def test_a_sum_given_or_asked_for_by_a_verb_is_a_budget():
    out = run("The original application was for £4,100 and £900 was approved to start the works.",
              "The charity received £6,000 from the Council last year and is requesting a further £6,000.",
              "Ticket sales are expected to generate £18,000.")
    assert kinds(out) == [(4100, "funding"), (900, "allocation"), (6000, "funding"), (6000, "funding"),
                          (18000, "funding")]


def test_a_contracts_value_and_a_contingency_are_costs():
    out = run("The contract value is £240,000 per annum.", "Total (including 10% contingency) £88,400")
    assert kinds(out) == [(240_000, "cost"), (88_400, "cost")]


def test_the_sums_of_a_list_share_the_kind_its_last_sum_states():
    out = run("The settlement includes £120m for road and rail improvements across the county, £40m for new "
              "affordable homes and £8m of capacity funding.")
    assert kinds(out) == [(120e6, "funding"), (40e6, "funding"), (8e6, "funding")]


def test_a_table_cells_sum_takes_the_kind_of_its_column_or_row():
    from schemas import Table
    grants = Table(page=1, rows=[["Organisation", "Project", "Amount Requested"],
                                 ["Friends of Elm Park", "New benches", "North Ward £1,450"]])
    monitoring = Table(page=1, rows=[["Service", "Budget", "Forecast", "Variance"],
                                     ["Adult Social Care", "£212.4m", "£218.9m", "£6.5m"]])
    years = Table(page=1, rows=[["Savings target", "2025/26"], ["Day services review", "£0.4m"]])
    out = run(grants, monitoring, years)
    assert kinds(out) == [(1450, "funding"), (212.4e6, "budget"), (218.9e6, "spend"), (6.5e6, "other"),
                          (0.4e6, "savings")]


def test_the_sums_of_a_list_take_the_kind_its_lead_in_states():
    out = run("Accounts for payment:-", "Greenway Waste - £45 (cheque 1021), Village Hall hire - £60.00 (cheque 1022)")
    assert kinds(out) == [(45, "spend"), (60, "spend")]


def test_money_earmarked_or_written_as_capital_is_a_budget():
    out = run("A further £300,000 has been earmarked for the new play areas next year.",
              "The scheme needs £1.8m capital over the next two years.")
    assert kinds(out) == [(300_000, "allocation"), (1_800_000, "budget")]


def test_an_accounts_initials_are_not_circa():
    from extractors.money import find_money
    assert [m.text for m in find_money("Current A/C £1,519.85, Deposit A/C £2,128.08.")] == ["£1,519.85", "£2,128.08"]


def test_a_sum_under_a_heading_about_money_is_put_on_what_it_names():
    from tests.textpaper import paper
    from pipeline.extract import extract_paper
    parsed, _ = paper("Staging and lighting £12,400", "Stewarding £2,100", cover=COVER)
    for block in parsed.blocks:
        block.section = "6. Financial Implications"
    assert kinds(extract_paper(parsed)) == [(12_400, "cost"), (2_100, "cost")]
    for block in parsed.blocks:
        block.section = "6. Community Grants"
    assert kinds(extract_paper(parsed)) == [(12_400, "funding"), (2_100, "funding")]
