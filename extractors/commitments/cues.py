"""The words with which board papers promise, and those that look like promises but are not.

Shared by the stages of extractors/commitments.py: `CUE` finds a promise construction
(its named group says which form), the sets below let `classify` tell a promise from a
consequence, a risk, a state or a forecast, and `fill` read modality and the deadline.
"""
from __future__ import annotations

import re

ADV = r"(?:(?:also|now|then|still|further|fully|deeply|currently|actively|jointly|always|therefore|again|not|" \
      r"continue\s+to|[a-z]+ly)\s+)*"
# Not 'keen': 'we will be keen to ensure' is a stance, as 'happy to' is.
# A prefix with its hyphen, as in 're-tendered', 'co-produced', 're-commissioned'.
PARTICIPLE = r"(?:(?!keen\b)(?:(?:re|co|pre|de|non|sub|over|under)-)?[a-z]+(?:ed|en|wn|ght)|set|put|run|met|kept|sent|spent|meant|built|led|paid|held|told|made|done|" \
             r"brought|sought|taught|won|begun|undergone)"
# 'The Council is to publish ...', 'Officers are due to report ...': a plan announced, as firm as 'will'.
IS_TO = r"(?:is|are)\s+(?:(?:also|now|then|therefore|still)\s+)?(?:due\s+)?to"
CUE = re.compile(
    rf"\b(?P<modal>will|shall|must|would|should|could|may|might|{IS_TO})\s+{ADV}"
    rf"(?:be\s+{ADV}(?P<passive>{PARTICIPLE})\b|(?P<verb>[a-z]+))"
    rf"|\b(?P<stance>(?:is|are|am|was|were|remains?|remained)\s+{ADV}committed\s+to|commit(?:s|ted)?\s+to|"
    rf"undert(?:akes?|ook)\s+to|(?:offer(?:s|ed)|volunteer(?:s|ed))\s+to(?=\s+(?!(?:the|a|an|all|our|their|its|his|her|"
    rf"them|us|those|these|each|every|any|people|residents|families|patients)\b)[a-z]+\b)|offered(?=\s+(?:(?:the|a|an|its|their|his|her|our|some|further)\s|[A-Z][\w-]*\b))|(?:has|have|had)\s+{ADV}(?:undertaken|pledged|promised)\s+to|pledge[sd]?\s+to|promis(?:e[sd]?|ing)\s+to|"
    rf"(?:has|have|had)\s+{ADV}promised(?=\s+(?:the|a|an|its|their|our|further|new|additional|[a-z]+s)\b)|"
    # 'The Deal commits Exampleshire's councils to draw up a joint plan': an agreement binding a body named after it.
    rf"commits\s+(?P<bound>(?:[\w’'-]+\s+){{1,5}}?)to(?=\s+[a-z]+\b)|"
    rf"(?:(?:has|have|had)\s+{ADV})?(?:made|makes?|gave|give[sn]?)\s+(?:a\s+|an\s+)?(?:[a-z]+\s+)?(?:commitment|undertaking|pledge)\s+to|"
    rf"(?:has|have)\s+{ADV}signed\s+up\s+to|"
    rf"(?:has|have|had)\s+{ADV}(?:committed|agreed)\s+to|(?:has|have)\s+{ADV}committed\s+(?:a\s+further\s+|an\s+additional\s+)?"
    rf"£\s?[\d.,]+\s?(?:m|k|bn|million|billion)?\s+(?:of\s+[a-z]+\s+)?(?:to|towards|for)|agree[sd]?\s+to|need\s+to|(?:is|are|am)\s+required\s+to)\b"
    rf"|\b(?P<intent>(?:propos|intend|aim|plan|seek|hope|endeavour|want)(?:s|es|ed|d|ned)?\s+to|"
    rf"(?:is|are|am|was|were)\s+{ADV}(?:keen|happy|willing|hoping|planning|proposing|intending|aiming|seeking|"
    rf"going|determined)\s+to|(?:is|are)\s+{ADV}expected\s+to)\b"
    rf"|\b(?P<progressive>(?:is|are|am)\s+{ADV}(?!being\b|going\b)[a-z]+ing|in\s+the\s+process\s+of\s+[a-z]+ing|"
    rf"(?:has|have)\s+{ADV}(?:started|begun)\s+work)\b"
    rf"|\b(?P<underway>(?:is|are)\s+{ADV}(?:being\s+{ADV}(?P<ongoing>{PARTICIPLE})|(?:in|under)\s+development|proposed|planned|scheduled|programmed|timetabled|"
    rf"(?P<afoot>underway|under\s+way|in\s+progress)))\b"
    rf"|(?P<impersonal>\b[Ii]t\s+(?:is|was|has\s+been)\s+{ADV}(?:proposed|intended|planned|agreed)\s+(?:to|that)|"
    rf"\b[Tt]he\s+proposal\s+is\s+to|\b[Pp]lans\s+(?:are|have\s+been\s+put)\s+(?:now\s+)?in\s+place\s+to|"
    rf"(?P<steps>(?:\b[Tt]he\s+|^)[Nn]ext\s+steps\s+(?:will\s+)?(?:include|are|involve)))\b"
    rf"|(?P<noun>(?:\b[Oo]ur|['’]s|^[Aa]|\bwith\s+(?:the|a|its|their))\s+(?:[a-z]+\s+)?commitments?\s+to)\b"
    rf"|(?P<aim>(?:\b[Oo]ur|['’]s)\s+(?:[a-z]+\s+)?(?:vision|aims?|ambitions?|mission|goals?|intentions?|"
    rf"priorit(?:y|ies)|objectives?|plans?|deadlines?|targets?)(?:\s+for\s+[\w/-]+)?\s+(?:is|are|remains?)\s+(?:to|for(?=\s+(?:[\w-]+\s+){{1,4}}to\s+[a-z])|that(?=\s+we\s)))\b"
    rf"|^(?:\(?[0-9]{{1,2}}[a-z]?[.)]\s+|\(?[a-z][.)]\s+)?(?:(?:ACTIONS?|Actions?)\s*[:\-–]\s*)?(?P<action>(?:[A-Z][\w.&/-]*\s+(?:(?:of|for|and|&)\s+)?){{1,5}}to)\s+[a-z]+")
