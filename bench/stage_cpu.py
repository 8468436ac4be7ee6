"""CPU seconds of each stage of reading a paper, in this one process, against the floor:

    python bench/stage_cpu.py                      # the benchmark's 400-page generated pack
    python bench/stage_cpu.py --pages 100          # a shorter pack
    python bench/stage_cpu.py PDF ...              # real papers, summed
    python bench/stage_cpu.py --profile parse      # and cProfile's top functions of a stage
    python bench/stage_cpu.py --cached PDF ...     # from prepare on: parses from bench/extraction.py's cache

CPU time (`time.process_time`), not wall time: the machine is shared, and CPU seconds are
what the 2 cores must find for `boardpapers ingest` to keep within its bar (0.8 of the
floor, bench/throughput.py). The stages are those a worker and the command's process run:
floor (pdfplumber's `extract_text` of every page), parse (pages laid out, then the paper
assembled), prepare (zones, bodies, metadata), sentences (build_context) and each extractor.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import parsed  # noqa: E402
from bench.throughput import dense_pages  # noqa: E402
from extractors.context import build_context  # noqa: E402
from extractors.records import RECORD_EXTRACTORS  # noqa: E402
from pipeline.extract import combine, prepare  # noqa: E402
from pipeline.parse import assemble, lay_out_pages  # noqa: E402
from tests.pdfgen import write_pdf  # noqa: E402


class Stages:
    """CPU seconds by stage, summed over papers; cProfile of one stage if asked."""

    def __init__(self, profiled: str | None) -> None:
        self.seconds: dict[str, float] = {}
        self.least: dict[str, float] = {}      # each stage's least seconds over repeats
        self.profiled = profiled
        self.profile = cProfile.Profile()

    def repeat(self) -> None:
        """Start a repeat: keep each stage's least seconds so far, the one least disturbed by
        other processes on a shared machine."""
        for stage, seconds in self.seconds.items():
            self.least[stage] = min(seconds, self.least.get(stage, seconds))
        self.seconds = {}

    def run(self, stage: str, call, *args):
        profiling = bool(self.profiled) and stage.startswith(self.profiled)
        if profiling:
            self.profile.enable()
        started = time.process_time()
        result = call(*args)
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.process_time() - started
        if profiling:
            self.profile.disable()
        return result


def floor(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()


def read(path: Path, stages: Stages, cache: Path | None) -> None:
    if cache:
        paper = parsed(path, cache)
    else:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        stages.run("floor", floor, path)
        layouts = stages.run("parse: lay out pages", lay_out_pages, path, 1, pages)
        paper = stages.run("parse: assemble", assemble, path, layouts)
    prepared = stages.run("prepare", prepare, paper)
    ctx = stages.run("sentences", build_context, prepared.paper, prepared.document, prepared.orgs)
    records = {field: stages.run(field, extract, ctx) for field, extract in RECORD_EXTRACTORS.items()}
    stages.run("combine", combine, prepared, [records])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=400, help="the generated pack's pages, when no PDF is given")
    ap.add_argument("--profile", metavar="STAGE", help="print cProfile's top functions of the stages named so")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--repeat", type=int, default=1, help="read them this many times, each stage's least CPU time kept")
    ap.add_argument("--cached", action="store_true",
                    help="take parses from bench/extraction.py's cache (parsing them the first time), "
                         "and time only what follows parsing")
    ap.add_argument("--cache", type=Path, default=ROOT / ".cache" / "parsed")
    ap.add_argument("--write-pack", type=Path, metavar="PDF", help="write the generated pack here and keep it")
    args = ap.parse_args()
    stages = Stages(args.profile)
    with tempfile.TemporaryDirectory() as scratch:
        pdfs = args.pdfs or [write_pdf(args.write_pack or Path(scratch) / "pack.pdf", dense_pages(args.pages))]
        for _ in range(args.repeat):
            for pdf in pdfs:
                read(pdf, stages, args.cache if args.cached else None)
            stages.repeat()
    print(f"| stage | CPU s{' (least of %d)' % args.repeat if args.repeat > 1 else ''} |\n| --- | ---: |")
    for stage, seconds in stages.least.items():
        print(f"| {stage} | {seconds:.2f} |")
    work = sum(s for stage, s in stages.least.items() if stage != "floor")
    print(f"| all but the floor | {work:.2f} |")
    if args.profile:
        pstats.Stats(stages.profile).sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
