"""How the genre names its bodies: a run of capitalised words that ends in a kind word
("... Directorate", "... Service", "... County Council", "... Cabinet Committee") or opens
with one that takes a complement ("Department for ...", "University of ..."), and the type
each kind implies. New places, services and boards are found without listing any of them.

A name never crosses a line, never runs through another body's kind word before "and", "&"
or a comma ("Ashdown Council and Kingsmere County Council" are two bodies, "Ashdown & Weald City
Council" one), never runs through a person's role ("Cabinet Member for ..."), and loses the
sentence's opening words ("Should Kingsmere County Council" is Kingsmere County Council).
"""
from __future__ import annotations

import importlib.util
import re
import runpy
from pathlib import Path


def _spacy_stop_words() -> set[str]:
    """spaCy's English stop words, read from spaCy's own file without importing spaCy, whose
    package imports its whole pipeline machinery (1.5 CPU-s): the flow's process prepares and
    loads papers and never reads their sentences."""
    package = Path(importlib.util.find_spec("spacy").submodule_search_locations[0])
    return runpy.run_path(str(package / "lang" / "en" / "stop_words.py"))["STOP_WORDS"]


STOP_WORDS = _spacy_stop_words()

WORD = r"(?:[A-Z][\w'’\-]*(?:&[A-Z]+)?|St\.)"
JOINER = r"(?:of|and|for|the|on|upon|in|de|du|la)"
SEP = r"(?:[ \t]+(?:(?:of|for|on|upon|and)[ \t]+(?:the[ \t]+)?|(?:de|du|la)[ \t]+)?|[ \t]*&[ \t]*|,[ \t]+)"
RUN = re.compile(rf"(?<![\w'’\-]){WORD}(?:{SEP}{WORD})*")
TOKEN = re.compile(rf"{WORD}|&|,|\b{JOINER}\b")

# The last word of a body's name, and the type it implies (None: decided by the words before it;
# "unit": a directorate or team inside a body, a council's in the papers' records; "partnership":
# bodies meeting together, a board in the papers' records).
KIND: dict[str, str | None] = {
    "Council": None, "Councils": None, "Cabinet": "board", "Committee": "board", "Committees": "board",
    "Board": "board", "Boards": "board", "Body": "board", "Bodies": "board", "Panel": "board",
    "Forum": "board", "Executive": "board", "Group": "other", "Groups": "other", "CCG": "ccg", "CCGs": "ccg",
    "ICB": "ccg", "ICBs": "ccg", "Trust": None, "Trusts": None, "Partnership": "partnership",
    "Partnerships": "partnership", "Alliance": "other", "Network": "other", "Networks": "other",
    "Collaborative": "other", "Consortium": "other", "Directorate": "unit", "Department": "other",
    "Service": "other", "Team": "unit", "Teams": "unit", "Unit": "unit", "Agency": "other",
    "Authority": "other", "Commission": "regulator", "Inspectorate": "regulator", "Office": "other",
    "Ministry": "other", "Government": "other", "Parliament": "other", "Court": "other",
    "School": "other", "Academy": "other", "College": "other", "University": "other",
    "Federation": "other", "Association": "other", "Society": "other", "Institute": "other",
    "Foundation": "voluntary", "Charity": "voluntary", "Hospice": "voluntary", "Foodbank": "voluntary", "Police": "other", "Constabulary": "other",
    "Ltd": "company", "Limited": "company", "LLP": "company", "CIC": "company", "plc": "company",
    "LMC": "other", "LMCs": "other", "ICS": "other", "Authorities": "other", "PCN": "other", "PCNs": "other",
    "FT": "nhs_trust",
}
# Kind words that open a name and take a complement: "Department for Education".
OPENER = {"Department", "Ministry", "Office", "University", "Association", "Institute", "Society", "Hospitals",
          "Federation", "Council", "Borough", "City", "House", "Court", "Chamber", "College", "Church",
          "Isle", "Isles", "Vale", "Bank"}
