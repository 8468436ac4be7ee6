"""Paper metadata from the cover sheet: committee, date, title, authors, the authoring body
and the body the paper goes to.

Cover sheets are forms: ModernGov report covers ("From:", "To:", "Subject:", "Date:", "Key
decision:"), CCG and ICB cover sheets ("Date:", "Title:", "Report of:"), minutes headers
("MINUTES of a meeting of the Cabinet held on ..."), letters ("Dear ...", "RE: ..."), agenda
front sheets, or a title page. `cover_fields` reads the labelled lines (a value may run on over
the lines below it, up to the next label, section heading, status mark or sentence); the rest
reads the fields, and falls back on the headings when no field gives a title.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extractors.cues import PAST
from extractors.dates import find_dates
from extractors.organisations import OrgIndex
from pipeline.authorship import HWB, author_body
from schemas import Document, ParsedPaper

JHOSC = re.compile(r"\bJH?OSC\b|\bJoint\s+H?OSC\b|Joint\s+(?:Health\s+)?(?:and\s+)?Overview\s+(?:and|&)\s+Scrutiny|"
                   r"Joint\s+Health\s+Scrutiny", re.I)
# "Report Title: ...", "Date of meeting - ...": a form's label, a colon or dash, its value.
FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z’'()/&\- ]{0,40}?)\s*(?::|\s[-–]\s)\s*(?P<value>.*)$|"
                   r"^(?P<label2>Report\s+(?:from|of|by|to))\s+(?P<value2>.+)$", re.I)
LABELS = {
    "title": r"(?:(?!job\b|post\b|role\b)[a-z]+\s+){0,2}(?:title|subject)(?:\s+of\s+(?:the\s+)?(?:report|decision|paper|item))?|"
             r"subject\s+matter(?:\s*/\s*title\s+of\s+decision)?|re|"
             r"(?:amendment|motion|project|scheme|proposal|petition|programme|item|report|paper|decision)\s+name",
    "date": r"(?:(?:board\s+|committee\s+)?meeting\s+|report\s+|decision\s+)?date"
            r"(?:\s+of\s+(?:the\s+)?(?:(?:board|committee|cabinet|council)\s+)?(?:meeting|report|decision|paper))?",
    "author": r"(?:report\s+)?authors?|owner|contact\s+officers?|lead\s+officers?|presented\s+by|responsible\s+officer",
    "from": r"from|report\s+(?:from|of|by)|submitted\s+by|sponsor(?:ing)?\s+director",
    "to": r"to|report\s+to|meeting|decision\s+(?:to\s+be\s+)?taken\s+by|decision\s+maker|committee|"
          r"name\s+of\s+(?:the\s+)?(?:meeting|committee|board)|(?:meeting|committee|board)\s+name",
    "number": r"(?:[a-z]+\s+){0,2}(?:no|number|ref(?:erence)?\s+(?:no|number))\.?",
}
LABEL_OF = [(kind, re.compile(rf"(?:{rx})", re.I)) for kind, rx in LABELS.items()]
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
BARE_FIELD = re.compile(r"^(?P<label>(?:[A-Z][A-Za-z]*\s+){0,2}Title|(?:Meeting\s+)?Date(?:\s+of\s+(?:the\s+)?Meeting)?)"
                        r"\s+(?P<value>(?:[A-Z0-9]|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day).*)$")
HEADING = re.compile(r"(?:executive\s+|report\s+)?summary|purpose(?:\s+of\s+(?:the\s+|this\s+)?(?:report|paper))?|"
                     r"recommendations?|background|introduction|context|overview|contents|foreword|preface|"
                     r"key\s+(?:points|issues|messages|decision)|(?:action|decision)s?\s+required|"
                     r"for\s+(?:information|decision|approval|discussion|noting|assurance|consideration)|"
                     r"classification|electoral\s+divisions?|wards?\s+affected|appendi(?:x|ces)(?:\s+\w+)?", re.I)
STATUS = re.compile(r"(?:draft|final|official(?:[\s\-–]+sensitive)?|unrestricted|restricted|confidential|exempt|"
                    r"not\s+protectively\s+marked|public|private|part\s+(?:1|2|i|ii|one|two)|"
                    r"for\s+publication(?::?\s+\w+)?|public\s+document\s+pack|version\s+[\d.]+)", re.I)
NUMBERED = re.compile(r"^\(?(?!(?:19|20)\d\d\b)\d+(?:\.\d+)*[.)]?\s+\S|^[A-Z]\.\s")
MINUTES = re.compile(r"\bminutes\s+of\s+(?:the\s+|a\s+)?(?:(?:\w+\s+)?meeting\s+of\s+(?P<body>.+?)|"
                     r"(?!(?:the|previous|last)\s+meeting\b)(?P<named>.+?)\s+meeting|(?<=the\s|..a\s)(?P<unnamed>meeting))"
                     r"\s+held\b", re.I)
SENTENCE_END = re.compile(r"(?:[a-z]{3,}|\d{4})\.(?:\s+[A-Z]|\s*$)")       # a title is no sentence
MEETING_DATE = re.compile(r"\bmeeting\b", re.I)
DECIDED_ON = re.compile(r"\b(?:decision|decided|determined|consideration|considered|taken)\s+(?:by|at)\s+(?:the\s+)?"
                        r"[A-Z][^.;:\n]{0,60}?\s+on\s+(?P<date>(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4})")
SALUTATION = re.compile(r"^Dear\s+\S", re.I)
OFFICE = re.compile(r"\b(?:Director|Head|Chief|Officer|Manager|Lead|Executive|Secretary|Clerk|Commissioner|Leader|"
                    r"Chair|Cabinet|Council|Board|Committee|Team|Service)\b")
# A line that is a body's name: capitalised words ending in a kind of body that meets.
BODY_LINE = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’\-]*\s+|(?:and|of|&)\s+)*"
                       r"(?:Council|Cabinet|Board|Committee|Panel|Forum|Executive|Partnership|Trust|CCG|ICB|"
                       r"Clinical\s+Commissioning\s+Group)(?:\s*\((?:Public|Part\s+[12I]+)\))?|"
                       r"(?:London|Royal)\s+Borough\s+of\s+[A-Z][\w'’\-]*(?:\s+(?:and\s+)?[A-Z][\w'’\-]*)*")
AGENDA = re.compile(r"^(?:(?:supplementary|revised)\s+)?agenda$", re.I)
HEADER = re.compile(r"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?[\w.]+|report\s+no\.?\s*[\w/.\-]+|page\s+\d+(?:\s+of\s+\d+)?)$", re.I)
SMALL_WORDS = {"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
PAPER_TITLE = re.compile(r"\bpaper\s*:\s*(?P<value>.+)", re.I)
ABOVE = re.compile(r"^(?:the\s+)?above\s+", re.I)
# A browser's print stamp before a web page's title in its header: '10/02/2018 14:05 Growth Board ...'.
PRINT_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?\s+(?=\S)")
NAMED_DAY = re.compile(r"(?<![\d])((?:19|20)\d\d)[-_]([01]\d)[-_]([0-3]\d)(?![\d])")


@dataclass
class Field:
    kind: str
    value: str
    label: str = ""


def detect_metadata(paper: ParsedPaper, first_lines: list[str], bodies: OrgIndex) -> Document:
    """The paper's Document record; every field is best effort and None when not stated."""
    lines = [ln.strip() for ln in first_lines if ln.strip()]
    fields = cover_fields(lines)
    meeting = meeting_body(lines, fields)
    title = _title(lines, fields)
    organisation = author_body(paper, lines, fields, bodies, meeting, title)
    return Document(doc_id=paper.sha256, doc=paper.stem, path=paper.path, pages=paper.pages,
                    committee=_committee(meeting, "\n".join(lines[:15]), organisation),
                    date=_date(lines, fields, paper.text) or date_in_name(paper.stem),
                    title=title, authors=_authors(fields), organisation=organisation)


