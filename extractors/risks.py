"""Risks: threats and barriers to delivery that the paper itself states as such.

A sentence is a risk when it names one ("we risk losing ...", "could present challenges",
"jeopardised") or when it is an item of a list the paper introduces as risks, problems,
barriers or challenges. Background facts with no threat word stay out.
"""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.cues import short
from schemas import Risk

RISK_LEAD = re.compile(r"\b(?:risks?|problems?|barriers?|pitfalls?|threats?|challenges?|issues?\s+to\s+(?:be\s+)?overcome|"
                       r"concerns?|disadvantages?)\b", re.I)
STATED_RISK = re.compile(
    r"\b(?:risks?\s+(?:feeding|losing|of|that|to)|(?:we|it|this|there)\s+risks?\b|at\s+risk\b|(?:a|the|key|main|significant|major)\s+risks?\b|"
    r"jeopardi[sz]|threat(?:en)?s?\b|barriers?\s+to\b|"
    r"(?:could|may|might|would|will|likely\s+to)\s+(?:\w+\s+){0,3}(?:challenges?|difficult|undermine|destabilise|delay|"
    r"be\s+affected|fail|lose|prevent|jeopardise)|"
    r"challenging\s+to\s+deliver|extremely\s+difficult|significant\s+challenges?|issues?\s+to\s+overcome|"
    r"(?:does|do)\s+not\s+destabilise|no\s+additional\s+funding|unable\s+to\s+(?:deliver|meet)|"
    r"(?:have|has)\s+(?:\w+\s+){0,3}lacked\b|need(?:s)?\s+(?:to\s+be\s+)?(?:overcome|unblocking)|"
    r"the\s+(?:longer|later)\s+the\b.*\bthe\s+more\b)", re.I)
BENEFIT_LIST = re.compile(r"\bbenefits?\b|\badvantages?\b|\bopportunit", re.I)
# A remedy inside the risk's own sentence: 'leading to a need for clarity on roles', 'to ensure that ...'.
MITIGATION = re.compile(r"\b(?:mitigat\w+|to\s+address\s+this|in\s+response|to\s+manage\s+this|to\s+reduce\s+this|"
                        r"(?P<need>lead(?:s|ing)?\s+to\s+(?:a\s+)?need\s+(?:for|to))|(?:to|will)\s+ensure)\b", re.I)
# A remedy in the sentence after: 'So we must align ...', 'Addressing the deficit is ...', '... must therefore ...'.
REMEDY_NEXT = re.compile(r"^(?:so|therefore|to\s+(?:mitigate|address|manage|minimi[sz]e|reduce)|addressing|in\s+response)\b|"
                         r"\b(?:must|will|should)\s+therefore\b|\b(?:mitigat\w+|minimi[sz]e|address(?:ing)?\s+(?:this|these|the))\b",
                         re.I)


def extract_risks(ctx: PaperContext) -> list[Risk]:
    out = []
    sentences = ctx.sentences
    for i, sentence in enumerate(sentences):
        if not _is_risk(sentence):
            continue
        mitigation = _mitigation(sentences, i)
        mentions = [m for m in ctx.orgs.find(sentence.text) if m.text.lower() in ("we", "our", "us")]
        out.append(Risk(**sentence.provenance(ctx.document), description=short(sentence.text),
                        mitigation=mitigation, org=mentions[0].name if mentions else None))
    return out


def _is_risk(sentence: Sentence) -> bool:
    if sentence.text.rstrip().endswith(":"):
        return False      # a list's lead-in introduces risks; its items are the records
    if sentence.is_item and sentence.lead_in:
        if not sentence.first_in_block:
            return False      # the item's first sentence states the risk; the rest explain it
        lead = sentence.lead_in
        return bool(RISK_LEAD.search(lead)) and not (BENEFIT_LIST.search(lead) and not re.search(r"risks?", lead, re.I))
    return bool(STATED_RISK.search(sentence.text))


def _mitigation(sentences: list[Sentence], i: int) -> str | None:
    """A mitigation the paper pairs with the risk: in the same sentence or the one after it."""
    here = sentences[i].text
    m = MITIGATION.search(here)
    if m:
        return short(here[m.end() if m.group("need") else m.start():])
    if i + 1 < len(sentences) and sentences[i + 1].section == sentences[i].section \
            and sentences[i + 1].block_index - sentences[i].block_index <= 1:
        nxt = sentences[i + 1].text
        if REMEDY_NEXT.search(nxt):
            return short(nxt)
    return None
