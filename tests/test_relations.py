"""Relations on sentences written in the style of board papers: each relation type, its
direction, coordinated subjects, undefined short forms, and the sentences that must give none."""
import pytest

from tests.textpaper import extract

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019",
         "Report Title: Community services update",
         "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
CCG = "NHS Exampleton Clinical Commissioning Group"
TRUST = "Exampleton Healthcare NHS Trust"
COUNCIL = "Exampleton Borough Council"
HWB = "Exampleton Health and Wellbeing Board"
INTRO = [f"This report comes from {CCG}.", f"{COUNCIL} contributed to it.",
         f"{TRUST} contributed to it.", f"It is for {HWB}."]


def triples(*blocks):
    return {(r.source, r.relation, r.target) for r in extract(*INTRO, *blocks, cover=COVER).relations}


@pytest.mark.parametrize("sentence, expected", [
    ("The CCG commissions Exampleton Healthcare NHS Trust to provide community nursing.",
     (CCG, "commissions", TRUST)),
    ("Exampleton Healthcare NHS Trust is commissioned by the Council to run the reablement service.",
     (COUNCIL, "commissions", TRUST)),
    ("The Trust holds a block contract with the CCG for adult community services.",
     (CCG, "commissions", TRUST)),
    ("The Council will continue commissioning home care from Exampleton Healthcare NHS Trust.",
     (COUNCIL, "commissions", TRUST)),
    ("The falls service is funded by Exampleton Borough Council until March 2020.", None),
    ("Exampleton Healthcare NHS Trust is jointly funded by the CCG.", (CCG, "funds", TRUST)),
    ("Council social workers are seconded to Exampleton Healthcare NHS Trust.",
     (COUNCIL, "provides_to", TRUST)),
    ("The CCG is accountable to the Health and Wellbeing Board for the Better Care Fund.",
     (CCG, "accountable_to", HWB)),
    ("Exampleton Healthcare NHS Trust will report quarterly on progress to the Health and Wellbeing Board.",
     (TRUST, "reports_to", HWB)),
    ("The Council will sit on the Exampleton Urgent Care Programme Board.",
     (COUNCIL, "member_of", "Exampleton Urgent Care Programme Board")),
    ("We will work closely with the Council to redesign the pathway.", (CCG, "partners_with", COUNCIL)),
    ("The new Exampleton Care Partnership Board would replace the existing Exampleton Transformation Programme Board.",
     ("Exampleton Care Partnership Board", "replaces", "Exampleton Transformation Programme Board")),
    ("Weekly case reviews are hosted by Exampleton Healthcare NHS Trust.",
     (TRUST, "hosts", "Weekly case reviews")),
    ("Name the Council as host for learning disability commissioning, with pooled budgets.",
     (COUNCIL, "hosts", "learning disability commissioning")),
])
def test_one_relation_and_its_direction(sentence, expected):
    found = triples(sentence)
    assert found == ({expected} if expected else set())


def test_coordinated_subject_gives_each_body_the_relation():
    found = triples("The Council and the CCG each use Exampleton Healthcare NHS Trust as their main community provider.")
    assert found == {(COUNCIL, "commissions", TRUST), (CCG, "commissions", TRUST)}


def test_a_board_with_representation_from_bodies_has_them_as_members():
    found = triples("Day-to-day oversight sits with the Exampleton Integration Executive, which has representation "
                    "from the CCG and the Council.")
    assert found == {(CCG, "member_of", "Exampleton Integration Executive"),
                     (COUNCIL, "member_of", "Exampleton Integration Executive")}


def test_two_bodies_agreeing_together_are_partners():
    assert triples("The CCG and the Council have agreed to take the proposals to their boards.") == \
        {(CCG, "partners_with", COUNCIL)}


def test_three_bodies_working_together_are_each_others_partners():
    assert triples(f"The CCG, the Council and {TRUST} are working together on the frailty pathway.") == \
        {(CCG, "partners_with", COUNCIL), (CCG, "partners_with", TRUST), (COUNCIL, "partners_with", TRUST)}


def test_a_partner_in_a_partnership_is_its_member_only():
    assert triples("The Council is a partner in the Exampleton Carers Partnership.") == \
        {(COUNCIL, "member_of", "Exampleton Carers Partnership")}


def test_attending_scrutiny_is_accountability_and_attending_a_board_is_reporting():
    found = triples("Officers of the CCG attend the Exampleton Health Scrutiny Committee and "
                    "the Health and Wellbeing Board each quarter.")
    assert found == {(CCG, "accountable_to", "Exampleton Health Scrutiny Committee"),
                     (CCG, "reports_to", HWB)}


