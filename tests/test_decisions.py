"""Decisions on sentences written in the style of board papers, cabinet reports and minutes,
with the tricky negatives: paragraph numbers, headings, lead-ins, rules and form fields."""
from extractors.context import Sentence
from extractors.decisions import Candidate, classify
from schemas import BlockKind, Table
from tests.textpaper import extract, paper

HWB_COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019",
             "Report Title: Community services update",
             "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
BOARD = "Exampleton Health and Wellbeing Board"
CCG = "NHS Exampleton Clinical Commissioning Group"
COUNCIL_COVER = ["Exampleton Borough Council", "Cabinet", "Date: 12 March 2024",
                 "Report Title: Transfer of the reablement service",
                 "Report Author: Sam Smith, Head of Adult Services, Exampleton Borough Council"]
COUNCIL = "Exampleton Borough Council"
CABINET = "Exampleton Borough Council Cabinet"


def run(*blocks):
    return extract(*blocks, cover=HWB_COVER)


def council(*blocks):
    return extract(*blocks, cover=COUNCIL_COVER)


def with_sections(*blocks):
    """The blocks extracted with each block's section set to the heading above it."""
    from pipeline.extract import extract_paper

    parsed, _ = paper(*blocks, cover=HWB_COVER)
    section, built = "", []
    for block in parsed.blocks:
        section = block.text if block.kind == BlockKind.heading else section
        built.append(block.model_copy(update={"section": section}))
    return extract_paper(parsed.model_copy(update={"blocks": built}))


def rows(out):
    return [(d.quote, d.kind, d.body, d.date_text) for d in out.decisions]


# --- asks: recommendations to a body -------------------------------------------------------

def test_recommendation_items_under_asked_to_lead_in():
    out = run("The Exampleton Health and Wellbeing Board is asked to:",
              ("bullet", "Agree the refreshed priorities for 2019/20."),
              ("bullet", "Note the timetable for the joint strategic needs assessment."))
    assert [d.kind for d in out.decisions] == ["recommendation", "recommendation"]
    assert {d.body for d in out.decisions} == {BOARD}
    assert out.commitments == []


def test_the_lead_in_is_not_a_decision_its_items_are():
    out = run("The Board is asked to:", ("bullet", "Note the progress made."), ("bullet", "Agree the next steps."))
    assert [d.quote for d in out.decisions] == ["Note the progress made.", "Agree the next steps."]
    assert {d.kind for d in out.decisions} == {"recommendation"}


def test_lettered_asks_with_capitalised_verbs_are_the_cabinets_and_undated():
    out = council("Recommendation(s):", "Cabinet is asked to:",
                  "A. AGREE to TRANSFER the reablement service to the Adult Social Care Directorate from 1 April 2025;",
                  "and B. DELEGATE authority to the Corporate Director of Adult Social Care to take the relevant actions.")
    assert [(d.quote.split()[:2], d.kind, d.body, d.date_text) for d in out.decisions] == [
        (["A.", "AGREE"], "recommendation", CABINET, None), (["and", "B."], "recommendation", CABINET, None)]


def test_paragraph_numbers_and_headings_after_the_asks_are_not_decisions():
    out = council("The Cabinet is asked to:",
                  ("bullet", "APPROVE the revised charging policy; and"),
                  ("numbered", "1. Introduction"),
                  ("numbered", "1.1."),
                  ("numbered", "The Council has a duty to assess the needs of adults who may need care and support."),
                  ("numbered", "1.2."),
                  ("numbered", "Responding to a proposal for substantial change"))
    assert [d.quote for d in out.decisions] == ["APPROVE the revised charging policy; and"]


def test_a_body_recommended_to_note_is_asked_but_a_challenge_it_is_asked_to_overcome_is_not():
    out = run("This report comes to the Exampleton Health and Wellbeing Board.",
              "The Board is recommended to note the annual report of the safeguarding partnership.",
              "The partnership is being asked to overcome the challenges of a growing population.")
    assert rows(out) == [("The Board is recommended to note the annual report of the safeguarding partnership.",
                          "recommendation", BOARD, None)]


