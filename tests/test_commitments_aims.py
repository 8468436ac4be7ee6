"""Commitments a partnership's plan or a cabinet report states without a modal: its stated aim
('Our vision is to ...'), its principles as 'To ...' items, the work it has under way with no body
named ('Work is progressing on ...'); with the look-alikes that stay out."""
from tests.textpaper import extract

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2024",
         "Report Title: Annual report of the Exampleton Alcohol Harm Partnership",
         "Report Author: Jo Bloggs, Partnership Manager, NHS Exampleton Integrated Care Board"]
AUTHOR = "NHS Exampleton Integrated Care Board"


def promised(*blocks):
    return [(c.quote.split(":")[0][:30], c.actor, c.modality) for c in extract(*blocks, cover=COVER).commitments]


def test_a_stated_vision_or_aim_is_a_conditional_commitment_of_its_body_but_a_reports_aim_is_not():
    assert promised("Our vision is to: Make every neighbourhood a place where older people can live well.",
                    "The aim of this report is to update the Board on progress.",
                    "Their vision is to open a new clinic.",
                    "Its purpose is to inform the Board.",
                    "The national strategy's aim is to cut deaths by a fifth.",
                    "NHS Exampleton Integrated Care Board's ambition is to end waits of over a year.",
                    "Our shared ambition is to halve the number of people sleeping rough by 2027.") == [
        ("Our vision is to", AUTHOR, "conditional"), ("NHS Exampleton Integrated Care", AUTHOR, "conditional"),
        ("Our shared ambition is to halv", AUTHOR, "conditional")]


def test_principles_written_as_to_items_are_commitments_of_the_author():
    assert promised("The following principles guide the work of the partnership:",
                    ("numbered", "To support carers to stay well in their caring role."),
                    ("numbered", "To tackle stigma wherever it is found."),
                    ("numbered", "Respect for the dignity of every person.")) == [
        ("To support carers to stay well", AUTHOR, "firm"), ("To tackle stigma wherever it i", AUTHOR, "firm")]


def test_a_priority_item_opening_commit_to_is_a_promise():
    assert promised("The following priority areas for action came out of our listening events with carers.",
                    ("numbered", "Commit to review every death linked to alcohol within six months.")) == [
        ("Commit to review every death l", AUTHOR, "firm")]


def test_work_under_way_with_no_body_named_is_the_authors():
    assert promised("Work is now progressing on a falls pathway for care homes.",
                    "Further work is continuing to map the pathways between services.",
                    "Demand is continuing to rise across the county.",
                    "The network is progressing well.") == [
        ("Work is now progressing on a f", AUTHOR, "firm"), ("Further work is continuing to ", AUTHOR, "firm")]


def test_a_paper_setting_out_how_its_body_will_act_promises_it_but_an_open_question_does_not():
    assert promised("It is not clear how we will fund the service after March.",
                    "The strategy sets out how we will widen access to talking therapies.") == [
        ("The strategy sets out how we w", AUTHOR, "firm")]


def test_a_safeguard_the_work_will_be_subject_to_is_promised_but_an_approval_to_come_is_not():
    assert promised("The new referral portal will be subject to a privacy impact assessment before launch.",
                    "The new rota will be subject to approval by the Board.",
                    "The service will be subject to high demand over the winter.") == [
        ("The new referral portal will b", AUTHOR, "firm")]
