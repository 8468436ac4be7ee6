"""Pictures drawn on the server as SVG: they need no script, work offline and print.

Every text that comes from a paper goes through markupsafe's escape.
"""
from __future__ import annotations

import math
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

HALO = 'stroke="#ffffff" stroke-width="4" paint-order="stroke"'
"""A white outline keeping a label readable where lines cross it."""
KIND_COLOURS = {"organisation": "#1f5fa8", "activity": "#7a7a7a", "milestone": "#c45a00",
                "decision": "#7a3d9a", "commitment": "#2d7d46", "paper": "#444444"}


def _short(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n - 1].rstrip() + "…"


def _day(side: dict) -> date | None:
    value = side.get("date_start") or side.get("date_end")
    return date.fromisoformat(value) if isinstance(value, str) else value


def slippage_timeline(series: list[dict]) -> Markup:
    """One row per slipped milestone, in the given order (worst first): a dot at each date a
    paper stated for it (hollow for the first paper, filled for later ones), an arrow from
    each statement to the next, and how far it moved in all; year lines behind. Hovering a
    dot shows the paper, its words and page."""
    rows = [s for s in series if sum(1 for st in s["statements"] if _day(st)) >= 2]
    if not rows:
        return Markup("")
    width, left, right, top, row_h = 980, 360, 110, 34, 40
    days = [_day(st) for row in rows for st in row["statements"] if _day(st)]
    start = date(min(days).year, 1, 1)
    end = date(max(days).year + 1, 1, 1)
    span = (end - start).days
    x = lambda d: left + (d - start).days / span * (width - left - right)
    height = top + row_h * len(rows) + 12
    out = [Markup(
        '<svg class="timeline" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
        'xmlns="http://www.w3.org/2000/svg"><title>Stated dates of slipped milestones, worst '
        'slip first</title><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path '
        'd="M0,0 L10,5 L0,10 z" fill="#b3261e"/></marker></defs>').format(w=width, h=height)]
    for year in range(start.year, end.year + 1):
        gx = x(date(year, 1, 1))
        out.append(Markup('<line class="grid" x1="{0:.1f}" y1="{1}" x2="{0:.1f}" y2="{2}" '
                          'stroke="#d9d9d9"/>').format(gx, top - 8, height - 6))
        if year < end.year:
            out.append(Markup('<text class="year" x="{:.1f}" y="{}" text-anchor="middle" '
                              'font-size="12" fill="#555">{}</text>').format(
                x(date(year, 7, 1)), top - 14, year))
    for i, row in enumerate(rows):
        y = top + row_h * i + row_h / 2
        stated = [st for st in row["statements"] if _day(st)]
        xs = [x(_day(st)) for st in stated]
        if i % 2:
            out.append(Markup('<rect x="0" y="{:.1f}" width="{}" height="{}" fill="#f6f6f6"/>')
                       .format(y - row_h / 2, width, row_h))
        out.append(Markup('<text x="6" y="{:.1f}" font-size="13" fill="#111">{}<title>{}'
                          '</title></text>').format(y - 3, _short(row["description"], 50),
                                                    row["description"]))
        out.append(Markup('<text x="6" y="{:.1f}" font-size="11" fill="#666">{}</text>').format(
            y + 12, _short(row.get("org") or "", 56)))
        for x1, x2 in zip(xs, xs[1:]):
            if abs(x2 - x1) > 16:                         # room for a line and its head
                tip = x2 - 6 if x2 > x1 else x2 + 6
                out.append(Markup('<line class="slip" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" '
                                  'y2="{:.1f}" stroke="#b3261e" stroke-width="2" '
                                  'marker-end="url(#arrow)"/>').format(x1, y, tip, y))
        for n, (st, cx) in enumerate(zip(stated, xs)):
            out.append(Markup(
                '<circle class="stated" cx="{:.1f}" cy="{:.1f}" r="6" fill="{}" stroke="#b3261e" '
                'stroke-width="2"><title>{}: {} (p. {}) “{}”</title></circle>').format(
                cx, y, "#ffffff" if n == 0 else "#b3261e", st.get("title") or st["doc"], st["date_text"],
                st["page"], _short(st["quote"], 200)))
        out.append(Markup('<text x="{:.1f}" y="{:.1f}" font-size="12" fill="#b3261e">'
                          '{:+d} days</text>').format(max(xs) + 12, y + 4, int(row["slip_days"])))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def _group(edges: list[dict], key: str = "node_id") -> dict[str, dict]:
    """Edges to the same node as one node listing its relations, arrowed by direction."""
    nodes: dict[str, dict] = {}
    for edge in edges:
        node = nodes.setdefault(edge[key], {**edge, "relations": []})
        label = f"{'→' if edge['direction'] == 'out' else '←'} {edge['relation'].replace('_', ' ')}"
        if label not in node["relations"]:
            node["relations"].append(label)
    return nodes


