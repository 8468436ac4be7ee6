"""What the date expressions of UK board papers look like, as names and regular expressions.

dates.py says what each expression means; keeping the shapes here lets both stay short.
Fragments carry named groups for their interpreter; `unnamed` strips them so fragments can
be combined (the two sides of a range) without clashing group names.
"""
from __future__ import annotations

import calendar
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}   # each lasts 3
WEEKDAYS = ("monday", "mon", "tuesday", "tues", "tue", "wednesday", "wed", "thursday",
            "thurs", "thur", "thu", "friday", "fri", "saturday", "sat", "sunday", "sun")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18}
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "new year's day": (1, 1), "new year’s day": (1, 1)}

# Deadline words that may lead any expression, and the qualifier each gives it.
LEADS = {
    "by the end of": "by", "by end of": "by", "by": "by",
    "no later than": "no later than", "not later than": "no later than",
    "at the end of": "end", "towards the end of": "end", "the end of": "end", "end of": "end",
    "with effect from": "effective", "effective from": "effective", "effective": "effective",
    "from": "from", "until": "until", "till": "until", "before": "before", "prior to": "before",
    "after": "after", "during": "during", "throughout": "during", "over": "during", "in": None,
}


def unnamed(fragment: str) -> str:
    """The fragment with its named groups made plain, for embedding next to its siblings."""
    return re.sub(r"\(\?P<\w+>", "(?:", fragment)


