"""Extractors on sentences written in the style of board papers, with the tricky negatives."""
from datetime import date

import pytest

from tests.textpaper import extract

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019",
         "Report Title: Community services update",
         "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]
AUTHOR = "NHS Exampleton Clinical Commissioning Group"


def run(*blocks):
    return extract(*blocks, cover=COVER)


def quotes(records):
    return [r.quote for r in records]




# --- budgets -----------------------------------------------------------------------------

def test_budget_amounts_kinds_and_holders():
    out = run("The pooled budget for 2019/20 is £12.4m, with £3m coming from Exampleton Borough Council.",
              "NHS Exampleton CCG faces a funding gap of £4.5 million by 2021.")
    got = {(b.amount_gbp, b.kind) for b in out.budgets}
    assert got == {(12_400_000, "budget"), (3_000_000, "budget"), (4_500_000, "gap")}
    [held] = [b for b in out.budgets if b.amount_gbp == 3_000_000]
    assert held.org == "Exampleton Borough Council"


def test_parts_of_a_breakdown_share_its_kind_and_holder():
    out = run("The total spend on community services is £20.5m, with £18m from the CCG and £2.5m from LBB.",
              "London Borough of Barkingside funds the remainder.",
              "We have saved £1m so far and need a further £0.5m.")
    got = {(b.amount_gbp, b.kind, b.org) for b in out.budgets}
    assert got == {(20_500_000, "spend", None), (18_000_000, "spend", AUTHOR),
                   (2_500_000, "spend", "London Borough of Barkingside"),
                   (1_000_000, "savings", AUTHOR), (500_000, "savings", AUTHOR)}


def test_unrelated_amounts_far_apart_are_not_one_breakdown():
    out = run("The Trust spent £4m on agency staff last year, a figure that the national review published in "
              "the spring set against the £1m reported by its neighbour.")
    assert {b.amount_gbp for b in out.budgets} == {4_000_000}


def test_percentages_are_not_budgets():
    out = run("Delayed transfers of care rose by 12% this year and spending on agency staff by 4.5%.")
    assert out.budgets == []


def test_savings_in_thousands():
    out = run("Savings of £660K were delivered against the efficiency plan.")
    [b] = out.budgets
    assert (b.amount_gbp, b.kind) == (660_000, "savings")


# --- milestones --------------------------------------------------------------------------

def test_planned_milestone_with_month_interval():
    out = run("The new integrated care service will launch in April 2020.")
    [m] = out.milestones
    assert (m.date_start, m.date_end, m.status) == (date(2020, 4, 1), date(2020, 4, 30), "planned")


def test_past_milestone_is_achieved():
    out = run("The public consultation closed on 30th September 2018.")
    [m] = out.milestones
    assert m.status == "achieved" and m.date_start == date(2018, 9, 30)


def test_dated_timeline_line_takes_its_date():
    out = run("Our proposed timeline is:",
              ("bullet", "June 2019: Business case submitted to NHS England and governing bodies decide."))
    [m] = out.milestones
    assert m.date_text == "June 2019" and m.date_end == date(2019, 6, 30)


def test_each_event_of_a_timeline_line_is_a_milestone_quoted_verbatim():
    line = ("November 2019: Consultation report presented to the Board, and the decision published. "
            "Governing bodies make decision.")
    out = run("Our proposed timeline is:", ("bullet", line))
    assert [m.quote for m in out.milestones] == ["November 2019: Consultation report presented to the Board",
                                                 "the decision published.", "Governing bodies make decision."]
    assert {m.date_text for m in out.milestones} == {"November 2019"}


def test_roadmap_cells_take_their_column_date_and_timeline_rows_their_row_date():
    from schemas import Table

    roadmap = Table(page=1, rows=[["2019/20", "2020/21"],
                                  ["Launch the single point of access", "Extend the service to weekends"]])
    timeline = Table(page=1, rows=[["Milestone", "Date"], ["New hub opens", "April 2020"],
                                   ["Report to the Board", "12 March 2019"]])
    out = run(roadmap, timeline)
    got = {m.quote: (m.date_text, m.date_start) for m in out.milestones}
    assert got == {"Launch the single point of access": ("2019/20", date(2019, 4, 1)),
                   "Extend the service to weekends": ("2020/21", date(2020, 4, 1)),
                   "New hub opens": ("April 2020", date(2020, 4, 1))}


def test_the_papers_own_date_is_not_a_milestone():
    out = run("Meeting of 12 March 2019", "Health and Wellbeing Board, 12 March 2019",
              "The new hub will open on 12 March 2020.")
    assert [m.date_text for m in out.milestones] == ["12 March 2020"]


def test_cited_publication_and_act_years_are_not_milestones():
    out = run("The Five Year Forward View was published in October 2014.",
              "The Care Act 2014 places new duties on local authorities.")
    assert out.milestones == []


# --- organisations and relations ---------------------------------------------------------

def test_acronym_defined_in_the_paper_is_an_alias():
    out = run("Exampleton and District Hospitals NHS Foundation Trust (EDH) runs the acute site.",
              "EDH will open a frailty unit.")
    [org] = [o for o in out.organisations if o.org_type == "nhs_trust"]
    assert org.name == "Exampleton and District Hospitals NHS Foundation Trust" and "EDH" in org.aliases
    [c] = out.commitments
    assert c.actor == org.name


