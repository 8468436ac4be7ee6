"""The constructions decisions are stated in: the verbs, list marks, cue patterns and the words
that tell a rule, an undertaking or a form field from a decision (extractors/decisions.py uses them).

Each cue pattern has trigger words (TRIGGERS): it is tried only on a sentence holding one, since
Python's regular expressions try every alternative at every position of a sentence.
"""
from __future__ import annotations

import re

from extractors.cues import IMPERATIVE

# Verbs a body is asked to, or resolves to, do: an item opening with one is a real item.
VERBS = IMPERATIVE | set("""acknowledge add allocate allow amend ask authorise authorize award decide decline defer
determine direct discuss elect express give grant instruct invite keep make nominate postpone ratify reaffirm refer
reject release remove request require resolve retain select sign take thank transfer vary welcome withdraw""".split())

# 'a)', '(ii)', 'B.', '1)', '2.1', '•' and 'and B.' (the last item of a run-on list).
MARKER = re.compile(r"^\s*(?:(?:and|or)\s+)?(?:\(?(?:[0-9]{1,2}|[A-Za-z]|[ivx]{2,4})[.)](?:[0-9]{1,2}\.?)*|[•●▪◦\-–])\s*")
ASK_VERB = r"(?:asked|invited|requested|recommended)\s+(?:to|that)\b"
# '(seeks) Cabinet's approval', '(seeks) the agreement of the Board', '(to seek) approval'
SOUGHT = r"(?:(?:the\s+)?[\w-]+['’]s\s+|[A-Z][\w-]*\s+)?(?:approval|agreement|endorsement|sign[- ]off|a\s+decision)"
ASKED_BODY = r"(?:Board|Committee|Sub-Committee|Cabinet|Council|Members|Panel|Executive|Group|Forum)"
ASK = re.compile(rf"\b(?:is|are)\s+(?:therefore\s+|also\s+|now\s+|being\s+)?{ASK_VERB}|\bIt\s+is\s+recommended\s+that\b|"
                 r"\b(?:report|paper|officers?)\s+recommends?\s+that\b|"
                 rf"\b{ASKED_BODY}\s+(?:therefore\s+|also\s+)?recommends\s+(?:to\s+(?:the\s+)?[A-Z][\w-]*\s+)?that\b|"
                 r"\b(?:views|comments|feedback|input)\s+(?:of\s+(?:the\s+)?[A-Z][\w-]*\s+)?(?:is|are)\s+"
                 r"(?:therefore\s+|being\s+)?sought\b|"
                 # 'we encourage input from all our stakeholders, ... including scrutiny committees': feedback asked for
                 r"\b(?:we|I)\s+(?:would\s+)?(?:encourage|welcome|invite)\s+(?:input|views|comments|feedback)\s+from\b|"
                 r"\b(?:is|are)\s+(?:also\s+)?(?:asked|invited)\s+(?:for|to\s+(?:give|provide|offer|share))\s+(?:its|their)\s+"
                 r"(?:views|comments|feedback)\b|"
                 rf"\b(?:report|paper)\s+(?:therefore\s+)?(?:seeks?\s+{SOUGHT}|asks?\s+(?:the\s+)?{ASKED_BODY}\s+to)\b|"
                 rf"\b(?:is|and)\s+to\s+seek\s+{SOUGHT}\b|"      # 'The purpose of this report is to seek approval'
                 r"\b(?:approval|agreement|endorsement|a\s+decision)\s+is\s+(?:therefore\s+|being\s+)?sought\b|"

                 r"^(?:Recommendations?(?:\s*\(s\))?(?:\s+(?:\d{1,2}|[A-Z]|\(?[a-z0-9]{1,3}\)))?|Decisions?\s+(?:required|sought)|"
                 r"Actions?\s+required)\s*[:\-–]\s*(?=\S)|"
                 r"^\W*(?:It\s+was\s+)?(?-i:RECOMMENDED)\b",
                 re.I)
# A heading (or lead-in) under which the items are asks or resolutions: '2. Recommendations', 'Action required', 'RESOLVED'.
ASK_HEADING = re.compile(r"^\W*(?:[0-9.]+\s*)?(?:(?:recommendations?(?:\s*\(s\))?|recommended\s+(?:actions?|decisions?)|"
                         r"resolved|resolutions?|decisions?(?:\s+(?:taken|made))?)\W*$|"
                         r"(?:specific\s+)?(?:actions?|decisions?)\s+(?:required|sought|requested)\b|"
                         rf".*\b{ASK_VERB}[^:]*:\W*$)", re.I)
