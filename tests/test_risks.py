"""Risks on sentences written in the style of board papers, cabinet reports and minutes, with
the tricky negatives: the stages (suggest -> classify -> fill) and the records they make."""
import re

import pytest

from extractors.context import build_context
from extractors.risks import classify, suggest
from pipeline.extract import extract_paper, prepare
from schemas import Table
from tests.textpaper import extract, paper

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019",
         "Report Title: Community services update",
         "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
CABINET = ["Exampleton Borough Council", "Cabinet", "Date: 4 June 2024", "Report Title: Budget monitoring",
           "Report Author: Sam Lee, Head of Finance, Exampleton Borough Council"]


def run(*blocks, cover=COVER):
    return extract(*blocks, cover=cover)


def in_section(section, *blocks):
    """The blocks as a paper whose every block sits under `section`."""
    parsed, _ = paper(*blocks, cover=COVER)
    parsed.blocks = [b.model_copy(update={"section": section}) for b in parsed.blocks]
    return extract_paper(parsed)


def quotes(records):
    return [r.quote for r in records]


def decisions(*blocks):
    """(sentence, source, reason dropped or None) for every candidate `suggest` proposes."""
    parsed, _ = paper(*blocks, cover=COVER)
    prepared = prepare(parsed)
    ctx = build_context(parsed, prepared.document, prepared.orgs)
    return [(c.sentence.text, c.source, classify(c)) for c in suggest(ctx)]


# --- the ways a risk is stated --------------------------------------------------------------

def test_explicit_risk_statements():
    out = run("There is a risk that workforce shortages could delay the opening of the new hub.",
              "The main risk is the end of the short-term discharge grant in 2026.",
              "We risk losing the support of the voluntary sector if the grants round slips.")
    assert len(out.risks) == 3


def test_minutes_in_reported_speech():
    out = run("Members expressed concern that the home care contract would not be in place by April.",
              "Mrs Patel noted the potential impact of the bus subsidy cut on rural day centres.",
              "The overspend was lower than at the end of the second quarter, however, it remained a "
              "significant concern for the Authority.",
              "Concerns were raised about the capacity of the reablement service over winter.")
    assert len(out.risks) == 4


def test_minutes_report_pressures_and_consequences_in_the_past_tense():
    out = run("It was noted that the Trust remained under significant financial pressure.",
              "Members were advised that demand for placements was expected to exceed the budget.",
              "Officers explained that without additional funding the service would have to close.",
              "It was reported that there had been delays in the delivery of the new vehicles.")
    assert len(out.risks) == 4


def test_pressures_shortfalls_and_unsustainable_positions():
    out = run("Rising demand for placements is putting further pressure on the children's services budget.",
              "The grant received was insufficient to cover the cost of the night service.",
              "Using reserves to balance the budget year after year is unsustainable.",
              "Recruitment to specialist posts has proved difficult in the last year.")
    assert len(out.risks) == 4


def test_consequences_and_barriers_to_delivery():
    out = run("Delays to the building works could push the opening of the centre into 2026.",
              "Higher energy prices may lead to more households falling into fuel poverty.",
              "The lack of a shared care record remains a barrier to joined-up discharge.")
    assert len(out.risks) == 3


def test_a_condition_states_its_risk_and_its_remedy():
    out = run("If the extension is not agreed, around 200 families will lose their support worker in March.")
    [risk] = out.risks
    assert risk.mitigation == "If the extension is not agreed"


def test_an_option_turned_down_for_its_drawback():
    out = run("A shared team was also considered.",
              "This option was not taken forward as it would leave two teams assessing the same people.")
    [risk] = out.risks
    assert risk.quote.startswith("This option was not taken forward")
    assert risk.mitigation == "This option was not taken forward"


def test_drawbacks_under_a_run_in_heading_of_rejected_options():
    out = run("Alternatives considered and rejected:",
              "Keeping the service in-house would mean higher unit costs for the Council.",
              "A second provider was approached in May.")
    [risk] = out.risks
    assert risk.quote.startswith("Keeping the service in-house")
    assert risk.mitigation == "Alternatives considered and rejected"


