"""Who wrote a paper: the body its cover form names, the board whose strategy it is, the
council whose meeting it goes to or minutes, or else the body it names most."""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from extractors.gazetteer import is_generic
from extractors.organisations import OrgIndex
from schemas import BlockKind, ParsedPaper, Zone

if TYPE_CHECKING:
    from pipeline.metadata import Field

HWB = re.compile(r"Health\s+(?:and|&)\s+Well[-\s]?being\s+Board|\bHWBB?\b", re.I)
STRATEGY = re.compile(r"Health\s+(?:and|&)\s+Well[-\s]?being\s+Strategy", re.I)
NOT_YET = re.compile(r"\b(?:single|new|proposed|future|shadow|a)\s+(?:\w+\s+)?$", re.I)  # a body still to be formed
OWN_DOCUMENT = re.compile(r"\b(?:Annual|Progress|Report|Strategy|Plan|Review|Business\s+Plan|Delivery\s+Plan|Prospectus|"
                          r"Priorities|Actions|Commitments|Framework|Policy|Pledges)\b")
YET_TO_FORM = re.compile(r"(?:the\s+|a\s+)?(?:single|new|proposed|future|shadow)\b", re.I)


def author_body(paper: ParsedPaper, lines: list[str], fields: list[Field], index: OrgIndex,
                meeting: str | None, title: str | None) -> str | None:
    """Who wrote it: a body the 'From:'/'Report of:'/author lines name; the board whose
    strategy the paper is; the council whose cabinet, committee or council meeting the
    paper goes to or minutes; else the body the paper names most. A generic name ('Town
    Council') is never the author."""
    for f in fields:
        if f.kind in ("from", "author"):
            named = [(n, t) for _, _, n, t in index.names_in(f.value) if not is_generic(n)]
            for name, org_type in sorted(named, key=lambda nt: nt[1] == "board"):
                return index.canonical(name) or name
    if title and STRATEGY.search(title):
        boards = [e.name for e in index.entries if e.org_type == "board" and HWB.search(e.name) and not is_generic(e.name)]
        if len(boards) == 1:
            return boards[0]
    heading = _heading_body(lines, index)
    if heading:
        return heading
    most = [n for n in most_named(paper, index) if _fits(n, paper.text)]
    if meeting:
        council = _council_of(meeting, [e.name for e in index.entries if e.org_type == "council"], most)
        if council:
            return council
    own = _title_body(title, index)
    if own:
        return own
    return most[0] if most else None


def _title_body(title: str | None, index: OrgIndex) -> str | None:
    """'Exampleton Drug and Alcohol Partnership Annual Progress Report', 'Improving Care ~
    Kingsmere Council Priorities and Actions': a document titled with a body's name, first or
    just before the kind of document it is, is that body's own."""
    if not title or not OWN_DOCUMENT.search(title):
        return None
    named = [n for start, end, n, _ in index.names_in(title) if not is_generic(n) and
             (start == 0 or OWN_DOCUMENT.match(title, end + 1))]
    return (index.canonical(named[0]) or named[0]) if named else None


def _council_of(meeting: str, councils: list[str], most: list[str]) -> str | None:
    """The council whose meeting it is: the one the 'To:' line names or whose name ends as
    it does ('County Council'), else the council the paper names most."""
    named = [c for c in councils if c in meeting or (re.search(r"\bCouncil$", meeting)
                                                      and c.endswith(re.sub(r"^(?:the|full)\s+", "", meeting, flags=re.I)))]
    if len(named) == 1:
        return named[0]
    return next((n for n in most if n in councils), None)


TIER = re.compile(r"\b(Town|Parish|Community|County|Borough|City|District)\s+Council\b")


def _fits(name: str, text: str) -> bool:
    """A paper that calls its council 'the Town Council' is a town council's: a neighbour
    of another tier that it names more often is not its author."""
    tiers = {m.group(1) for m in TIER.finditer(text)
             if not re.search(r"(?<![\w'’\-])(?!The\b|This\b)[A-Z][\w'’\-]*\s+$", text[max(0, m.start() - 30):m.start()])} \
        - {"Community"}
    own = TIER.search(name)
    return not tiers or not name.endswith("Council") or (own is not None and own.group(1) in tiers)


def _heading_body(lines: list[str], index: OrgIndex) -> str | None:
    """A minutes' or report's header line that is a body's name ('LOWMEAD COMMUNITY COUNCIL',
    'Royal Exampleton Town Council Meeting 21 February 2017')."""
    for line in lines[:3]:
        text = line.title() if line.isupper() else line
        named = [n for start, _, n, t in index.names_in(text) if start == 0 and t in ("council", "ccg", "nhs_trust")]
        if named and not is_generic(named[0]):
            return index.canonical(named[0]) or named[0]
    return None


def most_named(paper: ParsedPaper, index: OrgIndex) -> list[str]:
    """The paper's councils, CCGs and trusts, most named first; contents lists and cover
    tables name bodies without speaking for them, and a body still to be formed is not yet
    anyone's author."""
    counts: Counter = Counter()
    for block in paper.blocks:
        if block.kind in (BlockKind.heading, BlockKind.table_cell) or block.zone != Zone.body:
            continue
        counts.update(m.name for m in index.find(block.text, resolve_we=False)
                      if index.org_type(m.name) in ("ccg", "council", "nhs_trust") and not is_generic(m.text)
                      and not is_generic(m.name) and not NOT_YET.search(block.text[max(0, m.start - 25):m.start])
                      and not YET_TO_FORM.match(m.text))
    return [name for name, _ in counts.most_common()]
