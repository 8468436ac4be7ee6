"""Relations a sentence states between bodies: who commissions, funds, hosts, answers to,
reports to, sits on, works with or replaces whom (ANNOTATION.md's relation types).

suggest: each sentence is rewritten with its bodies as placeholders ("@0@ and @1@ both use
@2@ as their main provider") and read by the clause patterns between two bodies
(`relation_patterns`), the clauses that name one end (`relation_implicit`) and the rules
here that look beyond one clause: "This group" and "It" for a body the sentence before
named, a list item as the end of its lead-in, a subcontract by the provider just named.
Every candidate carries the rule that read it. classify: drop what cannot be a relation.
fill: the record, once per relation. Bodies come from `MentionFinder`. A pattern that does
not fire gives nothing: a missing relation is better than a wrong one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.context import PaperContext, Sentence
from extractors.organisations import OrgMention
from extractors.relation_implicit import Ends, implicit_relations
from extractors.relation_mentions import COMMISSIONERS, MentionFinder, Template, template_of
from extractors.relation_patterns import AT_BODY, AUX, BE, COMPILED, ONE, S, T, body_starts, matches
from schemas import Relation

OWNERS = {"council", "ccg", "nhs_trust", "nhs_england", "company", "unit"}
"""The bodies whose own teams and directorates are part of them (not a partnership or board a
team sits on)."""
JOINED = {"board", "partnership", "voluntary", "other"}
"""The bodies one joins as a member (a partnership, an alliance, a board); a council or trust
'joined' by another is a merger or a joint act, not membership."""
SCRUTINY = re.compile(r"scrutiny|\bJHOSC\b|\bOSC\b", re.I)


# "The CCG and the Council both agree ...": two or more bodies as the sentence's subject, acting together.
TOGETHER = re.compile(rf"^\W*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?(?:both\s+)?(?P<s>{ONE})\s*(?:,|and|&)\s*"
                      rf"(?P<t>{ONE}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*){ONE})*)\s+"
                      r"(?:[^@.;]{0,120}?)\b(?:both\s+agree|have\s+agreed|jointly|working\s+(?:closely\s+)?together|"
                      r"work\s+(?:closely\s+)?together|(?:are\s+|will\s+be\s+)?working\s+(?:closely\s+)?in\s+partnership|"
                      r"have\s+committed|are\s+committed|(?:formed|set\s+up|established)\s+(?:a|an)\s+(?:\w+\s+)?(?:joint\s+venture|alliance|consortium)|"
                      r"co-?commission\w*|co-?fund\w*|"
                      r"co-?hosted|hosted|signed|launched|(?:have|has|hold|share|operate|run)\s+(?:a\s+|an\s+)?(?:pooled|joint|shared)\s+"
                      r"(?:budgets?|funds?|arrangements?|teams?|posts?|committees?|services?)|(?:have|has|hold|signed|entered\s+into)\s+"
                      r"(?:a\s+|an\s+)?(?:section\s+75|s75|partnership|joint\s+working|collaboration)\s+(?:agreements?|arrangements?))\b", re.I)
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


# "It reports to ...": 'it' followed by a verb that relates it to another body, so not the
# 'it' of "It is proposed that ...".
IT = re.compile(r"^\W*(It)\s+(?:also\s+|now\s+|currently\s+|formally\s+|directly\s+|will\s+|would\s+|shall\s+)*"
                r"(?:reports?|reporting|is\s+(?:directly\s+|formally\s+|jointly\s+)?(?:accountable|answerable|responsible\s+to|"
                r"a\s+sub|a\s+member|one\s+of|part\s+of|made\s+up|chaired|co-chaired|funded|hosted|commissioned|held\s+to)|"
                r"be\s+(?:accountable|answerable|chaired|funded|hosted|commissioned|held\s+to)|sits?|works?|comprises|"
                r"brings\s+together|has\s+representation|commissions|funds|hosts)\b")
# A lead-in's closing words, which its items stand in for: "... works with the following partners:".
LEAD_END = re.compile(r"\s*(?:(?:the\s+)?following(?:\s+[\w\-]+){0,2}|as\s+follows|below)?\s*:\s*$", re.I)
# A short label between two sentences ('Multi-Agency Collaboration'): no stop, no verb of its own.
LABEL_ONLY = re.compile(r"^\W*(?:[\w'’\-&/]+\s+){0,4}[\w'’\-&/]+\s*$")
# A lead-in whose subject is its items: "The following organisations are members of the Board:".
FOLLOWING = re.compile(r"^\W*(?:the\s+)?following\s+(?:[\w\-]+\s+){0,2}?(?:organisations|bodies|partners|agencies|providers|councils|"
                       r"members|groups|services|charities|trusts)\s+(?P<rest>(?:are|were|will|have|has|sit|form|make|receive|"
                       r"received|report)\b.*)$", re.I)
# The subject of a sentence: a body opening it, before its verb.
SUBJECT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?(?:The\s+)?@(\d+)@\s+(?:\w+\s+)?"
                     r"(?:is|are|was|were|has|have|had|will|would|shall|should|must|can|may|meets|met|reports|works|brings|"
                     r"oversees|supports|provides|delivers|leads|runs|manages|covers|includes|comprises)\b")
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


# A report's section on the options it turned down: what they would set up does not hold.
DISMISSED = re.compile(r"\b(?:other|alternative)\s+options\b|\balternatives?\s+considered\b|"
                       r"\boptions?\b[^>]{0,40}\b(?:dismissed|rejected|discounted|not\s+(?:taken\s+forward|pursued))\b", re.I)
REPORTED_SPEECH = re.compile(r"\b(?:reported|said|noted|stated|explained|confirmed|advised|suggested|highlighted)\s+that\b", re.I)
# "The CCG is subject to ...": a stretch that ends on its verb is a clause's subject, not an event.
UNFINISHED = re.compile(r"\b(?:is|are|was|were|be|been|being|remains?|will|would|shall|must|may|can|could|should)$", re.I)
# "comments and conditions as these had to be submitted": the reason given for an event is no part of its label.
REASON = re.compile(r"\s+(?:as|because|since)\s+(?:these|this|it|they|there|we|he|she)\b.*$", re.I)
LABEL_WORDS = 12
"""The most words an event's label takes from its sentence ('approval of the business case by
the Governing Body'); a longer stretch is a clause, not a label."""


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
    """Each relation kept, once, at the first sentence that states it."""
    out, seen = [], set()
    for c in suggest(ctx):
        key = (c.source, c.relation, c.target)
        if key not in seen and classify(c) is None:
            seen.add(key)
            out.append(fill(ctx, c))
    return out