def test_undefined_initials_and_a_trusts_own_name_word_are_found():
    cover = [*COVER[:3], "Report Author: Jo Bloggs, London Borough of Exampleton"]
    out = extract("London Borough of Exampleton runs adult social care.", "Ferndale Foundation Trust runs the mental health wards.",
                  "LBE occupational therapists have been seconded to Ferndale since 2018.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == \
        {("London Borough of Exampleton", "provides_to", "Ferndale Foundation Trust")}


def test_the_arrangement_set_up_in_the_previous_sentence_replaces():
    found = triples("Set up an Exampleton Joint Commissioning Executive for the pooled budgets. "
                    "This body would replace the Exampleton Transformation Programme Board.")
    assert found == {("Exampleton Joint Commissioning Executive", "replaces", "Exampleton Transformation Programme Board")}


def test_merging_into_a_single_body_replaces_the_group():
    cover = ["Ashdown Joint Health Overview and Scrutiny Committee", "Date: 3 May 2019",
             "Report Title: Merger", "Report Author: Lee Morgan, Accountable Officer, Ashdown CCGs"]
    out = extract("This paper sets out the case for the Ashdown CCGs to merge.",
                  "The new Ashdown CCG would hold the delegated budget.",
                  "Our aim is that we become a single CCG next year.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {("Ashdown CCG", "replaces", "Ashdown CCGs")}


@pytest.mark.parametrize("sentence", [
    # the body after 'led by' names a team, not the body
    "The redesign work is led by the CCG programme team.",
    # a possession, not a funded body
    "The CCG makes a financial contribution to the Council's carers' breaks scheme.",
    # a list of bodies with no relation between them
    "The CCG, the Council and Exampleton Healthcare NHS Trust attended the workshop in May.",
    # working with someone unnamed
    "The CCG will work with local people to design the service.",
    # a contract between two commissioners says nothing about who commissions whom
    "The CCG holds a section 75 contract with the Council.",
    # a clause far from the verb
    "The CCG, following the consultation that the Council ran in spring, will provide an update.",
])
def test_no_relation(sentence):
    assert triples(sentence) == set()


def test_a_ccg_in_a_paper_of_a_group_of_ccgs_is_the_group():
    cover = ["Ashdown Joint Health Overview and Scrutiny Committee", "Date: 3 May 2019",
             "Report Title: Merger", "Report Author: Lee Morgan, Accountable Officer, Ashdown CCGs"]
    out = extract("This paper is from the Ashdown CCGs.",
                  "Local GP practices are members of a CCG, which they help to steer.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {("GP practices", "member_of", "Ashdown CCGs")}


def test_subcontracted_bodies_are_commissioned_by_the_provider_just_named():
    found = triples("Exampleton Healthcare NHS Trust holds the lead provider contract for frailty.",
                    "Ferndale Mind and Age UK Exampleton have been subcontracted to run befriending.")
    assert found == {(TRUST, "commissions", "Ferndale Mind"), (TRUST, "commissions", "Age UK Exampleton")}


def test_subcontracted_with_no_provider_nearby_gives_nothing():
    far = [f"Paragraph {i} describes the frailty pathway in more detail." for i in range(8)]
    found = triples("Exampleton Healthcare NHS Trust holds the lead provider contract for frailty.", *far,
                    "Ferndale Mind and Age UK Exampleton have been subcontracted to run befriending.")
    assert not [t for t in found if "Mind" in t[2]]


# --- clauses that name only one end: the sentence's opening body, or the paper's author -------

@pytest.mark.parametrize("sentence, expected", [
    ("The pilot was delivered in partnership with the Westshire Carers Trust.",
     {(CCG, "partners_with", "Westshire Carers Trust")}),
    ("The Council, together with other bodies such as the Westshire Housing Association, will respond.",
     {(COUNCIL, "partners_with", "Westshire Housing Association")}),
    ("The toolkit was produced through the collaboration of young carers, the charity Open Door and local schools.",
     {("Open Door", "partners_with", CCG)}),
    ("The pilot received a £250,000 grant from the Department of Health and Social Care.",
     {("Department of Health and Social Care", "funds", CCG)}),
    ("Exampleton Healthcare NHS Trust is preparing for its inspection by the Care Quality Commission.",
     {(TRUST, "accountable_to", "Care Quality Commission")}),
    ("The Exampleton Reablement Service sits within the Adult Social Care Directorate.",
     {("Adult Social Care Directorate", "hosts", "Exampleton Reablement Service")}),
    ("Last month the Council signed a three-year home care contract with Greenway Care Ltd.",
     {(COUNCIL, "commissions", "Greenway Care Ltd")}),
    # a partner who is not a body, and a service funded with no grant named
    ("Working with residents, the Council will redesign the service.", set()),
    ("The falls service is funded by Exampleton Borough Council until March 2020.", set()),
])
def test_a_clause_naming_one_end_takes_the_opening_body_or_the_author(sentence, expected):
    assert triples(sentence) == expected


def test_this_group_is_the_group_the_sentence_before_named():
    found = triples("Leaders attended the Exampleton System Leaders Group in May. This group, which included "
                    "officers from the CCG and Exampleton Healthcare NHS Trust, agreed the plan.")
    assert found == {(CCG, "member_of", "Exampleton System Leaders Group"),
                     (TRUST, "member_of", "Exampleton System Leaders Group")}


def test_a_body_sponsored_by_another_is_hosted_by_it():
    found = triples("Exampleton Borough Council (EBC) chairs the forum.",
                    "This supports the EBC-sponsored Exampleton Estuary Committee.")
    assert (COUNCIL, "hosts", "Exampleton Estuary Committee") in found


def test_a_councils_place_opening_a_clause_is_the_council():
    found = triples("Ashby City Council and the CCG met in May.",
                    "Exampleton's share fell, whereas Ashby were due to receive £3 million of the government's Resilience Grant.",
                    "The Government published the settlement.")
    assert ("Government", "funds", "Ashby City Council") in found
    assert not [t for t in found if t[2] == COUNCIL]


def test_a_body_acting_with_one_of_the_authors_members_partners_the_author():
    assert triples("Westshire Carers Partnership and Cllr Patel met the Minister in June.") == \
        {("Westshire Carers Partnership", "partners_with", CCG)}


# --- membership, accountability, commissioning, funding and hosting in the genre's other forms ---

BOARD = "Exampleton Safeguarding Adults Board"
MIND = "Ferndale Mind"


@pytest.mark.parametrize("sentence, expected", [
    # membership named from the body's side, and a list of members that are not all bodies
    (f"Membership of the {BOARD} includes the Council, the CCG and Exampleton Healthcare NHS Trust.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD), (TRUST, "member_of", BOARD)}),
    (f"The members of the {BOARD} are the Council, the CCG and the police.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}),
    (f"The Council, the local NHS, the police and Exampleton Healthcare NHS Trust are statutory members of the {BOARD}.",
     {(COUNCIL, "member_of", BOARD), ("NHS", "member_of", BOARD), (TRUST, "member_of", BOARD)}),
    (f"The {BOARD} was established jointly by the Council and the CCG in 2015.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}),
    (f"Membership of the {BOARD} is comprised of the Council, the CCG and the police.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}),
    (f"The Council, schools and Exampleton Healthcare NHS Trust are represented on the {BOARD}.",
     {(COUNCIL, "member_of", BOARD), (TRUST, "member_of", BOARD)}),
    (f"The Council and the CCG each appoint three members to the {BOARD}.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}),
    # accountability and scrutiny
    (f"The {BOARD} is held to account by the Health and Wellbeing Board.", {(BOARD, "accountable_to", HWB)}),
    (f"The {BOARD} is responsible to the Health and Wellbeing Board for its annual plan.", {(BOARD, "accountable_to", HWB)}),
    ("NHS bodies must consult the Exampleton Health Scrutiny Committee on any substantial variation.",
     {("NHS bodies", "accountable_to", "Exampleton Health Scrutiny Committee")}),
    ("The Exampleton Health Scrutiny Committee may require attendance and information from Exampleton Healthcare NHS Trust.",
     {(TRUST, "accountable_to", "Exampleton Health Scrutiny Committee")}),
    # commissioning and contracts
    (f"The Council's contract with {MIND} runs to March 2021.", {(COUNCIL, "commissions", MIND)}),
    (f"The Council has contracted {MIND} to run the befriending service.", {(COUNCIL, "commissions", MIND)}),
    (f"The CCG awarded the community equipment contract to Greenway Care Ltd in May.", {(CCG, "commissions", "Greenway Care Ltd")}),
    (f"{MIND}, commissioned by the Council, runs the peer support groups.", {(COUNCIL, "commissions", MIND)}),
    # funding
    (f"{MIND}, funded by the CCG, offers talking therapies.", {(CCG, "funds", MIND)}),
    (f"The Council provides an annual grant to {MIND} for the drop-in service.", {(COUNCIL, "funds", MIND)}),
    (f"Funding from the CCG to {MIND} will continue for two years.", {(CCG, "funds", MIND)}),
    # hosting and provision
    (f"{MIND}, hosted by the Council, employs two support workers.", {(COUNCIL, "hosts", MIND)}),
    (f"The Council is the host organisation for the {BOARD}.", {(COUNCIL, "hosts", BOARD)}),
    (f"Exampleton Healthcare NHS Trust provides the Council with occupational therapy advice.", {(TRUST, "provides_to", COUNCIL)}),
    (f"The service is commissioned by the Council and delivered by {MIND}.", {(COUNCIL, "commissions", MIND)}),
    (f"The Council provides the secretariat for the {BOARD}.", {(COUNCIL, "hosts", BOARD)}),
    (f"The {BOARD} is chaired by the Director of Adult Services of the Council.", {(COUNCIL, "member_of", BOARD)}),
    (f"The {BOARD} is one of the sub-groups of the Health and Wellbeing Board.", {(BOARD, "reports_to", HWB)}),
    # partnership
    (f"The {BOARD} has strong links with {MIND}.", {(BOARD, "partners_with", MIND)}),
    ("Joint working between the Council and Exampleton Healthcare NHS Trust has improved discharge.", {(COUNCIL, "partners_with", TRUST)}),
    (f"The {BOARD}'s key interdependencies include the Health and Wellbeing Board and {MIND}.",
     {(BOARD, "partners_with", HWB), (BOARD, "partners_with", MIND)}),
])
def test_the_genres_other_forms_of_each_relation(sentence, expected):
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # members doing something are no list of members
    f"The members of the {BOARD} are asked to note the report from the Council.",
    # consulting a body that does not scrutinise
    "NHS bodies must consult the Council on the proposal.",
    # a relationship between bodies need not be a partnership
    "The review compares the relationship between the Council and Exampleton Healthcare NHS Trust with other areas.",
    # a list of bodies that is not the subject of 'are members of'
    "Residents told the Council and the CCG that carers are members of many groups.",
    f"In 2019, the Council and residents agreed that carers are members of the {BOARD}.",
])
def test_no_relation_in_the_genres_other_forms(sentence):
    assert triples(sentence) == set()


@pytest.mark.parametrize("before, sentence, expected", [
    (f"The {BOARD} is a statutory partnership.", "It reports directly to the Health and Wellbeing Board.",
     {(BOARD, "reports_to", HWB)}),
    (f"The {BOARD} met four times this year.", "It is chaired by the Council.", {(COUNCIL, "member_of", BOARD)}),
    # 'it' that stands for no body
    (f"The {BOARD} met four times this year.", "It is proposed that the Council reports to the Health and Wellbeing Board.",
     {(COUNCIL, "reports_to", HWB)}),
    # the sentence before opened with no body
    ("Last year the plan was revised.", "It reports directly to the Health and Wellbeing Board.", set()),
])
def test_it_is_the_body_that_opened_the_sentence_before(before, sentence, expected):
    assert triples(before + " " + sentence) == expected


def test_members_listed_without_their_body_are_the_section_bodys_or_the_authors():
    cover = ["Exampleton Safeguarding Adults Board", "Date: 12 March 2019", "Report Title: Annual report 2018/19",
             f"Report Author: Jo Bloggs, Business Manager, {BOARD}"]
    out = extract(*INTRO, "Membership includes senior officers from the Council, the police and the CCG.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}


def test_partners_listed_without_their_body_are_the_authors():
    assert triples(f"Key partners include {MIND} and the Council.") == {(CCG, "partners_with", MIND), (CCG, "partners_with", COUNCIL)}


def test_the_members_are_those_of_the_subject_of_the_sentence_before():
    found = triples(f"The {BOARD} is a statutory body. The members are the Council and the CCG.")
    assert found == {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}
    assert triples("The plan was agreed last year. The members are the Council and the CCG.") == set()


def test_a_list_item_ends_its_lead_in():
    found = triples(f"The {BOARD} works with the following partners:", ("bullet", "Ferndale Mind"),
                    ("bullet", "Exampleton Healthcare NHS Trust"))
    assert found == {(BOARD, "partners_with", MIND), (BOARD, "partners_with", TRUST)}


def test_a_scrutiny_body_is_no_partner():
    assert triples("Our partners, including the Exampleton Health Scrutiny Committee, commented on the draft.") == set()


def test_a_dependency_joins_two_short_event_labels_never_a_reported_clause():
    found = {t for t in triples(
        "Depending on the Governing Body's approval, the new service will launch in April.",
        "JB and KM reported that the provider had expressed willingness to take on the contract, subject to "
        "negotiation.",
        "The pilot will extend to every ward in the borough and to each of the neighbouring districts in the "
        "county by the end of the year, subject to funding.") if t[1] == "depends_on"}
    assert found == {("new service will launch in April", "depends_on", "Governing Body's approval")}
    reason = {t for t in triples("Approval was recommended subject to the conditions set out as these had to be sent by June.")
              if t[1] == "depends_on"}
    assert reason == {("Approval was recommended", "depends_on", "conditions set out")}


# --- a function moved into a body, a relative clause's body, a council's own units, a dismissed option ---

def test_a_function_transferred_into_a_body_is_hosted_by_it():
    found = triples("Exampleton Healthcare NHS Trust runs the Exampleton Wheelchair Service.",
                    "It is proposed to transfer the contract for the Exampleton Wheelchair Service from the Trust "
                    "to Ferndale Mind from 1 October.")
    assert (MIND, "hosts", "Exampleton Wheelchair Service") in found
    assert triples("The Exampleton Falls Service will move from the Trust to the Council in April.") >= \
        {(COUNCIL, "hosts", "Exampleton Falls Service")}


@pytest.mark.parametrize("sentence, expected", [
    ("The pathway will stay with the Council, which will liaise closely with Ferndale Mind on referrals.",
     {(COUNCIL, "partners_with", MIND)}),
    ("Some duties will stay with the Council and be retained within Exampleton Healthcare NHS Trust, which will "
     "need close collaborative working with Ferndale Mind.", {(TRUST, "partners_with", MIND)}),
    ("We will co-operate with Ferndale Mind on the winter plan.", {(CCG, "partners_with", MIND)}),
])
def test_working_with_is_said_of_the_body_a_relative_clause_hangs_on(sentence, expected):
    assert triples(sentence) == expected


def test_a_council_author_does_not_partner_its_own_directorate():
    cover = ["From: Jo Bloggs, Cabinet Member for Adult Social Care", "To: Cabinet - 3 March 2024",
             "Subject: Reablement services update", "Key decision: No"]
    out = extract(f"This report is from {COUNCIL}.", "The reablement team will move next year.",
                  "In most cases this will require close collaboration with the Adult Social Care Directorate.",
                  cover=cover)
    assert not [r for r in out.relations if r.target == "Adult Social Care Directorate"]


def test_an_option_the_report_dismissed_sets_up_no_relation():
    from pipeline.extract import extract_paper
    from tests.textpaper import paper

    def under(heading):
        parsed, _ = paper(*INTRO, f"The option of a lead provider contract would have let the Council fund {MIND} directly.",
                          cover=COVER)
        blocks = [b.model_copy(update={"section": heading}) for b in parsed.blocks]
        return {(r.source, r.relation, r.target) for r in extract_paper(parsed.model_copy(update={"blocks": blocks})).relations}

    assert (COUNCIL, "funds", MIND) not in under("5. Other options considered and rejected")
    assert (COUNCIL, "funds", MIND) in under("5. Proposal")


def test_working_with_is_said_of_the_body_right_before_the_clause():
    found = triples("Exampleton Healthcare NHS Trust patients will get advice from the Council in collaboration with Ferndale Mind.")
    assert found == {(COUNCIL, "partners_with", MIND)}


def test_members_listed_after_but_is_not_limited_to():
    found = triples(f"Membership of the {BOARD} includes, but is not limited to, officers from the Council, "
                    f"{MIND} and the Westshire Probation Service.")
    assert found == {(COUNCIL, "member_of", BOARD), (MIND, "member_of", BOARD), ("Westshire Probation Service", "member_of", BOARD)}


def test_a_form_label_run_into_a_list_of_members_does_not_hide_it():
    found = triples(f"Legal Implications EBC, the CCG and the police are statutory members of the {BOARD}.")
    assert found == {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD)}


def test_a_bodys_own_unit_is_the_end_hosted_by_it_and_a_repeated_to_adds_a_target():
    found = triples(f"The {BOARD} reports to the Council’s Adult Social Care Directorate, and to the Health and Wellbeing Board.")
    assert found == {(BOARD, "reports_to", "Adult Social Care Directorate"), (BOARD, "reports_to", HWB),
                     (COUNCIL, "hosts", "Adult Social Care Directorate")}
    # a body's own board is no unit it hosts
    assert (COUNCIL, "hosts", BOARD) not in triples(f"The Council’s {BOARD} met in May.")


def test_a_charity_is_named_without_its_closing_trust():
    found = triples("Last year the CCG commissioned The Open Door Project Trust to run the helpline.",
                    "We are now working alongside The Open Door Project on the next phase.")
    assert found == {(CCG, "commissions", "The Open Door Project Trust"), (CCG, "partners_with", "The Open Door Project Trust")}


def test_the_local_nhs_without_the_is_the_nhs():
    assert triples("Exampleton Healthcare NHS Trust has built partnerships with local NHS and Ferndale Mind.") == \
        {(TRUST, "partners_with", "NHS"), (TRUST, "partners_with", MIND)}


def test_partnerships_with_bodies_are_partnerships():
    assert triples(f"Exampleton Healthcare NHS Trust has developed strong partnerships with {MIND}.") == {(TRUST, "partners_with", MIND)}


# --- the genre's other ways of stating commissioning, funding, leading, joint agreements and assurance ---

@pytest.mark.parametrize("sentence, expected", [
    # a perfect tense before the verb
    (f"The Council has commissioned {MIND} to deliver the helpline.", {(COUNCIL, "commissions", MIND)}),
    (f"The CCG and the Council have funded {MIND} since 2017.", {(CCG, "funds", MIND), (COUNCIL, "funds", MIND)}),
    # a contract awarded, passive, and a provider procured
    (f"{MIND} was awarded the befriending contract by the Council.", {(COUNCIL, "commissions", MIND)}),
    (f"The contract for the helpline was awarded to {MIND} by the CCG.", {(CCG, "commissions", MIND)}),
    (f"The Council procured {MIND} to run the helpline.", {(COUNCIL, "commissions", MIND)}),
    # money given, and money received from a body
    (f"The Council awarded {MIND} a grant of £20,000.", {(COUNCIL, "funds", MIND)}),
    (f"{MIND} receives funding from the Council for the helpline.", {(COUNCIL, "funds", MIND)}),
    (f"{MIND} is funded jointly by the Council and the CCG.", {(COUNCIL, "funds", MIND), (CCG, "funds", MIND)}),
    # a body led by another
    (f"The {BOARD} is led by the Council.", {(COUNCIL, "hosts", BOARD)}),
    # a joint agreement between two commissioners
    ("The Council has entered into a Section 75 agreement with the CCG for the pooled budget.", {(COUNCIL, "partners_with", CCG)}),
    ("A memorandum of understanding between the Council and Exampleton Healthcare NHS Trust sets out the roles.",
     {(COUNCIL, "partners_with", TRUST)}),
    # assurance given is reporting, not a service
    (f"The {BOARD} provides assurance to the Health and Wellbeing Board on safeguarding.", {(BOARD, "reports_to", HWB)}),
])
def test_the_genres_ways_of_stating_commissioning_funding_leading_and_assurance(sentence, expected):
    assert triples(sentence) == expected



@pytest.mark.parametrize("sentence, expected", [
    ("NHS England has delegated responsibility for primary care commissioning to the CCG.", {(CCG, "accountable_to", "NHS England")}),
    ("Commissioning functions were delegated to the CCG by NHS England in 2015.", {(CCG, "accountable_to", "NHS England")}),
    ("The CCG holds delegated commissioning responsibility from NHS England for primary care.", {(CCG, "accountable_to", "NHS England")}),
    # powers a body holds to act towards another are no delegation by it
    (f"The {BOARD} has delegated powers to respond to NHS England on the proposal.", set()),
])
def test_a_body_exercising_delegated_functions_answers_to_the_body_that_delegated_them(sentence, expected):
    assert triples(sentence) == expected


# --- the genre's ways of naming a member, a lead provider, a successor, an allocation and a grant ---

ICS = "Exampleton Integrated Care System"
WESTSHIRE = "Westshire County Council"


@pytest.mark.parametrize("sentence, expected", [
    # a body introduced by what it is: a partnership or joint committee of bodies
    (f"The {BOARD}, a partnership of the Council, the CCG and {TRUST}, meets every quarter.",
     {(COUNCIL, "member_of", BOARD), (CCG, "member_of", BOARD), (TRUST, "member_of", BOARD)}),
    (f"The Exampleton Joint Health Scrutiny Committee, a joint committee of {COUNCIL} and {WESTSHIRE}, will review the plan.",
     {(COUNCIL, "member_of", "Exampleton Joint Health Scrutiny Committee"),
      (WESTSHIRE, "member_of", "Exampleton Joint Health Scrutiny Committee")}),
    (f"The {BOARD}, of which {TRUST} is a full member, agreed the annual report.", {(TRUST, "member_of", BOARD)}),
    # a partner in a system is one of its members, said of the subject after a fronted clause too
    (f"As a statutory partner in the {ICS}, the Council will adopt the shared outcomes framework.", {(COUNCIL, "member_of", ICS)}),
    (f"Delay would weaken our standing as a trusted partner in the {ICS}.", {(CCG, "member_of", ICS)}),
    # the lead or main provider
    (f"{TRUST} is the main provider of community nursing for the Council.", {(TRUST, "provides_to", COUNCIL)}),
    (f"{TRUST} acts as lead provider for the CCG.", {(TRUST, "provides_to", CCG)}),
    (f"The CCG's principal acute provider is {TRUST}.", {(CCG, "commissions", TRUST)}),
    # a provider named by its kind before 'commissioned by'; a joint commission from a provider
    (f"{MIND} is one of the voluntary organisations commissioned by the Council.", {(COUNCIL, "commissions", MIND)}),
    (f"{MIND} is one of the charities funded by the CCG.", {(CCG, "funds", MIND)}),
    (f"The helpline is commissioned jointly by the Council and the CCG from {MIND}.",
     {(COUNCIL, "commissions", MIND), (CCG, "commissions", MIND)}),
    (f"The Council is reviewing the future of commissioned services at {MIND}.", {(COUNCIL, "commissions", MIND)}),
    # a body that takes over another's functions replaces it
    (f"The {ICS} took over the statutory functions of the CCG in July.", {(ICS, "replaces", CCG)}),
    (f"The {ICS} succeeded the CCG.", {(ICS, "replaces", CCG)}),
])
def test_the_genres_ways_of_naming_members_lead_providers_and_successors(sentence, expected):
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    # an allocation comes from the body that sets it, to the body named, the subject, or the author
    ("NHS England published the revenue allocations for the next three years in January.", {("NHS England", "funds", CCG)}),
    ("Indicative allocations will be notified to us by NHS England before the end of the year.", {("NHS England", "funds", CCG)}),
    ("The Council's public health allocation from NHS England rises by 2% next year.", {("NHS England", "funds", COUNCIL)}),
    ("NHS England allocates additional winter money to the CCG.", {("NHS England", "funds", CCG)}),
    # a grant given: money is funding, not a service provided
    (f"The Council provides {MIND} with an annual grant of £40,000.", {(COUNCIL, "funds", MIND)}),
    (f"This amendment would halve the grant to {MIND} from next April.", {(CCG, "funds", MIND)}),
    (f"The Council will reduce its grant to {MIND}.", {(COUNCIL, "funds", MIND)}),
    # a grant applied for is no funding yet, and a grant from a body is its funding, not the author's
    (f"{MIND} has applied for a grant to the Lottery-funded Ferndale Trust.", set()),
    (f"The Council provides {MIND} with office space.", {(COUNCIL, "provides_to", MIND)}),
])
def test_allocations_and_grants_are_funding_from_the_body_that_gives_them(sentence, expected):
    assert triples(sentence) == expected


def test_a_body_that_includes_a_team_hosts_it_and_an_item_goes_on_from_the_one_before():
    cover = [*COVER[:3], f"Report Author: Jo Bloggs, {COUNCIL}"]
    out = extract(f"This report comes from {COUNCIL}.", "The Exampleton Transitions Service includes a Young Carers Team.",
                  "The Exampleton Transitions Service supports young adults into adult care.", "Include a Sensory Support Team",
                  cover=cover)
    found = {(r.source, r.relation, r.target) for r in out.relations}
    assert found == {("Exampleton Transitions Service", "hosts", "Young Carers Team"),
                     ("Exampleton Transitions Service", "hosts", "Sensory Support Team")}


def test_an_indefinite_short_form_is_a_kind_of_body_not_the_one_the_paper_names():
    found = triples("The Exampleton Health and Wellbeing Board (HWB) met in June.",
                    "By law every upper-tier council must have an HWB comprising councillors, the CCG and Healthwatch Exampleton.")
    assert found == set()
    # named in full, an indefinite article introduces the body itself
    assert triples(f"There will be an Exampleton Joint Scrutiny Committee comprising members appointed by {COUNCIL} and {WESTSHIRE}.") \
        == {(COUNCIL, "member_of", "Exampleton Joint Scrutiny Committee"), (WESTSHIRE, "member_of", "Exampleton Joint Scrutiny Committee")}


def test_nhs_commissioners_are_the_papers_group_of_ccgs():
    cover = ["Exampleton Joint Health Overview and Scrutiny Committee", "Date: 12 March 2019", "Report Title: Merger",
             "Report Author: Jo Bloggs, Exampleton CCGs"]
    out = extract("This paper is from the Exampleton CCGs.", f"The {ICS}, which brings together NHS commissioners, "
                  "providers and patients, will set the plan.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {("Exampleton CCGs", "member_of", ICS)}


UCPB = "Exampleton Urgent Care Programme Board"


@pytest.mark.parametrize("sentence, expected", [
    # reporting lines: a workstream or committee of a body, feeding into it, a report brought to it
    (f"The {UCPB} is a workstream of the Health and Wellbeing Board.", {(UCPB, "reports_to", HWB)}),
    (f"The Health and Wellbeing Board is a statutory committee of {COUNCIL}.", {(HWB, "reports_to", COUNCIL)}),
    (f"The {UCPB} feeds directly into the Health and Wellbeing Board.", {(UCPB, "reports_to", HWB)}),
    ("A progress report will be brought to the Health and Wellbeing Board by the CCG in June.", {(CCG, "reports_to", HWB)}),
    ("An update from the Council will be presented to the Health and Wellbeing Board in the autumn.", {(COUNCIL, "reports_to", HWB)}),
    # membership: a seat, a member organisation, members from, all represented on, partners on
    (f"Healthwatch Exampleton has a voting seat on the {UCPB}.", {("Healthwatch Exampleton", "member_of", UCPB)}),
    (f"{TRUST} is a member organisation of the {UCPB}.", {(TRUST, "member_of", UCPB)}),
    (f"The {UCPB} has members from the Council and {TRUST}.", {(COUNCIL, "member_of", UCPB), (TRUST, "member_of", UCPB)}),
    (f"The Council, the CCG and {TRUST} are all represented on the {UCPB}.",
     {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB), (TRUST, "member_of", UCPB)}),
    (f"The partners on the {UCPB} include the Council and the CCG.", {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB)}),
    # partnership: working in partnership, a joint venture
    ("The CCG and the Council are working in partnership to redesign the falls pathway.", {(CCG, "partners_with", COUNCIL)}),
    (f"The Council and {TRUST} have formed a joint venture to run the equipment service.", {(COUNCIL, "partners_with", TRUST)}),
    (f"A joint venture between the Council and {TRUST} will run the equipment service.", {(COUNCIL, "partners_with", TRUST)}),
    # a provider under contract; staff seconded from one body to another; money passed to a body
    (f"The service is delivered by {TRUST} under a block contract with the CCG.", {(CCG, "commissions", TRUST)}),
    (f"Staff are seconded from the Council to {TRUST}.", {(COUNCIL, "provides_to", TRUST)}),
    (f"The Council employs two nurses seconded from {TRUST}.", {(TRUST, "provides_to", COUNCIL)}),
    ("The CCG will transfer £5.2m to the Council through the pooled budget.", {(CCG, "funds", COUNCIL)}),
    # the accountable body hosts; delegated authority given by a body is answering to it
    (f"The Council is the accountable body for the {UCPB}.", {(COUNCIL, "hosts", UCPB)}),
    ("The Health and Wellbeing Board has been given delegated authority by the Council.", {(HWB, "accountable_to", COUNCIL)}),
])
def test_the_genres_ways_of_stating_governance_membership_contracts_and_money(sentence, expected):
    assert triples(sentence) == expected


def test_a_local_bodys_allocations_with_no_receiver_named_fund_no_one():
    assert triples("The Council published its allocations for school nursing in May.") == set()
    assert triples("The Council published its allocations to Exampleton Healthcare NHS Trust in May.") == {(COUNCIL, "funds", TRUST)}


@pytest.mark.parametrize("sentence, expected", [
    (f"{TRUST} has been commissioned to provide a local talking therapies (part of the national psychological therapies "
     f"programme) service with {MIND}.", {(TRUST, "partners_with", MIND)}),
    (f"{TRUST} runs the befriending scheme alongside {MIND}.", {(TRUST, "partners_with", MIND)}),
    # working in line with a regulator's standards is no partnership
    ("The Council delivers services in line with Care Quality Commission standards.", set()),
])
def test_delivering_a_service_with_another_body_is_partnership(sentence, expected):
    assert triples(sentence) == expected


def test_this_authority_in_a_councils_own_paper_is_the_council():
    cover = [COUNCIL, "Date: 1 May 2020", "Report Title: Budget amendment", f"Report Author: Jo Bloggs, {COUNCIL}"]
    out = extract(f"This paper is from {COUNCIL}.", "Ferndale Arts Trust runs the gallery.",
                  "Each year this authority issues Ferndale Arts Trust with a £300k grant.", cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {(COUNCIL, "funds", "Ferndale Arts Trust")}


@pytest.mark.parametrize("sentence", [
    # a body named inside a plan's or an area's name is no end of a reporting line or a provision
    f"{TRUST} feeds into the Health and Wellbeing Board strategy refresh.",
    f"{TRUST} is the main provider of community nursing for the Council area.",
])
def test_a_body_that_only_names_a_plan_or_an_area_is_no_end(sentence):
    assert triples(sentence) == set()


# --- more of the genre's forms: funding, providing, oversight, joining, succession ---------------

CARERS = "Exampleton Carers Trust"
ALLIANCE = "Exampleton Dementia Action Alliance"
EXEC = "Exampleton Integration Executive"


@pytest.mark.parametrize("sentence, expected", [
    # commissioning: an adverb before the verb, buying from a provider, a commissioner of a provider
    (f"The Council currently commissions {TRUST} to deliver the health visiting service.", {(COUNCIL, "commissions", TRUST)}),
    (f"The Council purchases respite care from {TRUST}.", {(COUNCIL, "commissions", TRUST)}),
    (f"The Council is the lead commissioner for the {CARERS}.", {(COUNCIL, "commissions", CARERS)}),
    (f"That {TRUST} be commissioned to deliver the pilot.", {(CCG, "commissions", TRUST)}),
    # funding: agreeing to fund, a sum towards a body, part- or grant-funded, funded by with no verb
    (f"The CCG has agreed to fund {TRUST} for a further year.", {(CCG, "funds", TRUST)}),
    (f"The Council will contribute £250,000 towards the {CARERS}.", {(COUNCIL, "funds", CARERS)}),
    (f"The {CARERS} is part funded by the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The {CARERS} is grant-funded by the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The {CARERS} is funded through the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"A proposal was made on the future of the {CARERS} currently funded by the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The {CARERS} receives funding from the Council and the CCG.", {(COUNCIL, "funds", CARERS), (CCG, "funds", CARERS)}),
    (f"The {CARERS} has been awarded a £40,000 grant by the Council.", {(COUNCIL, "funds", CARERS)}),
    # providing: a provider with no 'lead', support received
    (f"{TRUST} is the provider of community nursing for the CCG.", {(TRUST, "provides_to", CCG)}),
    (f"The {CARERS} receives practical support from {TRUST}.", {(TRUST, "provides_to", CARERS)}),
    # reporting: overseen by, reporting through one body to another, a sub-group once set up
    (f"The {BOARD} is overseen by the Health and Wellbeing Board.", {(BOARD, "reports_to", HWB)}),
    (f"The {BOARD} reports through the {EXEC} to the Health and Wellbeing Board.",
     {(BOARD, "reports_to", EXEC), (BOARD, "reports_to", HWB)}),
    (f"The {EXEC} has been established as a sub-group of the Health and Wellbeing Board.", {(EXEC, "reports_to", HWB)}),
    ("The CCG is subject to scrutiny by the Exampleton Health Scrutiny Committee.",
     {(CCG, "accountable_to", "Exampleton Health Scrutiny Committee")}),
    # membership: joining, a body made up of others, members from a body sitting on another
    (f"The Council has joined the {ALLIANCE}.", {(COUNCIL, "member_of", ALLIANCE)}),
    (f"The {EXEC}, made up of the CCG and the Council, meets monthly.", {(CCG, "member_of", EXEC), (COUNCIL, "member_of", EXEC)}),
    (f"The {EXEC}, comprising the CCG, the Council and {TRUST}, meets monthly.",
     {(CCG, "member_of", EXEC), (COUNCIL, "member_of", EXEC), (TRUST, "member_of", EXEC)}),
    (f"The Council joined the {ALLIANCE} in 2019.", {(COUNCIL, "member_of", ALLIANCE)}),
    (f"Representatives of the Council and the CCG serve on the {ALLIANCE}.", {(COUNCIL, "member_of", ALLIANCE), (CCG, "member_of", ALLIANCE)}),
    # hosting: host for a body, a body led by another
    (f"The Council acts as host for the {EXEC}.", {(COUNCIL, "hosts", EXEC)}),
    (f"The {EXEC}, led by the Council, meets monthly.", {(COUNCIL, "hosts", EXEC)}),
    # succession: which replaced, the successor body
    (f"The {UCPB}, which replaced the Exampleton Transformation Programme Board, meets monthly.",
     {(UCPB, "replaces", "Exampleton Transformation Programme Board")}),
    ("The Exampleton Integrated Care Board is the successor body to the CCG.",
     {("Exampleton Integrated Care Board", "replaces", CCG)}),
    ("The Exampleton Integrated Care Board (formerly the CCG) now holds these contracts.",
     {("Exampleton Integrated Care Board", "replaces", CCG)}),
    (f"The Exampleton Transformation Programme Board and the Exampleton Planning Group merged to form the {UCPB}.",
     {(UCPB, "replaces", "Exampleton Transformation Programme Board"), (UCPB, "replaces", "Exampleton Planning Group")}),
    # pooled budgets and joint arrangements; a commissioner named in apposition; a provider appointed or winning a contract
    ("The Better Care Fund is a pooled budget between the Council and the CCG.", {(COUNCIL, "partners_with", CCG)}),
    ("The Council and the CCG have a pooled budget for learning disability services.", {(COUNCIL, "partners_with", CCG)}),
    (f"The Council, as the lead commissioner of the {CARERS}, will review the contract.", {(COUNCIL, "commissions", CARERS)}),
    (f"Community nursing services are commissioned from {TRUST}.", {(CCG, "commissions", TRUST)}),
    (f"The Council's annual contribution to the {CARERS} is £50,000.", {(COUNCIL, "funds", CARERS)}),
    (f"The Council leads the {EXEC} on behalf of partners.", {(COUNCIL, "hosts", EXEC)}),
    (f"The CCG and the Council co-chair the {EXEC}.", {(CCG, "member_of", EXEC), (COUNCIL, "member_of", EXEC)}),
    ("The Council has appointed Greenway Care Ltd as the provider of home care.", {(COUNCIL, "commissions", "Greenway Care Ltd")}),
    ("Greenway Care Ltd won the contract to provide home care for the Council.", {(COUNCIL, "commissions", "Greenway Care Ltd")}),
    # money: funding that comes from a body, a sum provided to one
    (f"Funding for the {CARERS} comes from the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The CCG will provide £1.2m to the {CARERS}.", {(CCG, "funds", CARERS)}),
    # reporting and answering: updating a board, performance management, regulation
    ("The CCG will update the Health and Wellbeing Board in March.", {(CCG, "reports_to", HWB)}),
    (f"{TRUST} is performance managed by the CCG.", {(TRUST, "accountable_to", CCG)}),
    # membership: a constituent member, forming part of, a body that will be made up of others
    (f"{TRUST} is a constituent member of the {ALLIANCE}.", {(TRUST, "member_of", ALLIANCE)}),
    (f"{TRUST} forms part of the {ALLIANCE}.", {(TRUST, "member_of", ALLIANCE)}),
    (f"The Council is one of the 14 councils that make up the {ALLIANCE}.", {(COUNCIL, "member_of", ALLIANCE)}),
    (f"The CCG is one of seven CCGs in the {EXEC}.", {(CCG, "member_of", EXEC)}),
    (f"The {EXEC} will be made up of senior officers from the Council and the CCG.",
     {(COUNCIL, "member_of", EXEC), (CCG, "member_of", EXEC)}),
    # a team that is part of a body is hosted by it; support provided to a body by another
    ("The Public Health Team is part of the Council.", {(COUNCIL, "hosts", "Public Health Team")}),
    # a team that sits on a partnership is its member, not its own
    (f"The Public Health Team is a member of the {ALLIANCE}.", {("Public Health Team", "member_of", ALLIANCE)}),
    (f"Advice and support are provided to the {CARERS} by {TRUST}.", {(TRUST, "provides_to", CARERS)}),
    ("The strategy was co-produced with Healthwatch Exampleton.", {(CCG, "partners_with", "Healthwatch Exampleton")}),
    # a sum received from a body; acting alongside a body; a working relationship
    (f"The {CARERS} received £8,000 from the Council in 2019/20.", {(COUNCIL, "funds", CARERS)}),
    ("Funding of £2m has been secured from the Department of Health and Social Care.",
     {("Department of Health and Social Care", "funds", CCG)}),
    # a body that speaks of funding gives none
    (f"The {CARERS} said funding of £20,000 has been received from the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The Council, alongside {TRUST}, used census data to map loneliness.", {(COUNCIL, "partners_with", TRUST)}),
    (f"The Council has a strong working relationship with {TRUST}.", {(COUNCIL, "partners_with", TRUST)}),
    (f"The Council will work more closely with {TRUST}.", {(COUNCIL, "partners_with", TRUST)}),
    # a provider's own commissioner; a scrutiny call-in holds the decision maker to account
    (f"{TRUST}'s main commissioner is the CCG.", {(CCG, "commissions", TRUST)}),
    ("The Exampleton Health Scrutiny Committee called in the decision of the Exampleton Borough Council Cabinet.",
     {("Exampleton Borough Council Cabinet", "accountable_to", "Exampleton Health Scrutiny Committee")}),
    ("The Exampleton Health Scrutiny Committee may refer the decision back to the Exampleton Borough Council Cabinet.",
     {("Exampleton Borough Council Cabinet", "accountable_to", "Exampleton Health Scrutiny Committee")}),
    ("The Exampleton Borough Council Cabinet will consider the recommendations of the Exampleton Health Scrutiny Committee.",
     {("Exampleton Borough Council Cabinet", "accountable_to", "Exampleton Health Scrutiny Committee")}),
    ("The CCG will respond in writing to the Exampleton Health Scrutiny Committee.",
     {(CCG, "accountable_to", "Exampleton Health Scrutiny Committee")}),
    # terms of reference: what a body's membership shall comprise
    (f"The membership of the {EXEC} shall comprise the Council, the CCG and {TRUST}.",
     {(COUNCIL, "member_of", EXEC), (CCG, "member_of", EXEC), (TRUST, "member_of", EXEC)}),
    (f"4.1 Membership of the {EXEC}: the Council and the CCG.", {(COUNCIL, "member_of", EXEC), (CCG, "member_of", EXEC)}),
    (f"The {EXEC} is a partnership board of the Council, the CCG and {TRUST}.",
     {(COUNCIL, "member_of", EXEC), (CCG, "member_of", EXEC), (TRUST, "member_of", EXEC)}),
    # a body's partners named as such; a provider acting for another, named between commas
    (f"The Council's key partners include the CCG and {TRUST}.", {(COUNCIL, "partners_with", CCG), (COUNCIL, "partners_with", TRUST)}),
    (f"{TRUST}, on behalf of the Council, provides the reablement service.", {(TRUST, "provides_to", COUNCIL)}),
    # a host provider hosts; a kind of body named before the body it answers to
    (f"{TRUST} is the host provider for the {ALLIANCE}.", {(TRUST, "hosts", ALLIANCE)}),
    ("The CCG is a statutory NHS body accountable to the Council.", {(CCG, "accountable_to", COUNCIL)}),
    # a provider in a relative clause; a grant given to one body by another; a body's officer in the chair
    (f"The Chair welcomed staff of {CARERS}, which delivers respite care on behalf of the Council.", {(CARERS, "provides_to", COUNCIL)}),
    (f"Grant funding of £50,000 was awarded to {CARERS} by the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The CCG's Accountable Officer chairs the {EXEC}.", {(CCG, "member_of", EXEC)}),
])
def test_more_of_the_genres_forms(sentence, expected):
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence", [
    # joining a council or trust is no membership; joining someone in an act is none either
    f"The Council joined {TRUST} in calling for more funding.",
    # partners asked to act are no list of partners
    "The Council's partners are asked to note the report.",
    # a council's own cabinet chaired by its leader: no body is a member of its own committee
    "The Council's Leader chairs the Exampleton Borough Council Cabinet.",
    "The Exampleton Borough Council Cabinet is chaired by the Leader of the Council.",
    # a commissioner of a service, not of a body; a sum towards a body's own scheme
    "The Council is the lead commissioner for the Better Care Fund.",
    # a body said to be subject to something is no event that depends on another
    "The CCG is subject to the national planning guidance.",
    # leading a body's work is no hosting of the body; a contribution to a body's own scheme funds the scheme
    f"The Council leads the {EXEC}'s work on housing.",
    f"The Council's contribution to the {CARERS} scheme is small.",
    # a relationship said to be no more than that is no partnership
    "The Council's relationship with the Government remains difficult.",
    # responding to a body that scrutinises nothing is no accountability
    "The CCG will respond to the Health and Wellbeing Board.",
    # updating a body that is no board is no reporting line; a sum provided to a place
    f"The CCG will update {TRUST} on the referral figures.",
    "The Council provided £2m of funding for the Ashby area.",
])
def test_no_relation_in_the_genres_other_forms(sentence):
    assert triples(sentence) == set()


@pytest.mark.parametrize("blocks, expected", [
    # 'It' and 'This' opening a sentence go on about the subject of the sentence before
    ((f"The {CARERS} is a local charity. It receives a grant from the Council.",), {(COUNCIL, "funds", CARERS)}),
    ((f"The {CARERS} will run the carers' hub. In most cases this will require close working with {TRUST}.",),
     {(CARERS, "partners_with", TRUST)}),
    # the 'It' of "It is proposed that ..." is no body: the author speaks
    ((f"The {CARERS} will run the carers' hub. It is proposed that we work closely with {TRUST}.",), {(CCG, "partners_with", TRUST)}),
])
def test_a_pronoun_opening_a_sentence_is_the_subject_before(blocks, expected):
    assert triples(*blocks) == expected


def test_local_scrutiny_committees_in_lower_case_are_the_papers_group_of_them():
    assert triples("Health Overview and Scrutiny Committees (HOSCs) review changes to local services.",
                   f"{TRUST} must consult its local health scrutiny committees on any substantial change.") == \
        {(TRUST, "accountable_to", "Health Overview and Scrutiny Committees")}
    # with no such group named, a scrutiny committee in lower case is no body
    assert triples(f"{TRUST} must consult its local health scrutiny committees on any substantial change.") == set()


@pytest.mark.parametrize("sentence", [
    f"{CCG}, our lead commissioner, has agreed the contract.",
    f"Our main commissioner, {CCG}, has agreed the contract.",
])
def test_our_commissioner_in_a_providers_paper_commissions_the_provider(sentence):
    cover = [f"{TRUST} Board of Directors", "Date: 1 May 2020", "Report Title: Contracts",
             f"Report Author: Jo Bloggs, Director of Finance, {TRUST}"]
    out = extract(f"This paper is from {TRUST}.", sentence, cover=cover)
    assert {(r.source, r.relation, r.target) for r in out.relations} == {(CCG, "commissions", TRUST)}


@pytest.mark.parametrize("sentence, expected", [
    # a contract stated with its verb: the commissioner holds it, whichever body the sentence opens with
    (f"The CCG contracts with {TRUST} for community nursing.", {(CCG, "commissions", TRUST)}),
    (f"{TRUST} has contracted directly with the CCG since 2017.", {(CCG, "commissions", TRUST)}),
    # acting under delegated authority answers to the body that delegated it
    (f"{TRUST} acts under delegated authority from the CCG.", {(TRUST, "accountable_to", CCG)}),
    ("The CCG exercises delegated commissioning functions on behalf of NHS England.", {(CCG, "accountable_to", "NHS England")}),
    ("Primary care commissioning is delegated to the CCG by NHS England.", {(CCG, "accountable_to", "NHS England")}),
    # money passed on and grants given
    ("The CCG transfers funding to the Council through the Better Care Fund.", {(CCG, "funds", COUNCIL)}),
    (f"The Council grant-funds {CARERS}.", {(COUNCIL, "funds", CARERS)}),
    (f"{CARERS} is supported by a grant from the Council.", {(COUNCIL, "funds", CARERS)}),
    # a Section 75 agreement the two bodies hold together
    ("The Council and the CCG have a Section 75 agreement for learning disability services.", {(COUNCIL, "partners_with", CCG)}),
])
def test_contracts_by_their_verb_delegated_authority_and_money_passed_on(sentence, expected):
    assert triples(sentence) == expected


TRANSFORMATION = "Exampleton Transformation Board"


@pytest.mark.parametrize("sentence, expected", [
    # a partner of a body one joins is its member; a partner of a council is its partner
    (f"{TRUST} is a key partner of the Council.", {(TRUST, "partners_with", COUNCIL)}),
    (f"{TRUST} is a key partner of the {UCPB}.", {(TRUST, "member_of", UCPB)}),
    (f"Partners on the {UCPB} include the Council and the CCG.", {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB)}),
    (f"The {UCPB} is jointly chaired by the Council and the CCG.", {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB)}),
    (f"The Council commissions the service, which is provided by {CARERS}.", {(COUNCIL, "commissions", CARERS)}),
    (f"The Council has recommissioned {CARERS}.", {(COUNCIL, "commissions", CARERS)}),
    (f"{CARERS} has been selected as the preferred provider by the Council.", {(COUNCIL, "commissions", CARERS)}),
    (f"{CARERS} is the Council's provider of carers' assessments.", {(COUNCIL, "commissions", CARERS)}),
    (f"{CARERS} receives funding from both the Council and the CCG.", {(COUNCIL, "funds", CARERS), (CCG, "funds", CARERS)}),
    (f"The CCG provides £2m per year to {CARERS}.", {(CCG, "funds", CARERS)}),
    (f"{CARERS} is funded through the Better Care Fund by the Council.", {(COUNCIL, "funds", CARERS)}),
    (f"The {UCPB} will be held accountable by the Health and Wellbeing Board.", {(UCPB, "accountable_to", HWB)}),
    (f"Responsibility for the plan has been delegated by the Health and Wellbeing Board to the {UCPB}.", {(UCPB, "accountable_to", HWB)}),
    (f"The {TRANSFORMATION} will be stood down and replaced by the {UCPB}.", {(UCPB, "replaces", TRANSFORMATION)}),
])
def test_partners_of_joint_chairs_recommissioning_and_bodies_stood_down(sentence, expected):
    assert triples(sentence) == expected


def _terms_of_reference(*lines):
    from pipeline.extract import extract_paper
    from tests.textpaper import paper

    heading = f"{UCPB} Terms of Reference"
    parsed, _ = paper(*INTRO, ("heading", heading), *lines, cover=COVER)
    for block in parsed.blocks[len(INTRO):]:
        block.section = heading
    return {(r.source, r.relation, r.target) for r in extract_paper(parsed).relations}


def test_a_terms_of_references_fields_are_said_of_the_body_its_heading_names():
    assert _terms_of_reference("Accountable to: Exampleton Health and Wellbeing Board",
                               f"Membership: Exampleton Borough Council, {TRUST} and {CARERS}.") == \
        {(UCPB, "accountable_to", HWB), (COUNCIL, "member_of", UCPB), (TRUST, "member_of", UCPB), (CARERS, "member_of", UCPB)}
    assert _terms_of_reference("Reports to: the Council and the CCG.") == {(UCPB, "reports_to", COUNCIL), (UCPB, "reports_to", CCG)}
    # with no body in its heading, a membership field is the board's the paper is for, never the author's
    assert triples(f"Membership: Exampleton Borough Council and {CARERS}.") == {(COUNCIL, "member_of", HWB), (CARERS, "member_of", HWB)}


def test_a_table_of_services_gives_each_rows_commissioner_and_funder_the_rows_provider():
    from schemas import Table

    table = Table(page=1, rows=[["Service", "Provider", "Commissioner", "Funder"],
                                ["Community nursing", TRUST, "NHS Exampleton CCG", ""],
                                ["Carers' support", CARERS, COUNCIL, "NHS England"]])
    out = extract(*INTRO, "The table below lists the main contracts.", table, cover=COVER)
    assert {(r.source, r.relation, r.target) for r in out.relations} == \
        {(CCG, "commissions", TRUST), (COUNCIL, "commissions", CARERS), ("NHS England", "funds", CARERS)}
    # a table with no provider column says nothing of who commissions whom
    table = Table(page=1, rows=[["Organisation", "Commissioner"], [TRUST, "NHS Exampleton CCG"]])
    assert not extract(*INTRO, "The table below lists the attendees.", table, cover=COVER).relations


JHOSC = "Exampleton Joint Health Overview and Scrutiny Committee"


@pytest.mark.parametrize("sentence, expected", [
    (f"The Trust has a statutory duty to consult the {JHOSC} on the proposals.", {(TRUST, "accountable_to", JHOSC)}),
    (f"The {UCPB} is sponsored by the Council.", {(COUNCIL, "hosts", UCPB)}),
    ("The Council and the CCG co-commission the service.", {(COUNCIL, "partners_with", CCG)}),
    (f"The {UCPB} is a joint board of the Council and the CCG.", {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB)}),
    (f"{CARERS} is contracted to deliver the service on behalf of the Council.", {(COUNCIL, "commissions", CARERS)}),
    (f"{TRUST} and {CARERS} have formed an alliance.", {(TRUST, "partners_with", CARERS)}),
    (f"{TRUST} is in an alliance with {CARERS}.", {(TRUST, "partners_with", CARERS)}),
    (f"{TRUST} is the lead provider, with {CARERS} as a subcontractor.", {(TRUST, "commissions", CARERS)}),
    # 'alongside' after a clause is said of the sentence's subject, not of the body the clause ends on
    (f"The CCG is a member of the {UCPB}, alongside the Council.", {(CCG, "member_of", UCPB)}),
])
def test_duties_to_consult_sponsors_joint_boards_alliances_and_lead_providers(sentence, expected):
    assert triples(sentence) == expected


