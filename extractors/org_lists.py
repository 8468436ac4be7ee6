"""Bodies a paper names only as items of a list: 'three voluntary organisations (Living Well,
Sufra, Mencap)', 'providers such as Community Options', 'London Boroughs, such as Wandsworth',
'suppliers such as Cerner, EMIS and TPP' (companies); an attendance line's bodies after each
person's initials ('Present: Jo Bloggs (JB) Orion Health, ...');
or in apposition to what they are: 'the charity Open Door', 'Greenway Recycling, a company
based in ...'; or as the party to a contract or commission: 'commissioned Open Door to
deliver ...', 'a contract with Greenway Care', 'provided by Kingsmere Community Health'.

The gazetteer finds bodies by their kind words; these have none, so only the list's own
head noun ('organisations', 'providers', 'charities') or the apposition says they are bodies.
"""
from __future__ import annotations

import re

HEAD_NOUN = r"(?:organisations|providers|charities|Boroughs|companies|suppliers|firms|businesses|operators)"
HEAD = rf"(?<![\w-])(?P<head>(?:[\w-]+\s+){{0,4}}?{HEAD_NOUN})"
LISTS = [re.compile(HEAD + r"\s*\((?P<items>[^()]{3,160})\)"),
         re.compile(HEAD + r",?\s+(?:such\s+as|including)\s+(?P<items>[A-Z][^.;:()]{1,160})")]
ITEM = re.compile(r"^(?:[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|of|and|for))*$")
SPLIT = re.compile(r",\s*|\s+and\s+|\s+or\s+")
NAME = r"(?<![\w'’&-])(?<![A-Z][\w'’&-] )(?P<name>[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*){0,3})"
APPOSED = [re.compile(r"\b(?:the|a|local)\s+(?P<head>charity|company|social\s+enterprise|non-profit(?:\s+organisation)?)\s+" + NAME),
           re.compile(NAME + r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?P<head>charity|company|non-profit\s+organisation|"
                      r"social\s+enterprise|voluntary\s+organisation|community\s+interest\s+company)\b"),
           # what the body is, in lower case after its name: 'the Harbour Arts gallery', 'the Meadow hospice'
           re.compile(NAME + r"\s+(?P<head>gallery|museum|theatre|hospice|charity)\b")]
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
# A body whose kind word the paper writes in lower case after the acronym it defines: 'the Special
# Educational Needs and Disabilities (SEND) service', 'local Voluntary Community Social Enterprise
# (VCSE) groups'. The name runs from the word the acronym's first letter stands for; the acronym
# stands for the field ('SEND Code of Practice'), so only it with the kind word names the body.
LOWER_KIND = r"services?|teams?|groups?|agency|agencies|partnerships?|boards?|forums?|networks?|alliances?|units?|organisations|providers"
ACRONYM_KIND = re.compile(r"(?<![\w'’&-])(?P<name>[A-Z][\w'’&-]*(?:\s+(?:and\s+|&\s+|of\s+|for\s+)?[A-Z][\w'’&-]*){1,7})"
                          r"[ \t]*\((?P<acronym>[A-Z][A-Za-z&]{1,7})\)[ \t]+(?P<kind>" + LOWER_KIND + r")(?![\w-])")
# A list of a body's members: 'representatives from A, B and C', 'brings together A, B ...', 'is made
# up of ...', 'Membership includes ...'. Its items named by a kind word, even in lower case
# ('housing and homelessness services', 'local Community and Voluntary sector services'), are
# bodies; a council's own departments named by whom they serve ("Adults' and Children's
# services") and bare fields ('Public Health') are not; a national service's short name
# ('Probation') is that service.
MEMBER_LIST = re.compile(r"(?:\b(?:representatives|members)\s+(?:from|of)|\bbrings\s+together|"
                         r"\b(?:is|are)\s+made\s+up\s+of|\b[Mm]embership\s+(?:includes|comprises|consists\s+of)|\bcomprises)"
                         r"\s+(?P<items>[^.;:]{3,600})")
MEMBER_KIND = re.compile(r"^(?:(?:the|local|other|all)\s+)*(?P<name>(?!(?:the|local|other|all)\s)[\w'’&-]+(?:\s+[\w'’&-]+){0,6}\s+(?:services?|providers|"
                         r"organisations|agencies|charities|groups|partnerships|teams))$", re.I)