# A minute's lead-in that is only the body, its items what it did: 'The Committee:', 'Cabinet unanimously:'.
BODY_LEAD = re.compile(r"^\W*(?:The\s+)?(?:[A-Z][\w&'’-]*\s+){0,6}?(?:Board|Committee|Sub-Committee|Cabinet|Council|Panel|"
                       r"Members|Group|Forum|Executive|Partnership)(?:\s+(?:therefore|then|unanimously))?\s*:\s*$")
# A lead-in that ends in its verb, its items the verb's objects: 'The Board is asked to approve the following:'.
OBJECT_LEAD = re.compile(r"\b(?:%s)(?:\s+(?:the\s+following|as\s+follows))?\s*:\s*$" % "|".join(sorted(VERBS)), re.I)
THAT_ITEM = re.compile(r"^That\s+(?!is\b|was\b|this\b|these\b|said\b)", re.I)
THAT_VERB = re.compile(r"\b(?P<indicative>will|would|is|are|was|were|has|have|had|did|can|could|may|might)\b|"
                       r"\b(?:be|should|shall|must)\b|\b(?:%s)(?:s|es|d|ed)?\b" % "|".join(sorted(VERBS)))
# A minute's own resolution, dated by its meeting: 'RESOLVED that ...', 'It was agreed ...', 'AGREED: ...'.
FORMAL = re.compile(
    r"\bRESOLVED\b|^(?:It\s+was\s+)?(?:unanimously\s+)?[Rr]esolved\b|"
    r"\b(?:AGREED|APPROVED|NOTED|ENDORSED|DECIDED|RATIFIED|SUPPORTED|ACCEPTED|DEFERRED|REJECTED|CARRIED(?!\s+(?i:forward)))\b|"
    r"\bIt\s+was\s+(?:unanimously\s+|also\s+|further\s+)?(?:agreed|decided)\b|\bAll\s+(?:\w+\s+){0,3}?agreed\b|"
    r"\b(?:agreed|approved|signed|confirmed|accepted)\b[^.;]{0,40}?\bas\s+(?:an?\s+)?(?:true|correct|accurate)\b|"
    r"^(?:Decisions?|DECISIONS?|Agreed|Resolved|Resolutions?|RESOLUTIONS?)(?:\s+(?:taken|made))?\s*[:\-–]\s*(?=\S)|"
    r"^Agreed\s+(?:that|to)\b|"
    # a one-word verdict closing a minute's item: 'DM/2019/0042 – Rear extension, Mill Cottage. Approved.'
    r"[.;:–—]\s+(?:Approved|Refused|Rejected|Agreed|Deferred)\.?\s*$|"
    # 'There was a consensus that ...', 'The consensus was to ...', 'There was general agreement that ...'
    r"\b[Tt]here\s+was\s+(?:a\s+|an\s+|the\s+)?(?:general\s+|broad\s+|unanimous\s+|clear\s+)?(?:discussion\s+and\s+)?"
    r"(?:consensus|agreement)\s+(?:that|to|on)\b|\b[Tt]he\s+(?:general\s+)?consensus\s+was\s+(?:that|to)\b|"
    r"\bI\b(?:(?:,[^,.;]{1,80}){1,3},)?\s+(?:hereby\s+)?(?:agree|approve|have\s+decided|decide)\b")
RESOLUTION = re.compile(
    FORMAL.pattern + r"|\b(?:[Cc]ommittee|Board|Cabinet|Executive|Group|Forum|Partnership|Body|Members|members|[Cc]ouncillors|"
    r"[Pp]anel|[Mm]eeting)\s+(?:unanimously\s+|also\s+)?"
    r"(?:resolved|resolves|agreed|decided|deferred|rejected|declined\s+to|voted\s+(?:to|in\s+favour|against)|endorsed|"
    # a minute in the present tense: 'The Committee notes the report and agrees to ...'
    r"(?:notes|agrees|approves|endorses|decides|delegates|ratifies)\s+(?:to|that|the|a|an|its|this|these)(?=\s)|"
    r"supported\s+the|"
    r"(?:requested|recommended)\s+(?:to\s+(?:the\s+)?[A-Z][\w-]*\s+)?that|"
    r"(?:(?:received|considered|discussed)\s+and\s+)?noted\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:report|update|progress|contents|position|information|paper|presentation|briefing)|"
    r"accepted\s+(?:the\s+|all\s+|its\s+)?(?:\w+\s+)?(?:recommendations?|proposals?|report|findings|offer)|"
    r"(?:was|were)\s+content\s+to\s+(?:note|approve|agree|endorse|support|accept|proceed)|"
    r"delegated\s+(?:authority|responsibility|powers?)\s+to|did\s+not\s+(?:support|agree|approve|endorse|accept)|"
    r"preferred\s+(?:option|the\s+(?:\w+\s+)?option)|expressed\s+(?:a|its|their)\s+(?:clear\s+)?preference\s+for|"
    r"(?:took|received|gained)\s+(?:\w+\s+)?assurance\b|"
    r"(?:gave|confirmed|reaffirmed)\s+(?:its|their)\s+(?:full\s+|formal\s+|unanimous\s+)?"
    r"(?:support|approval|agreement|endorsement))\b")
