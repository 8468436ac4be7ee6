"""The per-paper stage: a parsed paper in, every record of every type out."""
from __future__ import annotations

import bisect
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from extractors.context import build_context
from extractors.gazetteer import GENERIC
from extractors.organisations import CABINET, OrgIndex, build_org_index, line_around
from pipeline.metadata import detect_metadata, meeting_body
from pipeline.parse import page_ranges, parse_pdf
from pipeline.workers import cpus, may_share, paper_pool
from pipeline.zones import body_text, mark_zones
from schemas import BlockKind, Document, PaperExtraction, ParsedPaper, Section

BOARD_OF = {"HWB": re.compile(r"Health\s+(?:and|&)\s+Wellbeing\s+Board", re.I),
            "JHOSC": re.compile(r"Overview\s+(?:and|&)\s+Scrutiny|JHOSC", re.I)}


def process_file(path: Path, sha256: str | None = None) -> PaperExtraction:
    """Parse one PDF and extract its records; raises PaperError for a paper that cannot be read."""
    if may_share() and page_ranges(path) is not None:
        with paper_pool() as pool:          # a long paper: its pages, then its parts, on every CPU
            return extract_paper(parse_pdf(path, sha256, pool=pool), pool)
    return extract_paper(parse_pdf(path, sha256))


def extract_paper(paper: ParsedPaper, pool: ProcessPoolExecutor | None = None) -> PaperExtraction:
    """Every record of the paper; with a `pool`, its parts (see `part_blocks`) are read on
    the pool's workers, one part each."""
    prepared = prepare(paper)
    parts = part_blocks(paper, cpus() if pool else 1)
    if len(parts) > 1:
        return combine(prepared, list(pool.map(extract_part, [prepared] * len(parts), parts)))
    return combine(prepared, [extract_part(prepared, blocks) for blocks in parts])


@dataclass(eq=False)
class PreparedPaper:
    """A paper with what all its parts share: its document and its bodies, roles resolved.
    Hashed as itself, so that the reading of a part can be started early with it as a key
    (RunPool.start_early)."""

    paper: ParsedPaper
    document: Document
    orgs: OrgIndex


# The records of one part of a paper, by PaperExtraction field, in reading order.
PartRecords = dict[str, list]


def prepare(paper: ParsedPaper) -> PreparedPaper:
    """What needs the whole paper: its zones, its bodies (named anywhere in its body) and its
    metadata."""
    paper = mark_zones(paper)
    page_of = _page_finder(paper)
    text = body_text(paper)
    bodies = build_org_index(text, page_of, paper.blocks)
    document = detect_metadata(paper, paper.cover_lines, bodies)
    place = _place(bodies, document) if document.committee == "HWB" else None
    if place:
        mention = COUNCIL_MENTION.search(text)
        bodies = bodies.with_place(place, (page_of(mention.start()),
                                           line_around(text, mention.start(), mention.end())) if mention else None)
    meeting = meeting_body([ln.strip() for ln in paper.cover_lines if ln.strip()])
    return PreparedPaper(paper, document, _with_roles(bodies, document, meeting, bool(CABINET.search(text))))


def part_blocks(paper: ParsedPaper, parts: int) -> list[range]:
    """The paper's blocks cut into at most `parts` runs of about equal text, each cut just
    before a heading that opens a new section: the one nearest an even share, before or
    after it (a part's reading costs about its text, and the parts' workers end together).
    No extractor looks across a section's edge (a list's lead-in, a risk's remedy in the
    next sentence), so reading the parts apart, even in different processes, finds exactly
    the records of reading the paper whole."""
    blocks = paper.blocks
    cuts = [i for i in range(1, len(blocks))
            if blocks[i].kind == BlockKind.heading and blocks[i].section != blocks[i - 1].section]
    bounds, total = [0], max(len(paper.text), 1)
    for share in range(1, parts):
        if not (later := [i for i in cuts if i > bounds[-1]]):
            break
        bounds.append(min(later, key=lambda i: abs(blocks[i].char_start - total * share / parts)))
    bounds.append(len(blocks))
    return [range(start, end) for start, end in zip(bounds, bounds[1:])]


def extract_part(prepared: PreparedPaper, blocks: range) -> PartRecords:
    from extractors.records import RECORD_EXTRACTORS     # here, where parts are read: its docstring says why

    ctx = build_context(prepared.paper, prepared.document, prepared.orgs, blocks)
    return {field: extract(ctx) for field, extract in RECORD_EXTRACTORS.items()}


def combine(prepared: PreparedPaper, parts: list[PartRecords]) -> PaperExtraction:
    """The paper's extraction from its parts' records, in order; a relation stated again in a
    later part is the same relation, kept once at its first statement."""
    records: dict[str, list] = {}
    for part in parts:
        for field, found in part.items():
            records.setdefault(field, []).extend(found)
    first: dict[tuple, object] = {}
    for relation in records.get("relations", []):
        first.setdefault(relation.identity(), relation)
    records["relations"] = list(first.values())
    paper, document = prepared.paper, prepared.document
    extraction = PaperExtraction(document=document, sections=sections_of(paper),
                                 organisations=prepared.orgs.records(document), **records)
    for found in extraction.records().values():
        _mark_ocr(found, paper.ocr_pages)
    return extraction


def _mark_ocr(records: list, ocr_pages: dict[int, float]) -> None:
    """Records quoting a page read by OCR say so, with that page's confidence."""
    for record in records:
        if record.page in ocr_pages:
            record.ocr, record.ocr_confidence = True, ocr_pages[record.page]


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


COUNCIL_MEETING = re.compile(r"^(?:the\s+|full\s+)?(?:(?:County|Borough|City|District|Town|Parish|Community)\s+)?Council$", re.I)


def _with_roles(bodies: OrgIndex, document: Document, meeting: str | None, cabinet: bool) -> OrgIndex:
    """The paper's bodies with 'we' resolved to the author and 'the Board' to the body the
    paper goes to or minutes: its cabinet, its council, a committee; for a Health and
    Wellbeing Board or JHOSC paper with no such line, the board of that kind it names."""
    author = bodies.canonical(document.organisation) or document.organisation
    board = None
    if meeting:
        if CABINET.fullmatch(meeting):
            board = "Cabinet"
        elif COUNCIL_MEETING.match(meeting):
            board = author
        elif bodies.names_in(meeting) or bodies.canonical(meeting):
            board = bodies.canonical(meeting) or bodies.names_in(meeting)[0][2]
    if board is None and document.committee in BOARD_OF:
        boards = [e.name for e in bodies.entries if e.org_type == "board" and BOARD_OF[document.committee].search(e.name)]
        board = min(boards, key=lambda n: (not n[0].isupper(), -len(n))) if boards else None
    return bodies.with_roles(author, board, cabinet=cabinet)


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