def test_a_modal_sentence_is_a_risk_under_a_risk_heading_only():
    sentence = "The contract may need to be re-let if the provider withdraws from the framework."
    assert len(in_section("7. Risk implications > 7.2", sentence).risks) == 1
    assert in_section("3. Background > 3.1", sentence).risks == []


def test_a_clause_pointing_back_states_its_risk_with_the_clause_before():
    out = run("The service could not keep relying on one-off grants; this was unsustainable.")
    assert quotes(out.risks) == ["The service could not keep relying on one-off grants; this was unsustainable."]


def test_impacts_the_paper_calls_adverse_or_expects():
    out = run("Closing the unit would impact negatively on our standing with local partners.",
              "The new charges could have a detrimental effect on smaller care homes.",
              "Families on low incomes are likely to be disproportionately affected by the fare increase.",
              "Higher rents may be a longer-term effect of the shortage of social housing.")
    assert len(out.risks) == 4


def test_an_impact_that_is_not_adverse_is_not_a_risk():
    out = run("The new hubs will impact positively on the health of residents.",
              "The assessment shows no negative impact on any protected group.")
    assert out.risks == []


def test_threats_a_sentence_gives_as_its_reason_or_its_consequence():
    out = run("Some of these projects may need to be paused given the ongoing pressures on the capital budget.",
              "Due to difficulties with the contractor the footbridge will not be finished by the end of July.",
              "The savings target may mean stopping some of the smaller grant schemes.",
              "Running two referral routes would result in duplication of effort.")
    assert len(out.risks) == 4


def test_what_cannot_be_done_or_is_not_met():
    out = run("Rising need for support at home cannot be managed within the current block contracts.",
              "Significant levels of unmet need remain for mental health support among older carers.")
    assert len(out.risks) == 2


def test_a_condition_whose_state_persists_or_harms_is_a_risk():
    out = run("6.2 If the transfer is not agreed, the team will continue to sit in a directorate without the "
              "statutory duty, and gaps in oversight will remain.",
              "Should the panel decide not to meet, the option would still be open to members to write in.")
    assert [r.quote[:6] for r in out.risks] == ["6.2 If"]


def test_drawbacks_after_a_run_in_that_rejects_an_option_in_the_same_paragraph():
    out = run("Alternatives considered and rejected: Do nothing; This would leave residents without a "
              "local service. It would additionally damage our relationships with community partners.")
    assert [r.mitigation for r in out.risks] == ["Alternatives considered and rejected: Do nothing"] * 2


# --- risk lists ------------------------------------------------------------------------------

def test_items_under_a_risk_lead_in_are_risks_and_benefit_items_are_not():
    out = run("The main risks of the new model include:",
              ("bullet", "Loss of specialist staff to neighbouring systems;"),
              ("bullet", "Higher demand for home care packages."),
              "Benefits of the model include:",
              ("bullet", "A single point of access for residents."))
    assert quotes(out.risks) == ["Loss of specialist staff to neighbouring systems;",
                                 "Higher demand for home care packages."]


def test_items_under_a_plan_against_risks_are_not_risks():
    out = run("To reduce the risk of falls we will:",
              ("bullet", "Offer strength and balance classes in every library."),
              ("bullet", "Review medicines for residents of care homes."))
    assert out.risks == []


def test_only_the_first_sentence_of_a_risk_item_is_the_risk():
    out = run("If the timetable slips we would face the following risks:",
              ("bullet", "Vacancies are likely to rise with ongoing uncertainty. Neighbouring areas will have settled."))
    assert quotes(out.risks) == ["Vacancies are likely to rise with ongoing uncertainty."]


def test_a_trailing_fragment_joins_the_clause_before_it():
    out = run("The main risks are:",
              ("bullet", "Loss of control for the partner that does not host the team; and,"))
    assert quotes(out.risks) == ["Loss of control for the partner that does not host the team; and,"]


# --- tables -----------------------------------------------------------------------------------

REGISTER = Table(page=1, rows=[
    ["Risk", "Likelihood", "Impact", "Mitigation / controls"],
    ["Recruitment of care staff may be delayed by national shortages.", "High", "Medium",
     "Rolling recruitment campaign, with agency cover agreed for the first quarter."],
    ["Loss of key staff", "Low", "High", "Succession plans for each senior post."],
])


