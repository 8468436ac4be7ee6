"""Slippage on restatements in other words by bodies named differently (tests/paperpairs_restated.py):
every slip with its days and no other, the same body under all its names and no body made up
by merging two, overdue only for planned milestones an update of their paper dropped."""
from __future__ import annotations

from datetime import date

import pytest

import warehouse
from pipeline.crosspaper import (LINK_THRESHOLD, bodies_of, find_slippage, link_milestones, mark_bodies,
                                 refresh_cross_paper, resolve_organisations)
from pipeline.milestone_match import acronyms_defined, lemma, match_score, profile, term_weights
from tests.paperpairs import build, truth_ids
from tests.paperpairs_restated import OVERDUE, PAIRS, TRUTH


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    con = warehouse.connect(tmp_path_factory.mktemp("restated") / "w.duckdb")
    run = warehouse.start_run(con)
    for pair in PAIRS:
        for spec in pair:
            warehouse.load_paper(con, build(spec), run)
    refresh_cross_paper(con)
    yield con
    con.close()


def test_every_slip_is_found_with_its_days_and_no_other(con):
    milestones = warehouse.current_rows(con, "milestone")
    by_quote = {m["quote"]: m["id"] for m in milestones}
    found = {(by_quote[s["earlier"]["quote"]], by_quote[s["later"]["quote"]]): s["slip_days"]
             for s in warehouse.slippage(con)}
    assert found == {pair: days for pair, days in truth_ids(milestones, PAIRS, TRUTH).items() if days}


def test_restatements_in_other_words_are_linked_and_nothing_else(con):
    """Including a date brought forward and one that did not move, and not the pairs that share
    words but are other events (the winter plan and the workforce plan, the carers' strategy
    and the dementia strategy, the diagnostic centre's opening and its annual report)."""
    milestones = warehouse.current_rows(con, "milestone")
    links = set(con.execute("SELECT earlier_id, later_id FROM milestone_links").fetchall())
    assert links == set(truth_ids(milestones, PAIRS, TRUTH))


def test_a_lower_bar_links_other_events_and_accuses_a_body_of_slipping(con):
    orgs = warehouse.current_rows(con, "organisation")
    _, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    mark_bodies(milestones, orgs, entity_of)
    truth = truth_ids(milestones, PAIRS, TRUTH)
    loose = link_milestones(milestones, 30, bodies=bodies_of(orgs, entity_of))
    false_slips = [s for s in find_slippage(milestones, loose) if (s["earlier_id"], s["later_id"]) not in truth]
    by_id = {m["id"]: m for m in milestones}
    assert [by_id[s["later_id"]]["quote"] for s in false_slips] == ["The ICB Board will sign off the workforce plan in May 2024."]
    assert LINK_THRESHOLD > 30


def test_overdue_only_for_the_planned_milestones_an_update_dropped(con):
    late = warehouse.overdue(con)
    assert sorted(next(p for p in OVERDUE if p in r["earlier"]["quote"]) for r in late) == sorted(OVERDUE)
    winter = next(r for r in late if "winter plan" in r["earlier"]["quote"])
    assert winter["days_overdue"] == (date(2024, 3, 20) - date(2023, 10, 31)).days


def test_one_body_under_all_its_names_and_none_made_up(con):
    rows = {name: (aliases, docs) for name, aliases, docs in
            con.execute("SELECT name, aliases, docs FROM org_entities").fetchall()}
    assert not [n for n in rows if " and Northfold CCG" in n or "CCGs" in n]
    assert "Wexcombe CCG" in rows["NHS Wexcombe Clinical Commissioning Group"][0]
    assert "Northfold CCG" in rows["NHS Northfold Clinical Commissioning Group"][0]
    assert {"DHFT", "Delford Hospitals NHS Trust"} <= set(rows["Delford Hospitals NHS Foundation Trust"][0])
    assert "Wexcombe Council" in rows["Wexcombe Metropolitan Borough Council"][0]
    for name in ("NHS Wexcombe Clinical Commissioning Group", "Delford Hospitals NHS Foundation Trust",
                 "NHS Delford and Ormsby Integrated Care Board"):
        assert len(rows[name][1]) == 2


def _org(doc: str, name: str, aliases=(), org_type="other") -> dict:
    return {"doc_id": doc, "doc": doc, "name": name, "aliases": list(aliases), "org_type": org_type}


