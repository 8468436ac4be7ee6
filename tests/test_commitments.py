"""Commitments on sentences written in the style of board papers, cabinet reports and minutes,
with the tricky negatives: consequences, predictions, risks, requests and what others said."""
from datetime import date

import pytest

from schemas import Table
from tests.textpaper import extract, paper

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019",
         "Report Title: Community services update",
         "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
AUTHOR = "NHS Exampleton Clinical Commissioning Group"
MINUTES = ["EXAMPLETON COUNTY COUNCIL", "CABINET",
           "MINUTES of a meeting of the Cabinet held at County Hall, Exampleton on Thursday, 14 March 2024."]
COUNCIL = "Exampleton County Council"


def run(*blocks):
    return extract(*blocks, cover=COVER)


def minutes(*blocks):
    return extract("Exampleton County Council held its Cabinet meeting at County Hall.", *blocks, cover=MINUTES)


def promised(out):
    return [(c.quote, c.actor, c.modality) for c in out.commitments]


def in_section(section, *blocks):
    """The paper's blocks, all under one section heading."""
    from pipeline.extract import extract_paper

    parsed, _ = paper(*blocks, cover=COVER)
    parsed = parsed.model_copy(update={"blocks": [b.model_copy(update={"section": section}) for b in parsed.blocks]})
    return extract_paper(parsed)


# --- who promises -------------------------------------------------------------------------

def test_named_body_will_is_a_firm_commitment_with_due_date():
    out = run("NHS Exampleton CCG will publish a revised dementia strategy by March 2020.")
    [c] = out.commitments
    assert c.actor == "NHS Exampleton CCG" and c.modality == "firm"
    assert c.due == "by March 2020" and c.due_start == date(2020, 3, 1)


def test_we_resolves_to_the_authoring_body():
    out = run("NHS Exampleton CCG has led the review.", "We will recruit twelve additional community nurses.")
    [c] = [c for c in out.commitments if "nurses" in c.quote]
    assert c.actor == "NHS Exampleton CCG"


def test_the_authors_own_staff_as_subject():
    out = run("Commissioners should review the contract as national templates become available.",
              "Local teams will continue to run the drop-in clinics.",
              "Residents will continue to use the walk-in centre.")
    assert [(c.quote.split()[0], c.actor, c.modality) for c in out.commitments] == [
        ("Commissioners", AUTHOR, "conditional"), ("Local", AUTHOR, "firm")]


def test_a_unit_of_the_author_named_as_subject_is_the_actor():
    out = run("The Carers Support Service will continue to offer breaks to unpaid carers.",
              "The SEND service will review each plan at the annual review.",
              "The service will keep a waiting list.")
    assert [c.actor for c in out.commitments] == ["Carers Support Service", "SEND service", AUTHOR]
    out = run("The Special Educational Needs and Disabilities (SEND) service will keep each plan under review.")
    assert [c.actor for c in out.commitments] == ["Special Educational Needs and Disabilities service"]   # its canonical name


def test_a_role_as_subject_and_a_councillor_in_minutes():
    out = run("The Director of Public Health will present an update to the Board in June 2019.")
    [c] = out.commitments
    assert c.actor == "Director of Public Health" and c.due == "in June 2019"
    out = minutes("Cllr Patel will write to the bus operator about the timetable.")
    assert promised(out) == [("Cllr Patel will write to the bus operator about the timetable.", COUNCIL, "firm")]


def test_a_body_and_an_unnamed_partner_share_one_promise():
    out = run("The CCG and Local Authority have committed to this model.",
              "Senior officers of both Exampleton Borough Council and the CCG, should bring regular reports "
              "to the Board.",
              "The paper sets out how we will strengthen engagement.")
    assert [c.actor for c in out.commitments] == [AUTHOR, "Exampleton Borough Council"]


