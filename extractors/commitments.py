"""Commitments: an identified body will do, has agreed to do, or is committed to doing something.

A commitment needs an actor the paper names (or "we", resolved to the author) as the
subject of a promise word. Requests to the board are decisions, questions and actor-less
aspirations are nothing, so none of them become commitments here.
"""
from __future__ import annotations

import re

from extractors.context import PaperContext, Sentence
from extractors.organisations import OrgMention
from extractors.cues import MODAL, PROGRESSIVE, QUESTION, item_text, opens_with_imperative, short
from schemas import Commitment

ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to\b|^That\s+the\b", re.I)
PROPOSAL_LEAD = re.compile(r"\b(?:propos|recommend|next steps|actions?|approach|will)\w*", re.I)
DEADLINE = re.compile(r"^(?:by|until|no later than|before|from|in|during|over|effective|through)\b", re.I)
CLAUSE_BREAK = re.compile(r"[,;:()]\s*|\b(?:and|but|so|that|which|who|because|as|when|while|whilst|if|then)\s+(?=[Ww]e\b|[A-Z])")
SUBJECT_OPENERS = {"the", "a", "an", "both", "all", "each", "our", "its", "their", "new", "single", "existing",
                   "local", "also", "and", "in", "turn", "therefore", "so", "now", "together", "jointly"}
ROLE_HEADS = {"officers", "members", "leadership", "staff", "teams", "team", "chair", "director", "directors",
              "representatives", "board", "boards", "executive", "leads", "leaders"}
# People of the author's own organisation: 'Commissioners should ...', 'Local teams will ...'.
OWN_STAFF = {"officers", "staff", "teams", "leadership", "commissioners", "managers", "colleagues"}
STAFF_MODIFIERS = {"the", "our", "local", "senior", "lead", "joint", "its", "their", "all", "both", "relevant"}
SUBJECT_LINKS = {"and", "both", "also", "all", "still", "now", "together", "jointly", "each", "itself",
                 "themselves", "the", "are", "is", "have", "has", "remain", "therefore", "currently"}
NOT_A_PROMISE = re.compile(r"\bwill\s+be\s+(?:better\s+)?able\b|"
                            r"\bwill\s+(?:mean|allow|enable|help|result|lead)\b|\bwould\s+face\b", re.I)


def extract_commitments(ctx: PaperContext) -> list[Commitment]:
    out = []
    for sentence in (part for s in ctx.sentences for part in _promise_clauses(s, ctx.ref_date)):
        if QUESTION.search(sentence.text) or ASKED.search(sentence.text) or ASKED.search(sentence.lead_in):
            continue
        found = _promise(ctx, sentence) or _passive_promise(ctx, sentence) or _proposed_item(ctx, sentence)
        if found:
            actor, modality, action = found
            due = _due(sentence)
            out.append(Commitment(**sentence.provenance(ctx.document), actor=actor, action=short(action),
                                  modality=modality, due=due.text if due else None,
                                  due_start=due.interval.start if due else None,
                                  due_end=due.interval.end if due else None))
    return out


# 'Our forum will continue and we will expand it ...': two promises, two records.
SECOND_PROMISE = re.compile(r",?\s+and\s+(?=we\s+(?:will|shall|would|could|may|should|intend|aim|plan)\b)")
HEDGE = re.compile(r"\s+(?:potentially|possibly|hopefully|ideally|probably|perhaps)\b", re.I)


def _promise_clauses(sentence: Sentence, ref) -> list[Sentence]:
    cut = SECOND_PROMISE.search(sentence.text)
    if not cut or not MODAL.search(sentence.text, 0, cut.start()):
        return [sentence]
    return sentence.split_at([cut], ref)


# 'It may be helpful to review ...': the author suggesting its own next step.
SUGGESTION = re.compile(r"^It\s+(?:may|might|would)\s+(?:also\s+)?be\s+(?:helpful|useful|sensible|advisable|"
                        r"beneficial|worthwhile)\s+(?:for\s+(?:us|the\s+\w+)\s+)?to\s+", re.I)
INDIRECT = re.compile(r"\b(?:how|what|whether|where|why|when)\s+$", re.I)


def _promise(ctx: PaperContext, sentence: Sentence):
    """(actor, modality, action) when a named body is the subject of a promise word."""
    text = sentence.text
    suggestion = SUGGESTION.match(item_text(text))
    if suggestion and ctx.orgs.author:
        return ctx.orgs.author, "conditional", item_text(text)[suggestion.end():]
    if NOT_A_PROMISE.search(text):
        return None
    mentions = ctx.orgs.find(text)
    for match in [*MODAL.finditer(text), *PROGRESSIVE.finditer(text)]:
        subject = _subject(text, mentions, match.start(), ctx.orgs.author)
        if subject:
            hedged = match.groupdict().get("firm") and HEDGE.match(text, match.end())
            modality = "conditional" if match.groupdict().get("conditional") or hedged else "firm"
            return subject.name, modality, text[match.end():]
    return None


