"""Milestones: events of the programme tied to a date or period, planned, due or done.

suggest  every date of every sentence is a candidate; a line under a dated heading ("September
         2019: ...") or a table row with a date cell gives its items that date.
classify a candidate is dropped with a reason when its date is not an event's (milestone_rules:
         citations, data years, past trends, names, a sum's period) or is the paper's own date;
         a table row's event is stated once, by its first cell of words (milestone_tables).
         A date the sentence says was replaced ("now expected in October, rather than in April
         as previously planned", milestone_moves) is no candidate: the date now planned carries it.
fill     a sentence holding several events is quoted a clause per event; a year left unwritten
         ("In December") is read in the clause's tense, backwards in reported past, forwards in
         the future; status comes from a Status or Due column, the tense and the paper's date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import groupby, pairwise

from extractors.context import PaperContext, Sentence
from extractors.cues import short
from extractors.dates import DateInterval, DateMention, find_dates
from extractors.milestones.moves import find_move, find_move_across, moves_the_one_before
from extractors.milestones.rules import not_a_milestone
from extractors.milestones.tables import Tables
from extractors.milestones.tense import tense_at
from schemas import Milestone

TIMELINE_JOIN = re.compile(r",\s+and\s+|;\s+")
# Where one event's clause ends and the next one's begins, between their dates.
CLAUSE_BREAK = re.compile(r"\)?,\s*(?:(?:and|with|but|while|then)\s+)?|\)?\s+(?:and|with|but|while|then)\s+|;\s*")
NEW_ITEM = re.compile(r"\)?\s+(?=[A-Z])")     # "Committee – 15 January 2025 Children's Committee – 16 ..."
ADDRESS = re.compile(r"(?:To|Date|Meeting|Report\s+to|Date\s+of\s+meeting)\s*:", re.I)
ENDS = ("by", "until", "no later than", "before")
LEAN = {"past": "past", "future": "future"}     # reported speech and the present: the nearest


@dataclass
class Candidate:
    """A date and the words whose event it may date."""

    sentence: Sentence
    mention: DateMention
    listed: bool            # the date is a dated line's or table row's, not in the sentence's words
    reason: str | None = None   # why it is not a milestone; None once kept
    replaced: DateMention | None = None     # the date the sentence says this one replaced


def extract_milestones(ctx: PaperContext) -> list[Milestone]:
    tables = Tables(ctx)
    return fill(ctx, tables, classify(ctx, tables, suggest(ctx, tables)))


# --- suggest -----------------------------------------------------------------------------

def suggest(ctx: PaperContext, tables: Tables) -> list[Candidate]:
    """Every date of every sentence, recall first; a Timescale cell's date goes to its row's event."""
    out, moved_on = [], False
    for i, sentence in enumerate(ctx.sentences):
        if moved_on:                    # the sentence moved the plan before it, quoted with it
            moved_on = False
        elif sentence.heading_date:
            out += [Candidate(part, sentence.heading_date, True) for part in _timeline_parts(sentence, ctx.ref_date)]
        elif event := tables.row_event(sentence):
            out.append(Candidate(event, sentence.dates[0], True))
        elif moved := _moved_by_the_next(ctx, tables, i):
            out.append(moved)
            moved_on = True
        else:
            out += _in_words(sentence, ctx.ref_date)
    return out


def _moved_by_the_next(ctx: PaperContext, tables: Tables, i: int) -> Candidate | None:
    """A plan and the next sentence of its block moving it ('... was due to go live in April
    2020. This has now been deferred until October 2020.'): one candidate quoting both."""
    a, b = ctx.sentences[i], ctx.sentences[i + 1] if i + 1 < len(ctx.sentences) else None
    if b is None or b.block_index != a.block_index or b.heading_date or len(a.dates) != 1 \
            or len(b.dates) != 1 or not moves_the_one_before(b.text) or tables.row_event(b):
        return None
    block = ctx.paper.blocks[a.block_index]
    text = block.text[a.char_start - block.char_start:b.char_end - block.char_start]
    both = replace(a, text=text, char_end=b.char_end, dates=find_dates(text, ctx.ref_date))
    move = find_move_across(text, both.dates, b.char_start - a.char_start)
    return Candidate(both, move.new, False, replaced=move.old) if move else None


def _in_words(sentence: Sentence, ref: date | None) -> list[Candidate]:
    """A candidate per date of the sentence; of a move it states, the date now planned alone,
    carrying the one it replaced."""
    move = find_move(sentence.text, sentence.dates, ref)
    if move is None:
        return [Candidate(sentence, mention, False) for mention in sentence.dates]
    out = [Candidate(sentence, mention, False) for mention in sentence.dates if mention not in move.read_from]
    out.append(Candidate(sentence, move.new, False, replaced=move.old))
    return sorted(out, key=lambda c: c.mention.start)


def _timeline_parts(sentence: Sentence, ref: date | None) -> list[Sentence]:
    """'September 2019: Proposal presented to the Governing Bodies, and application submitted to
    NHS England.': each event of a dated timeline line is a milestone of its own."""
    joins = list(TIMELINE_JOIN.finditer(sentence.text))
    parts = sentence.split_at(joins, ref) if joins else []
    return parts if parts and all(len(p.text.split()) >= 3 for p in parts) else [sentence]


# --- classify ----------------------------------------------------------------------------

def classify(ctx: PaperContext, tables: Tables, candidates: list[Candidate]) -> list[Candidate]:
    """Each candidate with the reason it is not a milestone, or none; returns the kept ones.
    A table row's event needs no event word: the row's shape states it."""
    rows: set[tuple] = set()
    for c in candidates:
        row = tables.row_of(c.sentence, c.mention) if c.listed else None
        c.reason = _own_date(ctx, c) or (row and not row[1] and "not its row's event cell") or not_a_milestone(
            c.sentence.text, c.mention, c.listed, c.sentence.dates, skip=("no event",) if row else ())
        if c.reason is None and row:
            c.reason = "its table row's event is stated already" if row[0] in rows else None
            rows.add(row[0])
    return [c for c in candidates if c.reason is None]


def _own_date(ctx: PaperContext, c: Candidate) -> str | None:
    """The paper's own date ('Date: 12 March 2019', 'the meeting of the Cabinet on 30th January'),
    and the meeting a cover line sends it to ('To: Cabinet - 30 January 2025')."""
    interval, own = c.mention.interval, ctx.document.date
    if own and interval.precision == "day" and interval.start.isoformat() == own or ADDRESS.match(c.sentence.text):
        return "the paper's own date"
    if interval.precision == "day" and interval.start in _title_days(ctx.document.title, ctx.ref_date):
        return "the paper's own date"       # a pack titled 'Cabinet - Thursday, 30 January 2025', sent the day before
    return None


@lru_cache(maxsize=64)
def _title_days(title: str | None, ref: date | None) -> frozenset[date]:
    """The days the paper's title names: its meeting's."""
    return frozenset(m.interval.start for m in find_dates(title or "", ref) if m.interval.precision == "day")


# --- fill --------------------------------------------------------------------------------

def fill(ctx: PaperContext, tables: Tables, kept: list[Candidate]) -> list[Milestone]:
    out = []
    ref = _ref_interval(ctx.document.date)
    for c in _one_clause_each(ctx, kept):
        text = c.sentence.text
        tense = tense_at(text, None if c.listed else c.mention.start)
        mention = c.mention if c.listed else _reread(c.mention, ctx.ref_date, tense)
        org = next(iter(ctx.orgs.find(text)), None)
        replaced = _reread(c.replaced, ctx.ref_date, tense) if c.replaced else None
        out.append(Milestone(**c.sentence.provenance(ctx.document), description=_describe(c),
                             date_text=mention.text, date_start=mention.interval.start,
                             date_end=mention.interval.end,
                             status=tables.status(c.sentence, c.mention) or _status(mention.interval, ref, tense),
                             org=org.name if org else ctx.orgs.author,
                             replaced_date_text=replaced and replaced.text,
                             replaced_date_start=replaced and replaced.interval.start,
                             replaced_date_end=replaced and replaced.interval.end))
    return out


def _one_clause_each(ctx: PaperContext, kept: list[Candidate]) -> list[Candidate]:
    """Kept dates of one sentence date one event each ('launched on 16th January and was due to
    run until 12th March'): the sentence is cut between each two dates (see `_cut`) and each
    date is quoted by its clause. Dates with no clause break between them share a quote."""
    out: list[Candidate] = []
    for _, run in groupby(kept, key=lambda c: (id(c.sentence), c.listed)):
        run = list(run)
        cuts = [cut for a, b in pairwise(run) if not a.listed and (cut := _cut(a.sentence.text, a, b))]
        if not cuts:
            out += run
            continue
        segments = list(zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(run[0].sentence.text)]))
        for c in run:
            start, end = next((s, e) for s, e in segments if s <= c.mention.start < e)
            out.append(_clause(c, start, end, ctx.ref_date))
    return out


