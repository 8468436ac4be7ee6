"""Decisions: what a board is asked to decide, what a body has decided, and what is still to be decided."""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.cues import item_text, opens_with_imperative
from schemas import Decision

ASK_LEAD = re.compile(r"\b(?:asked|invited|requested|recommended)\s+to\b|\brecommendations?\b|"
                      r"\baction\s+required\b|\bdecisions?\s+required\b", re.I)
ASK_SECTION = re.compile(r"recommendation|action\s+required|decision\s+required|reason\s+for\s+report|"
                         r"purpose of (?:the )?report", re.I)
ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to\s+"
                   r"(?:note|agree|approve|endorse|consider|comment|confirm|support|receive|discuss|review|"
                   r"ratify|delegate|provide|scrutinise)|^That\s+the\s+(?:Board|Committee|Cabinet)\b", re.I)
TAKEN = re.compile(r"\b(?:(?:has|have)\s+(?:both\s+|already\s+|now\s+)?(?:agreed|approved|endorsed|decided|resolved|signed\s+off)|"
                   r"(?:was|were)\s+(?:agreed|approved|endorsed|decided|resolved)|"
                   r"(?:agreed|approved|endorsed|decided|resolved)\s+(?:to|that|a|an|the)|"
                   r"both\s+agree\s+to|It\s+(?:is|was)\s+agreed)\b")
PENDING = re.compile(r"\b(?:will|to|shall)\s+(?:decide|vote|determine\s+whether)|\bdecide\s+whether\b|"
                     r"\bvote\s+on\b|\bmakes?\s+(?:a\s+|their\s+|the\s+)?(?:final\s+)?decision\b|"
                     r"\bunder\s+consideration\b|\bopen\s+to\s+consideration\b|\bsubject\s+to\s+(?:approval|agreement)\b|"
                     r"\bfor\s+(?:decision|approval)\s+(?:at|by|in)\b|"
                     r"\bwill\s+need\s+to\s+be\s+(?:\w+,\s+)*(?:\w+\s+and\s+)?(?:agreed|approved|decided|signed\s+off)\b|"
                     r"\bneed\s+to\s+(?:decide|agree|determine|develop|choose)\s+(?:which|whether)\b", re.I)
SHORT = 6    # words: a decision this short quotes its whole dated line


def extract_decisions(ctx: PaperContext) -> list[Decision]:
    out = []
    for sentence in ctx.sentences:
        kind = _kind(sentence)
        if kind is None:
            continue
        body = ctx.orgs.board if kind == "recommendation" else _body(ctx, sentence)
        date = sentence.heading_date or next(iter(sentence.dates), None)
        out.append(Decision(**_provenance(ctx, sentence), body=body, kind=kind,
                            date_text=date.text if date else None))
    return out


def _provenance(ctx: PaperContext, sentence: Sentence) -> dict:
    """'Governing Bodies make decision.' alone says too little: on a dated line
    ('September 2019: Proposal presented ... Governing Bodies make decision.') it quotes the line."""
    if sentence.heading_date is None or len(sentence.text.split()) >= SHORT:
        return sentence.provenance(ctx.document)
    block = ctx.paper.blocks[sentence.block_index]
    return {**sentence.provenance(ctx.document), "quote": block.text,
            "char_start": block.char_start, "char_end": block.char_end}


def _kind(sentence: Sentence) -> str | None:
    text = item_text(sentence.text)
    if text.rstrip().endswith(":"):
        return None           # 'The Board is asked to:' introduces its decisions; its items are them
    if ASKED.search(text):
        return "recommendation"
    if sentence.is_item and (ASK_LEAD.search(sentence.lead_in) or ASK_SECTION.search(_heading(sentence.section))):
        if opens_with_imperative(text) or re.match(r"That\b", text) or sentence.kind.value == "numbered":
            return "recommendation"
    if PENDING.search(text):
        return "pending"
    if TAKEN.search(text):
        return "taken"
    return None


def _heading(section: str) -> str:
    """The innermost heading with words: '2. Recommendations > 2.1' -> '2. Recommendations'."""
    worded = [part for part in section.split(" > ") if re.search(r"[A-Za-z]{3}", part)]
    return worded[-1] if worded else ""


def _body(ctx: PaperContext, sentence: Sentence) -> str | None:
    mentions = ctx.orgs.find(sentence.text)
    return mentions[0].name if mentions else ctx.orgs.author
