"""Risks: threats and barriers to delivery that the paper itself states as such.

suggest -> classify -> fill. `suggest` proposes, recall first, every place a risk may be
stated: a sentence with a threat construction (cues.THREAT), an item of a list the paper
introduces as risks, a sentence of a risk section or of a paragraph that opens by turning an
option down, a cell of a risk or disadvantages column, and a risk register's row
(structure.py). `classify` drops what only looks like a risk (chart labels and fragments,
lead-ins, planned actions against a risk, population and evidence statements, denials,
contingencies, a case study's person, apologies, benefits), naming the reason
(lookalikes.py). `fill` writes the description, the mitigation the paper pairs with the risk
and whose risk it is.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from extractors.risks import cues
from extractors.risks import lookalikes as looks
from extractors.risks import structure
from extractors.context import PaperContext, Sentence
from extractors.decisions import minuted_meeting
from extractors.cues import item_text, opens_with_imperative, short
from schemas import BlockKind, Risk


@dataclass(frozen=True)
class Candidate:
    """A stretch of the paper that may state a risk, and why it was proposed."""

    sentence: Sentence
    index: int                  # of `sentence` (or of a cell's first sentence) in ctx.sentences
    source: str                 # "threat:<family>", "risk list", "risk section", "risk column", "register row"
    mitigation: str | None = None   # what the structure pairs with it: the row's mitigation cell, a rejected option's heading


def extract_risks(ctx: PaperContext) -> list[Risk]:
    return [fill(ctx, c) for c in suggest(ctx) if classify(c) is None]


# --- suggest ------------------------------------------------------------------------------

def suggest(ctx: PaperContext) -> list[Candidate]:
    """Every candidate in reading order, each sentence proposed once."""
    columns = _table_columns(ctx)
    out: list[Candidate] = []
    done_cells: set[int] = set()
    # The latest run-in heading ('Alternatives considered and rejected:'), the section it heads and,
    # for one that opens its paragraph or cell ('... rejected: Do nothing;'), that block alone.
    label: tuple[str, str, int | None] = ("", "", None)
    for i, sentence in enumerate(ctx.sentences):
        column = columns.get(sentence.block_index)
        if column is not None and column.role != "other":
            out += _cell_candidates(ctx, i, column, done_cells)
            continue
        if not sentence.is_item and (sentence.text.endswith(":") or
                                     (looks.is_label(sentence.text) and not _threat_source(sentence.text))):
            label = (sentence.text, sentence.section, None)
            continue
        if structure.REJECTED_RUN_IN.match(sentence.text):
            label = (sentence.text, sentence.section, sentence.block_index)
        headings = sentence.section.split(">") + \
            ([label[0]] if label[1] == sentence.section and label[2] in (None, sentence.block_index) else [])
        source, remedy = _structural_source(sentence, headings) or (_threat_source(sentence.text), None)
        if source:
            span = _with_antecedent(ctx, i)
            if span is not sentence and out and out[-1].index == i - 1:
                out.pop()           # the clause before is part of this risk, not one of its own
            out.append(Candidate(span, i, source, remedy))
    return out


def _structural_source(sentence: Sentence, headings: list[str]) -> tuple[str, str | None] | None:
    """A list item introduced as a risk, or a sentence under a heading of risks, challenges or
    the options turned down: its items, and its sentences with a modal or a condition. An
    option's drawback is met by turning the option down, so that heading is its mitigation."""
    if sentence.is_item and sentence.lead_in and sentence.first_in_block and structure.is_risk_lead(sentence.lead_in):
        return "risk list", None
    for heading in headings:
        role = structure.heading_role(heading)
        bullet = sentence.kind == BlockKind.bullet and sentence.first_in_block
        if (role == "list" and bullet) or (role == "risks" and (bullet or structure.WEAK_THREAT.search(sentence.text)
                                                                 or cues.threat_family(sentence.text))):
            return "risk section", heading.strip() if structure.REJECTED_OPTIONS.search(heading) else None
    return None


