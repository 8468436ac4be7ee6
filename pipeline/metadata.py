"""Paper metadata from the cover sheet: committee, date, title, authors, authoring body.

Cover sheets label their fields ("Date:", "Report Title:", "Report Author:", "Owner",
"Contact officer:"); where a label is missing the first lines of page one are read.
"""
from __future__ import annotations

import re
from collections import Counter

from extractors.dates import find_dates
from extractors.organisations import OrgIndex, pattern_matches
from schemas import BlockKind, Document, ParsedPaper

JHOSC = re.compile(r"\bJHOSC\b|Joint\s+(?:Health\s+)?(?:and\s+)?Overview\s+(?:and|&)\s+Scrutiny|"
                   r"Joint\s+Health\s+Scrutiny", re.I)
HWB = re.compile(r"Health\s+(?:and|&)\s+Well-?being\s+Board|\bHWBB?\b", re.I)
LABEL = r"(?:{})\s*[:\-–]?\s+(?P<value>.+)"
TITLE = re.compile(LABEL.format(r"Report\s+Title|Title|Subject|Report\s+Subject|Agenda\s+Item\s+Title"), re.I)
AUTHOR = re.compile(LABEL.format(r"Report\s+Authors?|Authors?|Owner|Contact\s+[Oo]fficers?|Lead\s+[Oo]fficer|"
                                 r"Report\s+of|Presented\s+by|Responsible\s+[Oo]fficer"))
FROM = re.compile(r"^Report\s+(?:from|of|by)\s+(?P<value>.+)", re.I)
DATE_LABEL = re.compile(LABEL.format(r"(?:Meeting\s+)?Date(?:\s+of\s+(?:meeting|report))?"), re.I)
NOT_YET = re.compile(r"\b(?:single|new|proposed|future|shadow|a)\s+(?:\w+\s+)?$", re.I)  # a body still to be formed
PAPER_TITLE = re.compile(r"\bpaper\s*:\s*(?P<value>.+)", re.I)


def detect_metadata(paper: ParsedPaper, first_lines: list[str], bodies: OrgIndex) -> Document:
    """The paper's Document record; every field is best effort and None when not stated."""
    lines = [ln.strip() for ln in first_lines if ln.strip()]
    head = "\n".join(lines[:15])
    return Document(doc_id=paper.sha256, doc=paper.stem, path=paper.path, pages=paper.pages,
                    committee=_committee(head), date=_date(lines), title=_title(lines),
                    authors=_authors(lines), organisation=_organisation(paper, lines, bodies))


def _committee(head: str) -> str:
    found = [(m.start(), name) for name, rx in (("JHOSC", JHOSC), ("HWB", HWB)) for m in [rx.search(head)] if m]
    return min(found)[1] if found else "other"


def _iso(mention) -> str:
    interval = mention.interval
    if interval.precision == "day":
        return interval.start.isoformat()
    if interval.precision == "month":
        return interval.start.isoformat()[:7]
    return str(interval.start.year)


def _date(lines: list[str]) -> str | None:
    """A labelled date first, then the first dated line of the cover, then a bare year line."""
    for line in lines[:30]:
        m = DATE_LABEL.match(line)
        if m:
            found = find_dates(m.group("value"))
            if found:
                return _iso(found[0])
    for precision in (("day",), ("month",), ("year",)):
        for line in lines[:12]:
            for mention in find_dates(line):
                if mention.interval.precision in precision:
                    return _iso(mention)
    return None


def _title(lines: list[str]) -> str | None:
    for i, line in enumerate(lines[:30]):
        m = TITLE.match(line) or PAPER_TITLE.search(line)
        if m:
            value = m.group("value").strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt and len(nxt.split()) <= 5 and ":" not in nxt and not value.endswith((".", ":")):
                value = f"{value} {nxt}"
            return value
    return None


def _authors(lines: list[str]) -> list[str]:
    for line in lines:
        m = AUTHOR.match(line)
        if m:
            name = re.split(r"[,(]|\s[-–]\s", m.group("value"))[0].strip()
            if 1 < len(name.split()) <= 4 and not any(ch.isdigit() for ch in name):
                return [name]
    return []


def _organisation(paper: ParsedPaper, lines: list[str], index: OrgIndex) -> str | None:
    """Who wrote it: 'Report from X', a body in the author line, else the most named body."""
    candidates = []
    for i, line in enumerate(lines[:30]):
        m = FROM.match(line)
        if m:
            value = m.group("value")
            if i + 1 < len(lines) and len(lines[i + 1].split()) <= 3:
                value = f"{value} {lines[i + 1]}"
            candidates.append(value)
        m = AUTHOR.match(line)
        if m:
            candidates.append(line if i + 1 >= len(lines) else f"{line} {lines[i + 1]}")
    for candidate in candidates:
        for _, _, name, org_type in pattern_matches(candidate):
            if org_type != "board":
                return index.canonical(name) or name
    counts: Counter = Counter()
    for block in paper.blocks:
        if block.kind in (BlockKind.heading, BlockKind.table_cell):
            continue      # contents lists and cover tables name bodies without speaking for them
        counts.update(m.name for m in index.find(block.text, resolve_we=False)
                      if index.org_type(m.name) in ("ccg", "council", "nhs_trust") and pattern_matches(m.text)
                      and not NOT_YET.search(block.text[max(0, m.start - 25):m.start]))
    return counts.most_common(1)[0][0] if counts else None

