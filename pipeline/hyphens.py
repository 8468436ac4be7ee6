"""Words broken over two lines at a hyphen, made whole, in paragraphs and table cells alike.

A line that ends "commission-" and a next line that starts "ing" print one word; a line that
ends "decision-" before "making" prints a word with a real hyphen in it; "19-" before "to 25"
is a hyphen left hanging on purpose. Which one a break is, the paper itself says: the same
paper prints its words whole elsewhere, so a break joins without its hyphen only when the
paper has the joined word and not the hyphened one. Otherwise the hyphen printed on the page
stays and only the line break goes, except before a word that stands alone ("to", "and").
"""
from __future__ import annotations

import re
from collections.abc import Iterable

SOFT = "\u00ad"   # a hyphen the typesetter put in only to break the line
BROKEN = re.compile(r"(?<![\w-])([A-Za-z]{2,})[-\u2010\u00ad]$")
GOES_ON = re.compile(r"^([a-z]+)(?=$|[\s,.;:)'’\"”])")
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
# Words that follow a hanging hyphen ("pre- and post-", "19- to 25-year-olds", "one- or two-")
STANDALONE = set("a an and or nor to of the in on at by for with than as but".split())


def vocabulary(texts: Iterable[str]) -> set[str]:
    """The words, hyphened ones whole, a paper prints (lower case)."""
    return {word.lower() for text in texts for word in WORD.findall(text)}


def mend(lines: list, known: set[str]) -> None:
    """Make whole each word a line of `lines` (Line objects, one paragraph's or one cell's, in
    reading order) breaks at its end with a hyphen: the next line's part moves up onto it."""
    for prev, line in zip(lines, lines[1:]):
        broken, goes_on = BROKEN.search(prev.text), GOES_ON.match(line.text)
        if not broken or not goes_on or goes_on.group(1) in STANDALONE:
            continue
        head, tail = broken.group(1), goes_on.group(1)
        hyphen = broken.group(0)[-1]
        whole = hyphen == SOFT or ((head + tail).lower() in known and f"{head}-{tail}".lower() not in known)
        prev.text = prev.text[:broken.end(1)] + ("" if whole else hyphen) + tail
        line.text = line.text[goes_on.end():].lstrip()
