"""Relations a sentence states between bodies: who commissions, funds, hosts, answers to,
reports to, sits on, works with or replaces whom (ANNOTATION.md's relation types).

Each sentence is rewritten with its bodies as placeholders ("@0@ and @1@ both use @2@ as
their main provider"), and clause patterns over that template decide the relation and its
direction. A coordinated subject ("both the CCG and the Council") gives each body the
relation. Clauses that name only one end are `relation_implicit`'s. "This group" means the
one body of that kind the sentence before named. Bodies come from `MentionFinder`. A pattern that does not fire gives
nothing: a missing relation is better than a wrong one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.context import PaperContext, Sentence
from extractors.organisations import OrgMention
from extractors.relation_implicit import implicit_relations
from extractors.relation_mentions import MentionFinder, Template, template_of
from schemas import Relation

COMMISSIONERS = {"ccg", "council", "nhs_england"}
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
PATTERNS: list[tuple[str, str, str]] = [
    # commissions
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?from\s+{T}", "commissions", "commissioning from"),
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned)\s+{T}", "commissions", "X commissions Y"),
    (rf"{S}-commissioned\s+{T}", "commissions", "X-commissioned Y"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|directly\s+)?commissioned\s+by\s+{S}", "commissions", "commissioned by"),
    (rf"{S}\s+{AUX}(?:sub-?contract|sub-?contracts|sub-?contracted)\s+(?:[\w\-]+\s+){{0,4}}?to\s+{T}", "commissions", "subcontracts to"),
    (rf"\(?{T}\)?\s+{BE}\s+sub-?contracted\s+by\s+{S}", "commissions", "subcontracted by"),
    (rf"{S}\s+{AUX}(?:use|uses|used)\s+{T}\s+as\s+(?:their|its|the)\s+(?:main\s+|lead\s+|sole\s+|principal\s+)?(?:[\w\-]+\s+){{0,3}}?provider", "commissions", "uses as provider"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:hold|holds|holding|has|have|signed|signs|award|awards|awarded|(?:has\s+|have\s+)?secured|"
     rf"(?:has\s+|have\s+)?agreed|let|lets|entered\s+into)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,7}}?contracts?\s+with\s+(?P<t>{ONE})", "contract", "contract with"),
    # funds
    (rf"{S}\s+{AUX}(?:fund|funds|funded|provides?\s+funding\s+(?:to|for)|makes?\s+a\s+(?:financial\s+)?contribution\s+to)\s+{T}(?!\s*['’]s)", "funds", "X funds Y"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|partly\s+|fully\s+|directly\s+)?funded\s+by\s+{S}", "funds", "funded by"),
    (rf"{S}-funded\s+{T}", "funds", "X-funded Y"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:allocated|awarded|granted|gave|given|committed)\s+[^@.;]{{0,40}}?"
     rf"(?:funding|grant|£[\d.,]+\s*(?:m|k|bn|million|billion)?)\s+(?:to|for)\s+{T}", "funds", "allocated funding to"),
    # provides_to
    (rf"{S}(?:['’]s)?\s+(?:[\w\-]+\s+){{0,3}}?{BE}?\s*seconded\s+to\s+{T}", "provides_to", "seconded to"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|deliver|delivers|supply|supplies)\s+(?:[\w\-]+\s+){{1,5}}?(?:to|for)\s+{T}", "provides_to", "provides services to"),
    # hosts
    (rf"{S}\s+{AUX}(?:host|hosts|hosted)\s+{T}", "hosts", "X hosts Y"),
    (rf"{T}\s+{BE}\s+hosted\s+by\s+{S}", "hosts", "hosted by"),
    (rf"{T}\s+(?:sits|sit|is\s+located|are\s+located|is\s+based|are\s+based|is\s+managed|are\s+managed|is\s+hosted|are\s+hosted)"
     rf"\s+(?:within|in|under|by)\s+{S}", "hosts", "sits within"),
    (rf"{S}-(?:sponsored|led|hosted|run|managed)\s+{T}", "hosts", "X-sponsored Y"),
    (rf"(?:^|[,;]\s*|\band\s+)(?P<label>{LABEL})\s+{BE}\s+(?:hosted|led)\s+by\s+{S}{ENDS}", "hosts", "label hosted/led by"),
    (rf"{S}\s+as\s+(?:the\s+)?(?:lead\s+(?:and|&)\s+host|host\s+(?:and|&)\s+lead|host)(?:\s+(?:organisation|body|commissioner))?"
     rf"\s+for\s+(?P<label>[^,;@.()]{{3,60}}?)(?=\s+and\s+|\s*[,;.()]|$)", "hosts", "host for label"),
    # accountable_to and reports_to
    (rf"{S}\s+{AUX}(?:{BE}\s+)?(?:held\s+)?(?:directly\s+)?(?:accountable|answerable)\s+to\s+{T}", "accountable_to", "accountable to"),
    (rf"{T}\s+{AUX}(?:hold|holds)\s+{S}\s+to\s+account", "accountable_to", "holds to account"),
    (rf"{S}[^@;:]{{0,160}}?\b(?:reports?|reporting|bring\s+back[^@;:]{{0,40}}?reports?|provides?[^@;:]{{0,20}}?(?:updates|reports))"
     rf"\s+(?:[^@;:]{{0,40}}?\s)?(?:to|into)\s+{T}", "reports_to", "reports to"),
    (rf"{T}\s+{AUX}(?:receive|receives|received|consider|considers|considered|noted)\s+(?:\w+\s+){{0,3}}?"
     rf"(?:reports|updates|amendments|recommendations|comments)\s+from\s+{S}", "reports_to", "receives reports from"),
    # member_of
    (rf"{S}\s+{AUX}(?:is|are|be|become|becomes|became|remain|remains|was|were)\s+(?:a\s+|all\s+|one\s+of\s+the\s+)?"
     rf"(?:full\s+|voting\s+|founding\s+|statutory\s+|key\s+|core\s+)?(?:members?|part|partners?)\s+(?:of|in|on)\s+{T}", "member_of", "is a member of"),
    (rf"{S}\s+{AUX}(?:sit|sits|be\s+represented|are\s+represented|is\s+represented|chair|chairs|chaired|co-chairs)\s+(?:on\s+)?{T}", "member_of", "sits on / chairs"),
    (rf"{T}\s+{BE}\s+(?:co-)?chaired\s+by\s+{S}", "member_of", "chaired by"),
    (rf"(?P<t>{ONE})[^@;]{{0,40}}?\b(?:has|have|with|includes?|including)\s+(?:\w+\s+)?representation\s+from\s+{S}", "member_of", "representation from"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:brings|will\s+bring|brought)\s+together\s+(?P<s>[^;]*)", "member_of", "which brings together"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:includes|included|include|comprises|comprised|is\s+made\s+up\s+of)\s+"
     rf"(?:[a-z]+\s+){{0,3}}?(?:from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "which includes"),
    (rf"(?P<t>{ONE})(?:['’]s)?\s+(?:membership|members)\s+(?:includes?|comprises?|is\s+made\s+up\s+of|are)\s+(?P<s>[^;]*)", "member_of", "membership includes"),
    (rf"(?P<t>{ONE})\s+(?:comprises|comprising(?:\s+of)?|consists\s+of|is\s+made\s+up\s+of|is\s+formed\s+of|brings\s+together)\s+"
     rf"(?:(?:representatives|members|leaders|partners|councillors|senior\s+\w+)\s+)?(?:appointed\s+by\s+|from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "comprises"),
    (rf"(?P<t>{ONE})\s+{BE}\s+(?:a\s+|the\s+)?(?:statutory\s+)?(?:joint\s+committee|partnership|alliance|collaboration|coalition)\s+"
     rf"(?:of|between)\s+(?P<s>[^;.]*)", "member_of", "is a partnership of"),
    # reports_to: a body's sub-group reports to it
    (rf"{S}\s+{BE}\s+(?:a\s+|the\s+)?(?:sub-?group|sub-?committee|sub-?board|working\s+group)\s+of\s+{T}", "reports_to", "is a sub-group of"),
    # partners_with
    (rf"{S}\s+{AUX}(?:work|works|working|worked)\s+(?:closely\s+|jointly\s+|in\s+partnership\s+)?(?:together\s+)?"
     rf"(?:with|alongside)\s+(?:each\s+of\s+|all\s+of\s+)?{T}", "partners_with", "works with"),
    (rf"{S}\s+{AUX}(?:\w+\s+){{0,2}}?in\s+partnership\s+with\s+{T}", "partners_with", "in partnership with"),
    (rf"{S},?\s+(?:along|together)\s+with\s+(?:other\s+\w+,?\s+(?:such\s+as|including)\s+)?{T}", "partners_with", "along with"),
    (rf"partnership\s+between\s+{S}\s+and\s+{T}", "partners_with", "partnership between"),
    # replaces
    (rf"{S}\s+{AUX}(?:replace|replaces|replaced|supersede|supersedes|take\s+the\s+place\s+of|takes\s+the\s+place\s+of|takes\s+over\s+from)\s+{T}", "replaces", "X replaces Y"),
    (rf"{T}\s+{BE}\s+(?:replaced|superseded)\s+by\s+{S}", "replaces", "replaced by"),
    # provides_to
    (rf"{S}[^@.;]{{0,60}}?\b(?:helped|helps|help)\s+{T}", "provides_to", "helps"),
    (rf"(?:delivered|provided|run)\s+by\s+{S}\s+on\s+behalf\s+of\s+{T}", "provides_to", "delivered by X on behalf of Y"),
    (rf"{S}\s+{AUX}(?:deliver|delivers|delivered|provide|provides|provided|run|runs)\s+[^@.;]{{0,80}}?on\s+behalf\s+of\s+{T}", "provides_to", "X delivers on behalf of Y"),
]
COMPILED = [(re.compile(p, re.I), relation, rule) for p, relation, rule in PATTERNS]

# "The CCG and the Council both agree ...": two bodies as the sentence's subject, acting together.
TOGETHER = re.compile(rf"^\W*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?(?:both\s+)?(?P<s>{ONE})\s*(?:,|and|&)\s*(?P<t>{ONE})\s+"
                      r"(?:[^@.;]{0,120}?)\b(?:both\s+agree|have\s+agreed|jointly|working\s+(?:closely\s+)?together|"
                      r"work\s+(?:closely\s+)?together|have\s+committed|are\s+committed|co-?hosted|hosted|signed|launched)\b", re.I)
# "@0@ and Mr Jones wrote to the Minister": a body acting with one of the author's members.
WITH_MEMBER = re.compile(rf"(?P<s>{ONE})\s+and\s+(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+[A-Z][\w'’\-]+\s+"
                         r"(?:had\s+|have\s+)?(?:wrote|written|met|jointly|signed|hosted|launched|visited)\b")
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


# "This group, which included ...": the one body of that kind the sentence before named.
THIS = re.compile(r"^\W*(?:this|the)\s+(group|board|committee|partnership|forum|alliance|network|panel|executive)\b", re.I)


# depends_on between events, as short labels of the sentence's own words:
# "Depending on X, Y", "Y depends on X", "Y, subject to X".
CLAUSE = r"[^,;:()]{8,140}?"
DEPENDS = [
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?:depending|dependent|conditional|contingent)\s+(?:up)?on\s+(?P<t>{CLAUSE}),\s*(?P<s>{CLAUSE})[.;]?$", re.I),
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?P<s>{CLAUSE})\s+(?:depends|depend|will\s+depend|is\s+dependent|are\s+dependent|"
               rf"is\s+contingent|are\s+contingent|is\s+conditional|are\s+conditional)\s+(?:up)?on\s+(?P<t>{CLAUSE})[.;]?$", re.I),
    re.compile(rf"^(?:[^:]{{3,30}}:\s*)?(?P<s>{CLAUSE}),?\s+subject\s+to\s+(?P<t>{CLAUSE})[.;]?$", re.I),
]


@dataclass(frozen=True)
class Candidate:
    """A relation a sentence states, with the rule that read it (so each rule's hits can be
    counted right and wrong: bench/relation_patterns.py)."""

    sentence: Sentence
    source: str
    relation: str
    target: str
    rule: str


def extract_relations(ctx: PaperContext) -> list[Relation]:
    """Each relation once, at the first sentence that states it."""
    out, seen = [], set()
    for c in suggest(ctx):
        key = (c.source, c.relation, c.target)
        if c.source != c.target and key not in seen:
            seen.add(key)
            out.append(Relation(**c.sentence.provenance(ctx.document), source=c.source,
                                relation=c.relation, target=c.target))
    return out


def suggest(ctx: PaperContext) -> list[Candidate]:
    """Every relation the rules read in the part's sentences, in order."""
    finder = MentionFinder(ctx)
    out: list[Candidate] = []
    previous: Sentence | None = None
    providers: list[tuple[int, str, str]] = []      # (sentence number, section, provider named)
    for n, sentence in enumerate(ctx.sentences):
        before = finder.find(previous.text) if previous and previous.block_index == sentence.block_index else []
        mentions = _with_anaphor(sentence.text, finder.find(sentence.text), before)
        template = template_of(sentence.text, mentions)
        found = [*_relations(template, before, finder), *implicit_relations(template, finder, ctx.orgs.author),
                 *_dependencies(sentence.text)]
        recent = [name for i, section, name in providers if section == sentence.section and n - i <= RECENT]
        m = SUBCONTRACTED.search(template.text)
        if m and recent:
            found += [(recent[-1], "commissions", target, "subcontracted, by the provider just named")
                      for target in template.bodies(m.group("t"))]
        providers += [(n, sentence.section, m.name) for m in mentions if finder.org_type(m.name) in PROVIDERS]
        out += [Candidate(sentence, *f) for f in found]
        previous = sentence
    return out


