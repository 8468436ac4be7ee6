"""A minimal PDF writer for tests: text at given points in Helvetica, ruled lines, filled boxes.

Hand-written so tests can build synthetic and hostile papers (two columns, running
headers, broken files) without a PDF library. Coordinates are PDF user space: points,
origin at the bottom-left of an A4 page unless `page_size` says otherwise.

An item is (x, y, text, size), (x, y, text, size, bold) or (x, y, text, size, bold, colour).
A colour is a grey level (0 black, 1 white) or an (r, g, b) triple. Text is encoded as
Windows-1252, so "•" and "–" survive; other characters become "?".
"""
from __future__ import annotations

from pathlib import Path

A4 = (595.0, 842.0)
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold"}


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _colour(colour) -> bytes:
    """The operator setting the fill colour: a grey level or (r, g, b)."""
    if isinstance(colour, (int, float)):
        return b"%g g" % colour
    return b"%g %g %g rg" % tuple(colour)


def _boxes(boxes: list[tuple]) -> list[bytes]:
    """Boxes (x, y, width, height, fill colour or None, outlined): filled and/or stroked."""
    ops = []
    for x, y, width, height, fill, *outline in boxes:
        paint = b"B" if fill is not None and outline and outline[0] else b"f" if fill is not None else b"S"
        ops.append(b"q %s %g %g %g %g re %s Q" % (_colour(fill) if fill is not None else b"", x, y, width, height, paint))
    return ops


def _content(items: list[tuple], rules: list[tuple], images: list[tuple] = (), boxes: list[tuple] = (),
             covers: list[tuple] = ()) -> bytes:
    ops = [b"%g %g m %g %g l S" % rule for rule in rules] + _boxes(boxes)
    for x, y, width, height in images:   # a 4x4 grey inline image stretched over the box, like a scan
        ops.append(b"q %g 0 0 %g %g %g cm BI /W 4 /H 4 /CS /G /BPC 8 ID %s EI Q"
                   % (width, height, x, y, bytes(range(0, 256, 16))))
    for x, y, text, size, *rest in items:
        font = "F2" if rest and rest[0] else "F1"
        colour = _colour(rest[1]) if len(rest) > 1 else b"0 g"
        ops.append(b"BT %s /%s %g Tf %g %g Td (%s) Tj ET" % (colour, font.encode(), size, x, y, _escape(text)))
    return b"\n".join(ops + _boxes(covers))


def pdf_bytes(
    pages: list[list[tuple]],
    page_size: tuple[float, float] = A4,
    encrypted: bool = False,
    rules: list[list[tuple]] | None = None,
    images: list[list[tuple]] | None = None,
    boxes: list[list[tuple]] | None = None,
    covers: list[list[tuple]] | None = None,
) -> bytes:
    """The bytes of a valid PDF with one page per list of items, xref offsets exact.

    `rules` gives, per page, straight lines (x0, y0, x1, y1) to stroke: enough to draw
    the ruled tables and boxes that pdfplumber's table finder looks for.
    `images` gives, per page, boxes (x, y, width, height) filled with an inline image
    and no text: a scanned page.
    `boxes` gives, per page, boxes (x, y, width, height, fill colour or None, outlined) painted
    before the text: call-outs, panels, a slide's boxes. `covers` are boxes painted after the
    text, over it.
    `encrypted=True` adds a standard security handler whose user password is not
    empty, so readers must refuse the file without a password (the text itself is
    left in clear: only the refusal matters to a test).
    """
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree, filled in below
    font_refs = []
    for name, base in FONTS.items():
        objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % base.encode())
        font_refs.append(b"/%s %d 0 R" % (name.encode(), len(objects)))
    resources = b"<< /Font << %s >> >>" % b" ".join(font_refs)
    kids = []
    for number, items in enumerate(pages):
        stream = _content(items, rules[number] if rules else [], images[number] if images else [],
                          boxes[number] if boxes else [], covers[number] if covers else [])
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources %s /Contents %d 0 R >>"
            % (page_size[0], page_size[1], resources, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    trailer_extra = b""
    if encrypted:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"ab" * 32, b"cd" * 32))
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objects), b"01" * 16, b"01" * 16)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref_at,
    )
    return bytes(out)


def write_pdf(
    path: str | Path,
    pages: list[list[tuple]],
    page_size: tuple[float, float] = A4,
    encrypted: bool = False,
    rules: list[list[tuple]] | None = None,
    images: list[list[tuple]] | None = None,
    boxes: list[list[tuple]] | None = None,
    covers: list[list[tuple]] | None = None,
) -> Path:
    """Write `pdf_bytes(pages, ...)` to `path` and return it as a Path."""
    path = Path(path)
    path.write_bytes(pdf_bytes(pages, page_size, encrypted, rules, images, boxes, covers))
    return path
