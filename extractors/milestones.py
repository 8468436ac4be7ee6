"""Milestones: events of the programme tied to a date, planned or done.

The paper's own date, publication dates of cited documents and Act years are not
milestones. A line under a dated heading ("September 2019: ...") takes that date.
Status comes from tense and from whether the date has passed by the paper's date.
"""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.cues import FUTURE, PAST, short
from extractors.dates import DateMention
from extractors.money import find_money
from schemas import Milestone

CITED = re.compile(r"\b(?:dated|issued|guidance|white\s+paper|act|report\s+of|"
                   r"strategy\s+\(|plan\s+\(|since\s+their\s+inception)\b", re.I)
PUBLISHED = re.compile(r"\b(?:was|were|been)\s+published\b|\bpublication\s+of\b", re.I)
EVENT = re.compile(r"\b(?:will|shall|launch\w*|start\w*|commenc\w+|begin\w*|began|complet\w+|deliver\w*|"
                   r"submit\w*|present\w*|implement\w*|go\s+live|open\w*|clos\w+|agree\w*|approv\w+|"
                   r"decid\w+|decision|vote\w*|become|move|extend\w*|due|expected|planned|proposed|deadline|"
                   r"engag\w+|consult\w*|review\w*|publish|assurance|ready|save|achiev\w+|"
                   r"transfer\w*|establish\w*|develop\w*|commission\w*|appoint\w*|until|by|from)\b", re.I)

TIMELINE_JOIN = re.compile(r",\s+and\s+|;\s+")


def extract_milestones(ctx: PaperContext) -> list[Milestone]:
    out = []
    own = ctx.document.date
    for sentence in (part for s in ctx.sentences for part in _timeline_parts(s, ctx.ref_date)):
        mention = _milestone_date(sentence, own)
        if mention is None or not EVENT.search(sentence.text) or CITED.search(_before(sentence, mention)) \
                or PUBLISHED.search(sentence.text) or _money_period(sentence, mention):
            continue
        org = next(iter(ctx.orgs.find(sentence.text)), None)
        out.append(Milestone(**sentence.provenance(ctx.document), description=_describe(sentence, mention),
                             date_text=mention.text, date_start=mention.interval.start,
                             date_end=mention.interval.end, status=_status(ctx, sentence, mention),
                             org=org.name if org else ctx.orgs.author))
    return out


def _timeline_parts(sentence: Sentence, ref) -> list[Sentence]:
    """'September 2019: Proposal presented to the Governing Bodies, and application submitted to
    NHS England.': each event of a dated timeline line is a milestone of its own."""
    if sentence.heading_date is None:
        return [sentence]
    parts = sentence.split_at(list(TIMELINE_JOIN.finditer(sentence.text)), ref)
    return parts if all(len(p.text.split()) >= 3 for p in parts) else [sentence]


def _milestone_date(sentence: Sentence, own: str | None) -> DateMention | None:
    if sentence.heading_date:
        return sentence.heading_date
    for mention in sentence.dates:
        if own and mention.interval.start.isoformat() == own and mention.interval.precision == "day" \
                and len(sentence.text.split()) < 12:
            continue      # the paper's own date on its cover
        return mention
    return None


def _money_period(sentence: Sentence, mention: DateMention) -> bool:
    """'save £2m this year': the date is a budget's period, not an event of the programme."""
    return mention is not sentence.heading_date and any(
        abs(m.start - mention.end) <= 40 or abs(mention.start - m.end) <= 40 for m in find_money(sentence.text))


def _before(sentence: Sentence, mention: DateMention) -> str:
    """The words just before the date: where 'published in' or 'Act' would be."""
    if mention is sentence.heading_date:
        return ""
    return sentence.text[max(0, mention.start - 40):mention.end]


def _describe(sentence: Sentence, mention: DateMention) -> str:
    text = sentence.text
    if mention is not sentence.heading_date:
        text = (text[:mention.start] + text[mention.end:])
    text = re.sub(r"^\W+", "", re.sub(r"\s+", " ", text))
    return short(text, 15)


def _status(ctx: PaperContext, sentence: Sentence, mention: DateMention) -> str:
    ref = ctx.ref_date
    future = FUTURE.search(sentence.text)
    if ref is None:
        return "planned" if future else ("achieved" if PAST.search(sentence.text) else "unknown")
    if mention.interval.end >= ref:
        return "planned"
    if PAST.search(sentence.text) and not re.search(r"\b(?:will|shall)\b", sentence.text):
        return "achieved"
    return "planned" if future else "unknown"
