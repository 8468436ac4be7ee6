"""Whether two papers' milestones are one event restated, in whatever words.

An update rarely repeats its paper: "the programme is focussed on delivering a single point of
access from October" comes back as "the single point of access is now expected to go live from
February". What survives the rewording is what the event is about (its content words, in
their base form; the new or single thing it names, "the single CCG", weighs double) and what
happens to it (the head verb's kind: going live, agreeing, setting up, completing). Two
descriptions are one event when their kinds of event agree and the words they have in common
carry most of the weight of both, each word weighed by how rare it is in the two papers (a
word every milestone uses, "community", says little).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from extractors.gazetteer import FUNCTION_WORDS

# Kinds of event, by the verbs and nouns that say them (lemmatised by `lemma`).
EVENT_WORDS = {
    "start": "go_live start launch open begin commence operate operational deliver implement introduce "
             "roll_out rollout mobilise switch_on",
    "agree": "agree approve decide decision sign_off ratify endorse vote",
    "establish": "establish set_up create form merge in_place",
    "complete": "complete finish conclude",
    "publish": "publish",
    "receive": "receive present consider",
}
PHRASES = re.compile(r"\bgo(?:es|ing|ne)?[- ]live\b|\bwent live\b|\bsign(?:s|ed|ing)?[- ]off\b|\bset(?:s|ting)? up\b|"
                     r"\broll(?:s|ed|ing)?[- ]out\b|\bswitch(?:es|ed|ing)? on\b|\bin place\b", re.I)
PHRASE_LEMMA = {"go": "go_live", "went": "go_live", "sign": "sign_off", "set": "set_up", "roll": "roll_out",
                "switch": "switch_on", "in": "in_place"}

# Words of the framing around an event ("is now expected to", "as previously planned",
# "has been brought forward to"), and function words: neither says what the event is.
FRAMING = FUNCTION_WORDS | frozenset("""now still currently expected expect due planned previously originally
initially rather instead moved deferred delayed postponed slipped revised rescheduled brought forward focussed
focused focus focusing focussing aim aims aiming intend intends intended remain remains remained track take
taken took place date dates timetable timeline one two three four five first new programme project scheme
result early mid late end following""".split())
# Words of the bodies that act ("the Council", "the governing bodies"): which body is compared apart.
BODY_WORDS = frozenset("""council councils ccg ccgs icb icbs board boards trust trusts committee committees cabinet
authority borough county city district metropolitan governing body bodies nhs""".split())
# "begin recruiting": the event is the recruiting, not the beginning.
ASPECT = frozenset({"begin", "start", "commence", "continue"})
# What is left of a date in a description: months, numbers, a season or quarter with its year
# ('the winter plan' keeps its winter).
DATE_WORDS = re.compile(
    r"\b(?:january|february|march|april|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|\b(?:spring|summer|autumn|winter|quarter|q[1-4])"
    r"(?=\s+(?:of\s+)?\d)|\d+(?:st|nd|rd|th)?", re.I)
IRREGULAR = {"went": "go", "gone": "go", "began": "begin", "begun": "begin", "took": "take", "taken": "take",
             "made": "make", "done": "do", "set": "set", "held": "hold", "led": "lead", "chosen": "choose",
             "women": "woman", "children": "child", "people": "person", "bodies": "body", "data": "data"}
# A definite new or single thing: "the single CCG", "the new hospital", "the new Delford General
# Hospital" (whose head is the last word of the name).
DEFINITE_THING = re.compile(r"\b(?:[Tt]he|[Aa]) (single|new|merged|joint) (?:((?:[A-Z][\w'-]* )*[A-Z][\w'-]*)|([a-z]+))")
ACRONYM_DEFINED = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:and|of|for|&)\s+)?){2,8})\(([A-Z][A-Za-z]{1,9})\)")


# Suffixes of inflection and of the nouns made from verbs, longest first within each family.
SUFFIXES = (("ships", ""), ("ship", ""), ("ments", ""), ("ment", ""), ("ational", "e"), ("ation", "e"),
            ("ions", "e"), ("ion", "e"), ("ities", "e"), ("ity", "e"), ("ies", "y"), ("ied", "y"), ("ing", ""),
            ("ed", ""), ("als", "e"), ("al", "e"), ("es", "e"), ("s", ""))


@lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """A word's base form, close enough that a paper and its update meet: 'opening', 'opened',
    'opens' -> 'open'; 'approval', 'approved' -> 'approve'; 'carers'' -> 'carer'. (The shared
    spaCy pipeline is blank, with no lemmatiser; these suffixes are the genre's.) Remembered:
    a night's milestones say the same few thousand words again and again."""
    w = word.lower().strip("'’")
    if w in IRREGULAR:
        return IRREGULAR[w]
    for suffix, repl in SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":      # 'planned' -> 'plann' -> 'plan'
        w = w[:-1]
    return w.rstrip("e") if len(w) > 3 else w


EVENT_OF = {lemma(w) if "_" not in w else w: kind for kind, words in EVENT_WORDS.items() for w in words.split()}


def _tokens(text: str) -> list[str]:
    """Lower-case words with the event phrases ('go live', 'sign off') as one token each."""
    text = str(text or "").replace("’", "'")
    text = PHRASES.sub(lambda m: f" {_phrase_key(m.group(0))} ", text)
    return re.findall(r"[A-Za-z][A-Za-z'_\-]*", text)


