"""Find the date expressions of UK health and care board papers and the intervals they denote.

Milestones, commitments and budgets hang off dates written every which way ("by April 2020",
"18/19", "Q3 2024/25", "late autumn", "over the next month"); ANNOTATION.md fixes the interval
each denotes. The shapes live in date_patterns.py; this module says what they mean.
Expressions that need a reference date (no year, "next year") are skipped when `ref` is None.
"""
from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable, Iterator

from extractors import date_patterns as p

PRECISIONS = frozenset({"day", "month", "quarter", "season", "financial_year", "year", "range"})
QUALIFIERS = frozenset({None, "by", "from", "until", "no later than", "effective", "before",
                        "after", "during", "early", "mid", "late", "end"})
BARE_YEARS = range(1990, 2041)   # a lone number is read as a year only inside this window


@dataclass(frozen=True)
class DateInterval:
    """The days an expression denotes, both ends inclusive, and how precisely it said so."""

    start: date
    end: date
    precision: str
    qualifier: str | None = None

    def __post_init__(self):
        if self.start > self.end or self.precision not in PRECISIONS or self.qualifier not in QUALIFIERS:
            raise ValueError(f"not a date interval: {self!r}")


@dataclass(frozen=True)
class DateMention:
    """A date expression as written, with its span in the searched text."""

    start: int
    end: int
    text: str
    interval: DateInterval


Interpreter = Callable[[re.Match, date | None], DateInterval | None]


def _months(year: int, month: int, count: int, precision: str) -> DateInterval:
    """`count` whole months from `month` of `year`; a month outside 1..12 rolls the year."""
    first_year, first_month = divmod(year * 12 + month - 1, 12)
    last_year, last_month = divmod(year * 12 + month - 1 + count - 1, 12)
    last_day = calendar.monthrange(last_year, last_month + 1)[1]
    return DateInterval(date(first_year, first_month + 1, 1), date(last_year, last_month + 1, last_day),
                        precision)


