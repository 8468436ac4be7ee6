"""Milestones in tables: a plan's rows ('What we have committed to | Led by | Timescale | Measure').

A row with a date cell states one event, in its first cell of words; the owner, measure and
code cells beside it are not events of their own. A Timescale cell may hold words besides its
date ('Commenced Oct 24', 'Tbc provisional Jan 25-October 25'): its date still dates the row.
A row's status is its Status column's ('Complete', 'On track'), else its date cell's words
('Commenced', 'Ongoing'), else its columns' headers ('What we have committed to', 'Date completed').
"""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.dates import DateMention

DATE_COLUMN = re.compile(r"\b(?:timescales?|timeframe|dates?|due|deadline|by\s+when|when|target\s+date|timeline|"
                         r"completion)\b", re.I)
STATUS_COLUMN = re.compile(r"\b(?:status|progress|rag)\b", re.I)
DONE = re.compile(r"\b(?:complete[d]?|done|achieved|delivered|closed|finished|commenced|started|in\s+place)\b", re.I)
OPEN = re.compile(r"\b(?:on\s+track|in\s+progress|ongoing|not\s+(?:yet\s+)?started|planned|delayed|scheduled|"
                  r"open|amber|red|green|due|target|deadline|by\s+when|timescales?|committed|will|next\s+steps|"
                  r"tbc|provisional)\b", re.I)
NOT_DONE = re.compile(r"\bnot\b|\bin\s+progress\b", re.I)


def _words(text: str) -> int:
    return len(re.findall(r"[A-Za-z]{2,}", text or ""))


class Tables:
    """The table cells of one part of a paper, each by its first sentence."""

    def __init__(self, ctx: PaperContext):
        self.ctx = ctx
        self.first: dict[tuple[int, int, int], Sentence] = {}
        for sentence in ctx.sentences:
            block = ctx.paper.blocks[sentence.block_index]
            if block.table is not None and block.table < len(ctx.paper.tables):
                self.first.setdefault((block.table, block.row, block.col), sentence)

    def _place(self, sentence: Sentence) -> tuple[list[str], list[str], int] | None:
        """(header, row, column) of a cell below a table's first row."""
        block = self.ctx.paper.blocks[sentence.block_index]
        if block.table is None or block.table >= len(self.ctx.paper.tables) or not block.row:
            return None
        rows = self.ctx.paper.tables[block.table].rows
        if block.row >= len(rows) or block.col is None:
            return None
        return rows[0], rows[block.row], block.col

    def _event_col(self, header: list[str], row: list[str]) -> int | None:
        """The row's first cell of words outside its date columns."""
        return next((col for col, cell in enumerate(row) if _words(cell) >= 2
                     and not (col < len(header) and DATE_COLUMN.search(header[col] or ""))), None)

    def row_event(self, sentence: Sentence) -> Sentence | None:
        """For a Timescale cell with words beside its dates: the first sentence of its row's event cell."""
        place = self._place(sentence)
        if place is None or not sentence.dates or not sentence.first_in_block:
            return None
        header, row, col = place
        if col >= len(header) or not DATE_COLUMN.search(header[col] or ""):
            return None
        block = self.ctx.paper.blocks[sentence.block_index]
        event_col = self._event_col(header, row)
        return self.first.get((block.table, block.row, event_col)) if event_col is not None else None

    def row_of(self, sentence: Sentence, mention: DateMention) -> tuple[tuple, bool] | None:
        """For a cell dated by its row ('New hub opens | April 2020'): the row's key, and whether
        this sentence is the one that states the row's event. None for a cell of a roadmap,
        dated by its column's header, whose every cell is an event of its own."""
        place = self._place(sentence)
        if place is None:
            return None
        header, row, col = place
        block = self.ctx.paper.blocks[sentence.block_index]
        in_row = any(cell and mention.text in cell for c, cell in enumerate(row) if c != col)
        if not in_row:
            return None
        first = self.first.get((block.table, block.row, self._event_col(header, row)))
        return (block.table, block.row, mention.text), bool(first) and first.char_start == sentence.char_start

    def status(self, sentence: Sentence, mention: DateMention) -> str | None:
        """The status a table gives its row, or None outside tables and when it gives none."""
        place = self._place(sentence)
        if place is None:
            return None
        header, row, col = place
        cells = list(zip(header, row))
        date_cells = [cell for cell in row if cell and mention.text in cell]
        said = [cell for head, cell in cells if STATUS_COLUMN.search(head or "") and cell]
        said += [cell.replace(mention.text, " ") for cell in date_cells]
        said += [header[col] if col < len(header) else ""] + [head for head, cell in cells if cell in date_cells]
        for words in said:
            if DONE.search(words or "") and not NOT_DONE.search(words):
                return "achieved"
            if OPEN.search(words or ""):
                return "planned"
        return None