def test_a_risk_register_row_is_one_risk_with_its_mitigation():
    out = run("Table 2 sets out the main risks and how they are managed.", REGISTER)
    assert [(r.quote, r.mitigation) for r in out.risks] == [
        ("Recruitment of care staff may be delayed by national shortages.",
         "Rolling recruitment campaign, with agency cover agreed for the first quarter"),
        ("Loss of key staff", "Succession plans for each senior post")]


def test_a_register_carried_over_a_page_break_keeps_its_columns():
    continued = Table(page=2, rows=[["Provider failure in the home care market. Two providers have handed back "
                                     "contracts this year.", "Medium", "High", "Market sustainability fund."]])
    out = run(REGISTER, continued)
    [*_, last] = out.risks
    assert last.quote.startswith("Provider failure in the home care market. Two providers")
    assert last.mitigation == "Market sustainability fund"


def test_every_sentence_of_a_disadvantages_column_is_a_risk_and_advantages_are_not():
    options = Table(page=1, rows=[
        ["Option", "Outline", "Advantages", "Disadvantages"],
        ["A", "Each council responds separately.", "More members would take part. There is less risk of delay.",
         "Responses may conflict. Officers would duplicate work. This could be reduced if the clerks share drafts."],
    ])
    out = run(options)
    assert quotes(out.risks) == ["Responses may conflict.", "Officers would duplicate work."]
    assert out.risks[1].mitigation == "This could be reduced if the clerks share drafts"


# --- what only looks like a risk -----------------------------------------------------------------

@pytest.mark.parametrize("text, reason", [
    ("At risk of falls 65+ 1 in 3 23% 2,400 people aged 65 and over in 2018.", "chart label"),
    ("Negative impacts and mitigating actions for age", "label"),
    ("Reduce the risk of falls in care homes.", "planned action"),
    ("We will identify residents at risk of homelessness earlier.", "planned action"),
    ("Around 4,000 children in Exampleton are at greater risk of poverty than in 2015.", "population at risk"),
    ("Smoking increases the risk of stroke and heart disease [4].", "evidence"),
    ("Evidence suggests that loneliness can lead to poorer mental health.", "evidence"),
    ("There are no significant risks arising from this report.", "denied"),
    ("No significant concerns were raised about the impact on waiting times.", "denied"),
    ("Minimal negative impact on older residents is expected from the change.", "denied"),
    ("The Chair thanked officers for managing the pressures on the service this winter.", "thanks"),
    ("Despite the pressures on the budget, the partnership opened the hub on time.", "concession"),
    ("Table 2 sets out the main risks and how they are managed.", "pointer to risks"),
    ("There is a risk register for each workstream of the programme.", "risk instrument"),
    ("Young carers are more likely to miss school and less likely to report it than their peers.", "evidence"),
    ("If there are any obstacles to using the shared drive, a new site could be set up.", "contingency"),
    ("Tenants may have been more adversely affected if the works had started in the winter.", "counterfactual"),
    ("No one ward would be more adversely affected than any other by the change.", "denied"),
    ("This presents challenges and pressures.", "pointer"),
    ("She was worried that she would not be able to keep up with the rent.", "a person's story"),
    ("The assessment found that the proposal would not adversely affect any protected group.", "denied"),
    ("The change is not expected to have a negative impact on residents.", "denied"),
    ("Members were reassured that there would be no impact on front line services.", "denied"),
    ("The funding gap has now been closed through one-off savings.", "denied"),
    ("Apologies were received from Cllr Patel, who was unable to attend.", "attendance"),
])
def test_what_only_looks_like_a_risk_is_dropped_with_its_reason(text, reason):
    assert [reason_dropped for _, _, reason_dropped in decisions(text)] == [reason]


def test_a_sentence_cut_by_a_page_break_is_not_read_from_its_middle():
    assert decisions("There is no expectation that older residents in the scheme",
                     "would be adversely affected by the proposed change.") == [
        ("would be adversely affected by the proposed change.", "threat:negative impact", "fragment")]


