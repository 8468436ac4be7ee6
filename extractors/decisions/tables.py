"""Decision tables: a column whose header says its cells are what was decided.

Minutes and records of decision set decisions out in tables as often as in prose: a grants
panel's 'Applicant | Amount | Decision' ('Approved.', '£500 approved. Meets the criteria'), a
minute's 'Item | Discussion | Resolution', a log's 'Outcome'. Each body cell of such a column
is one decision, quoted whole; a cell of a 'Recommendation' or 'Outcome' column counts only
when it opens with what was decided ('Approved', 'Rejected', 'Deferred'), since those headers
also head audit findings and outcome frameworks. A cover sheet's row labelled 'Recommendation(s)'
or 'Action required' holds asks in the cell beside its label.
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.context import PaperContext, Sentence
from extractors.decisions.cues import ASK_HEADING
from schemas import BlockKind

DECISION_COLUMN = re.compile(r"^\W*(?:decisions?(?:\s+(?:taken|made|agreed))?|resolutions?|resolved|agreed)\W*$", re.I)
# Headers whose cells may be decisions or something else (audit findings, outcomes, a minute's actions).
DECIDING = r"(?:recommendations?|outcomes?|decisions?|resolutions?)"
MAYBE_COLUMN = re.compile(rf"^\W*(?:recommendations?|outcomes?|agreed\s+outcomes?|{DECIDING}\s*(?:/|and|&|or)\s*(?:{DECIDING}|actions?)|"
                          rf"actions?\s*(?:/|and|&|or)\s*{DECIDING})\W*$", re.I)
# What was decided, first in its cell: 'Approved.', '£2,500 approved', 'Not approved', 'Deferred to March'.
DECIDED = re.compile(r"^\W*(?:£[\d,.]+\s?[km]?\s+)?(?:not\s+)?(?:approved|agreed|rejected|refused|declined|deferred|noted|"
                     r"endorsed|granted|supported|ratified|carried|accepted|recommend(?:ed)?\s+(?:approval|refusal))\b", re.I)
LONGEST = 300   # characters: a cell's decision is quoted up to about the length of a quote


def decision_cells(ctx: PaperContext) -> dict[int, bool]:
    """Block index of every body cell of a decision column -> whether its column says so outright
    (True) or only when the cell opens with what was decided (False). A table carried over a page
    with no header row of its own reads the header of the table before."""
    paper, out = ctx.paper, {}
    columns: list[tuple[dict[int, bool], int]] = []     # per table: {column: outright}, its first body row
    for table in paper.tables:
        top = table.rows[0] if table.rows else []
        found = {i: bool(DECISION_COLUMN.match(cell or "")) for i, cell in enumerate(top)
                 if DECISION_COLUMN.match(cell or "") or MAYBE_COLUMN.match(cell or "")}
        before = columns[-1][0] if columns else {}
        width = len(paper.tables[len(columns) - 1].rows[0]) if columns and paper.tables[len(columns) - 1].rows else -1
        columns.append((found, 1) if found or not before or len(top) != width else (before, 0))
    for index, block in enumerate(paper.blocks):
        if block.kind != BlockKind.table_cell or block.table is None or block.table >= len(columns):
            continue
        found, first_body_row = columns[block.table]
        if block.col in found and block.row is not None and block.row >= first_body_row:
            out[index] = found[block.col]
    return out


def labelled_cells(ctx: PaperContext) -> dict[int, str]:
    """Block index of every cell whose row a cover sheet labels as its asks or decisions
    ('Recommendation(s) | Approve the winter plan.') -> that label."""
    paper, out = ctx.paper, {}
    for index, block in enumerate(paper.blocks):
        if block.kind != BlockKind.table_cell or block.table is None or not block.col or block.row is None:
            continue
        rows = paper.tables[block.table].rows if block.table < len(paper.tables) else []
        label = rows[block.row][0] if block.row < len(rows) and rows[block.row] else None
        if label and ASK_HEADING.match(label.strip()):
            out[index] = label.strip()
    return out


def whole_cell(ctx: PaperContext, i: int) -> Sentence:
    """The cell of sentence i as one sentence, up to about a quote's length."""
    first, end = ctx.sentences[i], ctx.sentences[i].char_end
    for nxt in ctx.sentences[i + 1:]:
        if nxt.block_index != first.block_index or nxt.char_end - first.char_start > LONGEST:
            break
        end = nxt.char_end
    return replace(first, text=ctx.paper.text[first.char_start:end], char_end=end)


def decided(text: str) -> bool:
    return bool(DECIDED.match(text))