SHORT_NATIONAL = {"Probation": "Probation Service"}
TITLES = {"Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof", "Cllr", "Councillor", "Sir", "Dame", "Lord", "Lady"}
NOT_A_BODY = {"NHS", "GP", "GPs", "CCG", "CCGs", "The", "Council", "Councils", "Local", "Health", "Social",
              "Care", "Public", "Primary", "Secondary", "Acute", "Community", "Voluntary", "Mental", "Trusts"}


HEAD_NOUN_RE = re.compile(HEAD_NOUN)
LEADING_NAME = re.compile(r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*)*(?=\s+[a-z])")
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
            org_type = "voluntary" if re.search(r"voluntary|charit|third sector", head, re.I) else \
                "company" if re.search(r"compan|supplier|firm|business|operator", head, re.I) else "other"
            offset = m.start("items")
            for item in SPLIT.split(m.group("items")):
                name = item.strip()
                last = not _is_name(name)       # the list ends at its first item that is not a name,
                name = LEADING_NAME.match(name).group(0) if last and LEADING_NAME.match(name) else name
                at = text.find(name, offset, m.end("items") + 1) if name else -1
                if not _is_name(name) or at < 0 or (last and name == item.strip()):
                    break                       # or, the last, at the verb after it ('... and Getlink were consulted')
                offset = at + len(name)
                if re.search(r"\bLondon\s+Boroughs$", head):
                    found.append((at, at + len(name), f"London Borough of {name}", "council"))
                else:
                    found.append((at, at + len(name), name, org_type))
                if last:
                    break
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
    found += _members(text) + _attendees(text)
    for pattern in APPOSED:
        for m in pattern.finditer(text):
            name = m.group("name")
            if _is_name(name) and name.split()[0] not in ("The", "This", "It", "Its"):
                org_type = "company" if re.match(r"company|community", m.group("head")) else \
                    "other" if re.match(r"gallery|museum|theatre", m.group("head")) else "voluntary"
                found.append((m.start("name"), m.end("name"), name, org_type))
    for pattern in PARTIES:
        for m in pattern.finditer(text):
            name = m.group("name")
            words = name.split()
            if _is_name(name) and words[0] not in TITLES and words[0] not in ("The", "This", "It", "Its", "April", "March") \
                    and not re.search(r"\d", name):
                found.append((m.start("name"), m.end("name"), name, "other"))
    return found


# Minutes' attendance: 'Present: Jo Bloggs (JB) Orion Health, Sam Lee (SL) NHS England ...'; each
# person's initials in brackets, then the body they come from, up to a comma or the next person.
ATTENDANCE = re.compile(r"(?m)^(?:Present|Attendees|Attendance|In\s+attendance|Also\s+present)\s*:?\s+(?P<items>.+)$")
INITIALS_THEN_BODY = re.compile(r"\(\s*[A-Z]{2,4}\s*\),?\s*(?P<body>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|and|for))*)"
                                r"(?P<next>(?=\s*\())?")
PERSON = re.compile(r"(?:\s+[A-Z][a-z'’-]+){2}$")     # 'Yossi Cohen' before the next '(YC)'


def _attendees(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, org_type) of the bodies an attendance line names after its people's initials."""
    found = []
    for line in ATTENDANCE.finditer(text):
        for m in INITIALS_THEN_BODY.finditer(text, line.start("items"), line.end("items")):
            name = m.group("body")
            if m.group("next") is not None:
                name = PERSON.sub("", name) if PERSON.search(name) and len(name.split()) > 2 else ""
            if _is_name(name) and not any(w in ROLE_WORDS for w in name.split()):
                found.append((m.start("body"), m.start("body") + len(name), name, "other"))
    return found


ROLE_WORDS = {"Chair", "Chairman", "Vice", "Director", "Head", "Officer", "Manager", "Lead", "Clerk", "Councillor",
              "Cllr", "Member", "Secretary", "Minutes", "Apologies"}


def _is_name(item: str) -> bool:
    words = item.split()
    return 0 < len(words) <= 4 and bool(ITEM.match(item)) and not all(w in NOT_A_BODY for w in words)


