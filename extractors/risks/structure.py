"""Where a paper's structure says "these are risks", and the remedy it pairs with each: the
headings, lead-ins and table columns extractors/risks.py's `suggest` reads, and the remedy
patterns its `fill` reads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.risks.lookalikes import PLANNED, POPULATION, RISK_INSTRUMENT

I = re.I

REJECTED_OPTIONS = re.compile(r"\b(?:options?|alternatives?)\b.*\b(?:considered|rejected|dismissed|discounted)\b", I)
# Under a heading of risks or of the options turned down, a sentence with a modal, a condition or a
# 'however' may state a risk; under one of challenges or barriers, its bullets do (its prose is
# as often the background of a strategy: 'Key issues and challenges').
RISK_HEADING = re.compile(r"\brisks?\b|" + REJECTED_OPTIONS.pattern, I)
LIST_HEADING = re.compile(r"\b(?:challenges|barriers|concerns|threats|pitfalls|disadvantages|drawbacks)\b|"
                          r"\bwhat\s+(?:has\s+not|hasn['’]t|did\s+not|didn['’]t)\s+(?:gone|go|work(?:ed)?)\s+(?:so\s+|as\s+)?well\b", I)
WEAK_THREAT = re.compile(r"\b(?:could|may|might|would)\s+(?:\w+\s+)?(?:not|mean|require|result|lead|leave|create|"
                         r"increase|reduce|cost|risk|need|affect|impact)\b|^\W*(?:if|unless|without)\b|\brisks?\b|"
                         r"^\W*(?:however|but)\b|\bnot\s+(?:be\s+)?(?:taken\s+forward|recommended|preferred|pursued)\b", I)
# A list lead-in that introduces risks: 'The main risks are:', 'Barriers to delivery include:'.
RISK_LEAD = re.compile(r"\b(?:risks?|problems?|barriers?|pitfalls?|threats?|challenges?|issues?\s+to\s+(?:be\s+)?overcome|"
                       r"concerns?|disadvantages?|drawbacks?|weaknesses?)\b|"
                       r"\bwhat\s+(?:has\s+not|hasn['’]t|did\s+not|didn['’]t)\s+(?:gone|go|work(?:ed)?)\s+(?:so\s+|as\s+)?well\b", I)
BENEFIT = re.compile(r"\bbenefits?\b|\badvantages?\b|\bopportunit|\bstrengths?\b", I)


@lru_cache(maxsize=4096)
def heading_role(heading: str) -> str | None:
    """'risks' (its prose and bullets may state risks), 'list' (its bullets do) or None."""
    if PLANNED.search(heading) or BENEFIT.search(heading) or RISK_INSTRUMENT.search(heading) or POPULATION.search(heading):
        return None
    return "risks" if RISK_HEADING.search(heading) else "list" if LIST_HEADING.search(heading) else None


def is_risk_lead(lead: str) -> bool:
    """A lead-in that introduces a list of risks, not benefits, plans against them or people at risk."""
    if not RISK_LEAD.search(lead) or PLANNED.search(lead) or POPULATION.search(lead) or RISK_INSTRUMENT.search(lead):
        return False
    return not (BENEFIT.search(lead) and not re.search(r"\b(?:risks?|disadvantages?|problems?|barriers?)\b", lead, I))


# Columns of a table by their header: a register's risk column (a record a row), a column of
# drawbacks (a record a sentence), and the columns that are never risks.
COLUMN_ROLES = [
    # 'Risks and mitigations': the risk column, its mitigations written in after each risk
    ("risk", re.compile(r"^\W*(?:key\s+|main\s+)?risks?\s*(?:/|and|&)\s*(?:mitigations?|controls?|actions?)\W*$", I)),
    ("mitigation", re.compile(r"\b(?:mitigat\w*|controls?|actions?|responses?|treatment|management\s+of)\b", I)),
    ("advantage", re.compile(r"\b(?:advantages?|benefits?|pros|strengths?|opportunit\w+)\b", I)),
    ("drawback", re.compile(r"^\W*(?:key\s+)?(?:disadvantages?|drawbacks?|cons|weaknesses?|threats?|issues?|concerns?|"
                            r"barriers?|challenges?)\W*$", I)),
    ("risk", re.compile(r"^\W*(?:key\s+|main\s+)?(?:risks?|risk\s+(?:description|identified|title|area|event|details?|name|"
                        r"cause|summary|statement)|description\s+of\s+(?:the\s+)?risk|(?:identified|potential)\s+risks?|"
                        r"risks?\s*(?:/|and|&|or)\s*(?:issues?|disadvantages?|challenges?|concerns?)|"
                        r"(?:issues?|challenges?)\s*(?:/|and|&|or)\s*risks?|(?:what\s+is\s+)?the\s+risk\s*\??)\W*$", I)),
]


def column_role(header: str | None) -> str:
    for role, pattern in COLUMN_ROLES:
        if header and pattern.search(header.strip()):
            return role
    return "other"


# A register that names its risk column plainly ('Ref | Description | Likelihood | Impact | Owner'):
# its scoring columns say the table is a register, and then its description column holds the risks.
REGISTER_COLUMN = re.compile(r"^\W*(?:risk\s+(?:id|ref\w*|no\.?|number|score|rating|owner|level)|likelihood|probability|"
                             r"(?:current|residual|inherent|initial|target)\s+(?:risk\s+)?(?:score|rating)|severity)\W*$", I)
# 'Ref | Description | Owner | Score': a register's plain score column, with an owner beside it.
SCORE_COLUMN = re.compile(r"^\W*(?:total\s+|overall\s+|current\s+)?scores?\W*$", I)
OWNER_COLUMN = re.compile(r"^\W*(?:risk\s+)?owners?\W*$", I)
DESCRIPTION_COLUMN = re.compile(r"^\W*(?:description|title|summary|details?|issue|event)\W*$", I)


def register_roles(headers: list[str | None]) -> list[str]:
    """The role of each of a table's columns, by its header row."""
    roles = [column_role(cell) for cell in headers]
    scored = any(SCORE_COLUMN.match(cell or "") for cell in headers) and any(OWNER_COLUMN.match(cell or "") for cell in headers)
    if "risk" not in roles and (scored or any(REGISTER_COLUMN.match(cell or "") for cell in headers)):
        described = [i for i, cell in enumerate(headers) if DESCRIPTION_COLUMN.match(cell or "")]
        if described:
            roles[described[0]] = "risk"
    return roles


