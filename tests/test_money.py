"""Sums of money in board papers: the pounds each denotes, ranges, yearly figures, what is
not money, and properties that must hold for any text."""
from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.money import MoneyMention, find_money


def amounts(text: str) -> list[tuple[str, float, float | None, bool]]:
    return [(m.text, m.amount_gbp, m.high_gbp, m.per_year) for m in find_money(text)]


@pytest.mark.parametrize("written, pounds", [
    ("£12m", 12_000_000), ("£12 million", 12_000_000), ("£1.2bn", 1_200_000_000),
    ("£1.2 billion", 1_200_000_000), ("£500k", 500_000), ("£660K", 660_000),
    ("£3,522k", 3_522_000), ("£1,234,567", 1_234_567), ("£1.5 million", 1_500_000),
    ("c£51m", 51_000_000), ("c.£51m", 51_000_000), ("£0.6M", 600_000), ("£2.5m", 2_500_000),
    ("£50m", 50_000_000), ("GBP 5m", 5_000_000), ("GBP5m", 5_000_000), ("£ 7 million", 7_000_000),
    ("£250", 250), ("£12,345.67", 12_345.67), ("£4.2mn", 4_200_000), ("£40 thousand", 40_000),
])
def test_single_figures(written, pounds):
    text = f"The programme has {written} available for the coming year."
    assert amounts(text) == [(written, float(pounds), None, False)]


def test_circa_stays_outside_the_figure():
    assert amounts("Spend is circa £42.5m across both partners.") == [("£42.5m", 42_500_000.0, None, False)]


def test_a_bare_figure_after_a_pound_figure_in_the_same_sentence():
    text = ("The mental health budget totals circa £42.1m, with £36.8m held by the CCG and 5.3m "
            "by the council.")
    assert amounts(text) == [("£42.1m", 42_100_000.0, None, False), ("£36.8m", 36_800_000.0, None, False),
                             ("5.3m", 5_300_000.0, None, False)]


@pytest.mark.parametrize("text", [
    "The borough has 13.5m visits a year.",                 # no £ anywhere
    "We saved £2.5m. Another 5m residents were surveyed.",  # £ was in the previous sentence
    "Total cost £4m.\n\n3m of it recurrent",                # paragraph break ends the sentence
])
def test_a_bare_figure_without_pound_context_is_not_money(text):
    assert all(m.text.startswith(("£", "GBP", "c")) for m in find_money(text))


@pytest.mark.parametrize("written, low, high", [
    ("£10m-£12m", 10_000_000, 12_000_000), ("£10-12m", 10_000_000, 12_000_000),
    ("£10m – £12m", 10_000_000, 12_000_000), ("£10m to £12m", 10_000_000, 12_000_000),
    ("between £3m and £4m", 3_000_000, 4_000_000), ("£900k to £1.2m", 900_000, 1_200_000),
    ("£1.5-2bn", 1_500_000_000, 2_000_000_000), ("£500-£750", 500, 750),
])
def test_ranges(written, low, high):
    text = f"Savings are estimated at {written} over the plan period."
    assert amounts(text) == [(written, float(low), float(high), False)]


def test_a_downward_pair_is_two_figures_not_a_range():
    assert amounts("from £12m-£10m") == [("£12m", 12_000_000.0, None, False), ("£10m", 10_000_000.0, None, False)]


def test_a_unit_figure_before_a_dash_and_a_year_is_not_a_range():
    assert amounts("a gap of £5m - 2019/20 outturn") == [("£5m", 5_000_000.0, None, False)]


@pytest.mark.parametrize("suffix", ["a year", "per annum", "p.a.", "pa", "per year", "annually",
                                    "each year", "every year", "/yr"])
def test_per_year_figures(suffix):
    text = f"The new service costs £3m {suffix} to run." if suffix != "/yr" else "It costs £3m/yr to run."
    [mention] = find_money(text)
    assert (mention.amount_gbp, mention.per_year) == (3_000_000.0, True)
    assert mention.text.endswith(suffix)


def test_a_yearly_range():
    assert amounts("Investment of £2m-£3m a year is needed.") == [
        ("£2m-£3m a year", 2_000_000.0, 3_000_000.0, True)]


def test_figures_with_periods_are_not_per_year():
    assert amounts("We still need to save £2m this year and £1.3m next year.") == [
        ("£2m", 2_000_000.0, None, False), ("£1.3m", 1_300_000.0, None, False)]