def _threat_source(text: str) -> str | None:
    family = cues.threat_family(text)
    return f"threat:{family}" if family else None


def _with_antecedent(ctx: PaperContext, i: int) -> Sentence:
    """'...could not rely on reserves;' + 'this was unsustainable': a clause after a
    semicolon that points back with 'this' or 'which' states its risk with the clause before."""
    sentence = ctx.sentences[i]
    before = ctx.sentences[i - 1] if i else None
    if before and before.block_index == sentence.block_index and before.text.endswith(";") \
            and structure.ANAPHOR.match(sentence.text) and len(sentence.text.split()) <= 15:
        return replace(sentence, text=ctx.paper.text[before.char_start:sentence.char_end],
                       char_start=before.char_start, first_in_block=before.first_in_block)
    return sentence


@dataclass(frozen=True)
class Column:
    role: str       # "risk" (a record a row), "drawback" (a record a sentence), "advantage", "mitigation", "header", "other"
    mitigation: str | None      # the same row's mitigation cell, for risk and drawback cells


def _table_columns(ctx: PaperContext) -> dict[int, Column]:
    """The role of every table cell's column (by block index), read from its table's header
    row; a table carried on over a page break, with no header of its own, reads the one before."""
    paper = ctx.paper
    headers: list[tuple[list[str], int]] = []       # each table's column roles, and its first body row
    for table in paper.tables:
        top = table.rows[0] if table.rows else []
        heads = all(len((cell or "").split()) <= 6 for cell in top)      # a header row names, it does not say
        roles = structure.register_roles(top) if heads else ["other"] * len(top)
        before = headers[-1][0] if headers else []
        if set(roles) <= {"other"} and len(before) == len(roles) and set(before) - {"other"}:
            headers.append((before, 0))
        else:
            headers.append((roles, 1 if heads else 0))
    out = {}
    for index in sorted({s.block_index for s in ctx.sentences}):
        block = paper.blocks[index]
        if block.kind != BlockKind.table_cell or block.table is None or block.table >= len(headers):
            continue
        roles, first_row = headers[block.table]
        if block.row is None or block.col is None or block.col >= len(roles):
            out[index] = Column("other", None)
            continue
        if block.row < first_row:
            out[index] = Column("header", None)
            continue
        row = paper.tables[block.table].rows[block.row]
        mitigation = next((cell for cell, role in zip(row, roles) if role == "mitigation" and cell and cell.strip()), None)
        out[index] = Column(roles[block.col], mitigation)
    return out


def _cell_candidates(ctx: PaperContext, i: int, column: Column, done: set[int]) -> list[Candidate]:
    """A cell of a column with a role; the cells of other columns are read as prose."""
    sentence = ctx.sentences[i]
    if column.role == "risk":
        if sentence.block_index in done:
            return []
        done.add(sentence.block_index)
        return [Candidate(_whole_cell(ctx, i), i, "register row", column.mitigation)]
    if column.role == "drawback":
        remedy = not sentence.first_in_block and structure.REMEDY_NEXT.search(sentence.text)
        return [] if remedy else [Candidate(sentence, i, "risk column", column.mitigation)]
    return []       # headers, advantages and mitigations are never risks


def _whole_cell(ctx: PaperContext, i: int) -> Sentence:
    """A register's risk cell as one record: its sentences up to about 300 characters."""
    first, end = ctx.sentences[i], ctx.sentences[i].char_end
    for nxt in ctx.sentences[i + 1:]:
        if nxt.block_index != first.block_index or nxt.char_end - first.char_start > 300:
            break
        end = nxt.char_end
    return replace(first, text=ctx.paper.text[first.char_start:end], char_end=end)


# --- classify -----------------------------------------------------------------------------

