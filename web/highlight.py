"""Marking the words a search matched in a quote, with everything else HTML-escaped."""
import re

from markupsafe import Markup, escape

WORD = re.compile(r"[^\W\d_]+")
"""What the full-text index counts as a word: a run of letters."""


def words(texts: list[str]) -> list[str]:
    """Every distinct word of the texts, to be stemmed in one go."""
    return sorted({w for text in texts for w in WORD.findall(text)})


def excerpt(text: str, stems: dict[str, str], matched: set[str], width: int = 420) -> str:
    """At most about `width` characters of `text`, around its first matched word: a long
    section reads in a line or four, with its record page a click away."""
    if len(text) <= width:
        return text
    first = next((m.start() for m in WORD.finditer(text) if stems.get(m.group()) in matched), 0)
    start = max(0, first - width // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = text.rfind(" ", start, start + width)
    end = end if end > start else start + width
    return ("… " if start else "") + text[start:end].strip() + " …"


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