def test_the_body_of_a_reported_clause_and_past_an_apposition():
    out = minutes("The Leader advised that the Council, along with other county councils, would be making "
                  "representations to government on the funding formula.")
    assert promised(out)[0][1:] == (COUNCIL, "conditional")


def test_our_framework_and_a_thing_of_the_papers_own_business():
    out = run("Our carers strategy will support us to reach more young carers.",
              "Planning conversations will begin at age 14 for every young person with a disability.",
              "The budget for the reablement service will transfer to the Council from April 2020.")
    assert [(c.actor, c.modality) for c in out.commitments] == [(AUTHOR, "firm")] * 3
    assert out.commitments[2].due == "from April 2020"


def test_it_and_they_stand_for_the_subject_of_the_sentence_before():
    out = run("Our carers strategy will set the direction for the next five years.",
              "It will also bring the voluntary sector into the planning of respite care.",
              "Local district and borough councils have each been asked to review their housing offer.",
              "They are developing local action plans for older people.")
    assert [(c.quote.split()[0], c.actor) for c in out.commitments] == [
        ("Our", AUTHOR), ("It", AUTHOR), ("They", "district and borough councils")]


def test_a_pronoun_never_stands_for_we_nor_for_a_sentence_of_another_section():
    out = run("We will need to work together as partners to make this change.",
              "It will require integration across the whole system.")
    assert [c.quote.split()[0] for c in out.commitments] == ["We"]
    out = in_section("3. Background", "It will also bring the voluntary sector into the planning of respite care.")
    assert out.commitments == []


def test_he_or_she_in_minutes_is_the_person_named_before():
    out = minutes("County Cllr Webb confirmed the grant had been paid but she would check the invoice.",
                  "A resident explained that she would write to the bus operator.",
                  "Cllr Patel thanked officers for the report.",
                  "She would write to the operator about the timetable.")
    assert [(c.quote.split()[0], c.actor) for c in out.commitments] == [("County", COUNCIL), ("She", COUNCIL)]


def test_bodies_named_by_their_kind_promise_only_with_will():
    out = run("All partners will sign up to the shared data agreement by June 2020.",
              "NHS trusts and local authorities would make decisions together.",
              "Local authorities must appoint members to the committee.")
    assert [(c.quote.split()[0], c.actor) for c in out.commitments] == [("All", "partners")]


def test_a_need_to_be_so_or_a_question_to_settle_is_no_promise():
    out = run("We need to be careful not to promise too much.",
              "We need to decide which model suits each borough.",
              "We need to recruit more community nurses.")
    assert [c.quote.split()[-2] for c in out.commitments] == ["community"]


# --- how it is promised -------------------------------------------------------------------

def test_would_and_intends_are_conditional():
    out = run("Exampleton Borough Council would consider extending the scheme to older people.",
              "We intend to move outpatient clinics into the community.")
    assert {c.modality for c in out.commitments} == {"conditional"}
    assert len(out.commitments) == 2


def test_it_is_proposed_and_the_proposal_is_are_conditional_promises_of_the_author():
    out = run("It is proposed to merge the two falls services from 1 April 2020.",
              "To address this, the proposal is to bring the contracts together under one provider.")
    assert [(c.actor, c.modality) for c in out.commitments] == [(AUTHOR, "conditional")] * 2
    assert out.commitments[0].due == "from 1 April 2020"


def test_committed_to_and_work_in_progress_are_firm():
    out = run("We remain committed to a single front door for adult social care.",
              "The CCG is developing a new model of intermediate care.",
              "A shared care record is also in development for the three boroughs.",
              "Changes are being made to the referral form.")
    assert [(c.actor, c.modality) for c in out.commitments] == [(AUTHOR, "firm")] * 4


def test_the_papers_body_stating_its_commitment():
    out = run("This plan reflects our commitment to reducing health inequalities.")
    assert promised(out) == [(out.commitments[0].quote, AUTHOR, "firm")]