FIRM_WORDS = re.compile(r"^(?:will|shall|must)$|committed|commit|agreed|agree|need|required|develop|being|process|"
                        r"undert|pledge|promis|commits|signed|"
                        r"started|begun|^(?:is|are|am)\b")
# Word starts, so 'plan' is not read in 'explanation' nor 'may' in 'Mayor'.
CONDITIONAL_WORDS = re.compile(r"\b(?:would|could|should|may|might|propos|intend|aim|plan|seek|hope|endeavour|want|expect|offer|volunteer|"
                               r"keen|happy|willing|going|determined)", re.I)

ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|invited|requested|recommended)\s+to\b|^That\s+the\b|\bRESOLVED\b|"
                   r"\bresolved\s+to\b", re.I)
FORECAST = re.compile(r"\b(?:forecasts?|indicated|estimated|projected|predicted|anticipated|assumed|is\s+expected)\s+that\b|"
                      r"\b(?:we|they|I)\s+(?:believe|anticipate|expect|think|predict|estimate|know)\b", re.I)
# Verbs of a decision still to be taken: 'The Councils must decide who ...' is a pending decision.
DECIDE = {"decide", "vote", "determine", "resolve"}
# A duty or power that a rule of procedure gives: 'In accordance with s17.74 of the Constitution, Cabinet
# must first consider ...', 'Under the Standing Orders the Chair may ...'; statute, not a promise.
RULE_OF_PROCEDURE = re.compile(r"^(?:In\s+accordance\s+with|Under|As\s+required\s+by|Pursuant\s+to)\s+(?:[\w.’'-]+\s+){0,6}?"
                               r"(?:(?:the\s+)?(?:Constitution|Act|Regulations?|Standing\s+Orders|(?:Procedure\s+)?Rules|"
                               r"Terms\s+of\s+Reference|Scheme\s+of\s+Delegation)\b|(?:s|section|paragraph|para|regulation|"
                               r"rule|article)\.?\s?\d)", re.I)
# What a proposal asks a board to decide, or a power it grants: 'It is proposed that the Board notes ...',
# '... that the Monitoring Officer receives a delegation ...'.
RECOMMENDED = re.compile(r"\b(?:notes?|approves?|agrees?|endorses?|considers?|accepts?|ratif(?:y|ies)|adopts?|"
                         r"delegates?|confirms?|supports?|recommends?|receives?|authorises?|grants?|be\s+(?:asked|given|granted))\b")
