"""Name patterns of English NHS and local-government bodies, and the type each implies.

Each pattern names a body by its kind word ("Clinical Commissioning Group", "Borough
Council", "NHS Foundation Trust") and the proper name in front of or after it, so new
places and trusts are found without listing them.
"""
from __future__ import annotations

import re

# A proper-name run: capitalised words, with "and", "of", "&" and "the" inside it.
# A name never runs through a body's last word: "X NHS Trust and Y NHS Trust" are two bodies.
KIND_WORD = r"(?!(?:Trust|Board|Council)\b)"
NAME = rf"{KIND_WORD}(?:[A-Z][\w'’\-]*|St\.?)(?:\s+(?:(?:and|of|&|the|upon|on)\s+)?{KIND_WORD}(?:[A-Z][\w'’\-]*|St\.?)){{0,5}}"
ROLE = r"(?!(?:Executive|Director|Chief|Officer|Head|Manager|Team|Members?|Chair|Cabinet|Lead|Officers)\b)"
PLACE = rf"(?:{ROLE}[A-Z][a-z'’\-]+|NHS)(?:\s+(?:(?:and|upon|on)\s+)?{ROLE}[A-Z][a-z'’\-]+){{0,4}}"

# (regex, org_type); order matters: earlier patterns win on overlap of equal length.
PATTERNS: list[tuple[str, str]] = [
    (r"NHS England/Improvement|NHS England|NHSE/?I", "nhs_england"),
    (r"NHS Improvement|Care Quality Commission|Monitor(?= has| will| is)|Healthwatch England", "regulator"),
    (r"(?:Public Health|Health Education) England|NHS Digital|NHS London", "nhs_england"),
    (r"Department of Health(?: and Social Care)?|Ministry of Housing,? Communities (?:and|&) Local Government", "other"),
    (rf"(?:NHS\s+)?{PLACE}\s+(?:Clinical Commissioning Groups?|CCGs?)\b", "ccg"),
    (rf"(?:NHS\s+)?{PLACE}\s+(?:Integrated Care Boards?|ICBs?)\b", "ccg"),
    (rf"(?:London|Royal) Borough of {PLACE}", "council"),
    (rf"{PLACE}\s+(?:Metropolitan\s+)?(?:Borough|County|City|District|Town|Parish)\s+Council", "council"),
    (rf"{PLACE}\s+Council\b(?!\s+of)", "council"),
    (rf"{NAME}\s+(?:University\s+)?(?:Hospitals?\s+)?NHS\s+(?:Foundation\s+)?Trust", "nhs_trust"),
    (rf"{NAME}\s+(?:Foundation|Healthcare|Health Care|Hospitals?|Partnership)\s+(?:NHS\s+)?Trust", "nhs_trust"),
    (rf"{PLACE}\s+Ambulance Service(?:\s+NHS Trust)?", "nhs_trust"),
    (rf"(?:{PLACE}\s+)?Health\s+(?:and|&)\s+Wellbeing\s+Boards?", "board"),
    (rf"(?:{PLACE}\s+)?(?:Joint\s+)?Health\s+Overview\s+(?:and|&)\s+Scrutiny\s+Committees?", "board"),
    (rf"{NAME}\s+(?:Governing Bod(?:y|ies)|Partnership Board|Programme Board|Executive(?! Director| Officer| Member)|Forum|Commissioning Committees?|Scrutiny Committee|Committee in Common)", "board"),
    (rf"{NAME}\s+(?:Ltd|Limited|LLP|CIC|plc)\b\.?", "company"),
    (rf"(?:Healthwatch|Age UK|Citizens Advice|Mencap|Mind|MIND|CVS)(?:\s+{PLACE})?|{PLACE}\s+(?:MIND|Mind|CVS)\b", "voluntary"),
    (rf"University of {PLACE}|{PLACE} University", "other"),
    (rf"(?:{PLACE}\s+)?(?:Local Medical Committees?|LMCs?)\b", "other"),
    # A provider known by its place: only where the paper gives it an acronym, "Bromley Health Care (BHC)".
    (rf"{PLACE}\s+Health\s?[Cc]are(?=\s*\([A-Z]{{2,6}}\))", "company"),
    (rf"(?:{PLACE}\s+)?Integrated Care (?:System|Partnership)s?|Primary Care Networks?|(?:{PLACE}\s+)?GP (?:Networks|practices|Federation)", "other"),
]

COMPILED = [(re.compile(rf"\b(?=[A-Z])(?:{p})"), t) for p, t in PATTERNS]

# Words that may open a match but are not part of the body's name.
LEADING_NOISE = {"The", "A", "An", "Both", "All", "Each", "Our", "Their", "Its", "This", "These",
                 "Those", "Existing", "New", "Single", "Current", "Individual", "Other", "And",
                 "With", "From", "By", "For", "In", "Of", "To", "At", "On", "As", "Whilst", "While",
                 "Eight", "Two", "Three", "Four", "Five", "Six", "Seven", "Nine", "Ten", "Several",
                 "Many", "Some", "Local", "However", "Since", "Where", "When", "If", "Once",
                 "Although", "Further", "Previously", "Currently", "Recent", "Also", "That", "Then", "Or", "But",
                 "So", "Therefore", "Thus", "Including", "Under", "Via", "Through", "Between", "Across",
                 "Within", "Against", "Such", "Like", "Whole", "Wider"}

# Acronyms of these kinds are learned from the paper ("Full Name (ACR)"); these are known.
KNOWN_ACRONYMS = {"NHSE": "NHS England", "NHSI": "NHS Improvement", "CQC": "Care Quality Commission",
                  "PHE": "Public Health England", "HEE": "Health Education England",
                  "DHSC": "Department of Health and Social Care"}

# Generic mentions resolved to the one body of that kind the paper means.
AFTER_GENERIC = r"(?![\w\-/]|\s+(?:area|areas|level|Governing|governing|members?|staff|officers?|teams?|of|'s))"
GENERIC = [
    (re.compile(rf"\b[Tt]he\s+(?:single\s+|new\s+)?(?:CCG|Clinical Commissioning Group){AFTER_GENERIC}"), "ccg"),
    (re.compile(rf"\b[Tt]he\s+(?:ICB|Integrated Care Board){AFTER_GENERIC}"), "icb"),
    (re.compile(rf"\b[Tt]he\s+Trust{AFTER_GENERIC}"), "nhs_trust"),
    (re.compile(rf"\b(?:[Tt]he\s+)?(?:Council|Local Authority){AFTER_GENERIC}|\b[Tt]he\s+LA\b"), "council"),
    (re.compile(rf"\b[Tt]he\s+(?:Board|Health\s+(?:and|&)\s+Wellbeing\s+Board){AFTER_GENERIC}"), "board"),
]


def strip_noise(name: str) -> str:
    """'The Bromley CCG' -> 'Bromley CCG'; keeps 'NHS Brent CCG'."""
    words = name.split()
    while len(words) > 1 and words[0] in LEADING_NOISE:
        words.pop(0)
    return " ".join(words).rstrip(".,;:")