# Words of a person's office: a name stops before them ("Exampleton CCG Chief Officer").
ROLE = {"Member", "Members", "Director", "Directors", "Officer", "Officers", "Leader", "Chair", "Chairman",
        "Chairwoman", "Head", "Manager", "Managers", "Lead", "Clerk", "Minister", "Councillor", "Councillors",
        "Cllr", "Cllrs", "Mayor", "Chief", "Deputy", "Secretary", "President", "Portfolio", "Holder",
        "Commissioner", "Representative", "Representatives", "Officials", "Staff", "Colleagues", "CEO", "CIO",
        "CFO", "COO", "SRO", "Dr", "Mr", "Mrs", "Ms", "Miss", "Professor", "Prof"}
# A role word followed by these is part of a name: "Member Services Committee", "Officer Group".
ROLE_PART_OF_NAME = {"Services", "Support", "Development", "Engagement", "Relations"}
# After a kind word and 'and', these go on with the same name ("Overview and Scrutiny
# Committee", "Health and Wellbeing Board", "Police and Crime Commissioner's Office").
JOINED_AFTER_AND = {"Scrutiny", "Wellbeing", "Crime"}
# A kind word followed by these is a place, thing or stage of the body ('Foundation Year 2
# doctors'), not the end of its name.
NOT_THE_BODY = {"Chamber", "Chambers", "Offices", "Office", "Hall", "House", "Tax", "Taxes", "Year", "Years"}
EXECUTIVE_ROLE = {"Director", "Directors", "Officer", "Member", "Members", "Lead", "Summary", "Team"}
# Words that may open a match but are not part of the body's name.
LEADING_NOISE = {"The", "A", "An", "Both", "All", "Each", "Our", "Their", "Its", "This", "These", "Those",
                 "Existing", "Single", "Current", "Individual", "Other", "Eight", "Two", "Three",
                 "Four", "Five", "Six", "Seven", "Nine", "Ten", "Several", "Many", "Some", "Since",
                 "Recent", "Including", "Via", "Wider", "Furthermore", "Additionally", "Moreover",
                 "Recommendation", "Recommendations", "Summary", "Agenda", "Item", "Minutes", "Report",
                 "Subject", "Title", "To", "From", "Date", "Following", "Attendance", "Present",
                 "Apologies", "Update", "Updates", "Background", "Introduction", "Appendix", "Dear",
                 "Whilst", "While", "Once", "Proposed", "Draft", "Revised", "Former", "Interim", "Shadow", "Future",
                 "January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                 "Although", "Previously", "Currently", "Therefore", "Thus", "Responsible",
                 "Like", "Such", "Against", "Between", "Across", "Through", "Under", "Within", "Where",
                 "When", "If", "However", "Also", "Then", "Or", "But", "So", "And", "With", "By", "For",
                 "In", "Of", "At", "On", "As", "That"}
# Function words open sentences, not names; a stop word that is also a content word
# ("Empty Homes Forum", "First Steps Team", "Top Tier") may open a name.
CONTENT_STOPS = {"back", "bottom", "empty", "first", "front", "full", "last", "name", "part", "side", "top",
                 "whole", "well", "serious", "various", "third", "next", "own", "same", "one", "two", "three",
                 "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
                 "forty", "fifty", "sixty", "hundred", "due", "amount", "call", "give", "go", "keep", "made",
                 "make", "move", "put", "say", "see", "show", "take", "get", "done", "used", "using", "please"}
FUNCTION_WORDS = STOP_WORDS - CONTENT_STOPS
# Place words that are also common words: kept at the head of a place name.
COMPASS = {"North", "South", "East", "West", "Mid", "Central", "Greater", "Upper", "Lower", "Royal",
           "Great", "Little", "New", "Old", "Inner", "Outer", "NHS"}
PLACE_KINDS = {"Council", "Councils", "CCG", "CCGs", "ICB", "ICBs", "Police", "Constabulary"}