@pytest.mark.parametrize("text", [
    "Referrals rose 20% on last year.",
    "Costs are 19.6% above the regional average.",
    "Admissions fell by 3.5 per cent in 2019/20.",
    "A 5 year plan across 8 boroughs for 18 months.",
    "See sections 6.3 and 9.a; ring 0208 313 4198.",
    "The meeting starts at 10.30am.",
    "Duties under the Care Act 2014 and Section 75.",
    "Over 2,000 patients and 5 m of corridor.",
    "The 2018/19 outturn improved x4.",
])
def test_not_money(text):
    assert find_money(text) == []


def test_mentions_are_in_order_with_exact_spans():
    text = "Of the £1.2bn allocation, £660K is unspent, c£51m is committed and GBP 3m is held back."
    found = find_money(text)
    assert [m.text for m in found] == ["£1.2bn", "£660K", "c£51m", "GBP 3m"]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_money_mention_is_frozen():
    mention = find_money("£1m")[0]
    with pytest.raises(AttributeError):
        mention.amount_gbp = 2.0  # type: ignore[misc]


def test_long_runs_of_digits_and_punctuation_are_searched_quickly():
    started = time.perf_counter()
    for text in ["1" * 10_000, "£1," * 3_000, "1 - " * 3_000, "£" * 10_000]:
        assert_well_formed(text, find_money(text))
    assert time.perf_counter() - started < 3


# Properties

SCALES = {"": 1, "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "bn": 10**9,
          " million": 10**6, " billion": 10**9, " thousand": 10**3, "million": 10**6}
PER_YEAR = ["", " a year", " per annum", " p.a.", " annually"]


@st.composite
def written_sums(draw):
    """A sum as a paper might write it, with the pounds it denotes."""
    whole = draw(st.integers(0, 999_999))
    decimals = draw(st.sampled_from(["", "5", "25", "75"]))
    unit = draw(st.sampled_from(sorted(SCALES)))
    number = f"{whole:,}" if draw(st.booleans()) else str(whole)
    if decimals:
        number += f".{decimals}"
    currency = draw(st.sampled_from(["£", "GBP ", "c£", "£ "]))
    pounds = Decimal(f"{whole}.{decimals or 0}") * SCALES[unit]
    return f"{currency}{number}{unit}", float(pounds)


def assert_well_formed(text: str, found: list[MoneyMention]) -> None:
    previous_end = 0
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
        assert mention.start >= previous_end
        assert mention.amount_gbp >= 0
        assert mention.high_gbp is None or mention.high_gbp >= mention.amount_gbp
        previous_end = mention.end


@settings(max_examples=200)
@given(st.text())
def test_any_text_is_searched_without_error(text):
    assert_well_formed(text, find_money(text))


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["£", "GBP", "c", "12", "3.5", "1,234", "m", "k", "bn", "million",
                                 "-", "to", "between", "and", "a year", "p.a.", "%", ".", "\n\n",
                                 "per", "annum", "5m", "£2m"]), max_size=12).map(" ".join))
def test_money_like_word_salad_is_searched_without_error(text):
    assert_well_formed(text, find_money(text))


@settings(max_examples=200)
@given(written_sums(), st.sampled_from(PER_YEAR))
def test_written_sums_round_trip(sum_and_pounds, per_year):
    written, pounds = sum_and_pounds
    written += per_year
    text = f"The board approved {written} for the programme in 2020/21."
    [mention] = find_money(text)
    assert mention.text == written
    assert mention.amount_gbp == pytest.approx(pounds)
    assert mention.per_year == bool(per_year)
    assert mention.high_gbp is None


@settings(max_examples=200)
@given(written_sums(), written_sums(), st.sampled_from(["-", " - ", " to "]))
def test_written_ranges_round_trip(first, second, joint):
    (low_text, low), (high_text, high) = sorted([first, second], key=lambda pair: pair[1])
    text = f"Estimates range {low_text}{joint}{high_text} in total."
    found = find_money(text)
    assert_well_formed(text, found)
    if low_text[-1].isdigit() == high_text[-1].isdigit():   # both or neither carry a unit
        assert [(m.amount_gbp, m.high_gbp) for m in found] == [(pytest.approx(low), pytest.approx(high))]


def test_a_sum_written_in_pounds_in_words():
    assert [(m.text, m.amount_gbp) for m in find_money("A budget of 1.2 million pounds was agreed, and 50,000 "
                                                       "pounds more.")] == [("1.2 million", 1.2e6), ("50,000", 5e4)]
