"""What the parser hands to the extractors: a paper as blocks in reading order.

Every block knows its page, its kind and its section path, and where it sits in the
paper's full text, so a record quoting a block can point back to page and offsets.
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field


class BlockKind(str, Enum):
    heading = "heading"
    numbered = "numbered"      # a numbered paragraph: "6.3 The end state ..."
    bullet = "bullet"          # a bullet item, including glyph noise read as a bullet
    table_cell = "table_cell"
    body = "body"


class Zone(str, Enum):
    """Where a block sits: the body states records; the other zones yield none (ANNOTATION.md)."""

    body = "body"
    references = "references"            # reference lists, bibliographies, citation footnotes, appendix lists
    contacts = "contacts"                # contact blocks: names with telephone and e-mail
    document_control = "document_control"
    contents = "contents"                # tables of contents
    agenda = "agenda"                    # agenda lists
    form = "form"                        # form fields and their instructions
    statute = "statute"                  # statutory text quoted from an Act or regulation


class Block(BaseModel):
    """One text block: a paragraph, heading, list item or table cell."""

    page: int = Field(ge=1)
    kind: BlockKind
    text: str
    section: str = ""          # e.g. "6. Next steps > 6.3"
    char_start: int = 0        # offsets of `text` inside ParsedPaper.text
    char_end: int = 0
    number: str | None = None  # the paragraph or heading number, e.g. "6.3", "1a"
    table: int | None = None   # index into ParsedPaper.tables for table cells
    row: int | None = None
    col: int | None = None
    zone: Zone = Zone.body     # set by pipeline/zones.py after parsing


class Table(BaseModel):
    page: int
    rows: list[list[str]]


class ParsedPaper(BaseModel):
    """A paper after parsing: blocks in reading order and the text they spell out."""

    path: str
    sha256: str
    pages: int
    blocks: list[Block]
    tables: list[Table] = []
    text: str = ""             # blocks' text joined by "\n"; offsets index into it
    cover_lines: list[str] = []  # raw lines of the cover sheet, headers included, for metadata
    ocr_pages: dict[int, float] = {}  # pages read by OCR (scans): page -> mean word confidence, 0-100

    @property
    def stem(self) -> str:
        from pathlib import Path

        return Path(self.path).stem
