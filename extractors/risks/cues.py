"""How board papers word a risk: the threat constructions of the genre, grouped in families,
that extractors/risks.py's `suggest` looks for in every sentence.

A risk is rarely just the word "risk". Reports name it ("There is a risk that ...", "the main
risk is ..."), minutes report it ("Members expressed concern that ...", "it remained a significant
concern"), and both state adverse impacts ("would impact negatively on", "a detrimental effect
on"), pressures ("pressure on budgets", "given the financial challenges"), shortfalls
("insufficient to cover", "unsustainable", "cannot be managed"), consequences ("could result in
less funding", "may mean stopping some initiatives"), challenges to delivery, conditions ("If ...
is not implemented, ... will continue to face a gap") and options turned down for their
drawbacks. bench/risk_families.py measures what each family keeps right and wrong, paper by
paper; what only looks like a risk is in lookalikes.py, what a paper's structure calls one
in structure.py.
"""
from __future__ import annotations

import re

from extractors.cues import item_text


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
                r"face\s+(?:\w+\s+){0,2}(?:challenges?|difficult\w*|pressures?|a\s+gap|gaps|shortfalls?|problems?|penalt\w+|fines?|"
                r"sanctions|legal\s+action|claims)|"
                r"not\s+be\s+(?:met|achieved|delivered|realised|sustained|able|possible|feasible|achievable|deliverable|"
                r"available|sufficient|affordable|completed|finished))")
ADVERSE_NOUN = (r"(?:crisis|shortages?|pressures?|deficits?|overspends?|gaps?|closures?|poverty|debt|insecurity|harm|"
                r"problems?|costs?|demand|delays?|disruption|loss(?:es)?|failure|uncertainty|conflicts?|reduction|"
                r"unemployment|homelessness|detrimental|adverse|negative|less|fewer|lower|higher|worse|poorer|unmet|"
                r"backlogs?|breach\w*|complaints?|penalt\w+|sanctions?|intervention|instability|withdraw\w*|cuts?|"
                r"vacanc\w+|inequalit\w+|disparit\w+|challenges?|difficult\w*|strain|burden|stopping|ceasing|decommissioning|"
                r"duplication)")