def _names(words) -> str:
    """Title and upper case forms only, longest first: lower-case "may" and "march" are verbs."""
    forms = {form for word in words for form in (word.title(), word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


def _any(*fragments: str) -> str:
    return "|".join(f"(?:{unnamed(f)})" for f in fragments)


_FULL_MONTHS = [name.lower() for name in calendar.month_name[1:]]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
# An abbreviation's full stop belongs to it only before a number ("Sept. 2019"), not at a sentence end.
MONTH = rf"\b(?:(?:{_names(_FULL_MONTHS)})\b|(?:{_names(_SHORT_MONTHS)})\b(?:\.(?=\s?\d))?)"
# Just after an ordinal day ("12th march") a lower-case month name is a month, not a verb.
MONTH_AFTER_ORDINAL = rf"(?<=\d(?:st|nd|rd|th)\s)(?:{'|'.join(_FULL_MONTHS)})\b"
WEEKDAY = rf"\b(?:{_names(WEEKDAYS)})\b\.?"
SEASON = r"\b(?i:spring|summer|autumn|winter)\b"
YEAR4 = r"(?:19|20)\d{2}"
ORDINAL = r"(?:st|nd|rd|th)"

# Guards for an expression standing alone in running text: not glued to a word, an amount,
# a decimal, a list of numbers or a dash-joined number, and not followed by a percent sign.
GUARD_BEFORE = r"(?<![\w£$€.,/:–—-])"
GUARD_AFTER = r"(?![\w%/+]|\s?%|[.,:–—-]\d)"

DAY_NAMED = (rf"(?:{WEEKDAY},?\s+)?(?:[Tt]he\s+)?(?P<day>\d{{1,2}}){ORDINAL}?(?:\s+of)?\s+"
             rf"(?P<month>{MONTH}|{MONTH_AFTER_ORDINAL})(?:,?\s+(?P<year>{YEAR4}|'\d{{2}}))?")
DAY_MONTH_FIRST = (rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?P<ordinal>{ORDINAL})?"
                   rf"(?!\d)(?:,?\s+(?P<year>{YEAR4}))?")
# "June 23rd & 24th 2018", "March 3-5, 2019": two days of one month, the month written first.
MONTH_DAYS = (rf"(?:{WEEKDAY},?\s+)?(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}){ORDINAL}?\s*(?:[-–&]|\s(?i:and|to)\s)\s*"
              rf"(?P<last_day>\d{{1,2}})(?P<ordinal>{ORDINAL})?(?!\d)(?:,?\s+(?P<year>{YEAR4}))?")
DAY_NUMERIC = (r"(?P<numeric>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
               rf"|{YEAR4}-\d{{2}}-\d{{2}})")
FINANCIAL_YEAR = rf"(?:\b(?P<fy>FY)\s?)?(?P<first>{YEAR4}|\d{{2}})(?P<sep>[/–-])(?P<second>{YEAR4}|\d{{2}})"
YEAR = rf"(?P<year>{YEAR4})"
# "By 2026-28", "over 2024-27": a span of plain years, written after a deadline word (bare, "2015-17"
# is as often a statistic's pooled years).
YEAR_SPAN = rf"(?P<span_lead>\b(?i:by|from|until|over|during|throughout|before))\s+(?P<first>{YEAR4})[–-](?P<second>\d{{2}})"
QUARTER = (rf"(?:\bQ|\b(?i:quarter|qtr)\s?)(?P<quarter>[1-4])(?!\d)"
           rf"(?:\s*(?:of\s+)?(?P<year>{_any(FINANCIAL_YEAR, YEAR)}))?")
MONTH_YEAR = rf"(?P<month>{MONTH})(?:,?\s*'|,?\s+|-)(?P<year>{YEAR4}|\d{{2}})"
MONTH_ALONE = rf"(?P<month>{MONTH})"
SEASON_YEAR = rf"(?P<season>{SEASON})(?:\s+of)?\s+(?P<year>{_any(FINANCIAL_YEAR, YEAR)}|'\d{{2}})"
SEASON_ALONE = rf"(?:[Tt]he\s+)?(?P<season>{SEASON})"
SEASON_RELATIVE = rf"(?P<which>(?i:this|next|last))\s+(?P<season>{SEASON})"
PART = (r"(?P<part>\b(?i:early|mid|late))(?:\s*-\s*|\s+)(?:in\s+)?"
        rf"(?P<base>{_any(FINANCIAL_YEAR, MONTH_YEAR, SEASON_YEAR, YEAR, MONTH_ALONE, SEASON_ALONE)})")
RELATIVE_PERIOD = (r"(?:\b(?i:the)\s+)?(?P<which>\b(?i:this|current|next|coming|last|previous))\s+"
                   r"(?P<unit>(?i:financial\s+year|year|month|week))")
# "this Thursday", "last Monday": a day of the week counted from the paper's date (minutes' usage).
RELATIVE_WEEKDAY = rf"(?P<which>\b(?i:this|next|last))\s+(?P<weekday>{WEEKDAY})"
_COUNT = rf"(?:\d{{1,2}}|(?i:{'|'.join(NUMBER_WORDS)}))"
# "over the next two years"; a span of counts ("for the next one to three years") runs to the larger
RELATIVE_SPAN = (r"(?P<prep>\b(?i:over|within|in|during|for))\s+(?i:the)\s+(?i:next|coming|following)\s+"
                 rf"(?:{_COUNT}(?:\s*[-–]\s*|\s+(?i:to|or)\s+)(?={_COUNT}\s))?(?:(?P<count>{_COUNT})\s+)?"
                 r"(?P<unit>(?i:days?|weeks?|months?|years?))")
# "within six months", "in 12 months' time": a span from the paper's date without "the next".
# "within six months", "in 12 months' time"; "in 12 months" alone is as often a past span.
_AHEAD_UNIT = r"(?i:days?|weeks?|months?|years?)"
RELATIVE_AHEAD = (rf"(?P<prep>\b(?i:within)|\b(?i:in)(?=\s+{_COUNT}\s+{_AHEAD_UNIT}(?:['’]s?)?\s+(?i:time)))"
                  rf"\s+(?P<count>{_COUNT})\s+(?P<unit>{_AHEAD_UNIT})(?:(?:['’]s?)?\s+(?i:time))?")
# "by the end of the year": the year the paper is in; "at year end": its financial year.
YEAR_END = (r"(?:(?i:the)\s+)?(?i:end\s+of\s+the)\s+(?P<fin>(?i:financial)\s+)?(?i:year)\b|"
            r"(?:(?i:the)\s+)?(?:(?i:financial)\s+)?(?P<year_end>(?i:year[\s-]end))\b")
# Named days that minutes date events by ("before Christmas"); only after a deadline word.
HOLIDAY = r"(?P<holiday>\b(?:Christmas(?:\s+(?:Eve|Day))?|New\s+Year[’']s\s+Day)\b)"

# Either side of a range is any dated expression; the first may be a bare day ("1-3 March").
BARE_DAY = rf"(?P<day>\d{{1,2}}){ORDINAL}?"
RANGE_SIDE = _any(DAY_NAMED, DAY_MONTH_FIRST, DAY_NUMERIC, PART, MONTH_YEAR, FINANCIAL_YEAR,
                  QUARTER, SEASON_YEAR, YEAR, MONTH_ALONE, SEASON_ALONE)
RANGE = (rf"(?:(?P<between>\b(?i:between))\s+)?(?P<first>{RANGE_SIDE}|{unnamed(BARE_DAY)})"
         r"(?P<joint>\s*[-–—/]\s*|\s+(?i:to|until|till|through|and)\s+|\s+&\s+)"
         rf"(?P<last>{RANGE_SIDE})")

LEAD = "|".join(sorted((w.replace(" ", r"\s+") for w in LEADS), key=len, reverse=True))

# Numbers that look like dates but are not: amounts, percentages, phone numbers, e-mail and
# web addresses, clock times, the years of Acts and Regulations, section and page numbers.
# An e-mail address is tried at every letter of the text, so the text is searched without it
# when it has no "@" (NOT_DATES_BUT_EMAIL), which finds the same: an alternative that cannot
# match anywhere changes no match.
EMAIL = r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
NOT_DATE_SHAPES = [
    r"(?:£|\$|€|\bGBP\s?)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|billion|m|million|k|thousand)\b)?",
    r"\b\d+(?:\.\d+)?(?:bn|m|k)\b",
    r"(?<![\d.])\d+(?:\.\d+)?\s?(?:%|per\s?cent\b)",
    r"(?<![\d.])(?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}[\s-]?\d{3,4}(?:[\s-]?\d{3,4})?(?!\d)",
    EMAIL,
    r"(?:https?://|www\.)\S+",
    r"\b\d{1,2}(?:[.:]\d{2})?\s?[ap]\.?m\b\.?|\b\d{1,2}:\d{2}\b",
    r"\b(?:Act|Acts|Regulations)\s+(?:of\s+)?\(?\d{4}",
    r"\b\d{4}\s+(?:Act|Acts|Regulations|regulations)\b",
    r"\b(?:[Ss]ections?|[Pp]aras?\.?|[Pp]aragraphs?|[Pp]ages?|pp?\.)\s?\d+(?:[./-]\d+)*",
    r"(?<![\w'’])s\.?\d+",
]
NOT_DATES = re.compile("|".join(NOT_DATE_SHAPES))
NOT_DATES_BUT_EMAIL = re.compile("|".join(shape for shape in NOT_DATE_SHAPES if shape != EMAIL))