# Bodies whose names have no kind word.
NATIONAL = re.compile(r"(?<![\w'’\-])(?:NHS England(?:/Improvement)?|NHSE/?I|NHS Improvement|"
                      r"Public Health England|Health Education England|NHS Digital|NHS London|GP practices|NHS bodies|"
                      r"Secretary of State(?: for [A-Z][a-z]+(?:(?: and| &)? [A-Z][a-z]+)*)?|"
                      r"(?:[A-Z][a-z]+ (?:(?:and|&) (?=[A-Z][a-z]+ ))?)*Integrated Care Systems?|"
                      r"(?:Health[Ww]atch|Age UK|Citizens Advice|CVS)(?: (?!(?:Annual|Reports?|Strateg\w+|Plans?|Surveys?|Reviews?|"
                      r"Updates?|Findings|Projects?|Programmes?|Enter|Visits?|Priorities|Work)\b)[A-Z][a-z]+){0,3}|"
                      r"Voluntary Action(?: [A-Z][a-z]+){1,3}|"
                      r"(?:[A-Z][a-z]+ )*Mencap|(?:[A-Z][a-z]+ )+(?:MIND|Mind|CVS|Citizens Advice)|"
                      r"Monitor(?= has| will| is))(?![\w'’\-])")
NATIONAL_TYPE = {"NHS Improvement": "regulator", "Monitor": "regulator"}
VOLUNTARY = re.compile(r"Health[Ww]atch|Age UK|Citizens Advice|CVS|Mencap|MIND|Mind|Voluntary Action")
# National bodies of England that papers name with no kind word, or in lower case, each under
# its own name whatever the form: (pattern, name, type). Each pattern is matched where no word
# character comes before it (`standalone`).
NATIONAL_BODIES = [(re.compile(rf"(?:{pattern})(?![\w'’\-])"), name, org_type) for pattern, name, org_type in [
    (r"Jobcent(?:re|er) Plus|Job ?[Cc]ent(?:re|er) Plus", "Jobcentre Plus", "other"),
    (r"[Nn]ational [Tt]rading [Ss]tandards", "National Trading Standards", "other"),
    (r"[Cc]entral [Gg]overnment", "Central Government", "other"),
    (r"(?<=[Tt]he )(?:[Nn]ational )?probation service", "Probation Service", "other"),
    (r"Ofsted|OFSTED", "Ofsted", "regulator"),
    (r"Children['’]s Commissioner(?: for England)?", "Children's Commissioner for England", "other"),
    # a corporation sole, not the force it holds to account: 'the Westshire Police and Crime Commissioner'
    (r"(?:(?!The\b)[A-Z][\w'’\-]* ){0,3}Police (?:and|&) Crime Commissioner(?:['’]?s Office)?"
     r"(?: for (?!the\b)[A-Z][\w'’\-]*(?: (?:and )?[A-Z][\w'’\-]*){0,2})?", None, "other"),
    (r"HM Treasury", "HM Treasury", "other"),
    (r"Homes England|Sport England|Natural England|Historic England|Skills for Care|NHS Resolution|"
     r"NHS Confederation|NHS Blood and Transplant|NHS Property Services", None, "other"),
    (r"NSPCC|Barnardo['’]s|Samaritans|Macmillan Cancer Support|Change Grow Live|Marie Curie|British Red Cross|"
     r"Carers UK|Action for Children|St John Ambulance|Sue Ryder", None, "voluntary"),
    (r"NHS Providers|NHS Employers|Local Government (?:and|&) Social Care Ombudsman|Local Government Ombudsman|"
     r"Parliamentary (?:and|&) Health Service Ombudsman|Housing Ombudsman", None, "other"),
]]
# A tier of councils named together: "district and borough councils", "Town and Parish Councils".
TIERS = r"(?:[Dd]istrict|[Bb]orough|[Tt]own|[Pp]arish|[Cc]ommunity)"
TIER_GROUP = re.compile(rf"(?<![\w'’\-]){TIERS}(?:\s+(?:and|&|or)\s+{TIERS})?\s+[Cc]ouncils\b")
THE_NHS = re.compile(r"\b[Tt]he (?:local )?NHS\b(?![ \t]+[A-Z])|\b[Ll]ocal NHS(?=\s*(?:[,.;]|and\b|$))")
GOVERNMENT = re.compile(r"(?<=[Tt]he )Government\b(?![ \t]+[A-Z])|(?<=of )Government\b(?![ \t]+[A-Z])")

