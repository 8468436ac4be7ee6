"""An optional learned second opinion on candidate sentences: how likely each is a record of a type.

A small linear model over the sentence's words and word pairs (TF-IDF weighted, logistic
regression), trained on the shared gold by training/train_tfidf.py and shipped beside this
module as `learned_model/tfidf.json`, with its leave-one-paper-out scores in
`learned_model/meta.json`. It needs nothing but the standard library and numpy-free
arithmetic, loads with no network, and scores a sentence in well under a millisecond.

The pipeline runs the same without it: `available()` is False when the artefact is absent
(or unreadable), and `score` then returns None, so a caller keeps its rules' decision.

    from extractors import learned
    if learned.available("risk"):
        scores = learned.score("risk", [s.text for s in candidates])   # each in [0, 1]
        kept = [c for c, p in zip(candidates, scores) if p >= learned.threshold("risk", "filter")]
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

ARTEFACT = Path(__file__).with_name("learned_model") / "tfidf.json"
TOKEN = re.compile(r"(?u)\b\w\w+\b")      # scikit-learn's default token pattern, as trained


def _model(path: Path | None = None) -> dict | None:
    return _load(path or ARTEFACT)


@lru_cache(maxsize=2)
def _load(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def available(kind: str) -> bool:
    """Whether a model for records of `kind` ships with this install."""
    model = _model()
    return bool(model) and kind in model["types"]


def threshold(kind: str, use: str = "filter") -> float:
    """The score from which a sentence counts as a record of `kind`, chosen leave-one-paper-out
    for one use: "filter" (keep a rule's record) or "recall" (add a suggested candidate)."""
    return _model()["types"][kind]["thresholds"][use]


def score(kind: str, sentences: list[str]) -> list[float] | None:
    """The probability that each sentence is a record of `kind`; None when no model ships."""
    return score_with(_model(), kind, sentences) if available(kind) else None


def score_with(model: dict, kind: str, sentences: list[str]) -> list[float]:
    idf, head = model["idf"], model["types"][kind]
    weights, bias = head["weights"], head["bias"]
    return [_sigmoid(bias + sum(weights.get(term, 0.0) * value for term, value in _vector(text, idf).items()))
            for text in sentences]


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    """The sentence's TF-IDF vector as trained: words and word pairs of the lower-cased text,
    sublinear term frequency times inverse document frequency, unit length."""
    tokens = TOKEN.findall(text.lower())
    terms = Counter(tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])])
    vector = {t: (1.0 + math.log(n)) * idf[t] for t, n in terms.items() if t in idf}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {t: v / norm for t, v in vector.items()} if norm else {}


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