def test_headings_and_lead_ins_are_read_as_headings_never_as_risks():
    assert decisions("Risks and mitigations", "The main risks of the new model are:") == []


def test_a_risk_written_as_a_label_is_a_risk():
    assert quotes(run("Risk: loss of key staff").risks) == ["Risk: loss of key staff"]


@pytest.mark.parametrize("text", [
    "The population aged over 65 grew by 8% between 2011 and 2016.",
    "A single point of access would benefit residents.",
    # a body's choice argued from its means, not a threat to it
    "The Council cannot afford to continue to fund the festival when its care budget is overspent.",
    # a complaint about the paper before the committee, not a threat to a service
    "Members raised concerns about the lack of detail in the report on the savings.",
    # uncertainty about nothing in particular
    "There is some uncertainty here and the group would look at national requirements first.",
    # a constraint explained, not a threat
    "The officer explained that opening the centre at weekends is not possible.",
    # a meeting's own business
    "The item was deferred due to time constraints.",
    # a complaint about what was not done, not a concern about what may follow
    "Members were concerned that the minutes had not been circulated in time.",
])
def test_headings_background_and_benefits_are_not_risks(text):
    assert run(text).risks == []


def test_a_plan_that_also_states_a_threat_keeps_the_threat():
    out = run("We will support residents at risk of homelessness, but staff shortages could delay the new service.")
    assert len(out.risks) == 1


# --- fields ---------------------------------------------------------------------------------------

def test_mitigations_paired_with_their_risks():
    out = run("The main risks of the new model include:",
              ("bullet", "Duplicated assessments between agencies leading to a need for one shared care record;"),
              ("bullet", "Loss of specialist staff to neighbouring systems;"),
              "There is no additional funding for the new hub. So we must phase the building works over two years.",
              "Recruitment is likely to be affected if the decision is delayed.",
              "Waiting lists are published monthly.")
    mitigations = {r.quote.split()[0]: r.mitigation for r in out.risks}
    assert mitigations == {"Duplicated": "one shared care record", "Loss": None,
                           "There": "So we must phase the building works over two years", "Recruitment": None}


def test_a_remedy_later_in_the_same_minuted_paragraph_answers_each_impact_before_it():
    out = run("The changes could increase staff costs by a tenth. Further impacts could include longer waits "
              "for assessment. The ask of Government was to fund the increase in full.")
    assert [r.mitigation for r in out.risks] == ["The ask of Government was to fund the increase in full"] * 2


def test_a_council_report_risk_is_the_council_s_and_a_board_paper_s_is_no_one_s():
    sentence = "Demand for temporary accommodation is likely to exceed the budget by the autumn."
    [own] = run(sentence, cover=CABINET).risks
    [board] = run(sentence).risks
    assert own.org == "Exampleton Borough Council" and board.org is None


def test_we_resolves_to_the_author_in_a_board_paper():
    [risk] = run("We risk losing the confidence of local providers.").risks
    assert risk.org == "NHS Exampleton Clinical Commissioning Group"


def test_the_cheap_gates_never_hide_a_family_s_match():
    from extractors.risks import cues
    from tests import test_risks
    import inspect
    sentences = [s for s in re.findall(r'"([^"]{20,})"', inspect.getsource(test_risks))]
    for text in sentences:
        low = text.lower()
        for family, pattern in cues.THREAT.items():
            if pattern.search(low):
                assert any(word in low for word in cues.GATES[family]), (family, text)


def test_cuts_ahead_are_risks():
    out = run("Services have set their priorities for next year and not all current activity will necessarily "
              "continue.",
              "The work is valued and, while difficult budget decisions will need to be made, the Council will "
              "protect it where it can.",
              "Not all residents have registered for the scheme yet.",
              "The Board made difficult decisions last year.", cover=CABINET)
    assert [r.quote[:24] for r in out.risks] == ["Services have set their ", "The work is valued and, "]


# --- progress reports and minutes: barriers to delivery written other ways ------------------

