"""`boardpapers ingest` of two checkouts side by side on one generated agenda pack, each round
with the floor, so that a change to the command line is timed against the code before it
under the same load.

    .venv/bin/python bench/cli_ab.py BASE_CHECKOUT [--pages 400] [--rounds 2]

BASE_CHECKOUT is a copy of the code before (`git archive REV | tar -x -C DIR`); the other
side is this checkout. Each round times the floor (bench/throughput.py's: pdfplumber's
`extract_text` over every page, one process), then both commands as new processes
(bench/clipath.py's way, Prefect unconfigured), the order alternating from round to round.
Prints a JSON line a round: the times, each side's ratio to the floor, the load average.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.clipath import run_cli  # noqa: E402
from bench.throughput import dense_pages, floor  # noqa: E402
from tests.pdfgen import write_pdf  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("base", type=Path)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        (scratch / "pack").mkdir()
        pack = write_pdf(scratch / "pack" / f"agenda pack {args.pages} pages.pdf", dense_pages(args.pages))
        for n in range(args.rounds):
            row = {"round": n + 1, "load_before": os.getloadavg()[0], "floor_s": floor([pack])[0]}
            sides = [("base", args.base.resolve()), ("branch", ROOT)]
            for name, root in sides if n % 2 == 0 else sides[::-1]:
                run = run_cli(pack.parent, scratch / f"{name} {n}.duckdb", root)
                row[f"{name}_s"], row[f"{name}_records"] = run.seconds, run.records
                row[f"{name}_ratio"] = run.seconds / row["floor_s"]
            row["load_after"] = os.getloadavg()[0]
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