# A charity's or a company's "The", written capital in the middle of a sentence, is its name's.
OWN_THE = re.compile(r"(?:^|\s)[a-z][a-z'’\-]* The $")
# A provider known by its place: only where the paper gives it an acronym, "Exampleton Health Care (EHC)".
PROVIDER = re.compile(r"(?<![\w'’\-])[A-Z][a-z]+(?: [A-Z][a-z]+){0,2} Health ?[Cc]are(?=\s*\([A-Z]{2,6}\))")

# Words of names that say what kind of body, not which: "Scrutiny Committee", "Local Authority".
GENERIC_WORDS = {k.lower() for k in KIND} | {
    "nhs", "clinical", "commissioning", "integrated", "care", "borough", "county", "city", "district", "town",
    "parish", "the", "of", "and", "primary", "health", "wellbeing", "governing", "overview", "scrutiny", "joint",
    "local", "gp", "practices", "authorities", "select", "central", "full", "lay", "leadership", "management",
    "senior", "voluntary", "community", "sector", "statutory", "relevant", "partner", "partners", "provider",
    "providers", "system", "systems", "national", "regional", "strategic", "programme", "project", "steering",
    "working", "task", "finish", "services", "advisory", "reference", "delivery", "oversight", "corporate", "operational"}

# Programmes and documents named like bodies (ANNOTATION.md: "STP ... are not organisations"),
# and the protected characteristic an equality assessment heads a section with ("Marriage and
# Civil Partnership"), a legal status, not a partnership of bodies.
PROGRAMME = re.compile(r"Sustainab\w* and Transformation|Transformation Partnerships?$|Better Care Fund|"
                       r"(?:^|\bMarriage and )Civil Partnerships?$")

# A letter a font's encoding turned into a quote mark ('Strate’ic', 'Borou’h'): text read wrongly
# names no body, whatever its kind word.
GLYPH_DAMAGE = re.compile(r"[a-z]['’][a-rt-z][a-z]")

# The county councils of England (and the unitary councils still named "County Council"), for a
# paper that calls its council only by initials ("At WSCC, ..."): initials two of them share name neither.
COUNTY_COUNCILS = ["Cambridgeshire", "Derbyshire", "Devon", "Durham", "East Sussex", "Essex", "Gloucestershire",
                   "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Norfolk",
                   "Northumberland", "Nottinghamshire", "Oxfordshire", "Staffordshire", "Suffolk", "Surrey",
                   "Warwickshire", "West Sussex", "Worcestershire"]

# Acronyms of these kinds are learned from the paper ("Full Name (ACR)"); these are known.
KNOWN_ACRONYMS = {"NHSE": "NHS England", "NHSI": "NHS Improvement", "CQC": "Care Quality Commission",
                  "PHE": "Public Health England", "HEE": "Health Education England",
                  "DHSC": "Department of Health and Social Care"}

# Generic mentions resolved to the one body of that kind the paper means.
AFTER_GENERIC = r"(?![\w\-/]|\s+(?:area|areas|level|Governing|governing|members?|Members?|staff|officers?|teams?|of|'s|Chamber|Leader|Officer))"
GENERIC = [
    (re.compile(rf"\b[Tt]he\s+(?:single\s+|new\s+)?(?:CCG|Clinical Commissioning Group|clinical commissioning group){AFTER_GENERIC}"), "ccg"),
    (re.compile(rf"\b[Tt]he\s+(?:ICB|Integrated Care Board|integrated care board){AFTER_GENERIC}"), "icb"),
    (re.compile(rf"\b[Tt]he\s+(?:ICS|Integrated Care System|integrated care system){AFTER_GENERIC}"), "ics"),
    (re.compile(rf"\b[Tt]he\s+Trust{AFTER_GENERIC}"), "nhs_trust"),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?:(?:County|Borough|City|District|Town)\s+)?(?:Council|Local Authority){AFTER_GENERIC}(?!\s+[A-Z])|"
                rf"\b[Tt]he\s+(?:LA|Authority)\b(?![\w\-/])"), "council"),
    (re.compile(rf"\b[Tt]he\s+(?:Board|Health\s+(?:and|&)\s+Wellbeing\s+Board){AFTER_GENERIC}"), "board"),
    # a tier of council in lower case, as some papers write every kind of body (apart from the first
    # council pattern, which COUNCIL_MENTION reads as a council's capitalised mention)
    (re.compile(rf"\b[Tt]he\s+(?:county|borough|city|district) council{AFTER_GENERIC}"), "council"),
]


