"""Commitments: an identified body will do, has agreed to do, or is committed to doing something.

Three stages, as STYLE.md asks:
- `suggest`: every clause with a promise construction (a modal, "is to", "committed to",
  "has undertaken to", "plans to", "It is proposed to", "is developing", "are being made") and
  every list item or action-plan cell under a promise; recall first.
- `classify`: keep a candidate only when its subject can promise (see commitment_subjects)
  and it is not a request to the board, a question, a consequence ("will mean"), a risk
  ("could lead to"), a prediction with no agent, a copula ("will be critical") or a
  counterfactual ("If X is not done, Y will ...").
- `fill`: actor (the subject body, the agent of a passive, else the author body), modality
  (firm or conditional; in minutes "would" is reported speech and stays conditional) and due date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.commitments.cues import (AGENT, ASKED, ATTITUDE, CARRIED_ACTS, CHOICE, COME_BACK, CONDITION,
                                         CONDITIONAL_WORDS, CONSEQUENCE, COUNTERFACTUAL, CUE, DEADLINE, DECIDE,
                                         DENIED_STATE, DETERMINER_ONLY, DONE, DUE_VERBS, EXPECTED_STEP, FIRM_WORDS, FUNDING_SOURCE, FUNDS, FUNDS_SOUGHT,
                                         FORECAST, FORECAST_SUBJECT, HEDGE, HYPOTHETICAL_SECTION, INDIRECT_QUESTION,
                                         IN_PLACE, MEASURE, NEEDED_PASSIVE, NEXT_STEP, NOT_AN_ACT, NOT_A_VERB,
                                         PAST_CONDITIONAL, PLAN_VERBS, PURPOSE, RATE, RECOMMENDED, RESPONSIBLE, RISK,
                                         RULE_OF_PROCEDURE, SAFEGUARD, SECOND_PROMISE, STATE_EXPECTED, STATIVE,
                                         SUGGESTION, TAKE_STEP, TRENDS, UNDER_WAY, WORK_UNDER_WAY)
from extractors.commitments.lists import ACTION_VERBS, action_cell, listed_promiser, row_done, under_promise
from extractors.commitments.subjects import BODY, CLAUSE, GROUP, OWN, PRONOUN, THING, UNIT, WE, Subject, antecedent, subject_of
from extractors.context import PaperContext, Sentence
from extractors.decisions.cues import PRESENT
from extractors.risks.cues import states_a_condition
from extractors.cues import QUESTION, item_text, short
from schemas import BlockKind, Commitment


INITIALS = re.compile(r"[A-Z]{2,3}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)[A-Z]{2,3})*")


@dataclass
class Candidate:
    """A clause with a promise construction, or a list item or table cell under a promise."""
    clause: Sentence
    cues: list[re.Match]
    form: str = "clause"          # "clause", "item" (under a promise lead-in) or "cell" (an action column)
    shape: str = ""               # an item's or cell's shape and lead-in, as commitment_lists reads them
    previous: str = ""            # the sentence before, in the same section: what 'it' or 'they' may stand for


@dataclass
class Verdict:
    """Keep or drop, with the reason: one of a fixed set of phrases, so the records each rule
    keeps and drops can be counted by reason (bench/commitment_families.py); `detail` names
    the words that decided."""
    keep: bool
    reason: str
    actor: str | None = None
    modality: str = "firm"
    action: str = ""
    detail: str = ""


def extract_commitments(ctx: PaperContext) -> list[Commitment]:
    out = []
    for candidate in suggest(ctx):
        verdict = classify(ctx, candidate)
        if verdict.keep:
            out.append(fill(ctx, candidate, verdict))
    return out


# --- suggest ------------------------------------------------------------------------------

def suggest(ctx: PaperContext) -> list[Candidate]:
    out, minutes, before = [], reported_speech(ctx), None
    for sentence in ctx.sentences:
        previous = before.text if before and before.section == sentence.section else ""
        before = sentence
        for clause in _clauses(sentence, ctx):
            cues = [c for c in CUE.finditer(clause.text) if not c.group("action") or _action_point_shape(c, clause, minutes)]
            if clause.kind == BlockKind.table_cell and action_cell(ctx, clause):
                # An action column's cell opens with its verb: a promise word inside it ('the winter
                # plan to the Board') is no cue of its own.
                out.append(Candidate(clause, [], "cell", "a cell of an action column"))
            elif cues:
                out.append(Candidate(clause, cues, previous=previous))
            elif shape := under_promise(ctx, clause):
                out.append(Candidate(clause, [], "item", shape))
    return out


def _action_point_shape(cue: re.Match, clause: Sentence, minutes: bool) -> bool:
    """'Clerk to write to ...' in minutes, or as a list item or table cell of any paper (an action
    log's 'Officers to review ...'); not an item opening with a verb ('Continue to focus on ...')."""
    if cue.group("action").split()[0].lower() in ACTION_VERBS:
        return False
    return minutes or clause.is_item or clause.kind == BlockKind.table_cell


def _clauses(sentence: Sentence, ctx: PaperContext) -> list[Sentence]:
    """'Our forum will continue and we will expand it': two promises, two clauses."""
    cut = SECOND_PROMISE.search(sentence.text)
    if not cut or not CUE.search(sentence.text, 0, cut.start()):
        return [sentence]
    return sentence.split_at([cut], ctx.ref_date)


# --- classify -----------------------------------------------------------------------------

def classify(ctx: PaperContext, candidate: Candidate) -> Verdict:
    text = candidate.clause.text
    if QUESTION.search(text) or ASKED.search(text) or ASKED.search(candidate.clause.lead_in):
        return Verdict(False, "a request to the board or a question")
    if RULE_OF_PROCEDURE.match(item_text(text)):
        return Verdict(False, "a duty or power a rule of procedure gives")
    if candidate.form != "clause":
        if re.search(r"[,;]?\s+or$", text):
            return Verdict(False, "one of the alternatives a list offers")
        if DONE.search(text) or (candidate.form == "cell" and row_done(ctx, candidate.clause)):
            return Verdict(False, "progress reported as done, not a promise")
        actor, conditional = listed_promiser(ctx, candidate.clause, candidate.form)
        if not actor:
            return Verdict(False, "no body to promise it")
        return Verdict(True, candidate.shape, actor,
                       "conditional" if conditional else "firm", item_text(text))
    suggestion = SUGGESTION.match(item_text(text))
    if suggestion and ctx.orgs.author:
        return Verdict(True, "the author suggests its next step", ctx.orgs.author, "conditional",
                       item_text(text)[suggestion.end():])
    if text.endswith(":") and len(text[candidate.cues[-1].end():].split()) <= 2:
        return Verdict(False, "a lead-in whose promise is in the list that follows")
    if FORECAST.search(text, 0, candidate.cues[0].start()):
        return Verdict(False, "a forecast reported")
    if states_a_condition(text):
        return Verdict(False, "what follows a setback: a risk's condition, no promise")
    dropped = []
    for cue in candidate.cues:
        if COUNTERFACTUAL.search(text, 0, cue.start()):
            return Verdict(False, "a counterfactual: what happens if something is not done")
        if _quoted(text, cue.start()):
            dropped.append(Verdict(False, "the quoted words of another, or an aside in brackets"))
            continue
        verdict = _promise(ctx, text, cue, candidate.clause.section, candidate.previous)
        if verdict.keep:
            return verdict
        dropped.append(verdict)
    # The first promise word's reason names the drop; the others' are its detail.
    return Verdict(False, dropped[0].reason, detail="; ".join(f"{v.reason} ({v.detail})" for v in dropped))


def _promise(ctx: PaperContext, text: str, cue: re.Match, section: str, previous: str) -> Verdict:
    form = next(k for k in ("modal", "stance", "intent", "progressive", "underway", "impersonal", "noun", "aim", "action")
                if cue.group(k))
    word = cue.group(form)
    action = text[cue.end():]
    if form == "impersonal":
        if word.endswith("that"):
            return _proposed_that(ctx, word, action)
        if cue.group("steps"):
            return _kept(ctx.orgs.author, "will", action, "the paper's own next step")
        return _kept(ctx.orgs.author, word, action, "the paper proposes")
    if form == "noun":
        return _noun_commitment(ctx, text, cue)
    if form == "aim":
        return _noun_commitment(ctx, text, cue, conditional=True)
    if form == "action":
        return _action_point(ctx, cue)
    if form == "stance" and cue.group("bound"):
        bound = cue.group("bound").strip()
        named = [m for m in ctx.orgs.find(bound) if m.text.lower() not in ("we", "us", "our")]
        subject = subject_of(ctx, bound + " will", len(bound) + 1)
        actor = named[0].name if named else subject.actor if subject.kind in (BODY, GROUP, UNIT) else None
        if actor:
            return _kept(actor, "commits", action, "an agreement binding a body")
    if INDIRECT_QUESTION.search(text, 0, cue.start()):
        return Verdict(False, "a request to the board or a question", detail="asked if ...")
    subject = subject_of(ctx, text, cue.start())
    if subject.kind == THING and INITIALS.fullmatch(subject.text) and reported_speech(ctx):
        # Minutes name those present by their initials: 'DS would circulate the notes', 'DS and AM will
        # explore'; of a group with no author body found, those named act for themselves.
        subject = Subject(subject.text, UNIT, ctx.orgs.author or ctx.orgs.board or subject.text)
    if subject.kind == PRONOUN and not cue.group("passive"):
        resolved = antecedent(ctx, subject, text[:cue.start()], previous)
        verdict = None
        if resolved:
            verdict = _promise_of(ctx, text, cue, section, form, resolved)
            verdict.reason = f"a pronoun for the {resolved.kind} before it: {verdict.reason}"
            if verdict.keep:
                return verdict
        carried = _carried_on(ctx, text, cue, section, subject, previous)
        return carried or verdict or _promise_of(ctx, text, cue, section, form, subject)
    return _promise_of(ctx, text, cue, section, form, subject)


def _unchanged(cue: re.Match, subject: Subject) -> bool:
    """'None of this will change', 'This approach will not change': the paper's assurance that its
    business stays as it is; not a measure or a sum that 'will not change' (a forecast)."""
    if cue.group("modal").lower() not in ("will", "shall") or cue.group("verb") not in ("change", "alter"):
        return False
    if re.match(r"(?:none|nothing)\b", subject.text, re.I):
        return "not" not in cue.group(0).split()
    head = re.split(r"\s+(?:for|of|in|on)\s+", subject.text)[0]      # 'Demand for respite' -> 'Demand'
    return ("not" in cue.group(0).split() and subject.kind in (PRONOUN, THING, OWN) and not MEASURE.search(subject.text)
            and not FORECAST_SUBJECT.search(head))


def _carried_on(ctx: PaperContext, text: str, cue: re.Match, section: str, subject: Subject, previous: str) -> Verdict | None:
    """'We will set up a carers' forum. This will meet monthly ...': 'this' or 'it' after a promise
    carries that promise on, with its body, when it says what will be done; what the promise will
    mean, cost or allow is its consequence, no promise of its own."""
    if not previous or subject.text.lower() not in ("this", "it") or not cue.group("modal") or not cue.group("verb"):
        return None
    modal, verb = cue.group("modal").lower(), cue.group("verb")
    if modal not in ("will", "shall") or _main_verb(text, cue.end("verb"), verb) not in CARRIED_ACTS:
        return None
    before = next((v for c in CUE.finditer(previous) if (v := _promise(ctx, previous, c, section, "")).keep), None)
    if not before:
        return None
    verdict = _promise_of(ctx, text, cue, section, "modal", Subject(subject.text, BODY, before.actor))
    if verdict.keep:
        verdict.reason = "a pronoun carrying on the promise before it"
        return verdict
    return None


def _promise_of(ctx: PaperContext, text: str, cue: re.Match, section: str, form: str, subject: Subject) -> Verdict:
    word, action = cue.group(form), text[cue.end():]
    if form == "modal" and _unchanged(cue, subject):
        return _kept(ctx.orgs.author, cue.group("modal"), action, "what the paper's business keeps unchanged")
    if subject.kind in (CLAUSE, PRONOUN) and not (form == "modal" and cue.group("passive")):
        return Verdict(False, "no subject that can promise", detail=f"{subject.kind}: {subject.text!r}")
    if re.search(r"\bfollowing\b", subject.text, re.I) and subject.kind not in (WE, BODY):
        return Verdict(False, "a lead-in: 'the following approach is proposed'")
    if form == "modal":
        return _modal(ctx, cue, subject, action, section)
    if form == "underway":
        if cue.group("ongoing") in STATIVE:
            return Verdict(False, "a state, not work under way")
        if cue.group("afoot") and not WORK_UNDER_WAY.fullmatch(subject.text):
            return Verdict(False, "a state, not work under way", detail=f"{subject.text!r} {cue.group('afoot')}")
        return _kept(_agent(ctx, text, cue) or ctx.orgs.author, word, action, "work under way")
    if form == "progressive" and WORK_UNDER_WAY.fullmatch(subject.text) and (
            word.split()[-1].lower() in UNDER_WAY or re.match(r"(?:\S+\s+)+taking$", word) and action.startswith(" place")):
        return _kept(ctx.orgs.author, "is", action, "the paper's own work under way")
    if subject.kind == THING and form == "intent" and word.split()[-2].lower() == "expected" \
            and not MEASURE.search(subject.text) and not FORECAST_SUBJECT.search(subject.text) and EXPECTED_STEP.match(action):
        # 'The new contract is expected to be awarded in May': a step of the paper's own business, as planned.
        return _kept(ctx.orgs.author, word, action, "a step of the paper's own business expected")
    if subject.kind == THING:
        return Verdict(False, "a thing, not a body", detail=f"{word!r}: {subject.text!r}")
    if form == "progressive" and word.split()[-1].lower() in TRENDS:
        return Verdict(False, "a state or trend", detail=word)
    if form == "progressive" and word.split()[-1].lower() in ("moving", "heading", "shifting") \
            and re.match(r"\s+towards?\b", action):
        return Verdict(False, "a direction of travel, not a promise", detail=action[:30])
    if form in ("progressive", "intent") and FUNDS_SOUGHT.match(word.split()[-1 if form == "progressive" else -2]) \
            and FUNDS.match(action):
        return Verdict(False, "an application for funds, not a promise", detail=action[:30])
    key = "committed" if "£" in word else word.split()[-2 if word.endswith(" to") else -1].lower()
    if word == "offered" and not reported_speech(ctx):
        # Minutes record an offer made at the meeting ('ECC offered the site as a pilot'); elsewhere
        # 'offered' reports what a service provided.
        return Verdict(False, "what a body provided, reported", detail=action[:30])
    if key == "expected" and (subject.kind == GROUP or CONSEQUENCE.match(action.lstrip()) or STATE_EXPECTED.match(action) or
                              action.split()[:1] and action.split()[0].lower() in RISK):
        return Verdict(False, "what is expected of bodies of a kind, or to befall a body", detail=action[:30])
    if key == "need" and NOT_AN_ACT.match(action):
        return Verdict(False, "a need to be so, or a question to settle, not an act", detail=action[:30])
    return _kept(subject.actor, word, action, f"{subject.kind} {form}: {key}" if form in ("stance", "intent") else
                 f"{subject.kind} {form}")


def _modal(ctx: PaperContext, cue: re.Match, subject: Subject, action: str, section: str) -> Verdict:
    modal, verb, participle = cue.group("modal").lower(), cue.group("verb"), cue.group("passive")
    minutes, hedged = reported_speech(ctx), bool(HEDGE.search(cue.group(0)))
    needed = NEEDED_PASSIVE.match(cue.string, cue.start("verb")) if verb == "need" and modal in ("will", "shall") else None
    if needed:
        # 'The savings will need to be found from existing budgets': a passive the paper's business must carry out.
        participle = needed.group(1)
    due = " due " in f" {modal} "
    if modal.endswith(" to"):
        verdict = _announced(ctx, cue, verb, participle, subject, action)
        if verdict:
            return verdict
        modal = "will"
    if modal in ("would", "could", "may", "might") and not minutes:
        if HYPOTHETICAL_SECTION.search(section):
            return Verdict(False, "a hypothetical in an options or risks section", detail=modal)
        if re.match(r"\s*(?:need|have)\s+to\b", cue.string[cue.start("verb"):] if verb else ""):
            return Verdict(False, "a hypothetical necessity: would need to", detail=modal)
    if modal != "will" and verb == "have" and PAST_CONDITIONAL.match(cue.string, cue.start("verb")):
        return Verdict(False, "what would have been so: a past conditional", detail=modal)
    if modal in ("may", "might", "could") and verb and CHOICE.match(cue.string, cue.start("verb")):
        return Verdict(False, "a choice among powers, not a promise", detail=modal)
    if participle:
        if participle in STATIVE:
            return Verdict(False, "a state or forecast: be + participle", detail=participle)
        if modal not in ("will", "shall") and not (modal == "would" and minutes):
            return Verdict(False, "a possible passive", detail=f"{modal} be {participle}")
        if subject.kind == CLAUSE:
            return Verdict(False, "a passive inside a relative or subordinate clause")
        if subject.kind in (WE, BODY):
            return Verdict(False, "a body acted upon, not acting")
        if re.search(r"\bdecisions?$", subject.text, re.I):
            return Verdict(False, "a decision still to be taken")
        if FUNDING_SOURCE.match(cue.string, cue.start("passive")):
            return Verdict(False, "where the money comes from, not a promise", detail=f"be {participle}")
        if MEASURE.search(subject.text) and RATE.search(action):
            # 'The proportion of adults who smoke will be reduced from 14% to 12%': a target, as in the active voice.
            return Verdict(False, "a forecast or target of a measure, no body's act", detail=f"{subject.text!r} be {participle}")
        agent = _agent(ctx, cue.string, cue)
        if subject.kind == PRONOUN and not agent and re.match(r"\s+by\b", cue.string[cue.end():]):
            return Verdict(False, "what something rests on: 'this will be supported by ...'")
        return _kept(agent or _named(ctx, subject) or ctx.orgs.author, modal, action,
                     "a passive about the paper's own business", hedged)
    if verb == "be" and subject.kind == THING and modal in ("will", "shall") and SAFEGUARD.match(cue.string, cue.end("verb")):
        return _kept(ctx.orgs.author, modal, action, "a safeguard the paper's own business will be subject to", hedged)
    if verb == "be" and modal in ("will", "shall") and subject.kind in (THING, OWN, UNIT) and IN_PLACE.match(cue.string, cue.end("verb")):
        return _kept(ctx.orgs.author if subject.kind == THING else subject.actor, modal, action,
                     "a planned change to the paper's own business", hedged)
    verb = _main_verb(cue.string, cue.end("verb"), verb)
    if verb is None:
        return Verdict(False, "a copula: will be ...", detail=modal)
    if subject.kind == THING:
        aim = re.match(r"be\s+to\s+[a-z]", cue.string[cue.start("verb"):])
        if MEASURE.search(subject.text) and not aim:
            return Verdict(False, "a forecast or target of a measure, no body's act", detail=f"{subject.text!r} {verb}")
        if verb == "take" and not TAKE_STEP.match(cue.string, cue.end("verb")):
            return Verdict(False, "a prediction with no agent", detail=f"{subject.text!r} will take ...")
        planned = verb in PLAN_VERBS or aim or (due and verb in DUE_VERBS) or (
            verb == "come" and COME_BACK.match(cue.string, cue.end("verb")))
        if planned and (modal in ("will", "shall") or (modal == "would" and minutes)):
            return _kept(ctx.orgs.author, modal, action, "a planned change to the paper's own business", hedged)
        return Verdict(False, "a prediction with no agent", detail=f"{subject.text!r} {modal} {verb}")
    if CONSEQUENCE.match(cue.string[cue.start("verb"):]) or (modal in ("could", "may", "might") and verb in RISK):
        return Verdict(False, "a consequence or risk", detail=f"{modal} {verb}")
    if modal in ("could", "may", "might") and (subject.kind not in (WE, BODY) or "not" in cue.group(0).split()):
        return Verdict(False, "a possibility, not a promise", detail=f"{subject.text!r} {modal}")
    if subject.kind == GROUP and modal not in ("will", "shall"):
        return Verdict(False, "what bodies of a kind could or must do, not a promise", detail=modal)
    if modal == "must" and subject.kind == UNIT:
        return Verdict(False, "a duty of an office, as statute puts it, not a promise")
    if verb in DECIDE:
        return Verdict(False, "a decision still to be taken")
    if "not" in cue.group(0).split() and verb in DENIED_STATE:
        return Verdict(False, "a state denied: 'will not have ...'", detail=f"{modal} not {verb}")
    if verb in ATTITUDE:
        return Verdict(False, "an attitude, not an act", detail=f"{modal} {verb}")
    return _kept(subject.actor, modal, action, f"{subject.kind} {modal}", hedged)


def _announced(ctx: PaperContext, cue: re.Match, verb: str | None, participle: str | None, subject: Subject,
               action: str) -> Verdict | None:
    """'The Council is to publish ...', 'A review is to be undertaken', 'The next step is to consult':
    read as 'will', once 'is to' is known to govern a verb ('The question is to what extent' does not)
    or, with a thing as subject, names the paper's own next step; None when it reads as 'will'.
    'If we are to improve ...' states a purpose: the promise is in the clause that follows."""
    modal = cue.group("modal").lower()
    if PURPOSE.search(cue.string, 0, cue.start()):
        return Verdict(False, "a purpose: 'if we are to ...'")
    if participle:
        return None if subject.kind == THING else Verdict(False, "a body or pronoun acted upon: 'is to be ...'")
    if not verb or verb in NOT_A_VERB or (" due " in f" {modal} " and verb not in DUE_VERBS):
        return Verdict(False, "no verb after 'is to'", detail=f"{modal} {verb}")
    if subject.kind == THING and " due " in f" {modal} " and not MEASURE.search(subject.text):
        return None                 # 'The programme is due to complete in March': a planned step, as with 'will'
    if subject.kind == THING and verb != "be":
        step = NEXT_STEP.match(subject.text)
        if step:
            return _kept(ctx.orgs.author, "intend" if step.group("intent") else modal, action,
                         "the paper's own next step")
        return Verdict(False, "what a thing is for, not a promise: 'the purpose is to ...'", detail=subject.text)
    if subject.kind == OWN:
        return _kept(subject.actor, "aim", action, "a stated aim")
    return None


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation opened before `at` and not yet closed: 'The plan says "we will ..."'."""
    before = text[:at]
    opened = len(re.findall(r"(?:^|(?<=\s))['‘“\"]", before))
    closed = len(re.findall(r"['’”\"](?=[\s,.;:]|$)", before))
    return opened > closed or before.count("(") > before.count(")")


def _main_verb(text: str, at: int, verb: str) -> str | None:
    """The verb a modal governs: 'be in a position to adopt' -> adopt, 'be making' -> make,
    'be responsible for' -> responsible (a duty taken on); None for a copula ('will be critical')."""
    if verb != "be":
        return verb
    rest = text[at:]
    duty = RESPONSIBLE.match(rest)
    if duty:
        return duty.group(1)
    m = re.match(r"\s+(?:in\s+a\s+position\s+to|(?:keen|happy|willing|pleased|prepared)\s+to|to|[a-z]+ing\b)\s*([a-z]+)?",
                 rest)
    if not m or m.group(0).strip().startswith(("being", "nothing", "something")):
        return None
    ing = re.match(r"\s+([a-z]+)ing\b", rest)
    return ing.group(1) if ing else (m.group(1) or None)


def _proposed_that(ctx: PaperContext, word: str, action: str) -> Verdict:
    """'It is proposed that a steering group is set up ...': the paper proposes the clause that follows,
    a conditional promise of the body it opens with, else of the author. A clause with a promise word
    of its own ('It was agreed that the Clerk would write ...') is read by that word; one that asks the
    board to decide or grants a body a power ('that the Board approves ...') is a recommendation; 'It
    was proposed that ...' in minutes is a motion put, not a plan."""
    if CUE.search(action) or not re.match(r"it\s+is\b", word, re.I):
        return Verdict(False, "what is proposed is the clause that follows: its own promise word decides")
    if RECOMMENDED.search(" ".join(action.split()[:10])):
        return Verdict(False, "a request to the board or a question", detail="proposed that ... approves")
    opening = [m for m in ctx.orgs.find(action[:80]) if m.text.lower() not in ("we", "us", "our")
               and not DETERMINER_ONLY.sub("", action[:m.start]).strip()]
    return _kept(opening[0].name if opening else ctx.orgs.author, word, action, "the paper proposes what follows")


def _noun_commitment(ctx: PaperContext, text: str, cue: re.Match, conditional: bool = False) -> Verdict:
    """'our commitment to ...', "KCC's commitment to ...", 'A commitment to ...' at an item's start;
    `conditional`: 'Our vision is to ...', 'The Partnership's aim is to ...', a body's stated aim."""
    before = text[:cue.start() + 4]
    mentions = [m for m in ctx.orgs.find(before) if m.end >= cue.start() - 1]
    actor = mentions[-1].name if mentions else ctx.orgs.author
    if "personal" in cue.group(0) or not actor:
        return Verdict(False, "a commitment of no body")
    if cue.group(0).lower().startswith("with") and not _opens_with_act(text[cue.end():]):
        # 'with the commitment to support ...' states a promise; 'with a commitment to openness' a value.
        return Verdict(False, "a commitment to a value, not an act", detail=text[cue.end():cue.end() + 20])
    if conditional:
        if not mentions and not cue.group(0).lower().startswith("our"):
            return Verdict(False, "an aim of no body: 'the strategy's aim is to ...'")
        return _kept(actor, "aim", text[cue.end():].lstrip(" :"), "a stated aim")
    return _kept(actor, "commitment", text[cue.end():], "a stated commitment")


def _opens_with_act(words: str) -> bool:
    """'support the most vulnerable ...', '‘deliver ...', 'improving ...': a verb or its '-ing' form opens the words."""
    first = re.match(r"[\s'‘’\"“”]*([a-z]+)", words)
    return bool(first) and (first.group(1) in ACTION_VERBS or first.group(1).endswith("ing"))


def _action_point(ctx: PaperContext, cue: re.Match) -> Verdict:
    """A minutes' action point: 'Clerk to write to the operator', 'ACTION: Cllr Patel to report back'."""
    who = cue.group("action")[:-2].strip()
    subject = subject_of(ctx, who + " will", len(who) + 1)
    if subject.kind == THING and re.fullmatch(r"[A-Z]{2,6}", who) and reported_speech(ctx):
        # 'EBC to remove the bin': minutes name the bodies they give actions to by initials never spelt out.
        subject = Subject(who, BODY, who)
    if subject.kind not in (UNIT, BODY):
        return Verdict(False, "not an action point of minutes")
    return _kept(subject.actor, "will", cue.string[cue.end("action"):], "an action point")


def _agent(ctx: PaperContext, text: str, cue: re.Match) -> str | None:
    """The body named as a passive's agent: '... will be agreed between the Council and the CCG'."""
    agent = AGENT.match(text, cue.end())
    if not agent:
        return None
    after = [m for m in ctx.orgs.find(text[agent.end():agent.end() + 60]) if m.start <= 25
             and m.text.lower() not in ("we", "us", "our")]
    return after[0].name if after else None


def _named(ctx: PaperContext, subject: Subject) -> str | None:
    """The body a passive's subject belongs to: 'Patient involvement in the CCG will be strengthened'."""
    mentions = [m for m in ctx.orgs.find(subject.text) if m.text.lower() not in ("we", "us", "our")]
    return mentions[0].name if mentions else None


def _kept(actor: str | None, word: str, action: str, reason: str, hedged: bool = False) -> Verdict:
    if not actor:
        return Verdict(False, "no author body to resolve the subject to")
    firm = bool(FIRM_WORDS.search(word.lower())) and not CONDITIONAL_WORDS.search(word.lower()) and not hedged
    return Verdict(True, reason, actor, "firm" if firm else "conditional", action)


def reported_speech(ctx: PaperContext) -> bool:
    """Minutes report what was said in the past tense: their 'would' is the future of a meeting.
    Minutes are known by their title or by the list of those present under it."""
    return any(re.search(r"\bminutes\b", line, re.I) for line in ctx.paper.cover_lines[:6]) or \
        any(PRESENT.match(line.strip()) for line in ctx.paper.cover_lines[1:8])     # a cover listing those present


# --- fill ---------------------------------------------------------------------------------

def fill(ctx: PaperContext, candidate: Candidate, verdict: Verdict) -> Commitment:
    clause = candidate.clause
    modality = verdict.modality
    if CONDITION.search(item_text(clause.text)):
        modality = "conditional"
    due = _due(clause)
    return Commitment(**clause.provenance(ctx.document), actor=verdict.actor, action=short(verdict.action),
                      modality=modality, due=due.text if due else None,
                      due_start=due.interval.start if due else None, due_end=due.interval.end if due else None)


def _due(sentence: Sentence):
    dated = [d for d in sentence.dates if DEADLINE.match(d.text)]
    return (dated or sentence.dates or [sentence.heading_date])[0]
