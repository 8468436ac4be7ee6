"""What a page shows a reader: the characters that can be seen, and the boxes drawn round text.

A PDF can hold text no reader sees: white text on a white page, text a filled box is painted
over, the same characters printed twice over each other (a fake bold, an export's overprint).
Such text is dropped before words are read, so it can neither join a sentence nor a table
cell. Which text is hidden depends on drawing order, which pdfplumber's per-type object lists
do not keep: it is read from the page's layout tree, in the order the content stream paints.

The boxes are the filled or outlined rectangles (and filled closed shapes) big enough to hold
text: call-outs, sidebars, the panels of a slide. layout.py decides which of them hold text of
their own and reads those as regions.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pdfminer.layout import LTChar, LTCurve, LTImage, LTLine, LTRect
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import literal_name
from pdfplumber.page import PDFPageAggregatorWithMarkedContent

from pipeline.parse_objects import CharRenderer, CharObject, page_objects

# Characters whose colour is this close (0-1 RGB, largest channel difference) to what lies
# under them cannot be told from it.
INVISIBLE_CONTRAST = 0.08
OVERPRINT = 1.0      # points: a second copy of a character this close to the first is an overprint
MIN_BOX = (24.0, 12.0)   # width, height in points a drawn box needs to hold a word
BACKGROUND_SHARE = 0.9   # a box this share of the page's width and height is its background
PAINTED = {CharObject: "char", LTChar: "char", LTRect: "rect", LTLine: "line", LTCurve: "curve", LTImage: "image"}


class _AlphaInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, keeping the fill opacity ("ca" of an ExtGState) it ignores: a
    chart's background painted at opacity 0 over its labels hides nothing."""

    def do_gs(self, name) -> None:
        states = resolve1(self.resources.get("ExtGState")) or {}
        params = resolve1(states.get(literal_name(name))) if isinstance(states, dict) else None
        if isinstance(params, dict) and isinstance(resolve1(params.get("ca")), (int, float)):
            self.graphicstate.fill_alpha = float(resolve1(params["ca"]))

    def get_current_state(self):
        ctm, text, graphic = super().get_current_state()
        graphic.fill_alpha = getattr(self.graphicstate, "fill_alpha", 1.0)
        return ctm, text, graphic


class _AlphaAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, marking each painted path with its fill opacity, and
    making the characters of a page read without layout analysis as pdfplumber's objects
    (`CharRenderer.render_string`)."""

    def __init__(self, page) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
        self.chars = CharRenderer(page) if page.pdf.laparams is None else None

    def render_string_horizontal(self, *args):
        if self.chars is None:
            return super().render_string_horizontal(*args)
        return self.chars.render_string(self, *args)

    def paint_path(self, gstate, *args, **kwargs) -> None:
        before = len(self.cur_item._objs)
        super().paint_path(gstate, *args, **kwargs)
        for obj in self.cur_item._objs[before:]:
            obj.fill_alpha = getattr(gstate, "fill_alpha", 1.0)


def _lay_out(page) -> None:
    """Build the page's layout tree as pdfplumber would, with fill opacities, once."""
    if hasattr(page, "_layout"):
        return
    device = _AlphaAggregator(page)
    _AlphaInterpreter(page.pdf.rsrcmgr, device).process_page(page.page_obj)
    page._layout = device.get_result()


@dataclass(frozen=True)
class Shape:
    """A painted area, in pdfplumber's top-down coordinates, and the place it was painted."""

    order: int
    x0: float
    top: float
    x1: float
    bottom: float
    fill: tuple[float, float, float] | None   # RGB of a filled shape; None if unknown (an image)
    kind: str = "rect"                         # rect, curve (its box only roughly its area) or image


