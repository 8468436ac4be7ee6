"""The product path, `boardpapers ingest FOLDER --db DB`, run as its own process and timed
from the outside: everything a user waits for, the interpreter's start and imports,
Prefect's temporary API and the worker pool's start included.

Prefect is left unconfigured (no PREFECT_API_URL), as on a user's machine, so a run
that reads papers starts its own temporary server; a run that reads nothing starts none.
The process runs this checkout's code (`python -c`, from the repository's root), or another's.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = "from boardpapers.cli import main; main()"
SUMMARY = re.compile(r"papers: (\d+) new, (\d+) changed, (\d+) unchanged \((\d+) under a new name\), "
                     r"(\d+) failed \((\d+) as before\)")


@dataclass
class CliRun:
    seconds: float             # wall, from starting the process to its exit
    exit_code: int
    output: str                # what it printed: the summary lines

    @property
    def papers(self) -> dict[str, int]:
        """The summary's counts of papers: new, changed, unchanged, alias, failed, as_before."""
        found = SUMMARY.search(self.output)
        if found is None:
            raise ValueError(f"no summary line in: {self.output!r}")
        return dict(zip(("new", "changed", "unchanged", "alias", "failed", "as_before"), map(int, found.groups())))

    @property
    def records(self) -> int:
        """Records loaded, summed over types (the summary's second line)."""
        line = next((ln for ln in self.output.splitlines() if ln.startswith("records: ")), "records: ")
        return sum(int(part.split()[0]) for part in line.removeprefix("records: ").split(", ") if part)


def run_cli(folder: Path, db: Path, checkout: Path = ROOT) -> CliRun:
    """`boardpapers ingest FOLDER --db DB` in a new process, running the code of `checkout`;
    raises when it does not exit 0."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CLI, "ingest", str(folder), "--db", str(db)], cwd=checkout,
                          env=env, capture_output=True, text=True)
    run = CliRun(time.perf_counter() - started, done.returncode, done.stdout)
    if done.returncode != 0:
        raise SystemExit(f"boardpapers ingest {folder} exited {done.returncode}:\n{done.stdout}{done.stderr[-3000:]}")
    return run