def _subject(text: str, mentions: list[OrgMention], verb_at: int, author: str | None) -> OrgMention | None:
    """The body that opens the clause of the promise word, if one does.

    'The CCG and the Council will ...' and 'Senior officers of the Council, should ...' have a
    body as subject; 'The development of the ICP will be phased' does not.
    """
    breaks = [m for m in CLAUSE_BREAK.finditer(text, 0, verb_at) if text[m.end():verb_at].strip()]
    # 'The CCG and Local Authority have ...': 'and' before a bare name coordinates, it does not break.
    breaks = [m for m in breaks if not (m.group(0).startswith("and") and _names_only(text[m.end():verb_at]))]
    clause_start = max((m.end() for m in breaks), default=0)
    in_clause = [m for m in mentions if clause_start <= m.start and m.end <= verb_at]
    if not in_clause:
        return _own_staff(text[clause_start:verb_at], author, verb_at)
    last = in_clause[-1]
    if last.text.lower() == "we" and _links_only(text[last.end:verb_at]):
        # '... more detail on how we will strengthen ...' reports a question, not a promise.
        return None if INDIRECT.search(text[:last.start]) else last
    first = in_clause[0]
    opener = item_text(text[clause_start:first.start]).lower().split()
    if not _opens_subject(opener):
        return None
    between = text[first.end:verb_at]
    for m in in_clause[1:]:
        between = between.replace(m.text, " ")
    if _links_only(between):
        return first
    # 'Our roadmap to an ACP must ...': a short phrase owned by the author.
    if first.text.lower() == "our" and not opener and len(between.split()) <= 5:
        return first
    return None


# 'Budgets will be aligned between ...', 'Support will continue to be provided by ...'.
PASSIVE = re.compile(r"\b(?:will|shall)\s+(?:(?:also|continue\s+to|then)\s+)?be\s+(?:\w+ly\s+)?"
                     r"(?P<verb>[a-z]+(?:ed|en|ne|ld|de|wn|nt))\b"
                     r"(?!\s+(?:that\b|to\s+(?!(?:us|them|the|all|our|their|a|an|each)\b)[a-z]))")
NOT_A_SUBJECT = re.compile(r"^(?:where|if|when|whilst|while|as|although|once|until|unless|the\s+(?:more|longer|less))\b|"
                           r"\b(?:which|that|who|whose|this|these|it)\b|[‘’'\"“”()]", re.I)
AGENT = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:by|from|between)\s+")


def _passive_promise(ctx: PaperContext, sentence: Sentence):
    """A passive promise about the paper's own business, its actor the agent or else the author.

    Only a plain subject counts: no subordinate clause, quotation or pronoun before 'will be',
    so 'An indication of funding which will be given' and reported speech stay out."""
    text = item_text(sentence.text)
    match = PASSIVE.search(text)
    if not match or not ctx.orgs.author or not text[:1].isupper():
        return None
    subject = text[:match.start()]
    words = subject.split()
    if not 0 < len(words) <= 14 or NOT_A_SUBJECT.search(subject):
        return None
    if "," in subject and not re.search(r",[^,]*\band\b", subject):    # 'Finance, information and ...'
        return None
    mentions = ctx.orgs.find(text)
    inside = [m for m in mentions if m.end <= match.start() and m.text.lower() not in ("we", "us", "our")]
    agent = AGENT.match(text, match.end())
    after = [m for m in mentions if agent and agent.end() <= m.start <= agent.end() + 25]
    actor = (after or inside or [None])[0]
    return (actor.name if actor else ctx.orgs.author), "firm", text[match.start():]


def _own_staff(clause: str, author: str | None, verb_at: int) -> OrgMention | None:
    """'Commissioners should ...', 'The leadership is ...': the author's own people as subject."""
    words = item_text(clause).lower().replace(",", " ").split()
    if not author or not words or words[-1] not in OWN_STAFF:
        return None
    if not all(w in STAFF_MODIFIERS for w in words[:-1]):
        return None
    return OrgMention(verb_at, verb_at, author, clause.strip())


def _names_only(stretch: str) -> bool:
    words = stretch.split()
    return 0 < len(words) <= 4 and all(w[0].isupper() for w in words)


def _opens_subject(words: list[str]) -> bool:
    """'the', 'both', 'senior officers of' may open a subject; 'the development of' may not."""
    if all(w in SUBJECT_OPENERS for w in words):
        return True
    if words and words[-1] == "both":          # 'senior officers of both the Council and ...'
        words = words[:-1]
    return len(words) <= 5 and words[-1:] == ["of"] and len(words) >= 2 and words[-2] in ROLE_HEADS


def _links_only(between: str) -> bool:
    """Only coordination, adverbs or proper names between the subject and its promise word."""
    words = re.sub(r"\([^)]*\)|[,;]", " ", between).split()
    return len(words) <= 5 and all(w.lower() in SUBJECT_LINKS or w.endswith("ly") or w[0].isupper()
                                   for w in words)


def _proposed_item(ctx: PaperContext, sentence: Sentence):
    """An imperative item under a proposal lead-in: 'Appoint a lead joint commissioner ...'."""
    if not (sentence.is_item and sentence.lead_in and opens_with_imperative(sentence.text)):
        return None
    if not PROPOSAL_LEAD.search(sentence.lead_in):
        return None
    actors = [m.name for m in ctx.orgs.find(sentence.lead_in)] or [ctx.orgs.author]
    if not actors[0]:
        return None
    modality = "conditional" if re.search(r"propos|recommend|could|would|may", sentence.lead_in, re.I) else "firm"
    return actors[0], modality, sentence.text


def _due(sentence: Sentence):
    dated = [d for d in sentence.dates if DEADLINE.match(d.text)]
    return (dated or sentence.dates or [sentence.heading_date])[0]
