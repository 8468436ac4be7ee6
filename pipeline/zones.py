"""Zones: the parts of a paper that state no commitments, risks, decisions or sums.

Reference lists, citation footnotes, contact blocks, document control, contents and agenda
lists, form fields and quoted statutory text (ANNOTATION.md, "What yields no records") name
bodies, dates and sums without the paper standing behind them. This step runs after parsing
and before sentences: it names each block's zone, and the extractors read only the body.

A zone is recognised the way a reader does: by the heading or label that opens it
("References", "Contact details", "Appendices:", "Document control"), or by the shape of the
block itself (an e-mail address or telephone number, "[3] Author, 'Title', 2019. Available:",
a line ending in its page number, a "Key decision: Yes" field, a yes/no answer).
"""
from __future__ import annotations

import re

from schemas import Block, BlockKind, ParsedPaper, Zone

# Headings and labels that open a zone, up to the next heading.
ZONE_HEADINGS: list[tuple[re.Pattern, Zone]] = [
    (re.compile(r"^(?:references?|bibliography|sources?(?:\s+of\s+information)?|end\s*notes|foot\s*notes|"
                r"background\s+(?:documents?|papers?|reading|information)|further\s+reading|"
                r"appendices|list\s+of\s+appendices|appendix\s+list|attached\s+documents|documents\s+attached|"
                r"supporting\s+documents?|useful\s+links|links)$", re.I), Zone.references),
    (re.compile(r"^(?:contact\s+(?:details?|officers?|information|for\s+(?:further\s+)?information)|"
                r"contacts?|report\s+authors?(?:\s+and\s+(?:relevant\s+)?directors?)?|"
                r"lead\s+(?:officer|director)s?|relevant\s+directors?|further\s+information)$", re.I), Zone.contacts),
    (re.compile(r"^(?:document\s+(?:control|history|information|details)|version\s+(?:control|history)|"
                r"revision\s+history|change\s+history|approval\s+history)$", re.I), Zone.document_control),
    (re.compile(r"^(?:(?:table\s+of\s+)?contents|index)$", re.I), Zone.contents),
    (re.compile(r"^(?:agenda|agenda\s+items?|(?:un)?restricted\s+items|exempt\s+items)$", re.I), Zone.agenda),
]
# "a) Agenda for ...", "(ii) Minutes of ...": an item of the zone's list, though laid out as a heading.
LETTERED_ITEM = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4})\)\s+\S")
HEADING_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|[IVX]{1,4}\.)\s+")
# A line of its own that opens a list: "Appendices:", "Background papers -".
LABEL_END = re.compile(r"\s*[:\-–]\s*$")

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\s?\.[\w-]+)+\b")
PHONE = re.compile(r"(?<![\w£.,/-])(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w.,/-])|"
                   r"\b(?:Tel(?:ephone)?|Mobile|Phone)\s*(?:no\.?|number)?\s*[:.]", re.I)
# "[3] Author, "Title," 2019. [Online]. Available: https://..." and bare footnotes "1 HM Government 2021. ..."
CITATION = re.compile(r"^\s*\[\d{1,3}\]\s+\S|\[Online\]|\bAvailable\s*(?:at|from)?\s*:\s*\S|\b(?:accessed|retrieved)\s+"
                      r"(?:on\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\bdoi\s*:\s*10\.|\bet\s+al\.?,?\s+\(?(?:19|20)\d\d", re.I)
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
FOOTNOTE = re.compile(rf"^\s*\d{{1,2}}\s+(?!{MONTH}\b)(?:(?:[A-Z][\w&'’-]*|of|and|for|the|&)\s+){{1,8}}(?:19|20)\d\d\b[.,:]?\s+\S|"
                      r"^\s*\d{1,2}\s+(?:https?://|www\.|See\s|Source:)")
URL = re.compile(r"https?://\S+|\bwww\.\S+", re.I)
# "Introduction .......... 3", "2. Background 4": a contents line ends in its page number.
CONTENTS_LINE = re.compile(r"(?:\.{3,}|…+|\s{2,}|\t)\s*\d{1,3}\s*$|^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z][^.!?]{2,80}?\s+\d{1,3}$")
AGENDA_LINE = re.compile(r"\(\s*Pages?\s+\d+(?:\s*[-–]\s*\d+)?\s*\)", re.I)
# Fields of report covers and templates, whatever their values: "Key Decision: Yes", "Status: Unrestricted".
FORM_FIELD = re.compile(
    r"^(?:key\s+decision|classification|status|security\s+(?:marking|classification)|electoral\s+divisions?|"
    r"wards?(?:\s+affected)?|divisions?\s+affected|decision\s+(?:no|number|ref(?:erence)?)\.?|"
    r"forward\s+plan(?:\s+ref(?:erence)?)?|future\s+pathway(?:\s+of\s+report)?|"
    r"is\s+the\s+decision\s+eligible\s+for\s+call[\s-]?in|call[\s-]?in|exempt(?:ion)?(?:\s+information)?|"
    r"reason\s+for\s+(?:urgency|exemption)|access\s+to\s+information|confidential(?:ity)?|"
    r"(?:report\s+)?(?:reference|ref)\s*(?:no|number)?\.?|version|date\s+of\s+(?:issue|review)|review\s+date|"
    r"agenda\s+item(?:\s+no\.?)?|item\s+no\.?|ask\s+for|page\s+\d+\s+of\s+\d+)\s*[:?\-–]", re.I)
