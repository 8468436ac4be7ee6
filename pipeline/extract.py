"""The per-paper stage: a parsed paper in, every record of every type out."""
from __future__ import annotations

import bisect
import re
from pathlib import Path

from extractors.budgets import extract_budgets
from extractors.commitments import extract_commitments
from extractors.context import build_context
from extractors.decisions import extract_decisions
from extractors.milestones import extract_milestones
from extractors.gazetteer import GENERIC
from extractors.organisations import OrgIndex, build_org_index, line_around
from extractors.relations import extract_relations
from extractors.risks import extract_risks
from pipeline.metadata import detect_metadata
from pipeline.parse import PageLayout, assemble, parse_pdf
from schemas import Document, PaperExtraction, ParsedPaper, Section

BOARD_OF = {"HWB": re.compile(r"Health\s+(?:and|&)\s+Wellbeing\s+Board", re.I),
            "JHOSC": re.compile(r"Overview\s+(?:and|&)\s+Scrutiny|JHOSC", re.I)}


def process_file(path: Path, sha256: str | None = None,
                 layouts: list[PageLayout] | None = None) -> PaperExtraction:
    """Parse one PDF, or put together its `layouts` (every page, laid out by workers), and
    extract its records; raises PaperError for a paper that cannot be read."""
    paper = parse_pdf(path, sha256) if layouts is None else assemble(path, layouts, sha256)
    return extract_paper(paper)


def extract_paper(paper: ParsedPaper) -> PaperExtraction:
    page_of = _page_finder(paper)
    bodies = build_org_index(paper.text, page_of)
    document = detect_metadata(paper, paper.cover_lines, bodies)
    place = _place(bodies, document) if document.committee == "HWB" else None
    if place:
        mention = COUNCIL_MENTION.search(paper.text)
        bodies = bodies.with_place(place, (page_of(mention.start()),
                                           line_around(paper.text, mention.start(), mention.end())) if mention else None)
    orgs = _with_roles(bodies, document)
    ctx = build_context(paper, document, orgs)
    return PaperExtraction(
        document=document, sections=sections_of(paper), organisations=orgs.records(document),
        budgets=extract_budgets(ctx), milestones=extract_milestones(ctx),
        commitments=extract_commitments(ctx), risks=extract_risks(ctx),
        decisions=extract_decisions(ctx), relations=extract_relations(ctx))


def _page_finder(paper: ParsedPaper):
    """offset in the paper's text -> the page of the block holding it."""
    starts = [b.char_start for b in paper.blocks]

    def page_of(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return paper.blocks[max(i, 0)].page if paper.blocks else 1

    return page_of


PLACE_OF = [re.compile(r"^(?:NHS\s+)?(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+(?:CCG|Clinical Commissioning Group|"
                       r"(?:Borough\s+|County\s+|City\s+)?Council|Health and Wellbeing Board)$"),
            re.compile(r"^(?:London|Royal) Borough of (?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})$")]
# "the Council", "Local Authority": the gazetteer's generic mention of a paper's own council.
COUNCIL_MENTION = next(regex for regex, kind in GENERIC if kind == "council")


def _place(bodies: OrgIndex, document: Document) -> str | None:
    """The place the paper's author is named after, else the one place of all its councils and CCGs."""
    for names in ([document.organisation], [e.name for e in bodies.entries if e.org_type in ("council", "ccg")]):
        places = {m.group("place") for name in names if name for p in PLACE_OF if (m := p.match(name))}
        if len(places) == 1:
            return places.pop()
    return None


def _with_roles(bodies: OrgIndex, document: Document) -> OrgIndex:
    """The paper's bodies with 'we' resolved to the author and 'the Board' to the committee."""
    board = None
    if document.committee in BOARD_OF:
        boards = [e.name for e in bodies.entries if e.org_type == "board" and BOARD_OF[document.committee].search(e.name)]
        board = min(boards, key=lambda n: (not n[0].isupper(), -len(n))) if boards else None
    author = bodies.canonical(document.organisation) or document.organisation
    return bodies.with_roles(author, board)


def sections_of(paper: ParsedPaper) -> list[Section]:
    """One Section per section path, with the text of its blocks, for full-text search."""
    grouped: dict[str, Section] = {}
    for block in paper.blocks:
        path = block.section or "(front matter)"
        if path not in grouped:
            grouped[path] = Section(doc_id=paper.sha256, path=path, title=path.split(" > ")[-1],
                                    page=block.page, text="")
        grouped[path].text += ("\n" if grouped[path].text else "") + block.text
    return list(grouped.values())
