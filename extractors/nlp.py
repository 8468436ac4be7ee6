"""The one spaCy pipeline every extractor shares.

A blank English pipeline with a sentencizer needs no model download and splits clauses at
';' too, since board papers string separate promises and risks together with semicolons.
A statistical model does not earn its place (bench/model_comparison.py): en_core_web_sm's
parser sentences score the same and extract 60% slower, and its ORG entities halve the
precision of organisations.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """Built on first use: spaCy is imported only where sentences are read (the workers),
    not where a paper is only prepared, loaded or linked (1.5 CPU-s of imports)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";"]})
    nlp.max_length = 5_000_000
    return nlp