def _phrase_key(phrase: str) -> str:
    head = re.split(r"[- ]", phrase.lower())[0]
    for stem, token in PHRASE_LEMMA.items():
        if head.startswith(stem):
            return token
    return head


def acronyms_defined(texts: list[str]) -> dict[str, str]:
    """Acronyms the texts define ('the Delford Discharge Hub (DDH)' -> {'DDH': 'Delford
    Discharge Hub'}), so that a paper writing only 'DDH' meets one writing the name."""
    out = {}
    for text in texts:
        for m in ACRONYM_DEFINED.finditer(str(text or "")):
            name, acronym = m.group(1).strip(), m.group(2)
            words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if w.lower() not in ("and", "of", "for", "the")]
            start = next((i for i in range(len(words)) if "".join(w[0] for w in words[i:]).upper() == acronym.upper()), None)
            if start is not None:
                out[acronym] = " ".join(words[start:])
    return out


def profile(description: str, acronyms: dict[str, str] | None = None,
            body_names: list[str] = ()) -> tuple[set[str], set[str], set[str]]:
    """(events, terms, anchors) of a description: the kinds of event it names, its content
    words' lemmas (no dates, function or framing words), and the new or single thing it names
    ('the single CCG', 'a new hospital'). A programme's acronym or name weighs what its rarity
    in the two papers says; a capitalised word may as well be a place every milestone names.
    The names of the milestone's own body (`body_names`) say who, not what, unless they are all
    it says ('the merged Ashdown CCG will be established')."""
    text = str(description or "").replace("’", "'")
    if body_names:
        pattern = "|".join(re.escape(n) for n in sorted(body_names, key=len, reverse=True) if n)
        without = re.sub(rf"(?<![\w'-])(?:{pattern})(?![\w'-])", " ", text) if pattern else text
        if profile(without, acronyms)[1]:
            text = without
    text = DATE_WORDS.sub(" ", re.sub(r"\bClinical Commissioning Groups?\b", "CCG", expand_acronyms(text, acronyms)))
    events, terms, anchors = set(), set(), set()
    words = _tokens(text)
    for i, word in enumerate(words):
        if word in PHRASE_LEMMA.values():
            events.add(EVENT_OF[word])
            continue
        low = word.lower().strip("'-")
        if low in FRAMING or low in BODY_WORDS or len(low) < 2:
            continue
        base = lemma(low)
        if base in EVENT_OF and not (EVENT_OF[base] == "start" and base in ASPECT and _gerund_after(words, i)):
            events.add(EVENT_OF[base])
            continue
        if low.endswith("ing") and i and lemma(words[i - 1]) in ASPECT:
            events.add(base)               # 'begin recruiting': an event of its own kind
            continue
        terms.add(base)
    for m in DEFINITE_THING.finditer(text):
        thing = f"{m.group(1).lower()} {lemma((m.group(2) or m.group(3)).split()[-1])}"
        terms.add(thing)
        anchors.add(thing)
    return events, terms, anchors


@lru_cache(maxsize=1 << 18)
def cached_profile(description: str, acronyms: tuple[tuple[str, str], ...],
                   body_names: tuple[str, ...]) -> tuple[frozenset, frozenset, frozenset]:
    """profile, remembered: a paper's milestones are profiled again for every paper they are
    compared with, with the same abbreviations more often than not."""
    return tuple(frozenset(part) for part in profile(description, dict(acronyms), list(body_names)))


def expand_acronyms(text: str, acronyms: dict[str, str] | None) -> str:
    """Each acronym followed by its name ('DDH' -> 'DDH Delford Discharge Hub'), except where
    it is being defined ('... Hub (DDH)')."""
    for acronym, name in (acronyms or {}).items():
        text = re.sub(rf"\b{acronym}\b(?!\))", f"{acronym} {name}", text)
    return text


def _gerund_after(words: list[str], i: int) -> bool:
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    return nxt.endswith("ing") and lemma(nxt) not in EVENT_OF


def term_weights(profiles: list[tuple[set[str], set[str], set[str]]]) -> dict[str, float]:
    """Each term's weight across the milestones compared: log(1 + n / milestones using it)."""
    df = Counter(t for _, terms, _ in profiles for t in terms)
    n = len(profiles)
    return {t: math.log(1 + n / c) for t, c in df.items()}


def match_score(a: tuple[set[str], set[str], set[str]], b: tuple[set[str], set[str], set[str]],
                weights: dict[str, float]) -> float:
    """0-100: the weighted share of both descriptions' terms they have in common (anchors
    weigh double); 0 when each names a kind of event and the kinds differ."""
    (ea, ta, aa), (eb, tb, ab) = a, b
    if (ea and eb and not ea & eb) or ta.isdisjoint(tb):     # nothing in common: 0 (and most pairs)
        return 0.0

    def weight(terms: set[str], anchors: set[str]) -> float:
        return sum(weights.get(t, 1.0) * (2 if t in anchors else 1) for t in terms)

    shared = ta & tb
    things = {t for t in (ta | tb) - shared if " " in t}      # 'the single CCG' said only once: no evidence
    ta, tb = ta - things, tb - things
    total = weight(ta, aa) + weight(tb, ab)
    if not total:
        return 0.0
    return 100.0 * (weight(shared, aa) + weight(shared, ab)) / total
