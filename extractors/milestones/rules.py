"""Why a date in a board paper is not a milestone's, and what makes words an event.

A paper dates many things that are not events of its programme: itself, the documents it
cites, the years its statistics describe, past trends, the years in a strategy's title, the
period a sum of money is for. Each rule below names one of those, in the genre's own shapes
("peaked at 18,000 in 2012", "(IMD, 2019)", "since 2012", "Strategy 2022-2026", "the 2024
forum", "savings for 2024-25"); `not_a_milestone` gives the first that fits, as the reason.
"""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from extractors.cues import QUESTION, item_text, opens_with_imperative
from extractors.date_patterns import MONTH
from extractors.dates import DateMention
from extractors.money import find_money
from extractors.milestones.tense import looks_ahead, looks_back


class Where(NamedTuple):
    """A date in the words of its sentence: what stands before and after it."""

    text: str
    mention: DateMention
    listed: bool            # the date is a dated line's or a table row's, not in these words
    dates: list[DateMention]    # every date of the text

    @property
    def words(self) -> str:
        """The text with its dates blanked out: what it says besides when."""
        out = self.text
        for d in reversed(self.dates):
            out = out[:d.start] + " " * (d.end - d.start) + out[d.end:]
        return out

    @property
    def before(self) -> str:
        return "" if self.listed else self.text[max(0, self.mention.start - 60):self.mention.start]

    @property
    def after(self) -> str:
        return "" if self.listed else self.text[self.mention.end:self.mention.end + 40]

    @property
    def lead(self) -> str:
        """The deadline or preposition words the date was found with ('in', 'by the end of')."""
        return re.match(r"(?:[a-z]+\s+)*", self.mention.text)[0]

    @property
    def precision(self) -> str:
        return self.mention.interval.precision


DEADLINE = frozenset({"by", "until", "from", "before", "no later than", "effective", "end", "after"})
YEARS = frozenset({"year", "financial_year", "range"})
FIGURE = r"(?:£\s?)?(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent|[mk]\b|million|bn|billion)?"

CITED = re.compile(r"\b(?:dated|issued|guidance|(?:white|green)\s+paper|act|report\s+of|strategy\s+\(|plan\s+\(|"
                   r"since\s+their\s+inception)\b", re.I)
PUBLISHED = re.compile(r"\b(?:was|were|been)\s+published\b|\bpublication\s+of\b", re.I)
# A letter's or a document's own date: 'the letter I sent to you in late October', 'our e-mail
# of 3 May', 'the outcomes document of the 18th March meeting'.
CORRESPONDENCE = re.compile(r"\b(?:(?:letters?|e-?mails?|correspondence)\s+(?:[\w’']+\s+){0,4}?(?:sent|wrote|written|"
                            r"received)(?:\s+to\s+(?:the\s+)?\w+)?(?:\s+(?:on|in))?|(?:letters?|e-?mails?|documents?|papers?)\s+"
                            r"(?:of|from|dated))\s+(?:the\s+)?$", re.I)
REFERENCE = re.compile(r"\bet\s+al\b|\[\s*online\s*\]|\baccessed\b|\bjournal\b|“[^”]{3,},”|\bvol\.\s?\d", re.I)
CITATION_BRACKET = re.compile(r"(?:[A-Z][\w’'.-]*(?:’s|'s)?|[,’'\"”])\s*\($")
DATA_YEAR = re.compile(rf"{FIGURE}(?:\s+(?!will\b|would\b|was\b|were\b|is\b|are\b)[a-z]+){{0,2}}\s+"
                       r"(?:in|at|by|for|during|of)\s+$")     # '18,000 in 2012', '1.1% accuracy rate in 2023'
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s[0-9][A-Z]{2}\b")
SNAPSHOT = re.compile(r"\bas\s+(?:at|of)\s+$|\bposition\b[^.;]{0,40}\s(?:on|at)\s+$|\b(?:year|period|quarter|month|weeks?)\s+end(?:ed|ing)\s+$", re.I)
RATE = re.compile(r"\d\s?%|\bper\s?cent\b|\b(?:per|for\s+every)\s+(?:1,?000|10,?000|100,?000|head|capita)\b|"
                  r"\bfor\s+every\s+(?:[\w-]+\s+){0,2}(?:person|people|resident|child|adult|household|patient)\b|"
                  r"\b(?:\d+|one|two|three|four|five)\s+in\s+(?:\d+|three|four|five|six|ten)\b", re.I)
