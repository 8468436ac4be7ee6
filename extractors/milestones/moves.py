"""A date the paper itself says has moved: "is now expected to go live in October 2020, rather
than in April 2020 as previously planned", "has been delayed from March to June 2020", "was due
in May 2021, now September 2021", "Go-live: June 2021 (originally March 2021)".

`find_move` reads one sentence and gives the date now planned and the date it replaced, or
None; `find_move_across` reads a plan and the sentence after it that moves it ("... was due to
go live in April 2020. This has now been deferred until October 2020."). Precision first, for a move read here accuses a body of slipping: both dates must be in
the sentence, each with its own cue (or joined by "from ... to" after a verb of moving), and
they must differ. A sentence that only recalls the original plan, a move with no earlier date
("deferred until the autumn"), a range after a word that is no verb ("delayed transfers of care
from 2018/19 to 2019/20") and a date moved by government or legislation yield none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.dates import DateMention, range_sides

CONJUNCTION = r"(?:and|but|or|while|whilst|whereas|which|who|although|however|because)\b"
CLAUSE_WORD = rf"(?:{CONJUNCTION}|(?:was|were|is|are|has|have|had)\b)"
MOVED = (r"(?:delay(?:ed)?|defer(?:red)?|postpone(?:d)?|put\s+back|push(?:ed)?\s+back|move(?:d)?(?:\s+back|\s+forward)?|"
         r"re-?scheduled?|slipp?(?:ed)?|br(?:ought|ing)\s+forward|re-?profiled?|re-?phased?)")
# A verb of moving only when it is one: after an auxiliary, 'to' or 'now' ('has been deferred',
# 'agreed to postpone'), or taking an object or a 'from'/'to' ('deferred the launch', 'slipped
# to'); not an adjective ('delayed transfers of care', 'the deferred payments').
VERB_BEFORE = (r"(?:has|have|had|was|were|been|be|being|is|are|will|would|may|might|could|should|shall|must|to|"
               r"now|since|subsequently|further|again|then|also|already|therefore|consequently|get|got)")
MOVE_VERB = re.compile(rf"(?:\b{VERB_BEFORE}\s+(?:\w+ly\s+)?{MOVED}\b|\b{MOVED}(?=\s+(?:the|its|their|this|these|"
                       rf"our|it|them|from|to|until|till|back|by)\b))", re.I)
PLACE = r"(?:(?:for|in|on|by|at|from|until|till|to|during|around|before|the\s+end\s+of)\s+)?"
LEAD = re.compile(r"^(?:[a-z]+\s+)*")        # a date's own deadline words ('from', 'by the end of')

# Cues on the words before a date (its own deadline words included).
OLD_BEFORE = [
    # 'originally planned for', 'initially due to open in', '(originally March 2021)', 'previously'
    re.compile(rf"\b(?:originally|initially|previously|formerly)\s+(?:been\s+)?(?:(?:planned|scheduled|due|intended|"
               rf"expected|agreed|set|timetabled|proposed|anticipated|envisaged|programmed|targeted)\s+"
               rf"(?:to\s+[a-z-]+(?:\s+[a-z-]+){{0,2}}\s+)?)?{PLACE}$", re.I),
    # 'rather than in', 'instead of the planned'
    re.compile(rf"\b(?:rather\s+than|instead\s+of)\s+(?:the\s+)?(?:(?:planned|original|previous|expected|scheduled|"
               rf"agreed)\s+)?(?:date\s+of\s+)?{PLACE}$", re.I),
    # 'was due in', 'was due to go live in', 'had been scheduled for'
    re.compile(rf"\b(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+|previously\s+|first\s+)?(?:due|planned|"
               rf"scheduled|expected|intended|timetabled|programmed|targeted)\s+(?:to\s+[a-z-]+(?:\s+[a-z-]+){{0,3}}\s+)?"
               rf"{PLACE}$", re.I),
    # 'the original date of', 'the previous deadline was'
    re.compile(rf"\b(?:the|an?|its|their)\s+(?:original|previous|initial|earlier)\s+(?:[a-z-]+\s+){{0,2}}?(?:date|"
               rf"deadline|timescale|timetable|target|plan)\s+(?:of|was|had\s+been|is)?\s*:?\s*{PLACE}$", re.I),
    re.compile(rf"\(\s*(?:was|originally|previously|formerly|revised\s+from)\s*:?\s*{PLACE}$", re.I),
]
# 'in April 2020 as previously planned', 'March 2021 (now June 2021)'
OLD_AFTER = re.compile(r"^\s*,?\s*\(?\s*as\s+(?:was\s+|had\s+been\s+)?(?:previously|originally|initially|first)\s+"
                       r"(?:planned|scheduled|agreed|intended|expected|reported|envisaged|anticipated|set\s+out|stated)\b|"
                       r"^\s*\(\s*(?:now|revised\s+to|moved\s+to)\b", re.I)
# 'has been deferred until', 'has slipped to', 'was rescheduled for', 'delayed by three months to'
MOVED_TO = re.compile(rf"{MOVE_VERB.pattern}(?:\s+(?!from\b)[\w'-]+){{0,5}}?\s+(?:to|until|till|for|into)\s+$", re.I)
NEW_BEFORE = [
    # 'is now expected to go live in', 'will now take place in', ', now'
    re.compile(rf"\bnow\s+(?!(?:\S+\s+){{0,5}}?(?:and|but|or|which|that|who|was|were|had|has)\b)(?:[A-Za-z'-]+\s+)"
               rf"{{0,6}}?{PLACE}$", re.I),
    MOVED_TO,
    # 'the revised date for go-live is', 'a new completion date of', 'revised timescale:'
    re.compile(rf"\b(?:revised|new|updated|amended|re-?profiled|rescheduled)\s+(?:[a-z-]+\s+){{0,2}}?(?:date|deadline|"
               rf"timescale|timetable|timeline)(?:\s+(?:for|of)\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+){{0,3}}?)?\s*"
               rf"(?:is|of|will\s+be|has\s+been\s+set\s+(?:as|for)|:|–|-)?\s*{PLACE}$", re.I),
    re.compile(rf"\(\s*(?:now|revised(?:\s+to)?|moved\s+to|new\s+date)\s*:?\s*{PLACE}$", re.I),
]
# On the words after a date: 'June 2021 (originally March 2021)'; 'X, rather than Y as previously
# planned' when the sentence speaks of plans at all ('data for June 2020 rather than March 2020'
# does not).
NEW_BRACKETED = re.compile(r"^\s*\(\s*(?:originally|previously|was|formerly|revised\s+from)\b", re.I)
NEW_AFTER = re.compile(r"^\s*,?\s*(?:rather\s+than|instead\s+of)\b", re.I)
PLANS = re.compile(r"\b(?:now|planned|scheduled|expected|intended|due|originally|previously|initially|agreed)\b", re.I)
# A move stated in one stretch: a verb of moving, then 'from <old> to <new>' (or 'to <new> from
# <old>'); the words between are few and hold no other clause.
FROM_BEFORE = re.compile(rf"{MOVE_VERB.pattern}(?:\s+(?!{CLAUSE_WORD}|to\b|into\b)[\w'’-]+){{0,8}}?\s*$", re.I)
FROM_NOUN = re.compile(r"\b(?:delay|deferral|postponement|slippage|slip|rescheduling|re-?profiling)\s+"
                       r"(?:of\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+)?$", re.I)
TO_JOINT = re.compile(r"^\s*(?:to|until|till)\s+$", re.I)
# Dates a national decision moved: no body of the area slipped.
NATIONAL = re.compile(r"\b(?:[Gg]overnment|regulations?|legislation|statutory\s+instrument|Act\b|DHSC|Department\s+"
                      r"(?:of|for)\s+[A-Z]\w+|Secretary\s+of\s+State|[Mm]inisters?|Parliament|HM\s+Treasury)")
# Between the two dates of one event: no other clause, save one that goes on with the same
# subject ('was due in March 2020, but is now expected in June 2020').
SAME_SUBJECT = re.compile(r"^\W*(?:(?:but|and)\s+(?=(?:is|are|will|has|have|was|were|now)\b))?")
OTHER_CLAUSE = re.compile(rf"\b{CONJUNCTION}", re.I)
REACH = 12      # words: the most between an old and a new date of one event
# A sentence moving the plan the one before it stated: 'The hub was due to open in April 2020.
# This has now been deferred until October 2020.'
FOLLOW_UP = re.compile(rf"^(?:this|it|these|they|the\s+(?:date|deadline|go[\s-]live|launch|start|opening|"
                       rf"timescale|timetable|target\s+date))\s+(?:has|have|had|was|were|is|are|will)\s+"
                       rf"(?:(?:now|since|subsequently|further|again|unfortunately|therefore)\s+)*(?:been\s+|be\s+)?"
                       rf"(?:(?:now|further|again)\s+)?{MOVED}\b", re.I)


@dataclass(frozen=True)
class Move:
    """A date a sentence says is now planned, the one it replaced, and the sentence's date
    mentions the two were read from (one range, or two dates)."""

    new: DateMention
    old: DateMention
    read_from: tuple[DateMention, ...]

    @property
    def days(self) -> int:
        """Days between the two intervals' ends; negative for a date brought forward."""
        return (self.new.interval.end - self.old.interval.end).days


