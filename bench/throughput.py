"""Throughput of ingest against the raw parser, side by side in one run, by two paths.

    .venv/bin/python bench/throughput.py [--pages 400] [--rounds 3] [--real DIR]
        [--noop-papers 1000] [--skip-workers] [--skip-noop] [--json bench/throughput.json]

On a generated text-dense agenda pack of --pages pages (a running header, a heading and
about 45 lines of numbered prose per page), each of --rounds rounds measures back to back:
  floor    pdfplumber `page.extract_text()` over every page, in this one process;
  library  `ingest_here` from a FolderSource into a new warehouse (the run's steps, then the
           cross-paper refresh and the search index): what `boardpapers ingest` does minus
           Prefect, split into parse, extract, load and cross-paper (link and graph); a long
           paper's pages are laid out across one forkserver process per CPU, as
           pipeline/parse.py does;
  cli      the product path: `boardpapers ingest FOLDER --db DB` as a new process
           (bench/clipath.py), into a new warehouse, timed from the outside: the
           interpreter's start, Prefect's temporary API and the worker pool's start are in.
The machine is shared and its speed drifts, so each path's ratio to the floor is taken
within a round and the headline is the median over rounds. Before the rounds, the
command line's fixed costs: over an empty folder (nothing to read, so neither Prefect nor
a pool starts) and over a one-page paper (both start: what every run that reads pays).

Peak RSS: psutil samples the whole process tree (this process, worker processes and their
children) every 0.1 s during each end-to-end run: the largest total and the largest single
process. The cli path leaves out the processes already running when it starts (the
library path's forkserver). Without psutil (the `bench` extra) those are null; this
process's own peak (ru_maxrss) is always reported.

Then the same rounds of floor against library over the real papers in --real (default
../shared/corpus/papers beside the repo, when it exists; --real '' skips), the floor summed
over papers; the speed-up of parse + extract over a batch of shorter generated papers from
1 to 2 worker processes (--skip-workers), one speed-up a round with the order alternating,
median as headline; and a no-op re-run over --noop-papers unchanged one-page papers of
eight lines (--skip-noop): the library path's listing and hashing apart from its plan, and
`boardpapers ingest` over them as a process, which decides there is nothing to read
before it starts Prefect or a pool, so it starts neither.

Bars: median ratio to the floor <= 0.8 on the pack, for both paths; the command line's
no-op re-run <= 3 s; median speed-up >= 1.7 from 1 to 2 workers. Prints markdown tables
and writes JSON, with the load average before and after.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
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
import pipeline.ingest  # noqa: E402
from bench.clipath import run_cli  # noqa: E402
from bench.treerss import TreeRSS, descendants_now  # noqa: E402
from pipeline.discover import discover  # noqa: E402
from pipeline.ingest import ingest_here, ingest_serially, load_one, plan, refresh_derived  # noqa: E402
from pipeline.reading import extract_one  # noqa: E402
from pipeline.sources.local import FolderSource  # noqa: E402
from tests.packgen import SENTENCES, pack_pages, write_pack  # noqa: E402
from tests.pdfgen import write_pdf  # noqa: E402

LINES_PER_PAGE = 45
BATCH_PAPERS, BATCH_PAGES = 6, 10
DEFAULT_REAL = ROOT.parent / "shared" / "corpus" / "papers"


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
    """Peak resident memory of this process alone over the whole benchmark (ru_maxrss is
    KiB on Linux): the number reported before the tree was sampled, kept to compare with."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(paths: list[Path]) -> tuple[float, int]:
    """The floor: pdfplumber's own text extraction of every page of `paths`, one process,
    seconds summed over papers; and the number of pages."""
    seconds, pages = 0.0, 0
    for path in paths:
        started = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
        seconds += time.perf_counter() - started
    return seconds, pages


class StageClock:
    """Wall time spent in the functions the ingest calls, by stage, measured in place."""

    def __init__(self) -> None:
        self.seconds = {"parse": 0.0, "extract": 0.0, "load": 0.0, "cross_paper": 0.0}
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
        self.wrap(pipeline.ingest, "refresh_derived", "cross_paper")
        return self

    def __exit__(self, *exc) -> None:
        for module, name, original in self._originals:
            setattr(module, name, original)


def end_to_end(folder: Path, db: Path) -> dict:
    """Library path: ingest every paper in `folder` into a new warehouse from this process,
    timed by stage, with the tree's RSS."""
    con = warehouse.connect(db)
    with TreeRSS() as rss:
        started = time.perf_counter()
        with StageClock() as clock:
            summary = ingest_here(con, [str(folder)], list(FolderSource(str(folder)).papers()))
        finished = time.perf_counter()
    con.execute("CHECKPOINT")
    con.close()
    if summary.failures:
        raise SystemExit(f"ingest failed: {summary.failures[0].path}: {summary.failures[0].reason}")
    records = sum(n for kind, n in summary.records.items() if kind != "section")     # as the CLI counts them
    return {"seconds": finished - started, **clock.seconds, "records": records, **tree_rss(rss)}