def _add_months(day: date, count: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 + count, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _financial_year(first_year: int) -> DateInterval:
    return _months(first_year, 4, 12, "financial_year")


def _financial_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _year(text: str | None, ref: date | None) -> int | None:
    """A written year, two-digit ones pivoting at 70 ("18" → 2018); ref's year when none is written."""
    if text is None:
        return ref.year if ref else None
    digits = text.lstrip("'")
    return int(digits) if len(digits) == 4 else (2000 if int(digits) < 70 else 1900) + int(digits)


def _month_number(name: str) -> int:
    return p.MONTHS[name.rstrip(".").lower()]


def _day(year: int | None, month: int, day: int) -> DateInterval | None:
    if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return DateInterval(date(year, month, day), date(year, month, day), "day")


def _season(name: str, year: int) -> DateInterval:
    return _months(year, p.SEASON_FIRST_MONTH[name.lower()], 3, "season")


def _season_around(name: str, ref: date) -> DateInterval:
    """The season of ref's year; in January and February "winter" is the one under way."""
    winter_under_way = name.lower() == "winter" and ref.month <= 2
    return _season(name, ref.year - winter_under_way)


# One interpreter per family: the regex match (and the reference date) to an interval or None.

def _day_named(m: re.Match, ref: date | None) -> DateInterval | None:
    return _day(_year(m["year"], ref), _month_number(m["month"]), int(m["day"]))


def _day_month_first(m: re.Match, ref: date | None) -> DateInterval | None:
    if not m["ordinal"] and not m["year"]:
        return None   # "Feb 18" is February 2018, read as a month
    return _day(_year(m["year"], ref), _month_number(m["month"]), int(m["day"]))


def _month_days(m: re.Match, ref: date | None) -> DateInterval | None:
    if not m["ordinal"] and not m["year"]:
        return None   # "Feb 18-19" may be a span of years
    year, month = _year(m["year"], ref), _month_number(m["month"])
    first, last = _day(year, month, int(m["day"])), _day(year, month, int(m["last_day"]))
    if first is None or last is None or first.precision != "day" or last.precision != "day" or last.start <= first.start:
        return None
    return DateInterval(first.start, last.end, "range")


def _day_numeric(m: re.Match, ref: date | None) -> DateInterval | None:
    parts = re.split(r"[/.-]", m["numeric"])
    year, month, day = parts if len(parts[0]) == 4 else reversed(parts)
    return _day(_year(year, ref), int(month), int(day)) if 1 <= int(month) <= 12 else None


def _financial_year_match(m: re.Match, ref: date | None) -> DateInterval | None:
    first, second = m["first"], m["second"]
    if len(first) == 2 and not (m["sep"] == "/" or m["fy"]):
        return None   # "18-19" is more often an age band or page range than a year
    year = _year(first, ref)
    if len(first) == 2 and year not in BARE_YEARS:
        return None
    if int(second) != (year + 1 if len(second) == 4 else (year + 1) % 100):
        return None
    return _financial_year(year)


def _year_span(m: re.Match, ref: date | None) -> DateInterval | None:
    """'By 2026-28': first January of the first year to the last December of the last; a financial
    year ('2026-27') is read by its own family."""
    year = int(m["first"])
    last = year // 100 * 100 + int(m["second"])
    if not year + 1 < last <= year + 10:
        return None
    return DateInterval(date(year, 1, 1), date(last, 12, 31), "range", p.LEADS[m["span_lead"].lower()])


def _bare_year(m: re.Match, ref: date | None) -> DateInterval | None:
    year = int(m["year"])
    return _months(year, 1, 12, "year") if year in BARE_YEARS else None


def _quarter(m: re.Match, ref: date | None) -> DateInterval | None:
    """"Qn 2024/25" is a financial quarter (Q1 = April-June), "Qn 2024" a calendar one."""
    offset = 3 * (int(m["quarter"]) - 1)
    if m["year"] is None:
        return _months(_financial_year_of(ref), 4 + offset, 3, "quarter") if ref else None
    year = _parse_side(m["year"], ref)
    if year is None:
        return None
    first_month = 4 if year.precision == "financial_year" else 1
    return _months(year.start.year, first_month + offset, 3, "quarter")


def _month_year(m: re.Match, ref: date | None) -> DateInterval | None:
    return _months(_year(m["year"], ref), _month_number(m["month"]), 1, "month")


def _month_alone(m: re.Match, ref: date | None) -> DateInterval | None:
    return _months(ref.year, _month_number(m["month"]), 1, "month") if ref else None


def _season_year(m: re.Match, ref: date | None) -> DateInterval | None:
    """A season of a financial year ("winter 2019/20") is the one in its first calendar year."""
    return _season(m["season"], _year(re.search(r"'?\d+", m["year"])[0], ref))


def _season_alone(m: re.Match, ref: date | None) -> DateInterval | None:
    return _season_around(m["season"], ref) if ref else None


def _season_relative(m: re.Match, ref: date | None) -> DateInterval | None:
    """"next winter" is the first one starting after ref, "last winter" the latest ended before it."""
    if ref is None:
        return None
    season = _season_around(m["season"], ref)
    which = m["which"].lower()
    if which == "next" and season.start <= ref:
        return _season(m["season"], season.start.year + 1)
    if which == "last" and season.end >= ref:
        return _season(m["season"], season.start.year - 1)
    return season


def _part(m: re.Match, ref: date | None) -> DateInterval | None:
    """Early, mid and late split a year into thirds; a month or season keeps its whole interval."""
    base = _parse_side(m["base"], ref)
    if base is None:
        return None
    part = m["part"].lower()
    if base.precision in ("year", "financial_year"):
        third = ("early", "mid", "late").index(part)
        base = _months(base.start.year, base.start.month + 4 * third, 4, base.precision)
    return replace(base, qualifier=part)


def _holiday(m: re.Match, ref: date | None) -> DateInterval | None:
    month, day = p.HOLIDAYS[" ".join(m["holiday"].lower().split())]
    return _day(ref.year, month, day) if ref else None


def _relative_period(m: re.Match, ref: date | None) -> DateInterval | None:
    if ref is None:
        return None
    step = {"this": 0, "current": 0, "next": 1, "coming": 1, "last": -1, "previous": -1}[m["which"].lower()]
    unit = " ".join(m["unit"].lower().split())
    if unit == "financial year":
        return _financial_year(_financial_year_of(ref) + step)
    if unit == "year":
        return _months(ref.year + step, 1, 12, "year")
    if unit == "week":      # Monday to Sunday
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        return DateInterval(monday, monday + timedelta(days=6), "range")
    return _months(ref.year, ref.month + step, 1, "month")


def _relative_weekday(m: re.Match, ref: date | None) -> DateInterval | None:
    """'this Thursday' is the coming one (the day itself when ref is one), 'next Thursday' the one
    of the week after ref's, 'last Thursday' the one before ref."""
    if ref is None:
        return None
    name = m["weekday"].lower().rstrip(".")
    wanted = next(i for i, days in enumerate(_WEEKDAY_NAMES) if name in days)
    which = m["which"].lower()
    if which == "last":
        day = ref - timedelta(days=(ref.weekday() - wanted - 1) % 7 + 1)
    elif which == "next":
        day = ref - timedelta(days=ref.weekday()) + timedelta(weeks=1, days=wanted)
    else:
        day = ref + timedelta(days=(wanted - ref.weekday()) % 7)
    return DateInterval(day, day, "day")


_WEEKDAY_NAMES = [("monday", "mon"), ("tuesday", "tues", "tue"), ("wednesday", "wed"), ("thursday", "thurs", "thur", "thu"),
                  ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun")]


def _relative_span(m: re.Match, ref: date | None) -> DateInterval | None:
    """"over the next N months": from ref to the same day N months on."""
    if ref is None:
        return None
    count_text = (m["count"] or "1").lower()
    count = int(count_text) if count_text.isdigit() else p.NUMBER_WORDS[count_text]
    unit = m["unit"].lower().rstrip("s")
    if unit in ("day", "week"):
        end = ref + timedelta(days=count * (7 if unit == "week" else 1))
    else:
        end = _add_months(ref, count * (12 if unit == "year" else 1))
    qualifier = {"over": "during", "during": "during", "for": "during", "within": "by", "in": "by"}[m["prep"].lower()]
    return DateInterval(ref, end, "range", qualifier)


def _year_end(m: re.Match, ref: date | None) -> DateInterval | None:
    """"by the end of the year": ref's year; its financial year when it says so or says "year end"."""
    if ref is None:
        return None
    if m["fin"] or m["year_end"]:
        return replace(_financial_year(_financial_year_of(ref)), qualifier="end")
    return replace(_months(ref.year, 1, 12, "year"), qualifier="end")


def _range(m: re.Match, ref: date | None) -> DateInterval | None:
    """From the start of the first side to the end of the last; a side without a year takes the
    last side's ("Feb - April 18"), or the year before when it would otherwise come after it."""
    ends = _range_ends(m, ref)
    if ends is None:
        return None
    first, last = ends
    if first.start > last.start and not re.fullmatch(p.BARE_DAY, m["first"]):
        first = _parse_side(m["first"], date(last.start.year - 1, last.start.month, 1))
    if first is None or first.start > last.start:
        return None
    joint = m["joint"].strip().lower()
    if joint in ("and", "&") and not m["between"] and (
            first.precision != "day" or last.precision != "day" or (last.start - first.start).days > 7):
        return None     # "Saturday 1 July and Sunday 2 July" is one event; "3 March and 5 May" two
    return DateInterval(first.start, last.end, "range")


def _range_ends(m: re.Match, ref: date | None) -> tuple[DateInterval, DateInterval] | None:
    """A range's two sides as written, a side without a year taking the last side's; their
    order is not checked (see `range_sides`)."""
    joint = m["joint"].strip().lower()
    last = _parse_side(m["last"], ref)
    if last is None:
        return None
    if re.fullmatch(p.BARE_DAY, m["first"]):
        if last.precision != "day" or joint == "/" or (joint in ("-", "–", "—") and m["joint"] != joint):
            return None   # "1-3 March" and "1 to 3 March", not "item 1 - 3 March"
        first = _day(last.start.year, last.start.month, int(re.match(r"\d+", m["first"])[0]))
    else:
        first = _parse_side(m["first"], None) or _parse_side(m["first"], last.start)
    return (first, last) if first else None


_RANGE_IN = re.compile(p.RANGE)


def range_sides(mention: DateMention, ref: date | None = None) -> tuple[DateMention, DateMention] | None:
    """The two sides of a range mention as dates of their own, spans in the same text ('from
    March to June 2020': 'March' is March 2020, 'June 2020'), or None when it is no range. A
    date moved ('brought forward from December to September 2020') reads its sides in either
    order, so unlike a range's interval they may go backwards."""
    if mention.interval.precision != "range":
        return None
    m = next((m for m in _matches(_RANGE_IN, mention.text) if m.end() == len(mention.text)), None)
    ends = _range_ends(m, ref) if m else None
    if ends is None:
        return None
    (first, last), at = ends, mention.start
    return (DateMention(at + m.start("first"), at + m.end("first"), m["first"], first),
            DateMention(at + m.start("last"), at + m.end("last"), m["last"], last))


# Cues: cheap searches for what a family cannot match without, so find_dates tries a
# family's costly pattern only on text that has all of its cues (most sentences have none).
_DIGIT, _MONTH, _SEASON = re.compile(r"\d"), re.compile(p.MONTH), re.compile(p.SEASON)
_DAY_MONTH = re.compile(rf"{p.MONTH}|{p.MONTH_AFTER_ORDINAL}")
_DATED = re.compile(rf"\d|{p.MONTH}|{p.SEASON}")


@dataclass(frozen=True)
class _Family:
    fragment: str
    interpret: Interpreter
    needs_lead: bool = False    # only after a deadline word: a lone "May" or "winter" is no date
    range_side: bool = True     # may stand on either side of a range
    cues: tuple[re.Pattern, ...] = (_DATED,)
    leans: bool = False         # may leave its year unwritten, to be read from ref (see `lean`)


# In order of preference when two families read the same span ("2018-2019" is a financial year).
_FAMILIES = [
    _Family(p.DAY_NAMED, _day_named, cues=(_DIGIT, _DAY_MONTH), leans=True),
    _Family(p.MONTH_DAYS, _month_days, range_side=False, cues=(_DIGIT, _MONTH), leans=True),
    _Family(p.DAY_MONTH_FIRST, _day_month_first, cues=(_DIGIT, _MONTH), leans=True),
    _Family(p.DAY_NUMERIC, _day_numeric, cues=(re.compile(r"\d[/.-]\d"),)),
    _Family(p.FINANCIAL_YEAR, _financial_year_match, cues=(re.compile(r"\d[/–-]\d"),)),
    _Family(p.QUARTER, _quarter, cues=(re.compile(r"(?:Q|(?i:quarter|qtr)\s?)[1-4]"),), leans=True),
    _Family(p.MONTH_YEAR, _month_year, cues=(_DIGIT, _MONTH)),
    _Family(p.SEASON_YEAR, _season_year, cues=(_DIGIT, _SEASON)),
    _Family(p.PART, _part, cues=(re.compile(r"(?i:early|mid|late)"), _DATED), leans=True),
    _Family(p.YEAR, _bare_year, cues=(re.compile(p.YEAR4),)),
    _Family(p.YEAR_SPAN, _year_span, range_side=False, cues=(re.compile(r"\d[–-]\d"),)),
    _Family(p.RANGE, _range, range_side=False, leans=True),
    _Family(p.RELATIVE_SPAN, _relative_span, range_side=False,
            cues=(re.compile(r"(?i:next|coming|following)"),)),
    _Family(p.RELATIVE_AHEAD, _relative_span, range_side=False, cues=(re.compile(r"(?i:within|time)"),)),
    _Family(p.YEAR_END, _year_end, range_side=False, cues=(re.compile(r"(?i:year)"),)),
    _Family(p.RELATIVE_PERIOD, _relative_period, range_side=False,
            cues=(re.compile(r"(?i:this|current|next|coming|last|previous)"),)),
    _Family(p.SEASON_RELATIVE, _season_relative, range_side=False, cues=(_SEASON,)),
    _Family(p.RELATIVE_WEEKDAY, _relative_weekday, range_side=False,
            cues=(re.compile(r"(?i:(?:this|next|last)\s+(?:mon|tue|wed|thu|fri|sat|sun))"),)),
    _Family(p.MONTH_ALONE, _month_alone, needs_lead=True, cues=(_MONTH,), leans=True),
    _Family(p.SEASON_ALONE, _season_alone, needs_lead=True, cues=(_SEASON,), leans=True),
    _Family(p.HOLIDAY, _holiday, needs_lead=True, range_side=False,
            cues=(re.compile(r"Christmas|New\s+Year"),), leans=True),
]
_LEAD = rf"(?P<lead>(?i:{p.LEAD}))\s+"
# Each family is searched bare and its deadline word looked for just before a match:
# an optional lead at the front of the pattern would be tried at every position, 4x slower.
_IN_TEXT = [re.compile(rf"{p.GUARD_BEFORE}(?:{f.fragment}){p.GUARD_AFTER}") for f in _FAMILIES]
_LEAD_BEFORE = re.compile(rf"\b{_LEAD}$")
LEAD_REACH = 60     # characters before a match in which its deadline word must end
_WHOLE = [re.compile(rf"(?:{_LEAD})?(?:{f.fragment})") for f in _FAMILIES]
_SIDES = [(re.compile(f.fragment), f.interpret) for f in _FAMILIES if f.range_side]


def _parse_side(text: str, ref: date | None) -> DateInterval | None:
    """The interval of a bare expression (no deadline word): one side of a range, a part's base."""
    for regex, interpret in _SIDES:
        m = regex.fullmatch(text)
        if m and (interval := interpret(m, ref)):
            return interval
    return None


def _with_lead(interval: DateInterval, lead: str | None) -> DateInterval:
    """A deadline word's qualifier ("by") wins over a part's ("early"): the interval keeps the part."""
    qualifier = p.LEADS[" ".join(lead.lower().split())] if lead else None
    return replace(interval, qualifier=qualifier) if qualifier else interval


def _matches(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """Every match, one per start position, even where matches overlap."""
    pos = 0
    while m := regex.search(text, pos):
        yield m
        pos = m.start() + 1


# Every cue once, and each family's cues as places in that list: a cue shared by families is
# searched for once a text.
_CUES = list(dict.fromkeys(cue for family in _FAMILIES for cue in family.cues))
_RANKED = [(rank, regex, family, tuple(_CUES.index(cue) for cue in family.cues))
           for rank, (regex, family) in enumerate(zip(_IN_TEXT, _FAMILIES))]


def _cued(text: str) -> list[tuple[int, re.Pattern, _Family]]:
    """(rank, pattern, family) of the families whose every cue occurs in text."""
    hits: list[bool | None] = [None] * len(_CUES)
    found = []
    for rank, regex, family, cues in _RANKED:
        for i in cues:
            if hits[i] is None:
                hits[i] = _CUES[i].search(text) is not None
            if not hits[i]:
                break
        else:
            found.append((rank, regex, family))
    return found


def _shift(day: date, years: int) -> date:
    return date(day.year + years, day.month, min(day.day, calendar.monthrange(day.year + years, day.month)[1]))


def _distance(interval: DateInterval, ref: date) -> int:
    return 0 if interval.start <= ref <= interval.end else min(abs((interval.start - ref).days),
                                                               abs((interval.end - ref).days))


def _leaned(m: re.Match, family: _Family, ref: date, lean: str) -> DateInterval | None:
    """An expression whose year is not written ("In December", "on 17th December") in the year
    its clause's tense points to: the latest one begun by ref for "past", the first one not
    ended by ref for "future", the nearest to ref for "near"."""
    readings = [r for r in (family.interpret(m, _shift(ref, years)) for years in (0, -1, 1)) if r]
    if len(set(readings)) < 2:
        return readings[0] if readings else None
    if lean == "past":
        begun = [r for r in readings if r.start <= ref]
        return max(begun, key=lambda r: r.start) if begun else readings[0]
    if lean == "future":
        open_ = [r for r in readings if r.end >= ref]
        return min(open_, key=lambda r: r.start) if open_ else readings[0]
    return min(readings, key=lambda r: _distance(r, ref))


class _Blocked:
    """The spans of a text's numbers that are no dates, in order and apart (one finditer's),
    asked whether a span overlaps one by bisection: a table row or a page of accounts has
    hundreds, and each of its date matches asked them all."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [b for b, _ in spans]
        self.ends = [e for _, e in spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.ends, start)      # the first span ending after start
        return i < len(self.starts) and self.starts[i] < end


def _readings(text: str, m: re.Match, family: _Family, blocked: _Blocked,
              ref: date | None, lean: str | None = None) -> list[DateMention]:
    """The mentions one match makes: led by a deadline word just before it, and bare unless
    the family needs a lead; none that overlaps a number that is not a date."""
    lead = _LEAD_BEFORE.search(text, max(0, m.start() - LEAD_REACH), m.start())
    starts = ([lead.start()] if lead else []) + ([] if family.needs_lead else [m.start()])
    starts = [start for start in starts if not blocked.overlaps(start, m.end())]
    if not starts:
        return []
    interval = _leaned(m, family, ref, lean) if lean and ref and family.leans else family.interpret(m, ref)
    if interval is None:
        return []
    return [DateMention(start, m.end(), text[start:m.end()],
                        _with_lead(interval, lead["lead"]) if lead and start == lead.start() else interval)
            for start in starts]


def find_dates(text: str, ref: date | None = None, lean: str | None = None) -> list[DateMention]:
    """Every date expression in text, leftmost-longest and non-overlapping, in order. A year
    left unwritten is ref's, or with `lean` the one the text's tense points to (see `_leaned`)."""
    families = _cued(text)
    if not families:
        return []
    blocked = _Blocked([m.span() for m in (p.NOT_DATES if "@" in text else p.NOT_DATES_BUT_EMAIL).finditer(text)])
    candidates = [((mention.start, -mention.end, rank), mention)
                  for rank, regex, family in families for m in _matches(regex, text)
                  for mention in _readings(text, m, family, blocked, ref, lean)]
    found: list[DateMention] = []
    for _, mention in sorted(candidates, key=lambda c: c[0]):
        if not found or mention.start >= found[-1].end:
            found.append(mention)
    return found


def parse_date(expr: str, ref: date | None = None) -> DateInterval | None:
    """The interval of one whole expression, deadline word allowed, or None if it is not a date."""
    expr = expr.strip()
    for regex, family in zip(_WHOLE, _FAMILIES):
        m = regex.fullmatch(expr)
        if m and (interval := family.interpret(m, ref)):
            return _with_lead(interval, m["lead"])
    return None
