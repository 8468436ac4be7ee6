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
# "reports to @0@, and to @1@": the bodies of a repeated 'to' are targets too.
T_AND_TO = rf"(?P<t>{GROUP}(?:\s*,?\s+(?:and|as\s+well\s+as)\s+(?:also\s+)?to\s+{GROUP})*)"
AUX = (r"(?:(?:will|would|shall|should|could|may|might|can|to|also|now|both|jointly|continue|continues|to|want|wants|be|already|each|"
       r"has|have|had|recently|currently|still|formally|previously|historically|agreed|agree|agrees|intends?|plans?|proposes?)\s+)*")
BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|will\s+be|would\s+be)"
LABEL = r"[^,;@()\[\]]{3,60}?(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)"
# A body that ends its phrase: "led by the CCG." but not "led by the CCG programme team".
ENDS = r"(?=\s*(?:[,.;:)]|$)|\s+(?:and|to|with|in|on|at|for|from|as|until|since|through|who|which)\b)"

# A sentence's own number: "4.2 ", "(b) ".
NUMBER = r"(?:\d+(?:\.\d+)*\.?\s+|\([a-z0-9]+\)\s+)?"
# A list whose items need not all be bodies ("@0@, the local NHS and @1@"): short items, one a
# body, none with a verb or a clause of its own.
WORD = r"(?!(?:that|which|who|is|are|was|were|be|been|has|have|had|will|would|said|agreed|noted|told)\b)[\w'’\-]+"
ITEM = rf"(?:{ONE}|{WORD}(?:\s+{WORD}){{0,4}}?)"
LIST = rf"(?P<s>(?=[^:;]*@){ITEM}(?:\s*,\s*(?:and\s+)?{ITEM}|\s+and\s+{ITEM})+)"
MEMBER_KIND = r"(?:(?:full|voting|founding|statutory|key|core|permanent|standing|named|non-voting|constituent|co-opted|associate|ex-officio)\s+)?"
# "includes, but is not limited to, ...": the list that follows is still the members.
NOT_LIMITED = r"(?:\s*,?\s*but\s+(?:is\s+|are\s+)?not\s+limited\s+to\s*,?)?"
# A form's label run into the sentence it heads ("Legal Implications The Council and ..."):
# Title-case words before a list of bodies.
LABEL_BEFORE = r"(?:[A-Z][a-z]+\s+){0,3}?"
# Money given is funding, a secretariat given is hosting, and assurance or reports given are
# reporting, not a service provided.
NOT_A_SERVICE = r"(?!(?:[\w\-£.]+\s+){0,3}?(?:funding|grants?|contributions?|money|secretariat|assurance|updates|reports)\b)"
MONEY = r"£[\d.,]+\s*(?:m|k|bn|million|billion)?"
# "part-funded", "grant funded", "jointly funded": how much or in what way a body is funded.
FUNDED = r"(?:(?:jointly|partly|part|fully|directly|wholly|mainly|largely|solely|primarily|also|grant|match|co|core)[\s\-]+)*funded"
# "The members of the Board are asked to ...": members doing something, not a list of them.
NOT_AN_ACT = (r"(?!(?:asked|invited|requested|reminded|recommended|advised|encouraged|required|expected|able|aware|"
              r"responsible|content|satisfied|supportive|clear|keen|committed|concerned|not|also|now|to)\b)")

# "@0@ is one of the voluntary organisations commissioned by @1@": a provider named by its kind.
PROVIDER_KIND = (r"(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,3}?(?:providers?|organisations?|charities|charity|services?)\s+"
                 r"(?:(?:currently|jointly|already|that\s+(?:are|is)|which\s+(?:are|is))\s+)?")

