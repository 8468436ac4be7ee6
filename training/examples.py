"""Candidate examples from the shared gold: what a learned second look trains and is scored on.

    python training/examples.py [--papers ../shared/corpus/papers] [--gold ../shared/corpus/gold]
                                [--cache /work/main/.cache/parsed] [--out .cache/learned/examples.jsonl]

Each candidate the rules' `suggest` stage proposes for a type (training/candidates.py) is one
example, with the family that proposed it, the reason `classify` kept or dropped it, and the
record `fill` writes for it. The gold quotes are stored beside them, so that bench/learned.py
scores predictions with score.py's own matching (milestones also by their dates, to the month,
as score.py's milestone+dates does).

Each line is a paper: {"doc", "sentences": n, "candidates": {type: [...]}, "gold": {type: [...]}};
the first line is {"meta": {...}} with the gold's hash.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import parsed  # noqa: E402
from extractors.context import build_context  # noqa: E402
from pipeline.extract import extract_part, prepare  # noqa: E402
from training.candidates import TYPES, candidates, check_against_rules  # noqa: E402

SHARED = ROOT.parent / "shared"
GOLD_KEY = {"commitment": "commitments", "risk": "risks", "decision": "decisions", "milestone": "milestones"}


def gold_hash(gold_dir: Path) -> str:
    """The gold files' bytes, in name order: a model names the gold it learned from."""
    digest = hashlib.sha256()
    for path in sorted(gold_dir.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def paper_candidates(pdf: Path, cache: Path) -> tuple[str, int, dict[str, list[dict]]]:
    """A paper's stem, its number of sentences and every type's candidates, checked against its rules' records."""
    paper = parsed(pdf, cache)
    prepared = prepare(paper)
    blocks = range(len(paper.blocks))
    ctx = build_context(prepared.paper, prepared.document, prepared.orgs, blocks)
    found = candidates(ctx)
    check_against_rules(found, extract_part(prepared, blocks))
    return paper.stem, len(ctx.sentences), found


def paper_examples(pdf: Path, gold: dict, cache: Path) -> dict:
    doc, n, found = paper_candidates(pdf, cache)
    golds = {t: [{k: g.get(k) for k in ("quote", "date_start", "date_end")} for g in gold.get(GOLD_KEY[t], [])]
             for t in TYPES}
    return {"doc": doc, "sentences": n, "candidates": found, "gold": golds}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=Path, default=SHARED / "corpus" / "papers")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "learned" / "examples.jsonl")
    a = ap.parse_args()
    lines = [{"meta": {"gold_sha": gold_hash(a.gold), "types": TYPES}}]
    for gold_file in sorted(a.gold.glob("*.json")):
        pdf = a.papers / f"{gold_file.stem}.pdf"
        if not pdf.exists():
            continue
        lines.append(paper_examples(pdf, json.loads(gold_file.read_text()), a.cache))
        ex = lines[-1]
        counts = " ".join(f"{t} {sum(c['kept'] for c in ex['candidates'][t])}/{len(ex['candidates'][t])}"
                          for t in TYPES)
        print(f"{ex['doc'][:50]:50} {ex['sentences']:5d} sentences  kept/suggested: {counts}")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