def test_an_aim_as_subject():
    out = run("The first step will be to map the voluntary services in each ward.")
    assert promised(out) == [("The first step will be to map the voluntary services in each ward.", AUTHOR, "firm")]


def test_a_condition_makes_a_promise_conditional():
    out = run("If the business case is approved, the CCG will recommission the service in 2020.",
              "Carers will be consulted, should there be any change to the respite offer.")
    assert [c.modality for c in out.commitments] == ["conditional", "conditional"]


def test_two_promises_in_one_sentence_are_two_records_and_hedges_make_them_conditional():
    out = run("Our carers' forum will continue and we will potentially open it to young carers.")
    assert [(c.quote, c.modality) for c in out.commitments] == [
        ("Our carers' forum will continue", "firm"),
        ("we will potentially open it to young carers.", "conditional")]


def test_the_author_suggesting_a_next_step_is_conditional():
    out = run("It may be helpful to commission an independent review of the provider market.",
              "It may be that demand rises further.")
    [c] = out.commitments
    assert c.actor == AUTHOR and c.modality == "conditional"


# --- passives ----------------------------------------------------------------------------

def test_passive_promise_takes_the_agent_or_else_the_author():
    out = run("NHS Exampleton CCG has led the review.",
              "Pooled budgets for learning disability services will be agreed between Exampleton Borough Council "
              "and the CCG before April 2020.",
              "Carers affected by the changes will be contacted individually.",
              "The final allocations will be confirmed to us by NHS England in the spring.")
    actors = {c.quote.split()[0]: c.actor for c in out.commitments}
    assert actors == {"Pooled": "Exampleton Borough Council", "Carers": "NHS Exampleton CCG",
                      "The": "NHS England"}
    assert {c.modality for c in out.commitments} == {"firm"}


def test_passives_of_the_papers_own_business_with_a_purpose_or_a_pronoun():
    out = run("Where figures are published monthly, these will be monitored to spot rising demand.",
              "The equality impact assessment will continue to be reviewed as the project progresses.",
              "People who use the service will be engaged before any change.")
    assert [(c.actor, c.modality) for c in out.commitments] == [(AUTHOR, "firm")] * 3


def test_passives_in_quotes_relative_clauses_states_or_comparisons_are_not_promises():
    out = run("The national plan says 'difficult choices will be made' across the system.",
              "An uplift which will be paid later in the year is expected.",
              "The longer the delay, the more money will be spent.",
              "Providers will be required to register with the regulator.",
              "This will be supported by a regional digital platform.",
              "We will be inspected by the regulator next year.")
    assert out.commitments == []


def test_would_passives_are_promises_only_in_minutes():
    said = "A detailed update on the reuse shops would be brought back to Cabinet in due course."
    assert promised(minutes(said)) == [(said, COUNCIL, "conditional")]
    assert run(said).commitments == []


# --- minutes in reported speech -------------------------------------------------------------

def test_reported_plans_and_commitments_of_the_council():
    out = minutes("To close the gap, the council planned to raise council tax by 2.99%.",
                  "The directorate remained committed to keeping the budget on track.",
                  "These pressures would be addressed in the medium-term plan.",
                  "Currently there were no concerns about places, however, this would continue to be monitored.")
    assert [(c.actor, c.modality) for c in out.commitments] == [
        (COUNCIL, "conditional"), (COUNCIL, "firm"), (COUNCIL, "conditional"), (COUNCIL, "conditional")]


def test_action_points_of_minutes():
    out = minutes("Clerk to ask the insurer to send a representative to the next meeting.",
                  "ACTION: Cllr Patel to report back on the bus timetable.",
                  "Residents to be reminded of the consultation.")
    assert [(c.quote.split()[0], c.actor) for c in out.commitments] == [("Clerk", COUNCIL), ("ACTION:", COUNCIL)]
    assert run("Clerk to ask the insurer to send a representative.").commitments == []


