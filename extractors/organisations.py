"""Organisations of one paper: canonical names, the aliases the paper uses, and their types.

Bodies are found by the gazetteer's name patterns, acronyms are learned where the paper
defines them ("London North West Healthcare NHS Trust (LNWHT)"), and generic mentions
("the CCG", "the Council", "we") resolve to the one body of that kind the paper means.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.gazetteer import COMPILED, GENERIC, KNOWN_ACRONYMS, strip_noise
from extractors.org_lists import listed_bodies
from schemas import Document, Organisation

ACRONYM_AFTER = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z&/]{1,9})\)")
WE = re.compile(r"\b(?:we|We|our|Our|us)\b")


@dataclass
class OrgEntry:
    name: str
    org_type: str
    forms: set[str] = field(default_factory=set)
    page: int = 1
    quote: str = ""


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


def _key(name: str) -> str:
    """Forms of one body that differ only in wording share a key."""
    k = name.lower().replace("&", "and").replace("’", "'")
    k = re.sub(r"\bclinical commissioning group(s?)\b", r"ccg\1", k)
    k = re.sub(r"\bintegrated care board(s?)\b", r"icb\1", k)
    k = re.sub(r"^(?:nhs|the)\s+", "", k)
    k = re.sub(r"^(?:london|royal)\s+borough\s+of\s+(.+)$", r"\1 council", k)
    k = re.sub(r"\s+(?:metropolitan\s+)?(?:borough|county|city|district)\s+council$", " council", k)
    k = re.sub(r"\s+(ltd|limited)\.?$", "", k)
    return re.sub(r"[^a-z0-9' ]+", " ", k).strip()


def pattern_matches(text: str) -> list[tuple[int, int, str, str]]:
    """Leftmost-longest non-overlapping gazetteer matches: (start, end, name, type)."""
    found = []
    for regex, org_type in COMPILED:
        for m in regex.finditer(text):
            name = strip_noise(m.group(0))
            start = m.start() + m.group(0).find(name.split()[0]) if name else m.start()
            found.append((start, start + len(name), name, org_type))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out, last_end = [], -1
    for f in found:
        if f[0] >= last_end and f[2] and _has_proper_name(f[2], f[3]):
            out.append(f)
            last_end = f[1]
    return out


KIND_WORDS = {"nhs", "ccg", "ccgs", "clinical", "commissioning", "group", "groups", "council", "icb", "icbs",
              "integrated", "care", "board", "boards", "trust", "foundation", "borough", "county", "city",
              "district", "the", "of"}


def _has_proper_name(name: str, org_type: str) -> bool:
    """'Bromley CCG' names a body; 'CCG' left after stripping 'single' does not."""
    if org_type not in ("ccg", "council", "nhs_trust"):
        return True
    return any(w.lower() not in KIND_WORDS for w in name.split())


class OrgIndex:
    """The bodies of one paper and every form by which the paper names them."""

    def __init__(self, entries: list[OrgEntry], author: str | None, board: str | None):
        self.entries = entries
        self.author = author
        self.board = board
        self._by_form = {_key(f): e for e in entries for f in e.forms | {e.name}}
        self._generic = {}
        for org_type in ("ccg", "icb", "council", "board", "nhs_trust"):
            of_type = [e for e in entries if _generic_kind(e) == org_type and not e.name.endswith("s")]
            preferred = [e for e in of_type if e.name in (author, board)]
            if len(of_type) == 1 or len(preferred) == 1:
                self._generic[org_type] = (preferred or of_type)[0]
        forms = sorted({f for e in entries for f in e.forms if f.isupper() or len(f) > 3},
                       key=len, reverse=True)
        self._alias_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, forms))) if forms else None

    def canonical(self, name: str | None) -> str | None:
        if not name:
            return None
        entry = self._by_form.get(_key(name))
        return entry.name if entry else None

    def org_type(self, name: str) -> str:
        entry = self._by_form.get(_key(name))
        return entry.org_type if entry else "other"

    def find(self, text: str, resolve_we: bool = True) -> list[OrgMention]:
        """Every mention of a known body in `text`, in order, generic ones resolved."""
        spans: list[OrgMention] = []
        if self._alias_re:
            for m in self._alias_re.finditer(text):
                entry = self._by_form.get(_key(m.group(0)))
                if entry:
                    spans.append(OrgMention(m.start(), m.end(), entry.name, m.group(0)))
        for regex, org_type in GENERIC:
            entry = self._generic.get(org_type)
            if entry:
                for m in regex.finditer(text):
                    spans.append(OrgMention(m.start(), m.end(), entry.name, m.group(0)))
        if resolve_we and self.author:
            for m in WE.finditer(text):
                spans.append(OrgMention(m.start(), m.end(), self.author, m.group(0)))
        return leftmost_longest(spans)

    def with_roles(self, author: str | None, board: str | None) -> OrgIndex:
        """The same bodies, with 'we' meaning `author` and 'the Board' meaning `board`;
        either is added as a body when the paper's text never names it."""
        entries = list(self.entries)
        for extra, org_type in ((author, None), (board, "board")):
            if extra and _key(extra) not in self._by_form:
                entries.append(OrgEntry(name=extra, org_type=org_type or _type_of(extra), forms={extra}))
        return OrgIndex(entries, author=author, board=board)

    def with_place(self, place: str, council_mention: tuple[int, str] | None) -> OrgIndex:
        """A Health and Wellbeing Board paper's bodies with its place: a board the paper calls only
        'the Health and Wellbeing Board' is '<place> Health and Wellbeing Board', and 'the Local
        Authority' of a paper that never names its council is '<place> Council', quoting the
        line of `council_mention` (page, line) where the paper first says so."""
        entries = []
        for e in self.entries:
            if e.org_type == "board" and _generic(e.name) and re.search(r"Wellbeing Boards?$", e.name):
                e = OrgEntry(name=f"{place} Health and Wellbeing Board", org_type="board",
                             forms=e.forms | {e.name}, page=e.page, quote=e.quote)
            entries.append(e)
        if council_mention and not any(e.org_type == "council" for e in entries):
            page, quote = council_mention
            entries.append(OrgEntry(name=f"{place} Council", org_type="council", forms={"Local Authority"},
                                    page=page, quote=quote))
        return OrgIndex(entries, author=self.author, board=self.board)

    def records(self, document: Document) -> list[Organisation]:
        return [Organisation(doc_id=document.doc_id, doc=document.doc, name=e.name,
                             aliases=sorted(e.forms - {e.name}), org_type=e.org_type,
                             page=e.page, quote=e.quote) for e in self.entries]


