"""Promises made by lists: items under a promise lead-in and cells of an action plan.

'We will:' followed by 'Expand the falls service ...', a priority list under 'Our priorities
are:', a table whose 'Action' column says what will be done and whose 'Lead' column says
by whom. The item or cell carries no promise word of its own; its lead-in or header does.
"""
from __future__ import annotations

import re

from extractors.commitments.cues import ASKED
from extractors.context import PaperContext, Sentence
from extractors.cues import IMPERATIVE, item_text
from schemas import BlockKind

PROMISE_LEAD = re.compile(r"\b(?:actions?|plan\w*|will|shall|commit\w*|priorit\w*|our\s+(?:aims?|vision|objectives?|"
                          r"ambitions?|principles|goals)|following\s+principles|next\s+steps|propos\w*|approach\w*|aims?\s+to|intend\w*)\b", re.I)
# A heading that heads a list of promises: 'Next steps', 'What we will do', 'Actions for 2025/26',
# 'Our commitments'; not 'Planning context' nor 'Proposals' (a plain proposal heading lists options too).
HEADING_LEAD = re.compile(r"\b(?:next\s+steps|what\s+we\s+will\s+do|how\s+we\s+will|we\s+will|actions?|action\s+plan|"
                          r"our\s+(?:priorities|commitments|pledges|plans?)|commitments|pledges|deliverables|"
                          r"forward\s+plan|work\s+programme)\b", re.I)
# A lead-in that looks ahead: under it, '-ing' and verbless items are promised work too.
FUTURE_LEAD = re.compile(r"\b(?:we\s+will|we\s+shall|we\s+(?:are\s+)?commit\w*|our\s+(?:priorities|commitments|pledges))\b|"
                         r"\bpriorities\s+(?:are|will\s+be)\b", re.I)
# A lead-in that presents a plan's priorities, actions or focus: 'the plan for 2024-27 has three
# priority areas of action:', 'The key areas of focus are:'; under it, verbless items are promised work.
PLAN_LEAD = re.compile(r"\b(?:priorit(?:y|ies)|areas?\s+of\s+(?:focus|action)|focus(?:es)?\s+on|actions|objectives|aims?|"
                       r"ambitions?|approaches|vision|workstreams)\b", re.I)
# A verbless item that names work, not a topic: 'A stronger focus on ...', 'Enhanced peer support',
# 'Better use of ...', 'Development of a ...'; not 'Mental health and wellbeing'.
ACTION_HEAD = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?:\w+ed\b|(?:more|better|greater|fewer|less|"
                         r"stronger|wider|closer|earlier|focus|development|delivery|expansion|introduction|creation|"
                         r"provision|review|roll-?out|implementation|investment|improvements?|increased?|reduction|"
                         r"promotion|use|establishment|extension|strengthening)\b)", re.I)
# A cell naming a piece of work, not an outcome: 'Review of respite provision', 'Delivery of the action plan';
# not 'More people live well at home' nor 'Increased uptake'.
WORK_NOUN = re.compile(r"^\W*(?:(?:a|an|the)\s+)?(?:development|delivery|expansion|introduction|creation|provision|review|"
                       r"roll-?out|implementation|establishment|extension|launch|procurement|recruitment|refresh|"
                       r"publication|completion|evaluation|redesign|commissioning)\s+(?:of|to|for)\b", re.I)
# What a plan lead-in may not be: the paper's own purpose ('This report aims to:').
NOT_PLAN_LEAD = re.compile(r"\b(?:this|the)\s+(?:report|paper|document|briefing|presentation|update|item)\b|\bpurpose\b",
                           re.I)
# A lead-in that proposes, so its items are conditional; 'the plan for 2024-27' is a noun, no proposal,
# and so is a plan 'based on the recommendations of' a review.
PROPOSAL_LEAD = re.compile(r"\b(?:propos\w*|(?<!\bon\s)(?<!\bof\s)(?<!\bfrom\s)(?<!\bthe\s)recommend\w*|could|would|may|"
                           r"might|should|(?:intend|aim|plan|hope)s?\s+to)\b", re.I)