def name_candidates(text: str, common: set[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, name, org_type) of every body the text names by its kind word, of the
    national bodies whose names have none, and of tiers of councils named together; `common`
    holds the paper's lower-case words, which a place name does not open with."""
    found = []
    nationals = [m for m in NATIONAL.finditer(text)]
    national_ends = {m.end() for m in nationals}
    for run in RUN.finditer(text):
        tokens = [(m.start() + run.start(), m.group(0)) for m in TOKEN.finditer(run.group(0))]
        for piece in _pieces(tokens, national_ends):
            named = _name(piece, common)
            if named:
                (start, name), org_type = named
                if org_type in ("voluntary", "company") and OWN_THE.search(text, max(0, start - 40), start):
                    start, name = start - 4, "The " + name      # "commissioned The Open Door Trust"
                found += each_body(text, start, name, org_type, common)
    found += [(m.start(), m.end(), m.group(0), "council") for m in TIER_GROUP.finditer(text)]
    for regex in (NATIONAL, THE_NHS, GOVERNMENT, PROVIDER):
        for m in (nationals if regex is NATIONAL else regex.finditer(text)):
            name = _place_words_only(re.sub(r"^(?:[Tt]he )?(?:[Ll]ocal )?", "", m.group(0)), common)
            start = m.end() - len(name)
            org_type = NATIONAL_TYPE.get(name) or ("company" if regex is PROVIDER else "voluntary" if VOLUNTARY.search(name) else
                                                   "nhs_england" if re.match(r"NHS ?E\b|NHSE|NHS England|NHS London", name) else "other")
            found.append((start, m.end(), name, org_type))
    for regex, name, org_type in NATIONAL_BODIES:
        found += [(m.start(), m.end(), name or m.group(0), org_type) for m in standalone(regex, text)]
    return found


WORD_CHARACTER = re.compile(r"[\w'’\-]")


def standalone(regex: re.Pattern, text: str):
    """The matches of `regex` in `text` that no word character (WORD_CHARACTER) comes before:
    what the same pattern led by a negative lookbehind for one finds, in a third of the time
    on a long paper (Python's re skips to a pattern's first characters only when no
    assertion leads it)."""
    pos = 0
    while found := regex.search(text, pos):
        if found.start() and WORD_CHARACTER.match(text, found.start() - 1):
            pos = found.start() + 1
        else:
            yield found
            pos = found.end()


# Places' bodies of one kind in one phrase: "NHS Wexcombe and Northfold CCGs", "Ashby, Delford
# & Ormsby County Councils".
PLACE = r"(?!(?:Metropolitan|Borough|County|City|District)\b)[A-Z][\w'’\-]*(?: (?!(?:Metropolitan|Borough|County|City|District)\b)[A-Z][\w'’\-]*){0,2}"
JOINT = re.compile(rf"^(?P<nhs>NHS )?(?P<places>{PLACE}(?:, (?:NHS )?{PLACE})*) (?:and|&) (?:NHS )?{PLACE} "
                   r"(?P<kind>(?P<ccg>CCGs?|Clinical Commissioning Groups?|ICBs?|Integrated Care Boards?)|"
                   r"(?:(?:Metropolitan )?(?:Borough|County|City|District) )?Councils)$")
PLACE_RE = re.compile(PLACE)
# People of two bodies named by their plural office: "Managing Directors, NHS A and B CCG".
PLURAL_OFFICE = re.compile(r"\b(?:Directors|Officers|Leads|Chairs|Managers|Executives)(?:[ \t]+of)?[ \t,]*(?:the[ \t]+)?$")


def joint_places(text: str, start: int, name: str, common: set[str]) -> list[tuple[int, int, str]] | None:
    """The bodies a phrase names together, as (start, end, name) within `name`: 'NHS Wexcombe and
    Northfold CCGs' is NHS Wexcombe CCG and NHS Northfold CCG. A CCG in the singular named after
    two places ('Fenbury and Mid Ashdown CCG') is one body, unless the holders of a plural office
    are its ('Managing Directors, NHS A and B CCG'). None when any item is no place: a tier of
    councils ('Town and Parish Councils'), a body of its own ('Barts Health, Newham & ... CCGs')."""
    m = JOINT.match(name)
    if not m or not (name.endswith("s") or (m["ccg"] and PLURAL_OFFICE.search(text[max(0, start - 40):start]))):
        return None
    kind = m["kind"][:-1] if m["kind"].endswith("s") else m["kind"]
    out = []
    for place in PLACE_RE.finditer(name, m.end("nhs") if m["nhs"] else 0, m.start("kind")):
        at = place.start() + (4 if place.group(0).startswith("NHS ") else 0)      # 'A and NHS B CCGs'
        words = re.findall(r"[\w'’\-]+", name[at:place.end()])
        if any(w.lower() in GENERIC_WORDS or (w.lower() in common and w not in COMPASS) for w in words):
            return None
        out.append((at, place.end(), f"{m['nhs'] or ''}{name[at:place.end()]} {kind}"))
    return out if len(out) >= 2 else None


def each_body(text: str, start: int, name: str, org_type: str, common: set[str]) -> list[tuple[int, int, str, str]]:
    """A name as candidates: bodies named together are each a body, at its own place's words
    (the body their names would make together does not exist); the last runs to the kind word."""
    joint = joint_places(text, start, name, common)
    if not joint:
        return [(start, start + len(name), name, org_type)]
    *first, (last_start, _, last_name) = joint
    return [(start + a, start + b, n, org_type) for a, b, n in first] + \
        [(start + last_start, start + len(name), last_name, org_type)]


def is_generic(name: str) -> bool:
    return all(w.lower() in GENERIC_WORDS for w in re.findall(r"[\w']+", name.replace("’", "'")))


POSSESSIVE = re.compile(r"['’]s?$")


def _bare(word: str) -> str:
    """The word without its possessive ending; asked of every word of every name, so a word
    that cannot have one is given back without a search."""
    return POSSESSIVE.sub("", word) if word.endswith(("'", "’", "s")) else word


def _is_role(tokens: list[tuple[int, str]], i: int) -> bool:
    """'Cabinet Member for ...', 'Chief Officer', 'Assistant Director Community ...' are
    offices; 'Member Services Committee', 'Senior Officer Group' and 'Association of Directors
    of ...' are names."""
    word = _bare(tokens[i][1])
    before = _bare(tokens[i - 1][1]) if i else ""
    after = _bare(tokens[i + 1][1]) if i + 1 < len(tokens) else ""
    if word == "Executive":
        return before in ROLE or after in EXECUTIVE_ROLE
    if word not in ROLE or (before == "of" and i >= 2 and _bare(tokens[i - 2][1]) in OPENER):
        return False
    if word.startswith("Commissioner") and any(t == "Office" and n == "of" for (_, t), (_, n) in zip(tokens[:i], tokens[1:i])):
        return False        # "Office of the Police and Crime Commissioner": the office is the body
    return not (after in ROLE_PART_OF_NAME or (after in KIND and after not in ROLE))


def _place_words_only(name: str, common: set[str]) -> str:
    """A national body's local branch named before it ('Delby Citizens Advice') opens at its
    place: not at a word the paper also writes in lower case ('Contact Citizens Advice')."""
    branch = BRANCH_OF.search(name)
    if not branch:
        return name
    words, own = name.split(" "), len(branch.group(0).split(" "))
    while len(words) > own and (words[0].lower() in common or words[0] in LEADING_NOISE) and words[0] not in COMPASS:
        words = words[1:]
    return " ".join(words)


BRANCH_OF = re.compile(r"\b(?:MIND|Mind|CVS|Citizens Advice|Mencap)$")


def _pieces(tokens: list[tuple[int, str]], national_ends: set[int] = frozenset()) -> list[list[tuple[int, str]]]:
    """A run cut where a person's role stands, at 'and the', and where a body's kind word or
    acronym, or the end of a national body's name ('Healthwatch Exampleton'), is followed by
    'and', '&' or a comma before the next body."""
    pieces, current = [], []
    for i, (start, tok) in enumerate(tokens):
        if tok[:1].isupper() and _is_role(tokens, i):
            pieces.append(current)
            current = []
            continue
        nxt = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2][1] if i + 2 < len(tokens) else ""
        if tok == "and" and nxt == "the":
            pieces.append(current)
            current = []
            continue
        current.append((start, tok))
        listed = nxt in ("and", "&", ",") and not (nxt == "and" and after in JOINED_AFTER_AND)
        trust_title = nxt == "NHS" and after in ("Trust", "Foundation")     # 'Sussex Partnership NHS Foundation Trust'
        if (_bare(tok) in KIND and (listed or tok.endswith(("'s", "’s")) or (nxt == "NHS" and not trust_title))) or \
                (len(tok) > 1 and tok.isupper() and nxt in ("and", "&")) or (start + len(tok) in national_ends and listed):
            pieces.append(current)
            current = []
    pieces.append(current)
    return [p for p in pieces if p]


