"""Throughput of ingest without an orchestrator, against the raw parser, in one run.

    .venv/bin/python bench/throughput.py [--pages 400] [--noop-papers 1000] [--json bench/throughput.json]

On a generated text-dense agenda pack of --pages pages (a running header, a heading and
about 45 lines of numbered prose per page) it measures, side by side:
  floor       pdfplumber `page.extract_text()` over every page, in this one process;
  end to end  `ingest_serially` from a FolderSource into a new warehouse, then the
              cross-paper refresh and the search index: what `boardpapers ingest` does
              minus Prefect; split into parse, extract, load and cross-paper time;
then the speed-up of parse + extract over a batch of shorter generated papers from 1 to
2 worker processes, and a no-op re-run over --noop-papers unchanged one-page papers of eight lines
(listing and hashing reported apart from plan + settle). Prints a markdown table and
writes JSON. The machine is shared: the load average is reported with the numbers.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline.extract  # noqa: E402
import warehouse  # noqa: E402
from pipeline.crosspaper import refresh_cross_paper  # noqa: E402
from pipeline.ingest import extract_one, ingest_serially, load_one, plan  # noqa: E402
from pipeline.sources.local import FolderSource  # noqa: E402
from tests.packgen import SENTENCES, pack_pages  # noqa: E402
from tests.pdfgen import write_pdf  # noqa: E402

LINES_PER_PAGE = 45
BATCH_PAPERS, BATCH_PAGES = 6, 10


def dense_pages(pages: int, first_report: int = 1) -> list[list[tuple]]:
    """A4 pages filled like a dense agenda pack: header, footer, a heading every tenth page,
    numbered paragraphs of about 95 characters a line."""
    built = []
    for number in range(1, pages + 1):
        report, year = first_report + number // 10, 2015 + number % 7
        items = [(72, 800, "Exampleton Health and Wellbeing Board - 12 March 2019", 8)]
        y = 770
        if number % 10 == 1:
            items.append((72, y, f"{report}. Report {report}: services update", 13, True))
            y -= 24
        paragraph = 0
        while y > 70 and len(items) < LINES_PER_PAGE + 2:
            paragraph += 1
            sentence = SENTENCES[(number + paragraph) % len(SENTENCES)]
            text = sentence.format(year=year, next=year + 1, money=1 + (number + paragraph) % 9)
            follow = SENTENCES[(number + paragraph + 3) % len(SENTENCES)].format(
                year=year + 1, next=year + 2, money=2 + paragraph % 7)
            words = f"{report}.{paragraph} {text} {follow}".split()
            line: list[str] = []
            for word in words:
                if len(" ".join(line + [word])) > 95:
                    items.append((72, y, " ".join(line), 10))
                    y -= 13
                    line = []
                line.append(word)
            items.append((72, y, " ".join(line), 10))
            y -= 20
        items.append((290, 40, f"Page {number}", 8))
        built.append(items)
    return built


def peak_rss_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux). Parse workers are
    the forkserver's children, not this process's, so they are not in it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def raw_extract_text(path: Path) -> float:
    """The floor: pdfplumber's own text extraction of every page, one process."""
    started = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - started


class StageClock:
    """Wall time spent in the functions the ingest calls, by stage, measured in place."""

    def __init__(self) -> None:
        self.seconds = {"parse": 0.0, "extract": 0.0, "load": 0.0}
        self._originals = []

    def wrap(self, module, name: str, stage: str) -> None:
        original = getattr(module, name)

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - started

        self._originals.append((module, name, original))
        setattr(module, name, timed)

    def __enter__(self) -> StageClock:
        self.wrap(pipeline.extract, "parse_pdf", "parse")
        self.wrap(pipeline.extract, "extract_paper", "extract")
        self.wrap(warehouse, "load_paper", "load")
        return self

    def __exit__(self, *exc) -> None:
        for module, name, original in self._originals:
            setattr(module, name, original)


def end_to_end(folder: Path, db: Path) -> dict:
    """Ingest every paper in `folder` into a new warehouse, timed by stage."""
    con = warehouse.connect(db)
    started = time.perf_counter()
    with StageClock() as clock:
        papers = list(FolderSource(str(folder)).papers())
        outcomes = ingest_serially(con, papers, warehouse.start_run(con))
    cross_started = time.perf_counter()
    refresh_cross_paper(con)
    warehouse.refresh_search_index(con)
    finished = time.perf_counter()
    con.execute("CHECKPOINT")
    con.close()
    failed = [o for o in outcomes if o.status in ("failed", "still_failing")]
    if failed:
        raise SystemExit(f"ingest failed: {failed[0].path}: {failed[0].reason}")
    return {"seconds": finished - started, "cross_paper": finished - cross_started, **clock.seconds,
            "records": sum(sum(o.counts.values()) for o in outcomes)}


def parse_and_extract(path: str) -> int:
    return len(pipeline.extract.process_file(Path(path)).commitments)


def worker_speedup(paths: list[Path]) -> dict:
    """parse + extract of a batch of papers with 1 and with 2 worker processes (pools warmed
    with one paper first, so import time is not counted); the best of two interleaved
    rounds each, as other jobs share the machine."""
    seconds: dict[int, float] = {1: float("inf"), 2: float("inf")}
    for _round in range(2):
        for workers in (1, 2):
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(parse_and_extract, [str(paths[0])] * workers))
                started = time.perf_counter()
                list(pool.map(parse_and_extract, [str(p) for p in paths]))
                seconds[workers] = min(seconds[workers], time.perf_counter() - started)
    return {"one_worker": seconds[1], "two_workers": seconds[2], "speedup": seconds[1] / seconds[2]}