def find_move(text: str, dates: list[DateMention], ref: date | None = None) -> Move | None:
    """The move this sentence states, if it states one (see the module's docstring)."""
    if not dates or NATIONAL.search(text):
        return None
    move = _from_to(text, dates, ref) or _cued(text, dates)
    if move is None or move.new.interval.end == move.old.interval.end:
        return None
    return move


def find_move_across(text: str, dates: list[DateMention], second: int) -> Move | None:
    """A move stated by two sentences, `text[:second]` and `text[second:]`: the first dates a
    plan ('was due to go live in April 2020', 'originally planned for'), the second opens by
    moving it ('This has now been deferred until October 2020'); one date each, so neither
    states a move of its own."""
    if NATIONAL.search(text) or not moves_the_one_before(text[second:]):
        return None
    before = [d for d in dates if d.end <= second]
    after = [d for d in dates if d.start >= second]
    if len(before) != 1 or len(after) != 1:
        return None
    old, new = before[0], after[0]
    if not any(c.search(_head(text, old)) for c in OLD_BEFORE) or not MOVED_TO.search(_head(text, new)):
        return None
    move = Move(new=new, old=old, read_from=(old, new))
    return move if move.new.interval.end != move.old.interval.end else None


def moves_the_one_before(sentence: str) -> bool:
    """Whether a sentence opens by moving the plan the one before it dated ('This has now been
    deferred until ...'): without that, no two sentences state a move (`find_move_across`)."""
    return bool(FOLLOW_UP.match(sentence))


