"""Does a learned look at the rules' candidates earn a place? Leave-one-paper-out, at the scorer's level.

    python training/examples.py --cache /work/main/.cache/parsed       # the candidates first
    python bench/learned.py [--models tfidf parser textcat-bow minilm] [--unannotated ../shared/corpus/unannotated]
                            [--cache /work/main/.cache/parsed] [--out DIR]

The candidates are the rules' own: what each type's `suggest` stage proposes, with the family
that proposed it and the reason `classify` kept or dropped it (training/candidates.py). For
each type (commitment, risk, decision, milestone+dates) and each approach, precision, recall
and F1 over the 12 shared papers, each paper scored by a model trained on the other 11 (its
threshold chosen on those 11, one level down), and the time per sentence. Approaches:

- rules          the branch's extractors as they are (the kept candidates)
- rules>M        the rules' records that the learned scorer M also accepts (a learned filter: precision)
- rules+M        the rules' records, plus the candidates classify dropped that M accepts (a second look: recall)
- cues+M         one logistic regression over the rules' cues (suggest family, classify reason,
                 kept, a kept candidate beside it, block shape) and M's score, deciding every candidate
- cues           the same over the cues alone
`[f1]` rows choose the threshold for the best F1 on the training papers, `[p80]` for the most
recall at precision >= 0.8. `(ceiling)` is the recall of emitting every candidate.

With --unannotated, each approach is also fitted on all 12 papers (threshold chosen on their
LOPO scores) and run on the PDFs with no gold: the `unannotated` column counts the records it
adds there (a filter: the records it removes, negative), and unannotated.md lists each, with
the approaches that add it, to be read for precision on papers nobody annotated.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import STUDY, load_scorer, parsed  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from training import lopo  # noqa: E402
from training.candidates import TYPES  # noqa: E402
from training.examples import paper_candidates  # noqa: E402
from training.features import beside_kept, cue_features  # noqa: E402
from training.lopo import Counts, Paper, evaluate, learned_scores  # noqa: E402
from training.models import Embedding, Parse, Textcat, Tfidf, _lr, _proba  # noqa: E402

SHARED = ROOT.parent / "shared"
MODELS = {"tfidf": Tfidf, "tfidf+lead": lambda: Tfidf(context=True), "minilm": Embedding,
          "minilm+lead": lambda: Embedding(context=True), "parser": Parse, "textcat-bow": Textcat,
          "textcat-ens": lambda: Textcat("ensemble", epochs=8)}
INNER_FOLDS = {"textcat-bow": 3, "textcat-ens": 3}    # spaCy training is slow: fewer inner folds
USES = {"rules>": lopo.filtered, "rules+": lopo.second_look}
POLICIES = ("f1", "p80")


# --- stacking: the rules' cues and a learned score, one logistic regression ------------------

def cue_rows(items: list[dict]) -> list[dict]:
    return [cue_features(c, b) for c, b in zip(items, beside_kept(items))]


class Stacker:
    """A logistic regression over a candidate's cues and (if given) a learned score."""

    def fit(self, rows: list[dict], scores: np.ndarray | None, labels: np.ndarray) -> Stacker:
        self.vec = DictVectorizer()
        self.model = _lr(self.vec.fit_transform(self._with(rows, scores)), labels, 1.0)
        return self

    def __call__(self, rows: list[dict], scores: np.ndarray | None) -> np.ndarray:
        return _proba(self.model, self.vec.transform(self._with(rows, scores))) if rows else np.zeros(0)

    @staticmethod
    def _with(rows, scores):
        return rows if scores is None else [{**r, "learned": float(s)} for r, s in zip(rows, scores)]


def stack_scores(papers: list[Paper], kind: str, outer=None, inner=None):
    """Outer and inner LOPO scores of a stacker over the cues (and M's scores, when given: a
    training paper's is its inner score, from a model that did not see it)."""
    rows = {p.doc: cue_rows(p.candidates[kind]) for p in papers}

    def fit_predict(train, train_scores, test, test_scores):
        stacker = Stacker().fit([r for p in train for r in rows[p.doc]],
                                np.concatenate([train_scores[p.doc] for p in train]) if train_scores else None,
                                np.concatenate([p.labels(kind) for p in train]))
        return {p.doc: stacker(rows[p.doc], test_scores[p.doc] if test_scores else None) for p in test}

    s_outer, s_inner = {}, {}
    for held in papers:
        train = [p for p in papers if p is not held]
        learned_in = inner[held.doc] if inner else None
        s_outer.update(fit_predict(train, learned_in, [held], outer))
        s_inner[held.doc] = {}
        for p in train:
            s_inner[held.doc].update(fit_predict([q for q in train if q is not p], learned_in, [p], learned_in))
    return s_outer, s_inner