def cover_fields(lines: list[str]) -> list[Field]:
    """The cover's labelled fields in order; a title's value runs on over up to three lines
    that are neither another field, a numbered heading nor a section heading, a body's over
    one short line ('Report from NHS Exampleton Clinical Commissioning' / 'Group')."""
    out: list[Field] = []
    for i, line in enumerate(lines[:40]):
        label, value = _field(line)
        kind = _label_kind(label) if label else None
        if not kind:
            continue
        value = _own_value(value)
        run_on = 3 if kind == "title" else 1 if kind in ("from", "to", "author") else 0
        for nxt in lines[i + 1:i + 1 + max(run_on, 1)]:
            if _field(nxt)[0] or NUMBERED.match(nxt) or _is_heading(nxt) or value.endswith((".", ";")) \
                    or SENTENCE_END.search(nxt) \
                    or (value and not run_on) or (kind != "title" and len(nxt.split()) > 5):
                break
            value = f"{value} {nxt}".strip()      # a label with its value on the lines below
        out.append(Field(kind, value, label))
    return out


def _field(line: str) -> tuple[str | None, str]:
    """(label, value) of a form's line: 'Title: X', 'Date of meeting - X', 'Report of X', and
    a table's label cell without its colon ('Report Title X', 'Meeting Date 5 June 2019')."""
    m = FIELD.match(line)
    if m:
        return (m.group("label") or m.group("label2")).strip(), (m.group("value") or m.group("value2") or "").strip()
    m = BARE_FIELD.match(line)
    if m:
        return m.group("label"), m.group("value").strip()
    alone = line.strip()
    return (alone, "") if _label_kind(alone) in ("title", "date") and alone[:1].isupper() and alone.lower() != "re" \
        else (None, "")