def _cut(text: str, a: Candidate, b: Candidate) -> tuple[int, int] | None:
    """Where a's clause ends and b's begins: just after a's date when a ends its clause ('the
    Committee (17 December 2024), the Board (16 January 2025)'), or at the last break before b
    when a opens its clause ('In July 2022, X was agreed, and in November 2022 Y')."""
    item = NEW_ITEM.match(text, a.mention.end)
    if item:
        return item.span()
    breaks = list(CLAUSE_BREAK.finditer(text, a.mention.end, b.mention.start))
    if not breaks:
        return None
    opens = len(re.findall(r"[A-Za-z]{2,}", text[:a.mention.start])) <= 1
    start, end = (breaks[-1] if opens else breaks[0]).span()
    return start + text.startswith(")", start), end      # a closing bracket stays with its date


def _clause(c: Candidate, start: int, end: int, ref: date | None) -> Candidate:
    """The candidate quoted by its clause; a replaced date outside the clause is dropped with
    the move, for the quote must show both dates."""
    clause = c.sentence.clause(start, end, ref)
    shift = clause.char_start - c.sentence.char_start
    moved = lambda m: DateMention(m.start - shift, m.end - shift, m.text, m.interval)
    replaced = c.replaced and moved(c.replaced)
    inside = replaced and 0 <= replaced.start and replaced.end <= len(clause.text)
    return Candidate(clause, moved(c.mention), False, replaced=replaced if inside else None)