def _head(text: str, d: DateMention) -> str:
    """The words before a date, its own deadline words ('from', 'by the end of') included."""
    return text[max(0, d.start - 90):d.start] + LEAD.match(d.text)[0]


def _from_to(text: str, dates: list[DateMention], ref: date | None) -> Move | None:
    """'has been delayed from March 2020 to June 2020' (one range or two dates), 'slippage from
    Q1 to Q3', 'moved to June 2020 from March 2020'."""
    moves = []
    for d in dates:
        sides = range_sides(d, ref) if re.match(r"from\s", d.text, re.I) else None
        if sides and _moving(text[:d.start]):
            moves.append(Move(new=sides[1], old=sides[0], read_from=(d,)))
    for a, b in zip(dates, dates[1:]):
        if a.interval.precision == "range" or b.interval.precision == "range":
            continue
        if re.match(r"from\s", a.text, re.I) and TO_JOINT.match(_between(text, a, b) + LEAD.match(b.text)[0]) \
                and _moving(text[:a.start]):
            moves.append(Move(new=_bare(b), old=_bare(a), read_from=(a, b)))
        elif re.match(r"from\s", b.text, re.I) and re.fullmatch(r"\s*\(?\s*", _between(text, a, b)) \
                and MOVED_TO.search(_head(text, a)):
            moves.append(Move(new=a, old=_bare(b), read_from=(a, b)))
    return moves[0] if len(moves) == 1 else None


def _moving(before: str) -> bool:
    """The words before a 'from' date move something: a verb of moving or a delay's noun."""
    tail = before[-90:]
    return bool(FROM_BEFORE.search(tail) or FROM_NOUN.search(tail))


def _between(text: str, a: DateMention, b: DateMention) -> str:
    return text[a.end:b.start]


def _bare(d: DateMention) -> DateMention:
    """A date without a 'from' or 'to' that only joins it to the other side of a move."""
    lead = re.match(r"(?:from|to)\s+", d.text, re.I)
    if not lead:
        return d
    return DateMention(d.start + lead.end(), d.end, d.text[lead.end():], d.interval)


def _cued(text: str, dates: list[DateMention]) -> Move | None:
    """One date cued as the replaced one and one as now planned, near each other and with no
    other date between them: 'now expected in X, rather than Y', 'was due in X, now Y'."""
    old = [d for d in dates if any(c.search(_head(text, d)) for c in OLD_BEFORE) or OLD_AFTER.match(text[d.end:])]
    new = [d for d in dates if any(c.search(_head(text, d)) for c in NEW_BEFORE)
           or NEW_BRACKETED.match(text[d.end:]) or (NEW_AFTER.match(text[d.end:]) and PLANS.search(text))]
    old, new = [d for d in old if d not in new], [d for d in new if d not in old]
    if len(old) != 1 or len(new) != 1:
        return None
    a, b = sorted([old[0], new[0]], key=lambda d: d.start)
    between = text[a.end:b.start]
    if any(a.end <= d.start and d.end <= b.start for d in dates) or not _one_event(between):
        return None
    return Move(new=new[0], old=old[0], read_from=(old[0], new[0]))


def _one_event(between: str) -> bool:
    """The words between two dates go on about one event: few, and no other clause begins."""
    rest = between[SAME_SUBJECT.match(between).end():]
    return len(re.findall(r"[\w'’-]+", between)) <= REACH and not OTHER_CLAUSE.search(rest)