TREND = re.compile(r"\b(?:(?:has|have|had)\s+(?:\w+\s+)?(?:increased|decreased|risen|fallen|declined|grown|remained|"
                   r"peaked|dropped|doubled|halved|improved|worsened)|(?:increased|decreased|rose|fell|declined|grew|"
                   r"remained|peaked|dropped|doubled|halved)\s+(?:from|to|by|in|since|over|similar|steady|stable|at))\b",
                   re.I)
MULTIPLE = re.compile(r"\b(?:double|twice|treble|triple|half)\s+the\b", re.I)    # 'double the cost in 2021'
DATA_SOURCE = r"(?:survey|census|estimates?|data|figures|statistics|returns|snapshot|count)"
STAT_LABEL = re.compile(r"^\)?\s*[-–:]\s*(?:£\s?)?\d")
BASELINE = re.compile(r"\bbaselines?\b", re.I)
PROJECTION = re.compile(r"\b(?:projected|predicted|estimated|forecast|anticipated|expected)\s+to\s+"
                        r"(?:increase|rise|fall|decrease|decline|grow|reach|double|halve|remain|stay)\b|"
                        r"\bprojections?\s+(?:suggest|show|indicate|predict)s?\b", re.I)
ESTIMATE = re.compile(r"\b(?:projected|projections?|estimated|estimates?|predicted)\b", re.I)   # with a figure
# A state estimated, with or without its figure: '... are estimated to be living alone in 2017'.
ESTIMATED_STATE = re.compile(r"\b(?:estimated|projected|predicted|thought)\s+to\s+(?:be|have)\b", re.I)
# What a survey or a census found: 'A survey of older people in 2013 found:', 'the 2021 census showed'.
FINDINGS = re.compile(r"^\W*(?:found|showed|shows|revealed|reported|indicated|suggested)\b", re.I)
DATA_OF = re.compile(rf"\b{DATA_SOURCE}\s+(?:of|among|amongst|with|across)\s+(?:[\w’'-]+\s+){{0,4}}$", re.I)
# A ratio of people ('two working-age residents for every older person'): a demographic figure.
RATIO = re.compile(r"\bfor\s+every\s+(?:[\w-]+\s+){0,2}(?:person|people|resident|child|adult|household|patient)\b|"
                   r"\b(?:\d+|one|two|three|four|five)\s+in\s+(?:\d+|three|four|five|six|ten)\b", re.I)
# A line of a statement of accounts: a bare sum between its label and its note, no verb of its own
# ('Consultants 5,913 For work carried out upto the end of March 2017'); its date is the ledger's.
LEDGER = re.compile(r"(?<![£$€\d.,])\d{1,3}(?:,\d{3})+(?![\d,.%])\s+[A-Z]")
FINITE = re.compile(r"\b(?:will|shall|would|is|are|was|were|has|have|had|be|been)\b", re.I)
# A span back from the paper's date: 'Over the last year we have worked hard to ...'.
SPAN_BACK = re.compile(r"\b(?:over|during|in|throughout)\s+the\s+(?:last|past|previous)\b", re.I)
# A figure of a table of statistics, not a list number, an age band ('18-25') or a reference.
NUMBER = re.compile(r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+|\d+\.\d+|\d{3,}|\d+\s?%)(?![\w/-]|\.\d)")
# A count of people in a state at a date: '894 young adults were being supported in 2024', 'In Q4 2017,
# 724 children were living in temporary accommodation', '2,615 aged 65+ registered as blind in 2016/17'.
HEADCOUNT = re.compile(r"(?<![\w.,/-])(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{3,})\s+(?:[\w+-]+\s+){0,3}?(?:people|persons|"
                       r"children|adults|residents|patients|families|households|carers|pupils|users|clients|individuals|"
                       r"aged)\b", re.I)
FIGURE_LED = re.compile(r"^\W*(?:£\s?)?\d[\d,]*(?:\.\d+)?\s?(?:%|[mk]\b)?\s+[a-z]")
IN_STATE = re.compile(r"\b(?:(?:were|was|are|is)\s+(?:being\s+)?(?:working\s+with|living|supported|receiving|known\s+to|"
                      r"registered|waiting|in\s+receipt|open\s+to|on)|registered|living\s+(?:alone|in|with))\b", re.I)