def test_that_items_are_recommendations_under_a_heading_or_alone():
    out = with_sections(("heading", "2. Recommendations"),
              ("numbered", "1) That the Board endorses the draft carers strategy for consultation."),
              ("numbered", "2) Officers should report progress to the Board in six months."),
              ("heading", "3. Background"),
              ("numbered", "1) That model was tested in two neighbouring boroughs."),
              ("numbered", "2) That the Board notes the findings of the review."))
    assert [(d.quote.split()[1], d.kind) for d in out.decisions] == [
        ("That", "recommendation"), ("Officers", "recommendation"), ("That", "recommendation")]
    assert out.decisions[-1].quote.endswith("findings of the review.")


def test_it_is_recommended_that_the_cabinet_and_its_items_in_the_third_person():
    out = council("It is recommended that the Cabinet:",
                  ("numbered", "(a) approves the revised charging policy;"),
                  ("numbered", "(b) notes the outcome of the consultation."))
    assert [(d.quote.split()[1], d.kind, d.body) for d in out.decisions] == [
        ("approves", "recommendation", CABINET), ("notes", "recommendation", CABINET)]


def test_a_motion_is_a_recommendation_as_its_own_paragraph_or_lead_in():
    out = council("That the Council approves the amended revenue budget for 2025/26.",
                  "That the budget be amended as follows:",
                  "(a) Add £2m to the reablement budget;",
                  "That approach will help the service to plan ahead.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [("That", "recommendation"), ("(a)", "recommendation")]


def test_a_report_seeking_approval_asks_and_one_that_will_seek_it_is_pending():
    out = council("This report seeks Cabinet's approval to consult on the new charging policy.",
                  "Officers will seek the agreement of the Cabinet in June 2024.")
    assert [(d.kind, d.body, d.date_text) for d in out.decisions] == [
        ("recommendation", CABINET, None), ("pending", CABINET, "June 2024")]


# --- resolutions in minutes ----------------------------------------------------------------

def test_resolutions_are_decisions_taken_by_the_body_that_resolved_and_dated_by_the_meeting():
    out = council("RESOLVED that the minutes of the meeting held on 3 May 2024 were a correct record.",
                  "RESOLVED that Cabinet agree to:",
                  "(a) Note the forecast overspend of £4.2m.",
                  ("numbered", "(b) Approve the revised capital programme."),
                  "Members agreed to refer the matter to full Council.",
                  "The Committee NOTED the report.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [
        ("RESOLVED", "taken"), ("(a)", "taken"), ("(b)", "taken"), ("Members", "taken"), ("The", "taken")]
    assert [d.body for d in out.decisions][1:3] == [CABINET, CABINET]
    assert {d.date_text for d in out.decisions} == {None}


def test_items_of_a_resolution_in_the_past_tense():
    out = council("RESOLVED: That the Cabinet:", ("numbered", "(i) noted the quarterly performance report;"),
                  ("numbered", "(ii) agreed the revised targets."))
    assert [(d.quote.split()[1], d.kind, d.body) for d in out.decisions] == [
        ("noted", "taken", CABINET), ("agreed", "taken", CABINET)]


def test_items_of_a_resolution_in_the_subjunctive():
    out = council("RESOLVED – That:", ("numbered", "(1) the report be noted;"),
                  ("numbered", "(2) a further update be brought to the Committee in March."))
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [("(1)", "taken"), ("(2)", "taken")]


def test_a_resolution_continued_after_a_semicolon_is_a_second_decision():
    out = council("RESOLVED that Cabinet approve the reablement strategy; and that delegated authority be given to "
                  "the Director of Adult Services to award the contract.")
    assert [(d.quote.split()[0], d.kind, d.body) for d in out.decisions] == [
        ("RESOLVED", "taken", CABINET), ("and", "taken", CABINET)]


def test_a_clause_still_to_be_decided_inside_a_resolution_is_pending():
    out = council("RESOLVED that Cabinet considered the comments and endorsed the draft budget to be presented "
                  "to full Council on 20 February for final decision.")
    assert [(d.kind, d.date_text) for d in out.decisions] == [("taken", None), ("pending", "20 February")]
    assert out.decisions[1].quote.startswith("endorsed the draft budget")


def test_a_record_of_decision_and_its_form_fields():
    out = council("Key Decision: Yes", "Decision no: 24/00001",
                  "Decision: As Cabinet Member for Adult Social Care, I agree to:",
                  "(a) APPROVE the new reablement service model;",
                  "(b) DELEGATE authority to the Director of Adult Services to award the contract.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [("(a)", "taken"), ("(b)", "taken")]


def test_a_proposed_record_of_decision_asks_and_a_resolution_proposed_to_council_is_taken():
    out = council("Decision: Cabinet propose to:",
                  "(a) ADOPT the reablement service model;",
                  "(b) DELEGATE authority to the Director of Adult Services to award the contract.",
                  "RESOLVED that the revised fees be proposed to Council for adoption.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions][:3] == [
        ("(a)", "recommendation"), ("(b)", "recommendation"), ("RESOLVED", "taken")]


def test_an_endorsement_ahead_of_the_decision_is_taken_and_the_decision_it_precedes_pending():
    out = council("The proposed decision was considered and endorsed at the Adult Services Cabinet Committee on "
                  "12 March 2024 prior to decision by the Cabinet on 4 April 2024.")
    assert [(d.kind, d.date_text, d.quote[:24]) for d in out.decisions] == [
        ("taken", "12 March 2024", "The proposed decision wa"), ("pending", "4 April 2024", "prior to decision by the")]


def test_minutes_signed_as_a_record_a_motion_carried_and_a_leaders_decision():
    out = council("The minutes of the meeting were signed by the Chair as a correct record.",
                  "On being put to the vote the motion was carried.",
                  "I, Sam Smith, as Leader of the Council, agree to the proposed consultation.")
    assert [d.kind for d in out.decisions] == ["taken", "taken", "taken"]


# --- decisions taken, reported in a paper --------------------------------------------------

def test_decision_taken_and_pending():
    out = run("Exampleton Borough Council approved the pooled budget arrangement in January 2019.",
              "Governing bodies will decide whether to merge at their September meeting.")
    kinds = {d.quote.split()[0]: d.kind for d in out.decisions}
    assert kinds == {"Exampleton": "taken", "Governing": "pending"}


def test_a_decision_taken_names_its_agent_and_date_not_the_span_it_sets():
    out = council("The charging policy was approved by Cabinet in June 2023.",
                  "The Health and Wellbeing Board has agreed to extend the pilot until 31 March 2025.",
                  "This option was not taken forward as it would cost more.")
    assert [(d.kind, d.body, d.date_text) for d in out.decisions] == [
        ("taken", CABINET, "June 2023"), ("taken", "Health and Wellbeing Board", None), ("taken", COUNCIL, None)]


def test_a_decision_reported_in_passing_is_taken():
    out = council("The transfer includes the 2025/26 budget, agreed by full Council in February 2025.",
                  "The plan, approved by Cabinet, sets out six priorities.")
    assert [(d.kind, d.date_text) for d in out.decisions] == [("taken", "February 2025"), ("taken", None)]


def test_this_was_approved_quotes_what_was_approved():
    out = run("This report comes to the Exampleton Health and Wellbeing Board.",
              "In March 2019, a revised carers offer was developed and recommended to the Board. "
              "This was approved by the Board, and the offer is attached.")
    [d] = out.decisions
    assert d.quote.startswith("In March 2019") and d.quote.endswith("approved by the Board, and the offer is attached.")
    assert (d.kind, d.body, d.date_text) == ("taken", BOARD, "In March 2019")


# --- pending decisions ---------------------------------------------------------------------

def test_what_still_needs_agreeing_is_pending():
    out = run("Once defined, the local scope will need to be tested, communicated and agreed.",
              "We need to decide which model suits local needs.",
              "The new rota will need to be staffed by volunteers.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [("Once", "pending"), ("We", "pending")]


def test_decisions_to_come_are_pending_with_their_meeting_date():
    out = council("The Cabinet will be asked to approve the preferred option at its meeting on 4 June 2024.",
                  "The final plan will be presented to Cabinet in July for approval.",
                  "A decision was awaited from Government on the funding settlement.",
                  "The changes can only be made once both councils have agreed.")
    assert [(d.kind, d.body, d.date_text) for d in out.decisions] == [
        ("pending", CABINET, "4 June 2024"), ("pending", CABINET, "July"), ("pending", "Government", None),
        ("pending", COUNCIL, None)]


def test_subject_to_approval_and_brought_back_for_approval_are_pending_no_decision_required_is_not():
    out = council("Subject to Cabinet approval, the new service will start in the autumn.",
                  "Detailed proposals will be brought back to the Cabinet for approval.",
                  "No decision is required at this stage.",
                  "Following approval by Cabinet in March 2023, the service was redesigned.")
    assert [(d.quote.split()[0], d.kind) for d in out.decisions] == [
        ("Subject", "pending"), ("Detailed", "pending"), ("Following", "taken")]


def test_a_short_decision_on_a_dated_line_quotes_the_line():
    line = "October 2019: Final proposal presented to the governing bodies. Governing bodies make decision."
    out = run(line)
    [d] = out.decisions
    assert d.quote == line and d.kind == "pending" and d.date_text == "October 2019"


# --- what is not a decision ----------------------------------------------------------------

def test_rules_about_what_bodies_may_decide_are_not_decisions():
    out = run("Once called in, the Secretary of State has the power to make a final decision.",
              "Under the guidance, local authorities can decide whether to delegate the function.",
              "Regulation 30 of the 2013 Regulations states that the joint committee will decide whether to respond.",
              "The proposal under consideration is one to change line management only.",
              "What should the Board decide about the contract?")
    assert out.decisions == []


def test_an_undertaking_a_form_field_a_fragment_and_a_survey_finding_are_not_decisions():
    out = council("Mr Smith agreed to write to the Minister about the grant.",
                  "The Chair agreed to circulate the figures.",
                  "Any interest declared when the decision was taken: None",
                  "The Committee recommended that",
                  "Most respondents agreed that the new opening hours would help them.")
    assert out.decisions == []


def test_classify_gives_the_reason_a_list_item_is_dropped():
    def item(text):
        sentence = Sentence(text=text, page=1, section="", char_start=0, char_end=len(text),
                            kind=BlockKind.numbered, block_index=0)
        return Candidate(sentence, "ask", item=True, lead="The Board is asked to:")

    assert classify(item("1.2.")) == "number"
    assert classify(item("2. Joint health scrutiny")) == "heading"
    assert classify(item("(c) Endorse the refreshed strategy.")) is None
    assert classify(Candidate(item("The Board is asked to:").sentence, "ask")) == "lead-in"


# One sentence for each form a cue pattern knows; each also holds a trigger word of its pattern,
# since a pattern is tried only on sentences with one.
FORMS = {
    "ask": ["The Board is asked to note the report.", "Members are invited to comment on the plan.",
            "It is recommended that the Cabinet approves the scheme.", "The report recommends that Cabinet agrees it.",
            "Recommendation: That the Committee endorses the strategy.",
            "The Panel is requested to consider the options.", "This report seeks Cabinet's approval to proceed.",
            "The paper asks the Board to endorse the plan.", "Decision required: agree the budget.",
            "The purpose of this report is to seek approval for the scheme.",
            "Approval is sought for the revised terms of reference.", "The Board is asked to be assured."],
    "resolution": ["RESOLVED that the report be noted.", "Resolved that the plan be approved.",
                   "The Committee AGREED the terms of reference.", "It was agreed that the item be deferred.",
                   "All members agreed.", "The minutes were approved as a correct record.",
                   "Decision: the contract be awarded.", "I, as Leader of the Council, agree to the proposal.",
                   "The Board resolved to defer the item.", "Members noted the update.",
                   "The Committee requested that a further report be brought in June.",
                   "DECISION: the contract be awarded.", "Agreed that the item be deferred.",
                   "The Committee supported the recommendations."],
    "pending": ["The Board will decide in June.", "Members will vote on whether to proceed.",
                "Governing bodies make decision.", "The plan will be asked to approve it.",
                "The item would first be reconsidered by the Cabinet.",
                "The strategy will be presented to the Board for approval.",
                "The Cabinet Member will take the decision in March.",
                "A decision will be made by Cabinet in May.", "The plan is expected to be agreed in July.",
                "The Cabinet will consider the report at its meeting in May.", "A decision is awaited.",
                "We are awaiting a decision.", "The terms are yet to be agreed.",
                "The scheme is subject to Cabinet approval.", "The plan goes for approval at the May meeting.",
                "The scope will need to be tested and agreed.", "The councils must decide whether to delegate.",
                "It starts once both councils have agreed.", "The options are still under consideration.",
                "The Board is due to decide next month.", "It will come back to the Board for decision.",
                "We will seek the agreement of the Board in June."],
    "taken": ["The plan was approved by the Board.", "The Council has agreed the budget.",
              "Cabinet approved the strategy.", "The two councils both agree to the approach.", "It is agreed that we proceed.",
              "This option was not taken forward.", "The decision to close the unit was taken in May.",
              "Cabinet made the decision to proceed.", "The Government's decision to cut the grant.",
              "The motion was carried.", "Following approval by Cabinet, work began."],
}


def test_every_form_of_a_cue_holds_a_trigger_word_of_its_pattern():
    from extractors.decisions.cues import ASK, PENDING, RESOLUTION, TAKEN, TRIGGERS, WORD

    patterns = {"ask": ASK, "resolution": RESOLUTION, "pending": PENDING, "taken": TAKEN}
    for cue, sentences in FORMS.items():
        for sentence in sentences:
            assert patterns[cue].search(sentence), sentence
            assert set(WORD.findall(sentence.lower())) & TRIGGERS[cue], sentence


def test_an_approval_still_to_come_is_a_pending_decision():
    out = extract("March 2021: If approved, the new Westshire Community Trust will launch.",
                  "Should the inspector find the plan sound, the Council would be in a position to adopt it in the autumn.",
                  "If the weather allows, the fair will open at noon.",
                  cover=["Exampleton Borough Council", "Date: 12 January 2021", "Report Title: Community services"])
    assert [(d.quote[:22], d.kind) for d in out.decisions] == [
        ("March 2021: If approve", "pending"), ("Should the inspector f", "pending")]


# --- minutes written other ways -------------------------------------------------------------

def test_minuted_notings_deferrals_approvals_given_and_consensus_are_decisions_taken():
    said = ["The report was received and noted.", "The item was deferred to the next meeting of the Board.",
            "Approval was given to the revised discharge protocol.",
            "The Board gave its approval to the winter plan.",
            "The Committee received and noted the quarterly performance report.",
            "The Panel accepted the recommendations of the review.",
            "Members were content to approve the revised terms of reference.",
            "The Committee did not support the proposed closure of the day centre.",
            "The Board delegated authority to the Director of Public Health to finalise the plan.",
            "There was a consensus that the pilot should be extended to two further wards.",
            "The consensus was to defer the procurement until the review reports.",
            "The Sub-Committee resolves to incur the expenditure set out above."]
    for sentence in said:
        assert [d.kind for d in run(sentence).decisions] == ["taken"], sentence


def test_a_noted_fact_a_report_received_and_an_undertaking_are_not_decisions():
    for sentence in ["It was noted that attendance had improved since the last meeting.",
                     "The Board received a presentation on the new hub.",
                     "The Board will receive a further report in September.",
                     "Members noted that the consultation closes on 4 May.",
                     "Members were assured by officers that the library would stay open.",
                     "Members were content with the answer given."]:
        assert run(sentence).decisions == [], sentence


def test_a_body_that_recommends_to_another_and_a_request_for_views_are_asks():
    for sentence in ["The Panel recommends that Cabinet approves the revised fees and charges.",
                     "The views of the Board are sought on the proposed approach.",
                     "The Committee is asked for its views on the draft strategy."]:
        assert [d.kind for d in run(sentence).decisions] == ["recommendation"], sentence


def test_decisions_still_to_come_in_other_words_are_pending():
    for sentence in ["A decision on the capital bid is expected in June 2025.",
                     "A final decision will be made in the autumn following consultation.",
                     "Approval will be sought from the Board in April.",
                     "The Board will be invited to approve the final strategy in July.",
                     "Full Council will be recommended to adopt the plan on 20 February."]:
        assert [d.kind for d in run(sentence).decisions] == ["pending"], sentence


def test_numbered_resolutions_cut_from_their_numbers_are_each_a_decision():
    out = run("RESOLVED:", ("numbered", "1. That the report be noted."),
              ("numbered", "2. That the action plan be approved."))
    assert [d.quote for d in out.decisions] == ["That the report be noted.", "That the action plan be approved."]
    assert {d.kind for d in out.decisions} == {"taken"}


def test_a_minute_that_names_only_the_body_heads_what_it_did():
    out = run("The Committee:", ("bullet", "noted the report;"), ("bullet", "agreed the next steps."),
              ("bullet", "Introduction"))
    assert [(d.quote, d.kind) for d in out.decisions] == [("noted the report;", "taken"), ("agreed the next steps.", "taken")]
    assert run("Members of the Committee:", ("bullet", "Cllr Ahmed"), ("bullet", "Cllr Brown")).decisions == []
    assert run("The Health and Wellbeing Board:", ("bullet", "promotes integration across health and care;"),
               ("bullet", "agrees the joint strategy each year.")).decisions == []


def test_the_objects_of_an_asked_verb_are_each_asked():
    out = run("The Board is asked to approve the following:", ("bullet", "the revised governance structure;"),
              ("bullet", "the terms of reference of the new delivery group."))
    assert [d.kind for d in out.decisions] == ["recommendation", "recommendation"]
    assert run("The Board is asked to note:", ("bullet", "Appendices")).decisions == []


GRANTS = Table(page=1, rows=[["Applicant", "Project", "Amount", "Recommendation"],
                              ["Exampleton Scouts", "New kitchen for the hut", "£1,200", "Approved. Meets the criteria."],
                              ["Riverside FC", "Floodlights", "£9,000", "Rejected. The club is privately owned."],
                              ["Parkside Friends", "Bulb planting", "£300", "Officers to seek further information."]])
AUDIT = Table(page=1, rows=[["Finding", "Recommendation", "Due"],
                             ["Leavers are not removed promptly", "Improve the leavers process.", "June 2025"]])


def test_a_decision_column_gives_a_decision_a_cell_but_an_audit_recommendation_is_not_one():
    out = run("The Committee considered the following applications:", GRANTS)
    assert [(d.quote, d.kind) for d in out.decisions] == [("Approved. Meets the criteria.", "taken"),
                                                          ("Rejected. The club is privately owned.", "taken")]
    assert run(AUDIT).decisions == []
    minute = Table(page=1, rows=[["Item", "Resolution"], ["Budget", "The Board agreed the budget for 2025/26."],
                                 ["Any other business", "None"]])
    assert [d.quote for d in run(minute).decisions] == ["The Board agreed the budget for 2025/26."]


def test_a_response_still_awaited_is_pending_and_a_preferred_option_is_taken():
    assert [d.kind for d in run("The Board wrote to the Minister asking for the cap to be lifted, to which a "
                                "response was yet to be received.").decisions] == ["pending"]
    assert [d.kind for d in run("The outcome of the capital bid is still awaited.").decisions] == ["pending"]
    assert [d.kind for d in run("Each Committee preferred option 2, a single joint panel.").decisions] == ["taken"]
    assert run("Patients preferred the evening clinics.").decisions == []


def test_nhs_and_planning_minutes_record_decisions_in_capitals_assurance_and_determinations():
    for sentence in ["The Board RATIFIED the decision taken by the Chair between meetings.",
                     "The motion was CARRIED.",
                     "The Committee took assurance from the report on infection control.",
                     "Planning permission was granted subject to conditions.",
                     "The appeal was dismissed by the Planning Inspectorate."]:
        assert [d.kind for d in run(sentence).decisions] == ["taken"], sentence
    for sentence in ["Recommendation 2: That the Committee notes the annual report.",
                     "RECOMMENDED to Council that the Treasury Management Strategy be approved."]:
        assert [d.kind for d in run(sentence).decisions] == ["recommendation"], sentence


def test_a_cover_sheet_s_purpose_field_is_not_a_decision():
    for sentence in ["Action required: For approval", "Action required: Decision / Information",
                     "Decision required: Yes", "Balance CARRIED FORWARD to 2018/19 was £12,400."]:
        assert run(sentence).decisions == [], sentence


def test_minutes_in_the_present_tense_and_of_groups_and_executives_are_decisions_taken():
    for sentence in ["The Committee notes the report and agrees to receive a further update in March.",
                     "The Executive approves the revised capital programme.",
                     "The Steering Group agreed the terms of reference for the task and finish groups.",
                     "The Governing Body ratified the decision of the Primary Care Commissioning Committee."]:
        assert [d.kind for d in run(sentence).decisions] == ["taken"], sentence
    for sentence in ["This strategy notes the importance of early help.",
                     "The Board recognises that prevention is everyone's business."]:
        assert run(sentence).decisions == [], sentence


def test_a_motion_moved_seconded_and_carried_is_a_decision_taken_but_a_seconding_alone_is_not():
    for sentence in ["The motion was moved, seconded and agreed.",
                     "It was proposed by Cllr Patel, seconded by Cllr Jones and agreed unanimously to renew the lease.",
                     "The amendment was seconded and carried.",
                     "Cllr Patel proposed & Cllr Jones seconded that the Council pay the surveyor's fee."]:
        assert [d.kind for d in run(sentence).decisions] == ["taken"], sentence
    assert run("Cllr Evans seconded the motion.").decisions == []


def test_a_cover_sheet_row_labelled_recommendations_holds_asks_and_its_purpose_row_none():
    cover = Table(page=1, rows=[["Report title", "Winter plan"], ["Recommendation(s)", "Approve the winter plan for 2025/26."],
                                ["Purpose", "For decision"], ["Action required", "Note the risks to discharge."]])
    out = run(cover)
    assert [(d.quote, d.kind) for d in out.decisions] == [("Approve the winter plan for 2025/26.", "recommendation"),
                                                          ("Note the risks to discharge.", "recommendation")]


def test_imperative_paragraphs_under_a_recommendations_heading_are_asks():
    out = with_sections(("heading", "Recommendations"), "Note the progress made in the first year of the plan.",
                        "Approve the revised action plan.", "The review made five recommendations in all.",
                        ("heading", "Background"), "Consider the figures in the appendix with care.")
    assert [(d.quote, d.kind) for d in out.decisions] == [
        ("Note the progress made in the first year of the plan.", "recommendation"),
        ("Approve the revised action plan.", "recommendation")]


def test_a_minute_table_s_decision_and_action_column_gives_its_decisions_not_its_actions():
    minute = Table(page=1, rows=[["Item", "Discussion", "Decision / Action", "Lead"],
                                 ["Budget", "The paper was presented.", "Approved subject to minor amendments.", "CFO"],
                                 ["Estates", "An update was given.", "JB to circulate the estates plan.", "JB"]])
    assert [(d.quote, d.kind) for d in run(minute).decisions] == [("Approved subject to minor amendments.", "taken")]


def test_a_one_word_verdict_closing_a_minutes_item_is_a_decision_taken():
    out = run(("bullet", "PA/2021/0042 – Rear extension, Mill Cottage, Church Lane. Approved."))
    assert [d.kind for d in out.decisions] == ["taken"]
    assert run(("bullet", "The approach to the new scheme was not yet approved by anyone.")).decisions == []


def test_feedback_the_paper_encourages_from_its_readers_is_a_recommendation():
    out = run("We encourage input from all our stakeholders, patient groups and partners, including scrutiny committees.")
    assert [d.kind for d in out.decisions] == ["recommendation"]
    assert run("Residents encourage each other to take part in the survey.").decisions == []


def test_a_board_that_received_and_noted_a_named_report_took_a_decision():
    out = run("The Exampleton Health and Wellbeing Board received and noted the Quarterly Performance Report.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", BOARD)]


def test_a_body_ratifying_another_s_decision_is_the_one_that_decides():
    out = run("The Exampleton Health and Wellbeing Board ratified the decision of the Finance Committee.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", BOARD)]


def test_a_body_named_in_a_resolution_s_object_did_not_decide():
    out = run("The Exampleton Health and Wellbeing Board supported the proposal to set up a Quality and Safety Committee.",
              "The Exampleton Health and Wellbeing Board resolved to accept the recommendations of the Audit Committee.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", BOARD), ("taken", BOARD)]


