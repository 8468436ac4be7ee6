"""Which rule family makes each risk record, and whether it is right, paper by paper.

    python bench/risk_families.py [--cache DIR] [--out DIR]

Runs the risk stages (suggest -> classify -> fill) on every shared paper and every
unannotated PDF, matches the records against the gold as the shared scorer does, and
attributes each record to the family that proposed it: a structural source ("risk list",
"risk section", "risk column", "register row") or a threat family of extractors/risks/cues.py THREAT. A rule
family is worth keeping when its true records come from several papers and its false ones
are few everywhere, the unannotated PDFs included (where every record is read by hand).

Writes `families.md` (the table, then every record by family) and prints the table. A threat
record counts for every family that states it; the `sole` columns count those no other family
states, which is what removing the family would change. Records of the unannotated PDFs are
counted right or wrong from a reader's verdicts (`--verdicts`), else unread.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import SHARED, STUDY, load_scorer, parsed  # noqa: E402
from extractors.risks import cues as risk_cues  # noqa: E402
from extractors.context import build_context  # noqa: E402
from extractors.cues import item_text  # noqa: E402
from extractors.risks import classify, fill, suggest  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import prepare  # noqa: E402


THREAT_FAMILIES = set(risk_cues.THREAT)


def families_of(text: str) -> list[str]:
    low = item_text(text).lower()
    return [f for f, p in risk_cues.THREAT.items() if any(w in low for w in risk_cues.GATES[f]) and p.search(low)]


def records(pdf: Path, cache: Path) -> tuple[list[dict], list[dict]]:
    """Every kept candidate of the paper as {quote, source, families, page}, and every dropped
    one as {quote, source, reason}."""
    prepared = prepare(parsed(pdf, cache))
    ctx = build_context(prepared.paper, prepared.document, prepared.orgs)
    kept, dropped = [], []
    for c in suggest(ctx):
        reason = classify(c)
        if reason is None:
            risk = fill(ctx, c)
            kept.append({"quote": risk.quote, "page": risk.page, "source": c.source.removeprefix("threat:"),
                         "families": families_of(c.sentence.text)})
        else:
            dropped.append({"quote": c.sentence.text, "source": c.source.removeprefix("threat:"), "reason": reason})
    return kept, dropped


def short(stem: str) -> str:
    """A paper's stem cut to what tells the shared papers apart: 'kent-24-00115-report'."""
    words = [w for w in stem.replace("-", "_").split("_") if not w.isdigit() or len(w) == 5]
    return "-".join(words[:2] + words[2:4] if not stem.startswith("kent") else [words[0]] + words[2:4])[:28]


def verdicts(path: Path | None) -> dict[str, bool]:
    """A reader's verdicts on unannotated records: lines 'T<tab>quote' or 'F<tab>quote' (a quote's
    first words are enough)."""
    if not path:
        return {}
    out = {}
    for line in path.read_text().splitlines():
        mark, _, quote = line.partition("\t")
        if quote.strip():
            out[quote.strip()] = mark.strip().upper().startswith("T")
    return out


def verdict_of(quote: str, read: dict[str, bool]) -> bool | None:
    return next((ok for start, ok in read.items() if quote.startswith(start)), None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "risk_families")
    ap.add_argument("--verdicts", type=Path, help="a reader's verdicts on the unannotated records (see `verdicts`)")
    a = ap.parse_args()
    score = load_scorer(SHARED / "eval" / "score.py")
    gold_dir = SHARED / "corpus" / "gold"
    read = verdicts(a.verdicts)
    rows: dict[str, dict] = defaultdict(lambda: {"papers": defaultdict(int), "lines": [],
                                                 **{k: 0 for k in ("t", "f", "ut", "uf", "u?", "st", "sf", "suf")}})
    missed: list[str] = []
    totals = {"study": [0, 0, 0], "check": [0, 0, 0]}         # tp, pred, gold
    unannotated = {True: 0, False: 0, None: 0}                  # records read right, wrong, unread
    pdfs = sorted((SHARED / "corpus" / "papers").glob("*.pdf")) + sorted((SHARED / "corpus" / "unannotated").glob("*.pdf"))
    for pdf in pdfs:
        try:
            recs, dropped = records(pdf, a.cache)
        except PaperError:
            continue
        gold_file = gold_dir / f"{pdf.stem}.json"
        golds = score.json.loads(gold_file.read_text()).get("risks", []) if gold_file.exists() else None
        matched = {id(p) for _, p in score.match(golds, recs)} if golds is not None else set()
        if golds is not None:
            split = totals["study" if pdf.stem.startswith(STUDY) else "check"]
            split[0] += len(matched); split[1] += len(recs); split[2] += len(golds)
        for g in golds or []:
            if not any(score.overlap(g["quote"], p["quote"]) for p in recs):
                why = next((f"{d['source']} dropped: {d['reason']}" for d in dropped
                            if score.overlap(g["quote"], d["quote"])), "not suggested")
                missed.append(f"- MISS {short(pdf.stem)} [{why}] {'/'.join(families_of(g['quote']))} | {g['quote']}")
        for r in recs:
            ok = id(r) in matched if golds is not None else verdict_of(r["quote"], read)
            if golds is None:
                unannotated[ok] += 1
            verdict = ("TRUE" if ok else "FALSE") if golds is not None else {True: "UNANN-T", False: "UNANN-F"}.get(ok, "UNANN-?")
            # A threat record counts for every family that states it; a structural one for its structure.
            families = r["families"] if r["source"] in THREAT_FAMILIES else [r["source"]]
            for family in families:
                row = rows[family]
                sole = len(families) == 1
                if golds is None:
                    row["ut" if ok else "uf" if ok is False else "u?"] += 1
                    row["suf"] += sole and ok is False
                elif ok:
                    row["t"] += 1; row["st"] += sole; row["papers"][short(pdf.stem)] += 1
                else:
                    row["f"] += 1; row["sf"] += sole
                row["lines"].append(f"- {verdict} {pdf.stem[:30]} p.{r['page']} [{r['source']}] {'/'.join(r['families'])} "
                                    f"| {r['quote']}")
    head = (f"{'family':16} {'papers':>6} {'true':>5} {'false':>5} {'un-T':>5} {'un-F':>5} {'un-?':>5} "
            f"{'sole_t':>6} {'sole_f':>6} {'sole_uF':>7}  papers hit")
    table = [head] + [f"{f:16} {len(r['papers']):6d} {r['t']:5d} {r['f']:5d} {r['ut']:5d} {r['uf']:5d} {r['u?']:5d} "
                      f"{r['st']:6d} {r['sf']:6d} {r['suf']:7d}  {' '.join(f'{k}:{n}' for k, n in sorted(r['papers'].items()))}"
                      for f, r in sorted(rows.items(), key=lambda kv: (kv[0] not in THREAT_FAMILIES, kv[0]))]
    for split, (tp, pred, gold) in totals.items():
        p, r, f1 = score.prf(tp, gold, pred)
        table.append(f"{split}: P {p} R {r} F1 {f1} (tp {tp}, pred {pred}, gold {gold})")
    table.append(f"unannotated: {sum(unannotated.values())} records, {unannotated[True]} right, {unannotated[False]} wrong, "
                 f"{unannotated[None]} unread")
    a.out.mkdir(parents=True, exist_ok=True)
    body = [f"\n## {f}\n" + "\n".join(r["lines"]) for f, r in sorted(rows.items())]
    (a.out / "families.md").write_text("\n".join(table) + "\n" + "\n".join(body) + "\n\n## missed\n" + "\n".join(missed) + "\n")
    print("\n".join(table))


if __name__ == "__main__":
    main()
