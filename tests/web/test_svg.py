"""The server-drawn pictures: well-formed SVG, dates where they belong, paper text escaped."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from web.svg import neighbourhood, slippage_timeline

SVG = "{http://www.w3.org/2000/svg}"
EVIL = "<script>alert(1)</script> & \"quotes\""


def side(doc: str, day: str, text: str = "The hub will open.") -> dict:
    return {"doc": doc, "date_text": day, "date_start": day, "date_end": day,
            "quote": text, "page": 3}


def test_timeline_puts_each_stated_date_in_place_worst_first():
    rows = [{"description": "MCP starts", "org": "NHS Kingsmere CCG", "slip_days": 365,
             "statements": [side("a-2018", "2020-04-01"), side("b-2019", "2021-04-01")]},
            {"description": EVIL, "org": EVIL, "slip_days": 30,
             "statements": [side("a-2018", "2019-10-01", EVIL), side("b-2019", "2019-10-31")]}]
    root = ET.fromstring(str(slippage_timeline(rows)))
    circles = root.findall(f"{SVG}circle")
    assert len(circles) == 4
    xs = [float(c.get("cx")) for c in circles]
    ys = [float(c.get("cy")) for c in circles]
    assert xs[0] < xs[1] and xs[2] < xs[3]               # earlier left of later
    assert ys[0] == ys[1] < ys[2] == ys[3]               # one row each, in the given order
    # x is proportional to the date: a year's slip is about twelve times a month's.
    assert (xs[1] - xs[0]) / (xs[3] - xs[2]) == pytest.approx(
        (date(2021, 4, 1) - date(2020, 4, 1)).days / 30, rel=0.02)      # drawn to 0.1 px
    texts = "".join(root.itertext())
    assert EVIL in texts                                  # shown as text, parsed as text
    assert "+365 days" in texts and "+30 days" in texts
    assert not root.findall(f".//{SVG}script")
    assert slippage_timeline([]) == ""


def test_timeline_draws_every_statement_of_a_series():
    three = [{"description": "Hub opens", "org": "Ashdown CCG", "slip_days": 300,
              "statements": [side("a", "2019-01-01"), side("b", "2019-06-01"),
                             side("c", "2019-10-28")]}]
    root = ET.fromstring(str(slippage_timeline(three)))
    circles = root.findall(f"{SVG}circle")
    assert [c.get("fill") for c in circles] == ["#ffffff", "#b3261e", "#b3261e"]
    assert [float(c.get("cx")) for c in circles] == sorted(float(c.get("cx")) for c in circles)
    assert len(root.findall(f"{SVG}line[@class='slip']")) == 2


def test_neighbourhood_draws_one_node_per_neighbour_linked_to_organisations():
    edges = [{"direction": "out", "relation": "commissions", "node_id": "org:a", "kind": "organisation",
              "label": "Brent CCG", "org_id": "a"},
             {"direction": "in", "relation": "funds", "node_id": "org:a", "kind": "organisation",
              "label": "Brent CCG", "org_id": "a"},
             {"direction": "in", "relation": "hosts", "node_id": "activity:x", "kind": "activity",
              "label": EVIL, "org_id": None}]
    root = ET.fromstring(str(neighbourhood("Brent Council", edges)))
    assert len(root.findall(f".//{SVG}circle")) == 3     # the centre and two neighbours
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["/organisations/a"]
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "→ commissions, ← funds" in labels and "← hosts" in labels
    assert EVIL[:33] in "".join(root.itertext()) and not root.findall(f".//{SVG}script")


def test_neighbourhood_draws_the_further_ring_from_its_neighbours():
    edges = [{"direction": "out", "relation": "commissions", "node_id": "org:a",
              "kind": "organisation", "label": "Brent CCG", "org_id": "a"}]
    outer = [{"direction": "out", "relation": "partners_with", "node_id": "org:b", "via": "org:a",
              "kind": "organisation", "label": "Brent Care Ltd", "org_id": "b"},
             {"direction": "in", "relation": "funds", "node_id": "org:a", "via": "org:a",
              "kind": "organisation", "label": "Brent CCG", "org_id": "a"}]
    root = ET.fromstring(str(neighbourhood("Brent Council", edges, outer)))
    assert len(root.findall(f".//{SVG}circle")) == 3      # centre, neighbour, one further
    assert [a.get("href") for a in root.findall(f"{SVG}a")] == ["/organisations/a",
                                                              "/organisations/b"]
    centre, near, far = [(float(c.get("cx")), float(c.get("cy")))
                         for c in root.findall(f".//{SVG}circle")]
    assert (abs(far[1] - centre[1]) > abs(near[1] - centre[1]))   # further out, same side