def build_org_index(text: str, page_of) -> OrgIndex:
    """Find the paper's bodies in its full text; `page_of(offset)` gives a mention's page."""
    entries: dict[str, OrgEntry] = {}
    for start, end, name, org_type in pattern_matches(text):
        key = _key(name)
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = OrgEntry(name=name, org_type=org_type, page=page_of(start),
                                            quote=line_around(text, start, end))
        entry.forms.add(name)
        if len(name) > len(entry.name) and name[0].isupper():
            entry.name = name
        acronym = ACRONYM_AFTER.match(text, end)
        if acronym:
            entry.forms.add(acronym.group(1))
    for acronym, full in KNOWN_ACRONYMS.items():
        entry = entries.get(_key(full))
        if entry and re.search(rf"\b{acronym}\b", text):
            entry.forms.add(acronym)
    for start, end, name, org_type in listed_bodies(text):
        entry = entries.setdefault(_key(name), OrgEntry(name=name, org_type=org_type, page=page_of(start),
                                                        quote=line_around(text, start, end)))
        entry.forms |= {name, text[start:end]}
    _learn_initials(text, list(entries.values()))
    return OrgIndex(_merge_placeless(list(entries.values())), author=None, board=None)


def initials(name: str) -> str:
    """'London Borough of Bromley' -> 'LBB'; an acronym inside a name stays whole."""
    return "".join(w if w.isupper() else w[0] for w in re.findall(r"[A-Za-z]+", name)
                   if w.lower() not in ("of", "and", "the", "for", "upon", "on"))


def _learn_initials(text: str, entries: list[OrgEntry]) -> None:
    """A paper that writes 'LBB' without defining it still means its London Borough of Bromley:
    three or more initials of exactly one body, used as a word in the paper, are its alias."""
    taken = {f for e in entries for f in e.forms}
    owners: dict[str, list[OrgEntry]] = {}
    for entry in entries:
        acronym = initials(entry.name)
        if len(acronym) >= 3 and acronym.isupper() and acronym not in taken:
            owners.setdefault(acronym, []).append(entry)
    for acronym, [*candidates] in owners.items():
        if len(candidates) == 1 and re.search(rf"(?<![\w/-]){acronym}(?![\w/-])", text):
            candidates[0].forms.add(acronym)


def _generic_kind(entry: OrgEntry) -> str:
    """ICBs share the type 'ccg' but 'the CCG' and 'the ICB' are different bodies."""
    if entry.org_type == "ccg" and re.search(r"\bICBs?\b|Integrated Care Boards?", entry.name):
        return "icb"
    return entry.org_type


def _type_of(name: str) -> str:
    for _, _, _, org_type in pattern_matches(name):
        return org_type
    return "other"


GENERIC_WORDS = KIND_WORDS | {"primary", "network", "networks", "partnership", "partnerships", "system",
                               "systems", "health", "wellbeing", "and", "governing", "body", "bodies",
                               "committee", "committees", "overview", "scrutiny", "joint", "local", "gp",
                               "practices", "authority", "authorities", "lmc", "lmcs"}


def _generic(name: str) -> bool:
    return all(w.lower() in GENERIC_WORDS for w in re.findall(r"[\w']+", name))


def _merge_placeless(entries: list[OrgEntry]) -> list[OrgEntry]:
    """A generic name ('Health and Wellbeing Boards') joins the one body it must mean
    ('Brent Health and Wellbeing Board'); with two or more candidates it stays apart."""
    entries = sorted(entries, key=lambda e: (not _generic(e.name), len(e.name)), reverse=True)
    out: list[OrgEntry] = []
    for entry in entries:
        own = _singular(_key(entry.name))
        targets = [e for e in out if e.org_type == entry.org_type and
                   (_singular(_key(e.name)) == own or _singular(_key(e.name)).endswith(" " + own))]
        plural_into_single = own != _key(entry.name) and targets and not _generic(targets[0].name) \
            and _singular(_key(targets[0].name)) == _key(targets[0].name)
        if _generic(entry.name) and len(targets) == 1 and not plural_into_single:
            targets[0].forms |= entry.forms | {entry.name}
            if own == _key(entry.name) and _key(targets[0].name) == own + "s":
                targets[0].name = entry.name     # the paper's one board, also talked of in the plural
        else:
            out.append(entry)
    return out


def _singular(key: str) -> str:
    return " ".join(re.sub(r"(?<=[a-z])(?:ies|s)$", lambda m: "y" if m.group(0) == "ies" else "", w)
                    for w in key.split())


def line_around(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left: right if right != -1 else len(text)][:300]