def test_a_lead_in_whose_subject_is_its_items_gives_each_item_the_relation():
    def with_items(lead, *items):
        out = extract(*INTRO, lead, *(("bullet", item) for item in items), cover=COVER)
        return {(r.source, r.relation, r.target) for r in out.relations}

    assert with_items(f"The following organisations are members of the {UCPB}:", COUNCIL, CARERS) == \
        {(COUNCIL, "member_of", UCPB), (CARERS, "member_of", UCPB)}
    # the lead-in names the items' giver; the author receives nothing
    assert with_items("The following organisations receive grants from the Council:", CARERS, "Exampleton Mind") == \
        {(COUNCIL, "funds", CARERS), (COUNCIL, "funds", "Exampleton Mind")}


def test_a_label_between_two_items_does_not_hide_the_subject_before():
    service = "Exampleton Reablement Service"
    team = "Exampleton Falls Response Team"
    out = extract(*INTRO, ("bullet", f"The {service} supports adults leaving hospital."), ("bullet", "Joint Working"),
                  ("bullet", f"Includes a {team}"), cover=COVER)
    assert (service, "hosts", team) in {(r.source, r.relation, r.target) for r in out.relations}


def test_an_approved_row_of_a_grant_applications_table_is_funded_by_the_author():
    from schemas import Table

    cover = ["Exampleton Borough Council", "Community Committee", "Date: 4 June 2024", "Report Title: Community grants",
             f"Report Author: Jo Bloggs, Grants Officer, {COUNCIL}"]
    table = Table(page=1, rows=[["Organisation", "Project Summary", "Amount Requested", "Recommendation"],
                                [CARERS, "A carers' cafe", "£1,200", "Approved. Meets the criteria."],
                                ["Exampleton Mind", "Peer support", "£900", "£500 approved."],
                                ["Exampleton Rugby Club", "New kit", "£2,000", "Rejected. Does not meet the criteria."]])
    out = extract(f"This report is from {COUNCIL}.", "The applications are set out below.", table, cover=cover)
    found = {(r.source, r.relation, r.target) for r in out.relations}
    assert {(COUNCIL, "funds", CARERS), (COUNCIL, "funds", "Exampleton Mind")} <= found
    assert not any(t == "Exampleton Rugby Club" for _, _, t in found)