def acronym_kind_bodies(text: str) -> list[tuple[int, int, str, str, set[str]]]:
    """(start, end, name, org_type, other forms) of each body named as 'Full Name (ACR) kind'."""
    found = []
    for m in ACRONYM_KIND.finditer(text):
        acronym, kind = m.group("acronym"), m.group("kind")
        letters = [c for c in acronym if c.isupper()]
        words = list(re.finditer(r"[\w'’&-]+", m.group("name")))
        for i, word in enumerate(words):
            initials = [w.group(0)[0] for w in words[i:] if w.group(0)[0].isupper()]
            if word.group(0)[0] == letters[0] and _in_order(letters, initials):
                start = m.start("name") + word.start()
                name = f"{text[start:m.end('name')]} {kind}"
                org_type = "voluntary" if re.search(r"Voluntary|Charit|Third Sector", name) else "other"
                found.append((start, m.end(), name, org_type, {f"{acronym} {kind}", text[start:m.end()]}))
                break
    return found


def _in_order(letters: list[str], initials: list[str]) -> bool:
    """Every letter of an acronym stands for a word of the name, in order, the first for the first."""
    rest = iter(initials)
    return bool(initials) and initials[0] == letters[0] and all(letter in rest for letter in letters)


def _members(text: str) -> list[tuple[int, int, str, str]]:
    """The bodies of each list of members, a bracketed aside ('(for example, prisons)') skipped."""
    found = []
    for m in MEMBER_LIST.finditer(text):
        items = re.sub(r"\([^()]*\)", lambda b: " " * len(b.group(0)), m.group("items"))
        offset = m.start("items")
        for piece in re.finditer(r"[^,]+", items):
            item = re.sub(r"^\s*(?:and|or)\s+", "", piece.group(0)).strip()
            at = offset + piece.start() + piece.group(0).find(item)
            kind = MEMBER_KIND.match(item)
            if item in SHORT_NATIONAL:
                found.append((at, at + len(item), SHORT_NATIONAL[item], "other"))
            elif kind and not re.search(r"\d|\w['’]s?\s|s['’]|\b(?:from|of|officers|representatives|members|leaders)\b", item):
                name = kind.group("name")
                name_at = at + kind.start("name")
                org_type = "voluntary" if re.search(r"voluntary|charit|community", name, re.I) else "other"
                found.append((name_at, name_at + len(name), name[0].upper() + name[1:], org_type))
    return found


# The heading of a table's column of bodies: a grants table's 'Organisation', a list of 'Partners'.
COLUMN_HEAD = re.compile(r"^(?:(?:Lead|Partner|Applicant|Delivery|Provider|Name\s+of)\s+)?(?:[Oo]rgani[sz]ations?|"
                         r"Applicants?|Providers?|Partners?|Agency|Agencies|Bodies|Grant\s+[Rr]ecipients?)(?:\s+name)?$")
CELL_NAME = re.compile(r"^[A-Z0-9][\w'’&.-]*(?:\s+(?:[\w'’&.-]+|[–-]))*$")
NOT_A_CELL_BODY = re.compile(r"^(?:Total|Totals|Sub-?total|N/?A|TBC|TBA|None|Various|All|Other|Yes|No)\b", re.I)


def column_bodies(blocks) -> list[tuple[int, int, str, str]]:
    """(start, end, name, org_type) of each cell under a column heading that says its cells are
    bodies ('Organisation' over 'Friends of Mossy Field', 'Oakwood Bowls Club', 'YMCA (Eastgate)'):
    a short name, its bracketed branch left out; a cell of sentences is no name."""
    heads, found = {}, []
    for block in blocks:
        if block.kind.value != "table_cell" or block.zone.value != "body":
            continue
        text = block.text.strip()
        if COLUMN_HEAD.match(text):
            heads[(block.table, block.col)] = block.row
            continue
        head_row = heads.get((block.table, block.col))
        if head_row is None or block.row is None or block.row <= head_row:
            continue
        name = re.sub(r"\s*\([^()]*\)\s*$", "", text)
        if 0 < len(name.split()) <= 8 and CELL_NAME.match(name) and not NOT_A_CELL_BODY.match(name) \
                and not re.search(r"[.:;!?]$|£|\d{3,}", name):
            start = block.char_start + block.text.find(name)
            org_type = "voluntary" if re.search(r"\b(?:Friends\s+of|Club|FC|Charity|Society|Association|Church|YMCA|"
                                                r"Scouts|Guides)\b", name) else "other"
            found.append((start, start + len(name), name, org_type))
    return found
