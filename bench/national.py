"""Warehouses at national scale in minutes, for timing search and serving: records written by
bulk SQL (warehouse/generate.py), then the warehouse's own search index and the publish step
the web app reads, each timed, with the warehouse's and the published folder's size.

    python bench/national.py [--records 100000 1000000] [--folder .cache/national]

A warehouse already built at a size is reused (delete it to rebuild). Not a test: the 1M
warehouse takes minutes and a gigabyte of disk.
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import warehouse
from warehouse.generate import build_national


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--folder", type=Path, default=Path(".cache/national"))
    args = parser.parse_args()
    for records in args.records:
        db = national_warehouse(args.folder, records)
        print(f"{db}: {db.stat().st_size / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