SINCE = re.compile(r"\b(?:since|than|compared\s+(?:to|with)|relative\s+to)\s+$", re.I)
EXISTENTIAL = re.compile(r"\bthere\s+(?:was|were|has\s+been|have\s+been|had\s+been)\b", re.I)
# An event the clause itself states, just before its date: 'the Board was established in'.
EVENT_PASSIVE = re.compile(r"\b(?:was|were|has\s+been|have\s+been)\s+(?:first\s+|formally\s+|jointly\s+)?(?:established|set\s+up|"
                           r"formed|launched|created|opened|introduced|founded|commissioned|agreed|approved|signed|"
                           r"published|appointed)\s+(?:on|in)\s+$", re.I)
NONE_AHEAD = re.compile(r"\bthere\s+(?:will|would)\s+(?:not|no\s+longer)\s+be\b", re.I)
TITLE_WORD = re.compile(r"(?<![.:;]\s)\b(?!(?:In|By|From|Since|Until|Before|After|During|Of|For|To|On|At|"
                        r"The|Early|Mid|Late|End|Between|And|Or|Date|Dated)\s)[A-Z][\w’'&)-]*\s+$")
# A plan's or strategy's own years, its name written in lower case: 'the economic growth plan 2018-2023'.
DOCUMENT_YEARS = re.compile(r"\b(?:plan|strateg(?:y|ies)|programme|framework|policy)\s*\(?\s*$", re.I)
NAMING = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat)\s+$")
NOUN_AFTER = re.compile(r"^\s+[A-Za-z]")
SEASON_NAMED = re.compile(r"[ \t]+(?!(?:I|We|The|This|It|Our)\b)[A-Z][a-z]+")
OF_YEAR = re.compile(r"\b[a-z]+\s+of\s+$")
AIM_FOR = re.compile(r"\b(?:goals?|targets?|ambitions?|aspirations?|forecasts?|budgets?|savings|outturn|"
                     r"estimates?|position|allocations?|figures?|data|precept|settlement)\s+for\s+$", re.I)
RELATIVE = re.compile(r"\b(?:this|current|next|coming|last|previous)\s+(?:financial\s+)?(?:year|month|week)\b",
                      re.I)
FORWARD_SPAN = re.compile(r"\b(?:next|coming|following)\s", re.I)
TRIBUTE = re.compile(r"\b(?:passed\s+away|paid\s+tribute|condolences)\b", re.I)
POSSESSIVE = re.compile(r"^[’']s\b")
# An act done in the period the paper is in: 'has produced', 'have launched'; not 'has been', 'has risen'.
DONE_THIS = re.compile(r"\b(?:has|have)\s+(?:now\s+|already\s+|also\s+)?(?!been\b)(?:produced|published|launched|"
                       r"completed|agreed|approved|appointed|opened|held|commissioned|delivered|established|set\s+up|"
                       r"introduced|signed|adopted|developed|started|begun|run|hosted|awarded)\b", re.I)

# Words that make a clause an event: its verbs, or the nouns an event is named by.
EVENT_NOUN = re.compile(r"\b(?:meetings?|launch|consultations?|events?|visits?|forums?|conferences?|elections?|"
                        r"workshops?|hearings?|surveys?|deadline|go[\s-]live|decisions?|reviews?|assurance|"
                        r"attendance|seminars?|summit|celebration|awards?|inspections?|opening|closure|"
                        r"transfer|implementation|completion|start|phase|pathway|committee|board|cabinet|"
                        r"council|panel|submission|publication|vote|signed|approval)\b", re.I)
VERB = re.compile(r"\b(?:will|shall|would|could|can|may|might|must|should|is|are|was|were|be|been|has|have|"
                  r"had|did|does|opens|starts|begins|ends|closes|runs|meets|goes|takes|makes|moves|launches)\b",
                  re.I)
