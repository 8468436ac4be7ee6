"""The clause patterns between two bodies, over sentence templates whose bodies are
placeholders ('@0@ is commissioned by @1@'): each names its relation and the rule it is, so
bench/relation_patterns.py can count what each gets right and wrong across papers."""
from __future__ import annotations

import re

# Determiners and modifiers that may stand before a body without being part of its name.
DET = r"(?:(?:the|both|all|each|individual|local|our|its|their|existing|new|single|merged|of|former)\s+)*"
ONE = rf"{DET}@\d+@"
GROUP = rf"{ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+or\s+){ONE})*"
S, T = rf"(?P<s>{GROUP})", rf"(?P<t>{GROUP})"
AUX = r"(?:(?:will|would|shall|should|could|may|might|can|to|also|now|both|jointly|continue|continues|to|want|wants|be|already)\s+)*"
BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|will\s+be|would\s+be)"
LABEL = r"[^,;@()\[\]]{3,60}?(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"
# A body that ends its phrase: "led by the CCG." but not "led by the CCG programme team".
ENDS = r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|to|with|in|on|at|for|from|as|until|since|through|who|which)\b)"

# (template regex, relation); groups s and t are the source and target bodies, or `label` a
# function or event a body hosts.
PATTERNS: list[tuple[str, str, str]] = [
    # commissions
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?from\s+{T}", "commissions", "commissioning from"),
    (rf"{S}\s+{AUX}(?:commission|commissions|commissioned)\s+{T}", "commissions", "X commissions Y"),
    (rf"{S}-commissioned\s+{T}", "commissions", "X-commissioned Y"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|directly\s+)?commissioned\s+by\s+{S}", "commissions", "commissioned by"),
    (rf"{S}\s+{AUX}(?:sub-?contract|sub-?contracts|sub-?contracted)\s+(?:[\w\-]+\s+){{0,4}}?to\s+{T}", "commissions", "subcontracts to"),
    (rf"\(?{T}\)?\s+{BE}\s+sub-?contracted\s+by\s+{S}", "commissions", "subcontracted by"),
    (rf"{S}\s+{AUX}(?:use|uses|used)\s+{T}\s+as\s+(?:their|its|the)\s+(?:main\s+|lead\s+|sole\s+|principal\s+)?(?:[\w\-]+\s+){{0,3}}?provider", "commissions", "uses as provider"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:hold|holds|holding|has|have|signed|signs|award|awards|awarded|(?:has\s+|have\s+)?secured|"
     rf"(?:has\s+|have\s+)?agreed|let|lets|entered\s+into)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,7}}?contracts?\s+with\s+(?P<t>{ONE})", "contract", "contract with"),
    # funds
    (rf"{S}\s+{AUX}(?:fund|funds|funded|provides?\s+funding\s+(?:to|for)|makes?\s+a\s+(?:financial\s+)?contribution\s+to)\s+{T}(?!\s*['’]s)", "funds", "X funds Y"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|partly\s+|fully\s+|directly\s+)?funded\s+by\s+{S}", "funds", "funded by"),
    (rf"{S}-funded\s+{T}", "funds", "X-funded Y"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:allocated|awarded|granted|gave|given|committed)\s+[^@.;]{{0,40}}?"
     rf"(?:funding|grant|£[\d.,]+\s*(?:m|k|bn|million|billion)?)\s+(?:to|for)\s+{T}", "funds", "allocated funding to"),
    # provides_to
    (rf"{S}(?:['’]s)?\s+(?:[\w\-]+\s+){{0,3}}?{BE}?\s*seconded\s+to\s+{T}", "provides_to", "seconded to"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|deliver|delivers|supply|supplies)\s+(?:[\w\-]+\s+){{1,5}}?(?:to|for)\s+{T}", "provides_to", "provides services to"),
    # hosts
    (rf"{S}\s+{AUX}(?:host|hosts|hosted)\s+{T}", "hosts", "X hosts Y"),
    (rf"{T}\s+{BE}\s+hosted\s+by\s+{S}", "hosts", "hosted by"),
    (rf"{T}\s+(?:sits|sit|is\s+located|are\s+located|is\s+based|are\s+based|is\s+managed|are\s+managed|is\s+hosted|are\s+hosted)"
     rf"\s+(?:within|in|under|by)\s+{S}", "hosts", "sits within"),
    (rf"{S}-(?:sponsored|led|hosted|run|managed)\s+{T}", "hosts", "X-sponsored Y"),
    (rf"(?:^|[,;]\s*|\band\s+)(?P<label>{LABEL})\s+{BE}\s+(?:hosted|led)\s+by\s+{S}{ENDS}", "hosts", "label hosted/led by"),
    (rf"{S}\s+as\s+(?:the\s+)?(?:lead\s+(?:and|&)\s+host|host\s+(?:and|&)\s+lead|host)(?:\s+(?:organisation|body|commissioner))?"
     rf"\s+for\s+(?P<label>[^,;@.()]{{3,60}}?)(?=\s+and\s+|\s*[,;.()]|$)", "hosts", "host for label"),
    # accountable_to and reports_to
    (rf"{S}\s+{AUX}(?:{BE}\s+)?(?:held\s+)?(?:directly\s+)?(?:accountable|answerable)\s+to\s+{T}", "accountable_to", "accountable to"),
    (rf"{T}\s+{AUX}(?:hold|holds)\s+{S}\s+to\s+account", "accountable_to", "holds to account"),
    (rf"{S}[^@;:]{{0,160}}?\b(?:reports?|reporting|bring\s+back[^@;:]{{0,40}}?reports?|provides?[^@;:]{{0,20}}?(?:updates|reports))"
     rf"\s+(?:[^@;:]{{0,40}}?\s)?(?:to|into)\s+{T}", "reports_to", "reports to"),
    (rf"{T}\s+{AUX}(?:receive|receives|received|consider|considers|considered|noted)\s+(?:\w+\s+){{0,3}}?"
     rf"(?:reports|updates|amendments|recommendations|comments)\s+from\s+{S}", "reports_to", "receives reports from"),
    # member_of
    (rf"{S}\s+{AUX}(?:is|are|be|become|becomes|became|remain|remains|was|were)\s+(?:a\s+|all\s+|one\s+of\s+the\s+)?"
     rf"(?:full\s+|voting\s+|founding\s+|statutory\s+|key\s+|core\s+)?(?:members?|part|partners?)\s+(?:of|in|on)\s+{T}", "member_of", "is a member of"),
    (rf"{S}\s+{AUX}(?:sit|sits|be\s+represented|are\s+represented|is\s+represented|chair|chairs|chaired|co-chairs)\s+(?:on\s+)?{T}", "member_of", "sits on / chairs"),
    (rf"{T}\s+{BE}\s+(?:co-)?chaired\s+by\s+{S}", "member_of", "chaired by"),
    (rf"(?P<t>{ONE})[^@;]{{0,40}}?\b(?:has|have|with|includes?|including)\s+(?:\w+\s+)?representation\s+from\s+{S}", "member_of", "representation from"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:brings|will\s+bring|brought)\s+together\s+(?P<s>[^;]*)", "member_of", "which brings together"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:includes|included|include|comprises|comprised|is\s+made\s+up\s+of)\s+"
     rf"(?:[a-z]+\s+){{0,3}}?(?:from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "which includes"),
    (rf"(?P<t>{ONE})(?:['’]s)?\s+(?:membership|members)\s+(?:includes?|comprises?|is\s+made\s+up\s+of|are)\s+(?P<s>[^;]*)", "member_of", "membership includes"),
    (rf"(?P<t>{ONE})\s+(?:comprises|comprising(?:\s+of)?|consists\s+of|is\s+made\s+up\s+of|is\s+formed\s+of|brings\s+together)\s+"
     rf"(?:(?:representatives|members|leaders|partners|councillors|senior\s+\w+)\s+)?(?:appointed\s+by\s+|from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "comprises"),
    (rf"(?P<t>{ONE})\s+{BE}\s+(?:a\s+|the\s+)?(?:statutory\s+)?(?:joint\s+committee|partnership|alliance|collaboration|coalition)\s+"
     rf"(?:of|between)\s+(?P<s>[^;.]*)", "member_of", "is a partnership of"),
    # reports_to: a body's sub-group reports to it
    (rf"{S}\s+{BE}\s+(?:a\s+|the\s+)?(?:sub-?group|sub-?committee|sub-?board|working\s+group)\s+of\s+{T}", "reports_to", "is a sub-group of"),
    # partners_with
    (rf"{S}\s+{AUX}(?:work|works|working|worked)\s+(?:closely\s+|jointly\s+|in\s+partnership\s+)?(?:together\s+)?"
     rf"(?:with|alongside)\s+(?:each\s+of\s+|all\s+of\s+)?{T}", "partners_with", "works with"),
    (rf"{S}\s+{AUX}(?:\w+\s+){{0,2}}?in\s+partnership\s+with\s+{T}", "partners_with", "in partnership with"),
    (rf"{S},?\s+(?:along|together)\s+with\s+(?:other\s+\w+,?\s+(?:such\s+as|including)\s+)?{T}", "partners_with", "along with"),
    (rf"partnership\s+between\s+{S}\s+and\s+{T}", "partners_with", "partnership between"),
    # replaces
    (rf"{S}\s+{AUX}(?:replace|replaces|replaced|supersede|supersedes|take\s+the\s+place\s+of|takes\s+the\s+place\s+of|takes\s+over\s+from)\s+{T}", "replaces", "X replaces Y"),
    (rf"{T}\s+{BE}\s+(?:replaced|superseded)\s+by\s+{S}", "replaces", "replaced by"),
    # provides_to
    (rf"{S}[^@.;]{{0,60}}?\b(?:helped|helps|help)\s+{T}", "provides_to", "helps"),
    (rf"(?:delivered|provided|run)\s+by\s+{S}\s+on\s+behalf\s+of\s+{T}", "provides_to", "delivered by X on behalf of Y"),
    (rf"{S}\s+{AUX}(?:deliver|delivers|delivered|provide|provides|provided|run|runs)\s+[^@.;]{{0,80}}?on\s+behalf\s+of\s+{T}", "provides_to", "X delivers on behalf of Y"),
]
COMPILED = [(re.compile(p, re.I), relation, rule) for p, relation, rule in PATTERNS]
