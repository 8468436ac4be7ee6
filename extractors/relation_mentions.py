"""The bodies of a paper as relation patterns see them: the organisation index's mentions,
plus the forms papers use without defining them: initials ("LBE" for London Borough of
Exampleton), a trust's own first word ("Riverside"), the one body a bare head noun means ("the
Forum"; in a body's own paper, "the Partnership" is the author), generic names in lower case
("local authorities"), "this authority" in a council's own paper, "government" for the paper's
Government, and plural mentions of the paper's group of CCGs ("the CCGs", "NHS commissioners"), of
its group of scrutiny committees ("local health scrutiny committees") or of local authorities.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

from extractors.context import PaperContext
from extractors.organisations import OrgEntry, OrgMention, _key, leftmost_longest

JOINERS = {"of", "and", "the", "&", "for", "in", "on"}
NAME_TAIL = {"nhs", "foundation", "trust", "healthcare", "ltd", "limited", "cic", "plc", "charity"}
HEADS = ("Forum", "Executive", "Committee", "Partnership", "Trust", "Federation", "Alliance",
         "Network", "Panel", "Cabinet", "Group")
POSSESSIVE = {"our", "us", "their", "its"}
COMMISSIONERS = {"ccg", "council", "nhs_england"}
"""The kinds of body that commission services (a contract between two of them says nothing of who
commissions whom)."""


@dataclass
class Template:
    """A sentence with a placeholder per body ('@0@ and @1@ both use @2@ as their main provider')."""

    text: str
    mentions: list[OrgMention]
    owners: tuple[tuple[str, str], ...] = ()
    """(owner, owned) of each body named as another's ('the Government's Drugs Unit')."""

    def bodies(self, group: str) -> list[str]:
        """Canonical names of the placeholders in a matched group, in order, once each."""
        names = [self.mentions[int(i)].name for i in re.findall(r"@(\d+)@", group or "")]
        return list(dict.fromkeys(names))


def template_of(text: str, mentions: list[OrgMention]) -> Template:
    """The sentence with a placeholder per body; 'Name (ACR)' of one body is one placeholder,
    and so is a body's own body ('the Government's Drugs Unit' is the unit)."""
    joined: list[OrgMention] = []
    owners = []
    for m in mentions:
        prev = joined[-1] if joined else None
        if prev and prev.name == m.name and re.fullmatch(r"\s*\(", text[prev.end:m.start]) and text[m.end:m.end + 1] == ")":
            joined[-1] = OrgMention(prev.start, m.end + 1, prev.name, text[prev.start:m.end + 1])
        elif prev and prev.name != m.name and re.fullmatch(r"['’]s\s+", text[prev.end:m.start]):
            joined[-1] = OrgMention(prev.start, m.end, m.name, text[prev.start:m.end])
            owners.append((prev.name, m.name))
        else:
            joined.append(m)
    mentions = joined
    parts, last = [], 0
    for i, m in enumerate(mentions):
        parts += [text[last:m.start], f"@{i}@"]
        last = m.end
    parts.append(text[last:])
    return Template("".join(parts), mentions, tuple(owners))


INDEFINITE = re.compile(r"\b(?:a|an|any|each|every|another)\s+$", re.I)


def _a_kind(text: str, m: OrgMention) -> bool:
    """'a JHOSC comprising two councils', 'every Health and Wellbeing Board': a short form after
    an indefinite article speaks of the kind of body, not of the one the paper names (which an
    introduction names in full: 'There will be an Ashdown and Weald Joint ... Committee')."""
    return bool(INDEFINITE.search(text, 0, m.start)) and _key(m.text) != _key(m.name)


class MentionFinder:
    """The paper's bodies in a sentence, with the forms papers use without defining them."""

    def __init__(self, ctx: PaperContext):
        self.orgs = ctx.orgs
        self.entries: list[OrgEntry] = ctx.orgs.entries
        text = ctx.paper.text
        self.extra: list[tuple[re.Pattern, str]] = []
        known = {_key(f) for e in self.entries for f in e.forms | {e.name}}
        for entry, form in self._initials() + self._first_words() + self._without_tail():
            if _key(form) not in known and re.search(rf"\b{re.escape(form)}\b", text):
                self.extra.append((re.compile(rf"\b{re.escape(form)}\b"), entry.name))
        for head in HEADS:
            owners = [e for e in self.entries if e.name.split()[-1] == head and len(e.name.split()) > 1]
            own = [e for e in owners if e.name == ctx.orgs.author]      # a partnership's paper on itself
            if len(own or owners) == 1:
                self.extra.append((re.compile(rf"\b[Tt]he\s+{head}\b(?!\s+[A-Z])"), (own or owners)[0].name))
        government = [e for e in self.entries if re.fullmatch(r"(?:UK |HM |Central )?Government", e.name)]
        if len(government) == 1:
            self.extra.append((re.compile(r"\b(?:the\s+)?(?:previous\s+|current\s+|central\s+|national\s+)?government\b"),
                               government[0].name))
        plural_ccgs = [e for e in self.entries if e.org_type == "ccg" and re.search(r"CCGs$|Groups$", e.name)]
        if len(plural_ccgs) == 1:
            self.extra.append((re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?CCGs\b|\b(?:local\s+)?NHS\s+commissioners\b"), plural_ccgs[0].name))
            # "practices are members of a CCG": one of the group's CCGs, so the group
            self.extra.append((re.compile(r"\b(?:a|each|every)\s+CCG\b(?![\w\-/]|\s+[A-Z]|\s+governing)"),
                               plural_ccgs[0].name))
        scrutiny = [e for e in self.entries if re.search(r"Scrutiny Committees$", e.name)]
        if len(scrutiny) == 1:
            # "NHS bodies must consult their local health scrutiny committee(s)": the paper's one group of them
            self.extra.append((re.compile(r"\b(?:local\s+)?(?:health\s+)?scrutiny\s+committee(?:s|\(s\))"), scrutiny[0].name))
        if not [e for e in self.entries if e.org_type == "council"]:
            self.extra.append((re.compile(r"\b(?:[Ll]ocal [Aa]uthorities)\b"), "Local Authorities"))
        author = [e for e in self.entries if e.name == ctx.orgs.author and e.org_type == "council"]
        if author and not any(e.name.endswith("Authority") for e in self.entries):
            # a council's paper on itself: "this authority continues to fund ..."
            self.extra.append((re.compile(r"\b[Tt]his\s+[Aa]uthority\b|\b[Tt]he\s+Authority\b(?!\s+[A-Z])"), author[0].name))
        self.types = {e.name: e.org_type for e in self.entries} | {"Local Authorities": "council"}
        self.places = self._places()

    def _initials(self) -> list[tuple[OrgEntry, str]]:
        """'LBE' for 'London Borough of Exampleton', when no other body has the same initials."""
        by_initials: dict[str, list[OrgEntry]] = {}
        for e in self.entries:
            words = [w for w in re.findall(r"[A-Za-z]+", e.name) if w.lower() not in JOINERS]
            if len(words) >= 3 and all(w[0].isupper() for w in words):
                by_initials.setdefault("".join(w[0] for w in words), []).append(e)
        return [(es[0], acronym) for acronym, es in by_initials.items() if len(es) == 1]

    def _without_tail(self) -> list[tuple[OrgEntry, str]]:
        """'The Open Door Project' for 'The Open Door Project Trust': a charity's or company's name
        of three words or more without its closing kind word, when no other body's name holds it."""
        out = []
        for e in self.entries:
            words = e.name.split()
            if e.org_type in ("voluntary", "company") and len(words) >= 4 and words[-1].lower() in NAME_TAIL:
                short = " ".join(words[:-1])
                if not any(short in other.name for other in self.entries if other is not e):
                    out.append((e, short))
        return out

    def _first_words(self) -> list[tuple[OrgEntry, str]]:
        """'Riverside' for 'Riverside Foundation Trust': a provider's own name word that no other body
        of the paper shares."""
        out = []
        for e in self.entries:
            words = e.name.split()
            if e.org_type in ("nhs_trust", "company", "voluntary") and len(words) > 1 \
                    and all(w.lower() in NAME_TAIL for w in words[1:]):
                if not any(words[0] in other.name.split() for other in self.entries if other is not e):
                    out.append((e, words[0]))
        return out

    def _places(self) -> list[tuple[re.Pattern, str]]:
        """'Exampleton were set to receive ...', 'Kingsmere and the Department of ... hosted': a
        council's place opening a sentence as its subject is the council."""
        out = []
        for e in self.entries:
            m = re.fullmatch(r"(?:(?:London|Royal) Borough of (?P<a>.+)|(?P<b>.+?)\s+(?:(?:Metropolitan\s+)?(?:County|City|"
                             r"Borough|District)\s+)?Council)", e.name) if e.org_type == "council" else None
            place = m and (m.group("a") or m.group("b"))
            if place and not any(o is not e and place in o.name for o in self.entries if o.org_type == "council"):
                out.append((re.compile(rf"(?:^\W*(?:\([a-z0-9]+\)\s+)?(?:In\s+\d{{4}},\s+)?|,\s+(?:however,?\s+|but\s+|whereas\s+)?)"
                                       rf"{re.escape(place)}\b(?=\s+(?:and|in\s+partnership|"
                                       r"together|alongside|were|was|is|are|had|has|have|will|would|received|receives)\b)"), e.name))
        return out

    def find(self, text: str) -> list[OrgMention]:
        spans = [m for m in self.orgs.find(text) if m.text.lower() not in POSSESSIVE and not _a_kind(text, m)]
        for regex, name in self.places:
            spans += [OrgMention(m.end() - len(m.group(0).split()[-1]), m.end(), name, m.group(0).split()[-1])
                      for m in regex.finditer(text)]
        for regex, name in self.extra:
            spans += [OrgMention(m.start(), m.end(), name, m.group(0)) for m in regex.finditer(text)]
        return leftmost_longest(spans)

    def org_type(self, name: str) -> str:
        return self.types.get(name, "other")

    def merged_from(self, name: str) -> str | None:
        """The single body that the group `name` ('Ashdown CCGs') becomes ('Ashdown CCG')."""
        own = _key(name)
        if not own.endswith("s"):
            return None
        found = [e.name for e in self.entries if _key(e.name) == own[:-1]]
        return found[0] if len(found) == 1 else None