DETERMINER_ONLY = re.compile(r"^\s*(?:the|a|an|each|all|both|every)?\s*$", re.I)
# A choice among powers: 'Cabinet may confirm, amend or rescind the decision'.
CHOICE = re.compile(r"\s*[a-z]+(?:,\s*[a-z]+)*,?\s+or\s+[a-z]+\b")
# What would have been so, had things gone otherwise: 'the committee would not have scrutinised it'.
PAST_CONDITIONAL = re.compile(rf"have\s+(?:been\s+)?{PARTICIPLE}\b")
COUNTERFACTUAL = re.compile(r"^Without\b|\bunless\b|\bif\b[^,]*\b(?:not?|fail\w*)\b", re.I)
CONDITION = re.compile(r"^(?:If|Should|Subject to|Unless|Provided|Where\s+(?:possible|there\s+(?:is|are))|"
                       r"In\s+the\s+event\s+(?:of|that))\b|,\s*(?:if|should there|subject to|"
                       r"unless|provided that)\b|\bif (?:approved|agreed)\b|"
                       r"\bit\s+is\s+(?:proposed|intended|planned)\s+that\b", re.I)
HEDGE = re.compile(r"\s*(?:potentially|possibly|hopefully|ideally|probably|perhaps)\b", re.I)
SUGGESTION = re.compile(r"^It\s+(?:may|might|would)\s+(?:also\s+)?be\s+(?:helpful|useful|sensible|advisable|"
                        r"beneficial|worthwhile)\s+(?:for\s+(?:us|the\s+\w+)\s+)?to\s+", re.I)
# Participles that describe a state or a forecast rather than something the paper's body does.
STATIVE = set("""required needed expected affected impacted based involved linked associated limited exposed faced
seen known called entitled located situated pleased delighted asked invited requested estimated projected forecast
anticipated predicted concerned interested tied driven caused felt experienced deemed judged permitted obliged forced
prepared used spent shown born placed open often even decided voted determined resolved appreciated
welcomed""".split())
# What even a body may be the subject of without promising: consequences and risks.
# Not a board receiving its papers: 'The Cabinet will receive a further report in the autumn'.
CONSEQUENCE = re.compile(r"^(?:mean|face|result|lead\s+to|suffer|struggle|lose|fail|"
                         r"receive(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:reports?|updates?|papers?|briefings?|presentations?)\b))\b")
# 'will need to be delivered': a passive of necessity, read as 'will be delivered'.
NEEDED_PASSIVE = re.compile(rf"need\s+to\s+be\s+{ADV}({PARTICIPLE})\b")
# What follows 'we need to' when it is no act: a state ('be careful', 'be clear') or a question
# still to settle ('develop which model suits').
NOT_AN_ACT = re.compile(rf"\s*(?:be\s+(?!{PARTICIPLE}\b)[a-z]+|[a-z]+\s+(?:which|what|how|whether)\b)")
# Attitudes, not acts: 'We would expect that ...', 'We would welcome ...'.
ATTITUDE = {"expect", "anticipate", "welcome", "suggest", "note", "recognise", "know", "understand", "believe", "think",
            "argue", "appreciate", "thank", "urge", "encourage", "ask", "see", "hope", "wish"}
RISK = {"increase", "reduce", "affect", "impact", "cause", "have", "fail", "become", "need", "lead", "create",
        "put", "undermine", "delay", "limit", "mean", "face", "result", "lose", "struggle", "suffer"}
# Progressives that report a state or a trend, not work a body is doing: 'The Council is facing ...'.
TRENDS = {"facing", "experiencing", "seeing", "struggling", "having", "getting", "becoming", "increasing",
          "declining", "falling", "rising", "growing", "receiving", "expecting", "awaiting", "nothing", "something",
          "during", "according", "including", "ongoing", "concerning", "missing", "remaining", "anticipating"}
# What a thing of the paper's own business does when the paper plans it: 'Planning conversations will begin'.
PLAN_VERBS = {"begin", "start", "commence", "continue", "remain", "transfer", "move", "launch", "open", "close",
              "sit", "meet", "run", "operate", "cease", "end", "stop", "report", "retain", "take", "guide", "focus"}
