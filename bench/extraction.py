"""The extraction measurement loop: every shared paper parsed, extracted and scored, by type
and by paper, with every miss and every false record listed so they can be read by kind.

    python bench/extraction.py [--papers ../shared/corpus/papers] [--gold ../shared/corpus/gold]
                               [--split study|check] [--only STEM ...] [--misses TYPE ...]
                               [--dump TYPE ...] [--out DIR]

Rules are written against the misses of the `study` papers and each new rule is checked on
the `check` papers, which nobody reads misses of while writing it. `--dump` lists every record
of the given types (for papers with no gold: ../shared/corpus/unannotated).

Parsed papers are cached (by the PDF's bytes and the parser's source) under `--cache`, so a
change to the extractors re-runs in seconds. Writes `export.jsonl` (the format the shared
scorer reads), `scores.json` and `misses.md` into `--out`.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import pickle
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.discover import sha256_file  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import extract_paper  # noqa: E402
from pipeline.parse import parse_pdf  # noqa: E402
from schemas import PaperExtraction, ParsedPaper  # noqa: E402

SHARED = ROOT.parent / "shared"
TYPES = ["budget", "milestone", "commitment", "risk", "decision"]
ROWS = ["budget", "milestone+dates", "commitment", "risk", "decision", "organisation", "relation"]
GOLD_KEY = {"budget": "budgets", "milestone": "milestones", "commitment": "commitments", "risk": "risks",
            "decision": "decisions"}
# Papers whose misses rules are written against; the rest of the shared corpus checks them.
STUDY = ("brent-", "bromley-", "nwl-", "kent_cabinet_2025-01-30_printed_minutes",
         "kent_cabinet_2025-01-30_24-00109", "westsussex_hwb_jhws", "kent_council_2025-03-13_jhosc")
PARSER_SOURCES = ["pipeline/parse.py", "pipeline/parse_objects.py", "pipeline/layout.py", "pipeline/regions.py",
                  "pipeline/ink.py", "pipeline/ocr.py", "pipeline/ocr_lists.py", "pipeline/ocr_ordinals.py", "pipeline/repair.py", "pipeline/tables.py",
                  "pipeline/hyphens.py", "schemas/parsed.py"]


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parsed(pdf: Path, cache: Path) -> ParsedPaper:
    """The paper parsed, from the cache when neither its bytes nor the parser changed."""
    code = hashlib.sha256(b"".join((ROOT / p).read_bytes() for p in PARSER_SOURCES)).hexdigest()[:12]
    sha = sha256_file(pdf)
    hit = cache / f"{sha[:16]}-{code}.pickle"
    if hit.exists():
        paper = pickle.loads(hit.read_bytes())
        return paper.model_copy(update={"path": str(pdf)})
    paper = parse_pdf(pdf, sha)
    cache.mkdir(parents=True, exist_ok=True)
    hit.write_bytes(pickle.dumps(paper))
    return paper


def family_options(description: str, out: str) -> argparse.ArgumentParser:
    """The options the rule-family benches share (bench/*_families.py, bench/relation_patterns.py):
    the shared papers, the unannotated PDFs, gold, scorer, parse cache, a reader's verdicts."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--papers", type=Path, default=SHARED / "corpus" / "papers")
    ap.add_argument("--unannotated", type=Path, default=SHARED / "corpus" / "unannotated")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--judged", type=Path, help="a reader's verdicts on the unannotated records")
    ap.add_argument("--show-check", action="store_true", help="list the check papers' words too (not while writing rules)")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / out)
    return ap


def export_lines(extraction: PaperExtraction) -> list[dict]:
    """The lines the warehouse's JSON Lines export would write for this paper."""
    doc = extraction.document
    lines = [{"type": "document", **doc.model_dump(mode="json")}]
    for kind, records in extraction.records().items():
        for record in records:
            row = record.model_dump(mode="json")
            if kind == "organisation":
                row["org_type"] = row.pop("org_type", None)
            lines.append({**row, "type": kind, "doc": doc.doc})
    return lines


def run(papers: list[Path], cache: Path) -> tuple[list[dict], dict[str, float]]:
    lines, seconds = [], {}
    for pdf in papers:
        try:
            paper = parsed(pdf, cache)
        except PaperError as error:
            print(f"{pdf.name}: {error}", file=sys.stderr)
            continue
        started = time.perf_counter()
        lines += export_lines(extract_paper(paper))
        seconds[pdf.stem] = time.perf_counter() - started
    return lines, seconds


def misses(score, gold_dir: Path, lines: list[dict], kinds: list[str]) -> str:
    """Every gold record not matched and every predicted one matching no gold, by paper and type."""
    out = []
    by_doc: dict[str, dict[str, list]] = {}
    for line in lines:
        by_doc.setdefault(line["doc"], {}).setdefault(line["type"], []).append(line)
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text())
        preds = by_doc.get(gold["doc"], {})
        if not preds:
            continue
        for kind in kinds:
            if kind == "organisation":
                aliases = score.Aliases(gold.get("organisations", []))
                gold_names = {aliases.canon(o["name"]): o["name"] for o in gold.get("organisations", [])}
                pred_names = {aliases.canon(o["name"]): o["name"] for o in preds.get("organisation", [])}
                missed = [gold_names[k] for k in gold_names if k not in pred_names]
                false = [pred_names[k] for k in pred_names if k not in gold_names]
                if missed or false:
                    out.append(f"\n## {gold['doc']} organisation")
                    out += [f"- MISS {n}" for n in missed] + [f"- FALSE {n}" for n in false]
                continue
            if kind == "relation":
                out += _relation_misses(score, gold, preds.get("relation", []))
                continue
            golds, ps = gold.get(GOLD_KEY[kind], []), preds.get(kind, [])
            extra = (lambda a, b: score.same_amount(a.get("amount_gbp"), b.get("amount_gbp"))) \
                if kind == "budget" else (lambda a, b: True)
            pairs = score.match(golds, ps, extra)
            matched_g = {id(g) for g, _ in pairs}
            matched_p = {id(p) for _, p in pairs}
            missed = [g for g in golds if id(g) not in matched_g]
            false = [p for p in ps if id(p) not in matched_p]
            if missed or false:
                out.append(f"\n## {gold['doc']} {kind}: {len(pairs)} matched, {len(missed)} missed, {len(false)} false")
                out += [f"- MISS {_fields(g)} | {g['quote']}" for g in missed]
                out += [f"- FALSE p.{p.get('page')} [{p.get('section', '')[:40]}] {_fields(p)} | {p['quote']}"
                        for p in false]
    return "\n".join(out) + "\n"


def _relation_misses(score, gold: dict, preds: list[dict]) -> list[str]:
    """Gold triples no prediction has and predicted ones the gold lacks, as the scorer
    compares them (canonical names through the gold's aliases), each with its quote."""
    aliases = score.Aliases(gold.get("organisations", []))

    def triple(r):
        return aliases.canon(r.get("source")), r.get("relation"), aliases.canon(r.get("target"))

    gold_rel, pred_rel = {triple(r) for r in gold.get("relations", [])}, {triple(r) for r in preds}
    missed = [r for r in gold.get("relations", []) if triple(r) not in pred_rel]
    false = [r for r in preds if triple(r) not in gold_rel]
    if not missed and not false:
        return []
    head = f"\n## {gold['doc']} relation: {len(gold_rel & pred_rel)} matched, {len(missed)} missed, {len(false)} false"
    return [head, *(f"- MISS {_fields(r)} | {r.get('quote')}" for r in missed),
            *(f"- FALSE p.{r.get('page')} [{r.get('section', '')[:40]}] {_fields(r)} | {r.get('quote')}" for r in false)]


def _fields(record: dict) -> str:
    keys = ("name", "org_type", "source", "relation", "target", "actor", "modality", "body", "kind", "date_text", "status", "org", "amount_gbp")
    return " ".join(f"{k}={record[k]}" for k in keys if record.get(k) not in (None, ""))


def per_paper(score, gold_dir: Path, export: Path, out: Path) -> dict[str, dict]:
    rows = {}
    for gold_file in sorted(gold_dir.glob("*.json")):
        one = out / "gold-one"
        one.mkdir(parents=True, exist_ok=True)
        for old in one.glob("*.json"):
            old.unlink()
        (one / gold_file.name).write_bytes(gold_file.read_bytes())
        rows[gold_file.stem] = score.score(one, export)
    return rows


def table(report: dict) -> str:
    lines = [f"{'type':16} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for row in ROWS:
        r = report[row]
        lines.append(f"{row:16} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['gold']:5d} {r['pred']:5d}")
    lines.append(f"core_f1 {report['core_f1']}  title_acc {report['title_acc']}  {report['document']}")
    return "\n".join(lines)


def paper_table(rows: dict[str, dict]) -> str:
    head = f"{'paper':58} {'core':>5} " + " ".join(f"{r[:6]:>6}" for r in ROWS)
    lines = [head]
    for stem, rep in sorted(rows.items(), key=lambda kv: kv[1]["core_f1"]):
        lines.append(f"{stem[:58]:58} {rep['core_f1']:5.2f} " + " ".join(f"{rep[r]['f1']:6.2f}" for r in ROWS))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=Path, default=SHARED / "corpus" / "papers")
    ap.add_argument("--gold", type=Path, default=SHARED / "corpus" / "gold")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--only", nargs="*", default=[], help="paper stems (or prefixes) to run")
    ap.add_argument("--split", choices=["study", "check"], help="only the study or only the check papers")
    ap.add_argument("--dump", nargs="*", default=[], help="types whose every record is listed in dump.md")
    ap.add_argument("--misses", nargs="*", default=[*TYPES, "organisation", "relation"], help="types to list misses for")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "extraction")
    a = ap.parse_args()
    score = load_scorer(a.scorer)
    papers = sorted(p for p in a.papers.glob("*.pdf") if not a.only or any(p.stem.startswith(o) for o in a.only))
    if a.split:
        papers = [p for p in papers if p.stem.startswith(STUDY) == (a.split == "study")]
    lines, seconds = run(papers, a.cache)
    a.out.mkdir(parents=True, exist_ok=True)
    export = a.out / "export.jsonl"
    export.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    gold = a.out / "gold"
    gold.mkdir(exist_ok=True)
    for old in gold.glob("*.json"):
        old.unlink()
    for pdf in papers:
        if (a.gold / f"{pdf.stem}.json").exists():
            (gold / f"{pdf.stem}.json").write_bytes((a.gold / f"{pdf.stem}.json").read_bytes())
    report = score.score(gold, export)
    rows = per_paper(score, gold, export, a.out)
    (a.out / "scores.json").write_text(json.dumps({"all": report, "papers": rows}, indent=1))
    (a.out / "misses.md").write_text(misses(score, gold, lines, a.misses))
    if a.dump:
        (a.out / "dump.md").write_text("".join(
            f"{line['doc'][:40]} p.{line.get('page')} {line['type']} {_fields(line)} | {line.get('quote') or line.get('name')}\n"
            for line in lines if line["type"] in a.dump))
    print(table(report))
    print()
    print(paper_table(rows))
    print(f"\nextraction {sum(seconds.values()):.1f} s; misses in {a.out / 'misses.md'}")


if __name__ == "__main__":
    main()
