"""Cue words the extractors share: modality, tense and the shape of list items."""
from __future__ import annotations

import re

FIRM = (r"will|shall|must|(?:is|are|am|remain|remains)\s+(?:fully\s+|also\s+)?committed\s+to|"
        r"commits?\s+to|(?:has|have)\s+(?:\w+\s+)?(?:committed|agreed)\s+to|agrees?\s+to|"
        r"(?:is|are)\s+going\s+to|(?:is|are)\s+required\s+to|(?:is|are)\s+due\s+to")
CONDITIONAL = (r"would|could|may|should|proposes?\s+to|intends?\s+to|aims?\s+to|expects?\s+to|"
               r"plans?\s+to|(?:is|are)\s+(?:keen|happy|willing|hoping|planning|expected|proposing|intending)\s+to|"
               r"hopes?\s+to|seeks?\s+to|wants?\s+to|(?:will|would)\s+(?:want|like|seek|aim)\s+to")
MODAL = re.compile(rf"\b(?P<conditional>{CONDITIONAL})\b|\b(?P<firm>{FIRM})\b", re.I)
PROGRESSIVE = re.compile(r"(?<=[Ww]e )are\s+(?:now\s+|currently\s+|also\s+)?(?:[a-z]+ing)\b(?<!\bbeing)|"
                         r"\bin the process of\s+[a-z]+ing\b")
FUTURE = re.compile(r"\b(?:will|shall|going to|to be|planned|proposed|due to|expected|intend|aim|plan to|"
                    r"next|upcoming|forthcoming|by)\b", re.I)
PAST = re.compile(r"\b(?:was|were|has been|have been|had|did|completed|launched|agreed|approved|"
                  r"commenced|began|started|held|published|took place|[a-z]{3,}ed)\b")
QUESTION = re.compile(r"\?\s*$|^(?:How|What|Why|Which|Whether)\b")

# Base-form verbs that open imperative list items ("Appoint a lead commissioner ...").
IMPERATIVE = set("""accept adopt agree align appoint approve assess bring build commission comment confirm
consider consult continue create delegate deliver designate develop endorse engage ensure establish
explore extend focus identify implement improve increase integrate introduce invest launch lead
maintain monitor move note novate prioritise procure promote provide publish receive recommend
reduce refresh review scrutinise seek set share strengthen submit support test undertake use utilise
work""".split())


LIST_NUMBER = re.compile(r"^\s*(?:\(?[0-9]{1,2}[a-z]?[.)]|\(?[a-z][.)]|[0-9]{1,2}(?:\.[0-9]{1,2})+\.?)\s+")


def item_text(text: str) -> str:
    """A list item's words without its number: '2) That the Board ...' -> 'That the Board ...'."""
    return LIST_NUMBER.sub("", text, count=1)


def opens_with_imperative(text: str) -> bool:
    """'Appoint a lead joint commissioner ...' but not 'Appointments were made'."""
    first = re.match(r"[\"'‘“(]*([A-Za-z]+)", item_text(text))
    return bool(first) and first.group(1)[0].isupper() and first.group(1).lower() in IMPERATIVE


def short(text: str, words: int = 20) -> str:
    """A paraphrase-length cut of the paper's words, for description and action fields."""
    parts = text.strip().rstrip(".;:,").split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")
