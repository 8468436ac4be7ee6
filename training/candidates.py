"""The rules' own candidates, as a learned second look sees them: what `suggest` proposed, which
family proposed it, and the reason `classify` kept or dropped it.

Each type's package (extractors/commitments, risks, decisions, milestones) runs
suggest -> classify -> fill; here the three stages are called one by one, so every candidate
`suggest` makes is kept with its verdict, and each gets the record `fill` would write for it
(a dropped one too: its quote is what a second look that overturned the drop would emit).
The kept candidates' records are exactly the rules' records (`check_against_rules`).

A candidate is a plain dict:
  text, quote, char_start, char_end, page, section, kind, lead_in, first_in_block
  family   which suggest family proposed it ("clause:modal", "threat:pressure", "ask:item", "in text:day")
  reason   why classify dropped it, or (commitments) the kept rule's name; "kept" when no reason is given
  kept     whether the rules keep it
  word     the promise word (commitments' modal or verb), "" elsewhere
  date_start, date_end   the record's dates (milestones), for the scorer's milestone+dates match
"""
from __future__ import annotations

from extractors import commitments, decisions, milestones, risks
from extractors.context import PaperContext, Sentence
from extractors.cues import item_text
from extractors.milestones.tables import Tables

TYPES = ["commitment", "risk", "decision", "milestone"]
CUE_FORMS = ("modal", "stance", "intent", "progressive", "underway", "impersonal", "noun", "action")


def candidates(ctx: PaperContext) -> dict[str, list[dict]]:
    """Every type's candidates in the paper's reading order, each with its verdict and record."""
    return {"commitment": _commitments(ctx), "risk": _risks(ctx), "decision": _decisions(ctx),
            "milestone": _milestones(ctx)}


def _item(sentence: Sentence, record, family: str, reason: str | None, kept: bool, word: str = "") -> dict:
    return {"text": sentence.text, "quote": record.quote, "char_start": record.char_start, "char_end": record.char_end,
            "page": record.page, "section": sentence.section, "kind": sentence.kind.value,
            "lead_in": sentence.lead_in, "first_in_block": sentence.first_in_block,
            "family": family, "reason": reason or "kept", "kept": kept, "word": word.lower(),
            "date_start": _iso(getattr(record, "date_start", None)), "date_end": _iso(getattr(record, "date_end", None))}


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _commitments(ctx: PaperContext) -> list[dict]:
    out = []
    for c in commitments.suggest(ctx):
        verdict = commitments.classify(ctx, c)
        if c.form == "clause":
            form = next(k for k in CUE_FORMS if c.cues[0].group(k))
            family, word = f"clause:{form}", c.cues[0].group(form).split()[-1]
        else:
            family, word = c.form, ""
        overturned = verdict if verdict.keep else commitments.Verdict(
            True, verdict.reason, verdict.actor or ctx.orgs.author or "", "firm", item_text(c.clause.text))
        record = commitments.fill(ctx, c, overturned)
        out.append(_item(c.clause, record, family, verdict.reason, verdict.keep, word))
    return out


def _risks(ctx: PaperContext) -> list[dict]:
    out = []
    for c in risks.suggest(ctx):
        reason = risks.classify(c)
        out.append(_item(c.sentence, risks.fill(ctx, c), c.source, reason, reason is None))
    return out


def _decisions(ctx: PaperContext) -> list[dict]:
    out = []
    for c in decisions.suggest(ctx):
        reason = decisions.classify(c)
        family = f"{c.cue}:item" if c.item else c.cue
        out.append(_item(c.sentence, decisions.fill(ctx, c), family, reason, reason is None))
    return out


def _milestones(ctx: PaperContext) -> list[dict]:
    """The kept dates are filled together (a sentence of several events is quoted a clause per
    event, one record per kept date, in order); a dropped date is filled alone."""
    tables = Tables(ctx)
    suggested = milestones.suggest(ctx, tables)
    kept = milestones.classify(ctx, tables, suggested)
    records = dict(zip(map(id, kept), milestones.fill(ctx, tables, kept)))
    out = []
    for c in suggested:
        record = records.get(id(c)) or milestones.fill(ctx, tables, [c])[0]
        family = f"{'listed' if c.listed else 'in text'}:{c.mention.interval.precision}"
        out.append(_item(c.sentence, record, family, c.reason, c.reason is None))
    return out


def check_against_rules(found: dict[str, list[dict]], rules) -> None:
    """The kept candidates' records are the rules' own (an extractor's PartRecords): same quotes, same order."""
    for kind in TYPES:
        mine = [(c["quote"], c["char_start"]) for c in found[kind] if c["kept"]]
        theirs = [(r.quote, r.char_start) for r in rules[f"{kind}s"]]
        assert mine == theirs, f"{kind}: the stages read here are not the rules' ({len(mine)} vs {len(theirs)})"