ANSWER = re.compile(r"^\s*(?:yes|no|n/?a|none|not\s+applicable|tbc|[☐☑☒✓✔x]|yes\s*/\s*no)\s*[.]?\s*$", re.I)
# A template's question cell: "Have you consulted with stakeholders?"
FORM_QUESTION = re.compile(r"^(?:do|does|did|is|are|has|have|will|was|were|can|could|who|what|which|how|when|where|"
                           r"please)\b[^.]{3,200}\?\s*$", re.I)
# Quoted statutory text: the lead-in that cites a law and says it quotes it.
STATUTE_LEAD = re.compile(r"\b(?:Act|Regulations?|Order|section\s+\d+\w*|regulation\s+\d+\w*|paragraph\s+\d+\w*|"
                          r"Schedule\s+\d+\w*)\b[^.]{0,120}\b(?:states?|provides?|says|reads|requires?|sets\s+out|"
                          r"as\s+follows)\b[^.]{0,60}:\s*$", re.I)
QUOTED = re.compile(r"^\s*[\"“‘'(]")


def mark_zones(paper: ParsedPaper) -> ParsedPaper:
    """The paper with every block's zone named; text, order and offsets unchanged."""
    zones = block_zones(paper.blocks)
    if all(zone == Zone.body for zone in zones):
        return paper
    blocks = [b if z == b.zone else b.model_copy(update={"zone": z}) for b, z in zip(paper.blocks, zones)]
    return paper.model_copy(update={"blocks": blocks})


def block_zones(blocks: list[Block]) -> list[Zone]:
    """One zone a block: the zone a heading or label opened, else the block's own shape."""
    out: list[Zone] = []
    opened: Zone | None = None       # the zone of the last zone heading, until the next heading
    listed: Zone | None = None       # the zone of a label line ("Appendices:"), over its list
    for i, block in enumerate(blocks):
        text = block.text.strip()
        label = _label_zone(text)
        if label is not None:
            listed = label
            out.append(label)
            continue
        heading = _heading_zone(block)
        if heading is None and opened is not None and LETTERED_ITEM.match(text):
            out.append(opened)
            continue
        if heading is not None or _is_heading(block):
            opened = heading
            listed = None
            out.append(heading or _own_zone(block, blocks[i - 1] if i else None))
            continue
        if listed is not None and not (block.kind in (BlockKind.bullet, BlockKind.numbered, BlockKind.table_cell)
                                       or _own_zone(block, blocks[i - 1] if i else None) != Zone.body):
            listed = None
        out.append(opened or listed or _own_zone(block, blocks[i - 1] if i else None, out[-1] if out else None))
    return out


def _heading_text(text: str) -> str:
    return LABEL_END.sub("", HEADING_NUMBER.sub("", text.strip())).strip()


def _is_heading(block: Block) -> bool:
    """A heading, or a numbered line that reads as one ("11. Background Documents")."""
    if block.kind == BlockKind.heading:
        return True
    text = block.text.strip()
    return block.kind == BlockKind.numbered and bool(HEADING_NUMBER.match(text)) and \
        len(text.split()) <= 8 and not re.search(r"[.;,]$", text) and text[-1:] != ":"


def _heading_zone(block: Block) -> Zone | None:
    if not _is_heading(block) and not (block.kind == BlockKind.body and len(block.text.split()) <= 6):
        return None
    words = _heading_text(block.text)
    for pattern, zone in ZONE_HEADINGS:
        if pattern.match(words):
            return zone
    return None


def _label_zone(text: str) -> Zone | None:
    """'Appendices:' or 'Background papers -' on a line of its own opens a list of that zone."""
    if not LABEL_END.search(text) or len(text.split()) > 6:
        return None
    words = _heading_text(text)
    for pattern, zone in ZONE_HEADINGS:
        if pattern.match(words):
            return zone
    return None


def _own_zone(block: Block, before: Block | None, before_zone: Zone | None = None) -> Zone:
    """The zone a block's own shape shows, whatever heading it sits under."""
    text = block.text.strip()
    if EMAIL.search(text) or (PHONE.search(text) and len(text.split()) <= 30):
        return Zone.contacts
    if CITATION.search(text) or (block.kind == BlockKind.body and FOOTNOTE.match(text)) or (URL.search(text) and len(text.split()) <= 25):
        return Zone.references
    if AGENDA_LINE.search(text):
        return Zone.agenda
    if FORM_FIELD.match(text) or (block.kind == BlockKind.table_cell and (ANSWER.match(text) or FORM_QUESTION.match(text))):
        return Zone.form
    if block.kind != BlockKind.table_cell and len(text.split()) <= 12 and CONTENTS_LINE.search(text) \
            and before is not None and CONTENTS_LINE.search(before.text.strip()):
        return Zone.contents
    if QUOTED.match(text) and before is not None and (before_zone == Zone.statute or STATUTE_LEAD.search(before.text)):
        return Zone.statute
    return Zone.body


def body_text(paper: ParsedPaper) -> str:
    """The paper's text with every block outside the body blanked (offsets kept), for the
    steps that read the whole text at once, such as finding the paper's bodies."""
    if all(block.zone == Zone.body for block in paper.blocks):
        return paper.text
    chars = list(paper.text)
    for block in paper.blocks:
        if block.zone != Zone.body:
            chars[block.char_start:block.char_end] = " " * (block.char_end - block.char_start)
    return "".join(chars)