# --- the PDFs with no gold -------------------------------------------------------------------

def unannotated_candidates(folder: Path, cache: Path) -> list[tuple[str, dict[str, list[dict]]]]:
    out = []
    for pdf in sorted(folder.glob("*.pdf")):
        try:
            doc, _, found = paper_candidates(pdf, cache)
        except PaperError as error:
            print(f"{pdf.name}: {error}", file=sys.stderr)
            continue
        out.append((doc, found))
    return out


def final_threshold(papers, kind, scores, approach, policy) -> float:
    """The threshold a shipped model would use: chosen on the 12 papers' LOPO scores."""
    return lopo.best_threshold(papers, kind, [scores[p.doc] for p in papers], approach, policy)


def changes(found, kind, scores: list[np.ndarray], approach, t: float) -> list[tuple[str, dict, str]]:
    """What an approach at threshold t does to the unannotated papers' rules: records added, or removed."""
    out = []
    for (doc, cands), s in zip(found, scores):
        for c, v in zip(cands[kind], s):
            emit = bool(c["kept"] and v >= t) if approach is lopo.filtered else \
                bool(c["kept"] or v >= t) if approach is lopo.second_look else bool(v >= t)
            if emit != c["kept"]:
                out.append((doc, c, "added" if emit else "removed"))
    return out


# --- timing ----------------------------------------------------------------------------------

def rules_seconds(papers: list[Paper], cache: Path) -> float:
    """Seconds per sentence of the branch's whole extraction of the 12 papers."""
    from pipeline.extract import extract_part, prepare

    total, n = 0.0, 0
    for p in papers:
        paper = parsed(SHARED / "corpus" / "papers" / f"{p.doc}.pdf", cache)
        started = time.perf_counter()
        prepared = prepare(paper)
        extract_part(prepared, range(len(paper.blocks)))
        total += time.perf_counter() - started
        n += p.sentences
    return total / n