def rgb(colour) -> tuple[float, float, float] | None:
    """A pdfplumber colour (grey, RGB or CMYK components, or a bare grey) as RGB, or None for
    a pattern or a colour space it does not know."""
    if isinstance(colour, (int, float)):
        colour = (colour,)
    if not isinstance(colour, (tuple, list)) or not all(isinstance(c, (int, float)) for c in colour):
        return None
    if len(colour) == 1:
        return (float(colour[0]),) * 3
    if len(colour) == 3:
        return tuple(float(c) for c in colour)
    if len(colour) == 4:
        c, m, y, k = colour
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


def _shapes(page, order: list[tuple[str, int, float]]) -> list[Shape]:
    """The page's images and its filled shapes that can be seen (opacity over a half); a
    curve only if it is box-shaped, as a rounded box or a roundel is (a letter of a watermark
    or a chart's area is not)."""
    objects = page.objects
    shapes = []
    for position, (kind, index, alpha) in enumerate(order):
        if kind not in ("rect", "curve", "image") or alpha <= 0.5:
            continue
        obj = objects[kind][index]
        if kind == "image":
            shapes.append(Shape(position, obj["x0"], obj["top"], obj["x1"], obj["bottom"], None, kind))
        elif obj.get("fill") and (kind == "rect" or _boxy(obj)):
            shapes.append(Shape(position, obj["x0"], obj["top"], obj["x1"], obj["bottom"],
                                rgb(obj.get("non_stroking_color")), kind))
    return shapes


def _boxy(curve: dict) -> bool:
    """Whether every point of a curve lies near its box's edge (within a fifth of its side)."""
    near = 0.2 * min(curve["x1"] - curve["x0"], curve["bottom"] - curve["top"])
    return all(min(x - curve["x0"], curve["x1"] - x, y - curve["top"], curve["bottom"] - y) <= near
               for x, y in curve.get("pts", []))


def _hidden_chars(chars: list[dict], char_order: list[int], shapes: list[Shape]) -> set[int]:
    """Indexes of the characters no reader sees: painted over by a filled rectangle drawn
    later (and seen: see _shapes), or coloured as what lies under them (the last shape painted before them, else the
    white page; under an image the colour is unknown and the text is kept). Only a rectangle
    covers: a curve's box is not its area (an icon or bubble drawn beside a label), and an
    image may be a scan its own text layer is printed under."""
    if not chars:
        return set()
    cx = np.array([(c["x0"] + c["x1"]) / 2 for c in chars])
    cy = np.array([(c["top"] + c["bottom"]) / 2 for c in chars])
    when = np.array(char_order)
    covered = np.zeros(len(chars), dtype=bool)
    under = np.full(len(chars), -1)            # index into shapes of the last one painted below
    for i, shape in enumerate(shapes):
        inside = (cx >= shape.x0) & (cx <= shape.x1) & (cy >= shape.top) & (cy <= shape.bottom)
        if shape.kind == "rect" and shape.fill is not None:
            covered |= inside & (when < shape.order)
        under[inside & (when > shape.order)] = i
    hidden = set(np.flatnonzero(covered).tolist())
    seen_on: dict[tuple, bool] = {}            # (colour, shape under) -> whether they cannot be told apart
    for index, (char, below) in enumerate(zip(chars, under.tolist())):
        if index in hidden:
            continue
        colour = char.get("non_stroking_color")
        try:
            alike = seen_on.get((colour, below))
        except TypeError:                      # an unhashable colour: judged on its own
            alike = _alike(colour, shapes[below] if below >= 0 else None)
        if alike is None:
            alike = seen_on[colour, below] = _alike(colour, shapes[below] if below >= 0 else None)
        if alike:
            hidden.add(index)
    return hidden


def _alike(colour, below: Shape | None) -> bool:
    """Whether text of this colour cannot be told from what lies under it: `below`, or the
    white page; under an image the ground is unknown."""
    colour = rgb(colour)
    ground = (1.0, 1.0, 1.0) if below is None else below.fill
    return colour is not None and ground is not None and max(abs(a - b) for a, b in zip(colour, ground)) < INVISIBLE_CONTRAST


