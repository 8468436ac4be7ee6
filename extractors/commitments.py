"""Commitments: an identified body will do, has agreed to do, or is committed to doing something.

A commitment needs an actor the paper names (or "we", resolved to the author) as the
subject of a promise word. Requests to the board are decisions, questions and actor-less
aspirations are nothing, so none of them become commitments here.
"""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.cues import MODAL, PROGRESSIVE, QUESTION, opens_with_imperative, short
from schemas import Commitment

ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to\b|^That\s+the\b", re.I)
PROPOSAL_LEAD = re.compile(r"\b(?:propos|recommend|next steps|actions?|approach|will)\w*", re.I)
DEADLINE = re.compile(r"^(?:by|until|no later than|before|from|in|during|over|effective|through)\b", re.I)
MAX_SUBJECT_GAP = 60    # characters between the actor and its promise word


def extract_commitments(ctx: PaperContext) -> list[Commitment]:
    out = []
    for sentence in ctx.sentences:
        if QUESTION.search(sentence.text) or ASKED.search(sentence.text) or ASKED.search(sentence.lead_in):
            continue
        found = _promise(ctx, sentence) or _proposed_item(ctx, sentence)
        if found:
            actor, modality, action = found
            due = _due(sentence)
            out.append(Commitment(**sentence.provenance(ctx.document), actor=actor, action=short(action),
                                  modality=modality, due=due.text if due else None,
                                  due_start=due.interval.start if due else None,
                                  due_end=due.interval.end if due else None))
    return out


def _promise(ctx: PaperContext, sentence: Sentence):
    """(actor, modality, action) when a named body is the subject of a promise word."""
    text = sentence.text
    mentions = ctx.orgs.find(text)
    for match in [*MODAL.finditer(text), *PROGRESSIVE.finditer(text)]:
        subject = [m for m in mentions if m.end <= match.start() and match.start() - m.end <= MAX_SUBJECT_GAP
                   and not re.search(r"[.;:]|\bwhich\b|\bthat\b", text[m.end:match.start()])]
        if subject:
            modality = "conditional" if match.groupdict().get("conditional") else "firm"
            return subject[0].name, modality, text[match.end():]
    return None


def _proposed_item(ctx: PaperContext, sentence: Sentence):
    """An imperative item under a proposal lead-in: 'Appoint a lead joint commissioner ...'."""
    if not (sentence.is_item and sentence.lead_in and opens_with_imperative(sentence.text)):
        return None
    if not PROPOSAL_LEAD.search(sentence.lead_in):
        return None
    actors = [m.name for m in ctx.orgs.find(sentence.lead_in)] or [ctx.orgs.author]
    if not actors[0]:
        return None
    modality = "conditional" if re.search(r"propos|recommend|could|would|may", sentence.lead_in, re.I) else "firm"
    return actors[0], modality, sentence.text


def _due(sentence: Sentence):
    dated = [d for d in sentence.dates if DEADLINE.match(d.text)]
    return (dated or sentence.dates or [sentence.heading_date])[0]