# (template regex, relation); groups s and t are the source and target bodies, or `label` a
# function or event a body hosts.
PATTERNS: list[tuple[str, str, str]] = [
    # commissions
    (rf"{S}\s+{AUX}(?:re-?)?(?:commission|commissions|commissioned|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?from\s+{T}", "commissions", "commissioning from"),
    (rf"{S}\s+{AUX}(?:re-?)?(?:commission|commissions|commissioned)\s+{T}", "commissions", "X commissions Y"),
    # "@0@ commissions the service, which is provided by @1@"
    (rf"{S}\s+{AUX}(?:re-?)?(?:commission|commissions|commissioned)\s+(?:the\s+|a\s+|an\s+|this\s+)?[^@.;,]{{3,60}}?,?\s+(?:which|that)\s+{BE}\s+"
     rf"(?:currently\s+|now\s+)?(?:provided|delivered|run)\s+by\s+{T}{ENDS}", "commissions", "X commissions a service provided by Y"),
    (rf"{S}-commissioned\s+{T}", "commissions", "X-commissioned Y"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+|directly\s+)?commissioned\s+(?:jointly\s+|directly\s+)?by\s+{S}", "commissions", "commissioned by"),
    (rf"{T}\s+{BE}\s+{PROVIDER_KIND}commissioned\s+(?:jointly\s+)?by\s+{S}", "commissions", "one of the providers commissioned by"),
    (rf"commissioned\s+(?:jointly\s+)?by\s+{S}\s+from\s+{T}", "commissions", "commissioned by X from Y"),
    (rf"commissioned\s+by\s+{S}\s*,?\s+(?:and\s+)?(?:{BE}\s+)?(?:delivered|provided|run)\s+by\s+{T}", "commissions",
     "commissioned by X and delivered by Y"),
    (rf"(?:delivered|provided|run)\s+by\s+{T}\s*,?\s+(?:and\s+)?(?:{BE}\s+)?(?:jointly\s+)?commissioned\s+by\s+{S}", "commissions",
     "delivered by Y and commissioned by X"),
    (rf"{T}\s*[,(]\s*(?:which\s+{BE}\s+|currently\s+|jointly\s+|directly\s+)?commissioned\s+by\s+{S}", "commissions", "Y, commissioned by X"),
    (rf"{S}\s+{AUX}(?:sub-?contract|sub-?contracts|sub-?contracted)\s+(?:[\w\-]+\s+){{0,4}}?to\s+{T}", "commissions", "subcontracts to"),
    (rf"{T}\s+{AUX}{BE}\s+(?:contracted|commissioned|funded)\s+to\s+(?:provide|deliver|run)\s+[^@.;]{{0,80}}?\s+on\s+behalf\s+of\s+{S}{ENDS}", "commissions",
     "contracted to deliver on behalf of"),
    (rf"{S}\s+{AUX}{BE}\s+(?:the\s+)?(?:lead|prime|main)\s+(?:provider|contractor)[^@.;]{{0,40}}?\bwith\s+{T}\s+as\s+(?:a\s+|an\s+|its\s+|the\s+)?sub-?contractors?",
     "commissions", "lead provider with Y as a subcontractor"),
    (rf"\(?{T}\)?\s+{BE}\s+sub-?contracted\s+by\s+{S}", "commissions", "subcontracted by"),
    (rf"{S}\s+{AUX}(?:use|uses|used)\s+{T}\s+as\s+(?:their|its|the)\s+(?:main\s+|lead\s+|sole\s+|principal\s+)?(?:[\w\-]+\s+){{0,3}}?provider", "commissions", "uses as provider"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:hold|holds|holding|has|have|signed|signs|award|awards|awarded|(?:has\s+|have\s+)?secured|"
     rf"(?:has\s+|have\s+)?agreed|let|lets|entered\s+into)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,7}}?contracts?\s+with\s+(?P<t>{ONE})", "contract", "contract with"),
    (rf"(?P<s>{ONE})['’]s?\s+(?:[\w\-]+\s+){{0,5}}?contracts?\s+with\s+(?P<t>{ONE})", "contract", "X's contract with Y"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:contract|contracts|contracted|contracting)\s+(?:directly\s+)?with\s+(?P<t>{ONE})", "contract", "X contracts with Y"),
    (rf"contracts?\s+between\s+(?P<s>{ONE})\s+and\s+(?P<t>{ONE})", "contract", "contract between X and Y"),
    (rf"(?:^|\bby\s+|[,;]\s*)(?P<s>{ONE})[^@.;]{{0,80}}?\bunder\s+(?:a\s+|an\s+|the\s+|its\s+)?(?:[\w\-]+\s+){{0,3}}?contract\s+"
     rf"(?:with|to|from)\s+(?P<t>{ONE})", "contract", "under a contract with"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:contracted|contracts)\s+{T}\s+to\b", "commissions", "X contracts Y to"),
    (rf"{T}\s+{BE}\s+contracted\s+by\s+{S}", "commissions", "contracted by"),
    (rf"{T}\s+{BE}\s+awarded\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{0,5}}?contracts?\s+(?:[^@.;]{{0,60}}?\s)?by\s+{S}{ENDS}", "commissions",
     "awarded the contract by"),
    (rf"contracts?\s+(?:[^@.;]{{0,60}}?\s)?{BE}\s+(?:awarded|let)\s+to\s+{T}\s+by\s+{S}{ENDS}", "commissions", "contract awarded to Y by X"),
    (rf"{S}\s+{AUX}(?:procure|procures|procured)\s+{T}\s+to\b", "commissions", "X procures Y to"),
    (rf"{S}\s+{AUX}(?:purchase|purchases|purchased|buy|buys|bought|procure|procures|procured)\s+(?:[^@.;]{{0,60}}?\s)?from\s+{T}{ENDS}",
     "commissions", "X buys services from Y"),
    (rf"commissioned\s+(?:jointly\s+)?from\s+{T}\s+by\s+{S}{ENDS}", "commissions", "commissioned from Y by X"),
    (rf"{S}\s+{AUX}{BE}\s+(?:the\s+|a\s+|an\s+|one\s+of\s+the\s+)?(?:lead\s+|main\s+|sole\s+|principal\s+|joint\s+|co-?)?"
     rf"commissioners?\s+(?:of|for)\s+{T}{ENDS}", "commissioner", "the commissioner of"),
    (rf"{S}\s*,?\s+as\s+(?:the\s+)?(?:lead\s+|main\s+|sole\s+)?commissioners?\s+(?:of|for)\s+{T}{ENDS}", "commissioner", "as the commissioner of"),
    (rf"{S}\s+{AUX}(?:appoint|appoints|appointed|select|selects|selected|chose|chosen)\s+{T}\s+(?:as|to\s+be)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?"
     rf"(?:[\w\-]+\s+){{0,3}}?(?:provider|supplier|contractor|operator)\b", "commissions", "appoints Y as the provider"),
    (rf"{T}\s+{AUX}{BE}\s+(?:selected|appointed|chosen|confirmed|named)\s+as\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{0,3}}?"
     rf"(?:provider|supplier|contractor|operator)\s+(?:[^@.;]{{0,40}}?\s)?by\s+{S}{ENDS}", "commissions", "Y selected as the provider by X"),
    (rf"(?P<t>{ONE})\s+{AUX}(?:is|are|was|were|will\s+be|remains?)\s+(?P<s>{ONE})['’]s?\s+(?:(?:main|lead|sole|principal|preferred|single|largest|"
     rf"commissioned|contracted)\s+)*(?:[\w\-]+\s+){{0,2}}?providers?\b", "commissions", "Y is X's provider"),
    (rf"(?P<s>{ONE})\s+{AUX}(?:won|wins|win|(?:was|were|has\s+been|have\s+been)\s+awarded)\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{0,4}}?"
     rf"contracts?\s+(?:[^@.;]{{0,60}}?\s)?(?:for|with|from|by)\s+(?P<t>{ONE}){ENDS}", "contract", "won the contract for"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:awarded|awards|award|let|lets)\s+(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w\-]+\s+){{0,5}}?"
     rf"contracts?\s+(?:[^@.;]{{0,60}}?\s)?to\s+{T}", "commissions", "awards contract to"),
    # funds
    (rf"{S}\s+{AUX}(?:(?:grant|part|co|jointly)[\s\-]?)?(?:fund|funds|funded|provides?\s+funding\s+(?:to|for)|makes?\s+a\s+(?:financial\s+)?contribution\s+to)\s+{T}(?!\s*['’]s)", "funds", "X funds Y"),
    (rf"{T}\s+{BE}\s+{FUNDED}\s+(?:jointly\s+|directly\s+|in\s+part\s+)?(?:(?:through|via|from|under)\s+[^@.;,]{{3,50}}?\s+)?by\s+{S}", "funds", "funded by"),
    (rf"{T}\s*[,(]?\s*(?:which\s+{BE}\s+|currently\s+|now\s+)?{FUNDED}\s+by\s+{S}{ENDS}", "funds", "Y, funded by X"),
    (rf"{T}\s+{AUX}(?:{BE}\s+)?{FUNDED}\s+(?:jointly\s+|directly\s+|in\s+part\s+)?(?:through|via|from)\s+{S}{ENDS}", "funds", "funded through"),
    (rf"(?:funding|grants?|money|contributions?|{MONEY})\s+from\s+{S}\s+(?:to|for)\s+{T}", "funds", "funding from X to Y"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|give|gives|gave|pay|pays|paid)\s+(?:a\s+|an\s+)?(?:[\w\-£.]+\s+){{0,3}}?"
     rf"(?:funding|grants?|contributions?|financial\s+support)\s+(?:to|for|towards)\s+{T}", "funds", "provides a grant to"),
    (rf"{S}-funded\s+{T}", "funds", "X-funded Y"),
    (rf"(?P<s>{ONE})['’]s?\s+(?:(?:financial|annual|recurrent|one-off)\s+)?contributions?\s+(?:to|towards)\s+{T}"
     rf"(?=\s*(?:[,.;:)]|$)|\s+(?:is|was|are|were|will|has|had|of|and|for|in|from)\b)", "funds",
     "X's contribution to Y"),
    (rf"{S}\s+{AUX}(?:transfer|transfers|transferred|pass|passes|passed|contribute|contributes|contributed)\s+"
     rf"(?:a\s+further\s+|an\s+additional\s+|up\s+to\s+|around\s+|over\s+)?(?:{MONEY}|(?:\w+\s+)?(?:funding|money|grants?))\s+(?:[\w\-]+\s+){{0,3}}?(?:to|towards)\s+{T}",
     "funds", "X transfers £ to Y"),
    (rf"{T}\s+{BE}\s+{PROVIDER_KIND}funded\s+(?:jointly\s+)?by\s+{S}", "funds", "one of the providers funded by"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|issue|issues|issued|supply|supplies|supplied)\s+{T}\s+with\s+(?:a\s+|an\s+|its\s+)?"
     rf"(?:[\w\-£.,]+\s+){{0,4}}?(?:grants?|funding|contributions?|subsid(?:y|ies))\b", "funds", "X provides Y with a grant"),
    (rf"{S}\s+{AUX}(?:allocate|allocates|allocated|allocating)\s+(?:[^@.;]{{0,60}}?\s)?(?:to|for)\s+{T}", "funds", "X allocates to Y"),
    (rf"{S}\s+{AUX}(?:awarded|awards|award|gave|gives|give|given|granted|grants|grant)\s+{T}\s+(?:a\s+|an\s+)?(?:[\w\-£.,]+\s+){{0,3}}?"
     rf"(?:grant|funding|contribution)\b", "funds", "X gives Y a grant"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:allocated|awarded|granted|gave|given|committed|provide|provides|provided|pay|pays|paid)\s+"
     rf"[^@.;]{{0,40}}?(?:funding|grant|{MONEY})(?:\s+(?:per|a|each|every)\s+(?:year|annum|month|quarter))?\s+(?:to|for)\s+{T}", "funds", "allocated funding to"),
    (rf"(?:funding|money|grants?)\s+for\s+{T}\s+(?:comes|will\s+come|came|is\s+provided|is\s+drawn|is\s+received)\s+from\s+{S}{ENDS}",
     "funds", "funding for Y comes from X"),
    (rf"{T}\s+{AUX}{BE}\s+(?:awarded|granted|given|allocated|offered)\s+(?:a\s+|an\s+)?(?:[\w\-£.,]+\s+){{0,4}}?"
     rf"(?:grant|funding|{MONEY})\s+(?:[^@.;]{{0,40}}?\s)?(?:by|from)\s+{S}{ENDS}", "funds", "Y is awarded a grant by X"),
    (rf"{S}\s+{AUX}(?:pay|pays|paid)\s+{T}\s+(?:an?\s+|its\s+)?(?:annual\s+|yearly\s+|monthly\s+)?(?:{MONEY}|grant|subsidy)", "funds", "X pays Y £"),
    (rf"(?:funding|grants?|{MONEY})\s+(?:[^@.;]{{0,40}}?\s)?{BE}\s+(?:awarded|given|granted|allocated|paid|provided|offered)\s+to\s+{T}\s+by\s+{S}{ENDS}",
     "funds", "a grant is awarded to Y by X"),
    # provides_to
    (rf"{S}(?:['’]s)?\s+(?:[\w\-]+\s+){{0,3}}?{BE}?\s*seconded\s+to\s+{T}", "provides_to", "seconded to"),
    (rf"seconded\s+from\s+{S}\s+(?:in)?to\s+{T}", "provides_to", "seconded from X to Y"),
    (rf"(?P<t>{ONE})\s+{AUX}(?:employs?|employed|hosts?|hosted|uses?|used)\s+(?:[\w\-]+\s+){{0,3}}?(?:staff|officers|workers|nurses|clinicians)\s+"
     rf"seconded\s+from\s+(?P<s>{ONE})", "provides_to", "staff seconded from X"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|supply|supplies|supplied)\s+{T}\s+with\s+{NOT_A_SERVICE}", "provides_to", "X provides Y with"),
    # the lead provider: "@0@ is the main provider of community services for @1@", "@1@'s lead provider is @0@"
    (rf"{S}\s+{AUX}(?:is|are|was|were|be|remains?|acts?\s+as|acted\s+as)\s+(?:the\s+|a\s+|an\s+|one\s+of\s+the\s+)?"
     rf"(?:(?:main|lead|sole|principal|preferred|single|largest|key|core)\s+)*(?:(?!host\b)[\w\-]+\s+){{0,2}}?providers?\s+"
     rf"(?:of\s+[^@.;]{{0,60}}?\s)?(?:for|to)\s+{T}{ENDS}", "provides_to", "the lead provider for"),
    (rf"(?P<s>{ONE})['’]s?\s+(?:(?:main|lead|sole|principal|preferred|single|largest)\s+)+(?:[\w\-]+\s+){{0,3}}?providers?\s+"
     rf"(?:is|are|was|were|will\s+be|remains?)\s+{T}", "commissions", "X's lead provider is Y"),
    (rf"(?P<t>{ONE})['’]s?\s+(?:(?:main|lead|principal|largest|host|co-?ordinating)\s+)*commissioners?\s+(?:is|are|was|were|will\s+be|remains?|include|includes)\s+{S}",
     "commissions", "Y's lead commissioner is X"),
    (rf"(?:provided|delivered|offered|supplied)\s+by\s+{S}\s+(?:to|for)\s+{T}", "provides_to", "provided by X to Y"),
    (rf"(?:services?|support|advice|care|training|treatment|programmes?|sessions)\s+(?:[^@.;]{{0,40}}?\s)?{BE}\s+(?:provided|delivered|offered|given|supplied)\s+"
     rf"to\s+{T}\s+by\s+{S}{ENDS}", "provides_to", "support is provided to Y by X"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|deliver|delivers|supply|supplies)\s+{NOT_A_SERVICE}(?:[\w\-]+\s+){{1,5}}?(?:to|for)\s+{T}",
     "provides_to", "provides services to"),
    (rf"{T}\s+{AUX}(?:receive|receives|received|receiving|get|gets|got)\s+(?:[\w\-]+\s+){{0,3}}?(?:support|services?|advice|care|help|"
     rf"assistance|input|supervision|training)\s+from\s+{S}{ENDS}", "provides_to", "Y receives support from X"),
    # hosts
    (rf"{S}\s+{AUX}(?:host|hosts|hosted)\s+{T}", "hosts", "X hosts Y"),
    (rf"{T}\s+{BE}\s+(?:hosted|sponsored)\s+by\s+{S}", "hosts", "hosted by"),
    (rf"{T}\s*[,(]\s*(?:which\s+{BE}\s+|currently\s+)?hosted\s+by\s+{S}", "hosts", "Y, hosted by X"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+)?led\s+by\s+{S}{ENDS}", "hosts", "body led by"),
    (rf"{T}\s*[,(]\s*(?:which\s+{BE}\s+|currently\s+|jointly\s+)?led\s+by\s+{S}{ENDS}", "hosts", "Y, led by X"),
    (rf"{S}\s+{AUX}(?:lead|leads|leading|(?:is|are)\s+leading)\s+(?:on\s+)?{T}(?=\s*(?:[,.;:)]|$)|\s+(?:and|on\s+behalf|for|as|since)\b)",
     "hosts", "X leads Y"),
    (rf"{S}\s+{AUX}(?:{BE}|acts?\s+as|acted\s+as)\s+(?:the\s+)?(?:host|hosting)\s+(?:for|of|to)\s+{T}", "hosts", "host for"),
    (rf"{S}\s+{AUX}(?:{BE}|acts?\s+as|acted\s+as)\s+(?:the\s+)?(?:(?:host|hosting|lead|accountable)\s+(?:organisation|body|authority|agency|employer)|host\s+(?:provider|trust))\s+"
     rf"(?:for|of)\s+{T}", "hosts", "host organisation for"),
    (rf"{S}\s+{AUX}(?:provide|provides|provided|host|hosts|hosted)\s+(?:the\s+)?(?:secretariat|administrative\s+support|"
     rf"clerking|business\s+management)\s+(?:for|to)\s+{T}", "hosts", "provides the secretariat for"),
    (rf"{T}\s+(?:sits|sit|is\s+located|are\s+located|is\s+based|are\s+based|is\s+managed|are\s+managed|is\s+hosted|are\s+hosted)"
     rf"\s+(?:within|in|under|by)\s+{S}", "hosts", "sits within"),
    (rf"{S}-(?:sponsored|led|hosted|run|managed)\s+{T}", "hosts", "X-sponsored Y"),
    (rf"(?:^|[,;]\s*|\band\s+)(?P<label>{LABEL})\s+{BE}\s+(?:hosted|led)\s+by\s+{S}{ENDS}", "hosts", "label hosted/led by"),
    (rf"{S}\s+as\s+(?:the\s+)?(?:lead\s+(?:and|&)\s+host|host\s+(?:and|&)\s+lead|host)(?:\s+(?:organisation|body|commissioner))?"
     rf"\s+for\s+(?P<label>[^,;@.()]{{3,60}}?)(?=\s+and\s+|\s*[,;.()]|$)", "hosts", "host for label"),
    # a function moved into a body is hosted by it: "transfer the ... of @0@ from @1@ to @2@"
    (rf"\btransfer(?:s|red|ring)?\s+(?:of\s+)?[^@.;]{{0,80}}?(?P<t>{ONE})\s+from\s+{ONE}\s*,?\s+(?:in)?to\s+(?P<s>{ONE})",
     "hosts", "transferred from X to Y"),
    (rf"(?P<t>{ONE})\s+{AUX}(?:transfer|transfers|transferred|move|moves|moved)\s+(?:across\s+)?from\s+{ONE}\s*,?\s+(?:in)?to\s+(?P<s>{ONE})",
     "hosts", "moves from X to Y"),
    # accountable_to and reports_to
    (rf"{S}\s+{AUX}(?:{BE}\s+)?(?:held\s+)?(?:directly\s+)?(?:accountable|answerable)\s+to\s+{T_AND_TO}", "accountable_to", "accountable to"),
    # "@0@ is a statutory body accountable to @1@": what kind of body it is, then to whom it answers
    (rf"{S}\s+{AUX}{BE}\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,4}}?(?:body|organisation|committee|board|partnership)\s+(?:(?:which|that)\s+{BE}\s+)?"
     rf"(?:directly\s+)?(?:accountable|answerable)\s+to\s+{T_AND_TO}", "accountable_to", "a body accountable to"),
    (rf"{T}\s+{AUX}(?:hold|holds)\s+{S}\s+to\s+account", "accountable_to", "holds to account"),
    # delegation: the body that exercises delegated functions answers to the one that delegated them
    (rf"{T}\s+{AUX}(?:delegate|delegates|delegated)\s+(?:(?!to\b)[\w\-]+\s+){{0,6}}?to\s+{S}{ENDS}", "accountable_to", "X delegates to Y"),
    (rf"(?:functions|powers|authority|responsibilit(?:y|ies)|budgets?|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?{BE}\s+(?:formally\s+|fully\s+)?delegated\s+to\s+{S}\s+by\s+{T}{ENDS}",
     "accountable_to", "delegated to Y by X"),
    (rf"{S}\s+{AUX}(?:has|have|holds?|exercises?|receives?|received)\s+(?:[\w\-]+\s+){{0,2}}?delegated\s+(?:[\w\-]+\s+){{0,3}}?"
     rf"(?:authority|powers|functions|responsibilit(?:y|ies)|budgets?)\s+(?:[^@.;]{{0,40}}?\s)?(?:from|on\s+behalf\s+of)\s+{T}{ENDS}", "accountable_to",
     "holds delegated powers from"),
    (rf"(?:functions|powers|authority|responsibilit(?:y|ies)|budgets?|commissioning)\s+(?:[\w\-]+\s+){{0,3}}?{BE}\s+(?:formally\s+|fully\s+)?"
     rf"delegated\s+by\s+{T}\s+to\s+{S}{ENDS}", "accountable_to", "delegated by X to Y"),
    (rf"{S}\s+{AUX}(?:acts?|acting|operates?|operating|works?|working|{BE})\s+(?:under|with)\s+(?:the\s+)?delegated\s+(?:authority|powers|functions|responsibilit(?:y|ies))\s+"
     rf"(?:[^@.;]{{0,40}}?\s)?(?:from|of)\s+{T}{ENDS}", "accountable_to", "acts under delegated authority from"),
    (rf"{S}\s+{AUX}{BE}\s+(?:given|granted)\s+(?:[\w\-]+\s+){{0,2}}?delegated\s+(?:authority|powers|functions|responsibilit(?:y|ies))\s+"
     rf"(?:[^@.;]{{0,40}}?\s)?(?:by|from)\s+{T}{ENDS}", "accountable_to", "given delegated authority by"),
    (rf"{S}\s+{AUX}{BE}\s+(?:held\s+to\s+account|held\s+accountable|scrutinised|scrutinized)\s+by\s+{T}", "accountable_to", "held to account by"),
    (rf"{S}\s+{AUX}{BE}\s+(?:performance[\s\-]managed|regulated|inspected)\s+by\s+{T}{ENDS}", "accountable_to", "regulated by"),
    (rf"{S}\s+{AUX}{BE}\s+subject\s+to\s+(?:[\w\-]+\s+){{0,2}}?(?:scrutiny|oversight|inspection|regulation|challenge|assurance)\s+"
     rf"(?:by|from)\s+{T}{ENDS}", "accountable_to", "subject to scrutiny by"),
    (rf"{S}\s+{AUX}(?:{BE}\s+)?(?:directly\s+)?responsible\s+to\s+{T}", "accountable_to", "responsible to"),
    (rf"{S}\s+(?:must|should|shall|will|would|are\s+required\s+to|is\s+required\s+to|has\s+to|have\s+to|need\s+to|needs\s+to|"
     rf"(?:has|have)\s+(?:a\s+)?(?:statutory\s+|legal\s+)?(?:duty|obligation|requirement)\s+to)\s+"
     rf"(?:formally\s+)?consult\s+(?:with\s+)?(?:their\s+|its\s+|the\s+)?{T}", "scrutiny", "must consult scrutiny"),
    (rf"{T}[^@;]{{0,80}}?\b(?:require|requires|required|request|requests|requested)\s+(?:the\s+)?(?:attendance|information|"
     rf"attendance\s+and\s+information|information\s+and\s+attendance|evidence|a\s+response)\s+(?:of|from)\s+(?:the\s+)?(?:relevant\s+)?{S}",
     "scrutiny", "scrutiny requires attendance of"),
    # the body scrutinised answers the scrutiny body: it considers its recommendations, or responds to it
    (rf"{S}\s+{AUX}(?:consider|considers|considered|reconsider|reconsiders|reconsidered|respond\s+to|responds\s+to|responded\s+to|"
     rf"take\s+into\s+account|takes\s+into\s+account)\s+(?:the\s+)?(?:recommendations?|comments|views|findings|concerns)\s+"
     rf"(?:of|from|made\s+by)\s+{T}{ENDS}", "scrutiny", "considers the recommendations of scrutiny"),
    (rf"{S}\s+{AUX}(?:respond|responds|responded)\s+(?:formally\s+|in\s+writing\s+)?to\s+{T}{ENDS}", "scrutiny", "responds to scrutiny"),
    # a call-in: the scrutiny body calls in a body's decision, or refers it back to that body
    (rf"{T}\s+{AUX}(?:call|calls|called|calling)[\s\-]+in\s+(?:the\s+|a\s+|this\s+)?(?:[\w\-/]+\s+){{0,3}}?decisions?\s+"
     rf"(?:taken\s+|made\s+)?(?:of|by)\s+{S}{ENDS}", "scrutiny", "scrutiny calls in a decision of"),
    (rf"{T}\s+{AUX}(?:refer|refers|referred|referring)\s+(?:the\s+|a\s+|this\s+|its\s+)?(?:decision|matter|item|issue)\s+back\s+to\s+{S}{ENDS}",
     "scrutiny", "scrutiny refers a decision back to"),
    (rf"{T}\s+{AUX}(?:scrutinise|scrutinises|scrutinised|scrutinize|scrutinizes|scrutinized)\s+(?:the\s+)?(?:work|plans|performance|"
     rf"proposals|decisions)?\s*(?:of\s+)?{S}", "scrutiny", "scrutiny scrutinises"),
    (rf"{S}[^@;:]{{0,160}}?\b(?:reports?|reporting|bring\s+back[^@;:]{{0,40}}?reports?|provides?[^@;:]{{0,20}}?(?:updates|reports|assurance))"
     rf"\s+(?:[^@;:]{{0,40}}?\s)?(?:to|into)\s+{T_AND_TO}", "reports_to", "reports to"),
    (rf"{T}\s+{AUX}(?:receive|receives|received|consider|considers|considered|noted)\s+(?:\w+\s+){{0,3}}?"
     rf"(?:reports|updates|amendments|recommendations|comments)\s+from\s+{S}", "reports_to", "receives reports from"),
    # member_of
    (rf"{S}\s+{AUX}(?:is|are|be|become|becomes|became|remain|remains|was|were)\s+(?:a\s+|all\s+|one\s+of\s+the\s+)?"
     rf"{MEMBER_KIND}(?:members?|part)\s+(?:of|in|on)\s+{T}", "member_of", "is a member of"),
    (rf"{S}\s+{AUX}(?:is|are|be|become|becomes|became|remain|remains|was|were)\s+(?:a\s+|all\s+|one\s+of\s+the\s+)?"
     rf"(?:(?:key|core|strategic|statutory|main|full|founding|principal|important|valued|close|long-standing)\s+)*partners?\s+(?:of|in|on)\s+{T}",
     "partner", "is a partner of"),
    (rf"{S}\s+{AUX}(?:forms?|formed|forming)\s+(?:a\s+|an\s+)?(?:\w+\s+)?part\s+of\s+{T}", "member_of", "forms part of"),
    (rf"^\W*{NUMBER}{S}\s+{AUX}(?:make\s+up|makes\s+up|made\s+up|together\s+form|form|forms|formed)\s+(?P<t>(?:the\s+)@\d+@){ENDS}", "member_of",
     "X and Y make up Z"),
    (rf"{S}\s+{AUX}{BE}\s+one\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){{0,3}}?(?:CCGs|councils|authorities|trusts|partners|organisations|members|"
     rf"bodies|boroughs|districts)\s+(?:in|of|on|within|that\s+(?:make|form)\s+up|making\s+up|forming)\s+{T}{ENDS}", "member_of",
     "one of the councils in"),
    (rf"{S}\s+{AUX}(?:sit|sits|be\s+represented|are\s+represented|is\s+represented|chair|chairs|chaired|co-chair|co-chairs|co-chaired)\s+(?:on\s+)?{T}", "member_of", "sits on / chairs"),
    (rf"(?:representatives?|members?|officers?|councillors?|nominees?)\s+(?:of|from)\s+{S}\s+{AUX}(?:sit|sits|serve|serves)\s+on\s+{T}",
     "member_of", "representatives of X sit on Y"),
    (rf"{S}\s+{AUX}(?:join|joins|joined|joining|(?:has\s+|have\s+)?signed\s+up\s+to)\s+{T}"
     rf"(?=\s*(?:[,.;:)]|$)|\s+(?:(?:and|as|with|on|at|from|since|which|this|last)\b|in\s+(?:\d|[A-Z])))", "join", "X joins Y"),
    (rf"(?P<t>{ONE})\s*[,(]\s*(?:which\s+is\s+|which\s+are\s+)?(?:made\s+up\s+of|comprising(?:\s+of)?|consisting\s+of|drawn\s+from)\s+"
     rf"(?:(?:representatives|members|leaders|partners|councillors|senior\s+\w+)\s+)?(?:appointed\s+by\s+|from\s+|of\s+)?{S}", "member_of",
     "Y, made up of X"),
    (rf"{T}\s+{BE}\s+(?:jointly\s+)?(?:co-)?chaired\s+(?:jointly\s+)?by\s+{S}", "member_of", "chaired by"),
    (rf"{S}\s+{AUX}(?:has|have|had|holds?|held|takes?|took|occupies)\s+(?:a|an|one|two|three|its|their)\s+(?:\w+\s+)?(?:seats?|places?)\s+"
     rf"(?:on|at)\s+{T}", "member_of", "has a seat on"),
    (rf"{S}\s+{AUX}(?:is|are|be|was|were|remains?)\s+(?:a|an|one\s+of\s+the)\s+(?:\w+\s+)?(?:member|partner)\s+(?:organisations?|bodies|body|agenc(?:y|ies))\s+"
     rf"(?:of|on|in)\s+{T}", "member_of", "a member organisation of"),
    (rf"(?P<t>{ONE})\s+(?:has|have|had|includes?|included|will\s+(?:have|include))\s+(?:\w+\s+){{0,2}}?(?:members|representatives|representation|leaders|officers|councillors)\s+"
     rf"(?:from|of)\s+(?P<s>{ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){ONE})*)", "member_of", "has members from"),
    (rf"{T}\s+{BE}\s+(?:co-)?chaired\s+by\s+(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){{1,5}}?(?:of|from|at)\s+{S}", "member_of",
     "chaired by a role of X"),
    (rf"(?P<s>{ONE})['’]s?\s+(?:[\w\-]+\s+){{1,4}}?(?:chairs|co-chairs|chaired|co-chaired|(?:sits|sat)\s+on)\s+{T}", "member_of",
     "X's role chairs Y"),
    (rf"(?P<t>{ONE})[^@;]{{0,40}}?\b(?:has|have|with|includes?|including)\s+(?:\w+\s+)?representation\s+from\s+{S}", "member_of", "representation from"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:brings|will\s+bring|brought)\s+together\s+(?P<s>[^;]*)", "member_of", "which brings together"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:which|that)\s+(?:includes|included|include|comprises|comprised|is\s+made\s+up\s+of)\s+"
     rf"(?:[a-z]+\s+){{0,3}}?(?:from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "which includes"),
    (rf"(?P<t>{ONE})(?:['’]s)?\s+{MEMBER_KIND}(?:membership|members)\s+(?:includes?|comprises?|is\s+made\s+up\s+of|are){NOT_LIMITED}\s+{NOT_AN_ACT}(?P<s>[^;]*)", "member_of", "membership includes"),
    (rf"\b(?:the\s+)?(?:membership|members)\s+of\s+{T}\s+(?:includes?|included|comprises?|comprised|consists\s+of|"
     rf"is\s+made\s+up\s+of|is\s+comprised(?:\s+of)?|is\s+drawn\s+from|are|were|(?:will|shall)\s+(?:include|comprise|consist\s+of|be\s+made\s+up\s+of|be)){NOT_LIMITED}\s*:?\s+{NOT_AN_ACT}(?P<s>[^;]*)",
     "member_of", "membership of X includes"),
    (rf"\b(?:the\s+)?(?:members|partners|representatives|organisations)\s+(?:represented\s+)?on\s+{T}\s+(?:include|included|are|were|will\s+(?:include|be))"
     rf"{NOT_LIMITED}\s*:?\s+{NOT_AN_ACT}(?P<s>[^;]*)", "member_of", "partners on X include"),
    (rf"^\W*{NUMBER}{LABEL_BEFORE}(?:both\s+)?{LIST}\s+{AUX}(?:(?:are|were|become|became|remain)\s+(?:all\s+|each\s+)?(?:the\s+)?{MEMBER_KIND}"
     rf"(?:members?|partners?)\s+(?:of|on|in)|(?:are\s+|were\s+)?(?:all\s+|each\s+|both\s+)?represented\s+on|sit\s+on)\s+{T}", "member_of", "list are members of"),
    (rf"{S}\s+{AUX}(?:nominate|nominates|nominated|appoint|appoints|appointed)\s+(?:[\w\-]+\s+){{0,4}}?"
     rf"(?:members?|representatives?|councillors?|governors?)\s+(?:to|on|onto)\s+{T}", "member_of", "appoints members to"),
    (rf"(?P<t>{ONE})[^@;]{{0,80}}?\b(?:established|set\s+up|formed|created|constituted)\s+(?:jointly\s+)?(?:by|between)\s+"
     rf"(?P<s>{ONE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){ONE})+)", "member_of", "established jointly by"),
    (rf"(?P<t>{ONE})\s+(?:comprises|comprising(?:\s+of)?|consists\s+of|is\s+(?:made\s+up|formed|composed)\s+of|brings\s+together|"
     rf"(?:will|shall|would|should|must)\s+(?:comprise|consist\s+of|be\s+(?:made\s+up|formed|composed)\s+of|bring\s+together))\s+"
     rf"(?:(?:representatives|members|leaders|partners|councillors|senior\s+\w+)\s+)?(?:appointed\s+by\s+|from\s+|of\s+)?(?P<s>[^;]*)", "member_of", "comprises"),
    (rf"(?P<t>{ONE})\s+{BE}\s+(?:a\s+|the\s+)?(?:statutory\s+)?(?:joint\s+(?:committee|board|body|forum)|partnership(?:\s+(?:board|body|forum|committee))?|alliance|collaboration|coalition)\s+"
     rf"(?:of|between)\s+(?P<s>[^;.]*)", "member_of", "is a partnership of"),
    (rf"(?P<t>{ONE})\s*[,(]\s*(?:a|an|the)\s+(?:(?:statutory|formal|standing|strategic|multi-agency|local|voluntary)\s+)*"
     rf"(?:joint\s+committee|partnership(?:\s+(?:board|body|forum|committee))?|alliance|collaboration|coalition|consortium)\s+(?:of|between)\s+{S}",
     "member_of", "Y, a partnership of X"),
    # a terms of reference's membership written on one line: "Membership of @0@: @1@; @2@; @3@."
    (rf"^\W*{NUMBER}(?:the\s+)?membership\s+(?:of|for)\s+{T}\s*:\s+(?P<s>[^.:]*)", "member_of", "membership of X: A; B"),
    (rf"(?P<t>{ONE})\s*,?\s*(?:of|on)\s+which\s+{S}\s+(?:is|are|was|were|will\s+be|has\s+been|have\s+been|becomes?|became|remains?|sits?)"
     rf"(?:\s+(?:a|an|one|all))?(?:\s+(?:full|voting|founding|statutory|key|core|permanent|standing))?(?:\s+(?:members?|partners?|part)\b|$|[,.;])",
     "member_of", "of which X is a member"),
    # reports_to: a body's sub-group reports to it
    (rf"{S}\s+(?:{BE}\s+(?:established\s+as\s+|set\s+up\s+as\s+|constituted\s+as\s+|formed\s+as\s+)?|(?:operates|acts|sits|functions)\s+as\s+)"
     rf"(?:a\s+|the\s+|one\s+of\s+(?:the\s+)?(?:\w+\s+)?)?(?:(?:formal|statutory|standing|key|main)\s+)?"
     rf"(?:sub-?groups?|sub-?committees?|sub-?boards?|working\s+groups?|workstreams?|work\s+streams?|committees?)\s+of\s+{T}",
     "reports_to", "is a sub-group of"),
    (rf"{S}\s+{AUX}{BE}\s+(?:overseen|supervised|governed)\s+by\s+{T}{ENDS}", "reports_to", "overseen by"),
    (rf"{S}\s+{AUX}(?:update|updates|updated|brief|briefs|briefed)\s+{T}{ENDS}", "update", "X updates Y"),
    # a minute's presentation: "@0@ presented an update to @1@", "@1@ received a presentation from @0@" (to a board)
    (rf"{S}\s+{AUX}(?:present|presents|presented|presenting|gave|gives|give|given|submitted|submits|submit)\s+(?:an?\s+|its\s+|their\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,3}}?(?:update|report|presentation|briefing|overview)s?\s+(?:[^@.;:]{{0,40}}?\s)?to\s+{T}{ENDS}", "update",
     "X presents an update to Y"),
    (rf"{T}\s+{AUX}(?:received|receives|receive|noted|notes|welcomed|heard)\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,3}}?"
     rf"(?:update|report|presentation|briefing|overview)\s+(?:[^@.;:]{{0,40}}?\s)?from\s+{S}{ENDS}", "update", "Y received an update from X"),
    (rf"{T}\s+{AUX}(?:oversee|oversees|oversaw)\s+(?:the\s+work\s+of\s+)?{S}{ENDS}", "reports_to", "X oversees Y"),
    (rf"{S}\s+{AUX}(?:{BE}\s+|operates\s+|sits\s+|works\s+)?under\s+the\s+(?:oversight|governance|direction)\s+of\s+{T}{ENDS}",
     "reports_to", "under the oversight of"),
    (rf"{S}\s+{AUX}(?:reports?|reporting)\s+(?:[\w\-]+\s+)?(?:through|via)\s+{T}", "reports_to", "reports through"),
    (rf"{S}\s+{AUX}(?:reports?|reporting)\s+(?:[\w\-]+\s+)?(?:through|via)\s+{ONE}\s*,?\s+(?:in)?to\s+{T}", "reports_to",
     "reports through X to Y"),
    (rf"{S}\s+{AUX}(?:feed|feeds|fed|feeding)\s+(?:directly\s+|formally\s+)?(?:in)?to\s+{T}{ENDS}", "reports_to", "feeds into"),
    (rf"(?:reports?|updates?|papers?|proposals?)\s+from\s+{S}\s+(?:[^@.;]{{0,40}}?\s)?{BE}\s+(?:brought|presented|submitted|taken)\s+"
     rf"(?:back\s+)?to\s+{T}", "reports_to", "a report from X is brought to Y"),
    (rf"(?:reports?|updates?|papers?|proposals?)\s+(?:[^@.;]{{0,40}}?\s)?{BE}\s+(?:brought|presented|submitted|taken)\s+(?:back\s+)?"
     rf"to\s+{T}\s+by\s+{S}{ENDS}", "reports_to", "a report is brought to Y by X"),
    # partners_with
    (rf"{S}\s+{AUX}(?:work|works|working|worked)\s+(?:(?:more\s+|very\s+)?closely\s+|jointly\s+|in\s+partnership\s+)?(?:together\s+)?"
     rf"(?:with|alongside)\s+(?:each\s+of\s+|all\s+of\s+)?{T}", "partners_with", "works with"),
    (rf"{S}\s+{AUX}(?:\w+\s+){{0,2}}?in\s+partnership\s+with\s+{T}", "partners_with", "in partnership with"),
    # "@0@ has been commissioned to provide the service with @1@": delivering with another body
    (rf"{S}\s+{AUX}(?:(?:has|have)\s+been\s+(?:commissioned|contracted|funded)\s+to\s+)?(?:provide|provides|provided|deliver|delivers|"
     rf"delivered|run|runs|ran)\s+(?:[^@.;]{{0,100}}?\s)?(?:services?|programmes?|projects?|schemes?|pilots?|sessions|support)\)?\s+"
     rf"(?:jointly\s+|together\s+)?(?:with|alongside)\s+{T}{ENDS}", "partners_with", "delivers services with"),
    (rf"^[^@]*?{S},?\s+(?:(?:along|together)\s+with|alongside)\s+(?:other\s+\w+,?\s+(?:such\s+as|including)\s+)?{T}", "partners_with", "along with"),
    (rf"partnership\s+between\s+{S}\s+and\s+{T}", "partners_with", "partnership between"),
    (rf"joint\s+ventures?\s+(?:company\s+)?between\s+{S}\s+and\s+{T}", "partners_with", "joint venture between"),
    (rf"{S}\s+{AUX}(?:has\s+|have\s+)?(?:formed|form|forms|set\s+up|established|entered\s+into)\s+(?:a|an)\s+(?:\w+\s+)?joint\s+venture\s+with\s+{T}",
     "partners_with", "joint venture with"),
    # pooled budgets and joint arrangements: "a Section 75 agreement with", "a memorandum of understanding between"
    (rf"(?P<s>{ONE})\s+{AUX}(?:has|have|had|signed|signs|entered\s+into|enters\s+into|agreed|holds?)\s+(?:a\s+|an\s+|the\s+)?"
     rf"(?:[\w\-]+\s+){{0,4}}?(?:agreements?|memorand(?:um|a)\s+of\s+understanding)\s+with\s+(?P<t>{ONE})", "partners_with", "agreement with"),
    (rf"(?:agreements?|memorand(?:um|a)\s+of\s+understanding)\s+between\s+(?P<s>{ONE})\s+and\s+(?P<t>{ONE})", "partners_with", "agreement between"),
    (rf"(?:collaboration|joint\s+working|partnership\s+working|joint\s+arrangements?|joint\s+commissioning|pooled\s+(?:budgets?|funds?)|"
     rf"section\s+75\s+(?:agreements?|arrangements?)|shared\s+services?|joint\s+(?:posts?|teams?|committees?|funds?|budgets?))\s+between\s+{S}\s+and\s+{T}",
     "partners_with", "joint working between"),
    (rf"(?P<s>{ONE})(?:['’]s)?\s+(?:key\s+|main\s+|strategic\s+)?(?:interdependencies|interfaces|links)\s+(?:include|includes|are|with)\s+(?P<t>[^;]*)",
     "partners_with", "X's links include"),
    (rf"(?P<s>{ONE})['’]s?\s+(?:(?:key|main|strategic|statutory|local|system|delivery|other)\s+)*partners\s+(?:include|includes|included|are|were)"
     rf"{NOT_LIMITED}\s*:?\s+{NOT_AN_ACT}(?P<t>[^;]*)", "partners_with", "X's partners include"),
    (rf"{S}\s+{AUX}(?:has|have)\s+(?:\w+\s+){{0,2}}?(?:interdependencies|interfaces|links)\s+with\s+(?P<t>[^;]*)", "partners_with",
     "X has links with"),
    (rf"(?:interdependencies|interfaces|links)\s+(?:of|for)\s+{S}\s+(?:include|includes|are)\s*:?\s+(?P<t>[^;]*)", "partners_with", "the links of X include"),
    # replaces
    (rf"{S}\s+{AUX}(?:replace|replaces|replaced|supersede|supersedes|take\s+the\s+place\s+of|takes\s+the\s+place\s+of|takes\s+over\s+from)\s+{T}", "replaces", "X replaces Y"),
    (rf"{T}\s+{BE}\s+(?:replaced|superseded)\s+by\s+{S}", "replaces", "replaced by"),
    (rf"{S}\s+{AUX}(?:took|takes|take|taken|taking|assumed|assumes|assume|inherited|inherits|inherit)\s+(?:over\s+|on\s+)?"
     rf"(?:all\s+|most\s+)?(?:of\s+)?(?:the\s+)?(?:statutory\s+|commissioning\s+|former\s+)?(?:functions|responsibilities|duties|role|roles|powers)\s+of\s+{T}",
     "replaces", "takes over the functions of"),
    (rf"{S}\s+{AUX}(?:succeeded|succeeds|succeed)\s+{T}{ENDS}", "replaces", "X succeeds Y"),
    (rf"(?P<s>{ONE})\s*[,(]\s*(?:formerly|previously)\s+(?:known\s+as\s+|called\s+)?(?P<t>{ONE})", "replaces", "X (formerly Y)"),
    (rf"(?P<t>{ONE})\s*[,(]\s*(?:now|now\s+known\s+as|which\s+(?:became|has\s+become|is\s+now))\s+(?P<s>{ONE})", "replaces", "Y (now X)"),
    (rf"(?P<s>{ONE})\s*,?\s*(?:which|that)\s+(?:replaced|replaces|will\s+replace|superseded|supersedes|succeeded)\s+{T}", "replaces",
     "X, which replaced Y"),
    (rf"{S}\s+{AUX}{BE}\s+(?:the\s+)?(?:legal\s+|statutory\s+)?successor\s+(?:body\s+|organisation\s+)?(?:to|of)\s+{T}", "replaces",
     "the successor to"),
    (rf"{T}\s+{BE}\s+(?:abolished|dissolved|disbanded|closed|stood\s+down|wound\s+up)\s+(?:[^@.;]{{0,40}}?\s)?(?:and\s+)?(?:{BE}\s+)?(?:replaced|succeeded)\s+by\s+{S}",
     "replaces", "abolished and replaced by"),
    (rf"{T}\s+{AUX}(?:merged|merge|merges|merging)\s+(?:together\s+)?(?:to\s+(?:form|create|become)|into)\s+{S}", "replaces", "Y merge to form X"),
    (rf"{S}\s+{AUX}{BE}\s+(?:formed|created|established)\s+(?:from|by|through|following)\s+(?:the\s+)?(?:merger|merging|amalgamation)\s+"
     rf"(?:of\s+)?{T}", "replaces", "formed from the merger of"),
    # provides_to
    (rf"{S}[^@.;]{{0,60}}?\b(?:helped|helps|help)\s+{T}", "provides_to", "helps"),
    (rf"(?:delivered|provided|run)\s+by\s+{S}\s+on\s+behalf\s+of\s+{T}", "provides_to", "delivered by X on behalf of Y"),
    (rf"{S}\s*,\s*(?:acting\s+)?on\s+behalf\s+of\s+{T}\s*,\s*{AUX}(?:deliver|delivers|delivered|provide|provides|provided|run|runs|ran|"
     rf"offer|offers|offered)\b", "provides_to", "X, on behalf of Y, delivers"),
    (rf"{S}\s*(?:,\s*(?:which|who|that)\s+)?{AUX}(?:deliver|delivers|delivered|provide|provides|provided|run|runs)\s+[^@.;]{{0,80}}?on\s+behalf\s+of\s+{T}",
     "provides_to", "X delivers on behalf of Y"),
]
COMPILED = [(re.compile(p, re.I), relation, rule) for p, relation, rule in PATTERNS]
AT_BODY = [p.startswith(("(?P<s>", "(?P<t>", r"\(?(?P<t>")) for p, _, _ in PATTERNS]
"""The patterns that open with a body, so a match can only start where a body (or a
determiner before it) does: tried there alone, they run several times faster."""
BODY_STARTS = re.compile(rf"(?<![\w@]){DET}@\d+@", re.I)


def matches(regex: re.Pattern, at_body: bool, text: str, starts: list[int]):
    """regex.finditer(text), trying a pattern that opens with a body only at `starts`."""
    if not at_body:
        yield from regex.finditer(text)
        return
    end = 0
    for start in starts:
        if start >= end:
            m = regex.match(text, start)
            if m:
                end = max(m.end(), start + 1)
                yield m


def body_starts(text: str) -> list[int]:
    """Every offset where a body's phrase may open: each placeholder and each determiner
    before it ('both the @0@')."""
    out = set()
    for m in BODY_STARTS.finditer(text):
        out.add(m.start())
        for word in re.finditer(r"\S+\s+", text[m.start():m.end()]):
            out.add(m.start() + word.start())
        out.add(m.end() - len(m.group(0).split()[-1]))
    return sorted(out)