def _label_kind(label: str) -> str | None:
    label = CAMEL.sub(" ", label.strip())      # 'AmendmentName' as extracted from a form
    for kind, rx in LABEL_OF:
        if rx.fullmatch(label):
            return kind
    return None


def _own_value(value: str) -> str:
    """A value up to the next field on its line ('X  AmendmentNumber: 7' -> 'X'); a value
    that is itself only the next label ('DECISION NO:') is empty."""
    for colon in re.finditer(r":(?:\s|$)", value):
        words = value[:colon.start()].split()
        for n in range(min(4, len(words)), 0, -1):    # the longest label first
            label = " ".join(words[-n:])
            if label[:1].isupper() and _label_kind(label):
                return " ".join(words[:-n])
    return value


def _is_heading(line: str) -> bool:
    """A section heading, status marking or form label that ends a title ('Summary',
    'Purpose of the report', 'DRAFT', 'Key decision', 'Author Jo Bloggs')."""
    text = line.strip().rstrip(":").strip()
    if HEADING.fullmatch(text) or STATUS.fullmatch(text):
        return True
    words = text.split()       # a label without its colon; 'Committee', 'Meeting' also open titles' lines
    return bool(text[:1].isupper()) and any(_label_kind(" ".join(words[:n])) not in (None, "to")
                                            for n in range(1, min(4, len(words))))


def _first(fields: list[Field], kind: str) -> str | None:
    return next((f.value for f in fields if f.kind == kind and f.value), None)


def _minutes(lines: list[str]) -> tuple[int, re.Match] | None:
    """'MINUTES of a meeting of the Cabinet held in ...' or 'Minutes of the Cabinet meeting
    held on ...', over at most two lines: its line's index and the match."""
    for i, line in enumerate(lines[:12]):
        m = MINUTES.search(line) or MINUTES.search(" ".join(lines[i:i + 2]))
        if m and m.start() < len(line) and not NUMBERED.match(line):      # not an agenda's item
            return i, m
    return None


def _minuted_body(lines: list[str], found: tuple[int, re.Match]) -> str | None:
    """The body whose meeting is minuted, as written; 'the above Council', or a meeting named
    by no body, is the heading line's above ('LOWMEAD COMMUNITY COUNCIL' / 'Minutes of a
    meeting of the above Council'; 'HEALTH AND WELLBEING BOARD' / 'MINUTES of the meeting held')."""
    at, m = found
    body = re.sub(r"^the\s+", "", (m.group("body") or m.group("named") or "").strip(), flags=re.I)
    if body and not ABOVE.match(body):
        return body
    above = [ln for ln in lines[:at] if not (STATUS.fullmatch(ln.strip()) or HEADER.match(ln) or _dated_header(ln))]
    heading = above[-1] if above else ""
    return _recased(heading) if heading and len(heading.split()) <= 8 and not _field(heading)[0] else None


def meeting_body(lines: list[str], fields: list[Field] | None = None) -> str | None:
    """The body the paper goes to or whose meeting it minutes, as written: 'To: Cabinet - 30
    January 2025' -> 'Cabinet'; 'Minutes of a meeting of the Cabinet held ...' -> 'Cabinet'."""
    found = _minutes(lines)
    if found:
        return _minuted_body(lines, found)
    to = _first(cover_fields(lines) if fields is None else fields, "to")
    if to:
        to = re.split(r"\s+[-–]\s+|\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}|,|\s+on\s+|\s+\d+/\d+", to)[0].strip()
        return to if to and len(to.split()) <= 10 else None
    return None