def test_reported_forecasts_consequences_and_other_bodies_are_not_promises():
    out = minutes("The forecast indicated that £12 million in savings would be delivered this year.",
                  "This would leave a substantial gap in the budget.",
                  "Without a settlement, new authorities would face significant challenges.",
                  "Members agreed to refer the decision to full Council.",
                  "The bill would place new duties on local authorities.",
                  "Any offers of help at the fete would be greatly appreciated.")
    assert out.commitments == []


# --- lists and action plans ------------------------------------------------------------------

def test_items_under_a_promise_lead_in_open_with_a_verb():
    out = run("Over the next two years we will:",
              ("bullet", "Expand the falls service to every practice."),
              ("bullet", "Working with schools to promote active travel."),
              ("bullet", "Healthy weight remains a priority."))
    assert [(c.quote.split()[0], c.actor, c.modality) for c in out.commitments] == [
        ("Expand", AUTHOR, "firm"), ("Working", AUTHOR, "firm")]


def test_items_without_a_verb_continue_a_strong_promise_lead_in():
    out = run("Our priorities for the next three years are:",
              ("numbered", "A focus on early help for families."),
              ("numbered", "Healthy weight remains a priority."),
              "The plan has three themes:",
              ("numbered", "A focus on older people."))
    assert promised(out) == [("A focus on early help for families.", AUTHOR, "firm")]


def test_verbless_items_under_a_plan_lead_in_name_its_work_but_not_its_topics_nor_a_look_back():
    out = run("The partnership's plan for 2025-28 has three priority areas of action:",
              ("bullet", "A stronger focus on prevention in schools and colleges."),
              ("bullet", "Enhanced peer support networks for people in recovery."),
              ("bullet", "Housing and homelessness in coastal towns."),
              "Progress against our priorities this year:",
              ("bullet", "More people in treatment than in any previous year."))
    assert [c.quote.split()[1] for c in out.commitments] == ["stronger", "peer"]


def test_a_lead_in_is_conditional_only_for_a_proposal_not_a_plan_it_names():
    out = run("Our priorities, with an explanation of each, are:", ("bullet", "Expand the falls service."),
              "The partnership's plan for 2020-23 has three priorities for each of its themes:",
              ("bullet", "Expand the falls service."))
    assert [c.modality for c in out.commitments] == ["firm", "firm"]


def test_items_under_a_proposal_are_conditional_and_achievements_are_none():
    out = run("The following approach is proposed to integrate commissioning:",
              ("bullet", "Designate the CCG as host for mental health commissioning."),
              "Key achievements delivered this year included:",
              ("bullet", "Launching the new carers hub in the town centre."))
    assert promised(out) == [("Designate the CCG as host for mental health commissioning.", AUTHOR, "conditional")]


def test_an_action_plan_cell_takes_its_lead_and_date_from_its_row():
    out = run(Table(page=1, rows=[["Action", "Lead", "By when"],
                          ["Recruit two social prescribers", "Exampleton Borough Council", "March 2020"],
                          ["Falls rates", "", ""]]))
    [c] = out.commitments
    assert (c.quote, c.actor, c.modality) == ("Recruit two social prescribers", "Exampleton Borough Council", "firm")
    assert c.due == "March 2020"


def test_a_table_of_what_the_author_has_committed_to_is_an_action_plan():
    out = run(Table(page=1, rows=[["What we have committed to", "Led by", "Timescale"],
                          ["Encourage healthy eating through the family hubs", "Exampleton Borough Council", "Mar 2026"]]))
    assert promised(out) == [("Encourage healthy eating through the family hubs", "Exampleton Borough Council", "firm")]


# --- what is not a promise -------------------------------------------------------------------

def test_request_to_the_board_is_a_decision_not_a_commitment():
    out = run("The Health and Wellbeing Board is asked to note the progress on the Better Care Fund plan.")
    assert out.commitments == []
    [d] = out.decisions
    assert d.kind == "recommendation"


