"""Organisations of one paper: canonical names, the aliases the paper uses, and their types.

suggest: every name the gazetteer's kind-word grammar finds, the bodies named as items of a
list, and acronyms the paper defines ("Kingsmere Integrated Care Alliance (KICA)").
classify: a name the paper only ever uses with "a"/"an" is a kind of body, not one body; one
it only ever writes inside a document's or a statute's title is no body.
fill: forms of one body merged under its longest name; a generic name ("Scrutiny Committee",
"Health and Wellbeing Boards") joins the one body it must mean, and once the paper's author
is known (`with_roles`), a council's own committees are named after it and "we", "the
Council", "Cabinet" resolve to it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.gazetteer import COUNTY_COUNCILS, GENERIC, GENERIC_WORDS, KIND, KNOWN_ACRONYMS, NATIONAL_BODIES, THE_NHS, is_generic, name_candidates
from extractors.org_lists import acronym_kind_bodies, column_bodies, listed_bodies
from extractors.org_merge import (LOCAL_AUTHORITY, OrgEntry, _acronyms_merged, _key, _learn_initials, _merge_into, _same_key_merged,
                                   _shortened_merged, _words)
from schemas import Document, Organisation

__all__ = ["GENERIC_WORDS", "OrgEntry", "OrgIndex", "OrgMention", "_key", "build_org_index", "leftmost_longest"]

ACRONYM_AFTER = re.compile(r"[ \t]*\((?:the[ \t]+)?([A-Z][A-Za-z&/]{1,9}(?:[ \t][A-Z][A-Z&/]{1,8})?)\)")
NHS_PARTNERS = re.compile(r"\bNHS partners\b")
WE = re.compile(r"\b(?:we|We|our|Our|us)\b")
INDEFINITE = re.compile(r"\b(?<!create )(?<!establish )(?<!form )(?<!convene )(?<!set up )(?:an?|any|each|every|no|one|another)\s+$|"
                        r"\b(?:forms?|models?|types?|kinds?|versions?)\s+of\s+$", re.I)
# A name followed by one of these is the title of a document, a fund or a review ('the Civic
# Society Strategy', 'Special School Review'), or sits in a statute's title ('the Local
# Authority (Public Health and Scrutiny Boards) Regulations 2013'), not a mention of a body.
DOCUMENT_AFTER = re.compile(r"[ \t]*(?:Strateg(?:y|ies)|Strategic[ \t]+Plan|(?:Action|Delivery|Business)?[ \t]*Plans?|"
                            r"Framework|Programme|Polic(?:y|ies)|Review|Fund|Charter|Toolkit|Guidance|"
                            r"(?:[^()\n]{0,60}\))?[ \t]*(?:Act|Regulations|Order|Bill)[ \t]+(?:19|20)\d\d)\b")
# A name followed by these is a tier of geography data or services are given at ('Upper Tier Local
# Authority (UTLA) level', 'at Integrated Care Board footprint'), not a body.
LEVEL_AFTER = re.compile(r"[ \t]*(?:\([A-Z]{2,6}\)[ \t]*)?(?:level|levels|footprint|footprints|geography)\b")
IDENTITY_BEFORE = re.compile(r"\b(?:identify|identifies|identified|identifying|describe\s+themselves|described\s+themselves)\s+as\s+(?:an?\s+)?$", re.I)
LEVEL_BEFORE = re.compile(r"\b(?:level|levels|footprint|footprints)[ \t]*\([ \t]*$")   # 'at LTLA level (district councils)'
# The CCGs of a paper that names one group of them ('North West London CCGs'), named by kind:
# 'the CCGs', 'local CCGs', 'the eight CCGs', 'individual CCGs'.
PLURAL_CCG_NAME = re.compile(r"\b(?:CCGs|Clinical Commissioning Groups)$")
THE_CCGS = re.compile(r"\b(?:[Tt]he|[Ll]ocal|[Oo]ur|[Aa]ll|[Ii]ndividual|[Ee]xisting|[Tt]hese)\s+(?:(?:[a-z]+|\d+)\s+)?"
                      r"(?:CCGs|[Cc]linical [Cc]ommissioning [Gg]roups)\b")
# A body of a kind named for its place after the kind ('the Integrated Care System (ICS) for
# Westshire', 'the Integrated Care Board for Delby and Ormsby'): the place's words, each one the
# paper never writes in lower case, and nothing capitalised after them.
FOR_PLACE = re.compile(r"(?:[ \t]*\([A-Z]{2,6}\))?[ \t]+for[ \t]+"
                       r"((?>[A-Z][a-z'’\-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z'’\-]+|[ \t]+[A-Z][a-z'’\-]+){0,3}))(?![ \t]*[A-Z(])")
COUNCIL_MENTION = next(regex for regex, kind in GENERIC if kind == "council")
NATIONAL_NAMES = {name for _, name, _ in NATIONAL_BODIES if name}
CABINET = re.compile(r"\b(?:[Tt]he\s+)?Cabinet\b(?!\s+(?:Members?|Office|Committees?|Portfolio|Leads?)\b)")
# A council's own bodies, named in its papers without the council's name.
COUNCIL_BODY = re.compile(r"^(?!Joint\b).*(?:Cabinet|Committees?)$")


@dataclass
class OrgMention:
    start: int
    end: int
    name: str          # canonical
    text: str          # as written


def leftmost_longest(spans: list[OrgMention]) -> list[OrgMention]:
    """Overlapping mentions resolved as a reader would: the earliest, and of those the longest."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    out, last_end = [], -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