TAKEN = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:subsequently\s+|formally\s+|already\s+|"
    r"unanimously\s+|previously\s+)?(?:(?:considered|discussed|reviewed|scrutinised|moved|proposed|seconded)(?:,\s*|\s+and\s+))*"
    r"(?:agreed|approved|endorsed|ratified|adopted|signed\s+off|given\s+approval|rejected)\b|"
    # 'teams have developed and agreed the actions': a body's own agreement, after the work that led to it
    r"\b(?:has|have|had)\s+(?:both\s+|already\s+|now\s+|also\s+|formally\s+|previously\s+)?"
    r"(?:(?:developed|drafted|prepared|considered|reviewed|discussed)\s+and\s+)?"
    r"(?:agreed|approved|endorsed|decided|resolved|signed\s+off|adopted|ratified)\b|"
    r"\b(?:agreed|approved|endorsed|decided|ratified)\s+(?:to|that|a|an|the|this|these|its|their)\b|"
    r"\b(?:both|all|jointly)\s+agree\s+to\b|\bIt\s+(?:is|has\s+been)\s+agreed\b|"
    r"\bnot\s+(?:taken|carried|progressed)\s+forward\b|"
    # a town council's 'Proposed by Cllr A, seconded by Cllr B and agreed unanimously'
    r"\bseconded(?:\s+by\s+[^.;]{1,60}?)?,?\s+(?:and\s+)?(?:was\s+)?(?:unanimously\s+)?(?:agreed|approved|resolved|carried|"
    r"accepted|RESOLVED|AGREED|CARRIED)\b|"
    # a parish council's motion: 'Cllr A proposed & Cllr B seconded that the Council pay the fee'
    r"\bproposed\s+(?:and|&)\s+(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'’-]*\s+seconded\s+that\b|"
    # a determination: 'Planning permission was granted', 'The appeal was dismissed'
    r"\b(?:application|permission|consent|licence|appeal|bid)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:granted|refused|dismissed|upheld|allowed)\b|"
    # a minute's 'The report was noted.', 'The item was deferred to the next meeting', 'Approval was given to ...'
    r"\b(?:[Rr]eport|[Uu]pdate|[Pp]aper|[Cc]ontents|[Pp]resentation|[Bb]riefing|[Ii]tem|[Mm]inutes)\s+(?:was|were)\s+"
    r"(?:duly\s+|formally\s+)?"
    r"(?:received\s+and\s+)?(?:noted|deferred|withdrawn)\b|\b(?:was|were)\s+deferred\s+(?:to|until|for)\b|"
    r"\b(?:[Aa]pproval|[Aa]greement|[Ee]ndorsement)\s+(?:was|were|has\s+been|had\s+been)\s+(?:formally\s+)?"
    r"(?:given|granted)\b|"
    r"\bgave\s+(?:its\s+|their\s+)?(?:formal\s+|full\s+)?(?:approval|agreement|endorsement)\s+(?:to|for)\b|"
    r"\bdecision\b[^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been)\s+(?:made|taken)\b|"
    r"\b(?:made|took)\s+(?:a|the)\s+(?:key\s+|final\s+)?decision\b|['’]s\s+decision\s+to\b|"
    r"\b(?:motion|amendment|proposal|recommendations?)\s+(?:was|were)\s+(?:carried|lost|defeated)\b|"
    r"\b(?:[Ff]ollowing|[Aa]fter|[Ww]ith)\s+(?:the\s+)?(?:approval|agreement|endorsement)\s+(?:of|by)\b|"
    r"\b(?:agreed|approved|endorsed|ratified|adopted)\s+(?:(?:by|at)\s+(?:the\s+|[Ff]ull\s+|its\s+)?[A-Z]|as\s+part\s+of\b)")