def test_aspiration_without_actor_is_not_a_commitment():
    out = run("It is hoped that waiting times will fall over the coming months.",
              "Services should be closer to home.")
    assert out.commitments == []


def test_question_is_not_a_commitment():
    out = run("What could we commission together at borough level?")
    assert out.commitments == []


@pytest.mark.parametrize("sentence", [
    "The new model will mean fewer emergency admissions.",                 # consequence
    "This will enable us to share records across the borough.",            # consequence, no actor
    "Demand for home care will rise by 5% a year.",                         # prediction with no agent
    "Delays could lead to higher costs for the Council.",                   # risk
    "The Council could face a shortfall of £2m.",                           # risk of a body
    "Joint working with the trust will be critical.",                       # copula
    "We will be better able to plan the workforce.",                        # consequence for a body
    "If the scheme is not extended, the CCG will continue to pay for spot beds.",  # counterfactual
    "We would welcome views from the Board on the options.",                # attitude
    "Young people who will move to adult services are listed in the annex.",  # relative clause
    "There will be a Joint Committee of the two councils.",                 # existential
    "The Councils must decide who will respond to the consultation.",       # a decision to come
    "The mortality rate from falls will remain at a similar level.",        # a measure's forecast
    "The number of children in care will continue to rise.",                # a measure's trend
])
def test_what_is_not_a_promise(sentence):
    assert run(sentence).commitments == []


def test_hypotheticals_of_an_options_section_are_not_promises():
    out = in_section("4. Options considered", "Under option B the CCG would keep the service in house.")
    assert out.commitments == []


def test_a_group_of_ccgs_named_by_kind_promises_after_a_fronted_phrase():
    cover = ["Westshire Collaboration of CCGs", "Date: 12 March 2019", "Report Title: Commissioning reform"]
    out = extract("The six Westshire CCGs wrote this paper together.",
                  "In the first year the local CCGs would keep commissioning community services from the ICP.",
                  "From April the CCGs will publish one joint plan.", cover=cover)
    assert [(c.quote[:28], c.actor) for c in out.commitments] == [
        ("In the first year the local ", "Westshire CCGs"), ("From April the CCGs will pub", "Westshire CCGs")]


def test_a_promise_after_an_aside_to_the_reader_and_a_keen_stance():
    out = run("As you would expect we will be keen to make sure the move does not unsettle existing clinics.",
              "As members will be aware, the CCG will publish its estates strategy in the spring.",
              "The CCG would be keen to understand what role it can play.")
    assert [(c.quote[:20], c.actor, c.modality) for c in out.commitments] == [
        ("As you would expect ", AUTHOR, "firm"), ("As members will be a", AUTHOR, "firm")]


def test_a_rule_of_procedure_a_choice_of_powers_and_a_past_conditional_are_not_promises():
    out = run("In accordance with paragraph 4.2 of the Constitution, the CCG must consider the comments of the "
              "Scrutiny Committee before it decides.",
              "The CCG may confirm, vary or withdraw its decision.",
              "Without a joint committee the CCG would not have examined the proposal in detail.",
              "The CCG may publish its response in June.",
              "The CCG would have a seat on the new board.")
    assert [c.quote[:24] for c in out.commitments] == ["The CCG may publish its ", "The CCG would have a sea"]


def test_an_item_offering_one_of_several_alternatives_is_not_a_promise():
    out = run("Having considered the call-in, we will:",
              ("numbered", "Confirm the decision, or"),
              ("numbered", "Refer the decision back to the Governing Body for review."))
    assert [c.quote[:12] for c in out.commitments] == ["Refer the de"]


def test_they_stands_for_a_plural_kind_of_body_whose_verb_is_not_known():
    out = run("Local drug and alcohol partnerships bring together the police, probation and treatment services.",
              "They aim to reduce drug related deaths across the county.")
    assert promised(out) == [("They aim to reduce drug related deaths across the county.",
                              "Local drug and alcohol partnerships", "conditional")]


