"""Zones that yield no records, on blocks written in the style of board papers."""
from pipeline.zones import mark_zones
from schemas import Table, Zone
from tests.textpaper import extract, paper


def zones(*blocks):
    parsed, _ = paper(*blocks)
    return [(b.text, b.zone) for b in mark_zones(parsed).blocks]


def zone_of(text, *blocks):
    return dict(zones(*blocks))[text]


def test_a_reference_list_under_its_heading_yields_nothing():
    out = extract(("heading", "References"),
                  "[1] Exampleton Health Trust, \"Waiting well: a review,\" 2021. [Online]. Available: https://example.org/w",
                  "[2] Kingsmere Borough Council, \"Annual public health report,\" March 2022.",
                  ("heading", "Next steps"),
                  "NHS Exampleton CCG will publish the revised dementia strategy by March 2020.")
    assert [c.quote for c in out.commitments] == [
        "NHS Exampleton CCG will publish the revised dementia strategy by March 2020."]
    assert "Exampleton Health Trust" not in {o.name for o in out.organisations}
    assert "Kingsmere Borough Council" not in {o.name for o in out.organisations}
    assert all(m.date_text != "March 2022" for m in out.milestones)


def test_a_citation_footnote_is_a_reference_wherever_it_sits():
    assert zone_of("2 Department of Health 2019. Better health at home: a plan for the decade.",
                   "The plan sets out the ambition for community services.",
                   "2 Department of Health 2019. Better health at home: a plan for the decade.") == Zone.references
    # a numbered paragraph that opens with a number is not a footnote
    assert zone_of("3 The Board will receive a further report in 2020.",
                   ("numbered", "3 The Board will receive a further report in 2020.")) == Zone.body


def test_a_contact_block_yields_no_organisation_or_commitment():
    out = extract(("heading", "Contact details"),
                  "Jo Bloggs, Head of Commissioning, Exampleton Borough Council",
                  "jo.bloggs@exampleton.gov.uk 01234 567890")
    assert out.organisations == [] or "Exampleton Borough Council" not in {o.name for o in out.organisations}
    assert zone_of("Ask for: Sam Smith Telephone: 03000 123456",
                   "Ask for: Sam Smith Telephone: 03000 123456") == Zone.contacts


def test_document_control_contents_and_agenda_lists_are_zones():
    assert zone_of("Version 0.3 approved by the programme board, 2 May 2021",
                   ("heading", "Document control"),
                   "Version 0.3 approved by the programme board, 2 May 2021") == Zone.document_control
    contents = zones(("heading", "Contents"), "Introduction ............ 3", "Our priorities ............ 7")
    assert [z for _, z in contents] == [Zone.contents] * 3
    assert zone_of("4. Better Care Fund quarterly return (Pages 15 - 28)",
                   ("numbered", "4. Better Care Fund quarterly return (Pages 15 - 28)")) == Zone.agenda


def test_appendix_and_background_papers_lists_end_at_the_next_paragraph():
    blocks = zones("Background papers:", ("bullet", "Exampleton Joint Strategic Needs Assessment 2018"),
                   "The Council will consult residents on the changes in the spring.")
    assert [z for _, z in blocks] == [Zone.references, Zone.references, Zone.body]


def test_form_fields_and_template_answers_yield_nothing():
    out = extract("Key Decision: Yes - it affects more than two wards",
                  "Classification: Unrestricted",
                  Table(page=1, rows=[["Have you consulted with stakeholders?", "Yes"],
                                      ["Who will be affected by the change?", "Service users and staff"]]))
    assert out.decisions == [] and out.commitments == []
    assert zone_of("Yes", Table(page=1, rows=[["Is this a key decision?", "Yes"]])) == Zone.form
    assert zone_of("Service users and staff",
                   Table(page=1, rows=[["Who will be affected?", "Service users and staff"]])) == Zone.body


def test_statutory_text_quoted_after_its_citation_yields_no_decision_or_commitment():
    out = extract("Section 12 of the Exampleton Health Act 2020 provides as follows:",
                  ("bullet", "\"(1) A local authority must take such steps as it considers appropriate.\""),
                  ("bullet", "\"(2) The Secretary of State may by regulations make provision about the steps.\""),
                  "The Council will publish its response to the consultation by June 2021.")
    assert [c.quote for c in out.commitments] == [
        "The Council will publish its response to the consultation by June 2021."]


def test_a_heading_named_like_a_zone_only_opens_one_as_a_heading():
    # 'Contacts' inside a sentence is body text
    assert zone_of("The Board agreed that contacts with providers will be logged monthly.",
                   "The Board agreed that contacts with providers will be logged monthly.") == Zone.body


def test_lettered_items_laid_out_as_headings_stay_in_their_list():
    blocks = zones(("heading", "Background documents"),
                   ("heading", "a) Agenda for the Exampleton Health Scrutiny Committee, 4 June 2024"),
                   ("numbered", "b) Minutes of the Kingsmere Cabinet, 12 July 2024"),
                   ("heading", "Next steps"), "The Council will report back in the autumn.")
    assert [z for _, z in blocks] == [Zone.references] * 3 + [Zone.body, Zone.body]