def cli_end_to_end(folder: Path, db: Path) -> dict:
    """The cli path: `boardpapers ingest` over `folder` into a new warehouse as a process,
    wall time and the RSS of its tree (its server and workers), not of the processes the
    library path left idle (its forkserver)."""
    with TreeRSS(exclude=descendants_now()) as rss:
        run = run_cli(folder, db)
    return {"seconds": run.seconds, "records": run.records, **tree_rss(rss)}


def cli_fixed_costs(scratch: Path) -> dict:
    """What every `boardpapers ingest` pays whatever it reads: over an empty folder (nothing
    to read: no Prefect, no pool), and over a one-page paper (Prefect's temporary API and
    the pool start, the flow runs)."""
    empty, tiny = scratch / "empty", scratch / "one page"
    empty.mkdir()
    tiny.mkdir()
    write_pack(tiny / "one page.pdf", 1)
    return {"empty_folder_s": run_cli(empty, scratch / "fixed 1.duckdb").seconds,
            "one_page_s": run_cli(tiny, scratch / "fixed 2.duckdb").seconds}


def tree_rss(rss: TreeRSS) -> dict:
    """A run's peaks under the names the JSON and the table use."""
    return {"tree_rss_mb": rss.peak_total_mb, "largest_process_rss_mb": rss.peak_single_mb}


def side_by_side(paths: list[Path], folder: Path, scratch: Path, name: str, rounds: int,
                 with_cli: bool) -> dict:
    """Each round: the floor, then the library path (then the cli path) on the same papers
    back to back, so the ratios compare runs that shared the machine's speed of the moment."""
    paths_run, measured = ("library", "cli") if with_cli else ("library",), []
    for n in range(rounds):
        seconds, pages = floor(paths)
        one = {"floor_s": seconds, "library": end_to_end(folder, scratch / f"{name} library {n}.duckdb")}
        if with_cli:
            one["cli"] = cli_end_to_end(folder, scratch / f"{name} cli {n}.duckdb")
        for path in paths_run:
            one[path]["ratio_to_floor"] = one[path]["seconds"] / seconds
        measured.append(one)
    return {"papers": len(paths), "pages": pages, "rounds": measured,
            "median_floor_s": statistics.median(one["floor_s"] for one in measured),
            "median": {path: medians(pages, [one[path] for one in measured]) for path in paths_run},
            "peak_rss": {path: peak_rss([one[path] for one in measured]) for path in paths_run}}


def real_side_by_side(folder: Path, scratch: Path, rounds: int) -> dict:
    """Floor against the library path over the papers in `folder`, the very files the
    ingest lists (PDFs found recursively)."""
    papers = discover([folder])
    if not papers:
        raise SystemExit(f"--real {folder}: no PDFs there")
    return side_by_side(papers, folder, scratch, "real", rounds, with_cli=False)


def medians(pages: int, runs: list[dict]) -> dict:
    """The median over rounds of each time and of the ratio; pages per second from the
    median time."""
    keys = [key for key, value in runs[0].items() if isinstance(value, float) and not key.endswith("_mb")]
    middle = {key: statistics.median(run[key] for run in runs) for key in keys}
    return {**middle, "pages_per_second": pages / middle["seconds"]}


def peak_rss(runs: list[dict]) -> dict:
    """The largest of each round's peaks (None without psutil)."""
    return {key: None if runs[0][key] is None else max(run[key] for run in runs)
            for key in ("tree_rss_mb", "largest_process_rss_mb")}


def parse_and_extract(path: str) -> int:
    """A pool's unit of work: a module-level function, so it pickles; returns a count so
    only a number, not the extraction, comes back over the pipe."""
    return len(pipeline.extract.process_file(Path(path)).commitments)


def worker_speedup(paths: list[Path], rounds: int) -> dict:
    """parse + extract of a batch of papers with 1 and with 2 worker processes (pools warmed
    with one paper first, so import time is not counted), once each a round, the order
    alternating so a drift in the machine's speed favours neither; median of the
    per-round speed-ups."""
    measured = []
    for n in range(rounds):
        seconds = {}
        for workers in ((1, 2) if n % 2 == 0 else (2, 1)):
            with ProcessPoolExecutor(max_workers=workers) as pool:
                list(pool.map(parse_and_extract, [str(paths[0])] * workers))
                started = time.perf_counter()
                list(pool.map(parse_and_extract, [str(p) for p in paths]))
                seconds[workers] = time.perf_counter() - started
        measured.append({"one_worker": seconds[1], "two_workers": seconds[2],
                         "speedup": seconds[1] / seconds[2]})
    return {"papers": len(paths), "pages_each": BATCH_PAGES, "rounds": measured,
            "median_speedup": statistics.median(one["speedup"] for one in measured)}


