"""Papers and their later updates, written for the cross-paper tests: some milestones restated
with later dates (some reworded), some unchanged, some reported achieved, some dropped.

TRUTH lists, per pair, which earlier milestone each later one restates (by a phrase of each
quote) and the slip in days a reader would count: the linking's answer key.
"""
from __future__ import annotations

import hashlib

from pipeline.extract import extract_paper
from schemas import PaperExtraction
from tests.textpaper import paper


def _cover(board: str, day: str, title: str, author: str) -> list[str]:
    return [board, f"Date: {day}", f"Report Title: {title}", f"Report Author: {author}"]


KINGSMERE_2018 = dict(name="kingsmere-hwb-mcp-2018", cover=_cover(
    "Kingsmere Health and Wellbeing Board", "14 June 2018", "Developing the Kingsmere MCP",
    "Sam Patel, Director of Strategy, NHS Kingsmere Clinical Commissioning Group"), blocks=[
    ("heading", "1. Purpose"),
    "This report updates the Kingsmere Health and Wellbeing Board on the development of a "
    "Multispecialty Community Provider (MCP) for the borough.",
    ("heading", "2. Timeline"),
    "The Kingsmere Multispecialty Community Provider will start to operate from April 2020, subject to "
    "approval of the final business case.",
    "Transfer of community nursing staff depends on the launch of the Kingsmere Multispecialty Community Provider.",
    "The CCG will commission the MCP contract from Kingsmere Community Health NHS Trust.",
    "Kingsmere Borough Council will sit on the Kingsmere MCP Programme Board.",
    "A single urgent care hub will open at Kingsmere Hospital in January 2019.",
    "Procurement of the community equipment service will be completed by December 2018.",
    "The integrated discharge team will be in place by October 2018.",
    "Kingsmere Borough Council will publish the carers' strategy in March 2020.",
    "The Board will receive the final business case for the MCP in September 2018.",
])

KINGSMERE_2019 = dict(name="kingsmere-hwb-mcp-update-2019", cover=_cover(
    "Kingsmere Health and Wellbeing Board", "10 January 2019", "Kingsmere MCP: progress update",
    "Sam Patel, Director of Strategy, NHS Kingsmere CCG"), blocks=[
    ("heading", "1. Purpose"),
    "This paper gives the Kingsmere Health and Wellbeing Board an update on the Kingsmere MCP.",
    ("heading", "2. Progress and revised timeline"),
    "The Kingsmere Multispecialty Community Provider will now start to operate from April 2021.",
    "Go-live of the single urgent care hub at Kingsmere Hospital is now planned for June 2019.",
    "The community equipment service procurement is now expected to complete by the end of March 2019.",
    "The integrated discharge team was established in October 2018.",
    "Kingsmere Borough Council will publish the carers' strategy in March 2020.",
    "The Board will receive a report on community pharmacy opening hours in March 2019.",
])

ASHDOWN_2019 = dict(name="ashdown-jhosc-ccg-merger-2019", cover=_cover(
    "Ashdown Joint Health Overview and Scrutiny Committee", "3 May 2019",
    "Proposed merger of Ashdown CCGs", "Lee Morgan, Accountable Officer, Ashdown CCGs"), blocks=[
    ("heading", "1. Summary"),
    "This paper sets out the proposal for the four Ashdown CCGs to merge into a single CCG.",
    ("heading", "2. Key dates"),
    "Governing bodies will decide whether to apply for merger in September 2019.",
    "GP members will vote on the merger in October 2019.",
    "The merged Ashdown CCG will be established from April 2020.",
    "A new primary care estates strategy will be agreed by December 2019.",
    "The Ashdown digital strategy will be published in December 2020.",
])

ASHDOWN_2020 = dict(name="ashdown-jhosc-ccg-merger-update-2020", cover=_cover(
    "Ashdown Joint Health Overview and Scrutiny Committee", "12 February 2020",
    "Merger of Ashdown CCGs: update", "Lee Morgan, Accountable Officer, Ashdown CCGs"), blocks=[
    ("heading", "1. Summary"),
    "This paper updates the Committee on the merger of the Ashdown CCGs.",
    ("heading", "2. Progress"),
    "Governing bodies decided to apply for merger in September 2019.",
    "The GP membership vote on the merger took place in November 2019.",
    "Establishment of the merged Ashdown CCG has been deferred to April 2021.",
    "The primary care estates strategy is now due to be agreed by June 2020.",
    "A new community diagnostics strategy will be agreed by September 2020.",
])

PAIRS = [(KINGSMERE_2018, KINGSMERE_2019), (ASHDOWN_2019, ASHDOWN_2020)]

# (phrase of the earlier milestone's quote, phrase of the later one's, slip in days or 0)
TRUTH = [
    ("start to operate from April 2020", "start to operate from April 2021", 365),
    ("urgent care hub will open", "urgent care hub at Kingsmere Hospital is now planned", 150),
    ("Procurement of the community equipment", "equipment service procurement", 90),
    ("discharge team will be in place", "discharge team was established", 0),
    ("publish the carers' strategy", "publish the carers' strategy", 0),
    ("decide whether to apply", "decided to apply", 0),
    ("will vote on the merger", "membership vote on the merger", 30),
    ("will be established from April 2020", "deferred to April 2021", 365),
    ("estates strategy will be agreed", "estates strategy is now due", 182),
]
OVERDUE = ["final business case for the MCP"]


def truth_ids(milestones: list[dict], pairs, truth) -> dict[tuple[str, str], int]:
    """A set of pairs' answer key as milestone ids: (earlier id, later id) -> slip days."""
    earlier_docs = {pair[0]["name"] for pair in pairs}
    out = {}
    for early, late, days in truth:
        [a] = [m["id"] for m in milestones if early in m["quote"] and m["doc"] in earlier_docs]
        [b] = [m["id"] for m in milestones if late in m["quote"] and m["doc"] not in earlier_docs]
        out[(a, b)] = days
    return out


def build(spec: dict) -> PaperExtraction:
    """The extraction of a written paper, with its own name and identity."""
    parsed, _ = paper(*spec["blocks"], cover=spec["cover"], name=f"{spec['name']}.pdf")
    parsed = parsed.model_copy(update={"sha256": hashlib.sha256(spec["name"].encode()).hexdigest()})
    return extract_paper(parsed)


def write_pdf_paper(spec: dict, folder) -> "Path":
    """The paper as a one-page PDF: cover lines, then each block as wrapped lines, headings bold."""
    import textwrap
    from pathlib import Path

    from tests.pdfgen import write_pdf

    items, y = [], 800.0
    for line in spec["cover"]:
        items.append((60, y, line, 11))
        y -= 30
    y -= 14
    for block in spec["blocks"]:
        kind, text = ("body", block) if isinstance(block, str) else block
        for line in textwrap.wrap(text, 95):
            items.append((60, y, line, 10, kind == "heading"))
            y -= 13
        y -= 12
    return write_pdf(Path(folder) / f"{spec['name']}.pdf", [items])


if __name__ == "__main__":
    import sys
    from pathlib import Path

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "paper-pairs")
    out.mkdir(parents=True, exist_ok=True)
    for pair in PAIRS:
        for spec in pair:
            print(write_pdf_paper(spec, out))
