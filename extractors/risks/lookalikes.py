"""What only looks like a risk: the reasons extractors/risks.py's `classify` drops a candidate.

The words of threat also fill plans against a risk ("to reduce the risk of falls"), people at
risk ("children at greater risk of poverty"), risk instruments ("the risk register"), evidence
("smoking increases the risk of stroke"), denials ("no negative impact is expected"), thanks,
apologies, a case study's person, chart labels and headings read as sentences.
"""
from __future__ import annotations

import re

from extractors.risks.cues import forms, threat_family

I = re.I

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
    # 'This will mean fewer admissions to hospital': a harm reduced, the benefit a plan expects.
    "harm reduced": re.compile(r"\b(?:mean\w*|lead\w*\s+to|led\s+to|result\w*\s+in)\s+(?:that\s+)?(?:\w+\s+){0,2}?(?:fewer|less|lower|"
                               r"reduced|shorter)\s+(?:\w+\s+){0,3}?(?:accidents|admissions|readmissions|delays|waits|waiting|"
                               r"falls|deaths|complaints|incidents|harm|errors|(?:length\s+of\s+)?stays?|duplication|travel|"
                               r"(?:emergency|avoidable|unplanned)\s+\w+|admitted|readmitted|harmed|injured)\b", I),
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


RISK_LABEL = re.compile(r"^\W*(?:key\s+|main\s+)?(?:risks?|challenges?|barriers?|issues?\s+(?:and|&)\s+(?:risks|challenges)|"
                        r"areas?\s+of\s+concern)\s*[:\-–]\s*\S", I)
