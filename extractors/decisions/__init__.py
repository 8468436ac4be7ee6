"""Decisions: what a body is asked to decide, has decided, or will decide.

Board papers state decisions in a few constructions, whatever the council or NHS body:
  asks        "Cabinet is asked to: (a) AGREE ... (b) DELEGATE ...", "The Board is recommended to note ...",
              "RECOMMENDATION(S):" sections whose items are imperatives or "That ..."
  resolutions "RESOLVED that ...", "It was agreed that ...", "Members agreed to ...", "I, as Leader, agree to ..."
  taken       "... was approved by Cabinet in ...", "This option was not taken forward"
  pending     "will be asked to decide", "a decision is expected", "will consider ... at its meeting on ..."
  tables      a 'Decision' column's cells ("Approved.", "Rejected. Does not meet the criteria"), a cover
              sheet's 'Recommendation(s) | Approve the plan.'

suggest   every sentence that one construction puts forward, as a Candidate (recall first);
classify  the reason to drop a candidate (a paragraph number or heading taken for a list item, a
          lead-in whose items are the decisions, a rule about what bodies may or must do), or None;
fill      the Decision: the deciding body, the kind (from the construction), the date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.context import PaperContext, Sentence
from extractors.organisations import OrgIndex
from extractors.cues import QUESTION, opens_with_imperative
from extractors.decisions.cues import (ACTIVE_TAKEN, AGENT, ANAPHOR, ASK, ASK_HEADING, BARE_BODY, BODY_LEAD, BODY_NAME,
                                      CONTINUES, COUNCIL_PARTS, DANGLING, FORM_FIELD, FORMAL, MARKER, MINUTES_OF, NEGATED,
                                      NO_MEETING_NAME, OBJECT_LEAD, OPINION, PATTERNS, PENDING, PERSON, PRESENT, PUT_TO,
                                      QUALIFIED_COUNCIL, RULE, STATUTE, SUBJECT_BODY, TAKEN, THAT_ITEM, THAT_VERB, TRIGGERS, VERBS, WORD)
from extractors.decisions.tables import decided, decision_cells, labelled_cells, whole_cell
from schemas import BlockKind, Decision

# '(1) the report be noted', 'Officers should report back': a resolved or asked clause with its subject.
SUBJUNCTIVE = re.compile(r"\b(?:should|will|shall|must)\b|(?<!to )\bbe\s+[a-z]{3,}\b")
SHORT = 6    # words: a decision this short on a dated line quotes its whole line

KINDS = {"ask": "recommendation", "resolution": "taken", "taken": "taken", "pending": "pending"}


@dataclass
class Candidate:
    """A sentence one construction puts forward as a decision."""

    sentence: Sentence
    cue: str                 # ask | resolution | taken | pending
    item: bool = False       # an item of a list (or section) of asks or resolutions
    lead: str = ""           # the lead-in or heading the item sits under, naming who decides
    objects: bool = False    # the lead-in ends in its verb ('asked to approve the following:'): its items are objects
    cell: bool = False       # a cell of a decision table's decision column (tables.py)
    previous: Sentence | None = None   # what 'This was approved' refers to, in the same block


@dataclass
class _Lead:
    sentence: Sentence
    cue: str
    done_only: bool = False     # 'The Committee:' heads what it did ('noted ...'), not what it does ('promotes ...')


def extract_decisions(ctx: PaperContext) -> list[Decision]:
    return [fill(ctx, c) for c in suggest(ctx) if classify(c) is None]


# --- suggest -------------------------------------------------------------------------------

def suggest(ctx: PaperContext) -> list[Candidate]:
    """Candidates in reading order: the items under an ask or a resolution (a lead-in ending
    in ':', a minute's 'The Committee:', a heading such as 'Recommendations' or a cover sheet's
    row label), items that open 'That ...', a decision table's cells (tables.py), and sentences
    with a construction of their own; a pending clause inside a decision taken is one more."""
    out: list[Candidate] = []
    lead: _Lead | None = None
    before: Sentence | None = None
    cells, done, labelled = decision_cells(ctx), set(), labelled_cells(ctx)
    for i, s in enumerate(ctx.sentences):
        if s.block_index in done:
            continue
        label = labelled.get(s.block_index)
        if label and (_starts_item(s, before) or (s.first_in_block and not _sentence_cue(s.text))):
            out.append(Candidate(s, _heading_cue(label) or "ask", item=True, lead=label))
            before = s
            continue
        if s.block_index in cells and s.first_in_block:
            cell = whole_cell(ctx, i)
            if decided(cell.text) or cells[s.block_index]:     # else its sentences are read as prose
                done.add(s.block_index)
                out.append(Candidate(cell, "taken" if decided(cell.text) else "resolution", cell=True))
                lead, before = None, s
                continue
        if lead and not _in_list(ctx, lead.sentence, before, s):
            lead = None
        section_cue = _heading_cue(s.section)
        cue = _sentence_cue(s.text)
        if lead and lead.done_only and _starts_item(s, before) and not _done(s.text):
            lead = None
        if lead and _starts_item(s, before):
            out.append(Candidate(s, lead.cue, item=True, lead=lead.sentence.text,
                                 objects=bool(OBJECT_LEAD.search(lead.sentence.text))))
        elif (_starts_item(s, before) or (s.first_in_block and opens_with_imperative(s.text))) and section_cue:
            out.append(Candidate(s, section_cue, item=True, lead=_heading(s.section)))
        elif (_starts_item(s) or s.first_in_block) and _motion(MARKER.sub("", s.text, count=1)):
            out.append(Candidate(s, "ask", item=True))
        elif cue:
            out.append(Candidate(s, cue, previous=before if before and before.block_index == s.block_index else None))
            out += _pending_clause(ctx, out[-1])
        elif out and out[-1].sentence is before and before.block_index == s.block_index and CONTINUES.match(s.text) \
                and out[-1].cue in ("ask", "resolution"):
            out.append(Candidate(s, out[-1].cue, item=out[-1].item, lead=out[-1].lead or out[-1].sentence.text))
        if s.text.rstrip().endswith(":") and (cue in ("ask", "resolution") or ASK_HEADING.match(s.text)
                                              or _motion(MARKER.sub("", s.text, count=1))):
            lead = _Lead(s, cue if cue in ("ask", "resolution") else _heading_cue(s.text) or "ask")
        elif BODY_LEAD.match(s.text):
            lead = _Lead(s, "resolution", done_only=True)    # 'The Committee:' over what it noted and agreed
        elif lead and out and out[-1].sentence is s and out[-1].item and _words(s.text) \
                and classify(out[-1]) == "heading":
            lead = None          # '1. Introduction' after the asks: the report's body has begun
        before = s
    return out


# A decision's label that only proposes it: 'Decision: Cabinet propose to:' heads a proposed record
# of decision, its items still to be taken; not 'proposed to Council', a resolution of minutes.
AHEAD_OF = re.compile(r"(?:prior\s+to|ahead\s+of|pending)\s", re.I)
PROPOSES = re.compile(r"\bpropos(?:e|es|ing)\s+to(?:\s*:|\s+[a-z])")


def _sentence_cue(text: str) -> str | None:
    """The construction a sentence states a decision in, if any: ask, resolution, pending or taken.
    A pattern is tried only on a sentence with one of its words (a long alternation is slow)."""
    words = set(WORD.findall(text.lower()))
    ask = words & TRIGGERS["ask"] and ASK.search(text)
    if ask and (text.rstrip().endswith(":") or not ask.group(0).endswith("to") or _asks_a_decision(text[ask.end():])):
        return "ask"
    for cue in ("resolution", "pending", "taken"):
        if words & TRIGGERS[cue] and (found := PATTERNS[cue].search(text)):
            if cue == "pending" and AHEAD_OF.match(found.group(0)) and TAKEN.search(text, 0, found.start()):
                return "taken"      # its pending clause is a decision of its own (_pending_clause)
            return "ask" if cue == "resolution" and PROPOSES.search(text) else cue
    return None


def _motion(text: str) -> bool:
    """A motion's form, 'That the Board notes ...', 'That £2m be added ...', 'That officers should
    ...', and not 'That model was tested ...' or 'That approach will help ...': its first verb is
    a subjunctive, 'should' or a verb of deciding."""
    if not THAT_ITEM.match(text):
        return False
    verb = THAT_VERB.search(text, 5)
    return bool(verb) and not verb.group("indicative")


def _asks_a_decision(rest: str) -> bool:
    """'... is asked to NOTE and AGREE' but not '... is being asked to overcome the challenges'."""
    word = re.match(r"\s*(?:\w+ly\s+)?([A-Za-z]+)", rest)
    return not word or word.group(1).lower() in VERBS | {"be", "the", "that", "a", "members", "cabinet", "council"}


def _pending_clause(ctx: PaperContext, c: Candidate) -> list[Candidate]:
    """'RESOLVED that Cabinet ... and endorsed the budget to be presented to Council for decision':
    the clause still to be decided is a pending decision of its own."""
    if c.cue not in ("resolution", "taken"):
        return []
    text = c.sentence.text
    pending = PENDING.search(text)
    if not pending:
        return []
    if AHEAD_OF.match(pending.group(0)) and pending.start() > 0:
        # '... was endorsed at the Committee prior to decision by Cabinet': the two clauses part there
        return [Candidate(c.sentence.clause(pending.start(), len(text), ctx.ref_date), "pending")]
    joins = [m for m in re.finditer(r",?\s+and\s+", text) if m.end() <= pending.start()]
    if joins:
        return [Candidate(c.sentence.clause(joins[-1].end(), len(text), ctx.ref_date), "pending")]
    return []


@lru_cache(maxsize=1024)
def _heading_cue(section: str) -> str | None:
    heading = _heading(section)
    if not ASK_HEADING.match(heading):
        return None
    return "resolution" if re.search(r"resol|decision|agreed", heading, re.I) else "ask"


def _heading(section: str) -> str:
    """The innermost heading with words: '2. Recommendations > 2.1' -> '2. Recommendations'."""
    worded = [part for part in section.split(" > ") if re.search(r"[A-Za-z]{3}", part)]
    return worded[-1] if worded else ""


def _starts_item(s: Sentence, before: Sentence | None = None) -> bool:
    """The first sentence of a list item, one that opens with its own list mark ('and B. ...'), or
    the words after a list mark the sentence splitter cut off ('1.' | 'That the report be noted.')."""
    if MARKER.match(s.text) or (s.first_in_block and s.kind in (BlockKind.bullet, BlockKind.numbered)):
        return True
    return before is not None and before.block_index == s.block_index and bool(MARKER.match(before.text)) \
        and not _words(before.text)


def _in_list(ctx: PaperContext, lead: Sentence, before: Sentence | None, s: Sentence) -> bool:
    """Whether `s` still belongs to the list `lead` opened: the same section, no heading
    between, and every block since the lead-in an item (or more of one)."""
    if s.section != lead.section or before is None:
        return False
    blocks = ctx.paper.blocks
    if any(blocks[i].kind == BlockKind.heading for i in range(before.block_index + 1, s.block_index)):
        return False
    return s is not lead and (_starts_item(s) or s.block_index == before.block_index)


# --- classify ------------------------------------------------------------------------------

def classify(c: Candidate) -> str | None:
    """Why the candidate is not a decision ('number', 'heading', 'lead-in', 'question', 'form
    field', 'fragment', 'rule', 'negated', 'undertaking', 'opinion', 'statute'), or None when it is one."""
    text = c.sentence.text
    if not _words(text):
        return "number"
    if QUESTION.search(text):
        return "question"
    if text.rstrip().endswith(":") and c.cue in ("ask", "resolution", "taken"):
        return "lead-in"
    if c.cell:
        return "fragment" if DANGLING.search(text) or (len(_words(text)) < 2 and not decided(text)) else None
    if c.item:
        return None if _real_item(text) or (c.objects and _object_item(text)) else "heading"
    if FORM_FIELD.search(text):
        return "form field"
    if DANGLING.search(text):
        return "fragment"         # 'Committee recommended that' cut off by a page or a cell
    if c.cue in ("taken", "pending"):
        cue = PATTERNS[c.cue].search(text)
        if RULE.search(text[:cue.start()]):
            return "rule"
        if NEGATED.search(text[:cue.start()]):
            return "negated"
        if re.match(r"agreed|approved|decided", cue.group(0)):
            if PERSON.search(text[:cue.start()]):
                return "undertaking"
            if OPINION.search(text[:cue.start()]):
                return "opinion"
        if STATUTE.search(text):
            return "statute"
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", MARKER.sub("", text, count=1))


def _real_item(text: str) -> bool:
    """An item that asks or resolves something: 'AGREE the ...', 'approves the ...', 'That the
    Board notes ...', 'To approve ...', 'Senior officers should ...'; never '1.2.' or '1. Introduction'."""
    words = _words(text)
    if not words:
        return False
    first = words[0].lower()
    if _verb(first) or (first == "to" and len(words) > 1 and _verb(words[1].lower())):
        return True
    if first == "that" and len(words) > 2:
        return True
    return len(words) >= 4 and bool(SUBJUNCTIVE.search(text))


def _done(text: str) -> bool:
    """An item that opens with what was done: 'noted the report;', 'RESOLVED to ...', '(b) agreed ...'."""
    words = _words(text)
    return bool(words) and words[0].lower().endswith("ed") and _verb(words[0].lower())


def _object_item(text: str) -> bool:
    """What a lead-in's verb takes ('... asked to approve:' | 'the revised terms of reference;'): a phrase
    of a few words that ends as a list item does, never a bare heading ('Appendices')."""
    return len(_words(text)) >= 3 and bool(re.search(r"(?:[.;,]|\b(?:and|or))\W*$", text))


def _verb(word: str) -> bool:
    """'approve', 'approves', 'approved' (a minute's items: '(i) noted the report')."""
    return any(word[:len(word) - len(end)] in VERBS for end in ("", "s", "es", "d", "ed") if word.endswith(end))


# --- fill ----------------------------------------------------------------------------------

def fill(ctx: PaperContext, c: Candidate) -> Decision:
    kind = KINDS[c.cue]
    return Decision(**_provenance(ctx, c), body=_body(ctx, c), kind=kind, date_text=_date(c, kind))


def _provenance(ctx: PaperContext, c: Candidate) -> dict:
    """The sentence's words; 'This was approved by the Board' with what 'This' was; a short
    decision on a dated line ('September 2019: ... Governing Bodies make decision.') its line."""
    s = c.sentence
    out = s.provenance(ctx.document)
    if c.previous is not None and ANAPHOR.match(s.text):
        start = c.previous.char_start
        return {**out, "quote": ctx.paper.text[start:s.char_end], "char_start": start}
    if s.heading_date is not None and len(s.text.split()) < SHORT:
        block = ctx.paper.blocks[s.block_index]
        return {**out, "quote": block.text, "char_start": block.char_start, "char_end": block.char_end}
    return out


def _body(ctx: PaperContext, c: Candidate) -> str | None:
    """Who decides: the body an ask is put to ('Cabinet is asked to'), the body that resolved
    ('RESOLVED that Cabinet ...'), the agent of a passive ('approved by the Board', 'awaited
    from Government'), the body a proposal goes to for decision ('presented to Cabinet for
    approval') or the subject of the verb; else the paper's board (for asks and resolutions)
    or its author."""
    fallback = (ctx.orgs.board or ctx.orgs.author if c.cue in ("ask", "resolution") else ctx.orgs.author) or \
        minuted_meeting(ctx.orgs, ctx.paper.cover_lines[:8])
    text = c.lead or c.sentence.text
    cue = PATTERNS[c.cue].search(text)
    if cue is None:           # an item under a heading, or 'That the Board ...'
        return _named(ctx, re.sub(r"^\W*That\s+", "", MARKER.sub("", text, count=1)), first=True) or fallback
    agent = (c.cue == "pending" and PUT_TO.search(text, cue.start(), cue.end())) or \
        AGENT.search(text, cue.start(), cue.end() + 40)
    # 'The Board ratified the decision of the Committee': in the active voice the subject decided.
    active = c.cue == "taken" and ACTIVE_TAKEN.search(cue.group(0))
    if c.cue in ("taken", "pending") and agent and not active and (named := _named(ctx, text[agent.end():agent.end() + 80], first=True)):
        return named
    subject_end = cue.start() + (len(cue.group(0).split()[0]) if c.cue == "resolution" and BARE_BODY.match(cue.group(0)) else 0)
    if SUBJECT_BODY.search(text, 0, subject_end):
        # 'The Board supported the proposal to set up a Quality Committee', 'The Board NOTED the Chief
        # Executive's report', 'The Cabinet RESOLVED to ...': the subject, a body named by its head noun,
        # decided; a body named in the object did not.
        return _named(ctx, text[:subject_end], first=False) or fallback
    if c.cue == "resolution" and re.match(r"RESOLVED|It\s+was", cue.group(0), re.I):
        after = re.sub(r"^\s*(?:that|:|-)\s*", "", text[cue.end():cue.end() + 60], flags=re.I)
        return _named(ctx, after, first=True) or fallback
    return _named(ctx, text[:subject_end], first=False) or \
        (c.cue in ("ask", "resolution") and _named(ctx, text[cue.start():cue.end() + 60], first=True)) or fallback


def minuted_meeting(orgs: OrgIndex, cover: list[str]) -> str | None:
    """The meeting minutes record, for minutes whose author and board are not known: 'Minutes of
    the Digital Suppliers Subgroup', or the first line of a cover that lists those present
    ('Finance and Resources Committee' / 'Tuesday 4th June 2019' / 'Present: ...'); under the name
    the paper knows it by, when it names it."""
    lines = [line.strip() for line in cover if line.strip()]
    named = next((m.group("body") for line in lines[:3] if (m := MINUTES_OF.match(line))), None)
    if named is None and lines and not re.search(r"\d", lines[0]) and len(lines[0].split()) <= 10 \
            and any(PRESENT.match(line) for line in lines[1:6]):
        named = lines[0]
    if not named or NO_MEETING_NAME.fullmatch(named.strip()):
        return None
    key = _name_key(named)
    known = [e.name for e in orgs.entries if _name_key(e.name) == key]
    return orgs.canonical(named) or (known[0] if known else named.strip())


def _name_key(name: str) -> str:
    """A meeting's name as the paper may write it again: 'Amenities, Leisure & Community Service
    Committee' and 'Amenities, Leisure and Community Services' are one name."""
    words = re.sub(r"[^\w\s]", " ", name.lower().replace("&", " and ")).split()
    return " ".join(w.rstrip("s") for w in words if w not in ("the", "committee", "meeting"))


def _named(ctx: PaperContext, phrase: str, first: bool) -> str | None:
    """The body `phrase` names (its first or, for a subject, its last): a body the paper knows
    (its author, of a subject's several), else a name with a body's head noun: 'Cabinet' is the
    author council's cabinet, 'the County Council' the paper's one county council, a bare
    'Committee' or 'Members' the paper's board, 'the Scrutiny Committee' the council's own."""
    author = ctx.orgs.author
    qualified = QUALIFIED_COUNCIL.search(phrase)
    if qualified:
        councils = [e.name for e in ctx.orgs.entries if e.org_type == "council" and " and " not in e.name
                    and e.name.endswith(qualified.group(1))]
        if len(councils) == 1:
            return councils[0]
    mentions = ctx.orgs.find(phrase)
    if mentions:
        names = [m.name for m in mentions]
        return author if author in names else names[0] if first else names[-1]
    names = list(BODY_NAME.finditer(phrase))
    if not names:
        return None
    name = re.sub(r"^The\s+", "", (names[0] if first else names[-1]).group(0))
    head = name.split()[-1]
    council = author if author and author.endswith("Council") else None
    if head in ("Council", "Authority"):
        return council
    if name in ("Members", "members") or (name == head and head in COUNCIL_PARTS | {"Board"}):
        board = ctx.orgs.board
        if board and (name.lower() == "members" or board.endswith(head)):
            return board
        if council and head in ("Cabinet", "Executive"):
            return f"{council} {head}"
        # 'the Committee' in a paper to Cabinet that names one committee: that committee.
        only = {e.name for e in ctx.orgs.entries if e.name.endswith(f" {head}")} if head != "Board" else set()
        return only.pop() if len(only) == 1 else None
    return f"{council} {name}" if council and head in COUNCIL_PARTS else name


def _date(c: Candidate, kind: str) -> str | None:
    """When it was or will be decided: a dated line's date, or the sentence's date nearest
    after the decision's verb ('the 2025/26 budget, agreed by Council in February 2025'), else
    before it. An ask's dates are of what it asks for ('transfer from 1 April'), never of the
    decision; so are a decision's spans and periods ('extend until 24 August', 'a contract for
    16/17'); a resolution is dated by the meeting that resolved it, whatever dates it names."""
    s = c.sentence
    if s.heading_date is not None:
        return s.heading_date.text
    if kind == "recommendation" or FORMAL.search(c.lead or s.text):
        return None
    dates = [d for d in s.dates if not re.match(r"(?:until|from|to)\b", d.text, re.I)
             and not re.search(r"\bfor\s+$", s.text[:d.start])]
    cue = PATTERNS[c.cue].search(s.text)
    after = [d for d in dates if cue and d.start >= cue.start()]
    date = after[0] if after else dates[-1] if dates else None
    if date is None and c.previous is not None and ANAPHOR.match(s.text) and c.previous.dates:
        date = c.previous.dates[0]      # 'In May a plan was drafted. This was approved by the Board.'
    return re.sub(r"^(?:in|on|at|during)\s+", "", date.text) if date else None