def common_words(text: str) -> set[str]:
    """The words a paper writes in lower case: a place name never is one of them."""
    text = re.sub(r"\S*(?:@|://|www\.)\S*", " ", text)      # e-mail and web addresses are lower case
    return set(re.findall(r"(?<![\w'’\-])[a-z][a-z'’\-]+", text))


class OrgIndex:
    """The bodies of one paper and every form by which the paper names them."""

    def __init__(self, entries: list[OrgEntry], author: str | None, board: str | None,
                 common: set[str] | None = None):
        self.entries = entries
        self.author = author
        self.board = board
        self.common = common or set()
        self._by_form = {_key(f): e for e in entries for f in e.forms | {e.name}}
        self._generic = {}
        for org_type in ("ccg", "icb", "ics", "council", "board", "nhs_trust", "cabinet"):
            of_type = [e for e in entries if _generic_kind(e) == org_type and not e.name.endswith("s")]
            preferred = [e for e in of_type if e.name in (author, board)]
            if len(of_type) == 1 or len(preferred) == 1:
                self._generic[org_type] = (preferred or of_type)[0]
        groups = [e for e in entries if e.org_type == "ccg" and PLURAL_CCG_NAME.search(e.name) and not is_generic(e.name)]
        self._ccg_group = groups[0] if len(groups) == 1 else None
        forms = sorted({f for e in entries for f in e.forms if (f.isupper() or len(f) > 3) and f != "NHS"},
                       key=len, reverse=True)
        self._nhs = next((e for e in entries if e.name == "NHS"), None)   # 'the NHS', not 'NHS services'
        lowered = sorted({e.name.lower() for e in entries if is_generic(e.name) and " " in e.name}, key=len, reverse=True)
        self._lower_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, lowered))) if lowered else None
        self._alias_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, forms))) if forms else None

    def canonical(self, name: str | None) -> str | None:
        if not name:
            return None
        entry = self._by_form.get(_key(name))
        return entry.name if entry else None

    def org_type(self, name: str) -> str:
        entry = self._by_form.get(_key(name))
        return entry.org_type if entry else "other"

    def names_in(self, text: str) -> list[tuple[int, int, str, str]]:
        """The gazetteer's names in `text`, read with this paper's common words."""
        return name_candidates(text, self.common)

    def find(self, text: str, resolve_we: bool = True) -> list[OrgMention]:
        """Every mention of a known body in `text`, in order, generic ones resolved."""
        spans: list[OrgMention] = []
        if self._alias_re:
            for m in self._alias_re.finditer(text):
                entry = self._by_form.get(_key(m.group(0)))
                if entry:
                    spans.append(OrgMention(m.start(), m.end(), entry.name, m.group(0)))
        if self._lower_re:       # a generic name in lower case: "local authorities"
            for m in self._lower_re.finditer(text):
                entry = self._by_form.get(_key(m.group(0)))
                if entry:
                    spans.append(OrgMention(m.start(), m.end(), entry.name, m.group(0)))
        if self._nhs:
            spans += [OrgMention(m.end() - 3, m.end(), "NHS", "NHS") for m in THE_NHS.finditer(text)]
            spans += [OrgMention(m.start(), m.end(), "NHS", m.group(0)) for m in NHS_PARTNERS.finditer(text)]
        for regex, org_type in [*GENERIC, (CABINET, "cabinet")]:
            entry = self._generic.get(org_type)
            if entry:
                for m in regex.finditer(text):
                    spans.append(OrgMention(m.start(), m.end(), entry.name, m.group(0)))
        if self._ccg_group:
            spans += [OrgMention(m.start(), m.end(), self._ccg_group.name, m.group(0)) for m in THE_CCGS.finditer(text)]
        if resolve_we and self.author:
            for m in WE.finditer(text):
                spans.append(OrgMention(m.start(), m.end(), self.author, m.group(0)))
        return leftmost_longest(spans)

    def with_roles(self, author: str | None, board: str | None, cabinet: bool = False) -> OrgIndex:
        """The same bodies, with 'we' meaning `author` and 'the Board' meaning `board`;
        either is added as a body when the paper's text never names it. A council author's
        own committees ('Scrutiny Committee', 'Cabinet' where `cabinet` says the paper
        names it) take its name."""
        entries = list(self.entries)
        council = author if author and (self.org_type(author) if self.canonical(author) else self._type_of(author)) == "council" else None
        if council and cabinet and not any(_generic_kind(e) == "cabinet" for e in entries):
            entries.append(OrgEntry(name="Cabinet", org_type="cabinet", forms={"Cabinet"}))
        for extra, org_type in ((author, None), (board, "board")):
            if extra and not any(_key(extra) in {_key(f) for f in e.forms | {e.name}} for e in entries):
                entries.append(OrgEntry(name=extra, org_type=org_type or self._type_of(extra), forms={extra}))
        if council:
            entries = [_as_unit(_owned_by(e, council), self.common) for e in entries]
            board = next((e.name for e in entries if board and board in e.forms), board)
        return OrgIndex(_merge_into(entries, {author, board}, self.common), author=author, board=board,
                        common=self.common)

    def with_place(self, place: str, council_mention: tuple[int, str] | None) -> OrgIndex:
        """A Health and Wellbeing Board paper's bodies with its place: a board the paper calls only
        'the Health and Wellbeing Board' is '<place> Health and Wellbeing Board', and 'the Local
        Authority' of a paper that never names its council is '<place> Council', quoting the
        line of `council_mention` (page, line) where the paper first says so."""
        entries = []
        for e in self.entries:
            if e.org_type == "board" and is_generic(e.name) and re.search(r"Wellbeing Boards?$", e.name):
                e = OrgEntry(name=f"{place} Health and Wellbeing Board", org_type="board",
                             forms=e.forms | {e.name}, page=e.page, quote=e.quote)
            elif e.org_type == "council" and _words(e.name) == LOCAL_AUTHORITY and not e.name.endswith("s"):
                e = OrgEntry(name=f"{place} Council", org_type="council", forms=e.forms | {e.name},
                             page=e.page, quote=e.quote)
            entries.append(e)
        if council_mention and not any(e.org_type == "council" for e in entries):
            page, quote = council_mention
            entries.append(OrgEntry(name=f"{place} Council", org_type="council", forms={"Local Authority"},
                                    page=page, quote=quote))
        return OrgIndex(_same_key_merged(entries), author=self.author, board=self.board, common=self.common)

    def records(self, document: Document) -> list[Organisation]:
        return [Organisation(doc_id=document.doc_id, doc=document.doc, name=e.name,
                             aliases=sorted(e.forms - {e.name}), org_type=_record_type(e),
                             page=e.page, quote=e.quote) for e in self.entries]

    def _type_of(self, name: str) -> str:
        for _, _, _, org_type in self.names_in(name):
            return org_type
        return "other"


