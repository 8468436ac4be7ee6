"""The one spaCy pipeline every extractor shares.

A blank English pipeline with a sentencizer needs no model download and splits clauses at
';' too, since board papers string separate promises and risks together with semicolons.
Whether a statistical model earns its place is measured in the extraction issue, not assumed.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";"]})
    nlp.max_length = 5_000_000
    return nlp