def _reread(m: DateMention, ref: date | None, tense: str | None) -> DateMention:
    """The date re-read with its unwritten year from the clause's tense ('In December' said in
    January minutes: last December when the clause is past, next when it looks ahead). An end
    point ('was open until mid-March', 'to be submitted by 17th June') is the nearest one."""
    lean = "near" if m.interval.qualifier in ENDS else LEAN.get(tense, "near")
    interval = _read_alone(m.text, ref, lean)
    return replace(m, interval=interval) if interval else m


# A paper writes the same few dates again and again ('by March 2025'): each is read once.
@lru_cache(maxsize=512)
def _read_alone(text: str, ref: date | None, lean: str) -> DateInterval | None:
    """The interval of `text` read on its own, when it is one date and nothing else."""
    reread = find_dates(text, ref, lean)
    return reread[0].interval if len(reread) == 1 and reread[0].text == text else None


def _describe(c: Candidate) -> str:
    text = c.sentence.text
    if not c.listed:
        for m in sorted(filter(None, [c.mention, c.replaced]), key=lambda m: m.start, reverse=True):
            text = text[:m.start] + text[m.end:]
    return short(re.sub(r"^\W+", "", re.sub(r"\s+", " ", text)), 15)


def _ref_interval(written: str | None) -> DateInterval | None:
    """The paper's date as the days it covers: '2016' is all of 2016, '2022-11' all of November."""
    if not written:
        return None
    parts = [int(p) for p in written.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return DateInterval(day, day, "day")
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return DateInterval(date(parts[0], parts[1], 1), date.fromordinal(following.toordinal() - 1), "month")
    return DateInterval(date(parts[0], 1, 1), date(parts[0], 12, 31), "year")


def _status(interval: DateInterval, ref: DateInterval | None, tense: str | None) -> str:
    """A date after the paper's is planned; one before it achieved, unless the clause only looks
    ahead ('was due to start in December'); one around it goes by the tense."""
    ahead = tense in ("future", "reported")
    if ref is None:
        if tense in ("future", "reported", "past"):
            return "planned" if ahead else "achieved"
        return "planned" if interval.qualifier in ENDS else "unknown"
    if interval.start > ref.end:
        return "planned"
    if interval.end < ref.start:
        return "unknown" if ahead else "achieved"
    return "achieved" if tense == "past" else "planned"