def classify(c: Candidate) -> str | None:
    """Why a candidate is dropped, or None to keep it: a body has no relation to itself, an
    option the report considered and dismissed sets up nothing, and a scrutiny body holds the
    bodies it scrutinises to account, it does not partner them."""
    if c.source == c.target:
        return "one body at both ends"
    if DISMISSED.search(c.sentence.section):
        return "an option the report turned down"
    if c.relation == "partners_with" and (SCRUTINY.search(c.source) or SCRUTINY.search(c.target)):
        return "a scrutiny body is no partner"
    return None


def fill(ctx: PaperContext, c: Candidate) -> Relation:
    return Relation(**c.sentence.provenance(ctx.document), source=c.source, relation=c.relation, target=c.target)


def suggest(ctx: PaperContext) -> list[Candidate]:
    """Every relation the rules read in the part's sentences, in order. A list item is also
    read as the end of its lead-in ('Membership of the Board includes:' + 'the Council'), for
    the relations that reach into the item."""
    finder = MentionFinder(ctx)
    find = functools.lru_cache(maxsize=None)(finder.find)
    topic = functools.lru_cache(maxsize=None)(lambda section: _topic(section, find))
    out: list[Candidate] = []
    previous: Sentence | None = None
    carried: Sentence | None = None       # the sentence before, past any label between ('Multi-Agency Collaboration')
    providers: list[tuple[int, str, str]] = []      # (sentence number, section, provider named)
    for n, sentence in enumerate(ctx.sentences):
        before = find(previous.text) if previous and previous.block_index == sentence.block_index else []
        mentions = _with_anaphor(sentence.text, find(sentence.text), before)
        subject = _subject(carried.text, find) if carried and carried.section == sentence.section else None
        mentions = _with_pronoun(sentence.text, mentions, subject)
        template = template_of(sentence.text, mentions)
        ends = Ends(ctx.orgs.author, topic(sentence.section), subject, ctx.orgs.board)
        found = [*_read(template, before, finder, ends), *_dependencies(sentence.text)]
        if sentence.is_item and sentence.lead_in.rstrip().endswith(":") and mentions:
            own = {f[:3] for f in found}
            found += [f for f in _read_item(sentence.lead_in, sentence.text, find, finder, ends) if f[:3] not in own]
        recent = [name for i, section, name in providers if section == sentence.section and n - i <= RECENT]
        m = SUBCONTRACTED.search(template.text)
        if m and recent:
            found += [(recent[-1], "commissions", target, "subcontracted, by the provider just named")
                      for target in template.bodies(m.group("t"))]
        providers += [(n, sentence.section, m.name) for m in mentions if finder.org_type(m.name) in PROVIDERS]
        out += [Candidate(sentence, *f) for f in found]
        previous = sentence
        if not (LABEL_ONLY.match(sentence.text) and not mentions and carried and carried.section == sentence.section):
            carried = sentence
    return out + list(_table_relations(ctx, find))


