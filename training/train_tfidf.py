"""Train the shipped learned scorer (TF-IDF words and word pairs, a logistic regression per type)
on every shared gold paper, and write it with its leave-one-paper-out scores.

    python training/examples.py --cache /work/main/.cache/parsed    # the sentence examples first
    python training/train_tfidf.py [--examples .cache/learned/examples.jsonl]

Writes extractors/learned_model/tfidf.json (the vocabulary's IDF and each type's weights, read
by extractors/learned.py with the standard library alone) and meta.json: the gold's hash, the
config, the git commit, and the LOPO scores of the model alone, as a filter of the rules'
records, as recall over suggested candidates and as both, beside the rules'. The shipped thresholds
are chosen on the LOPO scores (every paper scored by a model that did not learn from it).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extraction import load_scorer  # noqa: E402
from extractors import learned  # noqa: E402
from training import lopo  # noqa: E402
from training.features import SUGGEST  # noqa: E402
from training.lopo import TYPES, Counts  # noqa: E402
from training.models import Tfidf  # noqa: E402

SHARED = ROOT.parent / "shared"
OUT = ROOT / "extractors" / "learned_model"
USES = {"filter": lopo.filtered, "recall": lopo.recall}
MIN_WEIGHT = 1e-3       # weights smaller than this move no score by a visible amount


def lopo_report(papers, outer, inner, suggest) -> dict:
    """P/R/F1 of the rules, and of the model alone, as a filter, as recall and as both, per type."""
    report = {}
    for kind in TYPES:
        rules = sum((lopo.rules_only(p, kind, None, None, 0) for p in papers), Counts())
        rows = {"rules": _row(rules)}
        for name, approach, kw in (("alone", lopo.alone, {}), ("filter", lopo.filtered, {}),
                                   ("recall", lopo.recall, {"candidates": suggest[kind]})):
            for policy in ("f1", "p80"):
                rows[f"{name} [{policy}]"] = _row(lopo.evaluate(papers, kind, outer, inner, approach, policy, kw))
        for policy in ("f1", "p80"):
            rows[f"filter+recall [{policy}]"] = _row(lopo.evaluate_both(papers, kind, outer, inner, suggest[kind], policy))
        report[kind] = rows
    return report


def _row(c: Counts) -> dict:
    p, r, f = c.prf
    return {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "pred": c.pred}


def export(items, labels) -> dict:
    """The model fitted on every paper, as plain numbers keyed by term."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(**Tfidf.VECTORIZER)
    x = vec.fit_transform([i["text"] for i in items])
    terms = vec.get_feature_names_out()
    types, keep = {}, set()
    for kind in TYPES:
        lr = LogisticRegression(**Tfidf.CLASSIFIER).fit(x, labels[kind])
        w = lr.coef_[0]
        weights = {terms[j]: round(float(w[j]), 5) for j in np.nonzero(np.abs(w) >= MIN_WEIGHT)[0]}
        keep |= set(weights)
        types[kind] = {"bias": float(lr.intercept_[0]), "weights": weights}
    idf = {terms[j]: round(float(v), 5) for j, v in enumerate(vec.idf_)}
    return {"idf": idf, "types": types}, (vec, x)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=ROOT / ".cache" / "learned" / "examples.jsonl")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score.py")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    meta, papers = lopo.load(a.examples, load_scorer(a.scorer).overlap)
    suggest = {t: {p.doc: np.array([SUGGEST[t](s) for s in p.sentences], bool) for p in papers} for t in TYPES}
    model = Tfidf()
    outer, inner, seconds = lopo.learned_scores(model, papers, None)
    report = lopo_report(papers, outer, inner, suggest)
    items = [s for p in papers for s in p.sentences]
    artefact, (vec, x) = export(items, lopo.labels(papers))
    for kind in TYPES:
        scores = [outer[p.doc][kind] for p in papers]
        artefact["types"][kind]["thresholds"] = {
            use: lopo.best_threshold(papers, kind, scores, approach, "f1",
                                     **({"candidates": suggest[kind]} if use == "recall" else {}))
            for use, approach in USES.items()}
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "tfidf.json").write_text(json.dumps(artefact, ensure_ascii=False, separators=(",", ":")))
    _check(a.out / "tfidf.json", items, vec, x)
    sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    (a.out / "meta.json").write_text(json.dumps({
        "model": "tfidf-logistic-regression", "gold_sha": meta["gold_sha"], "git_sha": sha,
        "papers": [p.doc for p in papers], "sentences": len(items),
        "config": {"vectorizer": Tfidf.VECTORIZER, "classifier": Tfidf.CLASSIFIER, "min_weight": MIN_WEIGHT,
                   "labels": "a sentence of extractors.context.build_context is positive for a type when a gold "
                             "quote of that type matches it under score.py's overlap"},
        "seconds_per_sentence": seconds, "lopo": report}, indent=1))
    for kind, rows in report.items():
        print(kind, " ".join(f"{k}={v['P']}/{v['R']}/{v['F1']}" for k, v in rows.items()))
    print(f"wrote {a.out / 'tfidf.json'} ({(a.out / 'tfidf.json').stat().st_size // 1024} KB) and meta.json")


def _check(path: Path, items, vec, x) -> None:
    """The shipped scorer gives the fitted model's probabilities (up to the dropped weights)."""
    learned._load.cache_clear()
    shipped = learned._model(path)
    for kind in TYPES:
        mine = np.array(learned.score_with(shipped, kind, [i["text"] for i in items]))
        head = shipped["types"][kind]
        w = np.array([head["weights"].get(t, 0.0) for t in vec.get_feature_names_out()])
        ref = 1 / (1 + np.exp(-(x @ w + head["bias"])))
        assert np.abs(mine - ref).max() < 1e-4, (kind, np.abs(mine - ref).max())


if __name__ == "__main__":
    main()
