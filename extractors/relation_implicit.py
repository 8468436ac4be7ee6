"""Relations whose clause names only one end ("working in partnership with @0@", "a grant
from @0@", "the grant to @0@", "allocations published by @0@", "as a partner in @0@", "its
inspection by @0@", "Include a @0@ Team"): the other end is the body that opens the sentence,
the body just before the verb of receiving, the subject of the sentence before, or else the
paper's author, for whom board papers speak."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.relation_mentions import COMMISSIONERS, MentionFinder, Template
from extractors.relation_patterns import NOT_AN_ACT, NOT_LIMITED

# Clauses that name only the other end: the source opens the sentence, or is the author.
REST = r"(?P<t>[^.;:]*?)(?=\s+(?:to|which|who|that|in\s+order|on|for|by)\b|[.;:]|$)"
IMPLICIT = [(re.compile(p, re.I), relation, rule) for p, relation, rule in [
    (r"\b(?:in\s+(?:close\s+)?(?:partnership|collaboration|conjunction)\s+with|in\s+(?:an\s+|a\s+)?(?:alliance|consortium)\s+with|jointly\s+with|joint\s+working\s+with|"
     r"(?:work|works|working|worked)\s+(?:(?:more\s+|very\s+)?closely\s+|jointly\s+)?(?:together\s+)?(?:with|alongside)|"
     r"collaborat(?:e|es|ed|ing|ion|ive\s+work|ive\s+working)\s+with|(?:partner|partners|partnered|partnering)\s+with|"
     r"(?:interface|interfaces|interfacing|liaise|liaises|liaised|liaising|co-?operate|co-?operates|co-?operated|"
     r"co-?operating|co-?operation)\s+(?:closely\s+)?with|"
     r"engagement\s+with|partnerships?\s+with|(?:strong|close|good|effective|strengthen\w*\s+(?:its|our|their)|working)\s+relationships?\s+with|co-?(?:produced|designed|developed|created)\s+with|(?:engage|engages|engaged|engaging)\s+with|"
     r"partners,?\s+(?:such\s+as|including))\s+" + REST, "partners_with", "implicit: working with"),
    # "through the collaboration of A, B and C": the bodies named are the ones who collaborate
    (r"\b(?:the\s+)?collaboration\s+(?:of|between)\s+" + REST, "partners_with_author", "implicit: collaboration of"),
    (r"\bpart\s+of\s+the\s+membership\s+(?:for|of)\s+" + REST, "member_of", "implicit: part of the membership of"),
    # "our role as a key partner in @0@": a partner in a system or partnership is one of its members
    (r"\b(?:as|is|are|being|remains?|become|becomes)\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?partners?\s+(?:in|within)\s+" + REST,
     "member_of", "implicit: a partner in"),
]]
# "Membership includes ...", "Its members are ...", "Key partners include ...": the members or
# partners of the body the section is about; 'the', 'its' and 'their' point back to the
# subject of the sentence before.
LISTED = re.compile(r"^\W*(?P<back>(?:the|its|their)\s+)?(?:(?:current|full|voting|key|main|other|strategic|statutory)\s+)*"
                    r"(?:(?P<member>membership|members)|partners|partner\s+organisations|interdependencies|links)\s+"
                    r"(?:includes?|included|comprises?|consists\s+of|is\s+made\s+up\s+of|is\s+comprised(?:\s+of)?|is\s+drawn\s+from|"
                    r"are|(?:will|shall)\s+(?:include|comprise|consist\s+of|be\s+made\s+up\s+of|be))" + NOT_LIMITED + r"\s*:?\s+" + NOT_AN_ACT + r"(?P<t>[^;]*)"
                    # a terms of reference's field: "Membership: the Council, the CCG and ..."
                    r"|^\W*(?P<field>(?P<member2>membership|members)|partners|partner\s+organisations)\s*:\s*(?P<t2>[^;]*)", re.I)
# A terms of reference's function of reporting: "To report on such reviews to the relevant @0@ of @1@ and @2@",
# said of the body the heading names, else the board the paper is for.
FUNCTION_TO_REPORT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?To\s+(?:report|make\s+(?:reports|recommendations)|"
                                r"provide\s+(?:reports|updates|assurance))\b[^@;:]{0,80}?\bto\s+(?:the\s+)?(?:relevant\s+)?"
                                r"(?P<t>@\d+@(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?@\d+@)*)")
# A terms of reference's line of answerability as a field: "Accountable to: @0@", "Reports to: @0@",
# said of the body the section's heading names.
ANSWERS_TO = re.compile(r"^\W*(?:(?P<acc>accountable|answerable|accountability)|reports?|reporting(?:\s+lines?)?)\s*(?:to|into)?\s*:\s*"
                        r"(?:the\s+)?(?P<t>@\d+@(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?@\d+@)*)\s*\.?$", re.I)
# "... retained within @1@, which will require close working with @2@": the body a relative
# clause hangs on is the one that works with the other.
RELATIVE = re.compile(r"@(\d+)@\s*,?\s*(?:which|who)\b[^@;:]*$")
# "... support from @1@ in collaboration with @2@": the body right before the clause.
BESIDE = re.compile(r"@(\d+)@\s*,?\s*$")
# "As a partner in @0@, @1@ will ...": the clause before the comma is said of the subject after it.
FRONTED = re.compile(r"^\W*(?:As|Being)\s[^,;:]*,\s*(?:the\s+)?(@\d+@)(?=\s+[a-z])")
# "It receives a grant from @0@", "This will require close working with @1@": a sentence opening
# with a pronoun, not the 'It' of "It is proposed that ...", goes on about the subject before.
PRONOUN = re.compile(r"^\W*(?:(?:however|also|in\s+addition|in\s+(?:most|many|some|all|these|such)\s+cases|where\s+(?:possible|appropriate)),?\s+)?"
                     r"(?:(?:It|They)\s+(?!(?:is|was|are|were|will\s+be|would\s+be|has\s+been|may\s+be|should\s+be)\s+"
                     r"(?:\w+\s+)?(?:that|to|for|of)\b)|This\s+(?=(?:will|would|should|may|could|can|also|is|has|requires|"
                     r"required|includes|included|involves|means)\b))", re.I)
ITEMS_SUBJECT = re.compile(r"^\W*(?:the\s+)?following\b[^:]*:\s*$", re.I)
OPENING = 60
"""How far into a sentence its opening body may stand ('The Council, along with ...')."""
# Money a body gives: 'a £2m grant from @0@', 'received additional @0@ funding', 'funding of £2m
# has been secured from @0@'.
RECEIVED = re.compile(r"\b(?:received|receive|receives|awarded|funded|allocated|secured|supported\s+by)\b", re.I)
GIVERS = r"(?:both\s+(?:the\s+)?)?@\d+@(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?@\d+@)*"
GRANT = re.compile(r"(?:\b(?:grant|funding|allocation|contribution)s?|£[\d.,]+\s*(?:m|k|bn|million|billion)?)"
                   r"(?:\s+of\s+£[\d.,]+\s*(?:m|k|bn|million|billion)?)?(?:\s+(?:has|have)\s+been\s+(?:secured|received|awarded|allocated))?"
                   r"\s+from\s+(?:the\s+)?(?P<s>" + GIVERS + ")|"
                   r"(?P<s2>@\d+@)(?:['’]s)?\s+(?:(?!(?:receiv\w*|award\w*|allocat\w*|secur\w*|giv\w*|gave|grant\w*|is|are|was|were|has|"
                   r"have|had|said|says|noted|reported|confirmed|explained|stated|agreed|announced|will|would|can|may|should|must|"
                   r"to|and|or|that|which|who|for|of|in|on|with)\b)[\w\-]+\s+){0,3}?(?:grant|funding|allocation)\b", re.I)
# "The Council awarded @0@ a grant": @0@ receives it, it does not give it.
GIVEN_TO = re.compile(r"\b(?:awarded|awards|award|gave|gives|give|given|granted|grants|offered|offers)\s+$", re.I)
# A service or directorate that includes a team hosts it: '@0@ includes a @1@', and a list
# item 'Includes a @1@' that goes on from the item before, whose subject it keeps.
UNIT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:the\s+)?(?P<s>@\d+@)\s+(?:(?:also|now|will|would|currently)\s+)*)?"
                  r"(?:include|includes|included|comprise|comprises|incorporate|incorporates|contain|contains|is\s+made\s+up\s+of)\s+"
                  r"(?:a|an|the|its|two|three|four|several)?\s*"
                  r"(?P<t>@\d+@(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:a\s+|an\s+|the\s+)?@\d+@)*)", re.I)
# Commissioning named with its providers only: 'the future of commissioned services at @0@',
# 'community services are commissioned from @0@'.
COMMISSIONED = re.compile(r"\bcommissioned\s+(?:services?|provision)\s+(?:at|from|with)\s+|\b(?:services?|provision|care|support)\s+"
                          r"(?:[\w\-]+\s+){0,3}?(?:is|are|was|were|will\s+be|has\s+been|have\s+been)\s+commissioned\s+from\s+", re.I)
PROVIDERS = {"nhs_trust", "company", "voluntary", "other"}
# "@0@, our lead commissioner," and "our main commissioner, @0@": the author's commissioner.
OUR_COMMISSIONER = re.compile(r"(?P<s>@\d+@)\s*[,(]\s*our\s+(?:(?:main|lead|principal|largest|host|co-?ordinating)\s+)*"
                              r"commissioner\b|\bour\s+(?:(?:main|lead|principal|largest|host|co-?ordinating)\s+)*commissioners?\s*,?\s+"
                              r"(?:(?:is|are|include|includes)\s+)?(?:the\s+)?(?P<s2>@\d+@)", re.I)
# A recommendation "That @0@ be commissioned to ...": the author, who makes it, is to commission.
TO_BE_COMMISSIONED = re.compile(r"(?:^\W*(?:\(?[a-z0-9]{1,3}[).]\s+)?|\bthat\s+)(?:the\s+)?(?P<t>@\d+@)\s+be\s+"
                                r"(?:commissioned|contracted|engaged)\s+to\b(?![^.;]*\bby\b)", re.I)
# Funding allocations a national body sets: 'allocations ... were published by @0@', 'the
# allocations will be communicated to us from @0@', '@1@'s allocation from @0@'.
ALLOCATION = [re.compile(p, re.I) for p in (
    r"\ballocations?\b[^@.;]{0,80}?\b(?:published|issued|set|announced|confirmed|communicated|notified|made|given)\s+"
    r"(?:to\s+(?:the\s+)?(?P<r>@\d+@|us|them)\s+)?(?:[^@.;]{0,20}?\s)?(?:by|from)\s+(?:the\s+)?(?P<s>@\d+@)",
    r"(?P<r>@\d+@)(?:['’]s?)\s+(?:[\w\-]+\s+){0,3}?allocations?\s+from\s+(?:the\s+)?(?P<s>@\d+@)",
    r"(?P<s>@\d+@)\s+(?:has\s+|have\s+)?(?:published|issued|announced|confirmed|set|made)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w\-/]+\s+){0,3}?allocations?\b(?:\s+(?:to|for)\s+(?:the\s+)?(?P<r>@\d+@))?")]
# The national bodies whose allocations fund whoever the paper is about ('NHS England
# published the allocations'); a council's allocations to schools say nothing of the author.
NATIONAL = re.compile(r"\bnhs_england\b|\bGovernment\b|\bDepartment\b|\bMinistry\b|\bTreasury\b")
# A grant paid to a body, by whoever the sentence is about: 'to halve the grant to @0@'.
GRANT_TO = re.compile(r"\b(?:grants?|subsid(?:y|ies)|donations?)\s+(?:of\s+(?:up\s+to\s+)?£[\d.,]+\s*(?:m|k|bn|million|billion)?\s+)?"
                      r"(?:(?:be|is|was|were|has\s+been|have\s+been|will\s+be)\s+)?(?:(?:issued|paid|awarded|given|made|provided|approved|agreed)\s+)?to\s+"
                      r"(?:the\s+)?(?P<t>@\d+@)|(?P<t2>@\d+@)\s+(?:was|were|has\s+been|have\s+been|is|are|will\s+be|be)\s+"
                      r"(?:awarded|granted|given|allocated|paid)\s+(?:a\s+grant\s+of\s+|a\s+further\s+|an\s+additional\s+)?£", re.I)
GIVEN_BY = re.compile(r"\b(?:by|from|through|via|under|of)\b", re.I)
ASKED_FOR = re.compile(r"\b(?:bids?|applied|apply|applying|applications?|seek|seeks|sought|request\w*)\b|\bfrom\s+(?:the\s+)?@", re.I)
# A regulator's inspections and regulations: the body inspected answers to it.
REGULATED = re.compile(r"\binspect\w*|\bregulat\w*|\bregist\w*", re.I)


@dataclass
class Ends:
    """The bodies a clause that names one end may mean by the other: the paper's author, the
    one body the section's heading names, the subject of the sentence before, and the board the
    paper is for (whose terms of reference a paper of them sets out)."""

    author: str | None
    topic: str | None = None
    subject: str | None = None
    board: str | None = None


def implicit_relations(template: Template, finder: MentionFinder, ends: Ends):
    """Relations whose clause names only the target, funds from a grant's giver, answering
    to a regulator whose inspections or regulations the sentence speaks of, and the members
    or partners a sentence lists without naming whose: 'The members are ...' are those of the
    sentence before's subject, 'Membership includes ...' those of the section's body, else the
    author's (or, after 'It' or 'This', the subject's before)."""
    text = template.text
    if "@" not in text:
        return
    # whom a sentence that names no body of its own speaks of
    speaker = ends.subject if ends.subject and PRONOUN.match(text) else ends.author
    if ITEMS_SUBJECT.match(text):
        speaker = None          # "The following organisations receive grants from @0@:" speaks of its items
    m = LISTED.match(text)
    whose = (ends.subject if m.group("back") else (ends.topic or ends.board) if m.group("field") else ends.topic or speaker) if m else None
    for body in template.bodies(m.group("t") or m.group("t2")) if whose else ():
        if m.group("member") or m.group("member2"):
            yield body, "member_of", whose, "implicit: membership includes"
        else:
            yield whose, "partners_with", body, "implicit: partners include"
    whose = ends.topic or ends.board
    m = ANSWERS_TO.match(text)
    for body in template.bodies(m.group("t")) if m and whose else ():
        if body != whose:
            yield whose, "accountable_to" if m.group("acc") else "reports_to", body, "implicit: accountable to, as a field"
    m = FUNCTION_TO_REPORT.match(text)
    for body in template.bodies(m.group("t")) if m and whose else ():
        if body != whose:
            yield whose, "reports_to", body, "implicit: a function to report to"
    opening = re.match(rf"^\W*(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?[^@.;]{{0,{OPENING}}}?(@\d+@)", text)
    subject = template.mentions[int(opening.group(1)[1:-1])].name if opening else speaker
    for regex, relation, rule in IMPLICIT:
        for m in regex.finditer(text):
            source = subject if opening and opening.end() <= m.start() else speaker
            fronted = FRONTED.match(text)
            if fronted and m.start() < fronted.start(1):
                source = template.mentions[int(fronted.group(1)[1:-1])].name
            antecedent = RELATIVE.search(text, 0, m.start()) or BESIDE.search(text, 0, m.start())
            if antecedent:
                source = template.mentions[int(antecedent.group(1))].name
            for target in _objects(template, m):
                if relation == "partners_with_author":
                    if speaker:
                        yield target, "partners_with", speaker, rule
                elif source and not _own_unit(source, target, speaker, finder):
                    yield source, relation, target, rule
    for m in GRANT.finditer(text) if RECEIVED.search(text) else ():
        if m.group("s2") and GIVEN_TO.search(text, 0, m.start()):
            continue
        givers = template.bodies(m.group("s") or m.group("s2"))
        cues = [c for c in RECEIVED.finditer(text) if c.start() < m.start()] or list(RECEIVED.finditer(text))
        near = re.search(r"(@\d+@)(?:\s+[\w'’]+){0,4}\s*$", text[:cues[-1].start()])      # who receives it
        receiver = template.bodies(near.group(1))[0] if near else \
            subject if opening and opening.group(1) not in (m.group("s") or m.group("s2")) else speaker
        for giver in givers if receiver else ():
            if giver != receiver:
                yield giver, "funds", receiver, "implicit: grant from"
    yield from _units(template, finder, ends.subject)
    yield from _commissioned(template, finder, (subject, opening.end()) if opening else (None, 0), speaker)
    yield from _allocations(template, finder, subject if opening else None, speaker)
    yield from _grants_to(template, subject if opening else None, speaker)
    if REGULATED.search(text):
        regulators = [x.name for x in template.mentions if finder.org_type(x.name) == "regulator"]
        others = [x.name for x in template.mentions if finder.org_type(x.name) != "regulator"]
        for regulator in regulators:
            source = others[0] if others else speaker
            if source:
                yield source, "accountable_to", regulator, "implicit: regulator"


def _units(template: Template, finder: MentionFinder, before: str | None):
    """The teams a body opening the sentence is said to include (its units) are hosted by it;
    with no body before the verb, by the subject of the sentence before."""
    m = UNIT.match(template.text)
    owner = (template.bodies(m.group("s"))[0] if m.group("s") else before) if m else None
    for unit in template.bodies(m.group("t")) if owner else ():
        if unit != owner and finder.org_type(unit) == "unit":
            yield owner, "hosts", unit, "implicit: includes a team"


def _commissioned(template: Template, finder: MentionFinder, opening: tuple[str | None, int], author: str | None):
    """A provider named as commissioned, with no commissioner named, is commissioned by the
    body opening the sentence before the clause, else by the author; so is one the author's
    recommendation says is to be commissioned."""
    subject, subject_end = opening
    for m in OUR_COMMISSIONER.finditer(template.text) if author else ():
        commissioner = template.bodies(m.group("s") or m.group("s2"))[0]
        if commissioner != author:
            yield commissioner, "commissions", author, "implicit: our commissioner"
    m = TO_BE_COMMISSIONED.search(template.text)
    provider = template.bodies(m.group("t"))[0] if m else None
    if provider and author != provider and finder.org_type(author) in COMMISSIONERS:
        yield author, "commissions", provider, "implicit: that X be commissioned"
    for m in COMMISSIONED.finditer(template.text):
        rest = re.match(REST, template.text[m.end():], re.I)
        commissioner = subject if subject and subject_end <= m.start() else author
        for provider in template.bodies(rest.group("t")):
            if commissioner and commissioner != provider and finder.org_type(provider) in PROVIDERS:
                yield commissioner, "commissions", provider, "implicit: commissioned services"


def _allocations(template: Template, finder: MentionFinder, subject: str | None, author: str | None):
    """The body that sets an allocation funds the one it is for: the body named as receiving
    it, else (when a national body sets it) the sentence's subject when that is not the giver,
    else the author ('us')."""
    for regex in ALLOCATION:
        for m in regex.finditer(template.text):
            giver = template.bodies(m.group("s"))[0]
            named = m.group("r") if "@" in (m.group("r") or "") else None
            if not named and not NATIONAL.search(f"{giver} {finder.org_type(giver)}"):
                continue
            receiver = template.bodies(named)[0] if named else subject if subject != giver else author
            if receiver and receiver != giver:
                yield giver, "funds", receiver, "implicit: allocations from"


def _grants_to(template: Template, subject: str | None, author: str | None):
    """A grant to a body, or a sum a body was awarded, is given by the sentence's subject, else
    the author; a grant bid for or applied for, one that comes from a body the sentence names, or
    a sum awarded by or through someone the sentence names, is not."""
    if ASKED_FOR.search(template.text):
        return
    for m in GRANT_TO.finditer(template.text):
        if m.group("t2") and GIVEN_BY.search(template.text):
            continue
        receiver = template.bodies(m.group("t") or m.group("t2"))[0]
        giver = subject if subject and subject != receiver else author
        if giver and giver != receiver:
            yield giver, "funds", receiver, "implicit: a grant to"


def _own_unit(source: str, target: str, author: str | None, finder: MentionFinder) -> bool:
    """A council author's own directorate or team is part of it, not its partner."""
    return source == author and finder.org_type(author) == "council" and finder.org_type(target) == "unit"


SUBJECT_NEXT = re.compile(r"\s+(?:will|would|shall|should|must|can|could|may|might|is|are|was|were|has|have|had)\b")


LIST_GAP = 12
"""How many words may stand between two listed bodies of an implicit clause ('partners
including schools, the police, @0@, housing associations and @1@'); a body further on belongs to
another clause."""


def _objects(template: Template, m: re.Match) -> list[str]:
    """The bodies an implicit clause lists: its first, then each within a few words of the
    one before, and none that begins a new clause as its subject ('Working with residents,
    the Council will ...')."""
    names, last = [], m.start("t")
    for p in re.finditer(r"@(\d+)@", m.group("t")):
        at, end = m.start("t") + p.start(), m.start("t") + p.end()
        gap = template.text[last:at]
        if names and len(re.findall(r"[\w'’]+", gap)) > LIST_GAP:
            break
        last = end
        if not (SUBJECT_NEXT.match(template.text, end) and "," in template.text[m.start():at]):
            names.append(template.mentions[int(p.group(1))].name)
    return list(dict.fromkeys(names))
