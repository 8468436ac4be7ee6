"""Leave-one-paper-out measurement of learned sentence scorers, at the scorer's level.

A scorer learns on all papers but one and scores that one's sentences (and the quotes of the
rules' records); nothing is ever scored by a model that saw its paper. Its threshold is chosen
the same way one level down: on the 11 training papers, each scored by a model trained on the
other 10 (or on the other folds of a few), so the held-out paper never picks its own threshold.

Predictions become quotes and are matched to the gold quotes with the scorer's own `overlap`
and its one-to-one greedy matching, so P/R/F1 here are those of score.py.
"""
from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TYPES = ["commitment", "risk", "decision", "milestone"]


@dataclass
class Paper:
    """One paper's sentences, its rules' records and its gold quotes, with every quote's
    overlap with every gold quote worked out once."""

    doc: str
    sentences: list[dict]
    rules: dict[str, list[dict]]
    gold: dict[str, list[str]]
    overlaps: dict[str, np.ndarray] = field(default_factory=dict)      # type -> [gold, sentence]
    rule_overlaps: dict[str, np.ndarray] = field(default_factory=dict)  # type -> [gold, rule record]

    @property
    def texts(self) -> list[str]:
        return [s["text"] for s in self.sentences]

    def labels(self, kind: str) -> np.ndarray:
        return np.array([s["labels"][kind] for s in self.sentences])

    def rule_sentences(self, kind: str) -> set[int]:
        return {r["sentence"] for r in self.rules[kind] if r["sentence"] is not None}


def load(path: Path, overlap) -> tuple[dict, list[Paper]]:
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    meta, papers = lines[0]["meta"], []
    for line in lines[1:]:
        p = Paper(line["doc"], line["sentences"], line["rules"], line["gold"])
        for t in TYPES:
            p.overlaps[t] = _matrix(p.gold[t], p.texts, overlap)
            p.rule_overlaps[t] = _matrix(p.gold[t], [r["quote"] for r in p.rules[t]], overlap)
        papers.append(p)
    return meta, papers


def _matrix(golds: list[str], quotes: list[str], overlap) -> np.ndarray:
    return np.array([[overlap(g, q) for q in quotes] for g in golds]).reshape(len(golds), len(quotes))


def matched(overlaps: np.ndarray) -> int:
    """How many gold records the predictions (columns) match one-to-one: score.py's greedy match."""
    if overlaps.size == 0:
        return 0
    gi, pi = np.nonzero(overlaps > 0)
    order = sorted(zip(overlaps[gi, pi], gi, pi), reverse=True)
    used_g, used_p, n = set(), set(), 0
    for _, g, p in order:
        if g not in used_g and p not in used_p:
            used_g.add(g), used_p.add(p)
            n += 1
    return n


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    __add__ = add

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(paper: Paper, kind: str, sentences: np.ndarray, rules: np.ndarray) -> Counts:
    """The scorer's counts when the paper's predictions are the sentences and the rule records
    picked by the two boolean masks."""
    cols = np.concatenate([paper.overlaps[kind][:, sentences], paper.rule_overlaps[kind][:, rules]], axis=1)
    return Counts(matched(cols), len(paper.gold[kind]), int(sentences.sum() + rules.sum()))


# --- approaches: how a paper's predictions are made from scores and a threshold ---------------

def alone(paper: Paper, kind: str, sent: np.ndarray, rule: np.ndarray, t: float) -> Counts:
    """The learned scorer alone: every sentence scoring at least t."""
    return counts(paper, kind, sent >= t, np.zeros(len(rule), bool))


def rules_only(paper: Paper, kind: str, sent: np.ndarray, rule: np.ndarray, t: float) -> Counts:
    return counts(paper, kind, np.zeros(len(paper.sentences), bool), np.ones(len(paper.rules[kind]), bool))


def filtered(paper: Paper, kind: str, sent: np.ndarray, rule: np.ndarray, t: float) -> Counts:
    """The rules' records that the learned scorer also scores at least t (precision)."""
    return counts(paper, kind, np.zeros(len(sent), bool), rule >= t)


def recall(paper: Paper, kind: str, sent: np.ndarray, rule: np.ndarray, t: float,
           candidates: np.ndarray | None = None) -> Counts:
    """The rules' records, plus suggested candidate sentences the rules did not take that the
    learned scorer scores at least t (recall)."""
    extra = (sent >= t) & (candidates if candidates is not None else True)
    taken = np.zeros(len(sent), bool)
    taken[list(paper.rule_sentences(kind))] = True
    return counts(paper, kind, extra & ~taken, np.ones(len(rule), bool))


def best_threshold(papers: list[Paper], kind: str, scores: list[tuple[np.ndarray, np.ndarray]],
                   approach, policy: str = "f1", **kw) -> float:
    """The threshold that serves the papers best: highest F1, or ('p80') highest recall with
    precision at least 0.8 (highest F1 when no threshold reaches it)."""
    values = np.unique(np.concatenate([np.concatenate([s, r]) for s, r in scores]))
    grid = np.unique(np.quantile(values, np.linspace(0, 1, 61))) if len(values) else np.array([0.5])
    grid = np.append(grid, np.inf)
    best, best_key = 0.5, None
    for t in grid:
        total = Counts()
        for paper, (s, r) in zip(papers, scores):
            total = total.add(approach(paper, kind, s, r, t, **_for(paper, kw)))
        p, r_, f = total.prf
        key = ((p >= 0.8, r_ if p >= 0.8 else f, f) if policy == "p80" else (f, p))
        if best_key is None or key > best_key:
            best, best_key = t, key
    return float(best)


def _for(paper: Paper, kw: dict) -> dict:
    """Per-paper keyword arguments: {"candidates": {doc: mask}} -> {"candidates": mask}."""
    return {k: v[paper.doc] for k, v in kw.items()}


# --- leave-one-paper-out scores of a learned scorer ------------------------------------------

SCORING: dict[str, float] = {}    # seconds spent scoring held-out sentences, by model


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
        t = best_threshold(train, kind, [inner[held.doc][p.doc][kind] for p in train], approach, policy,
                                **per_paper_kw)
        s, r = outer[held.doc][kind]
        total = total.add(approach(held, kind, s, r, t, **_for(held, per_paper_kw)))
    return total


def evaluate_both(papers, kind, outer, inner, candidates, policy="f1") -> Counts:
    """Filter and recall together, each at the threshold the 11 training papers chose for it."""
    total = Counts()
    for held in papers:
        train = [p for p in papers if p is not held]
        scores = [inner[held.doc][p.doc][kind] for p in train]
        t_filter = best_threshold(train, kind, scores, filtered, policy)
        t_recall = best_threshold(train, kind, scores, recall, policy, candidates=candidates)
        s, r = outer[held.doc][kind]
        extra = (s >= t_recall) & candidates[held.doc]
        taken = np.zeros(len(s), bool)
        taken[list(held.rule_sentences(kind))] = True
        total = total.add(counts(held, kind, extra & ~taken, r >= t_filter))
    return total
