"""Forms of promise the genre uses beyond 'will': a plan announced ('is to'), an undertaking or
pledge, a duty taken on ('will be responsible for'), action points in lists and logs."""
from tests.textpaper import extract

COVER = ["Westshire Health and Wellbeing Board", "Date: 4 June 2024",
         "Report Title: Carers support programme",
         "Report Author: Sam Jones, Head of Commissioning, Westshire County Council"]
AUTHOR = "Westshire County Council"
MINUTES = ["WESTSHIRE COUNTY COUNCIL", "CABINET",
           "MINUTES of a meeting of the Cabinet held at County Hall, Westshire on Tuesday, 4 June 2024."]


def promised(*blocks, cover=COVER):
    return [(c.quote, c.actor, c.modality) for c in extract(*blocks, cover=cover).commitments]


def test_a_body_that_is_to_act_promises_as_with_will():
    said = ["Westshire Community Health Trust is to open two more respite beds in the autumn.",
            "Westshire County Council is due to publish its refreshed carers offer in March 2025.",
            "Officers are to bring the revised eligibility criteria back to the Board."]
    assert promised(*said) == [(said[0], "Westshire Community Health Trust", "firm"),
                               (said[1], AUTHOR, "firm"), (said[2], AUTHOR, "firm")]


def test_is_to_before_no_verb_a_cause_or_a_purpose_promises_nothing():
    assert promised("The question for the Council is to what extent the offer can grow.",
                    "Westshire County Council is due to rising demand in a difficult position.",
                    "The purpose of the carers fund is to support people who look after relatives.",
                    "Westshire County Council is to be congratulated on the new hub.",
                    "It is to be noted that the waiting list has fallen.") == []


def test_the_papers_next_step_or_intention_stated_with_is_to():
    said = ["The next step is to consult carers on the draft offer over the summer.",
            "The intention is to extend the scheme to young carers from 2025.",
            "Our ambition for carers is to make Westshire the best place in the region to care.",
            "A review of respite provision is to be carried out by the end of the year."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "conditional"),
                               (said[2], AUTHOR, "conditional"), (said[3], AUTHOR, "firm")]


def test_an_undertaking_a_pledge_or_a_commitment_made_is_firm():
    said = ["Westshire Community Health Trust has undertaken to report its waiting times to the Board every quarter.",
            "The Council has pledged to double the number of carers' assessments by 2026.",
            "Westshire County Council has made a clear commitment to pay carers' travel costs.",
            "The Council has signed up to the regional carers' charter."]
    assert [(actor, modality) for _, actor, modality in promised(*said)] == [
        ("Westshire Community Health Trust", "firm"), (AUTHOR, "firm"), (AUTHOR, "firm"), (AUTHOR, "firm")]


def test_a_pledge_of_money_or_work_undertaken_is_no_promise():
    assert promised("£40,000 pledged to the carers' hub came from local businesses.",
                    "£1.2m committed to the programme came from reserves.",
                    "The survey undertaken to inform this plan reached 900 carers.") == []


def test_a_sum_a_body_has_committed_to_a_programme_is_its_firm_promise():
    said = ["Westshire County Council has committed £1.5m to the carers' programme.",
            "Westshire Community Health Trust has committed a further £200,000 of funding towards respite."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], "Westshire Community Health Trust", "firm")]


def test_a_duty_a_body_takes_on_is_a_promise_but_a_things_is_not():
    said = ["Westshire Community Health Trust will be responsible for running the new respite service.",
            "The Council will be jointly accountable for the pooled budget with the ICB."]
    assert [(actor, modality) for _, actor, modality in promised(*said)] == [
        ("Westshire Community Health Trust", "firm"), (AUTHOR, "firm")]
    assert promised("The new rota will be responsible for a fall in agency spend.") == []