# A paper or item that will come back to a meeting: 'A further report will come back to the Committee'.
COME_BACK = re.compile(r"\s+(?:back|before)\b|\s+to\s+(?:the\s+|a\s+(?:future|later|further)\s+|[A-Z])")
# What a thing of the paper's business is expected to undergo or do as planned: 'is expected to be
# awarded', 'is expected to go live'; not 'is expected to rise', 'is expected to be higher'.
EXPECTED_STEP = re.compile(rf"\s*(?:be\s+(?!(?:{'|'.join(sorted(STATIVE))})\b){PARTICIPLE}\b|(?:publish|complete|conclude|finish|"
                           rf"launch|start|begin|commence|open|close|go\s+live|come\s+(?:back|before|to\s+the)|return|report|"
                           rf"take\s+place)\b)")
# What a body is expected to be, not do: 'The service is expected to be affected by the changes'.
STATE_EXPECTED = re.compile(rf"\s*be\s+(?:{'|'.join(sorted(STATIVE))}|[a-z]+er|more|less)\b")
# Sums and pressures a paper forecasts: 'The gap is expected to be reduced', 'Demand is expected to ...'.
FORECAST_SUBJECT = re.compile(r"\b(?:gaps?|deficits?|demand|costs?|spend(?:ing)?|pressures?|income|savings?|overspend|"
                              r"underspend|shortfall|surplus|growth|activity|pressure)\s*$", re.I)
# What 'this' or 'it' will do when it carries on a promise just made: 'This will meet monthly',
# 'It will report to the Board'; not what the promise will mean, cost or allow.
CARRIED_ACTS = PLAN_VERBS | {"ensure", "happen", "include", "involve", "cover", "build", "inform", "feed", "form",
                             "complement", "replace", "support", "deliver", "provide", "work", "bring", "offer", "set",
                             "establish", "publish", "review", "consider", "explore", "engage", "look", "draw", "link"}
# A figure a target is stated in: '14%', '395 per 100,000', '5 per cent'.
RATE = re.compile(r"\d\s?%|\bper\s+(?:cent|[0-9][0-9,]*)\b")
# What a thing of the paper's business 'will take' when the paper plans it: 'will take place', 'will take over';
# not 'will take a long-term approach' or 'will take two years'.
TAKE_STEP = re.compile(r"\s+(?:place|over|forward|effect|on\s+(?:the|a|an|responsibility)|up\s+(?:the|a|an|its|their))\b")
# A measure at the head of a subject: 'The mortality rate from drug misuse will remain at a similar level'.
MEASURE = re.compile(r"^(?:the\s+|this\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:rates?|levels?|numbers?|proportions?|percentages?|"
                     r"prevalence|figures?|mortality|incidence|uptake)\b(?!\s+(?:team|service|board|group|plan|strategy))", re.I)
AGENT = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:by|from|between)\s+")
# Where the money for a thing comes from: 'The scheme will be funded from the Better Care Fund', 'The cost
# will be met from reserves'; a source named, not a body's promise.
FUNDING_SOURCE = re.compile(r"(?:funded|financed|met|paid(?:\s+for)?|covered|resourced|provided|drawn|supported)\s+"
                            r"(?:(?:in\s+full|in\s+part|partly|wholly|entirely|fully|jointly)\s+)?(?:from|out\s+of|through|via|by)\s+"
                            r"(?:[\w’'-]+\s+){0,6}?(?:funds?|funding|grants?|budgets?|reserves?|contributions?|allocations?|"
                            r"receipts|monies|money|levy|capital|revenue|underspends?|balances)\b", re.I)
SECOND_PROMISE = re.compile(r",?\s+and\s+(?=we\s+(?:will|shall|would|could|may|should|intend|aim|plan)\b)")
# Sections that weigh options or risks: their 'would' and 'could' are hypothetical.
HYPOTHETICAL_SECTION = re.compile(r"\boptions?\b|\balternatives?\b|\brisks?\b", re.I)
DEADLINE = re.compile(r"^(?:by|until|no later than|before|from|in|during|over|effective|through)\b", re.I)