def noop_rerun(folder: Path, db: Path) -> dict:
    """Load `folder`'s papers (extracted on every core, then the cross-paper tables and the
    search index brought up to date, as a run leaves them), then time second passes that
    find every one unchanged: the library path's plan, and `boardpapers ingest` as a process."""
    con = warehouse.connect(db)
    started = time.perf_counter()
    first = list(FolderSource(str(folder)).papers())
    run_id = warehouse.start_run(con)
    with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
        for paper, result in zip(first, pool.map(extract_one, first, chunksize=20)):
            load_one(con, paper, "new", result, run_id)
    refresh_derived(con)
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
    cli = run_cli(folder, db)
    if cli.papers["unchanged"] != len(papers):
        raise SystemExit(f"no-op boardpapers ingest found {len(papers) - cli.papers['unchanged']} papers changed")
    return {"papers": len(papers), "cold_ingest": cold, "list_and_hash": listed - started,
            "plan": planned - listed, "ingest_serially": rerun, "cli": cli.seconds}


def generate(scratch: Path, pages: int, batch_papers: int, noop_papers: int) -> tuple[Path, list[Path], Path]:
    """The pack, the batch for the worker speed-up and the no-op papers, each in a folder
    of its own (skipped steps get no papers, so quick runs stay quick)."""
    for name in ("pack", "batch", "small"):
        (scratch / name).mkdir()
    pack = write_pdf(scratch / "pack" / f"agenda pack {pages} pages.pdf", dense_pages(pages))
    batch = [write_pdf(scratch / "batch" / f"paper {n}.pdf", dense_pages(BATCH_PAGES, first_report=n * 10))
             for n in range(batch_papers)]
    for n in range(noop_papers):
        write_pdf(scratch / "small" / f"paper {n:04}.pdf", pack_pages(1 + n % 2)[-1:])
    return pack, batch, scratch / "small"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--real", default=str(DEFAULT_REAL) if DEFAULT_REAL.is_dir() else "")
    parser.add_argument("--noop-papers", type=int, default=1000)
    parser.add_argument("--skip-workers", action="store_true")
    parser.add_argument("--skip-noop", action="store_true")
    parser.add_argument("--json", default=str(ROOT / "bench" / "throughput.json"))
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        pack, batch, small = generate(scratch, args.pages, 0 if args.skip_workers else BATCH_PAPERS,
                                      0 if args.skip_noop else args.noop_papers)
        pack_bytes = pack.stat().st_size
        fixed = cli_fixed_costs(scratch)
        packed = side_by_side([pack], pack.parent, scratch, "pack", args.rounds, with_cli=True)
        db_bytes = (scratch / f"pack library {args.rounds - 1}.duckdb").stat().st_size
        real = real_side_by_side(Path(args.real), scratch, args.rounds) if args.real else None
        workers = None if args.skip_workers else worker_speedup(batch, args.rounds)
        noop = None if args.skip_noop else noop_rerun(small, scratch / "small.duckdb")

    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_before": load_before, "load_average_after": os.getloadavg()},
        "rounds": args.rounds, "cli_fixed": fixed,
        "pack": {"file_bytes": pack_bytes, **packed},
        "real": real, "peak_rss_self_mb": peak_rss_mb(),
        "warehouse_bytes_per_1000_pages": db_bytes / args.pages * 1000,
        "workers": workers, "noop": noop,
    }
    Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    print(table(result))


def table(r: dict) -> str:
    """Every round side by side, then the headline numbers against their bars."""
    return "\n\n".join([f"{r['machine']['cpus']} CPUs, {r['rounds']} rounds", rounds_table(r),
                        summary_table(r)])


