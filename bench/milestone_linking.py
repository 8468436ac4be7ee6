"""Precision and recall of milestone linking on the written paper pairs, per method and
similarity threshold, with the slips each method's links would report.

Pair sets: tests/paperpairs.py (restatements close to the original wording) and
tests/paperpairs_restated.py (paraphrased restatements, bodies named differently, a date
moved earlier, pairs that share words but are different events). Methods: `paraphrase`
(the shipped pipeline/milestone_match.py) and `token-set` (the rapidfuzz token-set ratio of
the descriptions' content words the linking used before, kept here as the baseline).

    .venv/bin/python bench/milestone_linking.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz  # noqa: E402

import warehouse  # noqa: E402
from pipeline.crosspaper import (LINK_THRESHOLD, bodies_of, find_slippage, link_milestones,  # noqa: E402
                                 mark_bodies, milestone_words, paraphrase_scores, resolve_organisations,
                                 same_body_possible)
from tests import paperpairs, paperpairs_restated  # noqa: E402
from tests.paperpairs import build  # noqa: E402

THRESHOLDS = (20, 30, 40, 45, 50, 55, 60, 65, 70, 80, 90)


def token_set_scores(earlier: list[dict], later: list[dict]) -> dict[tuple[str, str], float]:
    """The baseline: token-set ratio of the descriptions' content words, bodies as the shipped method."""
    return {(a["id"], b["id"]): float(fuzz.token_set_ratio(milestone_words(a["description"]),
                                                           milestone_words(b["description"])))
            if same_body_possible(a, b) else 0.0 for a in earlier for b in later}


# Each method with the threshold it ships (or shipped) with.
METHODS = {"paraphrase": (paraphrase_scores, LINK_THRESHOLD), "token-set": (token_set_scores, 65.0)}


def pair_set(module) -> tuple[list[dict], dict, set, dict]:
    """The pair set loaded into a fresh warehouse: its milestones (bodies marked), the papers'
    bodies, the true links and the true slips {(earlier id, later id): days}."""
    con = warehouse.connect(Path(tempfile.mkdtemp()) / "w.duckdb")
    run = warehouse.start_run(con)
    for pair in module.PAIRS:
        for spec in pair:
            warehouse.load_paper(con, build(spec), run)
    orgs = warehouse.current_rows(con, "organisation")
    _, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    mark_bodies(milestones, orgs, entity_of)
    earlier_docs = {pair[0]["name"] for pair in module.PAIRS}
    slips = {}
    for early, late, days in module.TRUTH:
        [a] = [m["id"] for m in milestones if early in m["quote"] and m["doc"] in earlier_docs]
        [b] = [m["id"] for m in milestones if late in m["quote"] and m["doc"] not in earlier_docs]
        slips[(a, b)] = days
    return milestones, bodies_of(orgs, entity_of), set(slips), {k: d for k, d in slips.items() if d}


def main() -> None:
    for module in (paperpairs, paperpairs_restated):
        milestones, bodies, truth, true_slips = pair_set(module)
        print(f"\n{module.__name__}: {len(truth)} true links, {len(true_slips)} true slips")
        for name, (scores, shipped) in METHODS.items():
            by_doc = {}
            for m in milestones:
                by_doc.setdefault(m["doc_id"], []).append(m)
            docs = list(by_doc)
            all_scores = {k: v for a in docs for b in docs if a != b for k, v in scores(by_doc[a], by_doc[b]).items()}
            true_s = sorted(all_scores[p] for p in truth)
            false_s = sorted(v for k, v in all_scores.items() if k not in truth and
                             (k[1], k[0]) not in truth and _same_pair(k, milestones))
            print(f"  {name}: true pairs {true_s[0]:.1f}..{true_s[-1]:.1f}; "
                  f"{len(false_s)} false pairs, highest {false_s[-1]:.1f}")
            print(f"  {'threshold':>9} {'links':>5} {'P':>6} {'R':>6} {'slips':>5} {'false':>5} {'wrong days':>10}")
            for threshold in THRESHOLDS:
                links = link_milestones(milestones, threshold, bodies=bodies, scores=scores)
                found = {(link["earlier_id"], link["later_id"]) for link in links}
                slips = {(s["earlier_id"], s["later_id"]): s["slip_days"] for s in find_slippage(milestones, links)}
                tp = len(found & truth)
                p = tp / len(found) if found else 1.0
                false_slips = len(set(slips) - set(true_slips))
                wrong = sum(1 for k, d in slips.items() if k in true_slips and true_slips[k] != d)
                print(f"  {threshold:9.0f} {len(found):5d} {p:6.3f} {tp / len(truth):6.3f} {len(slips):5d} "
                      f"{false_slips:5d} {wrong:10d}" + ("  <- its threshold" if threshold == shipped else ""))


def _same_pair(key: tuple[str, str], milestones: list[dict]) -> bool:
    """Both milestones from one written pair, earlier paper first."""
    doc = {m["id"]: (m["doc"], m["doc_date"]) for m in milestones}
    (da, ya), (db, yb) = doc[key[0]], doc[key[1]]
    return da.split("-")[0] == db.split("-")[0] and str(ya) < str(yb)


if __name__ == "__main__":
    main()