BARRIERS = ["A key challenge has been the recruitment of qualified peer mentors.",
            "Challenges: recruitment to the specialist nursing posts remains slow.",
            "Progress has been slower than planned owing to vacancies in the outreach team.",
            "The launch of the app was postponed due to problems with the supplier's platform.",
            "The refurbishment is now behind schedule.",
            "Demand for respite care continues to outstrip the available capacity.",
            "The crisis team is operating at full capacity most weekends.",
            "The service does not have the capacity to meet the current level of referrals.",
            "The home care market is increasingly fragile in the rural districts.",
            "Funding for the navigator posts beyond 2026 is uncertain.",
            "There is no guarantee that the grant will be renewed next year.",
            "The team has struggled to recruit to its two vacant posts.",
            "The project is rated amber because the building works have slipped.",
            "Any further reduction in the public health grant would have a significant impact on services.",
            "Rising referrals are putting further strain on the community mental health teams.",
            "Members were concerned that the timescales for the transfer were unrealistic.",
            "The Trust is facing a projected overspend of £4m at year end.",
            "The savings target is unlikely to be achieved in full this year.",
            "If the deadline is missed, the Council could face financial penalties from the regulator.",
            "A decision taken without consultation would leave the Council open to challenge.",
            "The team relies on one analyst, a single point of failure."]


def test_barriers_to_delivery_in_progress_reports_are_risks():
    for sentence in BARRIERS:
        assert quotes(run(sentence).risks) == [sentence], sentence


def test_good_news_and_background_in_the_same_words_are_not_risks():
    for sentence in ["Costs were lower than expected because of the mild winter.",
                     "Falls and fractures are a key issue for older people's health.",
                     "Members raised concerns about the lack of detail in the report.",
                     "The new hub would have a significant positive impact on waiting times.",
                     "Delivery is on track and the service is rated green.",
                     "Funding of £2m has been secured for the next three years.",
                     "The meeting was postponed by the Chair until 3 May."]:
        assert run(sentence).risks == [], sentence


def test_a_register_of_risks_and_issues_is_read_as_a_register():
    log = Table(page=1, rows=[["Ref", "Risk / Issue", "RAG", "Mitigating actions"],
                              ["R1", "Delays to the building works at the hub", "Amber", "Weekly meetings with the contractor."],
                              ["R2", "Vacancies in the reablement team", "Red", "Agency staff in post until March."]])
    out = run(log)
    assert [(r.quote, r.mitigation) for r in out.risks] == [
        ("Delays to the building works at the hub", "Weekly meetings with the contractor"),
        ("Vacancies in the reablement team", "Agency staff in post until March")]


def test_challenges_met_along_the_way_are_risks():
    for sentence in ["Challenges have included the loss of two outreach workers and a rise in referrals.",
                     "There have been some difficulties with recruiting volunteers in the coastal towns.",
                     "The group sessions were reduced due to staffing issues over the summer."]:
        assert quotes(run(sentence).risks) == [sentence], sentence
    assert run("Challenges include:").risks == []


def test_a_register_whose_risk_column_is_headed_description_is_read_by_its_scores():
    register = Table(page=1, rows=[["Risk ID", "Description", "Likelihood", "Impact", "Controls"],
                                   ["CR4", "Insufficient capacity in the home care market", "4", "4", "Market shaping plan."]])
    out = run(register)
    assert [(r.quote, r.mitigation) for r in out.risks] == [
        ("Insufficient capacity in the home care market", "Market shaping plan")]
    contacts = Table(page=1, rows=[["Ref", "Description", "Owner"], ["A1", "Refresh the carers' strategy", "Head of Service"]])
    assert run(contacts).risks == []


def test_a_risks_and_mitigations_column_and_what_has_not_gone_well_hold_risks():
    log = Table(page=1, rows=[["Workstream", "Risks and mitigations"],
                              ["Housing", "Too few move-on flats; a bid to the capital fund is being prepared."]])
    assert quotes(run(log).risks) == ["Too few move-on flats; a bid to the capital fund is being prepared."]
    out = run("What has not gone so well:", ("bullet", "Referrals from primary care."),
              ("bullet", "Weekend cover for the outreach team."))
    assert quotes(out.risks) == ["Referrals from primary care.", "Weekend cover for the outreach team."]