def _name(piece: list[tuple[int, str]], common: set[str]):
    """The body a piece names, ((start, name), org_type), or None."""
    caps = [i for i, (_, tok) in enumerate(piece) if tok[:1].isupper()]
    kinds = [i for i in caps if _bare(piece[i][1]) in KIND
             and not (i + 1 < len(piece) and piece[i + 1][1] in NOT_THE_BODY and _bare(piece[i][1]) not in ("Cabinet",))]
    openers = [i for i in caps if _bare(piece[i][1]) in OPENER and i + 2 < len(piece) and piece[i + 1][1] in ("of", "for")
               and (piece[i + 2][1][:1].isupper() or _of_the(piece, i))]
    if not (openers or kinds):
        return None
    end = caps[-1] if openers else kinds[-1]     # an opener's complement runs to the piece's end
    begin = _begin(piece, end, openers)
    if begin is None:
        return None
    head = _bare(piece[end][1])
    if head in PLACE_KINDS:
        begin = _place_start(piece, begin, end, common)
    name = POSSESSIVE.sub("", _span_text(piece, begin, end))
    words = [_bare(piece[i][1]) for i in range(begin, end + 1) if piece[i][1][:1].isupper()]
    if words and words[0] == "Local" and all(w in KIND and w.isupper() for w in words[1:]):
        begin, words = begin + 1, words[1:]      # "Local LMC": the LMC
        name = name.split(" ", 1)[1] if " " in name else name
    if all(w in KIND for w in words[1 if words[:1] == ["Whole"] else 0:]) and not words[0].isupper() and \
            not (words[0] == "Cabinet" and len(words) > 1):
        return None          # kind words alone ("Council", "Foundation Trust", "the Whole Council") are a generic mention
    if all(w.lower() in GENERIC_WORDS or w.lower() in common for w in words) and \
            any(tok[:1].isupper() for _, tok in piece[end + 1:]):
        return None          # "Local Government Reorganisation", "Family Group Conferencing"
    if PROGRAMME.search(name) or GLYPH_DAMAGE.search(name):
        return None
    return (piece[begin][0], name), _type(name, head, common)


