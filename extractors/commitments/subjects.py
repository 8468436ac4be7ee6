"""Who a promise clause is about: the subject in front of its promise word.

Board papers promise in many voices: "we", a named body ("The CCG"), one of the author's
own units or officers ("The SEND service", "Local teams", "The Director of Public Health"),
"Our framework", or a thing of the paper's own business ("Planning conversations", "The
budget"). The subject is read off the words just before the promise word: subordinate
and relative clauses, appositions ("along with other bodies") and parentheses are passed
over, and a reported clause ("The Leader advised that the Council ...") yields its own subject.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors.context import PaperContext
from extractors.cues import item_text

# The kinds a subject can be; classify decides which kinds each promise form accepts.
WE, BODY, UNIT, OWN, GROUP, THING, PRONOUN, CLAUSE = "we", "body", "unit", "own", "group", "thing", "pronoun", "clause"


@dataclass
class Subject:
    text: str
    kind: str
    actor: str | None = None      # the body the subject names, where it names one


# Asides in brackets, but not a name's own initials: 'The Special Educational Needs (SEND) service'.
PARENS = re.compile(r"\((?![A-Z][A-Za-z&]{1,7}\))[^()]*\)|\[[^\[\]]*\]")
# An aside between dashes: 'where - as a system of partners - we need to focus'.
DASHED = re.compile(r"\s[-–—]\s[^-–—;:]{1,80}\s[-–—]\s")
# The reader addressed in passing: 'As you would expect we will ...', 'As members will be aware, the CCG ...'.
READER_ASIDE = re.compile(r"(?:^|(?<=,))\s*as\s+(?:you|members|colleagues|the\s+board|the\s+committee)\s+(?:will\s+|would\s+|may\s+|"
                          r"might\s+|can\s+)?(?:know|expect|be\s+aware|recall|remember|see|have\s+seen|have\s+heard)\b,?", re.I)
# The role a body acts in, as an aside: 'KCC, as a partner in the ICS, will ...', 'The Council as a whole will ...'.
AS_ROLE = re.compile(r",\s*as\s+(?:a|an|the|its|their|our|one\s+of\s+the)\s+[^,;:]{1,60},|"
                     r"\s+as\s+a\s+(?:whole|system|partnership|group|collective)\b|"
                     # 'and as leaders in Exampleton we are committed to ...': a role fronted before 'we', no comma
                     r"\bas\s+(?:(?:a|an|the|its|their|our)\s+)?(?:[\w-]+\s+){0,2}?(?:leaders|partners|commissioners|"
                     r"providers|members|employers|organisations|a\s+board|a\s+partnership)"
                     r"(?:\s+(?:in|of|across|for)\s+(?:[A-Z][\w-]*\s+){1,3})?\s*(?=(?:we|they)\s)", re.I)
VERB_INSIDE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|shall|should|can|could|may|might|must|does|did)\b",
                         re.I)
APPOSITION = re.compile(r"^\s*(?:along\s+with|such\s+as|including|together\s+with|as\s+well\s+as|alongside|like|e\.g|"
                        r"i\.e|in\s+particular|particularly|and\s+other|as\s+appropriate|(?:where|if|when)\s+(?:possible|appropriate|"
                        r"required|necessary|needed|relevant)|"
                        r"however|therefore|also|in\s+turn|in\s+future|too|though|for\s+example|in\s+due\s+course|"
                        r"working\s+(?:with|alongside|closely|together|jointly)|(?:in\s+)?(?:partnership|collaboration|"
                        r"conjunction)\s+with|supported\s+by|with\s+(?:the\s+)?support\s+of)\b", re.I)
RELATIVE = {"which", "who", "whom", "whose", "whereby"}
SUBORDINATE = {"where", "when", "whilst", "while", "although", "because", "since", "unless", "once", "until",
               "whether", "how", "what", "why", "than", "whereas", "as", "ensuring", "meaning", "enabling", "allowing"}
COORDINATE = {"and", "but", "or", "so", "then", "if"}
SELF_DESCRIBED = re.compile(r"\b(?:report|paper|briefing|presentation|update|section|appendix)\b", re.I)
SETS_OUT = re.compile(r"(?:\b(?:sets?|lays?)\s+out|\b(?:details|describes|explains|outlines|summarises))$", re.I)
# Words that open a new clause's subject, so a relative pronoun before them has its own subject.
SUBJECT_START = {"the", "a", "an", "our", "we", "it", "they", "this", "these", "their", "its", "he", "she", "you"}
PRONOUNS = {"it", "this", "these", "they", "that", "those", "there", "he", "she", "them", "i", "one"}
# A reporting participle with no 'that' after it: 'a reply confirming the Council is happy to ...'.
REPORTING_PARTICIPLES = {"confirming", "stating", "saying", "advising", "explaining"}
REPORTING = {"is", "was", "are", "were", "say", "says", "said", "told", "felt", "thought", "knew", "saw", "heard",
             "agree", "agrees", "note", "notes", "recognise", "recognises",
             "believe", "believes", "expect", "expects", "confirm", "confirms", "means", "mean", "ensure", "ensuring",
             "suggest", "suggests", "show", "shows", "advise", "advises", "state", "states", "know", "hope", "feel"}
AGREEING = {"agreed", "confirmed", "assured", "told", "informed", "advised", "reassured", "promised", "undertaken"}
# Verbs are in lower case: 'Needs' in 'Special Educational Needs and ...' is part of a name.
VERBISH = re.compile(r"^(?:is|are|was|were|has|have|had|do|does|did|will|would|shall|should|can|could|may|might|must|"
                     r"agree|agrees|remain|remains|need|needs|[a-z]{3,}ed)$")
OPENERS = {"the", "a", "an", "both", "all", "each", "our", "its", "their", "new", "single", "existing", "local",
           "also", "and", "now", "together", "jointly", "senior", "relevant", "joint", "lead", "current", "future"}
LINKS = {"and", "both", "also", "all", "still", "now", "together", "jointly", "each", "itself", "themselves", "the",
         "therefore", "currently", "then", "further", "first", "initially", "too", "alone", "directly"}
# The author's own parts, as the head of a subject with a determiner or a name: 'The SEND service'.
UNIT_HEADS = {"service", "team", "directorate", "department", "division", "unit", "council", "authority", "board",
              "committee", "cabinet", "partnership", "forum", "panel", "leadership", "clerk", "chair", "chairman",
              "leader", "executive", "secretariat", "body"}
# The author's own people, plural: 'Commissioners', 'Local teams', 'Senior officers'.
STAFF_HEADS = {"officers", "staff", "teams", "commissioners", "colleagues", "leads", "directors", "services"}
STAFF_MODIFIERS = {"the", "our", "local", "senior", "lead", "joint", "its", "their", "all", "both", "relevant", "these"}
# Bodies named by their kind, in the plural: 'Local district and borough councils', 'All partners'.
GROUP_HEADS = {"councils", "authorities", "partners", "partnerships", "boards", "trusts", "ccgs", "icbs", "organisations",
               "agencies", "providers", "bodies"}
PREPOSITIONS = {"of", "from", "in", "at", "with", "within", "across", "for", "to", "on", "by", "into", "between"}
# 'Cabinet Member', 'Portfolio Holder': one member named by office; 'Members' alone are the meeting deciding.
ROLE_WORDS = (r"Director|Officer|Executive|Leader|Chair|Chairman|Head|Manager|Secretary|Commissioner|Lead|Clerk|Nurse|Treasurer|"
              r"(?<=[a-z]{3}\s)(?:Member|Holder)(?!s)")
ROLE = re.compile(rf"^(?:[Tt]he\s+)?(?:[A-Z][\w/-]*\s+)*(?:{ROLE_WORDS})s?(?:,?\s+(?:of|for|and|the|[A-Z][\w/-]*))*$")
# The words after a comma inside a name: ' Young People and Education' of 'Children, Young People and Education'.
NAME_TAIL = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+)+(?:and|&)\s+[A-Z][\w'’-]*\s*")
ACRONYM = re.compile(r"[A-Z]{2,6}s?")
# A body reporting its own intent, and the pronoun that stands for it: 'The CCG has confirmed that it'.
REPORTED_BY = re.compile(r"^(?P<who>[^,;]+?)\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:confirmed|said|stated|indicated|agreed|"
                         r"announced|advised|made\s+(?:it\s+)?clear|assured\s+(?:us|the\s+\w+)|promised|told\s+(?:us|the\s+\w+))"
                         r"\s+(?:that\s+)?(?:it|they)\s*$", re.I)
# A quantified kind of body or place: 'Each of the five district councils', 'Each area', 'every borough'.
EACH = re.compile(r"^(?:each|every|all|both)\s+(?:of\s+(?:the|our|these|its|their)\s+)?(?P<kind>(?:[\w-]+\s+){0,3}?"
                  rf"(?:{'|'.join(sorted(GROUP_HEADS))}|areas?|boroughs?|places?|localit(?:y|ies)|neighbourhoods?|districts?))$",
                  re.I)
FRAME_WORDS = r"^(?:in|during|from|by|over|after|before|at|within|through|under|on|for)\s+"
FRAME = re.compile(FRAME_WORDS + r"(?:\S+\s+){0,4}?(?=(?:the|our|each|all|both)\b)")
# A fronted phrase of time that runs up to a body named with its own 'the' ('In the first year
# the CCGs will ...').
WHOLE_FRAME = re.compile(FRAME_WORDS + r"(?:\S+\s+){0,4}$")
# A fronted span of time with no comma after it: 'Over the next few weeks each of the councils',
# 'In the coming months the reablement service'.
TIME_FRAME = re.compile(r"^(?:in|during|over|within|for|after|before|by|from)\s+(?:the\s+)?(?:next|coming|following|first|"
                        r"last|final|same|current)?\s*(?:[\w-]+\s+){0,2}?(?:weeks?|months?|years?|days?|quarters?|period|"
                        r"phase|stage|term|winter|spring|summer|autumn)(?:\s+(?:one|two|three|four|[0-9]+|[ivx]+))?\s*,?\s+(?=\S)", re.I)
# A fronted purpose: 'In order to ...', 'So as to ...'.
PURPOSE_FRAME = re.compile(r"^(?:In\s+order|So\s+as)\s+to\s+[a-z]+\b")
PERSON = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Sir|Dame)\b\.?\s+[A-Z]")
DETERMINER = re.compile(r"^(?:the|a|an|our|its|their|both|all|each)\s+", re.I)


def subject_of(ctx: PaperContext, text: str, cue_at: int) -> Subject:
    """The subject of the promise word at `cue_at` in `text` (a clause)."""
    start = len(text) - len(item_text(text))
    stretch = READER_ASIDE.sub(" ", DASHED.sub(" ", PARENS.sub(" ", text[start:cue_at])))
    stretch = AS_ROLE.sub(lambda m: m.group(0) if VERB_INSIDE.search(m.group(0)) else " ", stretch)
    stretch = re.split(r"[;:–—]|\s-\s", stretch)[-1]
    chunk = _last_chunk(ctx, stretch)
    if chunk is None:
        return Subject("", CLAUSE)
    head = _after_last_connective(chunk)
    if head is None:
        return Subject(chunk, CLAUSE)
    # 'we are in the process of ...': the auxiliary before the cue is not part of the subject.
    return _classify(ctx, re.sub(r"\s+(?:is|are|am|was|were)$", "", head.strip(" ,'\"‘’“”")))


def _last_chunk(ctx: PaperContext, stretch: str) -> str | None:
    """The comma-chunk holding the subject: appositions and asides after it are passed over, and a
    name whose own words hold a comma stays whole ('the Corporate Director Children, Young People
    and Education'), unless the words after the comma name a body of their own ('the CCG, Exampleton
    Council and ...')."""
    chunks = stretch.split(",")
    for i in range(len(chunks) - 1, -1, -1):
        chunk = chunks[i]
        if not chunk.strip() or APPOSITION.match(chunk):
            continue
        while i and NAME_TAIL.fullmatch(chunk) and re.search(r"[A-Z][\w'’-]*\s*$", chunks[i - 1]) \
                and not ctx.orgs.find(chunk):
            i -= 1
            chunk = chunks[i] + "," + chunk
        return chunk
    return None


def _after_last_connective(chunk: str) -> str | None:
    """The words after the clause's last connective; None inside a relative or subordinate clause.

    'The Leader advised that the Council' -> 'the Council'; 'people who' -> None;
    'X have a role to play and we' -> 'we'; 'The CCG and Local Authority' stays whole.
    """
    words = chunk.split()
    for i in range(len(words) - 1, -1, -1):
        word = words[i].lower().strip(",.")
        after = " ".join(words[i + 1:])
        if word in RELATIVE:
            # 'People who draw on care will be engaged': the relative clause sits inside the subject.
            embedded = after and after.split()[0].lower() not in SUBJECT_START and not after.split()[0][0].isupper()
            if embedded and i > 0 and words[-1].lower() not in PRONOUNS | {"we"}:
                continue
            return None
        if word in SUBORDINATE:
            # 'The plan sets out how we will ...': a plan setting out what its body will do promises it;
            # a report that does so only describes its contents.
            if word in ("how", "what") and SETS_OUT.search(" ".join(words[max(0, i - 2):i])) \
                    and not SELF_DESCRIBED.search(chunk):
                return after
            return None
        if word in REPORTING_PARTICIPLES and after and i > 0:
            return after        # 'Clerk to reply confirming the Council is happy to ...': what is confirmed
        if word == "that":
            before = words[i - 1].lower() if i else ""
            if before in REPORTING or before.endswith("ed") or before.endswith("s"):
                return after
            # 'We have agreed with the Trust that we ...': the verb reporting it stands a few words back.
            if after.lower() == "we" and any(w.lower() in AGREEING for w in words[max(0, i - 8):i]):
                return after
            return None
        if word in COORDINATE and i > 0:
            before = words[:i]
            if any(VERBISH.match(w) for w in before[1:]):
                # 'X both agree to ... and will': the verbs share the first clause's subject.
                if after:
                    return after
                clause = _after_last_connective(" ".join(before))
                return _leading_subject(clause.split()) if clause else None
            if word in ("so", "then", "if"):
                return after
    return chunk


def _leading_subject(words: list[str]) -> str | None:
    """The words before the first verb of a clause; a short subject headed by a plural kind of
    body or staff ends at the word after it: 'These partnerships bring together ...'."""
    for i, word in enumerate(words):
        if i and VERBISH.match(word):
            return " ".join(words[:i])
        if 0 < i <= 6 and words[i - 1].lower() in GROUP_HEADS | STAFF_HEADS and word.isalpha() and word.islower() \
                and word not in PREPOSITIONS | COORDINATE | RELATIVE | SUBORDINATE:
            return " ".join(words[:i])
    return None


def _classify(ctx: PaperContext, head: str) -> Subject:
    """The kind of subject `head` is, and the body it names."""
    head = TIME_FRAME.sub("", head) or head
    words = head.split()
    if not words:
        return Subject(head, CLAUSE)
    last = words[-1].lower()
    if last == "we":
        return Subject(head, WE, ctx.orgs.author) if ctx.orgs.author else Subject(head, CLAUSE)
    if last in PRONOUNS:                # 'it', 'this', 'None of this', 'there'
        return Subject(head, PRONOUN)
    if words[0].lower() == "our" and len(words) <= 6:
        return Subject(head, OWN, ctx.orgs.author)
    body = _body(ctx, head)
    if body:
        return Subject(head, BODY, body)
    if PERSON.search(head):
        return Subject(head, UNIT, ctx.orgs.author)
    if ROLE.match(head) or _unit(words):
        return Subject(head, UNIT, _unit_name(ctx, head))
    if words[-1].lower() in GROUP_HEADS and not {w.lower() for w in words} & PREPOSITIONS:
        return Subject(head, GROUP, DETERMINER.sub("", re.sub(r"^(?:these|those|other)\s+", "", head, flags=re.I)))
    each = EACH.match(head)
    if each:
        # 'Each of the five district councils' is those councils; 'Each borough' one of the author's places.
        named = DETERMINER.sub("", each.group("kind")) if each.group("kind").split()[-1].lower() in GROUP_HEADS else None
        return Subject(head, GROUP, named or ctx.orgs.author)
    acronym = re.sub(r"^[Tt]he\s+", "", head)
    if ACRONYM.fullmatch(acronym) and _defined_role(ctx, acronym):
        return Subject(head, UNIT, ctx.orgs.author)
    tail = re.split(r"\band\s+(?=(?:the|our|its)\s)", head)[-1]
    if tail != head:        # '... in areas like reviews and the directorate remained committed'
        return _classify(ctx, tail)
    if PURPOSE_FRAME.match(head):
        # 'In order to maximise the partnership the Town Council proposes to ...': no comma ends the purpose.
        for start in reversed([m.start() for m in re.finditer(r"\b(?:the|we)\s", head) if m.start()]):
            subject = _classify(ctx, head[start:])
            if subject.kind in (BODY, WE):
                return subject
    return Subject(head, THING)


DEFINED_ROLE = re.compile(rf"\b(?:{ROLE_WORDS})\b(?:\s+(?:of|for|and|the|[A-Z][\w'’-]*))*\s*\(\s*({ACRONYM.pattern})\s*\)")


def _defined_role(ctx: PaperContext, acronym: str) -> bool:
    """'The DASS' where the paper wrote 'the Director of Adult Social Services (DASS)': one of the
    author's officers, known by the initials the paper gave the role."""
    return acronym in _role_initials(ctx.paper.text)


@functools.lru_cache(maxsize=4)
def _role_initials(text: str) -> frozenset[str]:
    """The initials a paper gives its roles, read once a paper: searching its whole text again
    for every subject cost 15 CPU s on a 100-page pack."""
    return frozenset(m.group(1) for m in DEFINED_ROLE.finditer(text))


def _unit(words: list[str]) -> bool:
    """'The Young Carers Service', 'The Reablement Team', 'Local teams'; not 'The transfer of service'."""
    lowered = [w.lower() for w in words]
    if set(lowered) & PREPOSITIONS:
        return False
    if lowered[-1] in STAFF_HEADS:
        return all(w in STAFF_MODIFIERS or w[:1].isupper() for w in words[:-1])
    return lowered[-1] in UNIT_HEADS and (lowered[0] in ("the", "our", "its") or words[0][:1].isupper())


def _body(ctx: PaperContext, head: str) -> str | None:
    """The named body heading the subject: 'The CCG and Local Authority', 'Senior officers of both X and Y'."""
    mentions = [m for m in ctx.orgs.find(head) if m.text.lower() not in ("we", "us", "our")]
    if not mentions or not _links_only(head[mentions[-1].end:]):
        return None
    first = mentions[0]
    between = head[first.end:mentions[-1].start]
    for m in mentions[1:-1]:
        between = between.replace(m.text, " ")
    if not _links_only(between) and len(mentions) > 1:
        first = mentions[-1]
    opener = [] if WHOLE_FRAME.match(head[:first.start].lower()) else FRAME.sub("", head[:first.start].lower()).split()
    if all(w in OPENERS for w in opener):
        return first.name
    # 'Senior officers of both the Council and ...', 'The Chief Executive of the CCG'
    if opener and opener[-1] == "both":
        opener = opener[:-1]
    if 2 <= len(opener) <= 5 and opener[-1] in ("of", "at") and opener[-2].rstrip("s") in {h.rstrip("s") for h in UNIT_HEADS | STAFF_HEADS}:
        return first.name
    return None


def _links_only(between: str) -> bool:
    """Only coordination, adverbs or proper names between a body and the promise word."""
    words = re.sub(r"[,;()]", " ", between).split()
    return len(words) <= 5 and all(w.lower() in LINKS or w.endswith("ly") or w[0].isupper() for w in words)


def _unit_name(ctx: PaperContext, head: str) -> str | None:
    """A unit the paper names ('The Young Carers Service') under its own name, else the author
    (two roles together, 'the Director of X and the Director of Y', are the author's)."""
    name = DETERMINER.sub("", head.strip())
    if len(re.findall(rf"\b(?:{ROLE_WORDS})\b", name)) > 1:
        return ctx.orgs.author
    words = name.split()
    proper = all(w[:1].isupper() or w in ("and", "of", "for", "the", "&") for w in words)
    acronym = any(len(w.strip("()")) > 1 and w.strip("()").isupper() for w in words)
    if len(words) >= 2 and words[0][:1].isupper() and (proper or acronym) and not PERSON.search(name):
        return ctx.orgs.canonical(name) or name
    return ctx.orgs.author


def antecedent(ctx: PaperContext, pronoun: Subject, before: str, previous: str) -> Subject | None:
    """What a subject 'it', 'they', 'he' or 'she' stands for: a person named earlier in the clause
    or the sentence before ('Cllr Webb said she would check'), else the subject of the sentence
    before ('Our framework will ... . It will also foster ...'), when that subject is a body, one
    of the author's units or people, or a thing of its business; never 'we', which 'it' is not."""
    word = pronoun.text.split()[-1].lower()
    said = REPORTED_BY.match(item_text(before))
    if said and word in ("it", "they"):
        # 'NHS Exampleton CCG has confirmed that it will ...': the body that said so.
        speaker = _classify(ctx, said.group("who").strip(" ,"))
        if speaker.kind in (BODY, UNIT, GROUP):
            return speaker
    if pronoun.text.lower() != word or word not in ("it", "they", "he", "she"):
        return None
    words = item_text(previous).split()
    lead = _leading_subject(words) if words else None
    if word in ("he", "she"):
        # 'Cllr Webb confirmed ... but she would check'; 'Cllr Webb agreed. She would write ...'
        alone = not re.sub(rf"\b{word}\b", "", before, flags=re.I).strip(" ,")
        named = PERSON.search(before) or (alone and lead and PERSON.search(lead))
        return Subject(word, UNIT, ctx.orgs.author) if named else None
    if not lead:
        return None
    subject = _classify(ctx, lead.strip(" ,'\"‘’“”"))
    return subject if subject.kind in (BODY, UNIT, OWN, GROUP, THING) else None
