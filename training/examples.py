"""Sentence examples from the shared gold: what a learned component trains and is scored on.

    python training/examples.py [--papers ../shared/corpus/papers] [--gold ../shared/corpus/gold]
                                [--cache /work/main/.cache/parsed] [--out .cache/learned/examples.jsonl]

Every sentence (or ';'-clause) that `extractors.context.build_context` makes of a shared
paper becomes one example, labelled for each type (commitment, risk, decision, milestone)
by the scorer's own test: positive when some gold quote of that type would match the
sentence as a predicted quote (`overlap` of score.py). The rules' own records of the
branch are written beside them, each tied to the sentence it quotes, so a learned filter
or a learned recall stage can be measured against exactly what the rules see.

Each line is a paper: {"doc", "sentences": [...], "rules": {type: [{"quote", "sentence"}]},
"gold": {type: [quote, ...]}}; the first line is {"meta": {...}} with the gold's hash.
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

from extraction import load_scorer, parsed  # noqa: E402
from extractors.context import build_context  # noqa: E402
from pipeline.extract import extract_part, prepare  # noqa: E402

SHARED = ROOT.parent / "shared"
TYPES = ["commitment", "risk", "decision", "milestone"]
GOLD_KEY = {"commitment": "commitments", "risk": "risks", "decision": "decisions", "milestone": "milestones"}
RULE_KEY = {"commitment": "commitments", "risk": "risks", "decision": "decisions", "milestone": "milestones"}


def gold_hash(gold_dir: Path) -> str:
    """The gold files' bytes, in name order: a model names the gold it learned from."""
    digest = hashlib.sha256()
    for path in sorted(gold_dir.glob("*.json")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def paper_examples(pdf: Path, gold: dict, cache: Path, overlap) -> dict:
    """One paper's sentences with their labels and features, and the rules' records."""
    paper = parsed(pdf, cache)
    prepared = prepare(paper)
    blocks = range(len(paper.blocks))
    ctx = build_context(paper, prepared.document, prepared.orgs, blocks)
    golds = {t: [g["quote"] for g in gold.get(GOLD_KEY[t], [])] for t in TYPES}
    sentences = []
    for s in ctx.sentences:
        sentences.append({
            "text": s.text, "page": s.page, "section": s.section, "kind": s.kind.value,
            "char_start": s.char_start, "char_end": s.char_end, "lead_in": s.lead_in,
            "first_in_block": s.first_in_block, "dated": bool(s.dates or s.heading_date),
            "labels": {t: int(any(overlap(q, s.text) > 0 for q in golds[t])) for t in TYPES}})
    records = extract_part(prepared, blocks)
    rules = {}
    for t in TYPES:
        rules[t] = [{"quote": r.quote, "sentence": _sentence_of(sentences, r.char_start)}
                    for r in getattr(records, RULE_KEY[t])]
    return {"doc": paper.stem, "sentences": sentences, "rules": rules, "gold": golds}


def _sentence_of(sentences: list[dict], char_start: int) -> int | None:
    """The sentence a record's quote starts in (a clause of it, or a whole block around it)."""
    for i, s in enumerate(sentences):
        if s["char_start"] <= char_start < s["char_end"]:
            return i
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=Path, default=SHARED / "corpus" / "papers")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "learned" / "examples.jsonl")
    a = ap.parse_args()
    overlap = load_scorer(a.scorer).overlap
    lines = [{"meta": {"gold_sha": gold_hash(a.gold), "types": TYPES}}]
    for gold_file in sorted(a.gold.glob("*.json")):
        pdf = a.papers / f"{gold_file.stem}.pdf"
        if not pdf.exists():
            continue
        lines.append(paper_examples(pdf, json.loads(gold_file.read_text()), a.cache, overlap))
        ex = lines[-1]
        pos = {t: sum(s["labels"][t] for s in ex["sentences"]) for t in TYPES}
        print(f"{ex['doc'][:50]:50} {len(ex['sentences']):5d} sentences  positives {pos}")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