def test_action_points_name_a_role_of_several_words_and_stand_in_lists_of_any_paper():
    assert promised("Action: Director of Adult Social Services to circulate the carers' survey results.",
                    cover=MINUTES)[0][1] == "Director of Adult Social Services"
    said = "Officers to report back on the respite pilot in September."
    assert promised("Actions arising from the workshop:", ("bullet", said)) == [(said, AUTHOR, "firm")]
    assert promised(said) == []             # a report's sentence, not an action log's item
    assert promised("Actions arising from the workshop:",
                    ("bullet", "Continue to work with the carers' forum on the offer.")) == [
        ("Continue to work with the carers' forum on the offer.", AUTHOR, "firm")]


def test_an_undertaking_given_in_minutes():
    said = "The Cabinet Member undertook to send a written answer to Mr Hill."
    assert [q for q, _, m in promised(said, cover=MINUTES) if m == "firm"] == [said]


def test_a_row_with_an_owner_and_a_date_promises_its_work_whatever_its_column_is_called():
    from schemas import Table

    out = extract(Table(page=1, rows=[["Objective", "Owner", "Target date"],
                                      ["Recruit three carers' champions", "Westshire County Council", "June 2025"],
                                      ["Carers' wellbeing", "Westshire County Council", "June 2025"]]), cover=COVER)
    assert [(c.quote, c.actor, c.due) for c in out.commitments] == [
        ("Recruit three carers' champions", AUTHOR, "June 2025")]
    out = extract(Table(page=1, rows=[["Risk description", "Progress update", "Risk owner", "Review date"],
                                      ["Lose respite beds to winter pressures", "Reviewed weekly with providers",
                                       "Westshire County Council", "May 2025"]]), cover=COVER)
    assert out.commitments == []
    out = extract(Table(page=1, rows=[["Objective", "Notes"], ["Recruit three carers' champions", "None"]]), cover=COVER)
    assert out.commitments == []


def test_each_of_a_kind_of_body_or_each_of_the_authors_places_promises_with_will():
    said = ["Each of the four district councils will hold a public meeting on the draft plan.",
            "Each locality will appoint a carers' lead by the end of the year.",
            "All of the partners will sign the data sharing agreement."]
    assert [(actor, modality) for _, actor, modality in promised(*said)] == [
        ("four district councils", "firm"), (AUTHOR, "firm"), ("partners", "firm")]
    assert promised("Each locality could appoint a carers' lead.",
                    "Each locality system will have a different starting point.") == []


def test_a_role_known_by_the_initials_the_paper_gave_it():
    said = "The DCS will keep oversight of the young carers' service."
    first = "The Director of Children's Services (DCS) is accountable for children's social care."
    assert promised(first, said) == [(said, AUTHOR, "firm")]
    assert promised(said) == []          # initials the paper never defined name nothing


def test_those_present_at_a_meeting_by_their_initials():
    cover = MINUTES + ["Present: Jo Hill (JH), Ann Cole (AC)"]
    out = extract("Westshire County Council held its Cabinet meeting at County Hall.",
                  "JH would circulate the revised terms of reference.", cover=cover)
    assert [(c.quote, c.actor) for c in out.commitments] == [
        ("JH would circulate the revised terms of reference.", AUTHOR)]


def test_a_state_denied_or_a_question_reported_is_no_promise():
    assert promised("Without the transfer the Director will not have oversight of the young adults' service.",
                    "The Council will not close any day centre this year.") == [
        ("The Council will not close any day centre this year.", AUTHOR, "firm")]
    assert promised("Cllr Hill asked if the Council was planning to extend the scheme.", cover=MINUTES) == []


def test_a_role_whose_directorate_name_holds_a_comma_is_one_subject():
    said = ["The Corporate Director Growth, Housing and Transport will publish the revised bus strategy.",
            "If agreed, the Corporate Director Adults and the Corporate Director Schools, Skills and Learning "
            "will have delegated authority to move the budget."]
    assert [(actor, modality) for _, actor, modality in promised(*said)] == [
        ("Corporate Director Growth, Housing and Transport", "firm"), (AUTHOR, "conditional")]
    # Bodies listed with commas keep the last one named as before.
    said = "Westshire County Council, Westshire Community Health Trust and Westshire Carers Trust will run the hub."
    assert promised(said)[0][1] == "Westshire Community Health Trust"


