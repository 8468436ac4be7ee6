"""What OCR costs: seconds per scanned page, and the scans' share of a night's reading.

    .venv/bin/python bench/ocr.py [FOLDER]   (default ../shared/corpus/unannotated)

1. per page: every page of every scan in FOLDER (a PDF whose pages OCR reads) rendered and
   read by Tesseract in this one process, one page at a time: seconds per page and the OCR's
   mean word confidence;
2. per paper: each paper in FOLDER parsed and extracted as ingest does it (`process_file`: a
   scan's pages shared among worker processes, one per CPU), wall seconds and pages, scans
   and born-digital papers apart, and the scans' share of the whole.
The load average is printed before and after: the machine is shared, and OCR is CPU-bound.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline import ocr, parse  # noqa: E402
from pipeline.errors import PaperError  # noqa: E402
from pipeline.extract import process_file  # noqa: E402
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


def per_page(path: Path, numbers: list[int]) -> list[tuple[float, float]]:
    """(seconds, confidence) of each page OCR'd in this process."""
    pdf, pages = parse._open(path)
    with pdf:
        out = []
        for number in numbers:
            started = time.perf_counter()
            read = ocr.read_page(pages[number - 1])
            out.append((time.perf_counter() - started, read.confidence))
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
    print(f"{'scan':58} {'pages':>5} {'s/page':>7} {'min':>6} {'max':>6} {'conf':>5}")
    serial = {}
    for path, numbers in scans.items():
        timed = per_page(path, numbers)
        seconds = [s for s, _ in timed]
        serial[path] = sum(seconds)
        print(f"{path.stem[:58]:58} {len(timed):5} {sum(seconds) / len(timed):7.2f} {min(seconds):6.2f} "
              f"{max(seconds):6.2f} {sum(c for _, c in timed) / len(timed):5.1f}")
    print(load())

    print(f"\n2. parse and extract per paper, as ingest does ({cpus()} worker processes for a long or scanned one)")
    print(f"{'paper':58} {'pages':>5} {'wall s':>7} {'s/page':>7} {'records':>7}")
    totals = {True: [0, 0.0], False: [0, 0.0]}       # scanned? -> [pages, seconds]
    for path in papers:
        started = time.perf_counter()
        try:
            extraction = process_file(path)
        except PaperError as error:
            print(f"{path.stem[:58]:58} failed: {error}")
            continue
        seconds = time.perf_counter() - started
        pages = extraction.document.pages
        totals[path in scans][0] += pages
        totals[path in scans][1] += seconds
        records = sum(len(found) for found in extraction.records().values())
        speedup = f"  (OCR alone serially {serial[path]:.1f} s)" if path in scans else ""
        print(f"{path.stem[:58]:58} {pages:5} {seconds:7.1f} {seconds / pages:7.2f} {records:7}{speedup}")
    print(load())
    all_pages, all_seconds = (sum(t[i] for t in totals.values()) for i in (0, 1))
    for scanned, label in ((True, "scans"), (False, "born-digital")):
        pages, seconds = totals[scanned]
        if pages:
            print(f"{label:13} {pages:4} pages ({pages / all_pages:4.0%}) {seconds:7.1f} s ({seconds / all_seconds:4.0%}) "
                  f"{seconds / pages:6.2f} s/page")


if __name__ == "__main__":
    main()
