"""Budgets: each sum of money the paper puts on a budget, spend, saving, gap, deficit,
allocation, cost or funding, with its kind, holder and period read from the words around it.

suggest  every sum of money in every sentence: in the genre a sum is almost always one of
         these, in minutes' reported speech too ("had approved over £2 million in loans",
         "pressures included £3 million", "bringing in £47.3 million").
classify a sum is kept when a kind word stands near it, else a verb giving or asking for money
         ('£600 was approved', 'received £8,000'), or it is a part of a breakdown whose total is
         kept ('£59m, comprising £56m ... and £3m') or an item of a list whose later item has a
         kind ('£150m for roads, ... and £5m capacity funding'), or a table cell whose column
         header or row label has one ('Amount Requested', 'Forecast'), or a list's lead-in
         ('Accounts for payment:-') or its section's heading ('Financial Implications', 'Community
         Grants'); not a unit ('£000').
fill     kind from the nearest kind word, else its breakdown's total's; holder from the body
         named beside it, else the breakdown's,
         else the paper's author, none for a total split between bodies or a population's sums
         ('£604.80 per head'); period from the nearest date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.context import PaperContext, Sentence
from extractors.money import MoneyMention, find_money
from schemas import BlockKind, Budget

KIND_WORDS = [
    (r"sav(?:e|ed|es|ing|ings)|efficienc\w*|cost\s+reduction|reductions?", "savings"),
    (r"deficits?|overspends?|overspending", "deficit"),
    (r"gaps?|shortfalls?", "gap"),
    (r"allocat\w+|allowances?", "allocation"),
    (r"budgets?|envelope", "budget"),
    (r"spend(?:ing|s)?|spent|expenditure|expenses|payments?|paid|pay(?:s|ing)?", "spend"),
    (r"costs?|costing|cost\s+of|price[sd]?|pressures?|bills?|fees?|demand|charges?|contracts?|contingency", "cost"),
    (r"fund(?:s|ed|ing)?|grants?|invest(?:s|ed|ment)?|contributions?|loans?|reserves?|draw\s+down|income|"
     r"bring(?:s|ing)?\s+in|rais(?:e|es|ed|ing)|donations?|awarded|precept", "funding"),
    (r"underspends?|variances?|rephasing|debts?", "other"),
]
# Verbs that give or ask for money ('£600 was approved', 'received £8,000 from', 'the application
# was for £3,290') and a monitoring table's forecast and outturn: a sum's kind when no kind word
# above stands near it.
GIVING_WORDS = [
    (r"approv(?:e|ed|es|al)|agreed", "allocation"),
    (r"receiv(?:e|es|ed|ing)|request(?:s|ed|ing)?|appl(?:y|ies|ied|ication)|bids?|generat(?:e|es|ed|ing)|"
     r"offers?|offered|secured|provid(?:e|es|ed|ing)", "funding"),
    (r"forecasts?|outturn|actuals?", "spend"),
    (r"earmark(?:s|ed|ing)?|ring-?fenced?|set\s+aside|committed", "allocation"),
    (r"capital|revenue", "budget"),
]
KIND = re.compile("|".join(rf"(?P<k{i}>\b(?:{p})\b)" for i, (p, _) in enumerate(KIND_WORDS)), re.I)
GIVING = re.compile("|".join(rf"(?P<k{i}>\b(?:{p})\b)" for i, (p, _) in enumerate(GIVING_WORDS)), re.I)
# Words after a total that open its breakdown into parts.
BREAKDOWN = re.compile(r",?\s*(?:comprising|of\s+which|made\s+up\s+of|consisting\s+of|split\s+(?:between|into|as)|"
                       r"broken\s+down\s+(?:as|into))\b", re.I)
LEAD_IN = re.compile(r":-?\s*$")
FINANCE_HEADING = re.compile(r"\b(?:Financ\w*|Resource)\s+(?:Implications|Considerations)|^(?:\d+(?:\.\d+)*\.?\s+)?Financ\w*$", re.I)
NEAR = 80    # characters: how far a kind word or holder may sit from the amount
# A population's money, no body's: '£604.80 per head', 'a typical household energy bill'.
POPULATION = re.compile(r"\b(?:per\s+(?:head|person|capita|household|resident|adult|child|week)|households?|"
                        r"residents'?|wages?|rents?|earnings|salar(?:y|ies)\s+of\s+(?:a|an|the\s+average))\b", re.I)


@dataclass
class Candidate:
    sentence: Sentence
    money: MoneyMention
    kind: str | None = None     # what the sentence puts the sum on
    part_of: Candidate | None = None    # the sum this one is a part of, in a breakdown
    reason: str | None = None   # why it is no budget; None once kept


def extract_budgets(ctx: PaperContext) -> list[Budget]:
    return fill(ctx, classify(suggest(ctx)))


def suggest(ctx: PaperContext) -> list[Candidate]:
    """Every sum of money of every sentence, each with the sum before it when they form a breakdown.
    A total that opens its breakdown ('£59m, comprising £56m for package costs and £3m ...') is of
    the kind its own words say, and so are its parts: the kind words after the opener are theirs."""
    out: list[Candidate] = []
    for sentence in ctx.sentences:
        previous, total = None, None
        for money in find_money(sentence.text):
            part_of = previous if previous and _in_breakdown(sentence.text, previous.money, money) else None
            if part_of is None:
                total = None
            opener = BREAKDOWN.match(sentence.text, money.end)
            stop = opener.start() if opener else None
            kind = total.kind if total and total.kind else _kind(sentence.text, money, stop) or _cell_kind(ctx, sentence) \
                or _lead_in_kind(ctx, sentence) or _section_kind(sentence)
            previous = Candidate(sentence, money, kind, part_of)
            if opener and part_of is None:
                total = previous
            out.append(previous)
    return out


def classify(candidates: list[Candidate]) -> list[Candidate]:
    """A sum with no kind word of its own takes its total's kind, else that of the next sum of
    its list ('£150m for roads, £60m for homes and £5m of capacity funding')."""
    for i, c in enumerate(candidates):
        if c.money.amount_gbp == 0:
            c.reason = "a unit, not a sum"
        elif c.kind is None:
            total = c.part_of if c.part_of and c.part_of.reason is None else None
            c.kind = total.kind if total else _list_kind(c, candidates[i + 1:])
            c.reason = None if c.kind else "no word puts it on a budget"
    return [c for c in candidates if c.reason is None]


def _list_kind(c: Candidate, later: list[Candidate]) -> str | None:
    for other in later:
        if other.part_of is not c:
            return None
        if other.kind:
            return other.kind
        c = other
    return None


def fill(ctx: PaperContext, kept: list[Candidate]) -> list[Budget]:
    out: list[Budget] = []
    holders: dict[int, str | None] = {}
    for c in kept:
        text = c.sentence.text
        org = _holder(ctx, text, c.money) or (holders.get(id(c.part_of)) if c.part_of else None) \
            or _default_holder(ctx, c, kept)
        holders[id(c)] = org
        out.append(Budget(**c.sentence.provenance(ctx.document), amount_gbp=c.money.amount_gbp, kind=c.kind,
                          org=org, period=_period(c.sentence, c.money)))
    return out


def _kind(text: str, money: MoneyMention, stop: int | None = None) -> str | None:
    """The kind word nearest the amount, preferring words before it, and none after `stop`;
    else the nearest verb giving or asking for money; None when there is neither."""
    for regex, words in ((KIND, KIND_WORDS), (GIVING, GIVING_WORDS)):
        best = None
        for m in regex.finditer(text, 0, len(text) if stop is None else stop):
            distance = money.start - m.end() if m.end() <= money.start else (m.start() - money.end) * 1.5
            if 0 <= distance <= NEAR and (best is None or distance < best[0]):
                best = (distance, words[int(m.lastgroup[1:])][1])
        if best:
            return best[1]
    return None


def _cell_kind(ctx: PaperContext, sentence: Sentence) -> str | None:
    """A table cell's sum takes the kind its column's header, its row's label or the header over
    the labels states ('Budget | Forecast | Variance', 'Savings proposal | 2025/26')."""
    block = ctx.paper.blocks[sentence.block_index]
    if block.kind != BlockKind.table_cell or block.table is None or block.table >= len(ctx.paper.tables) \
            or block.row is None or block.col is None:
        return None
    rows = ctx.paper.tables[block.table].rows
    header, row = rows[0], rows[block.row] if block.row < len(rows) else []
    labels = [header[block.col] if block.row and block.col < len(header) else "",
              row[0] if block.col and row else "", header[0] if block.row and block.col and header else ""]
    return next((kind for kind in map(_first_kind, labels) if kind), None)


def _lead_in_kind(ctx: PaperContext, sentence: Sentence) -> str | None:
    """A sum of a list takes the kind its lead-in states ('Accounts for payment:-', 'The
    following grants were approved:')."""
    lead_in = sentence.lead_in
    if not lead_in and sentence.block_index:
        before = ctx.paper.blocks[sentence.block_index - 1]
        lead_in = before.text if LEAD_IN.search(before.text) else ""
    return _first_kind(lead_in)


def _section_kind(sentence: Sentence) -> str | None:
    """A sum under a heading about money ('5. Financial Implications', 'Budget 2025/26', 'Costs')
    is put on what the heading names; a finance section's, on a cost."""
    heading = sentence.section.split(" > ")[0]
    return _first_kind(heading) or ("cost" if FINANCE_HEADING.search(heading) else None)


def _first_kind(label: str) -> str | None:
    m = KIND.search(label) or GIVING.search(label)
    if not m:
        return None
    return (KIND_WORDS if m.re is KIND else GIVING_WORDS)[int(m.lastgroup[1:])][1]


def _in_breakdown(text: str, before: MoneyMention, money: MoneyMention) -> bool:
    """'£59m, comprising £56m for package costs and £3m for staffing', '£37.2m coming from the
    CCG and £5.3m from LBE': the parts of one breakdown share a kind, and a part that names no
    holder shares the holder of the part before it."""
    gap = text[before.end:money.start]
    return len(gap) <= 60 and bool(re.search(r"\b(?:and|with|comprising|of\s+which)\b|,", gap))


def _holder(ctx: PaperContext, text: str, money: MoneyMention) -> str | None:
    """'£37.2m coming from the CCG' -> the CCG; 'we have saved £2.5m' -> the author. A board
    or committee approves sums but holds none ('the Business Board had approved £2m'), and a
    directorate or team spends its body's money."""
    mentions = [m for m in ctx.orgs.find(text) if ctx.orgs.org_type(m.name) not in ("board", "cabinet", "unit")]
    after = [m for m in mentions if 0 <= m.start - money.end <= 25
             and not find_money(text[money.end:m.start])]
    if after:
        return after[0].name
    before = [m for m in mentions if 0 <= money.start - m.end <= NEAR
              and not find_money(text[m.end:money.start])]
    return before[-1].name if before else None


def _default_holder(ctx: PaperContext, c: Candidate, kept: list[Candidate]) -> str | None:
    """The paper's author holds a sum nobody is named beside, except a population's sums and a
    total whose parts name their own holders ('£42.5m with £37.2m from the CCG and £5.3m from LBE')."""
    if POPULATION.search(c.sentence.text):
        return None
    parts = [k for k in kept if k.part_of is c]
    if parts and _holder(ctx, c.sentence.text, parts[0].money):
        return None
    return ctx.orgs.author


def _period(sentence: Sentence, money: MoneyMention) -> str | None:
    near = [d for d in sentence.dates if abs(d.start - money.end) <= NEAR or abs(money.start - d.end) <= NEAR]
    if near:
        return min(near, key=lambda d: min(abs(d.start - money.end), abs(money.start - d.end))).text
    return None