LISTED_SHAPE = re.compile(r"[–—-]\s*$|\(\s*$")     # 'Consultation on X – 16 January', 'the Committee (17 May)'
DAY_OR_MONTH = re.compile(MONTH)
# A verb's other forms: the infinitive ('the ability to deliver') and '-ing' ('moving to'),
# not the '-ing' nouns of the genre ('funding', 'housing').
INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|be|this|that|these|those|its|their|our|all|any)\b)[a-z]{3,}\b")
ING = re.compile(r"\b[a-z]{2,}ing\b")
ING_NOUNS = frozenset("""funding meeting housing wellbeing commissioning building training nursing planning
spending morning evening something nothing thing during including according setting understanding
safeguarding learning offending screening shopping parking wording""".split())


def _question(w: Where) -> bool:
    return bool(QUESTION.search(w.text))


def _tribute(w: Where) -> bool:
    """A tribute in minutes: 'paid tribute to a former officer, who sadly passed away last month'.
    A death is no event of the programme."""
    return bool(TRIBUTE.search(w.text))


def _contact(w: Where) -> bool:
    """A line of contact details: an address with its postcode, a copyright line."""
    return bool(POSTCODE.search(w.text))


def _cited(w: Where) -> bool:
    """A cited document's date: 'guidance issued in 2014', a reference entry, '(Smith, 2019)',
    'the NHS Long Term Plan's (2019)'."""
    if w.listed:
        return False
    return bool(CITED.search(w.before[-40:] + w.mention.text) or PUBLISHED.search(w.text)
                or CORRESPONDENCE.search(w.before)
                or REFERENCE.search(w.text)
                or (w.precision == "year" and CITATION_BRACKET.search(w.before) and w.after.startswith(")")))


def _statistic(w: Where) -> bool:
    """The year a figure describes: '18,000 in 2012', '64.1% in 2020/21', 'as at November 2022',
    '(JSA/UC, August 2022)- 2.8% of people'; a deadline ('by 2028') is a target's, not data."""
    if w.listed:
        return False
    target = w.mention.interval.qualifier in DEADLINE
    if DATA_YEAR.search(w.before + w.lead):
        return not (target and looks_ahead(w.text))      # '... to 62% by 2028' is a target
    figures = len(NUMBER.findall(item_text(w.words)))
    if BASELINE.search(w.text) or PROJECTION.search(w.text) or figures >= 3 or (figures and ESTIMATE.search(w.text)) \
            or re.search(rf"\b{DATA_SOURCE}\s+$", w.before, re.I) or re.match(rf"\s+{DATA_SOURCE}\b", w.after, re.I):
        return True                         # a baseline, a projection, a table of figures, 'the 2011 census'
    if (DATA_OF.search(w.before) and FINDINGS.match(w.after)) or LEDGER.search(w.text) and not FINITE.search(w.text):
        return True                         # 'a survey of carers in 2013 found', a line of the accounts
    if (ESTIMATED_STATE.search(w.text) or RATIO.search(w.text)) and not re.search(r"\b(?:will|shall)\b", w.text, re.I):
        return True                         # a state estimated or a ratio of people: a figure, no event
    if FIGURE_LED.match(w.text) and w.before.rstrip().endswith("(") and not (VERB.search(w.words) or looks_back(w.words)):
        return True                         # '9,148 on the dementia register (August 2018)': a figure's date
    if HEADCOUNT.search(w.text) and IN_STATE.search(w.text) and not target and not looks_ahead(w.text):
        return True                         # how many people were in a state then: a count, no event
    if TREND.search(w.text) or MULTIPLE.search(w.text):
        return not (target and looks_ahead(w.text))     # 'has fallen since 2016/17', not 'will have fallen by 2028'
    return not target and bool(SNAPSHOT.search(w.before) or RATE.search(w.text) or STAT_LABEL.search(w.after))


def _past_in_general(w: Where) -> bool:
    """'a decrease since 2012', 'more than the previous year', 'there was a lack of ... in 2014/15',
    'there would not be a need for places in the next five years'."""
    if w.listed:
        return False
    existential = EXISTENTIAL.search(w.text) and not FORWARD_SPAN.search(w.mention.text) and not _own_event(w)
    return bool(SINCE.search(w.before) or existential or NONE_AHEAD.search(w.text) or POSSESSIVE.search(w.after)
                or SPAN_BACK.match(w.mention.text))