def test_work_planned_or_scheduled_is_the_authors():
    said = ["A review of the carers' assessment form is planned for the spring.",
            "Two further drop-in sessions are scheduled for July."]
    assert promised(*said) == [(said[0], AUTHOR, "conditional"), (said[1], AUTHOR, "firm")]


def test_a_body_expected_to_act_is_a_conditional_promise_but_a_trend_or_a_duty_of_a_kind_is_not():
    said = "Westshire Community Health Trust is expected to sign the new contract in May."
    assert promised(said) == [(said, "Westshire Community Health Trust", "conditional")]
    assert promised("Demand for respite is expected to rise by a tenth.",
                    "Local authorities are expected to set a balanced budget.",
                    "Westshire County Council is expected to face a deficit next year.",
                    "The work began in 2019 and the Council was expected to finish it within three years.") == []


def test_it_after_a_body_reporting_its_own_intent_stands_for_that_body():
    said = ["Westshire Community Health Trust has confirmed that it will keep the ward open over winter.",
            "Carers Westshire Trust has said they will run the helpline until March."]
    assert [actor for _, actor, _ in promised(*said)] == ["Westshire Community Health Trust", "Carers Westshire Trust"]


def test_a_body_working_with_others_in_an_aside_still_promises():
    said = "The Council, working closely with the voluntary sector, will refresh the carers' offer."
    assert promised(said) == [(said, AUTHOR, "firm")]


def test_a_member_named_by_office_promises_but_members_deciding_do_not():
    said = "The Cabinet Member for Adult Social Care will write to every care home."
    assert promised(said, cover=MINUTES) == [(said, "Cabinet Member for Adult Social Care", "firm")]
    assert promised("At that meeting, Members agreed to defer the item to full Council.", cover=MINUTES) == []


def test_a_list_right_under_a_heading_that_promises_is_promised():
    out = extract(("heading", "Next steps"), ("bullet", "Recruit two carers' champions by June 2025."),
                  ("bullet", "Publish the refreshed offer for consultation."), ("heading", "Background"),
                  ("bullet", "Recruit volunteers through the carers' forum."), cover=COVER)
    assert [c.quote.split()[0] for c in out.commitments] == ["Recruit", "Publish"]
    out = extract(("heading", "Actions completed this year"), ("bullet", "Recruit two carers' champions."), cover=COVER)
    assert out.commitments == []


def test_a_we_will_column_and_a_numbered_action_point():
    from schemas import Table

    out = extract(Table(page=1, rows=[["We will", "By when"], ["Recruit two carers' champions", "June 2025"]]),
                  cover=COVER)
    assert [(c.quote, c.due) for c in out.commitments] == [("Recruit two carers' champions", "June 2025")]
    said = "2) Director of Public Health to share the respite data with members."
    assert promised("Actions agreed:", ("numbered", said)) == [(said, "Director of Public Health", "firm")]


def test_if_a_body_is_to_achieve_something_states_a_purpose_and_the_promise_follows():
    said = "If we are to reach every young carer, we need to work through schools."
    [(quote, actor, modality)] = promised(said)
    assert (actor, modality) == (AUTHOR, "conditional")
    assert extract(said, cover=COVER).commitments[0].action.startswith("work through schools")


def test_a_bodys_priorities_objectives_or_plan_stated_as_to_are_its_aims():
    said = ["Westshire Community Health Trust's priorities for 2025 are to cut waiting times and to support carers.",
            "Our plan is to open two more carers' hubs by 2026."]
    assert promised(*said) == [(said[0], "Westshire Community Health Trust", "conditional"),
                               (said[1], AUTHOR, "conditional")]
    assert promised("This report's objective is to update the Board on the carers' offer.") == []