def _with_anaphor(text: str, mentions: list[OrgMention], before: list[OrgMention]) -> list[OrgMention]:
    """'This group' opening a sentence is the one group the sentence before named."""
    m = THIS.match(text)
    if not m or any(x.start < m.end() for x in mentions):
        return mentions
    named = {b.name for b in before if b.name.lower().endswith(m.group(1).lower())}
    if len(named) != 1:
        return mentions
    return [OrgMention(m.start(1) - len("this "), m.end(), named.pop(), m.group(0).strip()), *mentions]


def _relations(template: Template, before: list[OrgMention], finder: MentionFinder):
    text = template.text
    if "@" not in text:
        return
    two = len(template.mentions) > 1
    for regex, relation, rule in COMPILED:
        if not two and "label" not in regex.groupindex:
            continue                # a relation between bodies needs two of them
        for m in regex.finditer(text):
            sources = template.bodies(m.group("s"))
            if "label" in regex.groupindex and m.group("label"):
                label = _clean_label(m.group("label"))
                if label:
                    for source in sources:
                        yield source, relation, label, rule
                continue
            for source in sources:
                for target in template.bodies(m.group("t")):
                    yield from ((*triple, rule) for triple in _directed(source, relation, target, finder))
    m = TOGETHER.search(text)
    if m:
        yield template.bodies(m.group("s"))[0], "partners_with", template.bodies(m.group("t"))[0], "acting together"
    m = WITH_MEMBER.search(text)
    if m and finder.orgs.author:
        for source in template.bodies(m.group("s")):
            yield source, "partners_with", finder.orgs.author, "acting with a member"
    m = ATTEND.search(text)
    if m:
        for source in template.bodies(m.group("s")):
            for i in re.findall(r"@(\d+)@", m.group("rest")):
                mention = template.mentions[int(i)]
                if finder.org_type(mention.name) == "board":
                    relation = "accountable_to" if SCRUTINY.search(mention.text + " " + mention.name) else "reports_to"
                    yield source, relation, mention.name, "attends"
    m = ANAPHOR.search(text)
    if m and len({b.name for b in before}) == 1:
        yield before[0].name, "replaces", template.bodies(m.group("t"))[0], "this arrangement replaces"
    m = MERGE.search(text)
    if m:
        for source in template.bodies(m.group("s")):
            merged = finder.merged_from(source)
            if merged:
                yield merged, "replaces", source, "merge into a single body"


def _dependencies(text: str):
    for regex in DEPENDS:
        m = regex.search(text.strip())
        if m:
            source, target = _clean_label(m.group("s")), _clean_label(m.group("t"))
            if source and target:
                yield source, "depends_on", target, "depends on"
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