def _link(a: tuple, b: tuple, node: dict, gap_a: float, gap_b: float) -> Markup:
    """A line between two points, shortened to clear their circles, its arrow pointing the
    way the node's relations run (towards `b` for relations out of `a`), and its label."""
    (ax, ay), (bx, by) = a, b
    length = math.hypot(bx - ax, by - ay) or 1
    ux, uy = (bx - ax) / length, (by - ay) / length
    start, end = (ax + gap_a * ux, ay + gap_a * uy), (bx - gap_b * ux, by - gap_b * uy)
    if not any(r.startswith("→") for r in node["relations"]):
        start, end = end, start
    return Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#888" '
                  'stroke-width="1.5" marker-end="url(#head)"/><text x="{:.1f}" y="{:.1f}" '
                  'font-size="11" fill="#555" text-anchor="middle" class="relation" '
                  f'{HALO}>{{}}</text>'
                  ).format(*start, *end, ax + (bx - ax) * 0.55, ay + (by - ay) * 0.55 - 3,
                           ", ".join(node["relations"]))


def _shape(node: dict, x: float, y: float, angle: float, r: float) -> Markup:
    """A node's dot and label, placed outward; an organisation links to its page."""
    anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
    tx = x + (r + 4 if anchor == "start" else -r - 4 if anchor == "end" else 0)
    ty = y + (4 if anchor != "middle" else (r + 12 if math.sin(angle) > 0 else -r - 4))
    shape = Markup(
        '<circle cx="{:.1f}" cy="{:.1f}" r="{}" fill="{}"><title>{} ({})</title></circle>'
        '<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="{}" fill="#111">{}</text>'
    ).format(x, y, r, KIND_COLOURS.get(node["kind"], "#7a7a7a"), node["label"], node["kind"],
             tx, ty, anchor, _short(node["label"], 34))
    if node.get("org_id"):
        shape = Markup('<a href="/organisations/{}">{}</a>').format(quote(node["org_id"]), shape)
    return shape


def neighbourhood(centre: str, edges: list[dict], outer: list[dict] = (),
                  max_nodes: int = 24, max_outer: int = 4) -> Markup:
    """The organisation in the middle, the bodies and activities it is related to around it,
    and further out what those bodies are related to (`outer` edges, each with the `via`
    node they start from); an arrow per relation in its direction, labelled; organisations
    link to their pages."""
    inner = list(_group(edges).values())[:max_nodes]
    placed = {node["node_id"] for node in inner}
    children: dict[str, list[dict]] = {}
    for node in _group([e for e in outer if e["node_id"] not in placed
                        and e["via"] in placed], key="node_id").values():
        if len(children.setdefault(node["via"], [])) < max_outer:
            children[node["via"]].append(node)
    ring = 170 if not children else 150
    width, height = 1160, (640 if children else 500) if inner else 120
    cx, cy = width / 2, height / 2
    out = [Markup('<svg class="graph" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
                  'xmlns="http://www.w3.org/2000/svg"><title>{t}</title>').format(
        w=width, h=height, t=f"{centre} and the bodies it is related to"),
        Markup('<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
               'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
               '</marker></defs>')]
    shapes = []
    for k, node in enumerate(inner):
        angle = 2 * math.pi * k / len(inner) - math.pi / 2
        x, y = cx + ring * math.cos(angle), cy + ring * math.sin(angle)
        out.append(_link((cx, cy), (x, y), node, 30, 11))
        shapes.append(_shape(node, x, y, angle, 10))
        kids = children.get(node["node_id"], [])
        for j, kid in enumerate(kids):
            kid_angle = angle + (j - (len(kids) - 1) / 2) * 0.3
            kx, ky = cx + 2 * ring * math.cos(kid_angle), cy + 2 * ring * math.sin(kid_angle)
            out.append(_link((x, y), (kx, ky), kid, 11, 8))
            shapes.append(_shape(kid, kx, ky, kid_angle, 7))
    # The page's heading names the centre; a label here would cover the relations' labels.
    out.append(Markup('<circle class="centre" cx="{:.1f}" cy="{:.1f}" r="24" fill="{}">'
                      '<title>{}</title></circle>').format(cx, cy, KIND_COLOURS["organisation"],
                                                          centre))
    out += shapes
    hidden = len(_group(edges)) - len(inner)
    if hidden > 0:
        out.append(Markup('<text x="8" y="{}" font-size="12" fill="#555">and {} more, listed '
                          'below</text>').format(height - 10, hidden))
    out.append(Markup("</svg>"))
    return Markup("").join(out)
