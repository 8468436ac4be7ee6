"""Do learned components earn a place? Leave-one-paper-out, at the scorer's level.

    python bench/learned.py [--examples .cache/learned/examples.jsonl] [--models tfidf minilm ...]
                            [--out DIR]

For each type (commitment, risk, decision, milestone) and each approach, precision, recall
and F1 over the 12 shared papers, each paper scored by a model trained on the other 11 (its
threshold chosen on those 11, one level down), and the time per sentence. Approaches:

- rules           the branch's extractors as they are
- M               the learned scorer M alone, over every sentence
- rules>M         the rules' records that M also accepts (a learned filter: precision)
- rules+M@suggest the rules' records, plus the sentences a broad cue suggests that the rules
                  left and M accepts (learned recall over candidates)
- rules>M+M@suggest both, each at its own threshold
- cues+M          one logistic regression over the rules' cues (which rule fired, modal, tense,
                  list shape, lead-in) and M's score, deciding every sentence
- cues            the same over the cues alone
`p80` rows choose the threshold for the most recall at precision >= 0.8 on the training papers.

Make the examples first: python training/examples.py --cache /work/main/.cache/parsed
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import load_scorer, parsed  # noqa: E402
from extractors.context import build_context  # noqa: E402
from training import lopo  # noqa: E402
from training.features import SUGGEST, cue_features  # noqa: E402
from training.lopo import TYPES, Counts, Paper, evaluate, learned_scores  # noqa: E402
from training.models import Embedding, Parse, Textcat, Tfidf, _lr, _proba  # noqa: E402

SHARED = ROOT.parent / "shared"
MODELS = {"tfidf": Tfidf, "tfidf+lead": lambda: Tfidf(context=True), "minilm": Embedding,
          "minilm+lead": lambda: Embedding(context=True), "parser": Parse, "textcat-bow": Textcat,
          "textcat-ens": lambda: Textcat("ensemble", epochs=8)}
INNER_FOLDS = {"textcat-bow": 3, "textcat-ens": 3}    # spaCy training is slow: fewer inner folds


def stacked(paper, kind, sent, rule, t):
    """One score per sentence decides both the rules' records (by their sentence) and the rest."""
    taken = np.zeros(len(sent), bool)
    idx = [r["sentence"] for r in paper.rules[kind]]
    taken[[i for i in idx if i is not None]] = True
    rule_ok = np.array([sent[i] >= t if i is not None else True for i in idx], bool)
    return lopo.counts(paper, kind, (sent >= t) & ~taken, rule_ok)


def cue_matrix(paper: Paper) -> tuple[list[str], np.ndarray]:
    fired = {t: paper.rule_sentences(t) for t in TYPES}
    rows = [cue_features(s, {t: i in fired[t] for t in TYPES}) for i, s in enumerate(paper.sentences)]
    names = sorted(rows[0]) if rows else []
    return names, np.array([[r[k] for k in names] for r in rows])


def stack_scores(papers, kind, outer, inner):
    """Outer and inner scores of a logistic regression over the cues (and M's score if given)."""
    cues = {p.doc: cue_matrix(p)[1] for p in papers}

    def x(p, scores):
        return np.hstack([cues[p.doc], scores[:, None]]) if scores is not None else cues[p.doc]

    def fit_predict(train, feats_train, test, feats_test):
        xs = np.vstack([x(p, f) for p, f in zip(train, feats_train)])
        model = _lr(xs, np.concatenate([p.labels(kind) for p in train]), 1.0)
        return {p.doc: _proba(model, x(p, f)) for p, f in zip(test, feats_test)}

    s_outer, s_inner = {}, {}
    for held in papers:
        train = [p for p in papers if p is not held]
        learned_in = [inner[held.doc][p.doc][kind][0] if inner else None for p in train]
        learned_out = outer[held.doc][kind][0] if outer else None
        s_outer[held.doc] = {kind: (fit_predict(train, learned_in, [held], [learned_out])[held.doc], None)}
        s_inner[held.doc] = {}
        for j, p in enumerate(train):
            rest = [q for q in train if q is not p]
            feats = [f for k, f in enumerate(learned_in) if k != j]
            s_inner[held.doc][p.doc] = {kind: (fit_predict(rest, feats, [p], [learned_in[j]])[p.doc], None)}
    for d in (s_outer, *s_inner.values()):
        for doc in d:
            paper = next(p for p in papers if p.doc == doc)
            s = d[doc][kind][0]
            d[doc][kind] = (s, np.array([s[r["sentence"]] if r["sentence"] is not None else 1.0
                                         for r in paper.rules[kind]]))
    return s_outer, s_inner


