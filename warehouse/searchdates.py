"""Paper-date filters as index terms: a date range keeps the items whose paper's stated date
(a day, a month or a year: browse.PAPER_START to PAPER_END) overlaps it, as the SQL search's
`paper_end >= date_from AND paper_start <= date_to` does.

Why terms: a range over a column visits every item's value (a millisecond per hundred
thousand items, most of a filtered results page's cost at a million), where a handful of
posting lists is read only where the other clauses need it.

A span of days is cut into whole years, whole months and days (its blocks, at most about 80).
Two blocks overlap only when one holds the other, so an item overlaps a range when one of
the range's blocks holds one of the item's blocks, or one of the item's blocks holds one of
the range's. An item is indexed with "in:" and each block holding one of its blocks
(itself included), and with "is:" and each of its own blocks; a range asks for "in:" and
its blocks, or "is:" and any block that holds one of them.
"""
from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache


def blocks(start: date, end: date) -> list[str]:
    """The whole years ("Y2016"), months ("M2016-05") and days ("D2016-05-03") that make up
    start .. end, both included."""
    found, day = [], start
    while day <= end:
        year_end = date(day.year, 12, 31)
        month_end = date(day.year, day.month, monthrange(day.year, day.month)[1])
        if (day.month, day.day) == (1, 1) and year_end <= end:
            found.append(f"Y{day.year}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= end:
            found.append(f"M{day:%Y-%m}")
            day = month_end + timedelta(days=1)
        else:
            found.append(f"D{day:%Y-%m-%d}")
            day += timedelta(days=1)
    return found


def _holding(block: str) -> list[str]:
    """The blocks holding `block`, itself first."""
    if block[0] == "D":
        return [block, "M" + block[1:8], "Y" + block[1:5]]
    if block[0] == "M":
        return [block, "Y" + block[1:5]]
    return [block]


@lru_cache(maxsize=4096)
def span_terms(start: date | None, end: date | None) -> tuple[str, ...]:
    """What an item whose paper is dated start .. end is indexed with (nothing undated).
    Remembered: every item of a paper has its paper's dates."""
    if start is None or end is None or end < start:
        return ()
    own = blocks(start, end)
    return tuple(sorted({f"in:{b}" for block in own for b in _holding(block)}
                        | {f"is:{block}" for block in own}))


def range_terms(date_from: date | None, date_to: date | None, first: date,
                last: date) -> list[str]:
    """The terms any of which an item overlapping date_from .. date_to (either open) has;
    an open end is closed at `first` or `last`, the index's earliest and latest day. (A
    reversed range keeps nothing here; the SQL's two conditions keep items spanning it:
    ask for each end on its own.)"""
    start, end = max(date_from or first, first), min(date_to or last, last)
    if end < start:
        return []
    own = blocks(start, end)
    return sorted({f"in:{block}" for block in own}
                  | {f"is:{b}" for block in own for b in _holding(block)})
