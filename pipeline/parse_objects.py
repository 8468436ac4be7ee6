"""A page's objects as pdfplumber lists them (`page.objects`), built in one walk of its layout
tree with the painting order ink.py needs, and characters converted on a fast path.

pdfplumber turns every layout object into a dict through a generic converter that resolves
each attribute recursively and decodes the colour space's name letter by letter: for a page
of text that costs more than reading its content stream. A character's attributes are
numbers, strings and a matrix of numbers, so here they are copied as they are (resolved
only where they are not) and the colour space's name is decoded once per name. The
dicts are equal to pdfplumber's, key for key (tests/test_parse_objects.py); every other kind
of object (rects, curves, images: a handful a page) goes through pdfplumber's own converter.
"""
from __future__ import annotations

from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import ALL_ATTRS, fix_fontname_bytes, normalize_unicode
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

SCALARS = {float, int, str, bool, type(None)}
NUMBERS = {float, int}


def _plain(value) -> bool:
    """Whether resolve_all gives `value` back as it is (a tuple of numbers it copies, equal)."""
    return type(value) in SCALARS or (type(value) is tuple and set(map(type, value)) <= NUMBERS)


def page_objects(page, layout, painted: dict[type, str]) -> tuple[dict[str, list[dict]], list[tuple[str, int, float]]]:
    """pdfplumber's `page.objects` of `page`, read from its `layout` tree, and the painting
    order: (kind, index in objects[kind], fill opacity) for every object whose type is a key
    of `painted` (its kind the value), in the order the content stream paints them."""
    objects: dict[str, list[dict]] = {}
    order: list[tuple[str, int, float]] = []
    char = _CharConverter(page)
    with_containers = page.pdf.laparams is not None

    def walk(objs) -> None:
        for obj in objs:
            if type(obj) is LTChar:
                found, kind = char(obj), "char"
            elif isinstance(obj, LTContainer):
                if with_containers:
                    add(page.process_object(obj), obj)
                walk(obj._objs)
                continue
            else:
                found = page.process_object(obj)
                kind = found["object_type"]
            add(found, obj, kind)

    def add(found: dict, obj, kind: str | None = None) -> None:
        kind = kind or found["object_type"]
        if kind == "anno":
            return
        listed = objects.setdefault(kind, [])
        listed.append(found)
        if type(obj) in painted:
            order.append((painted[type(obj)], len(listed) - 1, getattr(obj, "fill_alpha", 1.0)))

    walk(layout._objs)
    return objects, order


class _CharConverter:
    """pdfplumber's Page.process_object for an LTChar, without its generic walk."""

    def __init__(self, page) -> None:
        self.page_number = page.page_number
        self.unicode_norm = page.pdf.unicode_norm
        self.height, self.doctop = page.height, page.initial_doctop
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.names: dict[str, str] = {}         # a colour space's name, decoded
        self.kept: dict[tuple, list[str]] = {}   # the keys of an LTChar's attributes -> those pdfplumber keeps

    def _name(self, name) -> str:
        if type(name) is not str:
            return resolve_and_decode(name)
        if name not in self.names:
            self.names[name] = resolve_and_decode(name)
        return self.names[name]

    def __call__(self, obj: LTChar) -> dict:
        found = obj.__dict__
        keys = self.kept.get(layout := tuple(found))
        if keys is None:
            keys = self.kept[layout] = [key for key in layout if key in ALL_ATTRS]
        attr = dict(zip(keys, map(found.__getitem__, keys)))
        types = list(map(type, attr.values()))
        if not set(types) <= SCALARS and not (      # the usual case: the one tuple is a matrix of numbers
                types.count(tuple) == 1 == len(set(types) - SCALARS)
                and type(attr.get("matrix")) is tuple and set(map(type, attr["matrix"])) <= NUMBERS):
            for key, value in attr.items():
                if not _plain(value):
                    attr[key] = resolve_all(value)
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        if hasattr(obj, "ncs"):
            attr["ncs"] = self._name(obj.ncs.name)
        if hasattr(obj, "scs"):
            attr["scs"] = self._name(obj.scs.name)
        text = obj.get_text()
        attr["text"] = normalize_unicode(self.unicode_norm, text) if self.unicode_norm is not None else text
        state = obj.graphicstate
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        if "y0" in attr:
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0
        return attr
