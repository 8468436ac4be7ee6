"""The page objects parse_objects.py builds are pdfplumber's own, and ink.py's overprint test
finds what a plain comparison of every character with every earlier one finds."""
import random
from pathlib import Path

import pdfplumber
import pytest

from pipeline import ink
from pipeline.parse_objects import page_objects
from tests.pdfgen import write_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _designed(tmp_path: Path) -> Path:
    """A page with what the reader's filter looks at: grey, white and coloured text, bold,
    boxes filled and outlined under the text, a box painted over it, a ruled table, an image."""
    items = [(72, 780, "Grey heading", 14, True, 0.3), (72, 750, "White words on a white page", 10, False, 1),
             (300, 750, "Red words", 10, False, (1, 0, 0)), (80, 600, "Inside the panel", 10),
             (72, 400, "Under the cover", 10), (72.4, 400.3, "Under the cover", 10)]
    return write_pdf(tmp_path / "designed.pdf", [items, items[:2]],
                     rules=[[(72, 300, 300, 300), (72, 250, 300, 250), (72, 250, 72, 300), (300, 250, 300, 300)], []],
                     images=[[(400, 100, 100, 80)], []],
                     boxes=[[(70, 580, 200, 60, (0.9, 0.9, 1.0), True), (350, 580, 100, 50, None, True)], []],
                     covers=[[(70, 395, 200, 20, 1)], []])


def _pdfs(tmp_path: Path) -> list[Path]:
    return [_designed(tmp_path), *sorted(SAMPLES.glob("*.pdf"))]


@pytest.mark.parametrize("laparams", [None, {}], ids=["as-read", "layout-analysed"])
def test_page_objects_equal_pdfplumbers(tmp_path, laparams):
    """Read without layout analysis, the characters are made as rendered (CharObject); with
    it, pdfminer's LTChars are converted. Either way, pdfplumber's objects from its own
    layout of the page, key for key."""
    compared = 0
    for path in _pdfs(tmp_path):
        with pdfplumber.open(path, laparams=laparams) as pdf:
            for page in pdf.pages:
                theirs = page.parse_objects()
                del page._layout                # pdfplumber's own, which ink's replaces
                ink._lay_out(page)
                ours, _ = page_objects(page, page._layout, ink.PAINTED)
                assert ours.keys() == theirs.keys(), (path.name, page.page_number)
                for kind in theirs:
                    assert _same(ours[kind]) == _same(theirs[kind]), (path.name, page.page_number, kind)
                    assert [list(o) for o in ours[kind]] == [list(t) for t in theirs[kind]]   # keys in order
                compared += sum(map(len, theirs.values()))
                page.close()
    assert compared > 10_000


def _same(objects: list[dict]) -> list[dict]:
    """Objects as two readings of a page can agree on: an image's stream by its bytes, and
    not the name of an inline image or its figure, which is the id() of what its reading made."""
    same = []
    for o in objects:
        if "stream" in o:
            o = {**o, "stream": (o["stream"].attrs, o["stream"].get_rawdata())}
        if o["object_type"] in ("image", "figure") and o["name"].isdigit():
            o = {**o, "name": None}
        same.append(o)
    return same


def test_painting_order_indexes_each_object_once_in_content_order(tmp_path):
    with pdfplumber.open(_designed(tmp_path)) as pdf:
        page = pdf.pages[0]
        ink._lay_out(page)
        objects, order = page_objects(page, page._layout, ink.PAINTED)
    assert sorted((kind, i) for kind, i, _ in order) == sorted(
        (kind, i) for kind in ("char", "rect", "line", "image") for i in range(len(objects.get(kind, []))))
    rects = [i for kind, i, _ in order if kind == "rect"]
    first_char = next(n for n, (kind, _, _) in enumerate(order) if kind == "char")
    last_char = max(n for n, (kind, _, _) in enumerate(order) if kind == "char")
    positions = [n for n, (kind, _, _) in enumerate(order) if kind == "rect"]
    assert positions[0] < first_char and positions[-1] > last_char     # panels under the text, the cover over it
    assert objects["rect"][rects[-1]]["top"] == pytest.approx(842 - 415)


def _overprints_one_by_one(chars: list[dict], skip: set[int]) -> set[int]:
    """The rule stated plainly: a character within OVERPRINT points (both ways) of an earlier
    one of the same text, that earlier one not skipped and not itself a repeat."""
    kept, repeats = [], set()
    for index, char in enumerate(chars):
        if index in skip:
            continue
        if any(o["text"] == char["text"] and abs(o["x0"] - char["x0"]) < ink.OVERPRINT
               and abs(o["top"] - char["top"]) < ink.OVERPRINT for o in kept):
            repeats.add(index)
        else:
            kept.append(char)
    return repeats


@pytest.mark.parametrize("seed", range(30))
def test_overprints_are_those_of_comparing_every_pair(seed):
    rng = random.Random(seed)
    chars = []
    for _ in range(rng.randint(0, 120)):
        if chars and rng.random() < 0.4:       # a copy close to an earlier character, or a chain of them
            other = rng.choice(chars)
            x, top, text = other["x0"] + rng.uniform(-1.5, 1.5), other["top"] + rng.uniform(-1.5, 1.5), other["text"]
        else:
            x, top, text = rng.uniform(-5, 40), rng.uniform(-5, 40), rng.choice("aab.")
        chars.append({"text": text, "x0": x, "top": top})
    skip = {i for i in range(len(chars)) if rng.random() < 0.1}
    assert ink._overprints(chars, skip) == _overprints_one_by_one(chars, skip)