def _of_the(piece, i: int) -> bool:
    """'Office of the Police and Crime Commissioner': an opener's complement after 'of the',
    when nothing after it is a list ('Church of the ..., Memory Cafe' is no name)."""
    return piece[i + 1][1] == "of" and piece[i + 2][1] == "the" and i + 3 < len(piece) and \
        piece[i + 3][1][:1].isupper() and not any(tok == "," for _, tok in piece[i:])


def _begin(piece, end: int, openers: list[int]) -> int | None:
    """Where the name starts: past the sentence's opening words, past a heading or phrase
    joined to it by 'of'/'for' ('Terms of Reference for the ...'), past all but the last item
    of a comma list that is not the name's own ('Jo Bloggs, Kingsmere County Council')."""
    begin = 0
    for j in range(end - 1):
        tok, nxt = piece[j][1], piece[j + 1][1]
        if tok[:1].isupper() and nxt in ("of", "for") and _bare(tok) not in OPENER \
                and not any(o < j for o in openers):
            begin = j + 2
        if tok == "," and (nxt == "NHS" or not any(t in ("and", "&") for _, t in piece[j:end])):
            begin = j + 1        # 'Director of Strategy, NHS Delford and Ormsby ICB': a name opens at 'NHS'
        if tok[:1].isupper() and tok.lower() in FUNCTION_WORDS and j > 0 and not any(o < j for o in openers):
            begin = j + 1        # a Title Case heading: "Working With Other Boards", not "Department for Levelling Up"
        if tok[:1].isupper() and nxt in ("on", "upon") and piece[j + 2][1] == "the" and not any(o < j for o in openers):
            begin = j + 3        # "Partners on the Exampleton Board": a place's 'on' takes no 'the' ("Henley on Thames")
    chain = end
    while chain > begin and _bare(piece[chain - 1][1]) in KIND:
        chain -= 1
    if chain > begin and not piece[chain - 1][1][:1].isupper() and not any(o < chain for o in openers):
        return None          # "LBE and CCG", "NHSE on CCG": the kind word has no name of its own
    while begin <= end and (piece[begin][1] in LEADING_NOISE or piece[begin][1].lower() in FUNCTION_WORDS
                            or not piece[begin][1][:1].isupper() or re.search(r"-[a-z]+$", piece[begin][1])):
        begin += 1
    return begin if begin <= end else None