def test_worries_named_as_such_and_a_reliance_counted_against_the_service_are_risks():
    for sentence in ["The main area of concern is the pace of recruitment to the new hubs.",
                     "Our biggest worry is the loss of experienced staff to the private sector.",
                     "There is a continued reliance on agency staff in the reablement team.",
                     "The befriending service relies heavily on volunteers."]:
        assert quotes(run(sentence).risks) == [sentence], sentence
    for sentence in ["Our main concern is to support carers to stay well.",
                     "The Board's main concern for the year is prevention."]:
        assert run(sentence).risks == [], sentence


def test_a_strain_on_delivery_ahead_is_a_risk_but_a_neutral_effect_is_not():
    out = run("Vacancies in the district nursing team remain high and could affect the delivery of the winter plan.",
              "The service may not meet the 18-week standard this year.",
              "The new referral form may affect how GPs refer patients.",
              "The pilot may not start until the new clinic opens.")
    assert [r.quote for r in out.risks] == [
        "Vacancies in the district nursing team remain high and could affect the delivery of the winter plan.",
        "The service may not meet the 18-week standard this year."]


def test_a_possibility_of_failure_and_a_duty_forced_by_a_condition_not_met_are_risks():
    out = run("There is a real possibility that the contractor will not finish the works before winter.",
              "There is a possibility that the pilot will be extended to other practices.",
              "If the Council does not agree a balanced budget, the Chief Finance Officer will be required to issue a formal notice.")
    assert [r.quote[:20] for r in out.risks] == ["There is a real poss", "If the Council does "]


def test_a_strain_felt_now_on_delivery_is_a_risk():
    out = run("Vacancies in the reablement team are impacting on the service's ability to take new referrals.",
              "Delays in discharge are leading to longer waits in the emergency department.",
              "The new pathway is leading to faster diagnosis.")
    assert [r.quote[:20] for r in out.risks] == ["Vacancies in the rea", "Delays in discharge "]


def test_a_harm_a_plan_expects_to_reduce_is_no_risk_but_a_loss_it_may_bring_is():
    out = run("The new falls service will mean fewer emergency admissions over the winter.",
              "Closing the unit would mean fewer beds for patients in the north of the borough.")
    assert [r.quote[:20] for r in out.risks] == ["Closing the unit wou"]


def test_the_risks_raised_in_minutes_of_a_group_no_body_owns_are_the_group_s():
    out = run("AJ expressed concern that the timetable could slip without more suppliers.",
              cover=["Minutes of the Regional Data Suppliers Subgroup", "9th May 2017", "Present: Ann Jones (AJ)"])
    assert [r.org for r in out.risks] == ["Regional Data Suppliers Subgroup"]


def test_a_register_known_by_its_owner_and_score_columns_gives_its_descriptions_as_risks():
    register = Table(page=1, rows=[["Ref", "Description", "Owner", "Score"],
                                   ["R1", "Demand for placements exceeds the budget", "Director of Children's Services", "16"],
                                   ["R2", "Delays to the capital programme", "Head of Property", "12"]])
    scorecard = Table(page=1, rows=[["Ref", "Description", "Lead", "Score"],
                                    ["S1", "Residents satisfied with parks", "Head of Parks", "78"]])
    out = run("The register is below.", register, cover=CABINET)
    assert [r.quote for r in out.risks] == ["Demand for placements exceeds the budget", "Delays to the capital programme"]
    assert run("The scorecard is below.", scorecard, cover=CABINET).risks == []


def test_what_follows_a_setback_is_a_risk_and_no_promise():
    """'If the bid is unsuccessful, the service will close': a condition the paper fears, with
    nothing promised; a condition that is only a step of the plan ('Should the Board agree')
    stays the promise it was."""
    setbacks = ["If the bid is unsuccessful, the day centre will close in March 2025.",
                "Should the industrial action continue, planned operations will be cancelled.",
                "If funding is withdrawn, three outreach posts would end."]
    plan = "Should the Board agree, the day centre will close on 31 March and its users will move to the new hub."
    result = run(*setbacks, plan)
    assert [r.quote for r in result.risks] == setbacks
    assert [c.quote for c in result.commitments] == [plan]
