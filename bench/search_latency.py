"""Search latency on a generated national warehouse (default 100,000 items), for the web
app's target: a results page (hits, total and facet counts) at p95 <= 50 ms at 1M items. Not
a test: it takes minutes and its numbers depend on the machine.

    python bench/search_latency.py [--records 100000] [--runs 100] [--sql] [--publish]

The warehouse comes from bench/national.py (bulk SQL, kept in .cache/national), and is
published as the nightly flow publishes it (warehouse/publish.py: Parquet and the tantivy
index), timed, unless a published version is there already (`--publish` redoes it).
Searches are timed as the web app makes them, on the published version: a page of 50 hits
with the total, with and without filters, the facet counts, and a results page (hits, total
and facet counts: TextIndex.results_page, what the search page asks for). `--sql` also times the SQL search over precomputed BM25 weights
(warehouse/browse.py) that the app used before, on the same warehouse.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import warehouse  # noqa: E402
from bench.national import national_warehouse  # noqa: E402
from warehouse.browse import Filters, facet_counts, faceted_search, prepare_browsing  # noqa: E402
from warehouse.generate import NATIONAL_BODIES  # noqa: E402
from warehouse.publish import current_version, publish  # noqa: E402
from web.snapshot import SnapshotReader  # noqa: E402

QUERIES = ["mental health", "commissioning", "dementia", "pooled fund", "delayed transfer",
           "workforce digital", "cancer maternity", "better care fund", "autism",
           "urgent emergency care", "housing", "governance review", "savings plan"]


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms"


def timed(run, times: int) -> str:
    """Wall-clock percentiles of `run()`, and of the CPU it used (all of DuckDB's threads):
    on a shared machine the wall clock includes waiting for a core, the CPU time does not."""
    wall, cpu = [], []
    for _ in range(times):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return f"{percentiles(wall)}   (CPU {percentiles(cpu)}, n={times})"


def published(db: Path, folder: Path, again: bool) -> SnapshotReader:
    """Publish the warehouse as the flow's last task does (unless it was and not `again`),
    and open it as the app does."""
    version = current_version(folder)
    if again or version is None:
        shutil.rmtree(folder, ignore_errors=True)
        con = warehouse.connect(db)
        started = time.perf_counter()
        version = publish(con, folder)
        con.close()
        print(f"publish: {time.perf_counter() - started:.0f} s")
    size = sum(f.stat().st_size for f in version.rglob("*") if f.is_file())
    index = sum(f.stat().st_size for f in (version / "search").rglob("*") if f.is_file())
    print(f"published version: {size / 1e6:.0f} MB "
          f"(search index {index / 1e6:.0f} MB; warehouse {db.stat().st_size / 1e6:.0f} MB)")
    reader = SnapshotReader(folder, poll_seconds=3600)
    before = resident_mb()
    started = time.perf_counter()
    reader.start()
    print(f"open a published version: {(time.perf_counter() - started) * 1000:.0f} ms, "
          f"+{resident_mb() - before:.0f} MB resident")
    return reader


def resident_mb() -> float:
    """This process's resident memory now (psutil, from the bench extra)."""
    import psutil

    return psutil.Process().memory_info().rss / 1e6


def cases(rng: random.Random, orgs: list[str]) -> dict:
    return {
        "search (query only)": lambda: Filters(query=rng.choice(QUERIES)),
        "search + type + org": lambda: Filters(query=rng.choice(QUERIES), type="commitment",
                                               org=rng.choice(orgs)),
        "search + committee + dates": lambda: Filters(
            query=rng.choice(QUERIES), committee="HWB", date_from=date(2014, 1, 1),
            date_to=date(2018, 12, 31)),
        "browse an organisation (no query)": lambda: Filters(org=rng.choice(orgs)),
    }


def measure(search, facets, page, runs: int, orgs: list[str], seed: int = 7) -> None:
    """One line per search kind: hits with their total alone, facet counts alone, and a
    whole results page (hits, total and facet counts) as the app's search page asks it."""
    rng = random.Random(seed)
    for name, make in cases(rng, orgs).items():
        print(f"{name:36} {timed(lambda: search(make()), runs)}")
    print(f"{'facet counts (query only)':36} "
          f"{timed(lambda: facets(Filters(query=rng.choice(QUERIES))), runs)}")
    for name, make in cases(rng, orgs).items():
        print(f"{'page: ' + name:36} {timed(lambda: page(make()), runs)}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=Path(".cache/national"))
    parser.add_argument("--runs", type=int, default=100, help="timed searches per case")
    parser.add_argument("--sql", action="store_true", help="also time the SQL search")
    parser.add_argument("--publish", action="store_true",
                        help="publish again even if a published version is there")
    args = parser.parse_args()
    db = national_warehouse(args.folder, args.records)
    reader = published(db, args.folder / f"national-{args.records}.published", args.publish)
    try:
        with reader.view() as view:
            print(f"searchable items: {view.index.searcher.num_docs}")
            orgs = [o for o, _ in sorted(json.loads(
                (reader._current.version / "labels.json").read_text())["org"].items())]
            orgs = [o for o in orgs if o not in {n.lower().replace(" ", "-")
                                                 for n in NATIONAL_BODIES}][:50]
            print("search index (tantivy), as the web app searches:")
            measure(lambda f: view.index.faceted_search(f, limit=50), view.index.facet_counts,
                    lambda f: view.index.results_page(f, limit=50), args.runs, orgs)
            print(f"resident memory after the searches: {resident_mb():.0f} MB")
    finally:
        reader.stop()
    if args.sql:
        con = warehouse.connect(db)
        started = time.perf_counter()
        prepare_browsing(con)
        print(f"SQL over precomputed BM25 weights (prepare_browsing "
              f"{time.perf_counter() - started:.0f} s):")
        def page(f):
            return faceted_search(con, f, limit=50), facet_counts(con, f)
        measure(lambda f: faceted_search(con, f, limit=50), lambda f: facet_counts(con, f),
                page, max(args.runs // 4, 10), orgs)
        con.close()


if __name__ == "__main__":
    main()
