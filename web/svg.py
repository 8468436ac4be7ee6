"""Pictures drawn on the server as SVG: they need no script, work offline and print.

Every text that comes from a paper goes through markupsafe's escape.
"""
from __future__ import annotations

import math
from datetime import date
from urllib.parse import quote

from markupsafe import Markup, escape

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
                cx, y, "#ffffff" if n == 0 else "#b3261e", st["doc"], st["date_text"],
                st["page"], _short(st["quote"], 200)))
        out.append(Markup('<text x="{:.1f}" y="{:.1f}" font-size="12" fill="#b3261e">'
                          '{:+d} days</text>').format(max(xs) + 12, y + 4, int(row["slip_days"])))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def neighbourhood(centre: str, edges: list[dict], max_nodes: int = 24) -> Markup:
    """The organisation in the middle, the bodies and activities it is related to around it,
    an arrow per relation in its direction, labelled; organisations link to their pages."""
    by_node: dict[str, dict] = {}
    for edge in edges:
        node = by_node.setdefault(edge["node_id"], {**edge, "relations": []})
        arrow = "→" if edge["direction"] == "out" else "←"
        label = f"{arrow} {edge['relation'].replace('_', ' ')}"
        if label not in node["relations"]:
            node["relations"].append(label)
    nodes = list(by_node.values())[:max_nodes]
    width, height = 820, 520 if nodes else 120
    cx, cy, radius = width / 2, height / 2, 190
    out = [Markup('<svg class="graph" role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
                  'xmlns="http://www.w3.org/2000/svg"><title>{t}</title>').format(
        w=width, h=height, t=f"{centre} and the bodies it is related to"),
        Markup('<defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
               'markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
               '</marker></defs>')]
    for k, node in enumerate(nodes):
        angle = 2 * math.pi * k / len(nodes) - math.pi / 2
        nx, ny = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        node["xy"] = (nx, ny, angle)
        ux, uy = math.cos(angle), math.sin(angle)
        a = (cx + 30 * ux, cy + 30 * uy)          # leave the centre's circle and label clear
        b = (nx - 11 * ux, ny - 11 * uy)
        if node["direction"] == "in" and not any(r.startswith("→") for r in node["relations"]):
            a, b = (nx - 11 * ux, ny - 11 * uy), (cx + 30 * ux, cy + 30 * uy)
        out.append(Markup('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#888" '
                          'stroke-width="1.5" marker-end="url(#head)"/>').format(*a, *b))
        lx, ly = cx + radius * 0.55 * ux, cy + radius * 0.55 * uy
        out.append(Markup('<text x="{:.1f}" y="{:.1f}" font-size="11" fill="#555" '
                          'text-anchor="middle" class="relation">{}</text>').format(
            lx, ly - 3, ", ".join(node["relations"])))
    out.append(Markup('<circle cx="{:.1f}" cy="{:.1f}" r="24" fill="{}"/>'
                      '<text x="{:.1f}" y="{:.1f}" font-size="14" font-weight="bold" '
                      'text-anchor="middle" fill="#111">{}</text>').format(
        cx, cy, KIND_COLOURS["organisation"], cx, cy + 42, _short(centre, 40)))
    for node in nodes:
        nx, ny, angle = node["xy"]
        anchor = "start" if math.cos(angle) > 0.2 else "end" if math.cos(angle) < -0.2 else "middle"
        tx = nx + (14 if anchor == "start" else -14 if anchor == "end" else 0)
        ty = ny + (4 if anchor != "middle" else (22 if math.sin(angle) > 0 else -14))
        colour = KIND_COLOURS.get(node["kind"], "#7a7a7a")
        shape = Markup(
            '<circle cx="{:.1f}" cy="{:.1f}" r="10" fill="{}"><title>{} ({})</title></circle>'
            '<text x="{:.1f}" y="{:.1f}" font-size="12" text-anchor="{}" fill="#111">{}</text>'
        ).format(nx, ny, colour, node["label"], node["kind"], tx, ty, anchor,
                 _short(node["label"], 34))
        if node.get("org_id"):
            shape = Markup('<a href="/organisations/{}">{}</a>').format(
                quote(node["org_id"]), shape)
        out.append(shape)
    if len(by_node) > len(nodes):
        out.append(Markup('<text x="8" y="{}" font-size="12" fill="#555">and {} more, listed '
                          'below</text>').format(height - 10, len(by_node) - len(nodes)))
    out.append(Markup("</svg>"))
    return Markup("").join(out)