# A condition's setback ('If the bid is unsuccessful', 'Should the strike continue') and what
# ends because of it ('the service will close', 'clinics would be cancelled'): a condition's parts.
SETBACK = r"(?:unsuccessful|rejected|refused|declined|withdrawn|insufficient|unavailable|continues?|persists?)"
ENDING = r"(?:close|cease|end|stop|be\s+(?:cancelled|postponed|suspended|closed|stopped|decommissioned|scaled\s+back))\b"
CONSEQUENCE = r"(?:lead\s+to|leading\s+to|result\s+in|resulting\s+in|cause|increase|push|pushing|put|putting|create|leave|mean)"
PROBLEM = r"(?:challenge|issue|problem|barrier|concern|risk|difficulty|threat|obstacle)"
# What a concern that is a risk is about: what may follow, or a strain on delivery.
CONCERN_OBJECT = (r"(?:impacts?|implications?|effects?|consequences?|ability|capacity|sustainability|viability|risks?|"
                  r"potential|possible|future|likely|loss|costs?|affordability|delays?|pressures?|safety|"
                  r"shortfalls?|gaps?|reductions?|increases?|rises?|deficits?|overspends?|levels?|numbers|demand|"
                  r"funding|recruitment|retention|waiting|pace|timescales?|timing|availability|scale|"
                  r"access|resilience|workload|staffing|vacanc\w+)")

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
        r"\blegal\s+challenge\b|\bjudicial\s+review\b|\bdanger\s+(?:of|that)\b|\bopen\s+to\s+(?:a\s+)?(?:legal\s+)?challenge\b|"
        r"^\W*(?:key\s+|main\s+)?(?:challenges?|barriers?|areas?\s+of\s+concern)\s*[:\-–]\s*\S|"
        r"\b(?:rated|rag[- ]rated)\s+(?:as\s+)?(?:red|amber)\b|\b(?:red|amber)[- ]rated\b|"
        r"\bjeopardi[sz]\w*|\bthreat(?:en\w*|s)?\b|\bbottlenecks?\b|\bpitfalls?\b|\b(?:barriers?|obstacles?)\s+to\b|"
        # 'There is a real possibility that the works will not complete on time'
        r"\b(?:possibility|likelihood|prospect)\s+that\b[^.;]*?\b(?:not|fail\w*|unable|los[et]\w*|exceed\w*|delay\w*)\b",
        ),
    # A concern is a risk when it looks ahead ('concern that the contract would not ...', 'concerns
    # about the impact of ...') or is weighed ('remained a significant concern'); a concern about a
    # thing that simply is ('wrote regarding concerns with the budget') is a complaint.
    "concern": re.compile(
        rf"\b(?:concerns?|concerned|worr(?:y|ies|ied))\s+(?:\w+\s+){{0,3}}?(?:that|whether)\b[^.;]*?(?:\b(?:would|could|may|"
        rf"might|will|cannot|unable|insufficient|inadequate|unrealistic|unachievable|unsustainable|risk)\b|(?<!had\s)(?<!has\s)(?<!have\s)(?<!did\s)(?<!was\s)(?<!were\s)\bnot\b)|"
        rf"\b(?:concerns?|concerned|worr(?:y|ies|ied))\s+(?:\w+\s+){{0,3}}?(?:about|regarding|over|around|on|with|at|"
        rf"for|in\s+relation\s+to)\s+(?:the\s+|their\s+|its\s+)?(?:\w+\s+){{0,3}}?{CONCERN_OBJECT}\b|"
        r"\b(?:are|were|is|was|be|been|remain\w*|raised?|expressed|voiced|ha(?:ve|s|d))\s+(?:\w+\s+)?(?:significant|major|"
        r"serious|growing|real|considerable|grave)\s+(?:\w+\s+){0,3}?concerns?\b|\bsafety\s+concerns?\b|"
        r"\b(?:remain\w*|is|are|was|were|be|become|becoming)\s+a\s+(?:\w+\s+)?concern\b|"
        r"\bconcerns?\s+(?:remain\w*|continue\w*|persist\w*|grow\w*)\b|"
        r"\b(?:main|key|biggest|greatest|major|principal|particular)\s+(?:areas?\s+of\s+concern|concerns|worry|worries)\s+"
        r"(?:is|are|was|were|remains?|include\w*)\b|"
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
        r"\b(?:could|may|might|would|will)\s+(?:also\s+|still\s+|potentially\s+)?have\s+(?:a|an)\s+(?:\w+\s+)?(?:significant|serious|"
        r"major|considerable|substantial|severe|material|detrimental|adverse|negative)\s+(?!positive|beneficial)(?:\w+\s+)?"
        r"(?:impact|effect)\b|"
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
        r"\b(?:put|puts|putting|place[sd]?|placing|add\w*|increas\w*|further|additional)\s+(?:\w+\s+)?(?:strain|burden)\s+on\b|"
        r"\b(?:face[sd]?|facing)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,2}(?:overspends?|budget\s+gaps?)\b|"
        r"\bcontinu\w*\s+to\s+(?:deteriorate|decline|worsen)\b|\b(?:has|have|had)\s+(?:\w+\s+)?(?:deteriorated|worsened)\b|"
        r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:(?:delayed|postponed|paused|suspended|put\s+on\s+hold)\s+"
        r"(?:due\s+to|because|as\s+a\s+result|owing\s+to)|delayed\s+by)\b|\b(?:slower|later)\s+than\s+(?:planned|expected|anticipated|hoped)\b|"
        r"\bbehind\s+(?:schedule|plan|target|trajectory)\b|"
        r"\b(?:demand|need)\b[^.;]{0,40}?\b(?:outstrips?|outstripping|exceeds?|exceeding|outweighs?)\s+(?:the\s+|available\s+)?"
        r"(?:supply|capacity|resources?|funding|availability|provision)\b|"
        r"\b(?:operating|running|working)\s+at\s+(?:or\s+(?:near|above)\s+)?(?:full\s+|maximum\s+)?capacity\b|"
        r"\b(?:demand|costs?|needs?)\s+(?:\w+\s+){0,4}(?:continues?|continued|is|are|was|were)\s+(?:expected\s+|forecast\s+|projected\s+)?"
        r"to\s+(?:rise|grow|increase|outstrip|exceed)\b|\b(?:has|have|had)\s+(?:been\s+)?(?:\w+ly\s+)?(?:impacted|affected|hampered|hindered|constrained)\s+by\b|"
        r"\b(?:creat|caus)\w*\s+(?:\w+\s+){0,2}(?:uncertainty|instability|disruption|delays|confusion|duplication|"
        r"difficulties|problems)\b|"
        r"\bthere\s+(?:are|were|have\s+been|has\s+been|had\s+been)\s+(?:\w+\s+)?delays\b|"
        # a strain felt now: 'gaps are impacting on the Trust's ability to', 'delays are leading to longer stays'
        r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:impacting|affecting)\s+(?:on\s+)?(?:(?:the|our|its|their)\s+)?(?:[\w-]+['’]s\s+)?"
        r"(?:[\w-]+\s+)?(?:ability|capacity|delivery|performance|flow|sustainability)\b|"
        r"\b(?:is|are)\s+(?:\w+ly\s+)?(?:leading|contributing)\s+to\s+(?:an?\s+)?(?:increased|higher|longer|worse|poorer|"
        r"delays?|backlogs?|shortages?|additional\s+pressures?)\b|"
        r"\b(?:given|due\s+to|because\s+of|owing\s+to|amid)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:challenges|pressures|difficulties|"
        r"shortages)\b|"
        r"\b(?:due\s+to|because\s+of|owing\s+to)\s+(?:\w+\s+){0,2}(?:capacity|staffing|workforce|recruitment|funding|resourcing|"
        r"supply|IT|data|system)\s+(?:issues|problems)\b|"
        r"\bthere\s+(?:have\s+been|has\s+been|are|were|remain)\s+(?:\w+\s+){0,2}(?:challenges|difficulties|problems|issues)\s+"
        r"(?:with|in|around|relating\s+to|regarding|recruiting|accessing|securing|getting)\b",
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
        r"\b(?:make|makes|making|made)\s+it\s+(?:\w+\s+)?(?:difficult|harder|hard|impossible)\b|"
        r"\bgaps?\s+in\s+(?:the\s+)?(?:provision|services?|capacity|funding|workforce|support|oversight|data)\b|"
        # cuts ahead: 'not all activity will necessarily continue', 'difficult decisions will need to be made'
        r"\bnot\s+all\s+(?:of\s+)?(?:the\s+|this\s+|these\s+|our\s+|current\s+|existing\s+)?(?:\w+\s+){0,2}(?:will|can|could|may)\s+"
        r"(?:necessarily\s+|be\s+able\s+to\s+)?(?:continue|be\s+(?:funded|delivered|sustained|maintained|afforded|protected))\b|"
        r"\b(?:difficult|tough|hard|painful)\s+(?:financial\s+|budget\s+|funding\s+|spending\s+)?(?:decisions|choices)\s+(?:will|may|would|"
        r"are\s+likely\s+to)\s+(?:\w+\s+){0,2}?(?:be\s+(?:made|taken|required|needed)|(?:need|have)\s+to\s+be\s+(?:made|taken))\b|"
        r"\b(?:is|are|be|remains?|left)\s+exposed\s+to\b|"
        # a dependence the paper counts against itself: 'a reliance on agency staff', 'relies heavily on volunteers'
        r"\b(?:over-?reliance|reliance|dependence|dependency)\s+on\s+(?:\w+\s+)?(?:agency|locum|temporary|interim|bank|short-term|"
        r"one-off|non-recurrent|reserves|volunteers|a\s+(?:single|small\s+number))\b|"
        r"\b(?:rel(?:y|ies|ying)|depends?|depending)\s+(?:too\s+)?(?:heavily|solely|entirely)\s+on\b|"
        r"\b(?:does|do|did)\s+not\s+have\s+(?:the\s+|sufficient\s+|enough\s+)?(?:capacity|resources?|funding|staff\w*|budget|"
        r"workforce|means)\s+to\b|\b(?:limited|insufficient)\s+(?:\w+\s+)?capacity\s+(?:to|for|in)\b|"
        r"\b(?:is|are|remains?|remained|was|were|becoming|increasingly)\s+(?:\w+\s+)?fragile\b|\bfragility\s+of\b|"
        r"\bin\s+breach\s+of\b|\bfunded\s+on\s+a\s+(?:short[- ]term|non-recurrent|time[- ]limited|temporary)\s+basis\b|"
        r"\b(?:short[- ]term|non-recurrent|time[- ]limited)\s+nature\s+of\b|"
        r"\b(?:recruitment|progress|uptake|take-up|mobilisation|implementation|roll-?out)\b[^.;]{0,40}?\b(?:has\s+been|is|was|"
        r"remains?|continues\s+to\s+be)\s+(?:\w+\s+)?(?:slow|slower|limited|poor|patchy)\b",
        ),
    # What may follow: a modal before an adverse verb ('could delay', 'may not be achieved') or
    # before a consequence that is adverse ('could result in less funding', 'may mean stopping
    # some initiatives'), or a potential adverse event ('potential closure', 'potential for conflict').
    "consequence": re.compile(
        rf"\b{MODAL}\s+{HEDGE}{ADVERSE_VERB}\b|"
        rf"\b{MODAL}\s+{HEDGE}{CONSEQUENCE}\s+(?:\S+\s+){{0,6}}?{ADVERSE_NOUN}\b|"
        # a strain on delivery ahead: 'could affect the delivery of the plan', 'may impact on our ability to recruit',
        # 'may not achieve its control total'
        rf"\b(?:could|may|might|would)\s+{HEDGE}(?:affect|impact(?:\s+on)?)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+)?"
        r"(?:delivery|ability|capacity|performance|achievement|sustainability|timescales?|timing|safety|quality\s+of\s+care)\b|"
        rf"\b(?:may|might)\s+not\s+(?:be\s+able\s+to\s+)?{DELIVER}\b|"
        r"\bpotential(?:ly)?\s+(?:\w+\s+)?(?:closures?|displacements?|conflicts?|shortages?|deficits?|postponement|"
        r"loss|disruption|problems?|harm|delays?|reductions?|diminished|requiring\s+closure)\b|"
        r"\bpotential\s+for\s+(?:\w+\s+){0,3}(?:disruption|conflict|confusion|duplication|blurring|loss|delay|harm)\b|"
        r"^\W*(?:\w+\s+){0,3}(?:delays?|shortages?|failures?|loss|slippage|cuts?)\b[^.;]{0,80}?\b(?:could|may|might|would|will)\b|"
        r"\bminimi[sz]\w*\s+(?:any\s+|the\s+)?(?:\w+\s+)?disruption\b|"
        r"\bunlikely\s+to\s+(?:be\s+)?(?:achieved|met|delivered|realised|completed|sufficient|possible|affordable|achieve|meet|"
        r"deliver|recover|close|balance)\b|"
        rf"\bensure\s+(?:that\s+)?(?:\w+\s+){{0,6}}(?:does|do|will|would)\s+not\s+{ADVERSE_VERB}\b",
        ),
    "challenge": re.compile(
        r"\b(?:present|pose|poses|posed|presents|presented|create|creates)\s+(?:\w+\s+){0,3}challenges?\b|"
        r"\bsignificant\s+challenges?\s+(?:to|in|for|with|around|ahead|from|of)\b|"
        r"\bchallenges?\s+(?:inherent|ahead|to\s+(?:the\s+)?deliver\w*|in\s+deliver\w*|remain\w*)\b|"
        r"\b(?:the|our)\s+(?:main|key|biggest|greatest|major|principal)\s+challenges?\s+(?:is|are|will|for|facing|"
        r"include\w*|remains?)\b|\brecognised\s+the\s+challenges?\b|"
        r"^\W*(?:other\s+|further\s+|ongoing\s+)?challenges\s+(?:have\s+)?(?:include[sd]?|included|were|have\s+been)\s+(?!:)\S|"
        r"\bissues?\s+(?:\w+\s+){0,4}(?:to\s+(?:be\s+)?overcome|need\w*\s+(?:to\s+be\s+)?(?:overcome|unblock\w*|addressed|"
        r"resolved)|requir\w*\s+attention)\b|\bneed\w*\s+(?:unblocking|resolving|overcoming)\b|"
        rf"\b(?:remains?|remained|continues?\s+to\s+be|continued\s+to\s+be)\s+(?:a|an)\s+(?:\w+\s+){{0,2}}{PROBLEM}\b|"
        r"\b(?:is|are|was|were|proved|presents)\s+(?:a|an)\s+(?:(?:significant|major|real|serious|particular|ongoing|"
        r"growing|key)\s+)?(?:challenge|concern|risk|barrier|problem|threat|obstacle)\b|"
        r"\b(?:remains?|remained|continues?\s+to\s+be|continued\s+to\s+be|has\s+been|have\s+been|proved|proving)\s+"
        r"(?:\w+\s+)?(?:challenging|difficult|problematic)\b|\bongoing\s+(?:\w+\s+)?(?:challenges|difficulties|problems)\b|"
        r"\bdifficult(?:y|ies)\s+(?:in|with)\s+\w+ing\b|\bexperienc\w+\s+(?:\w+\s+)?difficulties\b|"
        r"\bfailure\s+to\b|\bfailing\s+to\b|\bsingle\s+point\s+of\s+failure\b|"
        r"\buncertainty\s+(?:about|over|around|regarding|as\s+to|remains)\b|\bremains?\s+uncertain\b|"
        r"\b(?:is|are|was|were|looks?)\s+(?:currently\s+|still\s+|very\s+|highly\s+)?uncertain\b|"
        r"\b(?:funding|grant|allocation|income)\b[^.;]{0,40}?\bnot\s+(?:yet\s+)?(?:been\s+)?(?:guaranteed|secured)\b|"
        r"\bno\s+guarantee\s+(?:that|of)\b|"
        r"\b(?:a|one|another|the)\s+(?:\w+\s+)?(?:key|main|major|significant|particular|ongoing|further|continuing|biggest|real)\s+"
        r"(?:challenge|barrier|difficulty|concern|problem)\s+(?:has\s+been|have\s+been|was|remains|continues|will\s+be)\b|"
        r"\b(?:has|have|had)\s+(?:\w+\s+)?struggled\s+to\b|\bcontinu\w*\s+to\s+struggle\b|"
        r"\bstruggl(?:ing|es)\s+to\s+(?:recruit|retain|meet|cope|deliver|fill|keep|manage|maintain|access|afford)\b|"
        r"\b(?:leave|leaves|left|make|makes|remain|remains)\s+(?:\w+\s+){0,2}(?:vulnerable|exposed)\s+to\b",
        ),
    # 'If these changes are not made, the service will continue to ...', 'Without a resolution, the
    # authorities would face ...': what follows when something is not done, if it persists or harms.
    "condition": re.compile(
        rf"(?:^\W*|\bthat\s+)(?:(?:if|unless|should|where)\b[^,;]*\b(?:not|no|fail\w*|never|unable|{SETBACK})\b[^;]*?,|without\b)[^;]*?"
        rf"\b(?:will|would|could|may|might)\s+{HEDGE}(?:continue\s+to|be\s+(?:required|obliged)\s+to|{ADVERSE_VERB}|{ENDING}|"
        rf"(?:\w+\s+){{0,3}}{ADVERSE_NOUN})|"
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
                   "barrier", "obstacle", "challenge", "concern", "rated", "possibility", "likelihood", "prospect"),
    "concern": ("concern", "worr", "warned", "impact", "effect", "consequence", "implication", "risk", "pressure",
                "difficult", "threat"),
    "negative impact": ("detriment", "advers", "negativ", "harm", "damag", "unintended", "disproportionat", "severely",
                        "badly", "impact", "effect", "consequence"),
    "pressure": ("pressure", "challenge", "difficult", "uncertain", "instab", "disrupt", "confusion", "duplicat", "problem", "hamper",
                 "hinder", "constrain", "constraint", "shortage", "slippage", "strain", "demand", "cost", "need",
                 "impacted", "affected", "delays", "gap", "deficit", "burden", "overspend", "deteriorat", "worsen",
                 "delayed", "postponed", "paused", "suspended", "on hold", "than", "behind", "capacity", "issues", "impacting",
                 "affecting", "leading", "contributing"),
    "shortfall": ("sufficient", "sustainab", "shortfall", "affordab", "able to", "viable", "not", "no additional",
                  "no extra", "no new", "no further", "unfunded", "unmet", "gap", "lack", "difficult", "hard",
                  "challenging", "exposed", "not all", "decisions", "choices", "capacity", "fragil", "breach", "basis",
                  "nature of", "slow", "poor", "patchy", "relian", "depend", "heavily", "solely", "entirely"),
    "consequence": ("could", "may", "might", "would", "will", "can", "likely", "potential", "risk", "minimi", "ensure"),
    "challenge": ("challeng", "issue", "problem", "barrier", "concern", "risk", "difficult", "threat",
                  "obstacle", "fail", "uncertain", "vulnerable", "exposed", "unblocking", "resolving", "overcoming",
                  "guarant", "struggl"),
    "condition": ("if", "unless", "where", "should", "without", "not", "doing", "failure", "failing", "consequence"),
    "drawback": ("option", "approach", "alternative", "possibility", "model", "however"),
}


def threat_family(text: str) -> str | None:
    """The first family of threat construction that `text` (its paragraph number aside) states, if any."""
    low = item_text(text).lower()
    return next((family for family in THREAT if _states(family, low)), None)


def states_a_condition(text: str) -> bool:
    """Whether `text` says what follows when something is not done or goes wrong ('If the bid
    is unsuccessful, the service will close'): a risk's condition, which promises nothing."""
    return _states("condition", item_text(text).lower())


def _states(family: str, low: str) -> bool:
    """Whether the lower-cased text `low` is built as `family` is: its gate words first, then its pattern."""
    return any(word in low for word in GATES[family]) and THREAT[family].search(low) is not None