def test_minutes_of_a_group_no_council_or_board_owns_give_their_decisions_to_that_group():
    out = extract("It was agreed that the group would meet monthly.", "All agreed to share the draft standards.",
                  cover=["Minutes of the Regional Data Suppliers Subgroup", "9th May 2017",
                         "Present: Ann Jones (AJ), Ben Lee (BL)"])
    assert {body for _, _, body, _ in rows(out)} == {"Regional Data Suppliers Subgroup"}


def test_minutes_headed_by_their_committee_s_name_above_those_present_give_it_their_decisions():
    out = extract("The Parks and Open Spaces Committee met at the Town Hall.", "Committee resolved to note the report.",
                  cover=["Parks & Open Space", "Tuesday 4th June 2019", "Town Hall", "Present:", "Cllrs Green and Hill."])
    assert [body for _, _, body, _ in rows(out)] == ["Parks and Open Spaces Committee"]


def test_the_subject_before_a_resolution_decides_not_a_body_in_its_object():
    out = run("The Exampleton Health and Wellbeing Board NOTED the Chief Executive's report.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", BOARD)]
    out = council("The Cabinet RESOLVED to approve the revised fees and charges.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", CABINET)]


def test_the_committee_of_a_paper_to_cabinet_that_names_one_committee_is_that_committee():
    out = council("The Exampleton Borough Council Scrutiny Committee met on 3 March to consider the call-in.",
                  "After the debate, the Committee resolved to refer the matter to full Council.")
    assert [body for _, _, body, _ in rows(out)][-1].endswith("Scrutiny Committee")


def test_an_officer_whose_title_opens_with_a_body_s_head_noun_is_no_body():
    out = council("The Executive Director approved the award of the contract under delegated powers.")
    assert [(kind, body) for _, kind, body, _ in rows(out)] == [("taken", COUNCIL)]
