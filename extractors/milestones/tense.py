"""Which way a clause points in time: the tense of the verb group that governs a date.

Reports say "will", minutes say "would", "was scheduled to", "had been agreed": a milestone's
status, and the year of a date written without one ("In December"), follow the verb group
that governs its date. A modal before the date in its clause governs it ("works will be finished
and the road opened on 19th July"); otherwise the cue nearest the date stands for its verb group,
so "launched on 16th January and was due to run until 12th March" reads each date by its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

# The future, and the future seen from a past moment of reported speech ("was due to").
FUTURE = re.compile(
    r"\b(?:will|shall|would|going\s+to|(?:is|are)\s+(?:also\s+|now\s+)?(?:to|due|scheduled|set|expected|"
    r"planned|proposed|intended|anticipated|envisaged|likely|ready)\b|(?<!had )to\s+be\s+\w+ed|(?<!had to )be\s+\w+ed|"
    r"due\s+(?:to|for|by|on|in)|scheduled|set\s+(?:for|to)|plans?\s+to|planning|proposes?|intends?|"
    r"aims?\s+to|expects?|upcoming|forthcoming|later|next|needs?\s+to|anticipates?|envisages?|"
    r"deadline|targets?|ambition|ahead)\b", re.I)
REPORTED = re.compile(
    r"\b(?:(?:was|were|had\s+been)\s+(?:also\s+|now\s+|initially\s+|originally\s+)?(?:to|due|scheduled|set|"
    r"expected|planned|proposed|intended|anticipated|envisaged|likely)|(?:initially|originally)\s+\w+ed)\b", re.I)
MODAL = re.compile(r"will|shall|would", re.I)
MODAL_REACH = 80        # characters: how far before its date a modal still governs it
PRESENT = re.compile(r"\b(?:is|are|am)\b", re.I)
# Past and perfect: auxiliaries and irregular pasts; an "-ed" form only after a word that
# does not make it an adjective ("the proposed decision") nor open a cell ("Increased uptake").
PAST = re.compile(
    r"\b(?:was|were|had|has\s+been|have\s+been|did|took\s+place|ago|began|ran|met|spoke|wrote|saw|"
    r"took|held|gave|went|made|led|brought|won|became|came|sent|paid|told|said|found|built|rose|"
    r"fell|grew|chose|drew|undertook|oversaw|set\s+up)\b")
ED_FORM = re.compile(r"(?P<before>[A-Za-z)]+)\s+(?P<verb>[a-z]{3,}ed)\b")
NOT_A_VERB_BEFORE = frozenset("""the a an this these those its their our his her my of be being to will would
shall not newly fully well more most less and or with for in on by at as from""".split())
ADJECTIVES = frozenset("""proposed planned expected scheduled intended required needed related based
integrated detailed dedicated limited targeted shared skilled advanced called named concerned interested
involved associated linked focused aged used preferred specialised specialized""".split())
# When cues overlap ("was scheduled" is past and future), the first kind listed wins.
KINDS = (("reported", REPORTED), ("future", FUTURE), ("past", PAST), ("present", PRESENT))


def _past_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in PAST.finditer(text)]
    spans += [m.span("verb") for m in ED_FORM.finditer(text)
              if m["before"].lower() not in NOT_A_VERB_BEFORE and m["verb"] not in ADJECTIVES]
    return spans


def looks_back(text: str) -> bool:
    return bool(_past_spans(text))


def looks_ahead(text: str) -> bool:
    return bool(FUTURE.search(text))


# A sentence is asked once per date in it; the cues of the few sentences last read are kept.
@lru_cache(maxsize=16)
def _cues(text: str) -> tuple[tuple[tuple[int, int], str], ...]:
    cues: list[tuple[tuple[int, int], str]] = []
    for kind, regex in KINDS:
        spans = _past_spans(text) if kind == "past" else [m.span() for m in regex.finditer(text)]
        cues += [((s, e), kind) for s, e in spans if not any(cs < e and s < ce for (cs, ce), _ in cues)]
    return tuple(cues)


def tense_at(text: str, position: int | None = None) -> str | None:
    """'future', 'reported' (the future seen from the past), 'past', 'present' or None for the
    date at `position` in text; without a position, the text's leading kind in that order."""
    cues = _cues(text)
    if not cues:
        return None
    if position is None:
        return next(kind for kind, _ in KINDS if any(k == kind for _, k in cues))
    if any(MODAL.fullmatch(text[s:e]) and e <= position and position - e <= MODAL_REACH
           and not re.search(r"[,;]", text[e:position]) for (s, e), kind in cues if kind == "future"):
        return "future"
    return min(cues, key=lambda c: min(abs(c[0][0] - position), abs(c[0][1] - position)))[1]