def _recased(text: str) -> str:
    """An all-capitals heading in title case ('LOWMEAD COMMUNITY COUNCIL' -> 'Lowmead
    Community Council'); other text as written."""
    if not text.isupper():
        return text
    words = text.lower().split()
    return " ".join(w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _committee(meeting: str | None, head: str, author: str | None) -> str:
    """The board the paper goes to or minutes, else the one its cover names; else, for a paper
    the board itself wrote (its strategy, its annual report), that board."""
    for text in (meeting or head, author or ""):
        found = [(m.start(), name) for name, rx in (("JHOSC", JHOSC), ("HWB", HWB)) for m in [rx.search(text)] if m]
        if found:
            return min(found)[1]
    return "other"


def _iso(mention) -> str:
    interval = mention.interval
    if interval.precision == "day":
        return interval.start.isoformat()
    if interval.precision == "month":
        return interval.start.isoformat()[:7]
    return str(interval.start.year)


def _date(lines: list[str], fields: list[Field], text: str = "") -> str | None:
    """A minutes' 'held on' date, a labelled meeting date, another labelled date or a date
    the 'To:' line gives; then a line that is a date; then the day the paper says its decision
    is taken ('prior to decision by Cabinet on 30 January 2025'); then the latest date the
    cover reports as past (a paper is written after what it reports)."""
    labelled = [f.value for f in sorted((f for f in fields if f.kind in ("date", "to")),
                                        key=lambda f: (f.kind != "date", not MEETING_DATE.search(f.label)))]
    minutes = _minutes(lines)
    if minutes:
        at, m = minutes
        labelled.insert(0, " ".join(lines[at:at + 3])[m.end() - len(" held"):])
    for value in labelled:
        found = find_dates(value)
        if found:
            return _iso(found[0])
    for line in lines[:12]:
        found = find_dates(line)
        if found and (found[0].text.strip() == line.strip(" ,.") or (found[0].interval.precision == "day" and (
                found[0].start == 0 or len(line.split()) <= len(found[0].text.split()) + 6))):
            return _iso(found[0])
    decided = [mention for m in DECIDED_ON.finditer(text) for mention in find_dates(m.group("date"))[:1]
               if mention.interval.precision == "day"]
    if decided:
        return _iso(max(decided, key=lambda m: m.interval.start))
    past = [mention for line in lines[:40] if PAST.search(line) for mention in find_dates(line)
            if mention.interval.precision in ("day", "month")]
    if past:
        return _iso(max(past, key=lambda m: m.interval.start))
    for line in lines[:12]:
        for mention in find_dates(line):
            if mention.interval.precision in ("day", "month"):
                return _iso(mention)      # a bare year on the cover is more often a cited Act's
    return None


def date_in_name(name: str) -> str | None:
    """The day a file's name gives as year-month-day ('2025-02-13', '2025_02_13'), for a paper
    that states no date of its own (a one-page form tabled at a meeting): archives and
    download scripts name papers by their meeting's day; a real calendar day only."""
    for m in NAMED_DAY.finditer(name):
        try:
            return date(*map(int, m.groups())).isoformat()
        except ValueError:
            continue
    return None


def _title(lines: list[str], fields: list[Field]) -> str | None:
    """The labelled title or subject (a letter's 'RE:' line); a minutes' 'Minutes of a meeting
    of ...'; a JHOSC 'paper: ...'; a letter's heading below its 'Dear ...'; an agenda's body;
    else the title page's opening heading lines."""
    value = _first(fields, "title")
    if value:
        return value
    found = _minutes(lines)
    if found:
        at, m = found
        written = m.group(0)[:-len(" held")].strip()
        if ABOVE.match(m.group("body") or ""):
            body = _minuted_body(lines, found)
            written = f"{m.string[m.start():m.start('body')]}{body}" if body else None
        elif m.group("unnamed"):
            body = _minuted_body(lines, found)
            written = f"{written} of {body}" if body else written
        return re.sub(r"^MINUTES\b", "Minutes", written) if written else None
    for i, line in enumerate(lines[:12]):
        m = PAPER_TITLE.search(line)
        if m:
            value = m.group("value").strip()
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if nxt and len(nxt.split()) <= 5 and not FIELD.match(nxt) and not NUMBERED.match(nxt):
                value = f"{value} {nxt}"
            return value
    return _letter_subject(lines) or _agenda_title(lines) or _title_page(lines)


def _letter_subject(lines: list[str]) -> str | None:
    """A letter's subject: the heading line just below its 'Dear ...'."""
    for i, line in enumerate(lines[:20]):
        if SALUTATION.match(line) and i + 1 < len(lines):
            subject = lines[i + 1]
            if len(subject.split()) <= 15 and not subject.endswith((".", ",")) and not NUMBERED.match(subject):
                return _recased(subject)
            return None
    return None


def _agenda_title(lines: list[str]) -> str | None:
    """An agenda front sheet ('AGENDA' / 'CABINET' / 'Thursday, 30th January, 2025'): the
    agenda of the body named below it."""
    for i, line in enumerate(lines[:3]):
        if AGENDA.match(line) and i + 1 < len(lines):
            body = lines[i + 1]
            if len(body.split()) <= 8 and not _field(body)[0] and not find_dates(body):
                return f"{_recased(line)}: {_recased(body)}"
    return None


def _title_page(lines: list[str]) -> str | None:
    """A strategy, annual report or agenda item opens with its title over a few short lines,
    below any header (a meeting and its date, 'Agenda Item 7', 'DRAFT') or form fields
    ('Report to: Cabinet'), and before the first numbered heading, section heading, date or
    sentence, or the title printed again. Lines followed by a field are the form's, not a title
    ('From: Jo Bloggs,' / 'Director of Public Health' / 'To: Cabinet'), unless the field is one
    that follows titles ('Wards affected: All'); lines naming bodies over the meeting's date are
    the meeting's header."""
    shown = [PRINT_STAMP.sub("", ln) for ln in lines[:16] if not re.search(r"\w\.(?:gov|nhs|org|co)\.uk|www\.|https?:", ln)]
    at = 0
    while at < len(shown):
        line = shown[at]
        if HEADER.match(line) or STATUS.fullmatch(line.strip()) or _dated_header(line) or _form_line(line):
            at += 1
            continue
        head = []
        for line in shown[at:at + 6]:
            if NUMBERED.match(line) or FIELD.match(line) or line.endswith(".") or len(line.split()) > 12 \
                    or re.search(r"\.{4,}|:\s", line) or _is_heading(line) or HEADER.match(line) or \
                    any(m.interval.precision == "day" for m in find_dates(line)) or \
                    head and _restates(line, head[0]):
                break
            head.append(line)
        after = at + len(head)
        if head and after < len(shown) and ((_form_line(shown[after]) and not HEADING.fullmatch(_field(shown[after])[0] or ""))
                                            or _meeting_header(head, shown[after:])):
            at = after
            continue
        return " ".join(head) if len(" ".join(head).split()) >= 2 else None
    return None


def _meeting_header(head: list[str], rest: list[str]) -> bool:
    """Lines that only name bodies ('London Borough of Exampleton' / 'Health and Wellbeing
    Board'), then the meeting's date, with more below: the meeting the paper goes to, not its
    title."""
    return len(rest) > 1 and _dated_header(rest[0]) and all(BODY_LINE.fullmatch(_recased(line)) for line in head)


def _restates(line: str, first: str) -> bool:
    """A title does not restate itself: a line opening with the title's first line, or that line's
    opening words, is the title printed again (on a picture of the cover, as a web page's heading
    below the page title its print header repeats), past where the title ended."""
    said, again = first.lower().split(), line.lower().split()
    shorter = min(len(said), len(again))
    return shorter >= 3 and said[:shorter] == again[:shorter]


def _form_line(line: str) -> bool:
    """A form's labelled line: 'Report to: Cabinet', 'Key decision: Yes', 'Report of X'."""
    label, _ = _field(line)
    return bool(label) and (bool(_label_kind(label)) or bool(re.match(r"^[^:]{1,40}:", line)))


def _dated_header(line: str) -> bool:
    """A running header naming a meeting and its day ('Exampleton Town Council Meeting 21
    February 2017'), or a line that is only a date."""
    found = find_dates(line)
    return bool(found) and (found[0].text.strip() == line.strip(" ,.") or found[0].interval.precision == "day"
                            and len(line.split()) <= len(found[0].text.split()) + 6)


def _authors(fields: list[Field]) -> list[str]:
    """The first person an author or 'From' field names; an office ('Presented by: Director of
    Strategy') is no person's name."""
    for f in fields:
        if f.kind in ("author", "from"):
            name = re.split(r"[,(]|\s[-–]\s", f.value)[0].strip()
            if 1 < len(name.split()) <= 4 and not any(ch.isdigit() for ch in name) and name[:1].isupper() \
                    and not OFFICE.search(name):
                return [name]
    return []