def _record_type(entry: OrgEntry) -> str:
    return {"cabinet": "board", "unit": "council", "partnership": "board"}.get(entry.org_type, entry.org_type)


def _owned_by(entry: OrgEntry, council: str) -> OrgEntry:
    """'Scrutiny Committee' in a council's paper is '<council> Scrutiny Committee'."""
    if not (is_generic(entry.name) and COUNCIL_BODY.search(entry.name)) or \
            (entry.name.endswith("s") and "Cabinet" not in entry.name):
        return entry                # 'Health Overview and Scrutiny Committees' are the kind, not the council's
    name = f"{council} {entry.name}"
    return OrgEntry(name=name, org_type=entry.org_type, forms=entry.forms | {entry.name}, page=entry.page,
                    quote=entry.quote)


def _as_unit(entry: OrgEntry, common: set[str]) -> OrgEntry:
    """In a council's paper, a service named only by what it does ('Care Leavers Service',
    'Special Educational Needs and Disabilities service'), no place or provider in its name,
    is one of the council's own units."""
    if entry.org_type != "other" or not re.search(r"\b[Ss]ervice$", entry.name) or entry.name in NATIONAL_NAMES:
        return entry
    words = re.findall(r"[A-Za-z'’]+", entry.name)
    if all(w.lower() in common or w.lower() in GENERIC_WORDS for w in words):
        entry.org_type = "unit"
    return entry