def test_work_of_the_papers_business_that_will_need_to_be_done_is_its_firm_promise():
    said = ["The remaining actions will need to be delivered within existing resources.",
            "Further engagement with carers will need to be undertaken before the service goes live."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "firm")]
    # A body acted upon, a state, a hypothetical or a possibility is not.
    assert promised("Westshire County Council will need to be assured that the offer is safe.",
                    "Carers will need to be involved in the design.",
                    "The offer would need to be extended if demand rose.",
                    "The scheme may need to be reviewed.") == []


def test_what_the_paper_proposes_in_a_that_clause_is_a_conditional_promise():
    said = ["It is proposed that a carers' reference group is set up to oversee the new offer.",
            "It is proposed that Westshire Community Health Trust hosts the single point of access.",
            "It is intended that the respite service will move to the new hub in the spring."]
    assert promised(*said) == [(said[0], AUTHOR, "conditional"),
                               (said[1], "Westshire Community Health Trust", "conditional"),
                               (said[2], AUTHOR, "conditional")]
    # What the board is asked to decide, a power granted, and a motion put in minutes are not.
    assert promised("It is proposed that the Board notes the progress made.",
                    "It is proposed that the Director of Adult Services receives delegated authority to sign.") == []
    assert promised("It was proposed that the item be deferred to the next meeting.", cover=MINUTES) == []


def test_a_span_of_time_before_the_subject_is_passed_over():
    said = ["Over the next few weeks each of the three borough councils will hold a briefing for carers.",
            "In the coming months the Shared Lives service will recruit ten more carers."]
    assert [(actor, modality) for _, actor, modality in promised(*said)] == [
        ("three borough councils", "firm"), (AUTHOR, "firm")]
    assert promised("Over the next five years demand for respite will rise.",
                    "In phase two the number of carers assessed will grow.") == []


def test_a_step_of_the_papers_business_expected_or_a_report_coming_back_is_the_authors():
    said = ["The new respite contract is expected to be awarded in the autumn.",
            "The carers' hub is expected to open in January 2025.",
            "A further report will come back to the Board once the costs are known."]
    assert promised(*said) == [(said[0], AUTHOR, "conditional"), (said[1], AUTHOR, "conditional"),
                               (said[2], AUTHOR, "firm")]
    # A forecast of a sum or a measure, or what is to befall a service, is not.
    assert promised("The funding gap is expected to be reduced by 2026.",
                    "The number of carers assessed is expected to be higher next year.",
                    "The day service is expected to be affected by the changes.",
                    "Most of the savings will come from fewer admissions.") == []


def test_this_or_it_carrying_on_a_promise_just_made_is_that_bodys_promise():
    out = promised("Westshire Community Health Trust will open a carers' drop-in at the hospital.",
                   "This will run every Tuesday from September.",
                   "We will set up a carers' reference group.",
                   "It will report to the Board twice a year.")
    assert [actor for _, actor, _ in out] == ["Westshire Community Health Trust"] * 2 + [AUTHOR] * 2
    # What a promise will cost, mean or allow is its consequence; after no promise 'this' promises nothing.
    assert len(promised("We will recruit four carers' support workers.", "This will cost £120,000 a year.",
                        "This will mean shorter waits for an assessment.")) == 1
    assert promised("Demand for respite has risen by a fifth.", "This will ensure pressure on the service stays high.") == []


def test_a_target_for_a_measure_in_the_passive_or_what_a_task_will_take_is_no_promise():
    assert promised("By 2027, the proportion of carers who feel supported will be increased from 38% to 45%.",
                    "Meeting the needs of young carers will take a sustained effort from every partner.") == []
    said = ["The number of respite beds will be increased to twelve.", "The carers' summit will take place in May."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "firm")]


