"""Budgets: each sum of money the paper puts on a budget, spend, saving, gap, deficit,
allocation, cost or funding, with its kind, holder and period read from the words around it."""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.money import MoneyMention, find_money
from schemas import Budget

KIND_WORDS = [
    (r"sav(?:e|ed|es|ing|ings)|efficienc\w*|cost\s+reduction", "savings"),
    (r"deficits?|overspends?", "deficit"),
    (r"gaps?|shortfalls?", "gap"),
    (r"allocat\w+", "allocation"),
    (r"budgets?|envelope", "budget"),
    (r"spend(?:ing)?|spent|expenditure", "spend"),
    (r"costs?|costing|cost\s+of|price", "cost"),
    (r"fund(?:s|ed|ing)?|grants?|invest(?:s|ed|ment)?|contribution", "funding"),
]
KIND = re.compile("|".join(rf"(?P<k{i}>\b(?:{p})\b)" for i, (p, _) in enumerate(KIND_WORDS)), re.I)
NEAR = 80    # characters: how far a kind word or holder may sit from the amount


def extract_budgets(ctx: PaperContext) -> list[Budget]:
    out = []
    for sentence in ctx.sentences:
        previous: tuple[MoneyMention, Budget] | None = None
        for money in find_money(sentence.text):
            part_of = previous[1] if previous and _in_breakdown(sentence.text, previous[0], money) else None
            kind = _kind(sentence.text, money) or (part_of.kind if part_of else None)
            if kind is None:
                continue
            org = _holder(ctx, sentence.text, money) or (part_of.org if part_of else None)
            budget = Budget(**sentence.provenance(ctx.document), amount_gbp=money.amount_gbp, kind=kind,
                            org=org, period=_period(sentence, money))
            previous = (money, budget)
            out.append(budget)
    return out


def _kind(text: str, money: MoneyMention) -> str | None:
    """The kind word nearest the amount, preferring words before it; None when there is none."""
    best = None
    for m in KIND.finditer(text):
        distance = money.start - m.end() if m.end() <= money.start else (m.start() - money.end) * 1.5
        if 0 <= distance <= NEAR and (best is None or distance < best[0]):
            best = (distance, KIND_WORDS[int(m.lastgroup[1:])][1])
    return best[1] if best else None


def _in_breakdown(text: str, before: MoneyMention, money: MoneyMention) -> bool:
    """'£37.2m coming from the CCG and £5.3m from LBB': the parts of one breakdown share a kind,
    and a part that names no holder shares the holder of the part before it."""
    gap = text[before.end:money.start]
    return len(gap) <= 60 and bool(re.search(r"\band\b|,", gap))


def _holder(ctx: PaperContext, text: str, money: MoneyMention) -> str | None:
    """'£37.2m coming from the CCG' -> the CCG; 'we have saved £2.5m' -> the author."""
    mentions = ctx.orgs.find(text)
    after = [m for m in mentions if 0 <= m.start - money.end <= 25
             and not find_money(text[money.end:m.start])]
    if after:
        return after[0].name
    before = [m for m in mentions if 0 <= money.start - m.end <= NEAR
              and not find_money(text[m.end:money.start])]
    return before[-1].name if before else None


def _period(sentence: Sentence, money: MoneyMention) -> str | None:
    near = [d for d in sentence.dates if abs(d.start - money.end) <= NEAR or abs(money.start - d.end) <= NEAR]
    if near:
        return min(near, key=lambda d: min(abs(d.start - money.end), abs(money.start - d.end))).text
    return None