def noop_rerun(folder: Path, db: Path) -> dict:
    """Load `folder`'s papers (extracted on every core), then time a second pass that finds every one unchanged."""
    con = warehouse.connect(db)
    started = time.perf_counter()
    first = list(FolderSource(str(folder)).papers())
    run_id = warehouse.start_run(con)
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        for paper, result in zip(first, pool.map(extract_one, first, chunksize=20)):
            load_one(con, paper, "new", result, run_id)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    papers = list(FolderSource(str(folder)).papers())
    listed = time.perf_counter()
    work = plan(con, papers)
    planned = time.perf_counter()
    outcomes = ingest_serially(con, papers, warehouse.start_run(con))
    rerun = time.perf_counter() - planned
    con.close()
    unchanged = sum(o.status == "unchanged" for o in outcomes)
    if unchanged != len(papers) or work.to_extract:
        raise SystemExit(f"no-op re-run found {len(papers) - unchanged} papers changed")
    return {"papers": len(papers), "cold_ingest": cold, "list_and_hash": listed - started,
            "plan": planned - listed, "ingest_serially": rerun}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--noop-papers", type=int, default=1000)
    parser.add_argument("--json", default=str(ROOT / "bench" / "throughput.json"))
    args = parser.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        pack_folder, batch_folder, small_folder = scratch / "pack", scratch / "batch", scratch / "small"
        for folder in (pack_folder, batch_folder, small_folder):
            folder.mkdir()
        pack = write_pdf(pack_folder / f"agenda pack {args.pages} pages.pdf", dense_pages(args.pages))
        batch = [write_pdf(batch_folder / f"paper {n}.pdf", dense_pages(BATCH_PAGES, first_report=n * 10))
                 for n in range(BATCH_PAPERS)]
        for n in range(args.noop_papers):
            write_pdf(small_folder / f"paper {n:04}.pdf", pack_pages(1 + n % 2)[-1:])

        floor = raw_extract_text(pack)
        ingest = end_to_end(pack_folder, scratch / "pack.duckdb")
        db_bytes = (scratch / "pack.duckdb").stat().st_size
        pack_bytes = pack.stat().st_size
        rss = peak_rss_mb()
        speedup = worker_speedup(batch)
        noop = noop_rerun(small_folder, scratch / "small.duckdb")

    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},
        "pack": {"pages": args.pages, "file_bytes": pack_bytes},
        "floor_extract_text_s": floor, "end_to_end": ingest, "ratio_to_floor": ingest["seconds"] / floor,
        "pages_per_second": args.pages / ingest["seconds"], "peak_rss_mb": rss,
        "warehouse_bytes_per_1000_pages": db_bytes / args.pages * 1000,
        "workers": {"papers": BATCH_PAPERS, "pages_each": BATCH_PAGES, **speedup}, "noop": noop,
    }
    Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))


def table(r: dict) -> str:
    e, w, n = r["end_to_end"], r["workers"], r["noop"]
    rows = [
        ("raw pdfplumber extract_text, 1 process (floor)", f"{r['floor_extract_text_s']:.1f} s"),
        ("end to end: parse + extract + load + cross-paper", f"{e['seconds']:.1f} s"),
        ("ratio end to end / floor (bar: <= 0.8)", f"{r['ratio_to_floor']:.2f}"),
        ("  parse", f"{e['parse']:.1f} s"), ("  extract", f"{e['extract']:.1f} s"),
        ("  load", f"{e['load']:.1f} s"), ("  cross-paper + search index", f"{e['cross_paper']:.1f} s"),
        ("pages per second end to end", f"{r['pages_per_second']:.1f}"),
        ("peak RSS of the ingesting process (parse workers apart)", f"{r['peak_rss_mb']:.0f} MB"),
        ("warehouse bytes per 1,000 pages", f"{r['warehouse_bytes_per_1000_pages'] / 2**20:.1f} MiB"),
        (f"parse + extract, {w['papers']} papers x {w['pages_each']} pages: 1 worker / 2 workers",
         f"{w['one_worker']:.1f} s / {w['two_workers']:.1f} s"),
        ("speed-up 1 -> 2 workers (bar: >= 1.7)", f"{w['speedup']:.2f}x"),
        (f"no-op re-run, {n['papers']} unchanged papers: list + hash", f"{n['list_and_hash']:.2f} s"),
        ("no-op re-run: plan (bar: < 2 s)", f"{n['plan']:.2f} s"),
        ("no-op re-run: ingest_serially (plan + settle)", f"{n['ingest_serially']:.2f} s"),
        (f"cold ingest of those {n['papers']} papers, extracted on every core", f"{n['cold_ingest']:.1f} s"),
        ("load average before / after", " / ".join(f"{x:.2f}" for x in
                                                  (r["machine"]["load_average_before"][0],
                                                   r["machine"]["load_average_after"][0]))),
    ]
    lines = [f"pack: {r['pack']['pages']} pages, {r['machine']['cpus']} CPUs", "",
             "| measure | value |", "| --- | ---: |"]
    return "\n".join(lines + [f"| {name} | {value} |" for name, value in rows])


if __name__ == "__main__":
    main()