# A table of services whose header names each row's provider and its commissioner or funder:
# "Service | Provider | Commissioner | Value".
PROVIDER_HEAD = re.compile(r"^\W*(?:(?:service\s+|lead\s+|main\s+)?providers?|provided\s+by|delivered\s+by|"
                           r"delivery\s+(?:partners?|organisations?|bodies|body)|suppliers?|contractors?)\W*$", re.I)
GIVER_HEADS = [(re.compile(r"^\W*(?:(?:lead\s+|responsible\s+)?commissioners?|commissioned\s+by|commissioning\s+"
                           r"(?:body|bodies|organisations?|lead))\W*$", re.I), "commissions"),
               (re.compile(r"^\W*(?:funders?|funded\s+by|funding\s+(?:body|bodies|organisations?|partners?))\W*$", re.I), "funds")]


# A table of grant applications: "Organisation | Project | Amount requested | Recommendation",
# a row whose decision opens "Approved" funded by the body deciding (the paper's author).
APPLICANT_HEAD = re.compile(r"^\W*(?:applicants?|organisations?|groups?|(?:applicant|organisation|group)['’]?s?\s+names?|"
                            r"name\s+of\s+(?:applicant|organisation|group)|applicant\s+organisations?)\W*$", re.I)
DECISION_HEAD = re.compile(r"^\W*(?:recommendations?|decisions?|outcomes?|status|committee\s+decision)\W*$", re.I)
MONEY_HEAD = re.compile(r"\b(?:amount|grant|award|funding|requested|£)", re.I)
APPROVED = re.compile(r"^\W*(?:£[\d,.]+\s*)?(?:approved|agreed|awarded|granted)\b", re.I)


