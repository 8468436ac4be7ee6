"""Commitments by rule family: what each promise form, list kind and drop reason keeps right and wrong.

    python bench/commitment_families.py [--cache DIR] [--judged FILE] [--out DIR]

Every candidate `suggest` proposes in the shared papers (with gold) and the unannotated ones
is classified; its verdict's reason is its family. A kept candidate is true when it matches a
gold commitment (the shared scorer's matching), false when it matches none; a dropped one is
a loss when it would have matched a gold commitment no kept record matched. The unannotated
papers have no gold: `--judged` names a file of lines 'F<TAB>quote' (a record read as false),
'L<TAB>quote' (a promise whose quote runs across columns or a whole list: the layout's fault)
or 'T<TAB>quote', written by reading every record of the dump; records not yet judged are
counted as '?'. Gold commitments no candidate reaches are counted as 'not suggested'. A family is worth keeping when its true records come from several papers and
its false ones are few everywhere. Writes `families.md` (every record under its family; the
check papers' words only with `--show-check`, as rules are not written against them) and
`drops.md` (every candidate dropped, by reason).
"""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import STUDY, family_options, load_scorer, parsed  # noqa: E402
from extractors.commitments import classify, fill, suggest  # noqa: E402
from extractors.context import build_context  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import part_blocks, prepare  # noqa: E402


def verdicts(pdf: Path, cache: Path) -> list[tuple]:
    """(candidate, verdict, record or None) for every candidate of the paper."""
    prepared = prepare(parsed(pdf, cache))
    out = []
    for blocks in part_blocks(prepared.paper, 1):
        ctx = build_context(prepared.paper, prepared.document, prepared.orgs, blocks)
        for candidate in suggest(ctx):
            verdict = classify(ctx, candidate)
            record = fill(ctx, candidate, verdict).model_dump(mode="json") if verdict.keep else None
            out.append((candidate, verdict, record))
    return out


def judged(path: Path | None) -> dict[str, str]:
    if not path or not path.exists():
        return {}
    marks = {}
    for line in path.read_text().splitlines():
        if "\t" in line:
            mark, quote = line.split("\t", 1)
            marks[" ".join(quote.split())] = mark.strip()
    return marks


def main() -> None:
    ap = family_options(__doc__.splitlines()[0], "commitment-families")
    a = ap.parse_args()
    score, marks = load_scorer(a.scorer), judged(a.judged)
    # family -> counters and listings
    rows = defaultdict(lambda: {"true": 0, "false": 0, "lost": 0, "dropped": 0, "un_false": 0, "un_true": 0, "un_layout": 0,
                                "un_unjudged": 0, "papers": defaultdict(int), "false_papers": defaultdict(int)})
    listing, drops, legend = defaultdict(list), defaultdict(list), []
    pdfs = [(p, True) for p in sorted(a.papers.glob("*.pdf"))] + [(p, False) for p in sorted(a.unannotated.glob("*.pdf"))]
    for pdf, annotated in pdfs:
        try:
            found = verdicts(pdf, a.cache)
        except PaperError:
            continue
        study = annotated and pdf.stem.startswith(STUDY)
        short = f"{'P' if annotated else 'U'}{len(legend) + 1}" + ("*" if study else "")
        shown = (lambda text: text) if study or not annotated or a.show_check else (lambda text: "(a check paper's words)")
        legend.append(f"{short} {pdf.stem}")
        kept = [(c, v, r) for c, v, r in found if v.keep]
        if annotated:
            gold = json.loads((a.gold / f"{pdf.stem}.json").read_text()).get("commitments", [])
            pairs = score.match(gold, [r for _, _, r in kept])
            hit = {id(p) for _, p in pairs}
            left = [g for g in gold if not any(g is m for m, _ in pairs)]
            for c, v, r in kept:
                row, ok = rows[v.reason], id(r) in hit
                row["true" if ok else "false"] += 1
                (row["papers"] if ok else row["false_papers"])[short] += 1
                listing[v.reason].append(f"{'T' if ok else 'F'} {short} p.{c.clause.page} | {shown(c.clause.text)}")
            dropped = [(c, v) for c, v, _ in found if not v.keep]
            quotes = [{"quote": c.clause.text} for c, _ in dropped]
            lost = score.match(left, quotes)
            lost_ids = {id(p) for _, p in lost}
            unreached = [g for g in left if not any(g is m for m, _ in lost)]
            rows["not suggested"]["lost"] += len(unreached)
            rows["not suggested"]["papers"][short] += len(unreached) or 0
            listing["not suggested"] += [f"MISS {short} | {shown(g['quote'])}" for g in unreached]
            for (c, v), q in zip(dropped, quotes):
                row = rows["drop: " + v.reason]
                row["dropped"] += 1
                if id(q) in lost_ids:
                    row["lost"] += 1
                    row["papers"][short] += 1
                    listing["drop: " + v.reason].append(f"LOST {short} p.{c.clause.page} | {shown(c.clause.text)}")
                drops[v.reason].append(f"{'LOST' if id(q) in lost_ids else 'drop'} {short} p.{c.clause.page} "
                                       f"({v.detail}) | {shown(c.clause.text)}")
        else:
            for c, v, r in kept:
                mark = marks.get(" ".join(c.clause.text.split()), "?")
                row = rows[v.reason]
                row["un_" + {"F": "false", "T": "true", "L": "layout"}.get(mark, "unjudged")] += 1
                if mark in ("F", "L"):
                    row["false_papers"][short] += 1
                listing[v.reason].append(f"U{mark} {short} p.{c.clause.page} | {c.clause.text}")
            for c, v, _ in found:
                if not v.keep:
                    rows["drop: " + v.reason]["dropped"] += 1
                    drops[v.reason].append(f"U {short} p.{c.clause.page} ({v.detail}) | {c.clause.text}")
    print(f"{'family':58} {'papers':>6} {'true':>5} {'false':>5} {'unT':>4} {'unF':>4} {'unL':>4} {'un?':>4}")
    for name, row in sorted(rows.items(), key=lambda kv: (kv[0].startswith(("drop", "not")), -kv[1]["true"] - kv[1]["lost"])):
        if name.startswith(("drop", "not")):
            print(f"{name[:58]:58} {len(row['papers']):6d} lost {row['lost']:3d} of {row['dropped']:4d} dropped")
        else:
            print(f"{name[:58]:58} {len(row['papers']):6d} {row['true']:5d} {row['false']:5d} {row['un_true']:4d} "
                  f"{row['un_false']:4d} {row['un_layout']:4d} {row['un_unjudged']:4d}")
    a.out.mkdir(parents=True, exist_ok=True)
    with (a.out / "families.md").open("w") as f:
        f.write("".join(f"{line}\n" for line in legend))
        for name in sorted(listing):
            row = rows[name]
            f.write(f"\n## {name}\ntrue by paper: {dict(row['papers'])}\nfalse by paper: {dict(row['false_papers'])}\n")
            f.write("".join(f"- {line}\n" for line in listing[name]))
    with (a.out / "drops.md").open("w") as f:
        for name in sorted(drops):
            f.write(f"\n## {name}\n" + "".join(f"- {line}\n" for line in drops[name]))
    print(f"\nlisting in {a.out / 'families.md'}, every drop in {a.out / 'drops.md'}  (* a study paper)")


if __name__ == "__main__":
    main()
