"""Leave-one-paper-out measurement of a learned look at the rules' candidates, at the scorer's level.

A scorer learns on all papers but one and scores that one's candidates; nothing is ever scored
by a model that saw its paper. Its threshold is chosen the same way one level down: on the 11
training papers, each scored by a model trained on the other 10 (or on the other folds of a
few), so the held-out paper never picks its own threshold.

The unit is the candidate the rules' `suggest` stage proposes (training/candidates.py), with
the record `fill` writes for it; the rules' records are the kept candidates. Predictions are
matched to the gold quotes with score.py's own `overlap` and its one-to-one greedy matching
(milestones also by their dates, to the month, as score.py's milestone+dates), so P/R/F1 here
are those of score.py.
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

from training.candidates import TYPES  # noqa: E402


@dataclass
class Paper:
    """One paper's candidates and gold, with every candidate's overlap with every gold record
    of its type worked out once."""

    doc: str
    sentences: int
    candidates: dict[str, list[dict]]
    gold: dict[str, list[dict]]
    overlaps: dict[str, np.ndarray] = field(default_factory=dict)      # type -> [gold, candidate]

    def kept(self, kind: str) -> np.ndarray:
        return np.array([c["kept"] for c in self.candidates[kind]], bool)

    def labels(self, kind: str) -> np.ndarray:
        """1 for a candidate whose record matches some gold record of its type."""
        return (self.overlaps[kind] > 0).any(axis=0).astype(int) if self.gold[kind] else \
            np.zeros(len(self.candidates[kind]), int)


def load(path: Path, overlap) -> tuple[dict, list[Paper]]:
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    meta, papers = lines[0]["meta"], []
    for line in lines[1:]:
        p = Paper(line["doc"], line["sentences"], line["candidates"], line["gold"])
        for t in TYPES:
            p.overlaps[t] = np.array([[_pair(t, g, c, overlap) for c in p.candidates[t]] for g in p.gold[t]]
                                     ).reshape(len(p.gold[t]), len(p.candidates[t]))
        papers.append(p)
    return meta, papers


def _pair(kind: str, gold: dict, cand: dict, overlap) -> float:
    if kind == "milestone" and any(str(gold[k] or "")[:7] != str(cand[k] or "")[:7] for k in ("date_start", "date_end")):
        return 0.0
    return overlap(gold["quote"], cand["quote"])


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

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.gold + other.gold, self.pred + other.pred)

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)
        r = self.tp / self.gold if self.gold else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def counts(paper: Paper, kind: str, emit: np.ndarray) -> Counts:
    """The scorer's counts when the paper's records are its candidates picked by `emit`."""
    return Counts(matched(paper.overlaps[kind][:, emit]), len(paper.gold[kind]), int(emit.sum()))


# --- approaches: which candidates a paper emits, from their scores and a threshold ------------

def rules_only(paper: Paper, kind: str, s: np.ndarray, t: float) -> Counts:
    return counts(paper, kind, paper.kept(kind))


def filtered(paper: Paper, kind: str, s: np.ndarray, t: float) -> Counts:
    """The rules' records that the learned scorer also scores at least t (precision)."""
    return counts(paper, kind, paper.kept(kind) & (s >= t))


def second_look(paper: Paper, kind: str, s: np.ndarray, t: float) -> Counts:
    """The rules' records, plus the candidates classify dropped that the scorer scores at least t (recall)."""
    return counts(paper, kind, paper.kept(kind) | (s >= t))


def decided(paper: Paper, kind: str, s: np.ndarray, t: float) -> Counts:
    """Every candidate scoring at least t, kept or dropped: a stacked score decides alone."""
    return counts(paper, kind, s >= t)


def best_threshold(papers: list[Paper], kind: str, scores: list[np.ndarray], approach, policy: str = "f1") -> float:
    """The threshold that serves the papers best: highest F1, or ('p80') highest recall with
    precision at least 0.8 (highest F1 when no threshold reaches it). Of equals, the one that
    changes the number of the rules' records least."""
    values = np.concatenate(scores) if scores else np.zeros(0)
    grid = np.unique(np.quantile(values, np.linspace(0, 1, 61))) if len(values) else np.array([0.5])
    grid = np.append(grid, np.inf)
    rules = sum(int(p.kept(kind).sum()) for p in papers)
    best, best_key = np.inf, None
    for t in grid[::-1]:
        total = sum((approach(p, kind, s, t) for p, s in zip(papers, scores)), Counts())
        p, r, f = total.prf
        key = ((p >= 0.8, r if p >= 0.8 else f, f) if policy == "p80" else (f, p)) + (-abs(total.pred - rules),)
        if best_key is None or key > best_key:
            best, best_key = t, key
    return float(best)


# --- leave-one-paper-out scores of a learned scorer ------------------------------------------

def fold_scores(model, kind: str, train: list[Paper], test: list[Paper], clock: list[float] | None = None
                ) -> dict[str, np.ndarray]:
    """{doc: candidate scores} for the test papers, by a model fitted on the train papers."""
    fitted = model.fit([c for p in train for c in p.candidates[kind]],
                       np.concatenate([p.labels(kind) for p in train]))
    out = {}
    for p in test:
        started = time.perf_counter()
        out[p.doc] = fitted(p.candidates[kind]) if p.candidates[kind] else np.zeros(0)
        if clock is not None:
            clock[0] += time.perf_counter() - started
    return out


def cross_scores(model, kind: str, papers: list[Paper], folds: int | None) -> dict[str, np.ndarray]:
    """Every paper scored by a model that did not see it: leave-one-out, or `folds` groups."""
    groups = [[p] for p in papers] if not folds else [papers[i::folds] for i in range(folds)]
    out = {}
    for group in groups:
        out.update(fold_scores(model, kind, [p for p in papers if p not in group], group))
    return out


def learned_scores(model, kind: str, papers: list[Paper], inner_folds: int | None):
    """Outer LOPO scores of every paper's candidates and, for each held-out paper, the inner
    cross scores of the 11 others (for its thresholds and stacking); and the seconds per
    sentence of the paper that scoring its candidates costs (features included)."""
    model.prepare([c for p in papers for c in p.candidates[kind]])
    outer, inner, clock = {}, {}, [0.0]
    for held in papers:
        train = [p for p in papers if p is not held]
        outer.update(fold_scores(model, kind, train, [held], clock))
        inner[held.doc] = cross_scores(model, kind, train, inner_folds)
    n_candidates = sum(len(p.candidates[kind]) for p in papers)
    n_sentences = sum(p.sentences for p in papers)
    return outer, inner, (clock[0] + n_candidates * getattr(model, "seconds_per_text", 0.0)) / n_sentences


def evaluate(papers: list[Paper], kind: str, outer, inner, approach, policy: str = "f1") -> dict[str, Counts]:
    """Each held-out paper's counts, judged at the threshold its 11 others chose."""
    out = {}
    for held in papers:
        train = [p for p in papers if p is not held]
        t = best_threshold(train, kind, [inner[held.doc][p.doc] for p in train], approach, policy)
        out[held.doc] = approach(held, kind, outer[held.doc], t)
    return out