def test_undefined_initials_of_exactly_one_body_are_its_alias():
    out = run("London Borough of Exampleton and the CCG pool their budgets.", "LBE will host the team.",
              "Wessex Healthcare NHS Trust and Westshire Hospitals NHS Trust both use the name WHNT.")
    [council] = [o for o in out.organisations if o.org_type == "council"]
    assert council.aliases == ["LBE"]
    assert [c.actor for c in out.commitments] == ["London Borough of Exampleton"]
    trusts = [o for o in out.organisations if o.org_type == "nhs_trust"]
    assert len(trusts) == 2 and not any("WHNT" in o.aliases for o in trusts)


def test_generic_mention_resolves_to_the_one_body_of_its_kind():
    out = run("NHS Exampleton Clinical Commissioning Group leads the programme.",
              "The CCG will commission a new wheelchair service.")
    [c] = out.commitments
    assert c.actor == "NHS Exampleton Clinical Commissioning Group"


def test_the_icb_and_the_trust_resolve_to_the_one_body_of_their_kind():
    out = run("NHS Westshire Integrated Care Board and Westshire Community Healthcare NHS Trust agreed the plan.",
              "The ICB will fund two extra beds.", "The Trust will staff them from April 2020.")
    assert [c.actor for c in out.commitments] == ["NHS Westshire Integrated Care Board",
                                                  "Westshire Community Healthcare NHS Trust"]


def test_the_trust_stays_unresolved_when_the_paper_names_two():
    out = run("Westshire Community Healthcare NHS Trust and Eastshire Hospitals NHS Trust met in May.",
              "The Trust will staff the beds.")
    assert out.commitments == []


def org_names(out):
    return sorted(o.name for o in out.organisations)


def test_bodies_named_only_as_items_of_a_list():
    out = run("Two voluntary sector organisations (Carers First, Age Concern Exampleton) run the hub.",
              "Other providers such as Open Door, some of which are commissioned jointly, offer talking therapies.",
              "Several London Boroughs, such as Haringey and Camden, pool their budgets.")
    names = org_names(out)
    for name in ["Carers First", "Age Concern Exampleton", "Open Door", "London Borough of Haringey",
                 "London Borough of Camden"]:
        assert name in names
    [carers] = [o for o in out.organisations if o.name == "Carers First"]
    assert carers.org_type == "voluntary"


def test_lists_of_services_or_sectors_are_not_bodies():
    out = run("Partners such as Social Work and Housing attend the meeting.",
              "Local providers (NHS, GPs, Community) were consulted.",
              "The providers (which include two trusts) were consulted.")
    assert org_names(out) == [AUTHOR]


def test_a_health_and_wellbeing_board_paper_names_its_board_and_council_by_its_place():
    out = run("The Health and Wellbeing Board oversees the plan.",
              "The CCG and Local Authority have agreed to pool budgets.")
    assert org_names(out) == ["Exampleton Council", "Exampleton Health and Wellbeing Board", AUTHOR]
    [council] = [o for o in out.organisations if o.org_type == "council"]
    assert council.quote == "The CCG and Local Authority have agreed to pool budgets." and council.page == 1
    [c] = out.commitments
    assert c.actor == AUTHOR


def test_a_paper_that_never_mentions_a_council_gets_none():
    out = run("The CCG will publish its plan.")
    assert org_names(out) == [AUTHOR]


def test_local_medical_committees_are_bodies():
    out = run("We met Westshire LMCs in June.", "Local LMC engagement continues.")
    [lmc] = [o for o in out.organisations if "LMC" in o.name]
    assert lmc.name == "Westshire LMCs" and "LMC" in lmc.aliases


@pytest.mark.parametrize("sentence, relation", [
    ("NHS Exampleton CCG commissions Exampleton Healthcare NHS Trust to provide community nursing.", "commissions"),
    ("Exampleton Healthcare NHS Trust is accountable to Exampleton Health and Wellbeing Board.", "accountable_to"),
    ("Exampleton Borough Council and NHS Exampleton CCG are working closely together on the plan.", "partners_with"),
])
def test_relations_between_named_bodies(sentence, relation):
    out = run(sentence)
    assert [r.relation for r in out.relations] == [relation]


def test_every_record_quotes_the_paper_verbatim_with_offsets():
    from tests.textpaper import paper

    blocks = ("We will recruit twelve additional community nurses by the end of 2020.",
              "There is a risk that recruitment could fail.",
              "Timeline:", ("bullet", "May 2020: Wards opened, and the decision published. Board makes decision."))
    parsed, _ = paper(*blocks, cover=COVER)
    out = run(*blocks)
    records = [*out.commitments, *out.risks, *out.milestones, *out.decisions]
    assert len(out.milestones) == 4 and out.decisions
    for record in records:
        assert parsed.text[record.char_start:record.char_end] == record.quote
        assert record.page == 1


def test_dates_of_budgets_and_published_documents_are_not_milestones():
    out = run("We still need to save £1.4m this year against the running cost target.",
              "Indicative allocations to 2023/24 were published by the regulator in January.")
    assert out.milestones == []
    assert [b.amount_gbp for b in out.budgets] == [1_400_000]
