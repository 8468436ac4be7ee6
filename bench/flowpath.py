"""The product path: the Prefect flow `boardpapers ingest` runs, timed in this process with
the orchestrator's one-off start-up kept apart.

With no PREFECT_API_URL, Prefect 3 starts a temporary local API server (a uvicorn
subprocess) the first time a client is needed and keeps that one server for the rest of
the process: SubprocessASGIServer is a per-process singleton, stopped at exit. So only
the process's first flow run pays the start-up. `start_orchestrator` times that first run
(over an empty folder) and a second one, and `server_pid` lets the caller check that every
later run talked to the same server. Prefect is configured as the CLI configures it, on
import of this module, before anything imports Prefect.
"""
from __future__ import annotations

import time
from pathlib import Path

from boardpapers.cli import _quiet_prefect
from tests.packgen import write_pack

_quiet_prefect()


def start_orchestrator(scratch: Path) -> dict:
    """Start-up = the first flow run of the process, over an empty folder; the second empty
    run shows what every run pays with the orchestrator up, and a run over a one-page
    paper what every run that reads a paper pays: its pool's workers start and import
    Prefect and the pipeline. The server's pid is taken after the first, for the caller
    to compare at the end."""
    empty, tiny = scratch / "empty", scratch / "one page"
    empty.mkdir()
    tiny.mkdir()
    write_pack(tiny / "one page.pdf", 1)
    first, _ = run_flow(empty, scratch / "startup 1.duckdb")
    pid = server_pid()
    second, _ = run_flow(empty, scratch / "startup 2.duckdb")
    one_page, _ = run_flow(tiny, scratch / "startup 3.duckdb")
    return {"startup_s": first, "empty_flow_run_s": second, "one_page_flow_run_s": one_page, "server_pid": pid}


def run_flow(folder: Path, db: Path):
    """`nightly_ingest` over `folder` into `db`, as `boardpapers ingest FOLDER --db DB` runs
    it: (wall seconds, RunSummary)."""
    from flows.nightly import nightly_ingest

    started = time.perf_counter()
    summary = nightly_ingest(sources=[str(folder)], db=str(db))
    return time.perf_counter() - started, summary


def server_pid() -> int | None:
    """The pid of this process's temporary Prefect API server (None with an external one)."""
    from prefect.server.api.server import SubprocessASGIServer

    process = SubprocessASGIServer().server_process      # the process's one instance
    return process.pid if process else None
