"""A long agenda pack for load tests: many reports bound into one PDF, each page with a
running header, a numbered heading and paragraphs of the kind board papers carry."""
from __future__ import annotations

from pathlib import Path

from tests.pdfgen import write_pdf

SENTENCES = [
    "The Board is asked to note the progress made on the integrated care programme.",
    "The CCG will review the community services contract by March {year}.",
    "There is a risk that demand for home care outstrips capacity over the winter.",
    "The council has allocated £{money}m to the Better Care Fund pooled budget for {year}/{next}.",
    "The new discharge service will launch in April {next} across the borough.",
    "Partners will report back to the Board on delivery of the action plan in the autumn.",
]


def pack_pages(pages: int) -> list[list[tuple]]:
    """`pages` A4 pages; report n starts every tenth page with a cover line and a heading."""
    built = []
    for number in range(1, pages + 1):
        report, year = number // 10 + 1, 2015 + number % 7
        items = [(72, 800, "Exampleton Health and Wellbeing Board - 12 March 2019", 8),
                 (72, 760, f"{report}. Report {report}: services update part {number}", 13, True)]
        y = 730
        for i, template in enumerate(SENTENCES):
            text = template.format(year=year, next=year + 1, money=1 + (number + i) % 9)
            items.append((72, y, f"{report}.{i + 1} {text}", 10))
            y -= 28
        items.append((290, 40, f"Page {number}", 8))
        built.append(items)
    return built


def write_pack(path: str | Path, pages: int = 400) -> Path:
    return write_pdf(path, pack_pages(pages))
