"""Warehouses at national scale in minutes, for timing search and serving: records written by
bulk SQL (warehouse/generate.py) and the warehouse's own search index, each timed; then a
night's increment on each: its new papers loaded, cross-paper linking, the search index, the
publish step the web app reads and the checkpoint that writes the night to the file, each
timed, with a search page on the new version and a night that changed nothing.

    python bench/national.py [--records 100000 1000000] [--folder .cache/national]
                             [--papers 200] [--cross-paper]

A warehouse already built at a size is reused (delete it to rebuild), and so is its published
version (bench/search_latency.py's); the night runs on a copy of both, so that the base stays
as it was. The night's papers are written by bulk SQL, as the base's are (where the nightly
flow loads each through load_paper). With --cross-paper the base is first linked across
papers (refresh_cross_paper) and published so, and the night links again: without it the
night skips the step, and both base and night have no cross-paper tables. Not a test: the 1M
warehouse takes minutes and a gigabyte of disk.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import warehouse  # noqa: E402
from warehouse.browse import Filters  # noqa: E402
from warehouse.generate import add_national_papers, build_national  # noqa: E402
from warehouse.publish import current_version, publish, publish_if_changed, published_folder  # noqa: E402
from warehouse.textindex import TextIndex  # noqa: E402


def national_warehouse(folder: Path, records: int) -> Path:
    """The warehouse of `records` generated items in `folder`, built (and indexed) if missing."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"national-{records}.duckdb"
    if db.exists():
        return db
    building = db.with_suffix(".building")
    building.unlink(missing_ok=True)
    con = warehouse.connect(building)
    started = time.perf_counter()
    papers = build_national(con, records)
    generated = time.perf_counter()
    warehouse.refresh_search_index(con)
    indexed = time.perf_counter()
    con.close()
    building.rename(db)
    print(f"built {db.name}: {papers} papers, records and sections written in "
          f"{generated - started:.0f} s, search index {indexed - generated:.0f} s "
          f"(load average {os.getloadavg()[0]:.1f})")
    return db


def linked_warehouse(folder: Path, records: int) -> Path:
    """The warehouse of `records` items linked across papers, made from the plain one."""
    db = folder / f"national-{records}-linked.duckdb"
    if db.exists():
        return db
    from pipeline.crosspaper import refresh_cross_paper
    building = db.with_suffix(".building")
    shutil.copy(national_warehouse(folder, records), building)
    con = warehouse.connect(building)
    started = time.perf_counter()
    refresh_cross_paper(con)
    con.close()
    building.rename(db)
    print(f"linked {db.name} across papers in {time.perf_counter() - started:.0f} s")
    return db


def published_base(db: Path) -> Path:
    """The published folder of the warehouse at `db` (search_latency's), published whole if
    it has no version. A version without the last item number it holds (an older
    boardpapers published it) is published once more, so that the night, like every night
    after the first, fingerprints only the papers changed since: a version of hard links
    to the last one's files, from the warehouse opened read-only."""
    folder = db.with_suffix(".published")
    if current_version(folder) is None:
        shutil.rmtree(folder, ignore_errors=True)
        con = warehouse.connect(db)
        started = time.perf_counter()
        publish(con, folder)
        con.close()
        print(f"published {db.name} whole in {time.perf_counter() - started:.0f} s")
    if "items_through" not in json.loads((current_version(folder) / "manifest.json").read_text()):
        con = warehouse.connect(db, read_only=True)
        started = time.perf_counter()
        publish(con, folder)
        con.close()
        print(f"published {db.name} once more (its version had no items_through) in "
              f"{time.perf_counter() - started:.0f} s")
    return folder


class Steps:
    """Wall and CPU seconds of each step, in order."""

    def __init__(self) -> None:
        self.times: dict[str, tuple[float, float]] = {}

    def run(self, name: str, step):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = step()
        self.times[name] = (time.perf_counter() - started, time.process_time() - started_cpu)
        print(f"    {name}: {self.times[name][0]:.1f} s (CPU {self.times[name][1]:.1f})",
              flush=True)
        return result

    def line(self) -> str:
        return ", ".join(f"{name} {wall:.1f} s (CPU {cpu:.1f})"
                         for name, (wall, cpu) in self.times.items())


def nightly_increment(db: Path, papers: int, cross_paper: bool) -> Steps:
    """A night of `papers` new papers on a copy of the warehouse at `db` and of its
    published version (hard links), each step timed."""
    night_folder = db.parent / "night"
    shutil.rmtree(night_folder, ignore_errors=True)
    night_folder.mkdir()
    night = night_folder / db.name
    shutil.copy(db, night)
    base = current_version(published_base(db))
    folder = published_folder(night)
    shutil.copytree(base, folder / base.name, copy_function=os.link)
    (folder / "CURRENT").write_text(base.name)
    con = warehouse.connect(night)
    con.execute("CHECKPOINT")   # what opening wrote (a base made before, migrated): not the night's
    built = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    steps = Steps()
    steps.run("load", lambda: add_national_papers(con, papers, built))
    if cross_paper:
        from pipeline.crosspaper import refresh_cross_paper
        steps.run("cross-paper", lambda: refresh_cross_paper(con))
    steps.run("index", lambda: warehouse.refresh_search_index(con))
    version = steps.run("publish", lambda: publish_if_changed(con, night))
    # The night's writes reach the database file (DuckDB does it past 16 MB of log, at
    # whichever commit crosses it, or on closing): timed here, so that every night pays it.
    steps.run("checkpoint", lambda: con.execute("CHECKPOINT"))
    written = sum(1 for _ in (version / "segments").iterdir())
    index = TextIndex(version / "search", {})
    samples = []
    for query in ("mental health", "dementia", "pooled fund", "workforce digital"):
        started = time.process_time()
        index.results_page(Filters(query=query))
        samples.append((time.process_time() - started) * 1000)
    steps.run("no-op night", lambda: publish_if_changed(con, night))
    con.close()
    shutil.rmtree(night_folder)
    print(f"  {steps.line()}; the new version has {written} segments; "
          f"a search page {statistics.median(samples):.0f} ms CPU")
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--folder", type=Path, default=Path(".cache/national"))
    parser.add_argument("--papers", type=int, default=200, help="a night's new papers")
    parser.add_argument("--cross-paper", action="store_true",
                        help="link across papers in the base and in the night")
    args = parser.parse_args()
    nights = {}
    for records in args.records:
        db = national_warehouse(args.folder, records)
        if args.cross_paper:
            db = linked_warehouse(args.folder, records)
        print(f"{db}: {db.stat().st_size / 1e6:.0f} MB; a night of {args.papers} papers "
              f"(load average {os.getloadavg()[0]:.1f}):")
        nights[records] = nightly_increment(db, args.papers, args.cross_paper)
    if len(nights) > 1:
        small, large = min(nights), max(nights)
        for name in nights[small].times:
            ratio = nights[large].times[name][1] / max(nights[small].times[name][1], 1e-3)
            print(f"{name}: CPU at {large:,} is {ratio:.1f}x its CPU at {small:,}")
        night = {records: sum(cpu for name, (_, cpu) in steps.times.items()
                              if name != "no-op night") for records, steps in nights.items()}
        print(f"the night (every step but the no-op night): CPU {night[small]:.1f} s at "
              f"{small:,}, {night[large]:.1f} s at {large:,}: {night[large] / night[small]:.2f}x")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