def _span_text(piece, begin: int, end: int) -> str:
    parts = []
    for i in range(begin, end + 1):
        start, tok = piece[i]
        if parts:
            prev_start, prev = piece[i - 1]
            gap = start - (prev_start + len(prev))
            parts.append("" if tok == "," else " " if gap else "")
        parts.append(tok)
    return "".join(parts)


def _place_start(piece, begin: int, end: int, common: set[str]) -> int:
    """A council's or CCG's name starts at its place: words before it that the paper also
    writes in lower case ('Cabinet Member for Adults and Health Westshire County Council')
    belong to the text in front, when a place word remains."""
    i = begin
    while i < end and (not piece[i][1][:1].isupper() or
                       (piece[i][1].lower() in common and piece[i][1] not in COMPASS and _bare(piece[i][1]) not in KIND)):
        i += 1
    if i >= end or piece[i][1] in ("County", "Borough", "City", "District", "Town", "Parish", "Community"):
        return begin
    while i < end and not piece[i][1][:1].isupper():
        i += 1
    return i


def _type(name: str, head: str, common: set[str]) -> str:
    if re.search(r"\b(?:Clinical Commissioning Groups?|Integrated Care Boards?|CCGs?|ICBs?)$", name):
        return "ccg"
    if head in ("Trust", "Trusts"):
        return "nhs_trust" if re.search(r"\bNHS\b|Foundation Trust|Healthcare|Health Care|Hospitals?", name) else "voluntary"
    if re.match(r"(?:London|Royal) Borough of|City of .+ Council$", name):
        return "council"
    if re.fullmatch(r"Local Authorit(?:y|ies)", name):
        return "council"
    if re.search(r"\bYouth Councils?$", name):
        return "other"          # young people elected to advise a council, not a council
    if head in ("Council", "Councils"):
        place = re.sub(r"\s*\b(?:(?:Metropolitan\s+)?(?:Borough|County|City|District|Town|Parish|Community)\s+)?Councils?$", "", name)
        words = [w for w in re.findall(r"[A-Za-z'’\-]+", place) if w not in ("and", "of", "upon", "on", "the")]
        return "council" if is_generic(name) or not any(w.lower() in common and w not in COMPASS for w in words) else "other"
    if re.search(r"Health\s+(?:and|&)\s+Wellbeing\s+Boards?$|Overview\s+(?:and|&)\s+Scrutiny\s+Committees?$", name):
        return "board"
    if head == "Service" and "Ambulance" in name:
        return "nhs_trust"
    if head == "Service" and re.search(r"\bVoluntary\b", name):
        return "voluntary"      # a council for voluntary service is the charity of a place's voluntary groups
    if re.search(r"\b(?:Management|Leadership) Teams?$", name):
        return "board"          # officers meeting to govern a body: "Corporate Management Team"
    return KIND.get(head) or "other"
