"""Find sums of money in board papers and read them as pounds.

Budgets, savings and gaps are written "£12m", "c£51m", "£3,522k", "£10-12m", "£3m p.a." or,
once a sentence has named the currency, a bare "5.3m"; the budget extractor needs each as a
number of pounds with its span in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class MoneyMention:
    """A sum as written; a range ("£10-12m") has its low end in amount_gbp, its high in high_gbp."""

    start: int
    end: int
    text: str
    amount_gbp: float
    high_gbp: float | None
    per_year: bool


_SCALE = {"k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6,
          "b": 10**9, "bn": 10**9, "billion": 10**9}

# A figure: "£" or "GBP" (with "c" for circa glued on), or a bare number that must carry a unit.
# Single-letter units are glued to the number so "£5 more" and "5 metres" stay what they are.
_FIGURE = re.compile(
    r"(?:(?P<currency>(?:(?<![/\w])c\.?\s?)?(?:£|\bGBP))\s?|(?<![\w.,£/]))"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d)"
    r"(?:\s?(?P<word>million|billion|thousand|mn|bn)\b|(?P<letter>[mkb])\b)?",
    re.IGNORECASE)
_PER_YEAR = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+(?:year|annum)\b|p\.\s?a\.|p\.?a\b|annually\b|/\s?(?:yr|year|annum)\b)",
    re.IGNORECASE)
_DASH_OR_TO = re.compile(r"\s*[-–—]\s*|\s+to\s+", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_POUNDS = re.compile(r"\s+(?:pounds|sterling)\b", re.IGNORECASE)     # '1.2 million pounds'
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _unit(figure: re.Match) -> str | None:
    unit = figure["word"] or figure["letter"]
    return unit.lower() if unit else None


def _pounds(figure: re.Match, unit: str | None) -> float:
    """Decimal arithmetic so "£1.2bn" is exactly 1200000000.0, not 1200000000.0000002."""
    return float(Decimal(figure["number"].replace(",", "")) * _SCALE.get(unit, 1))


def _as_range(text: str, low: re.Match, high: re.Match) -> tuple[int, float, float] | None:
    """(start, low, high) when two figures form one range; the low end borrows the high end's
    unit when it has none ("£10-12m"), and a range must not run downwards."""
    gap = text[low.end():high.start()]
    between = _BETWEEN_BEFORE.search(text, max(0, low.start() - 12), low.start())
    if not (_DASH_OR_TO.fullmatch(gap) or (between and _AND.fullmatch(gap))):
        return None
    if _unit(low) and not _unit(high):
        return None
    low_pounds, high_pounds = _pounds(low, _unit(low) or _unit(high)), _pounds(high, _unit(high))
    if low_pounds > high_pounds:
        return None
    return (between.start() if between else low.start()), low_pounds, high_pounds


def find_money(text: str) -> list[MoneyMention]:
    """Every sum of money in text, in order. A figure without "£" counts when "pounds" follows it,
    or with a unit after a "£" figure earlier in the same sentence ("£37.2m from the CCG and 5.3m
    from LBE")."""
    figures = [f for f in _FIGURE.finditer(text) if f["currency"] or _unit(f) or _POUNDS.match(text, f.end())]
    found: list[MoneyMention] = []
    currency_seen_at: int | None = None   # end of the latest figure written with "£"
    i = 0
    while i < len(figures):
        low = figures[i]
        joined = _as_range(text, low, figures[i + 1]) if i + 1 < len(figures) else None
        last = figures[i + 1] if joined else low
        i += 2 if joined else 1
        has_currency = bool(low["currency"] or last["currency"] or _POUNDS.match(text, last.end()))
        if not has_currency and (currency_seen_at is None
                                 or _SENTENCE_END.search(text, currency_seen_at, low.start())):
            continue
        start, amount, high = joined or (low.start(), _pounds(low, _unit(low)), None)
        per_year = _PER_YEAR.match(text, last.end())
        end = per_year.end() if per_year else last.end()
        found.append(MoneyMention(start, end, text[start:end], amount, high, bool(per_year)))
        if has_currency:
            currency_seen_at = end
    return found
