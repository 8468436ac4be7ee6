"""Relations a sentence states between bodies: who commissions, funds, hosts, answers to,
reports to, sits on, works with or replaces whom (ANNOTATION.md's relation types).

Each sentence is rewritten with its bodies as placeholders ("@0@ and @1@ both use @2@ as
their main provider"), and clause patterns over that template decide the relation and its
direction. A coordinated subject ("both the CCG and the Council") gives each body the
relation. Bodies come from the paper's organisation index, plus the forms papers use without
defining them: initials ("LBB" for London Borough of Bromley), a trust's own first word
("Oxleas"), the one body a bare head noun means ("the Forum"), and plural mentions of the
paper's group of CCGs or of local authorities. A pattern that does not fire gives nothing:
a missing relation is better than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.context import PaperContext, Sentence
from extractors.organisations import OrgEntry, OrgMention, _key, leftmost_longest
from schemas import Relation

COMMISSIONERS = {"ccg", "council", "nhs_england"}
JOINERS = {"of", "and", "the", "&", "for", "in", "on"}
NAME_TAIL = {"nhs", "foundation", "trust", "healthcare", "ltd", "limited", "cic", "plc", "charity"}
HEADS = ("Forum", "Executive", "Committee", "Partnership", "Trust", "Federation", "Alliance",
         "Network", "Panel", "Cabinet")
POSSESSIVE = {"our", "us", "their", "its"}
SCRUTINY = re.compile(r"scrutiny|\bJHOSC\b|\bOSC\b", re.I)

# Determiners and modifiers that may stand before a body without being part of its name.
DET = r"(?:(?:the|both|all|each|individual|local|our|its|their|existing|new|single|merged|of|former)\s+)*"
ONE = rf"{DET}@\d+@"
GROUP = rf"{ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+or\s+){ONE})*"
S, T = rf"(?P<s>{GROUP})", rf"(?P<t>{GROUP})"
AUX = r"(?:(?:will|would|shall|should|could|may|might|can|to|also|now|both|jointly|continue|continues|to|want|wants|be|already)\s+)*"
BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|will\s+be|would\s+be)"
LABEL = r"[^,;@()\[\]]{3,60}?(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"
# A body that ends its phrase: "led by the CCG." but not "led by the CCG programme team".
ENDS = r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|to|with|in|on|at|for|from|as|until|since|through|who|which)\b)"

# (template regex, relation); groups s and t are the source and target bodies, or `label` a
# function or event a body hosts.
PATTERNS: list[tuple[str, str]] = [
    # commissions
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?from\s+{T}", "commissions"),
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned)\s+{T}", "commissions"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|directly\s+)?commissioned\s+by\s+{S}", "commissions"),
    (rf"{S}\s+{AUX}(?:sub-?contract|sub-?contracts|sub-?contracted)\s+(?:[\w\-]+\s+){{0,4}}?to\s+{T}", "commissions"),
    (rf"\(?{T}\)?\s+{BE}\s+sub-?contracted\s+by\s+{S}", "commissions"),
    (rf"{S}\s+{AUX}(?:use|uses|used)\s+{T}\s+as\s+(?:their|its|the)\s+(?:main\s+|lead\s+|sole\s+|principal\s+)?(?:[\w\-]+\s+){{0,3}}?provider", "commissions"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:hold|holds|holding|has|have|signed|signs|award|awards|awarded)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,4}}?contracts?\s+with\s+(?P<t>{ONE})", "contract"),
    # funds
    (rf"{S}\s+{AUX}(?:fund|funds|funded|provides?\s+funding\s+(?:to|for)|makes?\s+a\s+(?:financial\s+)?contribution\s+to)\s+{T}(?!\s*['’]s)", "funds"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|partly\s+|fully\s+|directly\s+)?funded\s+by\s+{S}", "funds"),
    # provides_to
    (rf"{S}(?:['’]s)?\s+(?:[\w\-]+\s+){{0,3}}?{BE}?\s*seconded\s+to\s+{T}", "provides_to"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|deliver|delivers|supply|supplies)\s+(?:[\w\-]+\s+){{1,5}}?(?:to|for)\s+{T}", "provides_to"),
    # hosts
    (rf"{S}\s+{AUX}(?:host|hosts|hosted)\s+{T}", "hosts"),
    (rf"{T}\s+{BE}\s+hosted\s+by\s+{S}", "hosts"),
    (rf"(?:^|[,;]\s*|\band\s+)(?P<label>{LABEL})\s+{BE}\s+(?:hosted|led)\s+by\s+{S}{ENDS}", "hosts"),
    (rf"{S}\s+as\s+(?:the\s+)?(?:lead\s+(?:and|&)\s+host|host\s+(?:and|&)\s+lead|host)(?:\s+(?:organisation|body|commissioner))?"
     rf"\s+for\s+(?P<label>[^,;@.()]{{3,60}}?)(?=\s+and\s+|\s*[,;.()]|$)", "hosts"),
    # accountable_to and reports_to
    (rf"{S}\s+{AUX}(?:{BE}\s+)?(?:held\s+)?(?:directly\s+)?(?:accountable|answerable)\s+to\s+{T}", "accountable_to"),
    (rf"{T}\s+{AUX}(?:hold|holds)\s+{S}\s+to\s+account", "accountable_to"),
    (rf"{S}[^@;:]{{0,160}}?\b(?:reports?|reporting|bring\s+back[^@;:]{{0,40}}?reports?|provides?[^@;:]{{0,20}}?(?:updates|reports))"
     rf"\s+(?:[^@;:]{{0,40}}?\s)?(?:to|into)\s+{T}", "reports_to"),
    (rf"{T}\s+{AUX}(?:receive|receives)\s+(?:\w+\s+){{0,2}}?(?:reports|updates)\s+from\s+{S}", "reports_to"),
    # member_of
    (rf"{S}\s+{AUX}(?:is|are|be|become|becomes|became|remain|remains)\s+(?:a\s+|all\s+|full\s+|voting\s+|founding\s+)?(?:members?|part)\s+of\s+{T}", "member_of"),
    (rf"{S}\s+{AUX}(?:sit|sits|be\s+represented|are\s+represented|is\s+represented)\s+on\s+{T}", "member_of"),
    (rf"(?P<t>{ONE})[^@;]{{0,40}}?\b(?:has|have|with|includes?|including)\s+(?:\w+\s+)?representation\s+from\s+{S}", "member_of"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:brings|will\s+bring)\s+together\s+(?P<s>[^;]*)", "member_of"),
    (rf"(?P<t>{ONE})(?:['’]s)?\s+membership\s+(?:includes?|comprises?|is\s+made\s+up\s+of)\s+{S}", "member_of"),
    # partners_with
    (rf"{S}\s+{AUX}(?:work|works|working|worked)\s+(?:closely\s+|jointly\s+|in\s+partnership\s+)?(?:together\s+)?"
     rf"(?:with|alongside)\s+(?:each\s+of\s+|all\s+of\s+)?{T}", "partners_with"),
    (rf"{S}\s+{AUX}(?:\w+\s+){{0,2}}?in\s+partnership\s+with\s+{T}", "partners_with"),
    (rf"partnership\s+between\s+{S}\s+and\s+{T}", "partners_with"),
    # replaces
    (rf"{S}\s+{AUX}(?:replace|replaces|replaced|supersede|supersedes|take\s+the\s+place\s+of|takes\s+the\s+place\s+of|takes\s+over\s+from)\s+{T}", "replaces"),
    (rf"{T}\s+{BE}\s+(?:replaced|superseded)\s+by\s+{S}", "replaces"),
]
COMPILED = [(re.compile(p, re.I), relation) for p, relation in PATTERNS]

# "The CCG and the Council both agree ...": two bodies as the sentence's subject, acting together.
TOGETHER = re.compile(rf"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:both\s+)?(?P<s>{ONE})\s*(?:,|and|&)\s*(?P<t>{ONE})\s+"
                      r"(?![^@]*@)(?:[^@.;]{0,120}?)\b(?:both\s+agree|have\s+agreed|jointly|working\s+(?:closely\s+)?together|"
                      r"work\s+(?:closely\s+)?together|have\s+committed|are\s+committed)\b", re.I)
# "Three organisations (@0@, @1@, @2@) have been subcontracted to ...": by the provider the
# section was just talking about, when the sentence does not say.
SUBCONTRACTED = re.compile(rf"\(?{T}\)?\s+{BE}\s+sub-?contracted\b(?!\s+by\b)", re.I)
PROVIDERS = {"company", "nhs_trust"}
RECENT = 6
"""How many sentences back, in the same section, the provider of a subcontract may be named."""
# "@0@ will attend ... scrutiny committees and @1@": answering to a scrutiny body, reporting to a board.
ATTEND = re.compile(rf"{S}\s+{AUX}(?:attend|attends|be\s+represented\s+at)\b(?P<rest>.*)", re.I)
# "This arrangement would take the place of @0@": the body the previous sentence set up.
ANAPHOR = re.compile(r"^\W*(?:this|the\s+new)\s+(?:arrangement|body|board|group|committee|executive|structure|"
                     r"forum|organisation|partnership)\s+(?:\w+\s+){0,2}?(?:replace|replaces|take\s+the\s+place\s+of|"
                     rf"supersede|supersedes)\s+(?P<t>{ONE})", re.I)
# "we become a single CCG": the merged body replaces the bodies that merge.
MERGE = re.compile(rf"{S}\s+{AUX}(?:\w+\s+){{0,2}}?(?:become|becomes|merge\s+(?:in)?to|merging\s+(?:in)?to|form|forms)\s+"
                   r"(?:a|one|the)\s+(?:single|new|merged)\s+(?:CCG|clinical\s+commissioning\s+group)\b", re.I)


# depends_on between events, as short labels of the sentence's own words:
# "Depending on X, Y", "Y depends on X", "Y, subject to X".
CLAUSE = r"[^,;:()]{8,140}?"
DEPENDS = [
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?:depending|dependent|conditional|contingent)\s+(?:up)?on\s+(?P<t>{CLAUSE}),\s*(?P<s>{CLAUSE})[.;]?$", re.I),
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?P<s>{CLAUSE})\s+(?:depends|depend|will\s+depend|is\s+dependent|are\s+dependent|"
               rf"is\s+contingent|are\s+contingent|is\s+conditional|are\s+conditional)\s+(?:up)?on\s+(?P<t>{CLAUSE})[.;]?$", re.I),
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?P<s>{CLAUSE}),?\s+subject\s+to\s+(?P<t>{CLAUSE})[.;]?$", re.I),
]


@dataclass
class _Template:
    text: str
    mentions: list[OrgMention]

    def bodies(self, group: str) -> list[str]:
        """Canonical names of the placeholders in a matched group, in order, once each."""
        names = [self.mentions[int(i)].name for i in re.findall(r"@(\d+)@", group or "")]
        return list(dict.fromkeys(names))


def extract_relations(ctx: PaperContext) -> list[Relation]:
    finder = MentionFinder(ctx)
    out, seen = [], set()
    previous: Sentence | None = None
    providers: list[tuple[int, str, str]] = []      # (sentence number, section, provider named)
    for n, sentence in enumerate(ctx.sentences):
        mentions = finder.find(sentence.text)
        template = _template(sentence.text, mentions)
        before = finder.find(previous.text) if previous and previous.block_index == sentence.block_index else []
        found = [*_relations(template, before, finder), *_dependencies(sentence.text)]
        recent = [name for i, section, name in providers if section == sentence.section and n - i <= RECENT]
        m = SUBCONTRACTED.search(template.text)
        if m and recent:
            found += [(recent[-1], "commissions", target) for target in template.bodies(m.group("t"))]
        providers += [(n, sentence.section, m.name) for m in mentions if finder.org_type(m.name) in PROVIDERS]
        for source, relation, target in found:
            key = (source, relation, target)
            if source != target and key not in seen:
                seen.add(key)
                out.append(Relation(**sentence.provenance(ctx.document), source=source,
                                    relation=relation, target=target))
        previous = sentence
    return out


def _template(text: str, mentions: list[OrgMention]) -> _Template:
    parts, last = [], 0
    for i, m in enumerate(mentions):
        parts += [text[last:m.start], f"@{i}@"]
        last = m.end
    parts.append(text[last:])
    return _Template("".join(parts), mentions)


def _relations(template: _Template, before: list[OrgMention], finder: MentionFinder):
    text = template.text
    if "@" not in text:
        return
    for regex, relation in COMPILED:
        for m in regex.finditer(text):
            sources = template.bodies(m.group("s"))
            if "label" in regex.groupindex and m.group("label"):
                label = _clean_label(m.group("label"))
                if label:
                    for source in sources:
                        yield source, relation, label
                continue
            for source in sources:
                for target in template.bodies(m.group("t")):
                    yield from _directed(source, relation, target, finder)
    m = TOGETHER.search(text)
    if m:
        yield template.bodies(m.group("s"))[0], "partners_with", template.bodies(m.group("t"))[0]
    m = ATTEND.search(text)
    if m:
        for source in template.bodies(m.group("s")):
            for i in re.findall(r"@(\d+)@", m.group("rest")):
                mention = template.mentions[int(i)]
                if finder.org_type(mention.name) == "board":
                    relation = "accountable_to" if SCRUTINY.search(mention.text + " " + mention.name) else "reports_to"
                    yield source, relation, mention.name
    m = ANAPHOR.search(text)
    if m and len({b.name for b in before}) == 1:
        yield before[0].name, "replaces", template.bodies(m.group("t"))[0]
    m = MERGE.search(text)
    if m:
        for source in template.bodies(m.group("s")):
            merged = finder.merged_from(source)
            if merged:
                yield merged, "replaces", source


def _dependencies(text: str):
    for regex in DEPENDS:
        m = regex.search(text.strip())
        if m:
            source, target = _clean_label(m.group("s")), _clean_label(m.group("t"))
            if source and target:
                yield source, "depends_on", target
            return


def _directed(source: str, relation: str, target: str, finder: MentionFinder):
    """A contract between two bodies is commissioning from the commissioner to the provider,
    whichever of them the sentence says holds it; between two commissioners it says nothing."""
    if relation != "contract":
        yield source, relation, target
        return
    commissioners = [name for name in (source, target) if finder.org_type(name) in COMMISSIONERS]
    if len(commissioners) == 1:
        provider = target if commissioners[0] == source else source
        yield commissioners[0], "commissions", provider


def _clean_label(label: str) -> str | None:
    label = re.sub(r"^\W*(?:the|a|an)\s+", "", label.strip(), flags=re.I).strip(" '\"‘’")
    label = re.sub(r"^[‘'\"]|[’'\"](?=\s)", "", label).strip()
    if not label or re.match(r"(?:this|that|it|these|those|which|who|they)\b", label, re.I) or "@" in label:
        return None
    return label


class MentionFinder:
    """The paper's bodies in a sentence, with the forms papers use without defining them."""

    def __init__(self, ctx: PaperContext):
        self.orgs = ctx.orgs
        self.entries: list[OrgEntry] = ctx.orgs.entries
        text = ctx.paper.text
        self.extra: list[tuple[re.Pattern, str]] = []
        known = {_key(f) for e in self.entries for f in e.forms | {e.name}}
        for entry, form in self._initials() + self._first_words():
            if _key(form) not in known and re.search(rf"\b{re.escape(form)}\b", text):
                self.extra.append((re.compile(rf"\b{re.escape(form)}\b"), entry.name))
        for head in HEADS:
            owners = [e for e in self.entries if e.name.split()[-1] == head]
            if len(owners) == 1 and len(owners[0].name.split()) > 1:
                self.extra.append((re.compile(rf"\b[Tt]he\s+{head}\b(?!\s+[A-Z])"), owners[0].name))
        plural_ccgs = [e for e in self.entries if e.org_type == "ccg" and re.search(r"CCGs$|Groups$", e.name)]
        if len(plural_ccgs) == 1:
            self.extra.append((re.compile(r"\b[Tt]he\s+(?:[a-z]+\s+)?CCGs\b"), plural_ccgs[0].name))
            # "practices are members of a CCG": one of the group's CCGs, so the group
            self.extra.append((re.compile(r"\b(?:a|each|every)\s+CCG\b(?![\w\-/]|\s+[A-Z]|\s+governing)"),
                               plural_ccgs[0].name))
        if not [e for e in self.entries if e.org_type == "council"]:
            self.extra.append((re.compile(r"\b(?:[Ll]ocal [Aa]uthorities)\b"), "Local Authorities"))
        self.types = {e.name: e.org_type for e in self.entries} | {"Local Authorities": "council"}

    def _initials(self) -> list[tuple[OrgEntry, str]]:
        """'LBB' for 'London Borough of Bromley', when no other body has the same initials."""
        by_initials: dict[str, list[OrgEntry]] = {}
        for e in self.entries:
            words = [w for w in re.findall(r"[A-Za-z]+", e.name) if w.lower() not in JOINERS]
            if len(words) >= 3 and all(w[0].isupper() for w in words):
                by_initials.setdefault("".join(w[0] for w in words), []).append(e)
        return [(es[0], acronym) for acronym, es in by_initials.items() if len(es) == 1]

    def _first_words(self) -> list[tuple[OrgEntry, str]]:
        """'Oxleas' for 'Oxleas Foundation Trust': a provider's own name word that no other body
        of the paper shares."""
        out = []
        for e in self.entries:
            words = e.name.split()
            if e.org_type in ("nhs_trust", "company", "voluntary") and len(words) > 1 \
                    and all(w.lower() in NAME_TAIL for w in words[1:]):
                if not any(words[0] in other.name.split() for other in self.entries if other is not e):
                    out.append((e, words[0]))
        return out

    def find(self, text: str) -> list[OrgMention]:
        spans = [m for m in self.orgs.find(text) if m.text.lower() not in POSSESSIVE]
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
