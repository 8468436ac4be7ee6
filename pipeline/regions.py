"""Page regions by a recursive XY-cut over the words, so that columns, sidebars and boxes
set side by side are each read on their own, top to bottom.

A node (the page, then each column found in it) is cut across wherever a blank strip runs
under all its words, into bands (rows, or rows set side by side at different heights).
Consecutive bands whose words leave the same blank channel down the node open are read as
one group, and a group is cut down its channels into columns, left to right; each column is
a node again. A channel is cut only where both sides read as columns of text
(`_is_column_split`): the wide spaces of loose justified lines falling in line, labels
beside their values, a cover sheet or a table without rules are read across, row by row.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from statistics import median

CHANNEL_GAP = 1.0   # a blank channel this many ems wide may open a gutter
CHANNEL_HELD = 0.8  # and, once open, may narrow to this as rows with longer lines join
SPACE_RATIO = 1.5   # a gutter is this many times a row's median word space, on most rows
MIN_ROWS = 2        # rows each side of a gutter
MIN_WIDTH = 4.0     # ems of text each side of a gutter (a bullet or number column is no column)
WORD = re.compile(r"[^\W\d_]{2,}")

Span = tuple[float, float]   # a range along one axis: (left, right) or (top, bottom)


@dataclass
class Box:
    """Where a word, a table or a drawn box sits on the page."""

    x0: float
    x1: float
    top: float
    bottom: float
    item: object          # the word dict, or whatever the caller placed (a table slot, a box)
    size: float = 0.0     # font size; 0 for a table or a box
    text: str = ""


def word_box(word: dict) -> Box:
    return Box(word["x0"], word["x1"], word["top"], word["bottom"], word, word.get("size", 0.0), word["text"])


def regions(boxes: list[Box]) -> list[list[Box]]:
    """The boxes grouped into regions in reading order (each region's boxes unordered)."""
    return [region for region in _split(boxes) if region]


def _em(boxes: list[Box]) -> float:
    sizes = [box.size for box in boxes if box.size]
    return median(sizes) if sizes else 10.0


def _split(boxes: list[Box]) -> list[list[Box]]:
    if len(boxes) < 2 * MIN_ROWS:
        return [boxes]
    em = _em(boxes)
    out: list[list[Box]] = [[]]
    for group, channels in _groups(_bands(boxes), CHANNEL_GAP * em, CHANNEL_HELD * em, em):
        columns = _columns(group, channels, em) if channels else None
        if columns is None:
            out[-1].extend(group)    # read across, in the region it follows
            continue
        for column in columns:
            out.extend(_split(column))
        out.append([])
    return out


def _bands(boxes: list[Box]) -> list[list[Box]]:
    """The boxes cut across wherever a blank strip runs under them all."""
    bands: list[list[Box]] = []
    bottom = -math.inf
    for box in sorted(boxes, key=lambda b: b.top):
        if bands and box.top <= bottom:
            bands[-1].append(box)
            bottom = max(bottom, box.bottom)
        else:
            bands.append([box])
            bottom = box.bottom
    return bands


def _spans(boxes: list[Box]) -> list[Span]:
    """The x ranges the boxes cover, overlapping ranges merged, left to right."""
    spans: list[list[float]] = []
    for box in sorted(boxes, key=lambda b: b.x0):
        if spans and box.x0 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], box.x1)
        else:
            spans.append([box.x0, box.x1])
    return [(x0, x1) for x0, x1 in spans]


def _channels(boxes: list[Box], gap: float) -> list[Span]:
    """Blank x ranges at least `gap` wide with words on both sides."""
    spans = _spans(boxes)
    return [(a[1], b[0]) for a, b in zip(spans, spans[1:]) if b[0] - a[1] >= gap]


def _narrowed(channel: Span, spans: list[Span], gap: float) -> Span | None:
    """What stays blank of `channel` beside a band covering `spans`, or None if too little."""
    lo, hi = channel
    edges = [-math.inf] + [x for span in spans for x in span] + [math.inf]
    best = None
    for left, right in zip(edges[::2], edges[1::2]):   # the band's blank ranges
        a, b = max(lo, left), min(hi, right)
        if b - a >= gap and (best is None or b - a > best[1] - best[0]):
            best = (a, b)
    return best


def _groups(bands: list[list[Box]], gap: float, held: float, em: float) -> list[tuple[list[Box], list[Span]]]:
    """Consecutive bands read together: a band joins the group above while it leaves every
    channel of the group open, at least `held` wide. A group starts with the channels of its
    first band at least `gap` wide. A band that closes a channel the group's rows already
    show to be a gutter (a row across the columns, or a caption between two rows of boxes)
    ends the group; a channel not yet shown to be one (the wide spaces of a loose line,
    after a paragraph number) is dropped instead, and the group goes on with the rest."""
    groups: list[tuple[list[Box], list[Span]]] = []
    for band in bands:
        if groups and groups[-1][1]:
            boxes, channels = groups[-1]
            spans = _spans(band)
            narrowed = [_narrowed(channel, spans, held) for channel in channels]
            closed = [channel for channel, found in zip(channels, narrowed) if not found]
            if not closed or (any(narrowed) and not any(_is_gutter(boxes, channel, em) for channel in closed)):
                groups[-1] = (boxes + band, [found for found in narrowed if found])
                continue
        groups.append((band, _channels(band, gap)))
    return groups


