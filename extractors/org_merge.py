"""The forms of a paper's bodies, merged: one entry per body, under its longest name, with
every other form the paper uses for it (acronyms defined or implied by initials, generic
names such as "County Council" that can only mean it)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.gazetteer import is_generic

LOCAL_AUTHORITY = ["local", "authority"]
COUNCIL_FORMS = [LOCAL_AUTHORITY, ["council"], ["full", "council"], ["authority"]]


@dataclass
class OrgEntry:
    name: str
    org_type: str
    forms: set[str] = field(default_factory=set)
    page: int = 1
    quote: str = ""


def _key(name: str) -> str:
    """Forms of one body that differ only in wording share a key."""
    k = name.lower().replace("&", "and").replace("’", "'")
    k = re.sub(r"\bclinical commissioning group(s?)\b", r"ccg\1", k)
    k = re.sub(r"\bintegrated care board(s?)\b", r"icb\1", k)
    k = re.sub(r"^(?:nhs|the)\s+", "", k)
    k = re.sub(r"^(?:london|royal)\s+borough\s+of\s+(.+)$", r"\1 council", k)
    k = re.sub(r"\s+(?:metropolitan\s+)?(?:borough|county|city|district)\s+council$", " council", k)
    k = re.sub(r"\s+(ltd|limited)\.?$", "", k)
    k = re.sub(r"\s+(?:nhs\s+)?foundation\s+trust$", " ft", k)
    k = re.sub(r"^(\w+) (?:and|or) (\w+) councils$", lambda m: " and ".join(sorted(m.groups())) + " councils", k)
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", k).split())


def initials(name: str) -> str:
    """'London Borough of Exampleton' -> 'LBE'; an acronym inside a name stays whole."""
    return "".join(w if w.isupper() else w[0] for w in re.findall(r"[A-Za-z]+", name)
                   if w.lower() not in ("of", "and", "the", "for", "upon", "on"))


UNIT_KIND = re.compile(r"\s+(?:Directorate|Department|Division|Service|Team)$")
"""The kind word a paper drops from a unit's initials: 'ACH' or 'ACH Directorate' for the
Adult Care and Health Directorate."""


def _learn_initials(text: str, entries: list[OrgEntry]) -> list[OrgEntry]:
    """A paper that writes 'LBE' without defining it still means its London Borough of Exampleton:
    three or more initials of exactly one body, used as a word in the paper, are its alias. A
    unit's initials leave out its kind word ('ACH' for the Adult Care and Health Directorate),
    and an entry that is those initials and the kind word ('ACH Directorate') is the same unit."""
    taken = {f for e in entries for f in e.forms}
    owners: dict[str, list[OrgEntry]] = {}
    for entry in entries:
        short = UNIT_KIND.sub("", entry.name)
        unit = [initials(short)] if short != entry.name and len(short.split()) >= 3 else []
        for acronym in dict.fromkeys([initials(entry.name), *unit]):
            if len(acronym) >= 3 and acronym.isupper() and acronym not in taken:
                owners.setdefault(acronym, []).append(entry)
    merged: set[int] = set()
    for acronym, [*candidates] in owners.items():
        if len(candidates) != 1:
            continue
        owner = candidates[0]
        if re.search(rf"(?<![\w/-]){acronym}(?![\w/-])", text):
            owner.forms.add(acronym)
        kind = UNIT_KIND.search(owner.name)
        for other in entries:
            if kind and other is not owner and other.name == acronym + kind.group(0):
                owner.forms |= other.forms | {other.name}
                merged.add(id(other))
    return [e for e in entries if id(e) not in merged]


def _words(name: str) -> list[str]:
    """A name's words for comparing forms: lower case, singular, '&' as 'and', no 'the'."""
    words = re.findall(r"[\w']+", name.lower().replace("&", " and ").replace("’", "'"))
    return [re.sub(r"(?<=[a-z])(?:ies|s)$", lambda m: "y" if m.group(0) == "ies" else "", w)
            for w in words if w not in ("the", "nhs")]