def test_an_event_or_a_where_clause_makes_a_promise_conditional():
    out = run("In the event of the Board agreeing the plan, the CCG will publish it in May.",
              "Where there are disagreements, the CCG will meet the council to settle them.",
              "The CCG will publish the plan in May.")
    assert [c.modality for c in out.commitments] == ["conditional", "conditional", "firm"]


def test_a_plan_based_on_recommendations_is_no_proposal_but_recommended_actions_are():
    out = run("The following priority areas are based on the recommendations of the needs assessment:",
              ("bullet", "Expand the peer support network in every town."),
              "The following actions are recommended:",
              ("bullet", "Expand the falls service to every practice."))
    assert [c.modality for c in out.commitments] == ["firm", "conditional"]


def test_a_body_seeking_funding_from_a_grants_panel_promises_nothing():
    out = minutes("Friends of Kingsmere Park are seeking funding to restore the bandstand in the park.",
                  "The Exampleton Youth Trust is requesting grant funding to run holiday clubs.")
    assert promised(out) == []
    # What the applicant says it will do with the money is its promise.
    out = minutes("The Exampleton Youth Trust will also run a holiday club for young carers.")
    assert [a for _, a, _ in promised(out)] == ["Exampleton Youth Trust"]


def test_a_role_fronted_before_we_without_a_comma_leaves_we_the_subject():
    out = run("Change will take time, and as leaders in Exampleton we are committed to working as one system.")
    assert [a for _, a, _ in promised(out)] == [AUTHOR]


def test_minutes_give_an_action_to_a_body_by_initials_never_spelt_out():
    out = minutes("Highways: the bin on Mill Lane is broken. KBC to remove the bin and replace it.")
    assert [(a, m) for _, a, m in promised(out)] == [("KBC", "firm")]


def test_initials_in_a_groups_minutes_with_no_author_body_promise_for_themselves():
    from tests.textpaper import extract as extract_with
    out = extract_with("JB and KT will draft the terms of reference before the next meeting.",
                       "PR would circulate the slides to the group.",
                       cover=["Minutes of the data sharing working group", "Date: 12 March 2019"])
    assert [(a, m) for _, a, m in promised(out)] == [("JB and KT", "firm"), ("PR", "conditional")]


def test_an_offer_made_at_a_meeting_is_a_conditional_commitment_but_a_service_offered_elsewhere_is_not():
    out = minutes("Exampleton County Council offered the Mill Road depot as a site for the trial.")
    assert [(a, m) for _, a, m in promised(out)] == [(COUNCIL, "conditional")]
    assert promised(run("NHS Exampleton Clinical Commissioning Group offered a range of services in 2018.")) == []


def test_our_deadline_or_aim_is_that_we_is_a_stated_aim():
    out = run("Our proposed deadline is that we become one commissioning body by April 2021.")
    assert [(a, m) for _, a, m in promised(out)] == [(AUTHOR, "conditional")]


def test_an_action_plan_cell_reporting_its_action_done_is_progress_not_a_promise():
    out = run(Table(page=1, rows=[["Action", "Lead", "By when"],
                          ["Support for unpaid carers: a carers campaign funded by the Better Care Fund went live in May", "Exampleton Borough Council",
                           "2024"],
                          ["Recruit two social prescribers", "Exampleton Borough Council", "March 2025"]]))
    assert [q for q, _, _ in promised(out)] == ["Recruit two social prescribers"]


def test_a_fronted_purpose_without_a_comma_does_not_hide_the_body_after_it():
    out = run("In order to make the most of the arts partnership the Exampleton Borough Council proposes to host "
              "an open-air concert.")
    assert [(a, m) for _, a, m in promised(out)] == [("Exampleton Borough Council", "conditional")]


