"""What OCR costs: seconds per scanned page, and the scans' share of a night's reading.

    .venv/bin/python bench/ocr.py [FOLDER]   (default ../shared/corpus/unannotated)

1. per page: every page of every scan in FOLDER (a page OCR reads) rendered and read by
   Tesseract in this process, one page at a time: wall and CPU seconds a page (CPU counts
   this process and its Tesseract subprocesses) and the OCR's mean word confidence;
2. per paper: each paper in FOLDER parsed and extracted in this one process, CPU seconds
   and pages, scans and born-digital papers apart: the scans' share of the CPU a night spends
   reading these papers, which on a shared machine says more than wall time;
3. both cores: each scan parsed in one process, then as ingest parses it (its pages shared
   among one worker process per CPU), wall seconds.
The load average is printed before and after each part: the machine is shared.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import ocr, parse  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import extract_paper  # noqa: E402
from pipeline.workers import cpus  # noqa: E402


def load() -> str:
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def scanned_pages(path: Path) -> list[int] | None:
    """The pages of `path` OCR reads (1-based), or None for a file that does not open."""
    try:
        pdf, pages = parse._open(path)
    except PaperError:
        return None
    with pdf:
        found = []
        for page in pages:
            if ocr.is_scan(page, page.extract_words(**parse.WORD_OPTIONS)):
                found.append(page.page_number)
            page.close()
    return found


def cpu() -> float:
    """CPU seconds of this process and its finished subprocesses (Tesseract)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def per_page(path: Path, numbers: list[int]) -> list[tuple[float, float, float]]:
    """(wall seconds, CPU seconds, confidence) of each page OCR'd in this process."""
    pdf, pages = parse._open(path)
    with pdf:
        out = []
        for number in numbers:
            started, used = time.perf_counter(), cpu()
            read = ocr.read_page(pages[number - 1])
            out.append((time.perf_counter() - started, cpu() - used, read.confidence))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "unannotated")
    args = parser.parse_args()
    if missing := ocr.tesseract_missing():
        sys.exit(missing)
    papers = sorted(args.folder.glob("*.pdf"))
    print(f"{len(papers)} papers in {args.folder}, {cpus()} CPUs, {ocr.DPI} dpi; {load()}")
    scans = {path: pages for path in papers if (pages := scanned_pages(path))}

    print("\n1. OCR per page, one process")
    print(f"{'scan':58} {'pages':>5} {'wall s/page':>11} {'CPU s/page':>10} {'min-max CPU':>11} {'conf':>5}")
    for path, numbers in scans.items():
        timed = per_page(path, numbers)
        walls, cpus_used = [t[0] for t in timed], [t[1] for t in timed]
        print(f"{path.stem[:58]:58} {len(timed):5} {sum(walls) / len(timed):11.2f} {sum(cpus_used) / len(timed):10.2f} "
              f"{min(cpus_used):5.2f}-{max(cpus_used):<5.2f} {sum(t[2] for t in timed) / len(timed):5.1f}")
    print(load())

    print("\n2. parse and extract per paper, one process")
    print(f"{'paper':58} {'pages':>5} {'CPU s':>7} {'CPU s/page':>10} {'records':>7}")
    totals = {True: [0, 0.0], False: [0, 0.0]}       # scanned? -> [pages, CPU seconds]
    for path in papers:
        used = cpu()
        try:
            extraction = extract_paper(parse.parse_pdf(path, parallel_min_pages=10**9))
        except PaperError as error:
            print(f"{path.stem[:58]:58} failed: {error}")
            continue
        seconds, pages = cpu() - used, extraction.document.pages
        totals[path in scans][0] += pages
        totals[path in scans][1] += seconds
        records = sum(len(found) for found in extraction.records().values())
        print(f"{path.stem[:58]:58} {pages:5} {seconds:7.1f} {seconds / pages:10.2f} {records:7}")
    all_pages, all_seconds = (sum(t[i] for t in totals.values()) for i in (0, 1))
    for scanned, label in ((True, "scans"), (False, "born-digital")):
        pages, seconds = totals[scanned]
        if pages:
            print(f"{label:13} {pages:4} pages ({pages / all_pages:4.0%}) {seconds:7.1f} CPU s "
                  f"({seconds / all_seconds:4.0%}) {seconds / pages:6.2f} CPU s/page")
    print(load())

    print(f"\n3. each scan parsed in one process, then shared among {cpus()} worker processes")
    print(f"{'scan':58} {'one process s':>13} {'shared s':>8}")
    for path in scans:
        walls = []
        for options in ({"parallel_min_pages": 10**9}, {}):
            started = time.perf_counter()
            parse.parse_pdf(path, **options)
            walls.append(time.perf_counter() - started)
        print(f"{path.stem[:58]:58} {walls[0]:13.1f} {walls[1]:8.1f}")
    print(load())


if __name__ == "__main__":
    main()
