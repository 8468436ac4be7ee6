"""The optional learned scorer: its arithmetic, its absence, and the artefact that ships."""
from __future__ import annotations

import json
import math

import pytest

from extractors import learned


def _tiny(tmp_path):
    """A two-term model: 'risk' raises a sentence's risk score, 'noted' lowers it."""
    model = {"idf": {"risk": 2.0, "noted": 1.0},
             "types": {"risk": {"bias": -1.0, "weights": {"risk": 3.0, "noted": -2.0},
                                "thresholds": {"filter": 0.5, "recall": 0.7}}}}
    path = tmp_path / "tfidf.json"
    path.write_text(json.dumps(model))
    return path


def test_scores_follow_the_trained_arithmetic(tmp_path, monkeypatch):
    monkeypatch.setattr(learned, "ARTEFACT", _tiny(tmp_path))
    learned._load.cache_clear()
    try:
        only_risk, both, neither = learned.score("risk", [
            "There is a risk to the Exampleton programme.",
            "The risk was noted by Members.",
            "Members of NHS Kingsmere CCG attended."])
        assert only_risk == pytest.approx(1 / (1 + math.exp(-(-1.0 + 3.0))))
        # both terms once: each (1 + log 1) * idf, the vector of unit length
        risk, noted = 2.0 / math.sqrt(5), 1.0 / math.sqrt(5)
        assert both == pytest.approx(1 / (1 + math.exp(-(-1.0 + 3.0 * risk - 2.0 * noted))))
        assert neither == pytest.approx(1 / (1 + math.exp(1.0)))
        assert learned.threshold("risk", "recall") == 0.7
        assert not learned.available("decision")
        assert learned.score("decision", ["Cabinet agreed the plan."]) is None
    finally:
        learned._load.cache_clear()


def test_the_pipeline_runs_where_no_model_ships(tmp_path, monkeypatch):
    from tests.textpaper import extract

    monkeypatch.setattr(learned, "ARTEFACT", tmp_path / "absent.json")
    learned._load.cache_clear()
    try:
        assert not learned.available("risk")
        assert learned.score("risk", ["A sentence."]) is None
        out = extract("There is a risk that the Exampleton hub will not open on time.")
        assert out.risks
    finally:
        learned._load.cache_clear()


@pytest.mark.skipif(not learned.ARTEFACT.exists(), reason="no learned model shipped in this install")
def test_the_shipped_model_tells_a_risk_from_background():
    learned._load.cache_clear()
    risk, background = learned.score("risk", [
        "There is a significant risk that rising demand will outstrip the capacity of Exampleton's care homes.",
        "The Board met in the Town Hall at 10am."])
    assert risk > background
    meta = json.loads((learned.ARTEFACT.parent / "meta.json").read_text())
    assert meta["gold_sha"] and set(meta["lopo"]) == {"commitment", "risk", "decision", "milestone"}
