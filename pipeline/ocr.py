"""OCR for pages with no text layer: a scanned paper, or a scanned letter bound into a pack.

Such a page is rendered with pypdfium2 and read by Tesseract (Debian's `tesseract-ocr`), run
as a subprocess for its hOCR output rather than through pytesseract, which would only wrap
the same subprocess and its temporary files, and whose word table (TSV) lacks what hOCR gives
per line: the baseline and the text's height from descender to ascender (x_size). From those
every word of a line gets the same top and bottom, and a size that does not shrink on a line
without capitals or descenders, so the words come out as the dicts pdfplumber gives (points,
top-left origin, `size`, `fontname`) and layout.py lays the page out as it would a born-digital
one. Tesseract reads no bold, so boldness is measured off the picture: a bold line's strokes
are wider, for its size, than those of the page's other lines.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from statistics import mean, median

import numpy as np
import pypdfium2

from pipeline.errors import PaperError
from pipeline.ocr_lists import OcrLine, mark_list_items
from pipeline.ocr_ordinals import ordinal_days

DPI = 300                 # the resolution Tesseract is documented to read best at
LANGUAGE = "eng"
TIMEOUT_SECONDS = 180     # per page: a page that takes longer is a broken render, not a slow one
MAX_STAMP_WORDS = 5       # a scan may carry a text layer this small: "Page 12" stamped by a pack's compiler
MIN_IMAGE_SHARE = 0.5     # of the page's area covered by images, for a page without text to be a scan
PAGE_WEIGHT = 10          # an OCR'd page costs the CPU of about 10 born-digital ones (bench/ocr.py)
SIZE_SPREAD = 1.15        # line sizes within this ratio of a page's smallest are one size of type
BOLD_STROKE = 1.3         # a line whose strokes are this much wider (for its size) than the page's is bold
BOLD_CARRY = 1.15         # ... or this much, if it goes on from a bold line just above it at the same left edge
NOISE_CONFIDENCE = 50     # a line's mean word confidence under which it may be a picture read as text
SURE_WORD = 85            # ... unless one of its words is read this surely
INK = 128                 # grey levels below this are ink
INSTALL = "apt-get install -y tesseract-ocr tesseract-ocr-eng"
XHTML = "{http://www.w3.org/1999/xhtml}"
ALNUM = re.compile(r"\w", re.UNICODE)
WEB_ADDRESS = re.compile(r"://|^www\.|\.(?:gov|nhs|org|co)\.uk\b", re.I)


@dataclass
class OcrPage:
    """A page's OCR'd words as pdfplumber-style dicts, and their mean confidence (0-100)."""

    words: list[dict]
    confidence: float


def tesseract_missing() -> str | None:
    """Why scanned pages cannot be read on this machine, or None when they can."""
    if shutil.which("tesseract"):
        return None
    return f"Tesseract is not installed, so scanned pages cannot be read: install it with `{INSTALL}`"


def page_weights(path, short: int) -> list[int]:
    """Each page's share of the work of reading the paper: PAGE_WEIGHT for a page OCR will
    read (no text object, an image), else 1. Only a paper of under `short` pages, which is
    shared out among workers only if its scans make it long, has its pages looked at (by
    pdfium, which loads a page in a fraction of pdfplumber's time). Raises on a file pdfium
    cannot open."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        count = len(document)
        if count >= short or tesseract_missing():
            return [1] * count
        return [PAGE_WEIGHT if _unlettered(document[i]) else 1 for i in range(count)]
    finally:
        document.close()


def _unlettered(page: pypdfium2.PdfPage) -> bool:
    """A pdfium page that draws images and no text."""
    kinds = {obj.type for obj in page.get_objects(max_depth=1)}
    page.close()
    return pypdfium2.raw.FPDF_PAGEOBJ_TEXT not in kinds and pypdfium2.raw.FPDF_PAGEOBJ_IMAGE in kinds


def is_scan(page, words: list[dict]) -> bool:
    """A pdfplumber page whose text layer is empty, or a stamp of a few words, and whose
    images cover at least half of it: text to be read off the picture."""
    if len(words) > MAX_STAMP_WORDS:
        return False
    x0, top, x1, bottom = page.bbox
    covered = sum(max(0.0, min(im["x1"], x1) - max(im["x0"], x0)) * max(0.0, min(im["bottom"], bottom) - max(im["top"], top))
                  for im in page.images)
    return covered >= MIN_IMAGE_SHARE * (x1 - x0) * (bottom - top)


def read_page(page) -> OcrPage:
    """OCR a pdfplumber page: rendered, text and stamp included, from the PDF it belongs to.
    The OCR words replace its text layer, which the render already shows. Raises PaperError."""
    document = pypdfium2.PdfDocument(page.pdf.stream)
    try:
        image = document[page.page_number - 1].render(scale=DPI / 72, grayscale=True).to_pil()
    finally:
        document.close()
    x0, top, x1, bottom = page.bbox
    scale = ((x1 - x0) / image.width, (bottom - top) / image.height)
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")   # uncompressed: Tesseract reads it faster than PNG is written
    ink = np.asarray(image) < INK
    return _page_words(_hocr(buffer.getvalue(), page.page_number), ink, scale, (x0, top))


def _hocr(image: bytes, number: int) -> str:
    """Tesseract's hOCR for one image, single-threaded: the parse workers share the CPUs."""
    command = ["tesseract", "stdin", "stdout", "-l", LANGUAGE, "--dpi", str(DPI), "hocr"]
    try:
        done = subprocess.run(command, input=image, capture_output=True, timeout=TIMEOUT_SECONDS,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    except subprocess.TimeoutExpired:
        raise PaperError("ocr_error", f"Tesseract took over {TIMEOUT_SECONDS} s on page {number}") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise PaperError("ocr_error", f"Tesseract failed on page {number}: {message[0]}")
    return done.stdout.decode("utf-8")


def _title(element: ET.Element) -> dict[str, list[float]]:
    """An hOCR title ("bbox 10 20 30 40; x_wconf 96") as {"bbox": [10, 20, 30, 40], ...}."""
    fields = {}
    for part in element.get("title", "").split(";"):
        name, *values = part.split()
        try:
            fields[name] = [float(v) for v in values]
        except ValueError:
            continue          # image "stdin" and the like
    return fields


def _page_words(hocr: str, ink: np.ndarray, scale: tuple[float, float], origin: tuple[float, float]) -> OcrPage:
    """Words of an hOCR page in PDF points. Each line's words share its top and bottom,
    drawn from its baseline and x_size; sizes are the line's x_size, snapped per page; a
    line is bold when its strokes are wide for its size (`ink` is the rendered page's ink);
    list items' misread marks and days' ordinals are written as printed (ocr_lists.py,
    ocr_ordinals.py)."""
    sx, sy = scale
    lines = []
    for line in ET.fromstring(hocr).iter(f"{XHTML}span"):
        if line.get("class") not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        title = _title(line)
        lx0, _, _, ly1 = title["bbox"]
        slope, offset = title.get("baseline", [0.0, 0.0])
        height = title.get("x_size", [ly1 - title["bbox"][1]])[0]
        descent = title.get("x_descenders", [height / 4])[0]
        words = []
        for word in line.iter(f"{XHTML}span"):
            text = "".join(word.itertext()).strip()
            if word.get("class") != "ocrx_word" or not ALNUM.search(text):
                continue
            fields = _title(word)
            wx0, _, wx1, _ = fields["bbox"]
            words.append((text, wx0, wx1, fields.get("x_wconf", [0.0])[0]))
        words = [(read, *rest) for read, (_, *rest) in zip(ordinal_days([w[0] for w in words]), words)]
        if words:
            middle = (words[0][1] + words[-1][2]) / 2
            bottom = ly1 + offset + slope * (middle - lx0) + descent
            lines.append(OcrLine(words, bottom - height, bottom, height, _stroke(ink, title["bbox"]) / height))
    lines = [line for line in mark_list_items(lines, ink) if not _picture_noise(line)]
    sizes = _snapped([line.height * sy for line in lines])
    bold = _bold(lines, sizes)
    out, confidences = [], []
    for line, size, heavy in zip(lines, sizes, bold):
        font = "OCR-Bold" if heavy else "OCR"
        for text, wx0, wx1, confidence in line.words:
            out.append({"text": text, "x0": origin[0] + wx0 * sx, "x1": origin[0] + wx1 * sx,
                        "top": origin[1] + line.top * sy, "bottom": origin[1] + line.bottom * sy,
                        "size": size, "fontname": font, "upright": True})
            if confidence is not None:          # not a mark written by ocr_lists
                confidences.append(confidence)
    return OcrPage(out, round(mean(confidences), 1) if confidences else 0.0)


def _picture_noise(line: OcrLine) -> bool:
    """A line Tesseract read out of a picture, a logo's swirl or a photo ("ates tia im (RD"):
    it doubts every word of it. A line of text it reads badly still has a word it is sure of
    ("comprising two local" at 96, 23, 23), and a web address is text however Tesseract doubts
    it (a printed page's footer)."""
    if any(WEB_ADDRESS.search(text) for text, *_ in line.words):
        return False
    confidences = [c for _, _, _, c in line.words if c is not None]
    return bool(confidences) and len(confidences) == len(line.words) and mean(confidences) < NOISE_CONFIDENCE \
        and max(confidences) < SURE_WORD


def _bold(lines: list[OcrLine], sizes: list[float]) -> list[bool]:
    """Which lines are bold: strokes wider, for their size, than the page's usual line's. A
    short line measures less surely, so the last line of a bold heading that wraps ("... to
    support" / "recovery.") needs less: it is bold when it goes on from a bold line of its
    size just above, at the same left edge, with its strokes still wider than most."""
    usual = median(line.stroke for line in lines) if lines else 0.0
    bold = [line.stroke > BOLD_STROKE * usual for line in lines]
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    for above, i in zip(order, order[1:]):
        line, prev = lines[i], lines[above]
        close = -0.2 * line.height < line.top - prev.bottom < 0.6 * line.height
        if (not bold[i] and bold[above] and line.stroke > BOLD_CARRY * usual and sizes[i] == sizes[above]
                and close and abs(line.x0 - prev.x0) < 0.5 * line.height):
            bold[i] = True
    return bold


def _stroke(ink: np.ndarray, bbox: list[float]) -> float:
    """The mean width, in pixels, of the ink runs along the rows of a box: wider for bold."""
    x0, y0, x1, y1 = (int(v) for v in bbox)
    box = ink[y0:y1 + 1, x0:x1 + 1]
    runs = int(box[:, :1].sum() + (box[:, 1:] & ~box[:, :-1]).sum())
    return float(box.sum()) / runs if runs else 0.0


def _snapped(sizes: list[float]) -> list[float]:
    """Each line's size as the median of its page's lines of about the same size, to the
    half point: OCR measures each line a little differently, and layout.py reads a change of
    half a point as a new paragraph and a point more than the body as a heading."""
    order = sorted(range(len(sizes)), key=sizes.__getitem__)
    snapped = [0.0] * len(sizes)
    group: list[int] = []
    for i in [*order, None]:
        if group and (i is None or sizes[i] > sizes[group[0]] * SIZE_SPREAD):
            size = round(2 * median(sizes[j] for j in group)) / 2
            for j in group:
                snapped[j] = size
            group = []
        if i is not None:
            group.append(i)
    return snapped
