"""Wall time and peak memory of the nightly ingest, as `boardpapers ingest` runs it.

    .venv/bin/python bench/nightly.py [PAPERS_FOLDER] [--pages 400] [--workers N]

Three runs, each a fresh `boardpapers ingest` process:
  start-up  over an empty folder: Prefect's fixed cost (temporary API, flow and task set-up);
  cold      over PAPERS_FOLDER plus a generated agenda pack of --pages pages, new warehouse;
  no-op     the same again: every paper unchanged.
Peak memory is sampled every 0.1 s over the whole process tree (the CLI, its parse/extract
workers and Prefect's temporary API server), both summed and for the largest process.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.packgen import write_pack  # noqa: E402


def measure(command: list[str]) -> dict:
    """Run `command`, sampling the RSS of it and all its descendants until it exits."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak_total = peak_single = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            sizes = [p.memory_info().rss for p in tree if p.is_running()]
        except psutil.Error:
            continue
        peak_total, peak_single = max(peak_total, sum(sizes)), max(peak_single, max(sizes))
        time.sleep(0.1)
    output = process.stdout.read()
    return {"seconds": time.perf_counter() - started, "exit": process.returncode,
            "peak_total_mb": peak_total / 2**20, "peak_process_mb": peak_single / 2**20,
            "summary": output.strip().splitlines()[0] if output.strip() else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("papers", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "papers"))
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    cli = str(Path(sys.executable).parent / "boardpapers")
    workers = ["--workers", str(args.workers)] if args.workers else []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "empty").mkdir()
        (scratch / "pack").mkdir()
        write_pack(scratch / "pack" / f"agenda pack {args.pages} pages.pdf", args.pages)
        db = str(scratch / "bench.duckdb")
        runs = {
            "start-up": [cli, "ingest", str(scratch / "empty"), "--db", str(scratch / "empty.duckdb"), *workers],
            "cold": [cli, "ingest", args.papers, str(scratch / "pack"), "--db", db, *workers],
            "no-op": [cli, "ingest", args.papers, str(scratch / "pack"), "--db", db, *workers],
        }
        print(f"{'run':<9} {'wall s':>7} {'peak MB (tree)':>15} {'peak MB (1 proc)':>17}  exit  summary")
        for name, command in runs.items():
            result = measure(command)
            print(f"{name:<9} {result['seconds']:7.1f} {result['peak_total_mb']:15.0f} "
                  f"{result['peak_process_mb']:17.0f}  {result['exit']:>4}  {result['summary']}", flush=True)


if __name__ == "__main__":
    main()
