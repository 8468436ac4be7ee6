"""Which lines on a page are a table's rules, and the ruled tables they make.

pdfplumber's table finder takes every edge on a page for a possible rule and joins pieces up
to 3 points apart. So a dashed divider between columns becomes a line, and the edges of a
filled shape (a page's coloured background, a banner, a panel, a chart's plot area) frame
a "table" round text that only sits side by side. Reading such a page cell by cell mixes its
columns. Here a rule is what a table is ruled with: a solid stroked line or outline, or a
filled bar no thicker than a line; dashed or dotted strokes and filled shapes of any
breadth are not rules. Rules are joined only where their pieces touch, and a table is
found only where rules of real length cross to make cells. Inside a table so framed, the
edges of filled rectangles (a shaded header row, grey label rows) part cells as rules do.
"""
from __future__ import annotations

from pdfplumber.table import TableFinder
from pdfplumber.utils import obj_to_edges

RULE_WIDTH = 2.0   # points: a filled shape no thicker than this is a rule drawn as a bar
MIN_RULE = 6.0     # points: a rule shorter than this (a dot, a dash, a tick) rules no cell
JOIN = 1.0         # points: pieces of one rule this close are one rule (a rule broken at a crossing)
SETTINGS = dict(vertical_strategy="explicit", horizontal_strategy="explicit",
                join_tolerance=JOIN, edge_min_length=MIN_RULE)


def _solid(obj: dict) -> bool:
    """Whether a stroke is drawn solid: no dash pattern, or an empty one."""
    dash = obj.get("dash")
    return not dash or not dash[0]


def _thin(obj: dict) -> bool:
    return min(obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]) <= RULE_WIDTH


def _bar(obj: dict) -> dict:
    """The rule a thin filled shape draws: along its long side, through its middle."""
    x0, top, x1, bottom = obj["x0"], obj["top"], obj["x1"], obj["bottom"]
    if x1 - x0 >= bottom - top:
        middle = (top + bottom) / 2
        return dict(object_type="rule_edge", orientation="h", x0=x0, x1=x1, top=middle, bottom=middle,
                    width=x1 - x0, height=0.0, doctop=obj["doctop"] + middle - top)
    middle = (x0 + x1) / 2
    return dict(object_type="rule_edge", orientation="v", x0=middle, x1=middle, top=top, bottom=bottom,
                width=0.0, height=bottom - top, doctop=obj["doctop"])


def rules(page) -> list[dict]:
    """The horizontal and vertical edges of everything on the page drawn as a rule."""
    found = []
    for kind in ("line", "rect", "curve"):
        for obj in page.objects.get(kind, []):
            if obj.get("stroke") and _solid(obj):
                found += [edge for edge in obj_to_edges(obj) if edge.get("orientation") in ("h", "v")]
            elif obj.get("fill") and _thin(obj):
                found.append(_bar(obj))
    return found


def _shading(page, frames: list[tuple]) -> list[dict]:
    """The edges of the filled rectangles inside a ruled table: the shading of its rows and
    cells, which parts them as plainly as a rule does."""
    return [edge for rect in page.objects.get("rect", []) if rect.get("fill") and not _thin(rect)
            and any(_inside(rect, frame) for frame in frames) for edge in obj_to_edges(rect)]


def _inside(obj: dict, frame: tuple, slack: float = 2.0) -> bool:
    return (obj["x0"] >= frame[0] - slack and obj["top"] >= frame[1] - slack
            and obj["x1"] <= frame[2] + slack and obj["bottom"] <= frame[3] + slack)


def _settings(edges: list[dict]) -> dict | None:
    across = [edge for edge in edges if edge["orientation"] == "h"]
    down = [edge for edge in edges if edge["orientation"] == "v"]
    if len(across) < 2 or len(down) < 2:
        return None
    return dict(SETTINGS, explicit_horizontal_lines=across, explicit_vertical_lines=down)


def ruled_tables(page) -> list[tuple[tuple, list[list[tuple | None]]]]:
    """The page's ruled tables: (bbox, rows of cell boxes, None where a merged cell spans).
    Tables are framed by rules alone (a frame may hold one cell); inside one, shading parts
    rows and cells too."""
    edges = rules(page)
    settings = _settings(edges)
    if settings is None:
        return []
    frames = TableFinder(page, settings).cells
    if not frames:
        return []
    found = page.find_tables(_settings(edges + _shading(page, frames)))
    return [(table.bbox, [list(row.cells) for row in table.rows]) for table in found]