def _grant_rows(ctx: PaperContext, find, first):
    """The approved rows of each grant applications table: (applicant's cell sentence, applicant)."""
    author = ctx.orgs.author
    for t, table in enumerate(ctx.paper.tables):
        head = table.rows[0] if table.rows else []
        applicant = [i for i, cell in enumerate(head) if APPLICANT_HEAD.match(cell or "")]
        decision = [i for i, cell in enumerate(head) if DECISION_HEAD.match(cell or "")]
        if not author or len(applicant) != 1 or len(decision) != 1 or not any(MONEY_HEAD.search(cell or "") for cell in head):
            continue
        for r, row in enumerate(table.rows[1:], start=1):
            sentence = first.get((t, r, applicant[0]))
            if sentence is None or max(applicant[0], decision[0]) >= len(row) or not APPROVED.match(row[decision[0]] or ""):
                continue
            for m in find(row[applicant[0]] or ""):
                if m.name != author:
                    yield Candidate(sentence, author, "funds", m.name, "table: grant application approved")


def _table_relations(ctx: PaperContext, find):
    """Each row of a table whose header has a provider column and a commissioner's or funder's:
    the row's commissioner commissions (its funder funds) the row's provider, quoted at the
    provider's cell; and each approved row of a table of grant applications."""
    first = {}
    for sentence in ctx.sentences:
        block = ctx.paper.blocks[sentence.block_index]
        if block.table is not None and block.row is not None and block.col is not None:
            first.setdefault((block.table, block.row, block.col), sentence)
    yield from _grant_rows(ctx, find, first)
    for t, table in enumerate(ctx.paper.tables):
        head = table.rows[0] if table.rows else []
        provider_cols = [i for i, cell in enumerate(head) if PROVIDER_HEAD.match(cell or "")]
        givers = [(i, relation) for i, cell in enumerate(head) for regex, relation in GIVER_HEADS if regex.match(cell or "")]
        if len(provider_cols) != 1 or not givers:
            continue
        col = provider_cols[0]
        for r, row in enumerate(table.rows[1:], start=1):
            sentence = first.get((t, r, col))
            if sentence is None or col >= len(row):
                continue
            providers = [m.name for m in find(row[col] or "")]
            for i, relation in givers:
                for giver in find(row[i] or "") if i < len(row) else ():
                    for provider in providers:
                        yield Candidate(sentence, giver.name, relation, provider, "table: provider and commissioner columns")


def _read(template: Template, before: list[OrgMention], finder: MentionFinder, ends: Ends) -> list[tuple]:
    return [*_relations(template, before, finder), *implicit_relations(template, finder, ends)]


def _read_item(lead_in: str, item: str, find, finder: MentionFinder, ends: Ends) -> list[tuple]:
    """The relations of a lead-in and its item read as one sentence that reach a body the item names."""
    lead = LEAD_END.sub("", lead_in) + " "
    named = find(item)
    following = FOLLOWING.match(lead)
    if following:               # "The following organisations are members of @0@:" + item: the item is the subject
        item = re.sub(r"\s*[.;,]?\s*$", "", item) + " "
        rest = following.group("rest")
        mentions = [*named, *(OrgMention(m.start + len(item), m.end + len(item), m.name, m.text) for m in find(rest))]
        found = _read(template_of(item + rest, mentions), [], finder, ends)
    else:
        mentions = [*find(lead), *(OrgMention(m.start + len(lead), m.end + len(lead), m.name, m.text) for m in named)]
        found = _read(template_of(lead + item, mentions), [], finder, ends)
    names = {m.name for m in named}
    return [(s, r, t, f"{rule} (list item)") for s, r, t, rule in found if s in names or t in names]


def _topic(section: str, find) -> str | None:
    """The one body the section's own heading names ('Membership of the Partnership',
    'Exampleton Health and Wellbeing Board')."""
    names = {m.name for m in find(section.split(" > ")[-1])} if section else set()
    return names.pop() if len(names) == 1 else None


def _with_anaphor(text: str, mentions: list[OrgMention], before: list[OrgMention]) -> list[OrgMention]:
    """'This group' opening a sentence is the one group the sentence before named."""
    m = THIS.match(text)
    if not m or any(x.start < m.end() for x in mentions):
        return mentions
    named = {b.name for b in before if b.name.lower().endswith(m.group(1).lower())}
    if len(named) != 1:
        return mentions
    return [OrgMention(m.start(1) - len("this "), m.end(), named.pop(), m.group(0).strip()), *mentions]