def build_org_index(text: str, page_of, blocks=()) -> OrgIndex:
    """Find the paper's bodies in its full text; `page_of(offset)` gives a mention's page;
    `blocks`, the paper's, give the cells of a table's column of bodies."""
    common = common_words(text)
    entries: dict[str, OrgEntry] = {}
    mentions: dict[str, list[tuple[int, int]]] = {}
    for start, end, name, org_type in _suggest(text, common):
        key = _key(name)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = OrgEntry(name=name, org_type=org_type, page=page_of(start),
                                            quote=line_around(text, start, end))
        mentions.setdefault(key, []).append((start, end))
        entry.forms.add(name)
        if name in NATIONAL_NAMES:
            entry.forms.add(text[start:end])       # 'central government' is a form of Central Government
        if len(name) > len(entry.name) and name[0].isupper():
            entry.name = name
        acronym = ACRONYM_AFTER.match(text, end)
        if acronym and _initials_fit(acronym.group(1), name):
            entry.forms.add(acronym.group(1))
    kept = [(key, e) for key, e in entries.items() if not (_only_indefinite(text, mentions[key]) and _common_words_only(e.name, common))
            and not _only_in_titles(text, mentions[key])
            and not (_common_words_only(e.name, common | ITEM_WORDS) and _only_item_titles(text, mentions[key]))
            and not (_common_words_only(e.name, common) and _only_cost_items(text, mentions[key]))]
    kept = [_named_for_place(text, e, mentions[key], common) for key, e in kept]
    by_key = {_key(e.name): e for e in kept}
    for acronym, full in KNOWN_ACRONYMS.items():
        entry = by_key.get(_key(full))
        if entry and re.search(rf"\b{acronym}\b", text):
            entry.forms.add(acronym)
    listed = [(*body, {text[body[0]:body[1]]}) for body in listed_bodies(text) + column_bodies(blocks)] + \
        acronym_kind_bodies(text)
    for start, end, name, org_type, forms in listed:
        entry = by_key.get(_key(name))
        if entry is None:
            entry = by_key[_key(name)] = OrgEntry(name=name, org_type=org_type, page=page_of(start),
                                                  quote=line_around(text, start, end))
            kept.append(entry)
        entry.forms |= {name, *forms}
    kept = _acronyms_merged(_learn_initials(text, kept))
    kept += _county_council_by_initials(text, kept, page_of)
    merged = [e for e in _shortened_merged(_merge_into(kept, set(), common)) if not e.name.isupper() or e.name not in KIND]
    return OrgIndex(_same_key_merged(_system_placed(merged)), author=None, board=None, common=common)


