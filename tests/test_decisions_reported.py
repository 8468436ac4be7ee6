"""Decisions a cabinet report mentions in passing: an approval after the work that led to it
('considered and endorsed', 'developed and agreed'), and a further decision the work may need."""
from tests.textpaper import extract

COVER = ["Exampleton Borough Council", "Cabinet", "Date: 12 March 2024",
         "Report Title: Adoption of the prevention delivery plan",
         "Report Author: Sam Smith, Director of Public Health, Exampleton Borough Council"]
COUNCIL = "Exampleton Borough Council"


def decided(*blocks):
    return [(d.quote.split()[0], d.kind, d.body, d.date_text) for d in extract(*blocks, cover=COVER).decisions]


def test_an_approval_after_its_consideration_is_a_decision_taken_by_its_agent_and_date():
    assert decided("The draft charging policy was discussed and approved at the Adult Social Care Cabinet "
                   "Committee on 14 February 2024.",
                   "The draft plan was considered and found to be sound.") == [
        ("The", "taken", "Adult Social Care Cabinet Committee", "14 February 2024")]


def test_a_body_that_developed_and_agreed_its_actions_has_decided():
    assert decided("Service teams have drafted and agreed local targets for each ward.",
                   "Service teams have developed and tested a new referral form.") == [
        ("Service", "taken", COUNCIL, None)]


def test_a_further_decision_the_work_may_require_is_pending():
    assert decided("Any change to the charging policy will require a further decision.",
                   "The actions require further funding.") == [("Any", "pending", COUNCIL, None)]


def test_a_decision_that_will_be_reviewed_by_another_body_is_pending():
    assert decided("Once the call-in is heard, the decision is to be reviewed by full Council on 20 March 2024.",
                   "The service will be reviewed by the Board each quarter.") == [
        ("Once", "pending", COUNCIL, "20 March 2024")]


def test_a_decision_named_by_its_subject_that_a_body_will_take_is_pending():
    assert decided("A decision on the future of the day centres will be taken by Cabinet in June 2024.",
                   "A report on the future of the day centres will be taken to residents in June 2024.") == [
        ("A", "pending", f"{COUNCIL} Cabinet", "June 2024")]


def test_a_minuted_vote_and_a_refusal_are_decisions_taken():
    minutes = ["Exampleton Borough Council", "Minutes of the meeting of the Licensing Committee held on 4 June 2024"]
    out = extract("Councillors voted in favour of the revised street trading policy.",
                  "The Committee declined to extend the consultation period.",
                  "Residents declined to take part in the survey.", cover=minutes)
    assert [(d.quote.split()[1], d.kind) for d in out.decisions] == [("voted", "taken"), ("Committee", "taken")]