# A clause after a semicolon that points back ('...; this was unsustainable') states its risk
# with the clause before it.
ANAPHOR = re.compile(r"^\W*(?:and\s+)?(?:this|which)\s+(?:was|is|were|are|would|will|could|may|might|remains?|meant|means)\b", I)
# A sentence that speaks for the author body of a partnership's paper.
AUTHORITY = re.compile(r"\b(?:the\s+)?(?:Authority|Council's|council's)\b")


# --- the remedy paired with a risk --------------------------------------------------------

# The part of a risk's sentence that is its remedy: the option turned down, the 'if not' clause.
REJECTED = re.compile(r"\b(?:\w+\s+)?(?:option|approach|alternative|possibility|model)\s+(?:was|were|is|has\s+been|"
                      r"had\s+been)\s+(?:therefore\s+)?(?:not\s+(?:taken\s+forward|recommended|pursued|progressed|"
                      r"preferred|supported|chosen)|rejected|discounted|dismissed)\b", I)
# A run-in heading that turns options down, its option after the colon: 'Alternatives considered
# and rejected: Do nothing;'.
REJECTED_RUN_IN = re.compile(r"^\W*[^:.;]{0,60}\b(?:options?|alternatives?)\b[^:.;]{0,40}\b(?:considered|rejected|dismissed|"
                             r"discounted)\b[^:.;]{0,20}:", I)
CONDITION_CLAUSE = re.compile(r"^\W*(?:if|unless|without)\b[^,;]*(?=,)", I)

# Inside the risk's own sentence: 'leading to a need for clarity on roles', 'to ensure that ...'.
MITIGATION = re.compile(r"\b(?:mitigat\w+|to\s+address\s+this|in\s+response|to\s+manage\s+this|to\s+reduce\s+this|"
                        r"(?P<need>lead(?:s|ing)?\s+to\s+(?:a\s+)?need\s+(?:for|to))|(?:to|will)\s+ensure|"
                        r"(?:the\s+)?need\s+for|pressure\s+on\s+(?:the\s+)?\w+\s+to|"
                        r"with\s+plans\s+(?:developed|in\s+place)|focus\s+(?:was|is)\s+on\s+minimi[sz]\w+)\b", I)
# In the sentence after: 'So we must align ...', 'To address the shortfall, ...', 'This could be
# reduced if ...', 'These pressures would be addressed in the medium-term plan'.
REMEDY_NEXT = re.compile(
    r"^\W*(?:so|therefore|to\s+(?:mitigate|address|manage|minimi[sz]e|reduce|tackle|offset|meet)|addressing|in\s+response|"
    r"the\s+(?:ask|request)\s+of|the\s+focus\s+(?:was|is|will\s+be)\s+on|mitigation\s*[:\-–])\b|"
    r"\b(?:must|will|should|would)\s+therefore\b|\b(?:mitigat\w+|minimi[sz]e|address(?:ing)?\s+(?:this|these|the))\b|"
    r"\b(?:would|will|could|can|is|are|was|were)\s+(?:be\s+)?(?:reduced|addressed|managed|mitigated|resolved|monitored)\b|"
    r"\b(?:essential|necessary|crucial)\s+to\s+(?:take\s+action|reduce|address|limit)\b|"
    r"\bactions?\s+(?:being\s+|are\s+being\s+)?taken\s+to\b|\bwould\s+help\s+(?:to\s+)?resolve\b|"
    r"\b(?:need|needs|needed)\s+to\s+be\b", I)