def _named_for_place(text: str, entry: OrgEntry, spans: list[tuple[int, int]], common: set[str]) -> OrgEntry:
    """A generic name the paper once writes with its place after it ('the Integrated Care System
    for Westshire') is that place's body, 'Westshire Integrated Care System'; the generic name is a form."""
    if not _common_words_only(entry.name, common) or entry.name.endswith("s") or entry.name.startswith("National "):
        return entry            # a national body's own name may go on 'for <nation>' ('National Trust for Scotland')
    for _, end in spans:
        m = FOR_PLACE.match(text, end)
        words = re.findall(r"[A-Za-z'’\-]+", m.group(1)) if m else []
        if words and all(w == "and" or (w.lower() not in common and w.lower() not in GENERIC_WORDS) for w in words):
            entry.forms |= {entry.name}
            entry.name = f"{m.group(1)} {entry.name}"
            return entry
    return entry


# An integrated care system's board and partnership share its footprint: 'NHS Delby and Ormsby
# Integrated Care Board', 'Delby and Ormsby ICP'.
SYSTEM_PART = re.compile(r"^(?:NHS )?(?P<place>[A-Z].*?) (?:Integrated Care (?:System|Board|Partnership)|ICS|ICB|ICP)$")
SYSTEM_NAME = {"Integrated Care System": "{} Integrated Care System", "Integrated Care Board": "NHS {} Integrated Care Board",
               "Integrated Care Partnership": "{} Integrated Care Partnership"}


def _system_placed(entries: list[OrgEntry]) -> list[OrgEntry]:
    """A paper that names one part of an integrated care system by its place and another only by
    its kind ('the Integrated Care System') means the same place's: both cover one footprint."""
    places = {m["place"] for e in entries if (m := SYSTEM_PART.match(e.name)) and not is_generic(m["place"])}
    if len(places) != 1:
        return entries
    place = places.pop()
    for e in entries:
        if e.name in SYSTEM_NAME:
            e.forms |= {e.name}
            e.name = SYSTEM_NAME[e.name].format(place)
    return entries


def _county_council_by_initials(text: str, entries: list[OrgEntry], page_of) -> list[OrgEntry]:
    """A council's paper ('the Council', 'Full Council') that writes a county council's initials
    ('At WSCC any two members ...'), those of no other county council, and never that council's
    name, means that council."""
    if not COUNCIL_MENTION.search(text):
        return []
    taken = {f for e in entries for f in e.forms}
    by_initials: dict[str, list[str]] = {}
    for county in COUNTY_COUNCILS:
        by_initials.setdefault("".join(w[0] for w in county.split()) + "CC", []).append(county)
    for acronym, [*counties] in by_initials.items():
        m = re.search(rf"(?<![\w/-]){acronym}(?![\w/-])", text)
        if m and len(counties) == 1 and acronym not in taken:
            return [OrgEntry(name=f"{counties[0]} County Council", org_type="council", forms={acronym},
                             page=page_of(m.start()), quote=line_around(text, m.start(), m.end()))]
    return []


def _suggest(text: str, common: set[str]) -> list[tuple[int, int, str, str]]:
    """The gazetteer's names, overlaps resolved leftmost-longest; a bracketed short form
    after a longer name ('Integrated Care Strategy (KCC ICS)') is that name's acronym, not a body."""
    found = sorted((f for f in name_candidates(text, common) if not _acronym_of_phrase(text, f[0], f[1])),
                   key=lambda f: (f[0], -(f[1] - f[0])))
    out, last_end = [], -1
    for f in found:
        if f[0] >= last_end:
            out.append(f)
            last_end = f[1]
    return out