# --- the run ---------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=ROOT / ".cache" / "learned" / "examples.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--models", nargs="*", default=["tfidf", "parser", "textcat-bow"])
    ap.add_argument("--unannotated", type=Path, help="PDFs with no gold, to count and list what each approach changes")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "learned")
    a = ap.parse_args()
    meta, papers = lopo.load(a.examples, load_scorer(a.scorer).overlap)
    found = unannotated_candidates(a.unannotated, a.cache) if a.unannotated else []
    rows: dict[str, dict[str, dict]] = {t: {} for t in TYPES}
    seconds = {"rules": rules_seconds(papers, a.cache)}
    listed: dict[str, dict[tuple, dict]] = {t: {} for t in TYPES}    # unannotated changes, by type

    def put(kind, name, by_paper: dict[str, Counts], approach=None, final=None, unseen=None):
        total = sum(by_paper.values(), Counts())
        p, r, f = total.prf
        row = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "tp": total.tp, "gold": total.gold,
               "pred": total.pred}
        for split in ("study", "check"):
            part = sum((c for doc, c in by_paper.items() if doc.startswith(STUDY) == (split == "study")), Counts())
            row[split] = [round(v, 3) for v in part.prf]
        if found and final is not None:
            changed = changes(found, kind, unseen, approach, final)
            row["unannotated"] = sum(1 if what == "added" else -1 for _, _, what in changed)
            for doc, c, what in changed:
                entry = listed[kind].setdefault((doc, c["char_start"], c["quote"]), {"doc": doc, "item": c,
                                                                                     "what": what, "by": []})
                entry["by"].append(name)
        rows[kind][name] = row

    for kind in TYPES:
        put(kind, "rules", {p.doc: lopo.rules_only(p, kind, None, 0) for p in papers})
        every = sum((lopo.counts(p, kind, np.ones(len(p.candidates[kind]), bool)) for p in papers), Counts())
        rows[kind]["(ceiling: every candidate)"] = {"R": round(every.tp / every.gold, 3), "pred": every.pred}
        cue_out, cue_in = stack_scores(papers, kind)
        stacker = Stacker().fit([r for p in papers for r in cue_rows(p.candidates[kind])], None,
                                np.concatenate([p.labels(kind) for p in papers]))
        unseen = [stacker(cue_rows(cands[kind]), None) for _, cands in found]
        for policy in POLICIES:
            put(kind, f"cues [{policy}]", evaluate(papers, kind, cue_out, cue_in, lopo.decided, policy),
                lopo.decided, final_threshold(papers, kind, cue_out, lopo.decided, policy), unseen)
    for name in a.models:
        model = MODELS[name]()
        for kind in TYPES:
            outer, inner, seconds[f"{name} ({kind})"] = learned_scores(model, kind, papers, INNER_FOLDS.get(name))
            everything = [c for p in papers for c in p.candidates[kind]]
            fitted = model.fit(everything, np.concatenate([p.labels(kind) for p in papers]))
            if found:
                model.prepare([c for _, cands in found for c in cands[kind]])
            unseen = [fitted(cands[kind]) if cands[kind] else np.zeros(0) for _, cands in found]
            for use, approach in USES.items():
                for policy in POLICIES:
                    put(kind, f"{use}{name} [{policy}]", evaluate(papers, kind, outer, inner, approach, policy),
                        approach, final_threshold(papers, kind, outer, approach, policy), unseen)
            s_out, s_in = stack_scores(papers, kind, outer, inner)
            stacker = Stacker().fit([r for p in papers for r in cue_rows(p.candidates[kind])],
                                    np.concatenate([outer[p.doc] for p in papers]),
                                    np.concatenate([p.labels(kind) for p in papers]))
            stacked_unseen = [stacker(cue_rows(cands[kind]), s) for (_, cands), s in zip(found, unseen)]
            for policy in POLICIES:
                put(kind, f"cues+{name} [{policy}]", evaluate(papers, kind, s_out, s_in, lopo.decided, policy),
                    lopo.decided, final_threshold(papers, kind, s_out, lopo.decided, policy), stacked_unseen)
        print(f"  {name}: done", file=sys.stderr)
    save(a.out, meta, seconds, rows, listed if found else None)


def save(out: Path, meta: dict, seconds: dict, rows: dict, listed: dict | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    report = {"meta": meta, "rows": rows, "seconds_per_sentence": seconds}
    (out / "learned.json").write_text(json.dumps(report, indent=1))
    text = tables(report)
    (out / "learned.md").write_text(text)
    if listed is not None:
        (out / "unannotated.md").write_text(unannotated_list(listed))
    print(text)


def tables(report: dict) -> str:
    out = []
    for kind, rows in report["rows"].items():
        out.append(f"\n### {kind}{'+dates' if kind == 'milestone' else ''}\n\n"
                   "| approach | P | R | F1 | pred | study P/R/F1 | check P/R/F1 | unannotated |\n"
                   "|---|---|---|---|---|---|---|---|")
        for name, r in rows.items():
            study, check = ("/".join(map(str, r[k])) if k in r else "" for k in ("study", "check"))
            out.append(f"| {name} | {r.get('P', '')} | {r.get('R', '')} | {r.get('F1', '')} | {r.get('pred', '')} "
                       f"| {study} | {check} | {r.get('unannotated', '')} |")
    out.append("\n### seconds per sentence (rules: the whole extraction; a model: scoring a type's candidates, "
               "features included, per sentence of the paper)\n")
    out += [f"- {k}: {v * 1000:.3f} ms" for k, v in report["seconds_per_sentence"].items()]
    return "\n".join(out) + "\n"


def unannotated_list(listed: dict) -> str:
    out = ["# What each learned approach changes on the unannotated PDFs\n"]
    for kind, entries in listed.items():
        out.append(f"\n## {kind} ({len(entries)} records)\n")
        for e in sorted(entries.values(), key=lambda e: (e["what"], e["doc"], e["item"]["char_start"])):
            c = e["item"]
            out.append(f"- **{e['what']}** {e['doc'][:40]} p{c['page']} [{c['family']} / {c['reason']}] "
                       f"by {', '.join(e['by'])}\n  > {c['quote'][:300]}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