def _overprints(chars: list[dict], skip: set[int]) -> set[int]:
    """Indexes of characters printed again within OVERPRINT points of an earlier copy. Only
    characters with a copy of the same text in a neighbouring cell of the OVERPRINT grid can
    be one, or hide one: those are found for the whole page at once, and only they are
    compared one by one."""
    return _overprinted(chars, _crowded(chars, skip))


def _crowded(chars: list[dict], skip: set[int]) -> list[int]:
    """Indexes (in order, those in `skip` left out) of the characters that share their grid
    cell, or a neighbouring one, with another character of the same text."""
    kept = [i for i in range(len(chars)) if i not in skip]
    if len(kept) < 2:
        return []
    codes: dict[str, int] = {}
    text = np.array([codes.setdefault(chars[i]["text"], len(codes)) for i in kept], dtype=np.int64)
    x = np.floor_divide(np.array([chars[i]["x0"] for i in kept], dtype=float), OVERPRINT).astype(np.int64)
    y = np.floor_divide(np.array([chars[i]["top"] for i in kept], dtype=float), OVERPRINT).astype(np.int64)
    key = lambda dx, dy: (text << 42) ^ ((x + dx) << 21) ^ (y + dy)    # collisions only add suspects
    cells, counts = np.unique(key(0, 0), return_counts=True)
    suspect = np.isin(key(0, 0), cells[counts > 1])
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            if dx or dy:
                suspect |= np.isin(key(dx, dy), cells)
    return [kept[i] for i in np.flatnonzero(suspect).tolist()]


def _overprinted(chars: list[dict], candidates: list[int]) -> set[int]:
    """Of the characters at `candidates`, in order, those within OVERPRINT points of an
    earlier one of the same text that is not itself a repeat."""
    seen: dict[tuple, list[dict]] = {}
    repeats = set()
    for index in candidates:
        char = chars[index]
        cell = (char["text"], int(char["x0"] // OVERPRINT), int(char["top"] // OVERPRINT))
        near = [other for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                for other in seen.get((cell[0], cell[1] + dx, cell[2] + dy), ())]
        if any(abs(o["x0"] - char["x0"]) < OVERPRINT and abs(o["top"] - char["top"]) < OVERPRINT for o in near):
            repeats.add(index)
        else:
            seen.setdefault(cell, []).append(char)
    return repeats


def _boxes(page, shapes: list[Shape], order: list[tuple[str, int, float]]) -> list[tuple]:
    """(x0, top, x1, bottom) of every drawn rectangle or filled shape big enough to hold text,
    the page's own background excepted, each once."""
    outlined = [page.objects["rect"][i] for kind, i, _ in order if kind == "rect" and page.objects["rect"][i].get("stroke")]
    found = {(round(s.x0), round(s.top), round(s.x1), round(s.bottom)) for s in shapes if s.kind != "image"}
    found |= {(round(r["x0"]), round(r["top"]), round(r["x1"]), round(r["bottom"])) for r in outlined}
    width, height = float(page.width), float(page.height)
    return sorted(
        box for box in found
        if box[2] - box[0] >= MIN_BOX[0] and box[3] - box[1] >= MIN_BOX[1]
        and not (box[2] - box[0] >= BACKGROUND_SHARE * width and box[3] - box[1] >= BACKGROUND_SHARE * height)
    )


def visible(page):
    """The page with only the characters a reader sees, and the boxes drawn on it. The page's
    objects are built here, with their painting order, and kept as pdfplumber's own."""
    _lay_out(page)
    page._objects, order = page_objects(page, page._layout, PAINTED)
    chars = page.objects.get("char", [])
    shapes = _shapes(page, order)
    char_order = [0] * len(chars)
    for position, (kind, index, _) in enumerate(order):
        if kind == "char":
            char_order[index] = position
    dropped = _hidden_chars(chars, char_order, shapes)
    dropped |= _overprints(chars, dropped)
    gone = {id(chars[i]) for i in dropped}
    shown = page.filter(lambda obj: id(obj) not in gone) if gone else page
    return shown, _boxes(page, shapes, order)
