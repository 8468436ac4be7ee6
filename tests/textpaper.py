"""Build a ParsedPaper from written blocks, so extractor tests need no PDF."""
from __future__ import annotations

from schemas import Block, BlockKind, ParsedPaper


def paper(*blocks: tuple[str, str] | str, cover: list[str] | None = None, name: str = "test-paper.pdf"):
    """Blocks as "text" (body) or (kind, text); returns (ParsedPaper, first-page lines)."""
    built, parts, offset = [], [], 0
    for i, block in enumerate(blocks):
        kind, text = ("body", block) if isinstance(block, str) else block
        built.append(Block(page=1 + i // 20, kind=BlockKind(kind), text=text, section="",
                           char_start=offset, char_end=offset + len(text)))
        parts.append(text)
        offset += len(text) + 1
    cover = cover if cover is not None else [
        "Health and Wellbeing Board", "Date: 12 March 2019", "Report Title: A test paper",
        "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
    return ParsedPaper(path=name, sha256="0" * 64, pages=max(b.page for b in built),
                       blocks=built, text="\n".join(parts)), cover


def extract(*blocks, cover=None):
    from pipeline.extract import extract_paper

    parsed, first_lines = paper(*blocks, cover=cover)
    return extract_paper(parsed, first_lines)