# A lead-in that reports what was done: 'Key actions delivered this year included:', 'Progress
# against our priorities:', 'Achievements so far:'.
PAST_LEAD = re.compile(r"\b(?:was|were|did|achieved|delivered|completed|included|undertook|introduced|launched|took|"
                       r"(?:has|have)\s+been|achievements?|progress|highlights|successes|to\s+date|so\s+far|last\s+year|"
                       r"over\s+the\s+(?:past|last))\b", re.I)
FINITE = re.compile(r"^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|must|remains?|includes?|"
                    r"provides?|means|does|did)$")
# Verbs that open the items of a plan ('Expand ...', 'Tackling ...'), beyond those of a recommendation.
ACTION_VERBS = IMPERATIVE | set("""act address achieve adapt advocate attract boost champion co-produce collaborate commit
communicate complete coordinate define design drive embed empower enable encourage enhance evaluate expand
facilitate foster grow harness help host influence inform involve join make map maximise measure minimise mobilise
offer optimise oversee partner plan prevent protect raise recruit redesign reshape respond retain roll run safeguard
scale secure shape signpost simplify standardise streamline tackle target train transform understand upgrade value
widen circulate arrange liaise contact update prepare present report write check investigate schedule draft send
organise""".split())
ITEM_OPENING = re.compile(r"^[\"'‘“(]*(?:To\s+(?P<to>[a-z][a-z-]+)\b|(?P<word>[A-Z][a-z]+))")
ACTION_HEADER = re.compile(r"\b(?:actions?|activit(?:y|ies)|what\s+we\s+will\s+do|we\s+will|commit\w*|deliverables?|"
                           r"next\s+steps|tasks?|how\s+we\s+will)\b", re.I)
# A column of when: 'Target date', 'Timescale', 'By when', 'Deadline', 'Due'.
DATE_HEADER = re.compile(r"\b(?:dates?|deadlines?|timescales?|time\s*frames?|timelines?|when|due|completion|quarter|"
                         r"month|year)\b", re.I)
# Columns of a table whose cells report or weigh rather than promise, whatever their first word.
NOT_ACTION_HEADER = re.compile(r"\b(?:risks?|issues?|mitigations?|controls?|progress|updates?|status|comments?|rag|"
                               r"outcomes?|measures?|indicators?|evidence|notes?|achieved|impact)\b", re.I)
STATUS_HEADER = re.compile(r"\b(?:status|progress|rag|update)\b", re.I)
DONE_STATUS = re.compile(r"^\W*(?:complete[d]?|closed|done|achieved|delivered|finished)\b", re.I)
LEAD_HEADER = re.compile(r"\b(?:lead|led\s+by|owner|responsib\w*|who|by\s+whom|accountable)\b", re.I)


def under_promise(ctx: PaperContext, clause: Sentence) -> str | None:
    """A list item under a lead-in that promises ('We will:', 'Our priorities are:', 'the
    following approach is proposed'), or right under a heading that does ('Next steps'), that
    opens with a verb ('Utilise ...', 'To work ...'); the item's shape and its lead-in's kind, or None."""
    lead = lead_of(ctx, clause)
    if not (clause.is_item and lead and PROMISE_LEAD.search(lead)) or PAST_LEAD.search(lead) or ASKED.search(lead):
        return None
    strong = bool(FUTURE_LEAD.search(lead))
    kind = "a future lead-in" if strong else "a promise lead-in"
    if _opens_with_action(clause.text, gerund=False):
        return f"a verb item under {kind}"
    if strong and _opens_with_action(clause.text):
        return f"a gerund item under {kind}"
    if strong and _fragment(clause.text):
        return f"a verbless item under {kind}"
    if PLAN_LEAD.search(lead) and not NOT_PLAN_LEAD.search(lead) and _fragment(clause.text) \
            and ACTION_HEAD.match(item_text(clause.text)):
        return "a verbless item under a plan lead-in"
    return None


def lead_of(ctx: PaperContext, clause: Sentence) -> str:
    """An item's lead-in sentence; for a list with none, the heading right above it when that
    heading promises ('Next steps', 'What we will do', 'Actions for 2025/26')."""
    if clause.lead_in or not clause.is_item:
        return clause.lead_in
    blocks, i = ctx.paper.blocks, clause.block_index - 1
    while i >= 0 and blocks[i].kind in (BlockKind.bullet, BlockKind.numbered):
        i -= 1
    heading = blocks[i].text if i >= 0 and blocks[i].kind == BlockKind.heading else ""
    return heading if HEADING_LEAD.search(heading) else ""