def rounds_table(r: dict) -> str:
    """One row a round and path, then the median, for the pack and the real papers."""
    lines = ["| papers | path | round | pages | floor s | end to end s | ratio | pages/s |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for label, runs in (("generated pack", r["pack"]), ("real papers", r["real"])):
        if runs is None:
            continue
        label, pages = f"{label} ({runs['papers']})", runs["pages"]
        for path, m in runs["median"].items():
            rows = [(str(n), one["floor_s"], one[path]) for n, one in enumerate(runs["rounds"], 1)]
            for n, floor_s, e in rows + [("median", runs["median_floor_s"], m)]:
                lines.append(f"| {label} | {path} | {n} | {pages} | {floor_s:.2f} | {e['seconds']:.2f} "
                             f"| {e['ratio_to_floor']:.2f} | {pages / e['seconds']:.1f} |")
    lines.append("\nmedian rows: each time's median over rounds; the ratio is the median of the rounds' "
                 "ratios (the headline), pages/s is from the median time.")
    return "\n".join(lines)


def summary_table(r: dict) -> str:
    """Start-up, ratios, stages, memory, size, speed-up and no-op re-run, one a row."""
    load = r["machine"]
    rows = (pack_rows(r) + memory_rows(r) + worker_rows(r["workers"]) + noop_rows(r["noop"])
            + [("load average before / after",
                f"{load['load_average_before'][0]:.2f} / {load['load_average_after'][0]:.2f}")])
    return "\n".join(["| measure | value |", "| --- | ---: |"] + [f"| {name} | {value} |" for name, value in rows])


def pack_rows(r: dict) -> list[tuple[str, str]]:
    """The command line's fixed costs, then the headline ratios against their bar."""
    fixed, pack = r["cli_fixed"], r["pack"]
    lib, cli = pack["median"]["library"], pack["median"]["cli"]
    rows = [
        ("boardpapers ingest, empty folder: nothing to read, no Prefect, no pool", f"{fixed['empty_folder_s']:.1f} s"),
        ("boardpapers ingest, a one-page paper: Prefect's API, the pool and the flow start",
         f"{fixed['one_page_s']:.1f} s"),
        ("pack, median ratio to floor, library path (bar: <= 0.8)", against(lib["ratio_to_floor"], 0.8, "<=")),
        ("pack, median ratio to floor, boardpapers ingest, everything in (bar: <= 0.8)",
         against(cli["ratio_to_floor"], 0.8, "<=")),
        ("  library: parse / extract / load / cross-paper links and graph + search index (medians)",
         " / ".join(f"{lib[k]:.1f}" for k in ("parse", "extract", "load", "cross_paper")) + " s"),
        ("pages per second, library / cli (median)",
         f"{lib['pages_per_second']:.1f} / {cli['pages_per_second']:.1f}"),
    ]
    if r["real"]:
        rows.append(("real papers, median ratio to floor, library path",
                     f"{r['real']['median']['library']['ratio_to_floor']:.2f}"))
    return rows


def memory_rows(r: dict) -> list[tuple[str, str]]:
    """Peak RSS by path (tree and largest process), this process's own, warehouse size."""
    rows = [(f"peak RSS, {path} path: process tree / largest process",
             " / ".join("n/a (no psutil)" if mb is None else f"{mb:.0f} MB" for mb in peaks.values()))
            for path, peaks in r["pack"]["peak_rss"].items()]
    return rows + [
        ("peak RSS of this process alone (ru_maxrss, whole benchmark)", f"{r['peak_rss_self_mb']:.0f} MB"),
        ("warehouse bytes per 1,000 pages", f"{r['warehouse_bytes_per_1000_pages'] / 2**20:.1f} MiB")]


def worker_rows(w: dict | None) -> list[tuple[str, str]]:
    """Each round's 1- and 2-worker times, and the median speed-up against its bar."""
    if w is None:
        return []
    return [(f"parse + extract, {w['papers']} papers x {w['pages_each']} pages: 1 / 2 workers, by round",
             ", ".join(f"{x['one_worker']:.1f} / {x['two_workers']:.1f} s" for x in w["rounds"])),
            ("median speed-up 1 -> 2 workers (bar: >= 1.7)", against(w["median_speedup"], 1.7, ">=", "x"))]


def noop_rows(n: dict | None) -> list[tuple[str, str]]:
    """The no-op re-run by path against its bar, and the cold ingest it follows."""
    if n is None:
        return []
    return [(f"no-op re-run, {n['papers']} unchanged papers: list + hash", f"{n['list_and_hash']:.2f} s"),
            ("no-op re-run, library: plan (bar: < 2 s)", against(n["plan"], 2, "<", " s")),
            ("no-op re-run, library: ingest_serially (plan + settle)", f"{n['ingest_serially']:.2f} s"),
            ("no-op re-run, boardpapers ingest as a process (bar: <= 3 s)", against(n["cli"], 3, "<=", " s")),
            (f"cold ingest of those {n['papers']} papers, extracted on every core", f"{n['cold_ingest']:.1f} s")]


def against(value: float, bar: float, op: str, unit: str = "") -> str:
    """The value, and whether it meets its bar."""
    met = {"<=": value <= bar, ">=": value >= bar, "<": value < bar}[op]
    return f"{value:.2f}{unit} ({'met' if met else 'missed'})"


if __name__ == "__main__":
    main()