def classify(candidate: Candidate) -> str | None:
    """None to keep the candidate, else the reason it is not a risk. What the paper's structure
    calls a risk (a register row, a disadvantage, an item of a risk list) is spared the reasons
    that explain away a threat word, as its words need not hold one."""
    text = item_text(candidate.sentence.text)
    structural = candidate.source in ("risk list", "register row", "risk column")
    if text.rstrip().endswith(":"):
        return "lead-in"
    if looks.QUESTION.search(text):
        return "question"
    if looks.is_chart_text(text):
        return "chart label"
    if len(re.findall(r"[A-Za-z]+", text)) < (2 if structural else 5):
        return "fragment"
    if looks.MITIGATION_FIRST.match(text):
        return "mitigation"
    if looks.DENIAL.search(text):
        return "denied"
    if looks.THANKS.search(text):
        return "thanks"
    if looks.ATTENDANCE.search(text):
        return "attendance"
    if looks.EVIDENCE.search(text):
        return "evidence"
    if looks.PERSONAL.search(text):
        return "a person's story"
    if candidate.source in ("register row", "risk column"):
        return None
    if opens_with_imperative(text) or looks.PLANNED.match(text):
        return "planned action"
    if candidate.source == "risk list":
        return None
    if looks.is_label(text):
        return "label"
    if looks.POINTER.match(text):
        return "pointer"        # its threat was stated before it
    if candidate.sentence.first_in_block and text[:1].islower():
        return "fragment"       # the sentence began in the block before (a page or cell break): its start may deny it
    for reason, pattern in looks.NOT_A_THREAT.items():
        if pattern.search(text) and not looks.other_threat(text, pattern):
            return reason
    if candidate.sentence.lead_in and structure.BENEFIT.search(candidate.sentence.lead_in):
        return "benefit"
    return None


# --- fill ---------------------------------------------------------------------------------

def fill(ctx: PaperContext, candidate: Candidate) -> Risk:
    sentence = candidate.sentence
    mitigation = candidate.mitigation or _mitigation(ctx, candidate)
    return Risk(**sentence.provenance(ctx.document), description=short(item_text(sentence.text)),
                mitigation=short(mitigation, 30) if mitigation else None, org=_org(ctx, sentence))


def _mitigation(ctx: PaperContext, candidate: Candidate) -> str | None:
    """The remedy the paper pairs with the risk: in its own sentence ('leading to a need for
    ...', an option 'not taken forward', the 'if not' clause of a condition), or in a sentence
    after it: later in the same paragraph (a minute's 'The ask of Government was ...' answers
    every impact listed before it), or first in the next block of the same section."""
    here = candidate.sentence.text
    m = structure.MITIGATION.search(here)
    if m:
        return here[m.end() if m.group("need") else m.start():]
    for pattern in (structure.REJECTED, structure.CONDITION_CLAUSE):
        m = pattern.search(item_text(here))
        if m:
            return m.group(0)
    this, after = ctx.sentences[candidate.index], ctx.sentences[candidate.index + 1:candidate.index + 4]
    same_paragraph = [s for s in itertools.takewhile(lambda s: s.block_index == this.block_index, after)]
    rest = after[len(same_paragraph):]
    next_block = rest[:1] if rest and this.kind != BlockKind.table_cell and rest[0].section == this.section \
        and rest[0].block_index == this.block_index + 1 else []
    return next((s.text for s in same_paragraph + next_block if structure.REMEDY_NEXT.search(s.text)), None)


def _org(ctx: PaperContext, sentence: Sentence) -> str | None:
    """Whose risk: the body the sentence speaks for ('we', 'our', 'the Council', 'the Authority');
    else, in a body's own cabinet report or minutes, that body. A partnership board's paper
    (HWB, JHOSC) states risks to the system, no one body's; minutes of a group no body owns,
    that group's."""
    for mention in ctx.orgs.find(sentence.text):
        if mention.text.lower() in ("we", "our", "us") or mention.text.lower().startswith(("the ", "council")):
            return mention.name
    own_paper = ctx.document.committee not in ("HWB", "JHOSC")
    if ctx.orgs.author and (own_paper or structure.AUTHORITY.search(sentence.text)):
        return ctx.orgs.author
    # Minutes of a group no council or board owns: the risks its members raise are the group's.
    return minuted_meeting(ctx.orgs, ctx.paper.cover_lines[:8]) if own_paper and not ctx.orgs.author else None