FOR_DECISION = r"for\s+(?:a\s+)?(?:final\s+)?(?:decisions?|approval|agreement|endorsement|ratification|sign[- ]off)"
PENDING = re.compile(
    r"\b(?:will|shall|would|is\s+to|are\s+to)\s+(?:then\s+|now\s+|formally\s+|first\s+|need\s+to\s+)?"
    r"(?:decide|vote|determine\s+whether)\b|\bdecide\s+(?:whether|which|who|how|on)\b|\bvotes?\s+(?:on|whether)\b|"
    r"\bmakes?\s+(?:a\s+|the\s+|their\s+|its\s+)?(?:final\s+)?decision\b(?!s)|"
    r"\b(?:will|would|is|are)\s+(?:first\s+|then\s+|now\s+|due\s+|expected\s+|scheduled\s+)?(?:to\s+)?be\s+"
    r"(?:(?:asked|invited|requested|recommended)\s+to\s+(?:decide|approve|agree|endorse|"
    r"consider|ratify|adopt|confirm)|(?:re)?considered\s+(?:by|at)\b)|"
    rf"\b(?:to|will|would)\s+(?:then\s+|now\s+)?(?:be\s+(?:presented|submitted|taken|brought|reported|referred)|come|go)"
    rf"(?:\s+back)?\s+to\b[^.;]*?\b{FOR_DECISION}\b|"
    r"\bwill\s+(?:then\s+)?(?:take|make)\s+(?:a|the|this|its|their)\s+(?:final\s+|key\s+)?decision\b|"
    r"\bdecision\b(?:\s+(?:on|about|whether)\b[^.;]{0,80}?)?\s+(?:will|is\s+(?:expected|due)\s+to)\s+be\s+(?:made|taken)\s+"
    r"(?:by|at|in|on)\s+(?:the\s+)?(?-i:[A-Z0-9])|"
    r"\b(?:expected|due|scheduled|planned)\s+to\s+be\s+(?:agreed|approved|signed\s+off|ratified|decided|considered)\b|"
    r"\bwill\s+(?:then\s+|formally\s+)?consider\b[^.;]*\bat\s+(?:its|their|the)\s+(?:next\s+)?meeting\b|"
    r"\bdecisions?\s+(?:(?:on|about|regarding|whether)\b[^.;]{0,60}?\s+)?(?:is|was|are|were)\s+(?:still\s+)?"
    r"(?:expected|awaited|due|pending|required|needed|yet\s+to\s+be)\b|"
    r"\b(?:final|formal)\s+decisions?\b[^.;]{0,60}?\b(?:will|is\s+(?:expected|due)\s+to)\s+be\s+(?:made|taken)\b|"
    r"\b(?:approval|agreement|endorsement|sign[- ]off)\s+(?:will|is\s+to)\s+(?:then\s+|now\s+)?be\s+sought\b|"
    r"\bawaiting\s+(?:a|the)\s+decision\b|"
    # 'The ask of Government was ..., to which a response was yet to be received', 'The outcome of the bid is awaited'
    r"\b(?:response|reply|outcome|ruling|determination)\s+(?:(?:from|of|on)\s+[^.;]{1,40}?\s+)?(?:is|was|are|were|remains?)\s+(?:still\s+)?"
    r"(?:awaited|pending|yet\s+to\s+be\s+(?:received|given|confirmed|made|announced))\b|"
    # 'Should Cabinet confirm the decision, it will be further reviewed by full Council'
    r"\bdecision\b[^.;]*?\b(?:will|is\s+to)\s+be\s+(?:further\s+|then\s+)?(?:reviewed|reconsidered|scrutinised)\s+"
    r"(?:by|at)\s+(?:the\s+|full\s+)?(?-i:[A-Z])|"
    # 'Should the work require a further decision, ...': a decision the paper says is still to come
    r"\brequir(?:e|es|ing)\s+(?:a\s+|any\s+)?(?:further|additional|separate|new|formal)\s+(?:key\s+)?decisions?\b|\byet\s+to\s+be\s+(?:agreed|approved|decided|signed\s+off|determined)\b|"
    r"\bsubject\s+to\s+(?:\w+\s+){0,3}?(?:approval|agreement|ratification|sign[- ]off)\b|"
    rf"\b{FOR_DECISION}\s+(?:at|by|in|on)\b|"
    r"\bwill\s+need\s+to\s+be\s+(?:\w+,\s+)*(?:\w+\s+and\s+)?(?:agreed|approved|decided|signed\s+off)\b|"
    r"\b(?:must|needs?\s+to)\s+(?:decide|agree|determine|choose)\s+(?:which|whether|who|how)\b|"
    r"\b(?:once|until|after)\s+[^,.;]*\b(?:have|has)\s+(?:agreed|approved|decided)\b|"
    # '... endorsed at the Committee on 21 January prior to decision by Cabinet on 30 January'
    r"\b(?:prior\s+to|ahead\s+of|pending)\s+(?:a\s+|the\s+|its\s+)?(?:final\s+|formal\s+)?decision\s+(?:by|at)\s+(?:the\s+|full\s+)?"
    r"(?-i:[A-Z])|"
    r"\b(?:still|currently)\s+(?:under|open\s+to)\s+consideration\b|\bunder\s+consideration\s+(?:at\s+the\s+moment|at\s+present)\b|"
    r"\b(?:expected|due|scheduled)\s+to\s+(?:decide|approve|agree|vote)\b|"
    # 'If approved, the new service will launch', 'X would be in a position to adopt it': an approval still to come
    r"^\W*(?:[^:]{3,30}:\s*)?(?:if|once)\s+(?:approved|agreed|endorsed|ratified|adopted)\s*,|"
    r"\bwould\s+(?:then\s+)?be\s+in\s+a\s+position\s+to\s+(?:adopt|approve|agree|decide|endorse|ratify)\b|"
    rf"\b(?:will|would|shall)\s+(?:then\s+|now\s+|formally\s+)?(?:seek|be\s+seeking)\s+{SOUGHT}\b", re.I)