def _merge_into(entries: list[OrgEntry], preferred: set[str | None], common: set[str]) -> list[OrgEntry]:
    """A shorter name joins the one body whose name ends in its words: a generic one
    ('County Council', 'Scrutiny Committee') or one the longer name only adds a place to
    ('Business Forum' of 'Exampleton Business Forum'); 'the Council', 'Local Authority' join
    the one council. Between several, the one the paper speaks for (`preferred`); else a
    generic name is no body of its own, and a name with words of its own stays one."""
    entries = sorted(entries, key=lambda e: len(_words(e.name)), reverse=True)
    out: list[OrgEntry] = []
    for entry in entries:
        own, generic = _words(entry.name), is_generic(entry.name)
        targets = [e for e in out if e.org_type == entry.org_type and not is_generic(e.name) and
                   ((_words(e.name)[-len(own):] == own and (generic or _adds_place(e.name, len(own), common)))
                    or (own in COUNCIL_FORMS and e.org_type == "council"))]
        if len(targets) > 1:
            targets = [e for e in targets if e.name in preferred] or targets
        plural_into_single = entry.name.endswith("s") and not targets[0].name.endswith("s") if targets else False
        if len(targets) == 1 and not plural_into_single:
            targets[0].forms |= entry.forms | {entry.name}
        elif not (generic and len(targets) > 1 and not entry.name.endswith("s")):
            out.append(entry)       # a generic name several bodies share ('Clinical Commissioning Group') is none of them
    return out


def _acronyms_merged(entries: list[OrgEntry]) -> list[OrgEntry]:
    """A body found under its acronym alone ('CVS') is the one body the paper gave that acronym
    ('Exampleton Council for Voluntary Service (CVS)')."""
    owners: dict[str, list[OrgEntry]] = {}
    for entry in entries:
        for form in entry.forms - {entry.name}:
            if form.isupper():
                owners.setdefault(form, []).append(entry)
    out = []
    for entry in entries:
        owner = owners.get(entry.name, [])
        if entry.name.isupper() and len(owner) == 1 and owner[0] is not entry:
            owner[0].forms |= entry.forms
        else:
            out.append(entry)
    return out


def _same_key_merged(entries: list[OrgEntry]) -> list[OrgEntry]:
    """Entries that came to share a key ('Exampleton Council' named from the place, 'London
    Borough of Exampleton' from the text) are one body, under the first's name."""
    out: dict[str, OrgEntry] = {}
    for entry in entries:
        first = out.setdefault(_key(entry.name), entry)
        if first is not entry:
            first.forms |= entry.forms | {entry.name}
    return list(out.values())


# Words of place names that papers also write in lower case ('the south east of the county').
COMPASS = {"north", "south", "east", "west", "central", "mid", "greater", "upper", "lower"}


def _adds_place(name: str, tail: int, common: set[str]) -> bool:
    """'Exampleton Business Forum' over 'Business Forum', 'North Kingsmere Forum' over 'Forum':
    the words in front are a place's; not 'Exampleton and Delby CCG' over 'Delby CCG', the body of
    one of its two places."""
    front = re.findall(r"[\w'’&]+", name)[:-tail]
    if front and front[-1] in ("and", "&"):
        return False
    front = [w for w in front if w != "&"]
    return bool(front) and all(w.lower() not in common or w in ("and", "of") or
                               (w[0].isupper() and w.lower() in COMPASS) for w in front)


SHORTENED_ALONE = {"company", "other", "voluntary"}
"""The bodies a paper calls by the first word of their name alone ('Endeavour' for Endeavour
Health); a council or a board is never one word."""


def _shortened_merged(entries: list[OrgEntry]) -> list[OrgEntry]:
    """A short form of one longer name the paper also uses is that body: 'Amenities Committee'
    of the Amenities, Leisure & Community Services Committee, 'Exampleton School' of Exampleton
    Primary School (the same first and last words, words left out between), 'Endeavour' of
    Endeavour Health. Not a body of a place the longer name joins another to ('Delby CCG' and
    'Delby and Ormsby CCG'), and not when two longer names could be meant."""
    out = []
    for entry in entries:
        own = _words(entry.name)
        if not own or entry.name.isupper() or is_generic(entry.name):
            out.append(entry)
            continue
        longer = [e for e in entries if e is not entry and e.org_type == entry.org_type and _shortens(own, _words(e.name))]
        if len(own) == 1 and entry.org_type not in SHORTENED_ALONE:
            longer = []
        if len(longer) == 1:
            longer[0].forms |= entry.forms | {entry.name}
        else:
            out.append(entry)
    return out


def _shortens(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with words left out: its first word, then (for a name of two or
    more words) its last, with the words between in order and no 'and' opening what is left out."""
    if len(long) <= len(short) or long[0] != short[0]:
        return False
    if len(short) == 1:
        return True
    if long[-1] != short[-1]:
        return False
    at = 0
    for word in short:
        while at < len(long) and long[at] != word:
            if long[at] == "and" and at > 0 and long[at - 1] in short:
                return False
            at += 1
        if at == len(long):
            return False
        at += 1
    return True
