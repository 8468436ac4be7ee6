"""Build a ParsedPaper from written blocks, so extractor tests need no PDF."""
from __future__ import annotations

from schemas import Block, BlockKind, ParsedPaper, Table


def paper(*blocks: tuple[str, str] | str | Table, cover: list[str] | None = None, name: str = "test-paper.pdf"):
    """Blocks as "text" (body), (kind, text) or a Table (one cell block per cell, row by row);
    returns (ParsedPaper, first-page lines)."""
    built, parts, tables, offset = [], [], [], 0
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            cells = [("table_cell", cell, len(tables), r, c) for r, row in enumerate(block.rows)
                     for c, cell in enumerate(row)]
            tables.append(block)
        else:
            cells = [(("body", block) if isinstance(block, str) else block) + (None, None, None)]
        for kind, text, table, row, col in cells:
            built.append(Block(page=1 + i // 20, kind=BlockKind(kind), text=text, section="",
                               char_start=offset, char_end=offset + len(text), table=table, row=row, col=col))
            parts.append(text)
            offset += len(text) + 1
    cover = cover if cover is not None else [
        "Health and Wellbeing Board", "Date: 12 March 2019", "Report Title: A test paper",
        "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
    return ParsedPaper(path=name, sha256="0" * 64, pages=max(b.page for b in built),
                       blocks=built, tables=tables, text="\n".join(parts), cover_lines=cover), cover


def extract(*blocks, cover=None):
    from pipeline.extract import extract_paper

    parsed, _ = paper(*blocks, cover=cover)
    return extract_paper(parsed)