def _is_gutter(boxes: list[Box], channel: Span, em: float) -> bool:
    """Whether the boxes either side of a blank channel read as two columns of text."""
    left = [box for box in boxes if box.x1 <= channel[0]]
    right = [box for box in boxes if box.x0 >= channel[1]]
    return bool(left and right) and _is_column_split(left, right, channel, em)


def _overlap(a: Span, b: Span) -> bool:
    """Whether two vertical extents (top, bottom) overlap by over half the shorter one."""
    return min(a[1], b[1]) - max(a[0], b[0]) > 0.5 * min(a[1] - a[0], b[1] - b[0])


def rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes on the same line, top to bottom: a box joins the row above when they overlap
    by over half the shorter height, so superscripts and raised tick glyphs stay on their line."""
    found: list[list[Box]] = []
    extent = (-math.inf, -math.inf)
    for box in sorted(boxes, key=lambda b: b.top):
        if found and _overlap(extent, (box.top, box.bottom)):
            found[-1].append(box)
            extent = (min(extent[0], box.top), max(extent[1], box.bottom))
        else:
            found.append([box])
            extent = (box.top, box.bottom)
    return found


def _extent(row: list[Box]) -> Span:
    return min(b.top for b in row), max(b.bottom for b in row)


def _text(row: list[Box]) -> str:
    return " ".join(box.text for box in sorted(row, key=lambda b: b.x0))


def _wraps(texts: list[str]) -> bool:
    """Whether rows wrap as lines of text do: a third of them going on in lower case from
    the row above."""
    return sum(text[:1].islower() for text in texts[1:]) >= len(texts[1:]) / 3


def _wordy(texts: list[str]) -> bool:
    """Whether rows hold words, two or more on a typical row: not amounts, dates, initials."""
    return median(len(WORD.findall(text)) for text in texts) >= 2


def _labels(texts: list[str]) -> bool:
    """Whether rows are a form's labels: half of them end in a colon."""
    return sum(text.endswith(":") for text in texts) >= 0.5 * len(texts)


def _runs_to_gutter(left: list[list[Box]], right: list[list[Box]], gutter: Span) -> bool:
    """Whether the left side's rows run up close to the gutter at heights of their own, as a
    contents list beside a column does; names or labels beside their values stop short of
    it or sit level with the values, row for row."""
    start = min(b.x0 for row in left for b in row)
    reach = median(max(b.x1 for b in row) for row in left)
    level = sum(any(_overlap(_extent(row), _extent(other)) for other in right) for row in left)
    return reach - start >= 0.8 * (gutter[1] - start) and level < 0.5 * len(left)


def _stands_out(left: list[Box], right: list[Box]) -> bool:
    """Whether the gutter is wider than the spaces between words of the rows it parts
    (SPACE_RATIO times the row's median space), on at least half the rows that have words
    on both sides and spaces to compare. Every space of a loose justified line is wide, and
    such spaces falling in line down a few rows are no gutter."""
    on_left = {id(box) for box in left}
    parted = wider = 0
    for row in rows(left + right):
        row.sort(key=lambda b: b.x0)
        sides = [[b for b in row if id(b) in on_left], [b for b in row if id(b) not in on_left]]
        spaces = [b.x0 - a.x1 for side in sides for a, b in zip(side, side[1:])]
        if sides[0] and sides[1] and spaces:
            parted += 1
            wider += sides[1][0].x0 - sides[0][-1].x1 >= SPACE_RATIO * median(spaces)
    return wider >= parted / 2


def _is_column_split(left: list[Box], right: list[Box], gutter: Span, em: float) -> bool:
    """Whether a gutter parts two columns of text rather than the labels and values of a
    form or table, which are read across. A ruled table or a drawn box (ink.py) is a column
    of its own beside text of some rows, with whatever else sits on its side. Otherwise each side needs rows enough and a few words' width, and the
    gutter must stand out from the spaces between words. The right side's
    rows must wrap, or hold words (a column of amounts, dates or initials does neither). The
    left side must not be a form's labels, and its rows must wrap, or run up to the gutter
    as a contents list does."""
    sides = rows(left), rows(right)
    if any(any(not box.size for box in boxes) for boxes in (left, right)):   # a ruled table or a box
        return max(len(side) for side in sides) >= MIN_ROWS
    if min(len(side) for side in sides) < MIN_ROWS:
        return False
    if min(max(b.x1 for b in boxes) - min(b.x0 for b in boxes) for boxes in (left, right)) < MIN_WIDTH * em:
        return False
    texts, values = ([_text(row) for row in side] for side in sides)
    if _labels(texts) or not (_wraps(values) or _wordy(values)) or not _stands_out(left, right):
        return False
    return _wraps(texts) or _runs_to_gutter(*sides, gutter)


def _columns(group: list[Box], channels: list[Span], em: float) -> list[list[Box]] | None:
    """The group cut down those of its channels that part columns of text; None if none do."""
    channels = sorted(channels)
    while channels:
        pieces: list[list[Box]] = [[] for _ in range(len(channels) + 1)]
        for box in group:
            pieces[sum(box.x0 >= hi for _, hi in channels)].append(box)
        failing = [i for i, channel in enumerate(channels)
                   if not _is_column_split(pieces[i], pieces[i + 1], channel, em)]
        if not failing:
            return pieces
        del channels[failing[0]]
    return None
