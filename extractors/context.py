"""A paper prepared once for every extractor: its sentences with provenance and its bodies.

Extractors read sentences, never raw blocks, so each record they make can quote the
paper's own words and point at the page, section and character offsets they came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from extractors.dates import DateMention, find_dates
from extractors.nlp import shared_nlp
from extractors.organisations import OrgIndex
from schemas import Block, BlockKind, Document, ParsedPaper, Zone

LEAD_IN = re.compile(r":\s*$")
FOLLOWING = re.compile(r"\b(?:following|as follows|below)\b", re.I)


@dataclass
class Sentence:
    """A sentence (or clause ended by ';') of one block, with where it sits in the paper."""

    text: str
    page: int
    section: str
    char_start: int
    char_end: int
    kind: BlockKind
    block_index: int
    lead_in: str = ""          # the sentence ending in ':' that introduces this list item
    heading_date: DateMention | None = None   # a dated list line "June 2019: ..." or roadmap column
    dates: list[DateMention] = field(default_factory=list)
    first_in_block: bool = True

    @property
    def is_item(self) -> bool:
        return self.kind in (BlockKind.bullet, BlockKind.numbered)

    def clause(self, start: int, end: int, ref: date | None) -> Sentence:
        """The stretch [start, end) of this sentence as a sentence of its own, edges stripped."""
        raw = self.text[start:end]
        start += len(raw) - len(raw.lstrip())
        text = raw.strip()
        return replace(self, text=text, char_start=self.char_start + start,
                       char_end=self.char_start + start + len(text), dates=find_dates(text, ref),
                       first_in_block=self.first_in_block and start == 0)

    def split_at(self, separators: list[re.Match], ref: date | None) -> list[Sentence]:
        """The clauses between `separators` (matches in this sentence's text), each a sentence."""
        starts = [0] + [m.end() for m in separators]
        ends = [m.start() for m in separators] + [len(self.text)]
        return [self.clause(start, end, ref) for start, end in zip(starts, ends)]

    def provenance(self, doc: Document) -> dict:
        return {"doc_id": doc.doc_id, "doc": doc.doc, "page": self.page, "section": self.section,
                "quote": self.text, "char_start": self.char_start, "char_end": self.char_end}


@dataclass
class PaperContext:
    paper: ParsedPaper
    document: Document
    sentences: list[Sentence]
    orgs: OrgIndex

    @property
    def ref_date(self) -> date | None:
        """The paper's date, to resolve '24 August' or 'next year' against."""
        return paper_date(self.document)


def paper_date(document: Document) -> date | None:
    if not document.date:
        return None
    parts = [int(p) for p in document.date.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def build_context(paper: ParsedPaper, document: Document, orgs: OrgIndex,
                  blocks: range | None = None) -> PaperContext:
    """Split every block of the body (or those of `blocks`, a part of the paper that starts at
    a heading) into sentences once, tracking list lead-ins and dated list lines. Blocks of
    zones that yield no records (pipeline/zones.py) give no sentences."""
    ref = paper_date(document)
    nlp = shared_nlp()
    sentences: list[Sentence] = []
    lead_in, lead_kind = "", None
    blocks = [i for i in (blocks or range(len(paper.blocks))) if paper.blocks[i].zone == Zone.body]
    texts = [paper.blocks[i].text for i in blocks]
    cell_dates: dict[str, DateMention | None] = {}     # a table's cells are read for every cell of their row
    for index, doc in zip(blocks, nlp.pipe(texts, batch_size=256)):
        block = paper.blocks[index]
        if block.kind == BlockKind.heading:
            lead_in = ""
            continue
        item = block.kind == BlockKind.bullet or (block.kind == BlockKind.numbered and lead_kind != BlockKind.numbered)
        if not item:
            lead_in = ""
        heading_date = _dated_line(block.text, ref) or _table_date(paper, block, ref, cell_dates)
        block_sentences = [s for s in _spans(block, doc) if s[1].strip()]
        for n, (start, text) in enumerate(block_sentences):
            sentences.append(Sentence(first_in_block=n == 0, 
                text=text, page=block.page, section=block.section,
                char_start=block.char_start + start, char_end=block.char_start + start + len(text),
                kind=block.kind, block_index=index, lead_in=lead_in if item else "",
                heading_date=heading_date, dates=find_dates(text, ref)))
        if block_sentences and _introduces_list(block, paper.blocks[index + 1:index + 2]):
            lead_in, lead_kind = block_sentences[-1][1], block.kind
    return PaperContext(paper=paper, document=document, sentences=sentences, orgs=orgs)


def _introduces_list(block: Block, following: list[Block]) -> bool:
    """'... are asked to:' or 'the following approach is proposed' just before a list."""
    if LEAD_IN.search(block.text):
        return True
    nxt = following[0] if following else None
    return bool(nxt and nxt.kind in (BlockKind.bullet, BlockKind.numbered) and nxt.kind != block.kind
                and FOLLOWING.search(block.text))


def _spans(block: Block, doc) -> list[tuple[int, str]]:
    """Sentences of a block as (offset in block, text), stripped of edge white space."""
    out: list[tuple[int, str]] = []
    for sent in doc.sents:
        raw = block.text[sent.start_char:sent.end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + raw.index(stripped)
        if out and len(stripped.split()) < 3:      # a trailing "and," belongs to the clause before
            prev_start = out[-1][0]
            out[-1] = (prev_start, block.text[prev_start:start + len(stripped)])
        else:
            out.append((start, stripped))
    return out


def _table_date(paper: ParsedPaper, block: Block, ref: date | None,
                cell_dates: dict[str, DateMention | None]) -> DateMention | None:
    """A roadmap cell takes its column's dated header ('2019/20'); a timeline row's cells take
    the row's date cell ('Go live | April 2020'). The paper's own date on its cover is neither.
    `cell_dates` keeps each cell's text's whole date, read once for the paper."""
    if block.kind != BlockKind.table_cell or block.table is None or block.table >= len(paper.tables):
        return None
    rows = paper.tables[block.table].rows
    row = rows[block.row] if block.row is not None and block.row < len(rows) else []
    header = rows[0] if block.row else []
    candidates = [cell for c, cell in enumerate(row) if c != block.col] + \
                 ([header[block.col]] if block.col is not None and block.col < len(header) else [])
    for cell in candidates:
        cell = cell or ""
        if cell not in cell_dates:
            cell_dates[cell] = _whole_date(cell, ref)
        mention = cell_dates[cell]
        if mention and not (mention.interval.precision == "day" and mention.interval.start == ref):
            return mention
    return None


def _whole_date(text: str, ref: date | None) -> DateMention | None:
    mentions = find_dates(text.strip(), ref)
    return mentions[0] if len(mentions) == 1 and mentions[0].text.strip() == text.strip() else None


DATED_LINE = re.compile(r"^\s*(?P<date>[^:]{3,30}?)\s*[:\-–]\s+\S")


def _dated_line(text: str, ref: date | None) -> DateMention | None:
    """'September 2019: Finalised proposal ...' -> the date the whole line's items take."""
    m = DATED_LINE.match(text)
    if not m:
        return None
    return _whole_date(m.group("date"), ref)
