"""How board papers word a risk, and what only looks like one: the word patterns of
extractors/risks.py, grouped by the construction they recognise.

A risk is rarely just the word "risk". Reports name it ("There is a risk that ...", "the main
risk is ..."), minutes report it ("Members expressed concern that ...", "it remained a significant
concern"), and both state pressures ("pressure on budgets", "insufficient to cover",
"unsustainable"), consequences ("could result in less funding", "would lead to a financial
crisis", "If ... is not implemented, ... will continue to face a gap"), barriers and challenges to
delivery, and options turned down for their drawbacks. The same words also fill chart labels
("at risk of falls"), plans ("to reduce the risk of"), evidence ("increases the risk of stroke")
and denials ("no concerns"), which are not risks.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.cues import item_text

I = re.I


def forms(verbs: str) -> str:
    """'reduce tackle' -> the verbs with their -s and -ing forms, as one alternation."""
    out = []
    for verb in verbs.split():
        stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
        third = verb[:-1] + "ies" if verb.endswith("y") else verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")
        out += [verb, third, stem + "ing"]
    return "(?:" + "|".join(out) + ")"


# --- the vocabulary of threat -------------------------------------------------------------

MODAL = r"(?:could|may|might|would|will|can|(?:is|are|was|were)\s+likely(?:\s+to)?|likely\s+to|potentially|risks?)"
# Words that may stand between a modal and its verb: 'could also', 'may well', 'would still'.
HEDGE = r"(?:(?:also|still|further|well|not|even|then|ultimately|in\s+turn|\w+ly)\s+){0,2}"
DELIVER = r"(?:deliver|achieve|implement|recruit|retain|sustain|meet|manage|engage|maintain|access|control|afford)"
ADVERSE_VERB = (r"(?:undermine|destabili[sz]e|jeopardi[sz]e|threaten|delay|disrupt|prevent|compromise|harm|damage|"
                r"diminish|deteriorate|worsen|fail|lose|strain|slow|slip|conflict|suffer|struggle|miss|exceed|overspend|"
                r"outstrip|(?:have|need)\s+to\s+(?:close|cease|stop|withdraw|cut|reduce)|be\s+forced\s+to|be\s+(?:adversely\s+|disproportionately\s+|negatively\s+|significantly\s+|severely\s+)?"
                r"(?:affected|impacted|delayed|lost|compromised|withdrawn|cut|jeopardi[sz]ed|put\s+at\s+risk|overwhelmed)|"
                r"face\s+(?:\w+\s+){0,2}(?:challenges?|difficult\w*|pressures?|a\s+gap|gaps|shortfalls?|problems?)|"
                r"not\s+be\s+(?:met|achieved|delivered|realised|sustained|able|possible|feasible|achievable|deliverable|"
                r"available|sufficient|affordable|completed|finished))")
ADVERSE_NOUN = (r"(?:crisis|shortages?|pressures?|deficits?|overspends?|gaps?|closures?|poverty|debt|insecurity|harm|"
                r"problems?|costs?|demand|delays?|disruption|loss(?:es)?|failure|uncertainty|conflicts?|reduction|"
                r"unemployment|homelessness|detrimental|adverse|negative|less|fewer|lower|higher|worse|poorer|unmet|"
                r"backlogs?|breach\w*|complaints?|penalt\w+|sanctions?|intervention|instability|withdraw\w*|cuts?|"
                r"vacanc\w+|inequalit\w+|disparit\w+|challenges?|difficult\w*|strain|burden|stopping|ceasing|decommissioning|"
                r"duplication)")
CONSEQUENCE = r"(?:lead\s+to|leading\s+to|result\s+in|resulting\s+in|cause|increase|push|pushing|put|putting|create|leave|mean)"
PROBLEM = r"(?:challenge|issue|problem|barrier|concern|risk|difficulty|threat|obstacle)"
# What a concern that is a risk is about: what may follow, or a strain on delivery.
CONCERN_OBJECT = (r"(?:impacts?|implications?|effects?|consequences?|ability|capacity|sustainability|viability|risks?|"
                  r"potential|possible|future|likely|loss|costs?|affordability|delays?|pressures?|safety|"
                  r"shortfalls?|gaps?|reductions?|increases?|rises?|deficits?|overspends?|levels?|numbers|demand|"
                  r"funding|recruitment|retention|waiting)")

# Each family is a way the genre states a risk; the first that matches names the candidate's
# source. They are matched against the lower-cased sentence (see `threat_family`).
THREAT = {
    # The paper names the threat: 'There is a risk that ...', 'the main risk', 'we risk losing',
    # 'could jeopardise', 'a barrier to', 'a bottleneck'.
    "named risk": re.compile(
        r"\bthere\s+(?:is|are|was|were|remains?|may\s+be|could\s+be|will\s+be)\s+(?:also\s+)?(?:a|an|the|some)?\s*"
        r"(?:\w+\s+){0,2}risks?\b|\brisks?\s+(?:of|to|that)\b|\bat\s+(?:\w+\s+)?risk\b|^\W*(?:key\s+)?risks?\s*[:\-–]\s*\S|"
        r"\b(?:key|main|major|significant|biggest|principal|greatest|real|serious|potential|high|financial|reputational|"
        r"legal|operational|delivery|strategic|further|one)\s+risks?\b|(?:remain\w*|pose\w*|present\w*|posing|be)\s+a\s+"
        r"(?:\w+\s+)?risk\b|\b(?:we|it|this|they|which|that|would|could|may|might|also)\s+risks?\s+[a-z]+ing\b|"
        r"\blegal\s+challenge\b|\bjudicial\s+review\b|\bdanger\s+(?:of|that)\b|"
        r"\bjeopardi[sz]\w*|\bthreat(?:en\w*|s)?\b|\bbottlenecks?\b|\bpitfalls?\b|\b(?:barriers?|obstacles?)\s+to\b",
        ),
    # A concern is a risk when it looks ahead ('concern that the contract would not ...', 'concerns
    # about the impact of ...') or is weighed ('remained a significant concern'); a concern about a
    # thing that simply is ('wrote regarding concerns with the budget') is a complaint.
    "concern": re.compile(
        rf"\b(?:concerns?|concerned|worr(?:y|ies|ied))\s+(?:\w+\s+){{0,3}}?(?:that|whether)\b[^.;]*?(?:\b(?:would|could|may|"
        rf"might|will|cannot|unable|insufficient|risk)\b|(?<!had\s)(?<!has\s)(?<!have\s)(?<!did\s)(?<!was\s)(?<!were\s)\bnot\b)|"
        rf"\b(?:concerns?|concerned|worr(?:y|ies|ied))\s+(?:\w+\s+){{0,3}}?(?:about|regarding|over|around|on|with|at|"
        rf"for|in\s+relation\s+to)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){{0,3}}?{CONCERN_OBJECT}\b|"
        r"\b(?:are|were|is|was|be|been|remain\w*|raised?|expressed|voiced|ha(?:ve|s|d))\s+(?:\w+\s+)?(?:significant|major|"
        r"serious|growing|real|considerable|grave)\s+(?:\w+\s+){0,3}?concerns?\b|\bsafety\s+concerns?\b|"
        r"\b(?:remain\w*|is|are|was|were|be|become|becoming)\s+a\s+(?:\w+\s+)?concern\b|"
        r"\bconcerns?\s+(?:remain\w*|continue\w*|persist\w*|grow\w*)\b|"
        r"\bin\s+response\s+to\s+(?:\w+\s+)?concerns\b|\bwarned\s+(?:that|of|against)\b|"
        r"\b(?:noted|highlighted|raised|commented\s+on|referred\s+to|stressed|emphasi[sz]ed|questioned)\s+(?:\w+\s+){0,2}"
        r"(?:potential|possible|likely)\s+(?:\w+\s+)?(?:impacts?|effects?|consequences?|implications?)\b|"
        r"\b(?:noted|highlighted|recognised|recognized|acknowledged|identified|flagged|emphasi[sz]ed)\s+(?:that\s+)?"
        r"(?:the\s+|a\s+|some\s+|significant\s+)?(?:\w+\s+)?(?:risks?|pressures|difficulties|threats?)\b",
        ),
    # An impact the paper calls adverse, or one it expects: 'would impact negatively on our
    # reputation', 'a detrimental effect on providers', 'may be a longer-term effect of ...',
    # 'disproportionately affected', 'the impact on resources this may have'.
    "negative impact": re.compile(
        r"\b(?:detrimental|adverse|negative|harmful|damaging)\s+(?:\w+\s+)?(?:impacts?|effects?|consequences?)\b|"
        r"\b(?:negatively|adversely|detrimentally|disproportionately|severely|badly)\s+(?:\w+\s+)?(?:impact\w*|affect\w*)\b|"
        r"\b(?:impact|affect)\w*\s+(?:\w+\s+)?(?:negatively|adversely|detrimentally)\b|"
        r"\b(?:may|could|might|would)\s+(?:also\s+)?(?:be|include)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:impacts?|effects?|consequences?)\b|"
        r"\b(?:longer-term|long-term|indirect|anticipated|knock-on|further|wider)\s+(?:\w+\s+)?(?:impacts?|effects?|consequences?)\s+"
        r"(?:could|may|might|would|will|include\w*)\b|"
        r"\bimpacts?\s+(?:on\s+)?(?:\w+\s+){0,4}(?:this|that|which|it|they)\s+(?:may|could|might|would)\s+have\b|"
        r"\breputational\s+(?:damage|harm)\b|\b(?:damage|harm)\s+(?:to\s+)?(?:the\s+|our\s+|its\s+)?(?:\w+\s+)?"
        r"(?:reputation|relationships?|confidence|trust)\b",
        ),
    "pressure": re.compile(
        r"\bpressures?\s+(?:on|upon|included|facing|faced\s+by)\b|\b(?:put|puts|putting|place[sd]?|placing|add\w*|increas\w*|further|"
        r"additional)\s+(?:\w+\s+)?pressures?\b|\bunder\s+(?:\w+\s+){0,2}pressure\b|"
        r"\b(?:face[sd]?|facing)\s+(?:\w+\s+){0,2}(?:pressures?|challenges?|constraints?|gaps?|shortfalls?|deficits?)\b|"
        r"\bshortages?\s+of\b|\bslippage\b|\bunder\s+(?:\w+\s+)?strain\b|"
        r"\b(?:demand|costs?|needs?)\s+(?:\w+\s+){0,4}(?:continues?|continued|is|are|was|were)\s+(?:expected\s+|forecast\s+|projected\s+)?"
        r"to\s+(?:rise|grow|increase|outstrip|exceed)\b|\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?(?:impacted|affected|hampered|hindered|constrained)\s+by\b|"
        r"\b(?:creat|caus)\w*\s+(?:\w+\s+){0,2}(?:uncertainty|instability|disruption|delays|confusion|duplication|"
        r"difficulties|problems)\b|"
        r"\bthere\s+(?:are|were|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?delays\b|"
        r"\b(?:given|due\s+to|because\s+of|amid)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:challenges|pressures|difficulties)\b",
        ),
    # What is not enough or cannot be done: 'insufficient to cover', 'unsustainable', 'no additional
    # funding', 'cannot be managed at the scale required', 'unmet need', 'harder to manage'.
    "shortfall": re.compile(
        r"\b(?:is|are|was|were|be|been|remains?|proved?|being)\s+(?:\w+\s+){0,2}insufficient\b|\binsufficient\s+to\b|"
        r"\bnot\s+(?:be\s+)?(?:sufficient|sustainable|affordable|viable)\b|"
        r"\bshortfalls?\b|\bunsustainable\b|\bunaffordable\b|\bunable\s+to\b|\bnot\s+(?:be\s+)?able\s+to\b|"
        rf"\b(?:could|can)\s*not\s+(?:be\s+)?(?:\w+\s+)?(?:rely|meet|met|deliver\w*|continue|sustain\w*|cope|fund\w*|"
        rf"manag\w*|maintain\w*|accommodat\w*)\b|"
        r"\bno\s+(?:additional|extra|new|further)\s+(?:funding|money|resources?)\b|\bunfunded\b|"
        r"\bnot\s+(?:being\s+)?(?:adequately|fully|sufficiently)\s+\w+ed\b|\bunmet\s+(?:\w+\s+)?needs?\b|\bgo\s+unmet\b|"
        r"\b(?:substantial|significant|funding|budget|financial|remaining)\s+gaps?\b|"
        r"\b(?:has|have|had)\s+(?:\w+\s+){0,3}lacked\b|\b(?:is|are|remains?|continues?\s+to\s+be)\s+(?:a\s+|an\s+)?"
        r"(?:\w+\s+)?lack\s+of\b|"
        rf"\b(?:harder|difficult|hard|challenging)\s+to\s+{DELIVER}\b|\bextremely\s+difficult\b|"
        r"\b(?:make|makes|making|made)\s+it\s+(?:\w+\s+)?(?:difficult|harder|impossible)\b|"
        r"\bgaps?\s+in\s+(?:the\s+)?(?:provision|services?|capacity|funding|workforce|support|oversight)\b|\b(?:is|are|be|remains?|left)\s+exposed\s+to\b",
        ),
    # What may follow: a modal before an adverse verb ('could delay', 'may not be achieved') or
    # before a consequence that is adverse ('could result in less funding', 'may mean stopping
    # some initiatives'), or a potential adverse event ('potential closure', 'potential for conflict').
    "consequence": re.compile(
        rf"\b{MODAL}\s+{HEDGE}{ADVERSE_VERB}\b|"
        rf"\b{MODAL}\s+{HEDGE}{CONSEQUENCE}\s+(?:\S+\s+){{0,6}}?{ADVERSE_NOUN}\b|"
        r"\bpotential(?:ly)?\s+(?:\w+\s+)?(?:closures?|displacements?|conflicts?|shortages?|deficits?|postponement|"
        r"loss|disruption|problems?|harm|delays?|reductions?|diminished|requiring\s+closure)\b|"
        r"\bpotential\s+for\s+(?:\w+\s+){0,3}(?:disruption|conflict|confusion|duplication|blurring|loss|delay|harm)\b|"
        r"^\W*(?:\w+\s+){0,3}(?:delays?|shortages?|failures?|loss|slippage|cuts?)\b[^.;]{0,80}?\b(?:could|may|might|would|will)\b|"
        r"\bminimi[sz]\w*\s+(?:any\s+|the\s+)?(?:\w+\s+)?disruption\b|"
        rf"\bensure\s+(?:that\s+)?(?:\w+\s+){{0,6}}(?:does|do|will|would)\s+not\s+{ADVERSE_VERB}\b",
        ),
    "challenge": re.compile(
        r"\b(?:present|pose|poses|posed|presents|presented|create|creates)\s+(?:\w+\s+){0,3}challenges?\b|"
        r"\bsignificant\s+challenges?\s+(?:to|in|for|with|around|ahead|from|of)\b|"
        r"\bchallenges?\s+(?:inherent|ahead|to\s+(?:the\s+)?deliver\w*|in\s+deliver\w*|remain\w*)\b|"
        r"\b(?:the|our)\s+(?:main|key|biggest|greatest|major|principal)\s+challenges?\s+(?:is|are|will|for|facing|"
        r"include\w*|remains?)\b|\brecognised\s+the\s+challenges?\b|"
        r"\bissues?\s+(?:\w+\s+){0,4}(?:to\s+(?:be\s+)?overcome|need\w*\s+(?:to\s+be\s+)?(?:overcome|unblock\w*|addressed|"
        r"resolved)|requir\w*\s+attention)\b|\bneed\w*\s+(?:unblocking|resolving|overcoming)\b|"
        rf"\b(?:remains?|remained|continues?\s+to\s+be|continued\s+to\s+be)\s+(?:a|an)\s+(?:\w+\s+){{0,2}}{PROBLEM}\b|"
        r"\b(?:is|are|was|were|proved|presents)\s+(?:a|an)\s+(?:(?:significant|major|real|serious|particular|ongoing|"
        r"growing|key)\s+)?(?:challenge|concern|risk|barrier|problem|threat|obstacle)\b|"
        r"\b(?:remains?|remained|continues?\s+to\s+be|continued\s+to\s+be|has\s+been|have\s+been|proved|proving)\s+"
        r"(?:\w+\s+)?(?:challenging|difficult|problematic)\b|\bongoing\s+(?:\w+\s+)?(?:challenges|difficulties|problems)\b|"
        r"\bdifficult(?:y|ies)\s+(?:in|with)\s+\w+ing\b|\bexperienc\w+\s+(?:\w+\s+)?difficulties\b|"
        r"\bfailure\s+to\b|\bfailing\s+to\b|"
        r"\buncertainty\s+(?:about|over|around|regarding|as\s+to|remains)\b|\bremains?\s+uncertain\b|"
        r"\b(?:leave|leaves|left|make|makes|remain|remains)\s+(?:\w+\s+){0,2}(?:vulnerable|exposed)\s+to\b",
        ),
    # 'If these changes are not made, the service will continue to ...', 'Without a resolution, the
    # authorities would face ...': what follows when something is not done, if it persists or harms.
    "condition": re.compile(
        rf"(?:^\W*|\bthat\s+)(?:(?:if|unless|should|where)\b[^,;]*\b(?:not|no|fail\w*|never|unable)\b[^;]*?,|without\b)[^;]*?"
        rf"\b(?:will|would|could|may|might)\s+{HEDGE}(?:continue\s+to|{ADVERSE_VERB}|(?:\w+\s+){{0,3}}{ADVERSE_NOUN})|"
        r"^\W*(?:not\s+\w+ing|not\s+to\s+\w+|doing\s+nothing|failure\s+to\s+\w+|failing\s+to\s+\w+)\b(?:\s+\S+){0,12}?\s+"
        r"(?:will|would|could|may|might)\b|\bconsequences?\s+of\s+not\b",
        ),
    "drawback": re.compile(
        r"\b(?:option|approach|alternative|possibility|model)\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:therefore\s+)?"
        r"(?:not\s+(?:taken\s+forward|recommended|pursued|progressed|preferred|supported|chosen)|rejected|discounted|"
        r"dismissed)\b\s*(?:as|because|since|due|given)\b|"
        r"^\W*however,?\s+this\s+(?:would|will)\s+(?:\w+\s+){0,2}(?:mean|require|result|lead|leave)\b",
        ),
}

# Words without which a family cannot match: a substring test, far cheaper than the family's
# pattern, spares most sentences the pattern (extraction time is bounded per page).
GATES = {
    "named risk": ("risk", "danger", "legal challenge", "judicial review", "jeopard", "threat", "bottleneck", "pitfall",
                   "barrier", "obstacle"),
    "concern": ("concern", "worr", "warned", "impact", "effect", "consequence", "implication", "risk", "pressure",
                "difficult", "threat"),
    "negative impact": ("detriment", "advers", "negativ", "harm", "damag", "unintended", "disproportionat", "severely",
                        "badly", "impact", "effect", "consequence"),
    "pressure": ("pressure", "challenge", "difficult", "uncertain", "instab", "disrupt", "confusion", "duplicat", "problem", "hamper",
                 "hinder", "constrain", "constraint", "shortage", "slippage", "strain", "demand", "cost", "need",
                 "impacted", "affected", "delays", "gap", "deficit"),
    "shortfall": ("sufficient", "sustainab", "shortfall", "affordab", "able to", "viable", "not", "no additional",
                  "no extra", "no new", "no further", "unfunded", "unmet", "gap", "lack", "difficult", "hard",
                  "challenging", "exposed"),
    "consequence": ("could", "may", "might", "would", "will", "can", "likely", "potential", "risk", "minimi", "ensure"),
    "challenge": ("challeng", "issue", "problem", "barrier", "concern", "risk", "difficult", "threat",
                  "obstacle", "fail", "uncertain", "vulnerable", "exposed", "unblocking", "resolving", "overcoming"),
    "condition": ("if", "unless", "where", "should", "without", "not", "doing", "failure", "failing", "consequence"),
    "drawback": ("option", "approach", "alternative", "possibility", "model", "however"),
}


def threat_family(text: str) -> str | None:
    """The first family of threat construction that `text` (its paragraph number aside) states, if any."""
    low = item_text(text).lower()
    for family, pattern in THREAT.items():
        if any(word in low for word in GATES[family]) and pattern.search(low):
            return family
    return None

# --- where a paper's structure says "these are risks" -------------------------------------

REJECTED_OPTIONS = re.compile(r"\b(?:options?|alternatives?)\b.*\b(?:considered|rejected|dismissed|discounted)\b", I)
# Under a heading of risks or of the options turned down, a sentence with a modal, a condition or a
# 'however' may state a risk; under one of challenges or barriers, its bullets do (its prose is
# as often the background of a strategy: 'Key issues and challenges').
RISK_HEADING = re.compile(r"\brisks?\b|" + REJECTED_OPTIONS.pattern, I)
LIST_HEADING = re.compile(r"\b(?:challenges|barriers|concerns|threats|pitfalls|disadvantages|drawbacks)\b", I)
WEAK_THREAT = re.compile(r"\b(?:could|may|might|would)\s+(?:\w+\s+)?(?:not|mean|require|result|lead|leave|create|"
                         r"increase|reduce|cost|risk|need|affect|impact)\b|^\W*(?:if|unless|without)\b|\brisks?\b|"
                         r"^\W*(?:however|but)\b|\bnot\s+(?:be\s+)?(?:taken\s+forward|recommended|preferred|pursued)\b", I)
# A list lead-in that introduces risks: 'The main risks are:', 'Barriers to delivery include:'.
RISK_LEAD = re.compile(r"\b(?:risks?|problems?|barriers?|pitfalls?|threats?|challenges?|issues?\s+to\s+(?:be\s+)?overcome|"
                       r"concerns?|disadvantages?|drawbacks?|weaknesses?)\b", I)
BENEFIT = re.compile(r"\bbenefits?\b|\badvantages?\b|\bopportunit|\bstrengths?\b", I)


@lru_cache(maxsize=4096)
def heading_role(heading: str) -> str | None:
    """'risks' (its prose and bullets may state risks), 'list' (its bullets do) or None."""
    if PLANNED.search(heading) or BENEFIT.search(heading) or RISK_INSTRUMENT.search(heading) or POPULATION.search(heading):
        return None
    return "risks" if RISK_HEADING.search(heading) else "list" if LIST_HEADING.search(heading) else None


def is_risk_lead(lead: str) -> bool:
    """A lead-in that introduces a list of risks, not benefits, plans against them or people at risk."""
    if not RISK_LEAD.search(lead) or PLANNED.search(lead) or POPULATION.search(lead) or RISK_INSTRUMENT.search(lead):
        return False
    return not (BENEFIT.search(lead) and not re.search(r"\b(?:risks?|disadvantages?|problems?|barriers?)\b", lead, I))


# Columns of a table by their header: a register's risk column (a record a row), a column of
# drawbacks (a record a sentence), and the columns that are never risks.
COLUMN_ROLES = [
    ("mitigation", re.compile(r"\b(?:mitigat\w*|controls?|actions?|responses?|treatment|management\s+of)\b", I)),
    ("advantage", re.compile(r"\b(?:advantages?|benefits?|pros|strengths?|opportunit\w+)\b", I)),
    ("drawback", re.compile(r"^\W*(?:key\s+)?(?:disadvantages?|drawbacks?|cons|weaknesses?|threats?|issues?|concerns?|"
                            r"barriers?|challenges?)\W*$", I)),
    ("risk", re.compile(r"^\W*(?:key\s+|main\s+)?(?:risks?|risk\s+(?:description|identified|title|area|event|details?|name)|"
                        r"description\s+of\s+(?:the\s+)?risk|(?:identified|potential)\s+risks?)\W*$", I)),
]


def column_role(header: str | None) -> str:
    for role, pattern in COLUMN_ROLES:
        if header and pattern.search(header.strip()):
            return role
    return "other"


# --- what only looks like a risk ----------------------------------------------------------

OBJECT_OF_PLAN = (r"(?:risks?|barriers?|challenges?|concerns?|pressures?|threats?|pitfalls?|bottlenecks?|shortfalls?|"
                  r"gaps?|deficits?|overspends?|problems?|issues?|impacts?)")
# 'to reduce the risk of falls', 'tackling pressures', 'Reduce the risk of modern slavery' (but not
# 'review given the ongoing challenges', whose challenges are its reason, not its object), to the
# end of the clause ('... the potential impacts of cost of living pressures on residents'); in
# 'challenges to address the deficit' the challenges stay.
PLANNED = re.compile(
    r"(?:(?<!challenges\s)(?<!challenge\s)(?<!issues\s)\bto\s+)?\b" + forms("reduce mitigate minimise minimize manage address tackle lower prevent overcome remove identify "
                  "assess explore consider review understand avoid buffer")
    + r"[\s/]+(?:(?!(?:given|due|because|since|despite|amid)\b)\S+\s+){0,5}?" + OBJECT_OF_PLAN + r"\b(?:(?!\b(?:that|which|but)\b)[^,;])*", I)
# A purpose clause of a plan: 'We will use the data to understand how the pressures are affecting ...'.
PURPOSE = re.compile(r"\b(?:in\s+order\s+)?to\s+(?:help\s+)?(?:understand|identify|monitor|assess|support|target|guide|"
                     r"map|measure|track)\b.*$", I)
POPULATION = re.compile(r"\b(?:people|persons|those|groups?|children|adults|individuals|families|patients|carers|households|"
                        r"pupils|residents|women|men|girls|boys|communities|population|cohorts?|who|learners|users|clients|"
                        r"neighbourhoods|areas)\s+(?:\w+\s+){0,8}?(?:at\s+(?:\w+\s+)?risk|(?:at\s+)?(?:greater|higher|increased|"
                        r"highest|greatest|most|more)\s+risk)\b|\bmost\s+at\s+risk\b|\bat[\s-]risk\s+(?:groups?|people|"
                        r"individuals|children|adults|families|cohorts?|patients|residents|register)\b|"
                        r"\brisks?\s+to\s+(?:\w+\s+)?health\b(?!\s+and\s+safety)", I)
RISK_INSTRUMENT = re.compile(r"\brisks?[\s-]+(?:assessments?|registers?|profiles?|index|indices|management|stratification|"
                             r"factors?|scor\w+|ratings?|appetite|based|share|sharing|reward|logs?|tools?|matrix|owners?|"
                             r"levels?|categor\w+|reviews?|framework)\b|\brisk/reward\b", I)

# Reasons a threat construction is not a risk; a sentence is dropped for one unless a threat is
# still stated once the phrase the reason explains is blanked out (see `other_threat`).
NOT_A_THREAT = {
    "planned action": PLANNED,
    "purpose of a plan": PURPOSE,
    "population at risk": POPULATION,
    "risk instrument": RISK_INSTRUMENT,
    "evidence": re.compile(r"\b(?:increase[sd]?|raise[sd]?|raising|increasing|reduce[sd]?|lower\w*|higher|greater|"
                           r"elevated)\s+(?:the\s+)?risks?\s+of\b|\bassociated\s+with\b|"
                           r"\bthe\s+risk\s+of\s+(?:\S+\s+){1,25}?(?:increases|rises|grows)\b", I),
    "concession": re.compile(r"^\W*(?:despite|notwithstanding|in\s+spite\s+of)\b[^,;]*,?|\bin\s+(?:recognition|light)\s+of\s+the\s+"
                             r"(?:\w+\s+)?challenges\b|\brecognition\s+of\s+the\s+challenges\b", I),
    "pointer to risks": re.compile(r"\b(?:sets?\s+out|lists?|summari[sz]es?|describes?|outlines?|details?|identifies|"
                                   r"captures?)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:risks|challenges|issues|concerns)\b|"
                                   r"\b(?:risks|challenges|issues|concerns)\s+(?:\w+\s+){0,3}(?:are|is|were|have\s+been)\s+"
                                   r"(?:set\s+out|listed|summari[sz]ed|shown|detailed|described|included|recorded|captured|"
                                   r"outlined)\b", I),
    # 'if there were any obstacles to ..., a new domain could be set up': a plan for a case that may not arise.
    "contingency": re.compile(r"\b(?:if|should|where|in\s+case)\s+(?:there\s+(?:is|are|was|were)\s+)?any\s+(?:\w+\s+)?"
                              r"(?:obstacles?|problems?|issues?|concerns?|risks?|barriers?|difficult\w+|delays?)\b", I),
    # 'may have been more affected ... if the service was being changed': what the past would have been.
    "counterfactual": re.compile(r"\b(?:would|could|may|might)\s+(?:not\s+)?have\s+(?:been\s+)?[^.;]*\bif\b[^.;]*\b(?:was|were|had)\b", I),
    "benefit": re.compile(r"\b(?:potential\s+)?benefits?\s+(?:of|from|for|include)\b|\bopportunit(?:y|ies)\s+to\b|"
                          r"\bpositive\s+(?:and|or)\s+negative\b", I),
}


def other_threat(text: str, reason: re.Pattern) -> bool:
    """Whether a threat is still stated once what `reason` explains away is blanked out:
    'We will support those at risk, but staff shortages could delay the service' keeps its delay."""
    blanked = reason.sub(" ", text)
    return threat_family(blanked) is not None


# Evidence reported from research, or a cited finding about health: background, whatever it says.
EVIDENCE = re.compile(r"\b(?:evidence|analysis|research|stud(?:y|ies)|surveys?|reviews?|data|report)\s+(?:[\w,]+\s+){0,12}?"
                      r"(?:reported|found|finds|shows?|showed|suggests?|suggested|indicates?|highlights?|concluded|links?)\b|"
                      r"\[\d+\].*\b(?:risks?\s+of|prevalence|associated|linked)\b|\b(?:estimated|estimates?)\b.*\[\d+\]|"
                      r"\b(?:risks?\s+of|prevalence|associated|linked)\b.*\[\d+\]|"
                      r"\b(?:more|less)\s+likely\s+(?:to|than)\b", I)
DENIAL = re.compile(r"\bno\s+(?:\w+\s+){0,2}(?:risks?|concerns?|issues?|problems?|impacts?|effects?|disruption)\b|"
                    r"\bnot\s+(?:\w+\s+)?(?:anticipate|expect|foresee)\w*\b|\bno\s+expectation\b|"
                    r"\b(?:minimal|negligible)\s+(?:\w+\s+)?(?:impacts?|risks?|disruption)\b|"
                    r"\bnot\s+(?:be\s+)?(?:adversely|negatively|disproportionately|detrimentally)\b|"
                    r"\b(?:concerns?|issues?|risks?|gaps?|shortfalls?|deficits?|pressures?|problems?)\s+(?:\w+\s+){0,6}"
                    r"(?:had|have|has)\s+(?:now\s+)?been\s+(?:addressed|resolved|allayed|mitigated|removed|closed|bridged|"
                    r"eliminated)\b|\b(?:position|situation)\s+(?:had|has)\s+improved\b|"
                    r"\bno\s+(?:\w+\s+){1,3}(?:would|will)\s+be\s+(?:any\s+)?more\s+(?:\w+ly\s+)?(?:affected|impacted)\b", I)
# A case study's person ('she was worried that she would not be able to pay the rent'): one
# resident's story, told to illustrate a need, not a threat to a service. Minutes' members are
# 'concerned'; a story's person is worried, anxious, overwhelmed.
PERSONAL = re.compile(r"\b(?:she|he)\s+(?:was|is|felt|feels|had\s+been)\s+(?:\w+\s+)?(?:worried|anxious|afraid|scared|"
                      r"frightened|overwhelmed|lonely)\b", I)
# A member's apologies in minutes: 'Cllr Patel was unable to attend'.
ATTENDANCE = re.compile(r"\b(?:unable|not\s+able)\s+to\s+(?:attend|be\s+present|join\s+the\s+meeting)\b|\bapologies\b", I)
THANKS = re.compile(r"\b(?:thanks?|thanked|gratitude|congratulat\w+|commended|praised)\b", I)
QUESTION = re.compile(r"\?\s*$")
MITIGATION_FIRST = re.compile(r"^\W*(?:mitigat\w+|to\s+mitigate|controls?:|actions?:|response:)", I)
# 'This presents challenges and pressures.': a short sentence whose threat is the sentence before's.
POINTER = re.compile(r"^\W*(?:this|it|these|that|they)\b(?:\s+\S+){1,5}\s*$", I)
ANAPHOR = re.compile(r"^\W*(?:and\s+)?(?:this|which)\s+(?:was|is|were|are|would|will|could|may|might|remains?|meant|means)\b", I)
AUTHORITY = re.compile(r"\b(?:the\s+)?(?:Authority|Council's|council's)\b")


def is_chart_text(text: str) -> bool:
    """Axis labels, figures and the run-together words of an infographic read as a sentence."""
    tokens = text.split()
    if not tokens:
        return True
    numeric = sum(1 for t in tokens if re.fullmatch(r"[\d.,%+=£\-–/()]+(?:st|nd|rd|th|k|m)?", t))
    single = sum(1 for t in tokens if re.fullmatch(r"[A-Za-z]", t) and t not in ("a", "A", "I"))
    return numeric / len(tokens) > 0.2 or single >= 3 or len(tokens) > 70 or bool(RUN_TOGETHER.search(text))


# A sentence start glued mid-sentence, as two columns of a page read across: '... however, we The health ...'.
RUN_TOGETHER = re.compile(r"\b[a-z]+\s+(?:The|We|Our|It|This|These|Those|Between|And|Of|For|With|At|In|On|To|From|By|"
                          r"Or|But|Is|Are|Was|Were|There|They|Their)\s")


def is_label(text: str) -> bool:
    """A heading or form label read as a sentence: short, with no closing stop ('Risk: loss of
    key staff' is a risk written as a label, though)."""
    return len(text.split()) <= 10 and not re.search(r"[.;!?]['’\")]*\s*$", text) and not RISK_LABEL.match(text)


RISK_LABEL = re.compile(r"^\W*(?:key\s+)?risks?\s*[:\-–]\s*\S", I)


# --- the remedy paired with a risk --------------------------------------------------------

# The part of a risk's sentence that is its remedy: the option turned down, the 'if not' clause.
REJECTED = re.compile(r"\b(?:\w+\s+)?(?:option|approach|alternative|possibility|model)\s+(?:was|were|is|has\s+been|"
                      r"had\s+been)\s+(?:therefore\s+)?(?:not\s+(?:taken\s+forward|recommended|pursued|progressed|"
                      r"preferred|supported|chosen)|rejected|discounted|dismissed)\b", I)
# A run-in heading that turns options down, its option after the colon: 'Alternatives considered
# and rejected: Do nothing;'.
REJECTED_RUN_IN = re.compile(r"^\W*[^:.;]{0,60}\b(?:options?|alternatives?)\b[^:.;]{0,40}\b(?:considered|rejected|dismissed|"
                             r"discounted)\b[^:.;]{0,20}:", I)
CONDITION_CLAUSE = re.compile(r"^\W*(?:if|unless|without)\b[^,;]*(?=,)", I)

# Inside the risk's own sentence: 'leading to a need for clarity on roles', 'to ensure that ...'.
MITIGATION = re.compile(r"\b(?:mitigat\w+|to\s+address\s+this|in\s+response|to\s+manage\s+this|to\s+reduce\s+this|"
                        r"(?P<need>lead(?:s|ing)?\s+to\s+(?:a\s+)?need\s+(?:for|to))|(?:to|will)\s+ensure|"
                        r"(?:the\s+)?need\s+for|pressure\s+on\s+(?:the\s+)?\w+\s+to|"
                        r"with\s+plans\s+(?:developed|in\s+place)|focus\s+(?:was|is)\s+on\s+minimi[sz]\w+)\b", I)
# In the sentence after: 'So we must align ...', 'To address the shortfall, ...', 'This could be
# reduced if ...', 'These pressures would be addressed in the medium-term plan'.
REMEDY_NEXT = re.compile(
    r"^\W*(?:so|therefore|to\s+(?:mitigate|address|manage|minimi[sz]e|reduce|tackle|offset|meet)|addressing|in\s+response|"
    r"the\s+(?:ask|request)\s+of|the\s+focus\s+(?:was|is|will\s+be)\s+on|mitigation\s*[:\-–])\b|"
    r"\b(?:must|will|should|would)\s+therefore\b|\b(?:mitigat\w+|minimi[sz]e|address(?:ing)?\s+(?:this|these|the))\b|"
    r"\b(?:would|will|could|can|is|are|was|were)\s+(?:be\s+)?(?:reduced|addressed|managed|mitigated|resolved|monitored)\b|"
    r"\b(?:essential|necessary|crucial)\s+to\s+(?:take\s+action|reduce|address|limit)\b|"
    r"\bactions?\s+(?:being\s+|are\s+being\s+)?taken\s+to\b|\bwould\s+help\s+(?:to\s+)?resolve\b|"
    r"\b(?:need|needs|needed)\s+to\s+be\b", I)