def _common_words_only(name: str, common: set[str]) -> bool:
    return all(w.lower() in common or w.lower() in GENERIC_WORDS for w in re.findall(r"[\w']+", name))


def _acronym_of_phrase(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "(" and text[end:end + 1] == ")" and text[start:end].isupper() and " " in text[start:end] \
        and bool(re.search(r"[A-Z][a-z]+\s*$", text[max(0, start - 40):start - 1]))


def _only_indefinite(text: str, spans: list[tuple[int, int]]) -> bool:
    """'an Accountable Care Partnership' names a kind of body; a body the paper means is
    named at least once without 'a', 'an' or 'each', or is one it proposes to create."""
    return all(INDEFINITE.search(text[max(0, s - 20):s]) for s, _ in spans)


def _only_in_titles(text: str, spans: list[tuple[int, int]]) -> bool:
    """A name the paper writes only as part of a document's or a statute's title, as a tier of
    geography, or as what people identify as in an equality assessment's data ('2.5% identify
    as Church of England')."""
    return all(DOCUMENT_AFTER.match(text, e) or LEVEL_AFTER.match(text, e) or LEVEL_BEFORE.search(text[max(0, s - 20):s])
               or IDENTITY_BEFORE.search(text[max(0, s - 24):s]) for s, e in spans)


COST_LINE = re.compile(r"[^\n]{0,80}?£\s?[\d,.]+[^\n]{0,10}(?=\n|$)")


def _only_cost_items(text: str, spans: list[tuple[int, int]]) -> bool:
    """A costs table's item ('Box Office, Marketing Press & PR £ 3,800'): a name of common words
    opening every line it is on, each line a sum's, is a line of spending, not a body."""
    return all(ITEM_OPENING.search(text, max(0, s - 16), s) and COST_LINE.match(text, e) for s, e in spans)


ITEM_WORDS = {"public", "open", "general", "members"}
"""Words of the standing items of a council's minutes ('Public Forum', 'Open Forum') that a short
paper may never write in lower case."""
ITEM_OPENING = re.compile(r"(?:^|\n)[ \t]*(?:\(?[\dA-Za-z]{1,4}(?:\.\d+)*[.)][ \t]+)?$")
ITEM_TITLE_END = re.compile(r"[ \t]*(?::|[\-–][ \t])")


def _only_item_titles(text: str, spans: list[tuple[int, int]]) -> bool:
    """A minute's item titled by what happens in it ('2710. Public Forum: No one present.'): a
    name of common words written only as a line's opening title before a colon is the item, not
    a body."""
    return all(ITEM_OPENING.search(text, max(0, s - 16), s) and ITEM_TITLE_END.match(text, e) for s, e in spans)


def _initials_fit(acronym: str, name: str) -> bool:
    """'(KICA)' after 'Kingsmere Integrated Care Alliance'; not '(see Appendix A)' nor a
    bracketed aside that only starts with a capital."""
    letters = [c for c in acronym if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and \
        letters[0].upper() in {w[0].upper() for w in re.findall(r"[A-Za-z]+", name)}


def _generic_kind(entry: OrgEntry) -> str:
    """ICBs share the type 'ccg' but 'the CCG' and 'the ICB' are different bodies; 'the ICS' is
    the one integrated care system among the paper's other bodies."""
    if entry.org_type == "ccg" and re.search(r"\bICBs?\b|Integrated Care Boards?", entry.name):
        return "icb"
    if entry.org_type == "other" and re.search(r"\bICS$|Integrated Care System$", entry.name):
        return "ics"
    if entry.org_type == "board" and re.search(r"\bCabinet$", entry.name):
        return "cabinet"
    return entry.org_type


def line_around(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left: right if right != -1 else len(text)][:300]