def action_cell(ctx: PaperContext, clause: Sentence) -> bool:
    """A cell of an action plan's action column that opens with a verb; in a table with a lead
    column and a date column ('Objective | Owner | Target date'), any such column but those."""
    header = _header(ctx, clause)
    if not header:
        return False
    if not _opens_with_action(clause.text):
        # 'Review of respite provision' under an 'Action' header: a work noun stands for the verb.
        return bool(ACTION_HEADER.search(header) and not NOT_ACTION_HEADER.search(header) and _fragment(clause.text)
                    and WORK_NOUN.match(item_text(clause.text)))
    if ACTION_HEADER.search(header):
        return True
    headers = _headers(ctx, clause)
    return (not (LEAD_HEADER.search(header) or DATE_HEADER.search(header) or NOT_ACTION_HEADER.search(header))
            and any(LEAD_HEADER.search(h) for h in headers) and any(DATE_HEADER.search(h) for h in headers))


def listed_promiser(ctx: PaperContext, clause: Sentence, form: str) -> tuple[str | None, bool]:
    """(actor, conditional) of an item or cell: the body its lead-in or its row's lead column
    names, else the author; conditional under a proposal ('the following is proposed:')."""
    lead = lead_of(ctx, clause) if form == "item" else (_lead_cell(ctx, clause) or "")
    bodies = [m.name for m in ctx.orgs.find(lead)] if lead else []
    conditional = form == "item" and bool(PROPOSAL_LEAD.search(lead))
    return (bodies[0] if bodies else ctx.orgs.author), conditional


def _fragment(text: str) -> bool:
    """An item that only continues its lead-in ('A focus on prevention'), with no verb of its own."""
    words = item_text(text).split()
    return len(words) >= 3 and not any(FINITE.match(w.lower()) for w in words)


def _opens_with_action(text: str, gerund: bool = True) -> bool:
    """'Utilise ...', 'To work ...', and where `gerund`, 'Ensuring ...'. A gerund lists work done
    as readily as it promises work ('Delivering training to ...'), so it counts only under a
    lead-in that looks ahead."""
    opening = ITEM_OPENING.match(item_text(text))
    if not opening:
        return False
    word = (opening.group("to") or opening.group("word")).lower()
    stem = word[:-3] if gerund and word.endswith("ing") else None
    return word in ACTION_VERBS or bool(stem and {stem, stem + "e", stem[:-1]} & ACTION_VERBS)


def _header(ctx: PaperContext, clause: Sentence) -> str | None:
    """The header of a body row's cell's column."""
    headers = _headers(ctx, clause)
    col = ctx.paper.blocks[clause.block_index].col
    return headers[col] if col is not None and col < len(headers) else None


def _headers(ctx: PaperContext, clause: Sentence) -> list[str]:
    """The header row of the table a body row's cell sits in; [] for any other block."""
    block = ctx.paper.blocks[clause.block_index]
    if block.kind != BlockKind.table_cell or block.table is None or not block.row or block.col is None:
        return []
    rows = ctx.paper.tables[block.table].rows if block.table < len(ctx.paper.tables) else []
    return [h or "" for h in rows[0]] if rows else []


def row_done(ctx: PaperContext, clause: Sentence) -> bool:
    """An action log's row its status column reports done: 'Complete', 'Closed', 'Achieved'."""
    block = ctx.paper.blocks[clause.block_index]
    rows = ctx.paper.tables[block.table].rows
    return any(col != block.col and header and STATUS_HEADER.search(header) and col < len(rows[block.row])
               and DONE_STATUS.match(rows[block.row][col] or "") for col, header in enumerate(rows[0]))


def _lead_cell(ctx: PaperContext, clause: Sentence) -> str | None:
    """The row's cell under a 'Lead' or 'Responsible' header."""
    block = ctx.paper.blocks[clause.block_index]
    rows = ctx.paper.tables[block.table].rows
    for col, header in enumerate(rows[0]):
        if col != block.col and header and LEAD_HEADER.search(header) and col < len(rows[block.row]):
            return rows[block.row][col]
    return None
