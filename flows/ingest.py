"""The ingestion flow: a task per stage, each calling a pipeline/ function.

With no Prefect server configured, Prefect starts its temporary local API, so
`boardpapers ingest` needs nothing running beforehand.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from prefect import flow, task

import warehouse
from pipeline.crosspaper import CrossPaperSummary, refresh_cross_paper
from pipeline.ingest import PaperOutcome, RunSummary, extract_one, hash_papers, load_one

# Called after each paper with its outcome; the CLI sets it to advance its progress bar.
on_paper: Callable[[PaperOutcome], None] = lambda outcome: None
on_plan: Callable[[int], None] = lambda total: None


@task(name="discover")
def discover_task(paths: list[str]) -> list[tuple[Path, str]]:
    return hash_papers(paths)


@task(name="extract")
def extract_task(path: Path, sha256: str):
    return extract_one(path, sha256)


@task(name="cross-paper")
def cross_paper_task(db: str) -> CrossPaperSummary:
    """Organisations across papers, milestone series, slippage and the graph, brought up to date."""
    con = warehouse.connect(db)
    try:
        return refresh_cross_paper(con)
    finally:
        con.close()


@task(name="refresh-search-index")
def refresh_index_task(db: str) -> None:
    con = warehouse.connect(db)
    try:
        warehouse.refresh_search_index(con)
    finally:
        con.close()


@flow(name="ingest", log_prints=False)
def ingest_flow(paths: list[str], db: str = "boardpapers.duckdb") -> RunSummary:
    """Ingest every PDF under `paths` into the warehouse at `db`; unchanged papers cost one hash."""
    papers = discover_task(paths)
    on_plan(len(papers))
    con = warehouse.connect(db)
    run_id = warehouse.start_run(con)
    outcomes = []
    try:
        for path, sha in papers:
            status = warehouse.classify(con, str(path), sha)
            if status in ("unchanged", "alias"):
                outcome = PaperOutcome(str(path), sha, status)
            else:
                outcome = load_one(con, path, sha, status, extract_task(path, sha), run_id)
            outcomes.append(outcome)
            on_paper(outcome)
    except BaseException:
        warehouse.finish_run(con, run_id, "aborted", {"papers_done": len(outcomes)})
        con.close()
        raise
    summary = RunSummary(run_id, outcomes)
    warehouse.finish_run(con, run_id, "finished", {"papers": dict(summary.by_status),
                                                   "records": dict(summary.records)})
    con.close()
    if any(o.status in ("new", "changed") for o in outcomes):
        summary.cross_paper = cross_paper_task(db)
        refresh_index_task(db)
    return summary