@pytest.mark.parametrize("sentence, expected", [
    # a minute's presentations and updates to a board
    (f"{TRUST} presented an update to the Health and Wellbeing Board on winter pressures.", {(TRUST, "reports_to", HWB)}),
    (f"The Board received a presentation from {TRUST}.", {(TRUST, "reports_to", HWB)}),
    (f"The Board noted the report from {TRUST}.", {(TRUST, "reports_to", HWB)}),
    # a minute's grants: given by the subject, else by the author
    (f"RESOLVED that the Council award a grant of £5,000 to {CARERS}.", {(COUNCIL, "funds", CARERS)}),
    (f"It was agreed that a grant of £5,000 be awarded to {CARERS}.", {(CCG, "funds", CARERS)}),
    (f"{CARERS} was awarded £2,000.", {(CCG, "funds", CARERS)}),
    # a sum awarded by someone else, named or not, is not the author's
    (f"{CARERS} was awarded £2m by the National Lottery.", set()),
    (f"{CARERS} was awarded £2m by NHS England.", {("NHS England", "funds", CARERS)}),
])
def test_a_minutes_presentations_to_a_board_and_grants_awarded(sentence, expected):
    assert triples(sentence) == expected


@pytest.mark.parametrize("sentence", [
    f"The {UCPB}'s statutory members are the Council and the CCG.",
    f"The {UCPB}'s core membership includes the Council and the CCG.",
    f"The {UCPB} includes senior leaders from the Council and the CCG.",
    f"The Council and the CCG make up the {UCPB}.",
])
def test_more_of_the_genres_ways_of_naming_a_boards_members(sentence):
    assert triples(sentence) == {(COUNCIL, "member_of", UCPB), (CCG, "member_of", UCPB)}


def test_a_terms_of_references_function_to_report_is_the_heading_bodys():
    assert _terms_of_reference("To report on its reviews to the Health and Wellbeing Board.") == {(UCPB, "reports_to", HWB)}
    # with no body in the heading and no board the paper is for, nobody reports
    assert triples("To report on its reviews to the Health and Wellbeing Board.") == set()


def test_a_kind_written_in_lower_case_is_the_one_body_of_that_kind():
    ics = "Exampleton Integrated Care System"
    found = {(r.source, r.relation, r.target) for r in extract(
        *INTRO, f"{ics} (ICS) was formed in 2022.",
        "The integrated care system brings together the CCG, the Council and the Trust.",
        "The clinical commissioning group will work with the borough council on the pathway.", cover=COVER).relations}
    assert {(CCG, "member_of", ics), (COUNCIL, "member_of", ics), (TRUST, "member_of", ics),
            (CCG, "partners_with", COUNCIL)} <= found