def test_bodies_merge_on_evidence_never_on_shared_words():
    orgs = [_org("a", "Harlow Vale Community Health Services NHS Trust", ["HVCHS"], "nhs_trust"),
            _org("b", "HVCHS", org_type="nhs_trust"),
            _org("b", "Harlow Vale Community Services Partnership"),
            _org("a", "Harlow Vale Hospitals NHS Trust", org_type="nhs_trust"),
            _org("b", "Harlow Vale Hospitals NHS Foundation Trust", org_type="nhs_trust"),
            _org("a", "Harlow Vale Council", org_type="council"),
            _org("b", "Harlow Vale District Council", org_type="council")]
    entities, entity_of = resolve_organisations(orgs)
    assert entity_of[("a", "Harlow Vale Community Health Services NHS Trust")] == entity_of[("b", "HVCHS")]
    assert entity_of[("a", "Harlow Vale Hospitals NHS Trust")] == entity_of[("b", "Harlow Vale Hospitals NHS Foundation Trust")]
    assert entity_of[("a", "Harlow Vale Council")] == entity_of[("b", "Harlow Vale District Council")]
    assert entity_of[("b", "Harlow Vale Community Services Partnership")] not in {
        entity_of[("a", "Harlow Vale Community Health Services NHS Trust")], entity_of[("a", "Harlow Vale Hospitals NHS Trust")]}
    assert len(entities) == 4


def test_bodies_known_to_differ_rule_a_pair_out_only_when_both_sentences_name_them():
    def ms(mid, doc, day, org, quote):
        return {"id": mid, "doc_id": doc, "doc": doc, "doc_date": day, "org": org, "quote": quote,
                "description": quote, "date_text": None, "date_end": None, "status": "planned"}

    orgs = [_org("p1", "Ormsby Carers Network"), _org("p1", "NHS Ormsby CCG", org_type="ccg"),
            _org("p2", "NHS Ormsby CCG", org_type="ccg"), _org("p2", "Ormsby Dementia Alliance")]
    _, entity_of = resolve_organisations(orgs)
    named = [ms("m1", "p1", "2022-01", "Ormsby Carers Network", "Ormsby Carers Network will open the carers' hub."),
             ms("m2", "p2", "2023-01", "Ormsby Dementia Alliance", "Ormsby Dementia Alliance will open the carers' hub.")]
    mark_bodies(named, orgs, entity_of)
    assert link_milestones(named) == []
    inferred = [named[0], ms("m2", "p2", "2023-01", "NHS Ormsby CCG", "The carers' hub will now open.")]
    mark_bodies(inferred, orgs, entity_of)
    assert [(l["earlier_id"], l["later_id"]) for l in link_milestones(inferred)] == [("m1", "m2")]


def test_lemmas_and_kinds_of_event():
    assert {lemma(w) for w in ("open", "opening", "opened", "opens")} == {lemma("open")}
    assert lemma("approval") == lemma("approved") == lemma("approve")
    assert lemma("carers'") == lemma("carer") and lemma("planned") == lemma("plan")
    assert profile("The hub will go live in May")[0] == profile("Opening of the hub")[0] == {"start"}
    assert profile("The Board will sign off the plan")[0] == profile("The plan was approved")[0] == {"agree"}
    # 'begin recruiting': the event is the recruiting
    assert profile("The Trust will begin recruiting nurses")[0] != profile("The Trust will begin the pilot")[0]
    # 'the winter plan' keeps its season; a season with a year is a date
    assert "winter" in profile("The winter plan will be agreed")[1]
    assert "winter" not in profile("The plan will be agreed in winter 2024")[1]


def test_an_acronym_a_paper_defines_meets_its_name():
    acronyms = acronyms_defined(["The Ormsby Frailty Assessment Unit (OFAU) will open in May 2024."])
    assert acronyms == {"OFAU": "Ormsby Frailty Assessment Unit"}
    a = profile("The Ormsby Frailty Assessment Unit (OFAU) will open", acronyms)
    b = profile("OFAU go-live has moved", acronyms)
    c = profile("The Ormsby discharge lounge will open", acronyms)
    weights = term_weights([a, b, c])
    assert match_score(a, b, weights) >= LINK_THRESHOLD > match_score(a, c, weights)
    assert match_score(profile("OFAU go-live has moved"), a, weights) < LINK_THRESHOLD