def _subject(text: str, find) -> str | None:
    """The body opening a sentence as its subject, before its verb."""
    template = template_of(text, find(text))
    m = SUBJECT.match(template.text)
    return template.mentions[int(m.group(1))].name if m else None


def _with_pronoun(text: str, mentions: list[OrgMention], subject: str | None) -> list[OrgMention]:
    """'It reports directly to ...': 'it' opening a sentence with a verb of the relations is
    the subject of the sentence before."""
    m = IT.match(text)
    if not m or not subject or (mentions and mentions[0].start < m.end()):
        return mentions
    return [OrgMention(m.start(1), m.end(1), subject, m.group(1)), *mentions]


def _relations(template: Template, before: list[OrgMention], finder: MentionFinder):
    text = template.text
    if "@" not in text:
        return
    two = len(template.mentions) > 1
    starts = body_starts(text)
    for (regex, relation, rule), at_body in zip(COMPILED, AT_BODY):
        if not two and "label" not in regex.groupindex:
            continue                # a relation between bodies needs two of them
        for m in matches(regex, at_body, text, starts):
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
    for owner, owned in template.owners:
        if finder.org_type(owned) == "unit":
            yield owner, "hosts", owned, "a body's own unit"
    m = TOGETHER.search(text)
    if m:
        together = [*template.bodies(m.group("s")), *template.bodies(m.group("t"))]
        for i, source in enumerate(together):
            for target in together[i + 1:]:
                yield source, "partners_with", target, "acting together"
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
    whichever of them the sentence says holds it; between two commissioners it says nothing.
    Consulting a body, or its asking for attendance, is answering to it when it is a
    scrutiny body. Joining, or being a partner of a body, makes a member only of a body one can join; updating a board is
    reporting to it; a team that is part of a body is hosted by it, and a body is no member of
    its own committee."""
    if relation == "scrutiny":
        if SCRUTINY.search(target) and not SCRUTINY.search(source):
            yield source, "accountable_to", target
        return
    if relation == "partner":
        yield source, "member_of" if finder.org_type(target) in JOINED else "partners_with", target
        return
    if relation == "join":
        if finder.org_type(target) in JOINED:
            yield source, "member_of", target
        return
    if relation == "member_of" and target.startswith(source + " "):
        return                  # a body is no member of its own committee ('Westshire Council Cabinet')
    if relation == "member_of" and finder.org_type(source) == "unit" and finder.org_type(target) in OWNERS:
        yield target, "hosts", source          # a team part of a council or a directorate is its own
        return
    if relation == "update":
        if finder.org_type(target) in ("board", "cabinet"):
            yield source, "reports_to", target
        return
    if relation == "commissioner":
        if finder.org_type(target) not in COMMISSIONERS | {"board"}:
            yield source, "commissions", target
        return
    if relation != "contract":
        yield source, relation, target
        return
    commissioners = [name for name in (source, target) if finder.org_type(name) in COMMISSIONERS]
    if len(commissioners) == 1:
        provider = target if commissioners[0] == source else source
        yield commissioners[0], "commissions", provider


def _clean_label(label: str) -> str | None:
    """An event's short label, or None: a pronoun, a body, a clause reporting what someone said
    ('X reported that ...'), a stretch ending on its verb or one too long to label one event is no
    end of a dependency."""
    label = re.sub(r"^\W*(?:the|a|an)\s+", "", label.strip(), flags=re.I).strip(" '\"‘’")
    label = re.sub(r"^[‘'\"]|[’'\"](?=\s)", "", label).strip()
    label = REASON.sub("", label).strip()
    if not label or re.match(r"(?:this|that|it|these|those|which|who|they)\b", label, re.I) or "@" in label \
            or REPORTED_SPEECH.search(label) or len(label.split()) > LABEL_WORDS or UNFINISHED.search(label):
        return None
    return label
