"""Bodies a paper names only as items of a list: 'three voluntary organisations (Living Well,
Sufra, Mencap)', 'providers such as Community Options', 'London Boroughs, such as Wandsworth';
or in apposition to what they are: 'the charity Open Door', 'Greenway Recycling, a company
based in ...'; or as the party to a contract or commission: 'commissioned Open Door to
deliver ...', 'a contract with Greenway Care', 'provided by Kingsmere Community Health'.

The gazetteer finds bodies by their kind words; these have none, so only the list's own
head noun ('organisations', 'providers', 'charities') or the apposition says they are bodies.
"""
from __future__ import annotations

import re

HEAD_NOUN = r"(?:organisations|providers|charities|Boroughs)"
HEAD = rf"(?<![\w-])(?P<head>(?:[\w-]+\s+){{0,4}}?{HEAD_NOUN})"
LISTS = [re.compile(HEAD + r"\s*\((?P<items>[^()]{3,160})\)"),
         re.compile(HEAD + r",?\s+(?:such\s+as|including)\s+(?P<items>[A-Z][^.;:()]{1,160})")]
ITEM = re.compile(r"^(?:[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|of|and|for))*$")
SPLIT = re.compile(r",\s*|\s+and\s+|\s+or\s+")
NAME = r"(?<![\w'’&-])(?<![A-Z][\w'’&-] )(?P<name>[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){0,3})"
APPOSED = [re.compile(r"\b(?:the|a|local)\s+(?P<head>charity|company|social\s+enterprise|non-profit(?:\s+organisation)?)\s+" + NAME),
           re.compile(NAME + r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?P<head>charity|company|non-profit\s+organisation|"
                      r"social\s+enterprise|voluntary\s+organisation|community\s+interest\s+company)\b")]
# The party a service is commissioned from or contracted to: a body whatever its name.
PARTY = r"(?P<name>[A-Z][\w'’&-]*(?:\s(?:and\s|&\s|of\s)?[A-Z][\w'’&-]*){1,4})"
PARTIES = [re.compile(r"\b(?:commissioned|commissions|commission|contracted|contracts|awarded)\s+(?:the\s+)?" + PARTY +
                      r"\s+to\s+(?:deliver|provide|run|operate|support)\b"),
           re.compile(r"\b(?:contract|contracts|partnership|collaboration)\s+with\s+(?:the\s+)?" + PARTY + r"(?=\s*[,.;:(]|\s+(?:to|for|and|who|which)\b)"),
           re.compile(r"\b(?:provided|delivered|run|operated)\s+by\s+(?:the\s+)?" + PARTY + r"(?=\s*[,.;:(]|\s+(?:to|for|and|who|which|in|on)\b)")]
# 'partners including Health, Education, Voluntary Sector Organisations, Housing providers': of a
# list of partners, the items named by a plural kind of body are bodies; a bare field ('Health',
# 'Education') is not.
PARTNER_LIST = re.compile(r"\bpartners,?\s+(?:such\s+as|including)\s+(?P<items>[A-Z][^.;:()]{1,200})")
KIND_ITEM = re.compile(r"^[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|&))*\s+(?:[Oo]rganisations|providers|[Pp]roviders|"
                       r"[Ss]ervices|[Gg]roups|[Aa]gencies|[Cc]harities)$")
TITLES = {"Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof", "Cllr", "Councillor", "Sir", "Dame", "Lord", "Lady"}
NOT_A_BODY = {"NHS", "GP", "GPs", "CCG", "CCGs", "The", "Council", "Councils", "Local", "Health", "Social",
              "Care", "Public", "Primary", "Secondary", "Acute", "Community", "Voluntary", "Mental", "Trusts"}


HEAD_NOUN_RE = re.compile(HEAD_NOUN)
HEAD_CHAR = re.compile(r"[\w\s-]")


def _lists(pattern: re.Pattern, text: str):
    """`pattern.finditer(text)` for a pattern of LISTS, searched only from where a match can
    start: a list's head is at most a run of words and spaces before its head noun, so no
    match starts before the run that ends at the next head noun. Tried from every word of
    the paper, the head took longer than all the rest of finding its bodies."""
    pos = 0
    while noun := HEAD_NOUN_RE.search(text, pos):
        start = noun.start()
        while start > pos and HEAD_CHAR.match(text, start - 1):
            start -= 1
        m = pattern.search(text, start)
        if m is None:
            return
        yield m
        pos = m.end()


def listed_bodies(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, org_type) of each body named as an item of such a list."""
    found = []
    for pattern in LISTS:
        for m in _lists(pattern, text):
            head = m.group("head")
            org_type = "voluntary" if re.search(r"voluntary|charit|third sector", head, re.I) else "other"
            offset = m.start("items")
            for item in SPLIT.split(m.group("items")):
                name = item.strip()
                at = text.find(name, offset, m.end("items") + 1) if name else -1
                if not _is_name(name) or at < 0:
                    break                       # the list ends at its first item that is not a name
                offset = at + len(name)
                if re.search(r"\bLondon\s+Boroughs$", head):
                    found.append((at, at + len(name), f"London Borough of {name}", "council"))
                else:
                    found.append((at, at + len(name), name, org_type))
    for m in PARTNER_LIST.finditer(text):
        offset = m.start("items")
        for item in re.split(r",\s*|\s+and\s+(?![A-Z][\w'’&-]*\s+[a-z])", m.group("items")):
            name = item.strip()
            at = text.find(name, offset, m.end("items") + 1) if name else -1
            if at < 0:
                break
            offset = at + len(name)
            if KIND_ITEM.match(name) and len(name.split()) <= 5:
                org_type = "voluntary" if re.search(r"[Vv]oluntary|[Cc]harit|[Cc]ommunity", name) else "other"
                found.append((at, at + len(name), name, org_type))
    for pattern in APPOSED:
        for m in pattern.finditer(text):
            name = m.group("name")
            if _is_name(name) and name.split()[0] not in ("The", "This", "It", "Its"):
                org_type = "company" if re.match(r"company|community", m.group("head")) else "voluntary"
                found.append((m.start("name"), m.end("name"), name, org_type))
    for pattern in PARTIES:
        for m in pattern.finditer(text):
            name = m.group("name")
            words = name.split()
            if _is_name(name) and words[0] not in TITLES and words[0] not in ("The", "This", "It", "Its", "April", "March") \
                    and not re.search(r"\d", name):
                found.append((m.start("name"), m.end("name"), name, "other"))
    return found


def _is_name(item: str) -> bool:
    words = item.split()
    return 0 < len(words) <= 4 and bool(ITEM.match(item)) and not all(w in NOT_A_BODY for w in words)