def _own_event(w: Where) -> bool:
    """The date is an event's of its own clause, apart from the one saying what there was:
    'Since the partnership was established in May 2022, there has been progress ...'."""
    clause = re.split(r"[,;]", w.text[:w.mention.start] + w.lead)[-1]
    return not EXISTENTIAL.search(clause) and bool(EVENT_PASSIVE.search(clause))


def _named_by_date(w: Where) -> bool:
    """Years in a name: 'Our Council Strategy 2022-2026', 'the 2024 forum', 'the first meeting
    of 2025', 'goals for 2025', 'the 2018/19 budget'; a season opening one ('announced in the
    Autumn Statement', 'the Spring Budget')."""
    if not w.listed and w.precision == "season" and SEASON_NAMED.match(w.after):
        return True
    if w.listed or w.precision not in YEARS or w.mention.interval.qualifier:
        return False
    # A capitalised word before 'last week' or 'this year' ends a clause ('met the new Police Inspector
    # last week'), not a name; 'Strategy 2022-2026' names a year.
    return bool((TITLE_WORD.search(w.before) and not RELATIVE.search(w.mention.text)) or (NAMING.search(w.before) and NOUN_AFTER.search(w.after))
                or DOCUMENT_YEARS.search(w.before)
                or OF_YEAR.search(w.before) or AIM_FOR.search(w.before))


def _sum_period(w: Where) -> bool:
    """'save £2m this year', 'a deficit of £50m in 2019/20': a year beside a sum is the sum's
    period. A forward span ('draw down £9m over the next two years') and a day or month (the
    date a sum was approved) stay events."""
    if w.listed or not find_money(w.text):
        return False
    interval = w.mention.interval
    if w.precision == "range" and (interval.end - interval.start).days <= 31:
        return False                        # 'on Saturday 1 July and Sunday 2 July': an event's days, no period
    relative = RELATIVE.search(w.mention.text)
    return bool(relative or (w.precision in YEARS | {"quarter"} and not FORWARD_SPAN.search(w.mention.text)))


def _relative_without_aim(w: Where) -> bool:
    """'this year' or 'the current financial year' dates an event only when the clause looks
    ahead ('would adopt it later this year'); 'the challenges posed within the current
    financial year' is background."""
    if w.listed or not RELATIVE.search(w.mention.text):
        return False
    ahead = re.search(r"\b(?:this|current|next|coming)\b", w.mention.text, re.I)
    if re.search(r"\bthis\s+(?:year|month|week)\b", w.mention.text, re.I) and DONE_THIS.search(w.text):
        return False                    # 'This year the Board has produced its first carers' survey': done
    return not (looks_ahead(w.text) if ahead else looks_back(w.text))


def _no_event(w: Where) -> bool:
    """Words that state no event: a bare date, a label, a role ('DPH / PH Consultant'). They
    need a verb, an opening imperative or an event noun; a day or month also counts in a
    listed shape ('Consultation on X – 16 January to 12 March', 'the Committee (17 May)')."""
    words = w.words
    if len(re.findall(r"[A-Za-z]{2,}", words)) < 2:
        return True
    if opens_with_imperative(words.strip()) or EVENT_NOUN.search(words) or looks_back(words) \
            or looks_ahead(words) or VERB.search(words) or INFINITIVE.search(words) \
            or any(m[0] not in ING_NOUNS for m in ING.finditer(words)):
        return False
    return w.listed or not (LISTED_SHAPE.search(w.before) and DAY_OR_MONTH.search(w.mention.text))


RULES: list[tuple[str, Callable[[Where], bool]]] = [
    ("a question", _question),
    ("a tribute", _tribute),
    ("contact details", _contact),
    ("a cited document's date", _cited),
    ("a statistic's data year", _statistic),
    ("the past in general", _past_in_general),
    ("years in a name", _named_by_date),
    ("a sum's period", _sum_period),
    ("a relative period with nothing ahead", _relative_without_aim),
    ("no event", _no_event),
]


def not_a_milestone(text: str, mention: DateMention, listed: bool, dates: list[DateMention],
                    skip: tuple[str, ...] = ()) -> str | None:
    """The reason this date of these words is no milestone's, or None when it may be one;
    rules named in `skip` are not asked."""
    where = Where(text, mention, listed, dates)
    return next((reason for reason, rule in RULES if reason not in skip and rule(where)), None)
