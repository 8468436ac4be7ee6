"""Precision and recall of milestone linking on the written paper pairs (tests/paperpairs.py),
over a range of similarity thresholds, and the similarity of every true and false pair.

    .venv/bin/python benchmarks/milestone_linking.py
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import warehouse  # noqa: E402
from pipeline.crosspaper import (LINK_THRESHOLD, bodies_of, link_milestones,  # noqa: E402
                                 resolve_organisations, similarity)
from tests.paperpairs import PAIRS, TRUTH, build  # noqa: E402


def main() -> None:
    con = warehouse.connect(Path(tempfile.mkdtemp()) / "w.duckdb")
    run = warehouse.start_run(con)
    for pair in PAIRS:
        for spec in pair:
            warehouse.load_paper(con, build(spec), run)
    orgs = warehouse.current_rows(con, "organisation")
    _, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    for m in milestones:
        m["entity_id"] = entity_of.get((m["doc_id"], m["org"]))
    earlier_docs = {pair[0]["name"] for pair in PAIRS}
    truth = set()
    for early, late, _ in TRUTH:
        [a] = [m["id"] for m in milestones if early in m["quote"] and m["doc"] in earlier_docs]
        [b] = [m["id"] for m in milestones if late in m["quote"] and m["doc"] not in earlier_docs]
        truth.add((a, b))
    by_id = {m["id"]: m for m in milestones}
    pairs = [(a, b) for a in milestones for b in milestones
             if a["doc"] in earlier_docs and b["doc"] not in earlier_docs and a["doc"].split("-")[0] == b["doc"].split("-")[0]]
    true_scores = sorted(similarity(by_id[a], by_id[b]) for a, b in truth)
    false_scores = sorted(similarity(a, b) for a, b in pairs if (a["id"], b["id"]) not in truth)
    print(f"{len(truth)} true pairs, similarity {true_scores[0]:.1f}..{true_scores[-1]:.1f}; "
          f"{len(false_scores)} false pairs, highest {false_scores[-1]:.1f}")
    print(f"{'threshold':>9} {'links':>5} {'P':>6} {'R':>6}")
    for threshold in (40, 50, 55, 60, LINK_THRESHOLD, 70, 75, 80, 85, 90):
        links = {(l["earlier_id"], l["later_id"])
                 for l in link_milestones(milestones, threshold, bodies=bodies_of(orgs, entity_of))}
        tp = len(links & truth)
        p = tp / len(links) if links else 1.0
        print(f"{threshold:9.0f} {len(links):5d} {p:6.3f} {tp / len(truth):6.3f}"
              + ("  <- LINK_THRESHOLD" if threshold == LINK_THRESHOLD else ""))


if __name__ == "__main__":
    main()
