"""Relations by the clause pattern that read them: what each rule gets right and wrong, per paper.

    python bench/relation_patterns.py [--cache DIR] [--judged FILE] [--out DIR] [--show-check]

Every relation `suggest` reads and `classify` keeps, in the shared papers (with gold) and the
unannotated ones, is attributed to its rule. On a shared paper a rule's (source, relation, target) is true when the
gold has that triple (the shared scorer's canonical names, through the gold's aliases), false
when not. The unannotated papers have no gold: `--judged` names a file of lines
'T|F<TAB>source<TAB>relation<TAB>target' written by reading every relation of the dump; triples
not yet judged count as '?'. A rule is worth keeping when its true triples come from several
papers and its false ones are few everywhere. Writes `patterns.md`: every triple under its rule
with its sentence (a check paper's words only with `--show-check`), and the gold triples no rule
reads (study papers only).
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
from extractors.context import build_context  # noqa: E402
from extractors.relation_patterns import PATTERNS  # noqa: E402
from extractors.relations import classify, suggest  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import part_blocks, prepare  # noqa: E402


def candidates(pdf: Path, cache: Path) -> list:
    prepared = prepare(parsed(pdf, cache))
    out = []
    for blocks in part_blocks(prepared.paper, 1):
        ctx = build_context(prepared.paper, prepared.document, prepared.orgs, blocks)
        out += [c for c in suggest(ctx) if classify(c) is None]
    return out


def judged(path: Path | None) -> dict[tuple, str]:
    if not path or not path.exists():
        return {}
    marks = {}
    for line in path.read_text().splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            marks[tuple(p.strip() for p in parts[1:4])] = parts[0].strip()
    return marks


def _n(short: str) -> int:
    return int(short.strip("PU*"))


def main() -> None:
    ap = family_options(__doc__.splitlines()[0], "relation-patterns")
    a = ap.parse_args()
    score, marks = load_scorer(a.scorer), judged(a.judged)
    rows = defaultdict(lambda: {"true": 0, "false": 0, "un_true": 0, "un_false": 0, "un_unjudged": 0,
                                "papers": set(), "false_papers": set()})
    listing, legend, unread = defaultdict(list), [], []
    pdfs = [(p, True) for p in sorted(a.papers.glob("*.pdf"))] + [(p, False) for p in sorted(a.unannotated.glob("*.pdf"))]
    for pdf, annotated in pdfs:
        try:
            found = candidates(pdf, a.cache)
        except PaperError:
            continue
        study = annotated and pdf.stem.startswith(STUDY)
        short = f"{'P' if annotated else 'U'}{len(legend) + 1}" + ("*" if study else "")
        legend.append(f"{short} {pdf.stem}")
        shown = (lambda text: text) if study or not annotated or a.show_check else (lambda text: "(a check paper's words)")
        counted = set()
        if annotated:
            gold = json.loads((a.gold / f"{pdf.stem}.json").read_text())
            aliases = score.Aliases(gold.get("organisations", []))
            canon = lambda s, r, t: (aliases.canon(s), r, aliases.canon(t))  # noqa: E731
            gold_triples = {canon(g["source"], g["relation"], g["target"]) for g in gold.get("relations", [])}
            read = set()
        for c in found:
            triple = (c.source, c.relation, c.target)
            if (c.rule, triple) in counted:
                continue
            counted.add((c.rule, triple))
            row = rows[c.rule]
            if annotated:
                key = canon(*triple)
                ok = key in gold_triples
                read.add(key)
                row["true" if ok else "false"] += 1
                (row["papers"] if ok else row["false_papers"]).add(short)
                mark = "T" if ok else "F"
                text = shown(c.sentence.text)
            else:
                mark = marks.get(triple, "?")
                row["un_" + {"T": "true", "F": "false"}.get(mark, "unjudged")] += 1
                if mark in ("T", "F"):
                    row["papers" if mark == "T" else "false_papers"].add(short)
                mark, text = "U" + mark, c.sentence.text
            listing[c.rule].append(f"{mark} {short} p.{c.sentence.page} {c.source} | {c.relation} | {c.target}  <<{text}>>")
        if study:
            unread += [f"MISS {short} {s} | {r} | {t}" for s, r, t in sorted(gold_triples - read)]
    for _, _, name in PATTERNS:
        rows[name]              # the clause patterns that read nothing are listed too
    print(f"{'rule':44} {'true':>4} {'false':>5} {'unT':>4} {'unF':>4} {'un?':>4}  true in / false in")
    for name, row in sorted(rows.items(), key=lambda kv: (-kv[1]["true"], kv[1]["false"])):
        print(f"{name[:44]:44} {row['true']:4d} {row['false']:5d} {row['un_true']:4d} {row['un_false']:4d} "
              f"{row['un_unjudged']:4d}  {','.join(sorted(row['papers'], key=_n)) or '-'} / "
              f"{','.join(sorted(row['false_papers'], key=_n)) or '-'}")
    total = {k: sum(r[k] for r in rows.values()) for k in ("true", "false", "un_true", "un_false", "un_unjudged")}
    print(f"{'all rules':44} {total['true']:4d} {total['false']:5d} {total['un_true']:4d} "
          f"{total['un_false']:4d} {total['un_unjudged']:4d}")
    a.out.mkdir(parents=True, exist_ok=True)
    with (a.out / "patterns.md").open("w") as f:
        f.write("".join(f"{line}\n" for line in legend))
        for name in sorted(listing):
            row = rows[name]
            f.write(f"\n## {name}\ntrue in: {sorted(row['papers'])}  false in: {sorted(row['false_papers'])}\n")
            f.write("".join(f"- {line}\n" for line in listing[name]))
        f.write("\n## gold triples no rule reads (study papers)\n" + "".join(f"- {line}\n" for line in unread))
    print(f"\nlisting in {a.out / 'patterns.md'}  (* a study paper)")


if __name__ == "__main__":
    main()