# Every word at least one alternative of each pattern needs: a sentence with none cannot match it.
TRIGGERS = {cue: set(words.split()) for cue, words in {
    "ask": "asked invited requested recommended recommendation recommendations recommends recommend seeks seek "
           "asks required sought views input comments feedback",
    "resolution": "resolved resolves agreed decided deferred rejected declined voted endorsed noted approved signed confirmed "
                  "accepted requested recommended supported decision decisions resolution resolutions agree approve decide "
                  "consensus agreement content delegated support gave reaffirmed preferred preference ratified carried "
                  "deferred assurance notes agrees approves endorses decides delegates ratifies refused",
    "pending": "decide vote votes determine decision asked considered reconsidered approval agreement endorsement "
               "ratification sign decisions agreed approved decided signed ratified determined choose agree consider "
               "consideration approve seek seeking endorsed adopted adopt endorse ratify sought awaited pending yet",
    "taken": "agreed approved endorsed ratified adopted signed approval rejected decided resolved agree forward "
             "decision carried lost defeated agreement endorsement noted deferred withdrawn granted refused dismissed "
             "upheld allowed seconded"}.items()}
WORD = re.compile(r"[a-z]+")
# What bodies may, can or have the power to decide is a rule, not a decision.
RULE = re.compile(r"\b(?:may|can|could|might|cannot)\s+(?:\w+ly\s+|also\s+|still\s+)?$|"
                  r"\b(?:power|powers|right|duty|duties|able|entitled)\s+to\s+$", re.I)
# 'Mr Smith agreed to write to ...', 'RK agreed to take this forward': a person's undertaking.
PERSON = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame)\.?\s+[A-Z][\w'’-]*"
                    r"(?:\s+[A-Z][\w'’-]*)?|\b(?:Chair(?:man|person)?|Vice-Chair(?:man)?|Clerk|[Oo]fficers?)|"
                    r"\b[A-Z]{2,3})\s+(?:had\s+|has\s+|also\s+|then\s+)?$")
DANGLING = re.compile(r"\b(?:that|to|the|of|a|an|for|by|with)\s*$", re.I)
# '85% of respondents agreed that ...': a survey's finding, not a body's decision.
OPINION = re.compile(r"\b(?:respondents?|participants?|people|residents|patients|carers|parents|users|public|"
                     r"\d+\s?%|per\s?cent)\b[^.;]{0,40}$", re.I)
