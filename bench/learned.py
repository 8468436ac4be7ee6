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
- cues+M          one logistic regression over the rules' cues (which rule fired, modal, tense,
                  list shape, lead-in) and M's score, deciding every sentence
- cues            the same over the cues alone
`p80` rows choose the threshold for the most recall at precision >= 0.8 on the training papers.

Make the examples first: python training/examples.py --cache /work/main/.cache/parsed
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import load_scorer, parsed  # noqa: E402
from extractors.context import build_context  # noqa: E402
from extractors.cues import MODAL, PROGRESSIVE, opens_with_imperative  # noqa: E402
from training import lopo  # noqa: E402
from training.features import cue_features  # noqa: E402
from training.lopo import TYPES, Counts, Paper  # noqa: E402
from training.models import Embedding, Parse, Textcat, Tfidf, _lr, _proba  # noqa: E402

SHARED = ROOT.parent / "shared"
MODELS = {"tfidf": Tfidf, "tfidf+lead": lambda: Tfidf(context=True), "minilm": Embedding,
          "minilm+lead": lambda: Embedding(context=True), "parser": Parse, "textcat-bow": Textcat,
          "textcat-ens": lambda: Textcat("ensemble", epochs=8)}
SCORING: dict[str, float] = {}    # seconds spent scoring held-out sentences, by model
INNER_FOLDS = {"textcat-bow": 3, "textcat-ens": 3}    # spaCy training is slow: fewer inner folds

# Broad recall-first suggestions, one per type: a sentence worth a learned second look.
SUGGEST = {
    "commitment": lambda s: bool(MODAL.search(s["text"]) or PROGRESSIVE.search(s["text"])
                                 or opens_with_imperative(s["text"])),
    "risk": lambda s: bool(re.search(r"\b(?:risk|challeng|concern|pressure|threat|barrier|impact|shortage|difficult|"
                                     r"uncertain|deficit|overspend|lack|fail|delay|unable|insufficient|could|may|might|"
                                     r"would)", s["text"], re.I) or (s["lead_in"] and s["first_in_block"])),
    "decision": lambda s: bool(re.search(r"\b(?:agree|approv|endors|resolv|decid|decision|recommend|note|asked|"
                                         r"invited|consider|delegat|support|ratif|refer)", s["text"], re.I)
                               or s["lead_in"]),
    "milestone": lambda s: bool(s["dated"]),
}


def rule_items(paper: Paper, kind: str) -> list[dict]:
    """The rules' records as items to score: their quote in their sentence's place."""
    out = []
    for r in paper.rules[kind]:
        base = paper.sentences[r["sentence"]] if r["sentence"] is not None else {"lead_in": "", "kind": "body"}
        out.append({**base, "text": r["quote"]})
    return out


def labels(papers: list[Paper]) -> dict[str, np.ndarray]:
    return {t: np.concatenate([p.labels(t) for p in papers]) for t in TYPES}


def fold_scores(model, train: list[Paper], test: list[Paper]) -> dict[str, dict[str, tuple]]:
    """{doc: {type: (sentence scores, rule record scores)}} for the test papers, by a model
    fitted on the train papers."""
    fitted = model.fit([s for p in train for s in p.sentences], labels(train))
    out = {}
    for p in test:
        started = time.perf_counter()
        sent = fitted(p.sentences)
        SCORING[model.name] = SCORING.get(model.name, 0.0) + time.perf_counter() - started
        out[p.doc] = {t: (sent[t], fitted(rule_items(p, t))[t] if p.rules[t] else np.zeros(0)) for t in TYPES}
    return out


def cross_scores(model, papers: list[Paper], folds: int | None) -> dict[str, dict[str, tuple]]:
    """Every paper scored by a model that did not see it: leave-one-out, or `folds` groups."""
    groups = [[p] for p in papers] if not folds else [papers[i::folds] for i in range(folds)]
    out = {}
    for group in groups:
        out.update(fold_scores(model, [p for p in papers if p not in group], group))
    return out


def learned_scores(model, papers: list[Paper], inner_folds: int | None):
    """Outer LOPO scores for every paper and, for each held-out paper, inner cross scores of
    the 11 others (for thresholds and stacking), plus the seconds per sentence of scoring."""
    model.prepare([s for p in papers for s in p.sentences] + [i for p in papers for t in TYPES for i in rule_items(p, t)])
    outer, inner, started, scoring = {}, {}, time.perf_counter(), 0.0
    for held in papers:
        train = [p for p in papers if p is not held]
        SCORING[model.name] = 0.0
        outer.update(fold_scores(model, train, [held]))
        scoring += SCORING[model.name]
        inner[held.doc] = cross_scores(model, train, inner_folds)
    scoring /= sum(len(p.sentences) for p in papers)
    print(f"  {model.name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return outer, inner, scoring + getattr(model, "seconds_per_text", 0.0)


def evaluate(papers, kind, outer, inner, approach, policy="f1", per_paper_kw=None):
    """Counts over all papers, each held-out paper judged at the threshold its 11 others chose."""
    total = Counts()
    per_paper_kw = per_paper_kw or {}
    for held in papers:
        train = [p for p in papers if p is not held]
        t = lopo.best_threshold(train, kind, [inner[held.doc][p.doc][kind] for p in train], approach, policy,
                                **per_paper_kw)
        s, r = outer[held.doc][kind]
        total = total.add(approach(held, kind, s, r, t, **lopo._for(held, per_paper_kw)))
    return total


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
            if name in a.stack:
                s_out, s_in = stack_scores(papers, kind, outer, inner)
                for policy in ("f1", "p80"):
                    put(kind, f"cues+{name} [{policy}]", evaluate(papers, kind, s_out, s_in, stacked, policy))
    a.out.mkdir(parents=True, exist_ok=True)
    report = {"meta": meta, "seconds_per_sentence": seconds, "rows": rows}
    (a.out / "learned.json").write_text(json.dumps(report, indent=1))
    text = tables(report)
    (a.out / "learned.md").write_text(text)
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
