"""Marking the words a search matched in a quote, with everything else HTML-escaped."""
import re

from markupsafe import Markup, escape

WORD = re.compile(r"[^\W\d_]+")
"""What the full-text index counts as a word: a run of letters."""


def words(texts: list[str]) -> list[str]:
    """Every distinct word of the texts, to be stemmed in one go."""
    return sorted({w for text in texts for w in WORD.findall(text)})


def highlight(text: str, stems: dict[str, str], matched: set[str]) -> Markup:
    """`text` escaped, with each word whose stem (from `stems`) is in `matched` in <mark>."""
    if not matched:
        return escape(text)
    parts, at = [], 0
    for found in WORD.finditer(text):
        if stems.get(found.group()) in matched:
            parts.append(escape(text[at:found.start()]))
            parts.append(Markup("<mark>%s</mark>") % found.group())
            at = found.end()
    parts.append(escape(text[at:]))
    return Markup("").join(parts)
