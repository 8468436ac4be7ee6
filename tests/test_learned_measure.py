"""The learned-component measurement (training/, bench/learned.py) reads the rules' own stages:
its candidates are what `suggest` proposed, its kept ones the rules' records, each with the
family that proposed it and the reason `classify` gave; and its matching is score.py's."""
import numpy as np

from extractors.context import build_context
from pipeline.extract import extract_part, prepare
from tests.textpaper import paper
from training.candidates import TYPES, candidates, check_against_rules
from training.features import beside_kept
from training.lopo import Paper, _pair, counts, second_look

COVER = ["Exampleton Health and Wellbeing Board", "Date: 12 March 2019", "Report Title: Community services update",
         "Report Author: Jo Bloggs, Head of Commissioning, NHS Exampleton Clinical Commissioning Group"]


def _candidates(*blocks):
    parsed, _ = paper(*blocks, cover=COVER)
    prepared = prepare(parsed)
    blocks = range(len(prepared.paper.blocks))
    found = candidates(build_context(prepared.paper, prepared.document, prepared.orgs, blocks))
    check_against_rules(found, extract_part(prepared, blocks))
    return found


def test_the_candidates_are_the_stages_and_the_kept_ones_are_the_rules_records():
    found = _candidates(
        "NHS Exampleton CCG will open two new community hubs by March 2020.",
        "The Board is asked to note that the Kingsmere service will change.",
        "There is a risk that the Exampleton hub will not open on time because of workforce shortages.",
        "Smoking increases the risk of stroke.",
        "The Board is asked to approve the Exampleton Better Care Fund plan.",
        "The strategy was published in 2015 (Exampleton Public Health, 2015).")
    assert set(found) == set(TYPES)
    for kind in TYPES:
        assert found[kind], kind
        for c in found[kind]:
            assert c["family"] and c["reason"] and c["quote"]
            assert (c["reason"] == "kept") == c["kept"] or kind == "commitment"     # a commitment names its rule
    dropped = {(kind, c["reason"]) for kind in TYPES for c in found[kind] if not c["kept"]}
    assert ("risk", "evidence") in dropped
    assert any(kind == "commitment" and "request" in reason for kind, reason in dropped)
    assert any(kind == "milestone" for kind, _ in dropped)          # a citation's year


def test_a_second_look_is_scored_as_score_py_matches():
    """One gold record, one kept candidate that matches it, one dropped candidate saying it again:
    adding the dropped one is a false record (the match is one-to-one)."""
    quote = "NHS Exampleton CCG will open two new community hubs by March 2020."
    cands = [{"quote": quote, "kept": True, "char_start": 0, "char_end": 60},
             {"quote": quote, "kept": False, "char_start": 0, "char_end": 60}]
    p = Paper("x", 1, {t: cands for t in TYPES}, {t: [{"quote": quote}] for t in TYPES})
    p.overlaps = {t: np.array([[1.0, 1.0]]) for t in TYPES}
    assert counts(p, "commitment", p.kept("commitment")).prf == (1.0, 1.0, 1.0)
    added = second_look(p, "commitment", np.array([0.0, 0.9]), 0.5)
    assert (added.tp, added.pred) == (1, 2)
    assert beside_kept(cands) == [False, True]


def test_a_milestone_matches_only_with_its_dates_to_the_month():
    quote = "The new hub will open in March 2020."
    gold = {"quote": quote, "date_start": "2020-03-01", "date_end": "2020-03-31"}
    same = {"quote": quote, "date_start": "2020-03-01", "date_end": "2020-03-31"}
    later = {"quote": quote, "date_start": "2020-04-01", "date_end": "2020-04-30"}
    overlap = lambda g, p: 1.0 if g == p else 0.0      # noqa: E731
    assert _pair("milestone", gold, same, overlap) == 1.0
    assert _pair("milestone", gold, later, overlap) == 0.0
    assert _pair("commitment", gold, later, overlap) == 1.0