# 'Key decision: No', 'Action required: For approval', 'Purpose: Decision / Information': a cover sheet's field.
PURPOSE = r"(?:for\s+)?(?:approval|decision|information|noting|discussion|assurance|endorsement|ratification|agreement)"
FORM_FIELD = re.compile(rf":\s*(?:None|N/?A|Yes|No|Nil|{PURPOSE}(?:\s*(?:/|,|and|or)\s*{PURPOSE})*)\W*$", re.I)
NEGATED = re.compile(r"\b(?:[Nn]o|not)\s+(?:\w+\s+)?$")     # 'No decision is required'
STATUTE = re.compile(r"\b[Rr]egulations?\s+\d|\b(?:19|20)\d\d\s+[Rr]egulations\b|\bAct\s+(?:19|20)\d\d\b")
CONTINUES = re.compile(r"^(?:and|or)\s+(?:that\s+|to\s+)?\S", re.I)
ANAPHOR = re.compile(r"^(?:This|These|It|They|Both)\s+(?:was|were|has\s+been|have\s+been)\s+"
                     r"(?:subsequently\s+|formally\s+)?(?:agreed|approved|endorsed|ratified|adopted)\b(?!\s+(?:that|to)\b)|"
                     r"^All\s+(?:\w+\s+){0,2}?agreed\W*$")
# A verb of decision in the active voice with its object after it: its subject, not a body named later, decided.
ACTIVE_TAKEN = re.compile(r"\b(?:agreed|approved|endorsed|decided|ratified)\s+(?:to|that|a|an|the|this|these|its|their)$")
AGENT = re.compile(r"\b(?:by|from|at|(?:approval|agreement|endorsement|decision)\s+of)\s+(?:the\s+)?")
PUT_TO = re.compile(r"\b(?:presented|submitted|taken|brought|reported|referred|come\s+back)\s+to\s+(?:the\s+)?")
# A deciding body named by its head noun: 'Cabinet', 'the Scrutiny Committee', 'Government', 'Members'.
HEADS = r"(?:Cabinet|Executive|Council|Authority|Committee|Sub-Committee|Board|Panel|Government|Court|Partnership|Forum)"
BODY_NAME = re.compile(rf"\b(?:[A-Z][\w’'&-]*\s+(?:(?:and|&|of|for)\s+)?)*{HEADS}\b"
                       r"(?!\s+(?:[Mm]embers?|Chair|Chairman|Lead|[Rr]eport|[Mm]eeting|Director|Officer|Manager|Secretary|Assistant)\b)|"
                       r"\b[Mm]embers\b")
QUALIFIED_COUNCIL = re.compile(r"\b((?:County|City|Borough|District|Town|Parish)\s+Council)\b")
# A resolution cue opening with its subject's head noun: 'Board supported the', 'Committee resolved'.
BARE_BODY = re.compile(r"(?:[Cc]ommittee|Board|Cabinet|Executive|Group|Forum|Partnership|Body|[Pp]anel)\s")
# A minutes' title line, and the body it names: 'Minutes of the Digital Suppliers Subgroup', 'MINUTES OF
# THE QUALITY COMMITTEE MEETING held on ...'.
MINUTES_OF = re.compile(r"^\W*minutes\s+of\s+(?:the\s+|a\s+)?(?:(?:meeting|proceedings)\s+of\s+(?:the\s+)?)?"
                        r"(?P<body>[A-Za-z0-9][\w&,'’ -]{2,80}?)(?:\s+(?:meeting|held|on|at)\b|\s*[-–(]|\s*$)", re.I)
# The attendance list that follows a minutes' heading: 'Present:', 'PRESENT', 'Members present:'.
PRESENT = re.compile(r"^(?:members\s+)?present\b", re.I)
# A title that names no meeting of its own: 'Minutes of the above Council', 'Minutes of a meeting'.
NO_MEETING_NAME = re.compile(r"(?:(?:the\s+)?above\s+\w+|a|the|meeting|[A-Z][a-z]+\s+\d.*)", re.I)
# A body named by its head noun just before a decision's verb: its subject ('The Board ', 'Cabinet ').
SUBJECT_BODY = re.compile(rf"\b(?:{HEADS}|[Mm]embers)\s*$")
COUNCIL_PARTS = {"Cabinet", "Executive", "Committee", "Sub-Committee", "Panel"}   # a council's own, named after it

PATTERNS = {"ask": ASK, "resolution": RESOLUTION, "pending": PENDING, "taken": TAKEN}