def test_a_body_that_has_promised_and_an_agreement_that_commits_a_body_are_firm_commitments():
    out = run("Central government has also promised new funding for the county's care homes.",
              "Exampleton County Council has promised to publish the review by June.",
              "The Deal commits Exampleton County Council to develop a joint spatial plan.")
    assert [(a, m) for _, a, m in promised(out)] == [("Central Government", "firm"), ("Exampleton County Council", "firm"),
                                                     ("Exampleton County Council", "firm")]


def test_a_reply_confirming_a_body_is_happy_to_act_is_its_conditional_promise():
    out = minutes("The memorial belongs to Exampleton County Council (ECC).",
                  "Clerk reply confirming ECC are happy to maintain the memorial provided the charity meets the costs.")
    assert (COUNCIL, "conditional") in [(a, m) for _, a, m in promised(out)]


def test_moving_towards_a_model_is_a_direction_of_travel_but_moving_a_service_is_a_promise():
    assert promised(run("In line with national policy we are also moving towards a more collaborative model of care.")) == []
    out = run("We are moving the community nursing team to the new health centre in May.")
    assert [a for _, a, _ in promised(out)] == [AUTHOR]


def test_where_the_money_comes_from_is_no_promise_but_a_body_funding_is():
    out = run("The new falls service will be funded from the Better Care Fund.",
              "The cost of the extra beds will be met from reserves held by the CCG.",
              "Additional sessions will be provided in part from the public health grant.",
              "The Exampleton Health and Wellbeing Board will fund the pilot for a further year.")
    assert [q for q, *_ in promised(out)] == [
        "The Exampleton Health and Wellbeing Board will fund the pilot for a further year."]


def test_costs_paid_for_or_covered_by_a_budget_are_no_promise():
    out = run("The scheme will be paid for by developer contributions.",
              "The costs will be covered by the existing falls prevention budget.")
    assert promised(out) == []


def test_a_board_that_will_receive_a_further_report_plans_its_business():
    out = run("The Exampleton Health and Wellbeing Board will receive a further report in the autumn.",
              "Providers will receive less funding next year.")
    assert [(q, actor) for q, actor, _ in promised(out)] == [
        ("The Exampleton Health and Wellbeing Board will receive a further report in the autumn.",
         "Exampleton Health and Wellbeing Board")]


def test_a_chief_nurse_promises_as_an_officer_does():
    out = run("The Chief Nurse will present the safer staffing review to the Board in September.")
    assert [modality for *_, modality in promised(out)] == ["firm"]


def test_a_passive_whose_participle_carries_a_hyphened_prefix_is_read_as_a_passive():
    out = run("The community equipment service will be re-tendered in 2020.",
              "The new pathway will be co-produced with carers.")
    assert [(actor, modality) for _, actor, modality in promised(out)] == [(AUTHOR, "firm"), (AUTHOR, "firm")]


def test_an_action_log_s_open_actions_are_promises_and_its_completed_ones_are_not():
    log = Table(page=1, rows=[["Action", "Owner", "Due date", "Status"],
                              ["Circulate the revised referral criteria", "Clerk", "30 April 2019", "Open"],
                              ["Bring the winter plan to the Board", "Director of Operations", "June 2019", "Open"],
                              ["Review the complaints process", "Head of Quality", "March 2019", "Complete"]])
    out = run("The action log is below.", log)
    assert [q for q, *_ in promised(out)] == ["Circulate the revised referral criteria",
                                              "Bring the winter plan to the Board"]


def test_minutes_known_by_their_list_of_those_present_read_would_as_a_meeting_s_future():
    from tests.textpaper import extract as extract_with
    out = extract_with("Exampleton Town Council held its Parks Committee at the Town Hall.",
                       "A further update on the lease would be provided to the Committee in September.",
                       cover=["Parks and Open Spaces", "Tuesday 4th June 2019", "Town Hall", "Present:",
                              "Cllrs Green (Chairman), Hill and Shaw."])
    assert [m for *_, m in promised(out)] == ["conditional"]