def test_an_offer_made_in_a_meeting_or_a_commitment_a_strategy_states_is_a_promise():
    said = ["Cllr Shah offered to write to the bus operator about the evening timetable.",
            "The Clerk volunteered to contact the insurer before the next meeting."]
    assert promised(*said, cover=MINUTES) == [(said[0], AUTHOR, "conditional"), (said[1], AUTHOR, "conditional")]
    stated = "The decision supports the Council's strategy, with the commitment to support every carer in Westshire."
    assert promised(stated) == [(stated, AUTHOR, "firm")]
    # An offer of a service, help offered in the passive, and a commitment to a value are not.
    assert promised("Respite breaks are offered to carers across the county.",
                    "The Council offered to families a range of short breaks.",
                    "The plan was drawn up with a commitment to openness.") == []


def test_work_afoot_plans_in_place_next_steps_and_what_will_be_in_place_are_the_authors():
    said = ["Work is underway to refresh the carers' strategy.",
            "Recruitment to the two carers' support posts is in progress.",
            "Discussions are taking place with the hospice about a joint offer.",
            "Plans are in place to open a second carers' hub in 2025.",
            "Next steps include a review of respite provision by March 2025.",
            "The new online assessment will be in place by April 2025."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "firm"), (said[2], AUTHOR, "firm"),
                               (said[3], AUTHOR, "conditional"), (said[4], AUTHOR, "firm"), (said[5], AUTHOR, "firm")]
    assert promised("The winter pressures period is underway.", "The carers' fair is taking place in the town hall.",
                    "The next steps are:", "The new hub will be busy with visitors.") == []


def test_we_after_agreeing_with_a_body_a_thing_due_to_finish_and_an_ambition_for_others_to_act():
    said = ["We have agreed with Westshire Community Health Trust that we will jointly fund the post.",
            "The carers' review is due to complete in March 2025.",
            "Our ambition is for every carer to be offered an assessment within a month."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "firm"), (said[2], AUTHOR, "conditional")]
    assert promised("The take-up rate is due to rise next year.", "Our plan for the winter is for more staff.",
                    "The model that we will adopt is set out below.") == []


def test_the_role_a_body_acts_in_as_an_aside_leaves_it_the_subject():
    said = ["Westshire Community Health Trust, as the lead provider, will manage the respite contract.",
            "Westshire County Council as a whole will adopt the carers' charter."]
    assert promised(*said) == [(said[0], "Westshire Community Health Trust", "firm"), (said[1], AUTHOR, "firm")]
    # An aside with a verb of its own is a clause, whose subject is not the promiser.
    assert promised("Carers, as the survey has shown, will value a single point of contact.") == []


def test_a_piece_of_work_named_in_an_action_column_is_promised_but_an_outcome_is_not():
    from schemas import Table

    out = extract(Table(page=1, rows=[["Action", "Lead", "By when"],
                                      ["Development of a carers' hub in the north", "Westshire County Council", "June 2025"],
                                      ["More carers live well at home", "Westshire County Council", "2026"],
                                      ["Increased uptake of carers' assessments", "Westshire County Council", "2026"]]),
                  cover=COVER)
    assert [(c.quote, c.actor) for c in out.commitments] == [("Development of a carers' hub in the north", AUTHOR)]


def test_what_a_member_said_would_be_done_is_reported_as_a_plan_in_minutes():
    said = ["The Cabinet Member said that a consultation on respite would be launched in the spring."]
    assert promised(*said, cover=MINUTES) == [(said[0], AUTHOR, "conditional")]
    assert promised("Members said that the scheme would cost too much.", cover=MINUTES) == []


def test_an_assurance_that_the_papers_business_stays_as_it_is_is_a_promise():
    said = ["None of this will change when the two services merge.",
            "The carers' helpline will not change under these proposals."]
    assert promised(*said) == [(said[0], AUTHOR, "firm"), (said[1], AUTHOR, "firm")]
    assert promised("Demand for respite will not change.", "The funding gap will not change next year.",
                    "This will change the way carers are assessed.") == []