def rules_seconds(papers: list[Paper], cache: Path) -> tuple[float, float]:
    """Seconds per sentence of the branch's extraction, and of making its sentences alone."""
    from pipeline.extract import extract_part, prepare

    pdfs = SHARED / "corpus" / "papers"
    total = context = 0.0
    n = 0
    for p in papers:
        paper = parsed(pdfs / f"{p.doc}.pdf", cache)
        started = time.perf_counter()
        prepared = prepare(paper)
        blocks = range(len(paper.blocks))
        c0 = time.perf_counter()
        build_context(paper, prepared.document, prepared.orgs, blocks)
        context += time.perf_counter() - c0
        extract_part(prepared, blocks)
        total += time.perf_counter() - started
        n += len(p.sentences)
    return total / n, context / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=ROOT / ".cache" / "learned" / "examples.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--models", nargs="*", default=["tfidf", "minilm", "parser", "textcat-bow"])
    ap.add_argument("--stack", nargs="*", default=["tfidf", "minilm"], help="models whose score joins the cues")
    ap.add_argument("--out", type=Path, default=ROOT / ".cache" / "learned")
    a = ap.parse_args()
    meta, papers = lopo.load(a.examples, load_scorer(a.scorer).overlap)
    rows: dict[str, dict[str, dict]] = {t: {} for t in TYPES}
    seconds: dict[str, float] = {}
    seconds["rules"], seconds["sentences"] = rules_seconds(papers, a.cache)
    suggest = {t: {p.doc: np.array([SUGGEST[t](s) for s in p.sentences], bool) for p in papers} for t in TYPES}

    def put(kind, name, total: Counts):
        p, r, f = total.prf
        rows[kind][name] = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3),
                            "tp": total.tp, "gold": total.gold, "pred": total.pred}

    for kind in TYPES:
        put(kind, "rules", sum((lopo.rules_only(p, kind, None, np.zeros(len(p.rules[kind])), 0) for p in papers),
                               Counts()))
        oracle = sum((lopo.counts(p, kind, np.ones(len(p.sentences), bool), np.zeros(len(p.rules[kind]), bool))
                      for p in papers), Counts())
        cand = sum((lopo.counts(p, kind, suggest[kind][p.doc], np.zeros(len(p.rules[kind]), bool)) for p in papers),
                   Counts())
        rows[kind]["(ceiling: every sentence)"] = {"R": round(oracle.tp / oracle.gold, 3), "pred": oracle.pred}
        rows[kind]["(ceiling: suggested)"] = {"R": round(cand.tp / cand.gold, 3), "pred": cand.pred}
        cue_out, cue_in = stack_scores(papers, kind, None, None)
        for policy in ("f1", "p80"):
            put(kind, f"cues [{policy}]", evaluate(papers, kind, cue_out, cue_in, stacked, policy))
    for name in a.models:
        model = MODELS[name]()
        outer, inner, seconds[name] = learned_scores(model, papers, INNER_FOLDS.get(name))
        for kind in TYPES:
            for policy in ("f1", "p80"):
                put(kind, f"{name} [{policy}]", evaluate(papers, kind, outer, inner, lopo.alone, policy))
                put(kind, f"rules>{name} [{policy}]", evaluate(papers, kind, outer, inner, lopo.filtered, policy))
                put(kind, f"rules+{name}@suggest [{policy}]",
                    evaluate(papers, kind, outer, inner, lopo.recall, policy, {"candidates": suggest[kind]}))
                put(kind, f"rules>{name}+{name}@suggest [{policy}]",
                    lopo.evaluate_both(papers, kind, outer, inner, suggest[kind], policy))
            if name in a.stack:
                s_out, s_in = stack_scores(papers, kind, outer, inner)
                for policy in ("f1", "p80"):
                    put(kind, f"cues+{name} [{policy}]", evaluate(papers, kind, s_out, s_in, stacked, policy))
        save(a.out, meta, seconds, rows)
    save(a.out, meta, seconds, rows)


def save(out: Path, meta: dict, seconds: dict, rows: dict) -> None:
    """Write the tables, merged into those of earlier runs into the same folder (other models)."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "learned.json"
    report = json.loads(path.read_text()) if path.exists() else {"rows": {t: {} for t in TYPES},
                                                                   "seconds_per_sentence": {}}
    if report.get("meta") != meta:
        report = {"rows": {t: {} for t in TYPES}, "seconds_per_sentence": {}}
    report["meta"] = meta
    report["seconds_per_sentence"].update(seconds)
    for kind in TYPES:
        report["rows"][kind].update(rows[kind])
    path.write_text(json.dumps(report, indent=1))
    text = tables(report)
    (out / "learned.md").write_text(text)
    print(text)


def tables(report: dict) -> str:
    out = []
    for kind, rows in report["rows"].items():
        out.append(f"\n### {kind}\n\n| approach | P | R | F1 | pred |\n|---|---|---|---|---|")
        for name, r in rows.items():
            out.append(f"| {name} | {r.get('P', '')} | {r.get('R', '')} | {r.get('F1', '')} | {r.get('pred', '')} |")
    out.append("\n### seconds per sentence (scoring; 'rules' is the whole extraction, 'sentences' making them)\n")
    out += [f"- {k}: {v * 1000:.3f} ms" for k, v in report["seconds_per_sentence"].items()]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
