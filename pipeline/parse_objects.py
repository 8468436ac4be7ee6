"""A page's objects as pdfplumber lists them (`page.objects`), built in one walk of its layout
tree with the painting order ink.py needs, and characters made on a fast path.

pdfplumber turns every layout object into a dict through a generic converter that resolves
each attribute recursively and decodes the colour space's name letter by letter: for a page
of text that costs more than reading its content stream. A character's attributes are
numbers, strings and a matrix of numbers, so here its dict is made as the interpreter
renders it (`CharObject`, in place of pdfminer's LTChar, which was made only to be
converted), its colour space's name decoded once per name. The dicts are equal to
pdfplumber's, key for key (tests/test_parse_objects.py). Every other kind of object (rects,
curves, images: a handful a page) goes through pdfplumber's own converter, and so do the
LTChars pdfminer still makes: a vertical font's, and every character of a page read with
layout analysis (laparams), which must see them.
"""
from __future__ import annotations

from pdfminer import pdfdevice
from pdfminer.layout import LTContainer
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfplumber.page import fix_fontname_bytes, normalize_unicode
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode


def page_objects(page, layout, painted: dict[type, str]) -> tuple[dict[str, list[dict]], list[tuple[str, int, float]]]:
    """pdfplumber's `page.objects` of `page`, read from its `layout` tree, and the painting
    order: (kind, index in objects[kind], fill opacity) for every object whose type is a key
    of `painted` (its kind the value), in the order the content stream paints them."""
    objects: dict[str, list[dict]] = {}
    order: list[tuple[str, int, float]] = []
    with_containers = page.pdf.laparams is not None
    char_painted = painted.get(CharObject)

    def walk(objs) -> None:
        for obj in objs:
            if type(obj) is CharObject:         # most of a page's objects: `add` written out
                chars = objects.setdefault("char", [])
                if char_painted:
                    order.append((char_painted, len(chars), 1.0))
                chars.append(dict(obj))
                continue
            if isinstance(obj, LTContainer):
                if with_containers:
                    add(page.process_object(obj), obj)
                walk(obj._objs)
            else:
                add(page.process_object(obj), obj)

    def add(found: dict, obj) -> None:
        if (kind := found["object_type"]) == "anno":
            return
        listed = objects.setdefault(kind, [])
        listed.append(found)
        if type(obj) in painted:
            order.append((painted[type(obj)], len(listed) - 1, getattr(obj, "fill_alpha", 1.0)))

    walk(layout._objs)
    return objects, order


class CharObject(dict):
    """A character's object as pdfplumber lists it, made as it is rendered (`CharRenderer.render_string`)
    and kept in the layout tree where pdfminer would keep an LTChar. pdfplumber's device sets
    the marked content of the object last rendered as an attribute (`tag_cur_item`, after a
    path or an image that may have added nothing): here that sets the key."""

    __slots__ = ()

    def __setattr__(self, key: str, value) -> None:
        self[key] = resolve_all(value)


class CharRenderer:
    """Makes a page's characters as pdfplumber's objects, without LTChars (`render_string`)."""

    def __init__(self, page) -> None:
        self.page_number = page.page_number
        self.unicode_norm = page.pdf.unicode_norm
        self.height, self.doctop = page.height, page.initial_doctop
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.names: dict[str, str] = {}         # a colour space's name, decoded
        self.glyphs: dict[object, dict[int, tuple[str, float]]] = {}    # by font, by character id

    def _name(self, name) -> str:
        if type(name) is not str:
            return resolve_and_decode(name)
        if name not in self.names:
            self.names[name] = resolve_and_decode(name)
        return self.names[name]

    def render_string(self, device, seq, matrix, pos, font, fontsize: float, scaling: float, charspace: float,
                      wordspace: float, rise: float, dxscale: float, ncs, graphicstate) -> tuple[float, float]:
        """pdfminer's `render_string_horizontal` on pdfplumber's `device` (its loop, spacing
        and return value), adding to the device's layout tree the CharObject pdfplumber would
        convert each LTChar to. What a string's characters share (font, colours, marked
        content) is worked out once a string, a glyph's text and width once a font, and
        pdfminer's matrix arithmetic is written out here in its own order, so every number
        is the one it computes."""
        a, b, c, d, e, f = matrix
        x, y = pos
        glyphs = self.glyphs.get(font)
        if glyphs is None:
            glyphs = self.glyphs[font] = {}
        low = font.get_descent() * fontsize + rise
        high = low + fontsize
        fontname = font.fontname
        fontname = fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname
        upright = a * d * scaling > 0 and b * c <= 0
        mcid, tag, space = resolve_all(device.cur_mcid), resolve_all(device.cur_tag), self._name(ncs.name)
        scolor, ncolor = graphicstate.scolor, graphicstate.ncolor
        scolor = scolor if isinstance(scolor, tuple) else (scolor,)
        ncolor = ncolor if isinstance(ncolor, tuple) else (ncolor,)
        page_number, height, mb_top, mb_x0, doctop = self.page_number, self.height, self.mb_top, self.mb_x0, self.doctop
        add = device.cur_item.add
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    glyph = glyphs.get(cid)
                    if glyph is None:
                        glyph = glyphs[cid] = self._glyph(device, font, cid)
                    text, width = glyph
                    adv = width * fontsize * scaling
                    e1, f1 = x * a + y * c + e, x * b + y * d + f         # utils.translate_matrix
                    left1, bottom1 = a * 0 + c * low + e1, b * 0 + d * low + f1   # utils.apply_matrix_rect
                    right1, bottom2 = a * adv + c * low + e1, b * adv + d * low + f1
                    right2, top1 = a * adv + c * high + e1, b * adv + d * high + f1
                    left2, top2 = a * 0 + c * high + e1, b * 0 + d * high + f1
                    x0, x1 = min(left1, left2, right1, right2), max(left1, left2, right1, right2)
                    y0, y1 = min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2)
                    top = (height - y1) + mb_top
                    add(CharObject(
                        matrix=(a, b, c, d, e1, f1), fontname=fontname, adv=adv, upright=upright,
                        x0=x0 + mb_x0, y0=y0, x1=x1 + mb_x0, y1=y1, width=x1 - x0, height=y1 - y0, size=y1 - y0,
                        mcid=mcid, tag=tag, object_type="char", page_number=page_number, ncs=space, text=text,
                        stroking_color=scolor, non_stroking_color=ncolor,
                        top=top, bottom=(height - y0) + mb_top, doctop=doctop + top))
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                pdfdevice.logger.warning("Cannot render horizontal string because %r is not a valid int, float or bytes.", obj)
        return (x, y)

    def _glyph(self, device, font, cid: int) -> tuple[str, float]:
        """A character's text, as pdfplumber lists it, and its width in the font."""
        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = device.handle_undefined_char(font, cid)
        return normalize_unicode(self.unicode_norm, text) if self.unicode_norm is not None else text, font.char_width(cid)
