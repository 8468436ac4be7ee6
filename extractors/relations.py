"""Relations between bodies that a sentence states: who commissions, funds, hosts, answers to
or works with whom. Both ends must be bodies the paper names; the verb between them decides."""
from __future__ import annotations

import re

from extractors.context import PaperContext
from extractors.organisations import OrgMention
from schemas import Relation

# (pattern between source and target, relation); the passive ones swap the ends.
ACTIVE = [
    (r"commission(?:s|ed|ing)?\b(?!\s+by)", "commissions"),
    (r"(?:hold|holds|holding)\s+(?:a\s+)?contracts?\s+with|(?:use|uses)\b.{0,30}\bas\s+(?:their|its)\s+(?:main\s+)?\w*\s*provider", "commissions"),
    (r"fund(?:s|ed|ing)?\b(?!\s+by)|makes?\s+a\s+contribution\s+to", "funds"),
    (r"(?:is|are|be|being|will\s+be|remain)\s+(?:held\s+)?accountable\s+to", "accountable_to"),
    (r"reports?\s+(?:\w+\s+){0,6}?to|bring\s+back\s+(?:\w+\s+){0,6}?to", "reports_to"),
    (r"(?:is|are|become|becomes)\s+(?:a\s+|all\s+)?(?:members?|part)\s+of|sits?\s+on|will\s+sit\s+on", "member_of"),
    (r"(?:work|works|working)\s+(?:closely\s+|together\s+)?with|in\s+partnership\s+with|partners?\s+with", "partners_with"),
    (r"provides?\b.{0,40}\bto|(?:is|are)\s+seconded\s+to|being\s+seconded\s+to", "provides_to"),
    (r"(?:hosts?|leads?)\b(?!\s+by)", "hosts"),
    (r"(?:replaces?|take\s+the\s+place\s+of|supersedes?)", "replaces"),
]
PASSIVE = [
    (r"(?:commissioned|funded)\s+by", {"commissioned": "commissions", "funded": "funds"}),
    (r"(?:hosted|led)\s+by", {"hosted": "hosts", "led": "hosts"}),
    (r"provided\s+by|available\s+from", {"provided": "provides_to", "available": "provides_to"}),
]
TOGETHER = re.compile(r"\b(?:are\s+)?(?:working|work)\s+(?:closely\s+)?together|\bjointly\b|\bpartnership\s+between\b", re.I)
MAX_GAP = 120


def extract_relations(ctx: PaperContext) -> list[Relation]:
    out, seen = [], set()
    for sentence in ctx.sentences:
        mentions = _distinct(ctx.orgs.find(sentence.text))
        for source, relation, target in _pairs(sentence.text, mentions):
            key = (source, relation, target)
            if source != target and key not in seen:
                seen.add(key)
                out.append(Relation(**sentence.provenance(ctx.document), source=source,
                                    relation=relation, target=target))
    return out


def _distinct(mentions: list[OrgMention]) -> list[OrgMention]:
    return [m for i, m in enumerate(mentions) if i == 0 or m.name != mentions[i - 1].name]


def _pairs(text: str, mentions: list[OrgMention]):
    for a, b in zip(mentions, mentions[1:]):
        between = text[a.end:b.start]
        if len(between) > MAX_GAP or re.search(r"[;:]", between):
            continue
        joined = re.fullmatch(r"\s*(?:and|&|,)\s*(?:the\s+)?", between)
        if joined and TOGETHER.search(text[b.end:b.end + 40]):
            yield a.name, "partners_with", b.name
            continue
        for pattern, relation in ACTIVE:
            if re.search(rf"\b(?:{pattern})", between, re.I):
                yield a.name, relation, b.name
                break
        else:
            for pattern, relations in PASSIVE:
                m = re.search(rf"\b(?:{pattern})", between, re.I)
                if m:
                    yield b.name, relations[m.group(0).split()[0].lower()], a.name
                    break