# 'Work is now progressing on a new framework': the paper's own work, with no body named.
# 'Discussions with the Trust are ongoing', 'Recruitment to the posts is under way': activity of the paper's business.
WORK_UNDER_WAY = re.compile(r"(?:the\s+|further\s+|this\s+|initial\s+|detailed\s+|early\s+|formal\s+|joint\s+)?"
                            r"(?:work|discussions|negotiations|conversations|talks|recruitment|planning|preparations|"
                            r"procurement|consultation|engagement|scoping|mapping|modelling)"
                            r"(?:\s+(?:to|on|with|for|of|around|about|between)\s+[^,;]{1,60})?", re.I)
UNDER_WAY = {"progressing", "continuing", "ongoing", "underway", "starting", "beginning"}
# What a thing of the paper's business 'will be' when the paper plans it: 'The new system will be in place by April'.
IN_PLACE = re.compile(r"\s+(?:fully\s+)?(?:in\s+place|operational|up\s+and\s+running)\b")
# 'New arrangements will be subject to a data protection impact assessment': a safeguard the
# paper's business is promised to pass, not a state ('will be subject to approval' is a decision to come).
SAFEGUARD = re.compile(r"\s+subject\s+to\s+(?:[\w-]+\s+){0,5}?(?:assessments?|process(?:es)?|reviews?|consultation|"
                       r"evaluation|scrutiny|monitoring|audits?|procedures?|legislation|governance)\b", re.I)
# Words 'is to' may run into that are no verb: 'The question is to what extent ...', 'is to a large degree'.
NOT_A_VERB = {"a", "an", "the", "this", "that", "these", "those", "its", "their", "our", "his", "her", "some", "any",
              "what", "which", "whom", "whose", "how", "where", "when", "whether", "date", "blame", "hand"}
# What a plan 'is due to' do: 'due to' before anything else gives a cause ('is due to rising demand').
DUE_VERBS = PLAN_VERBS | {"publish", "complete", "conclude", "finish", "go", "come", "return", "present", "submit",
                          "consult", "launch", "deliver", "review", "hold", "agree", "sign", "start", "be"}
# A thing that names the paper's own next step: 'The next step is to consult ...', 'Our intention is to ...'.
NEXT_STEP = re.compile(r"^(?:the|a|one|another)\s+(?:[a-z]+\s+){0,2}(?:steps?|tasks?|approach|"
                       r"(?P<intent>intention|proposal|plan))$", re.I)
# A duty a body takes on: 'The Trust will be responsible for ...', 'will be jointly accountable for',
# 'will be the lead commissioner for'; the word after 'be' stands for the verb.
RESPONSIBLE = re.compile(r"\s+(?:(?:jointly|solely|directly|ultimately|also|now)\s+)?(responsible|accountable|in\s+charge|"
                         r"the\s+lead(?:\s+[a-z]+)?)\s+(?:for|of)\b", re.I)
# What 'will not' denies when it is no act: 'the Director will not have oversight of ...'.
DENIED_STATE = {"have", "need", "get", "receive", "know", "see", "hold"}
# A question reported: 'Cllr Hill asked if the Council was planning to ...'.
INDIRECT_QUESTION = re.compile(r"\b(?:ask(?:ed|s)?|enquired|queried|wondered)\s+(?:if|whether)\b[^.;]*$", re.I)
# 'If we are to improve health, we need to ...': 'is to' after 'if' is a purpose, not a plan.
PURPOSE = re.compile(r"\b(?:if|unless|whether)\s+(?:[\w'’-]+\s+){1,6}$", re.I)
# An application for money, as a grants panel lists them: 'The Friends of the park are seeking funding
# to restore the bandstand'; what the money would pay for is no promise until it is granted.
FUNDS_SOUGHT = re.compile(r"(?:seek|request|apply|bid)(?:s|ing|ed)?$", re.I)
FUNDS = re.compile(r"\s*(?:(?:additional|further|some|match|grant|capital|revenue)\s+)?(?:funding|funds|grants?|money|"
                   r"sponsorship|donations|£)", re.I)
# An action plan's cell or item that reports its action done: 'Carers campaign ... went live at the start
# of June', 'New post was appointed to in May'; a progress column, no promise.
DONE = re.compile(r"\b(?:went\s+live|(?:was|were|has\s+been|have\s+been)\s+(?:successfully\s+)?(?:launched|completed|"
                  r"delivered|implemented|appointed|recruited|introduced|published|held))\b", re.I)
