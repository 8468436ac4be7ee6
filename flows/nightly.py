"""The nightly ingestion flow: a task per stage, each calling a pipeline/ function.

list sources -> open the warehouse -> plan -> parse and extract (in parallel, on the flow's
task runner; a long paper's pages are first laid out in ranges, on every worker) -> load (one
writer, in the flow's process) -> cross-paper beside refresh search -> publish (what the web app reads) -> report.

The default task runner runs tasks in threads of the flow's process and their parsing and
extracting on one pool of worker processes for the run (pipeline/workers.py), which
never import Prefect: a task's result stays in the flow's process, so a long paper's pages
are copied once, from the worker that laid them out, and prepared where they arrive.

Transient failures (the network, a database locked by another process) are retried with
backoff; a paper that cannot be read fails once, with its reason, and the run goes on.
With no Prefect server configured, Prefect starts a temporary local API for the run.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import duckdb
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

import warehouse
from warehouse.publish import publish_if_changed
from pipeline.crosspaper import CrossPaperSummary, refresh_cross_paper
from pipeline.errors import PaperError
from pipeline.ingest import (PaperOutcome, Plan, RunSummary, begin_run, end_run, load_one, plan, settle_same_bytes,
                             side_by_side, summary_markdown)
from pipeline.paperstore import PaperStore
from pipeline.reading import combine_one, extract_one, extract_part_one, first_steps, lay_out_range, prepare_one
from pipeline.sources import FetchError, HttpClient, SourcedPaper, Unfetched, open_source
from pipeline.workers import cpus, has_run_pool, here, on_workers, on_workers_each, run_pool
from schemas import PaperExtraction

DEFAULT_DB = "boardpapers.duckdb"
DEFAULT_CRON = "0 2 * * *"

# Called after each paper with its outcome, and once with the number of papers listed; the
# CLI sets them to drive its progress bar.
on_paper: Callable[[PaperOutcome], None] = lambda outcome: None
on_plan: Callable[[int], None] = lambda total: None


def is_transient(error: BaseException) -> bool:
    """Worth trying again later: a network failure, or the warehouse locked by another process."""
    if isinstance(error, FetchError):
        return error.transient
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def _retry_if_transient(task, task_run, state) -> bool:
    return is_transient(state.result(raise_on_failure=False))


@task(name="list-source", retries=3, retry_delay_seconds=exponential_backoff(backoff_factor=10),
      retry_condition_fn=_retry_if_transient, cache_policy=NO_CACHE)
def list_source_task(spec: str, store: str | None, polite_seconds: float) -> list[SourcedPaper | Unfetched]:
    client = HttpClient(min_interval=polite_seconds)
    return list(open_source(spec, PaperStore(store) if store else None, client).papers())


@task(name="open-warehouse", retries=5, retry_delay_seconds=exponential_backoff(backoff_factor=1),
      retry_condition_fn=_retry_if_transient, cache_policy=NO_CACHE)
def open_warehouse_task(db: str) -> duckdb.DuckDBPyConnection:
    return warehouse.connect(db)


@task(name="plan", cache_policy=NO_CACHE)
def plan_task(con, papers: list[SourcedPaper | Unfetched]) -> Plan:
    return plan(con, papers)


class Parcel:
    """What a parse or extract task hands on, which Prefect passes along without looking
    inside: it walks a task's parameters and return value through every list, dataclass and
    pydantic model for futures and states, seconds for a long paper's lines or records."""

    __slots__ = ("content",)

    def __init__(self, content):
        self.content = content


@task(name="parse-and-extract", cache_policy=NO_CACHE)
def extract_task(paper: SourcedPaper) -> Parcel:
    return Parcel(on_workers(extract_one, paper))


@task(name="lay-out-pages", cache_policy=NO_CACHE)
def lay_out_task(paper: SourcedPaper, ranges: list[tuple[int, int]]) -> Parcel:
    """The pages of `ranges` laid out, a range's pages each: at once on the run's pool."""
    return Parcel(on_workers_each(lay_out_range, [(paper, first, last) for first, last in ranges]))


@task(name="prepare-paper", cache_policy=NO_CACHE)
def prepare_task(paper: SourcedPaper, ranges: list[Parcel]) -> Parcel:
    """Where the task runs: under the default runner, in the flow's process, where the
    laid-out pages arrived and where the prepared paper is sent to the parts' workers. The
    command line may have prepared it already, while Prefect started (flows/once.py)."""
    return Parcel(here(prepare_one, paper, otherwise=lambda: prepare_one(
        paper, [laid_out for parcel in ranges for laid_out in parcel.content])))


@task(name="extract-part", cache_policy=NO_CACHE)
def extract_part_task(prepared: Parcel, part: int, parts: int) -> Parcel:
    return Parcel(on_workers(extract_part_one, prepared.content, part, parts))


@dataclass(eq=False)
class Extraction:
    """A paper's extraction under way: one task, or for a long paper the tasks of its steps
    (pages laid out in ranges, the paper prepared, its parts read), so that one agenda
    pack keeps every worker busy. Its records are combined here, where they are loaded."""

    paper: SourcedPaper
    status: str
    futures: list            # whole paper: [its task]; long paper: [prepare, *parts]

    @classmethod
    def submit(cls, paper: SourcedPaper, status: str) -> Extraction:
        """The paper's tasks, submitted: a long one is read in a part per CPU, its pages laid
        out by one task on the run's pool (which hands the ranges out as workers come free),
        or else by a task a range (on Dask's workers)."""
        steps = first_steps(paper)
        if steps[0][0] is extract_one:
            return cls(paper, status, [extract_task.submit(paper)])
        ranges = [(first, last) for _, _, first, last in steps]
        groups = [ranges] if has_run_pool() else [[one] for one in ranges]
        prepared = prepare_task.submit(paper, [lay_out_task.submit(paper, group) for group in groups])
        parts = cpus()
        return cls(paper, status, [prepared, *(extract_part_task.submit(prepared, part, parts)
                                              for part in range(parts))])

    def result(self) -> PaperExtraction | PaperError:
        try:
            results = [future.result().content for future in self.futures]
        except Exception as error:      # a worker itself died (killed, out of memory)
            return PaperError("extract_error", f"{type(error).__name__}: {error}")
        return results[0] if len(results) == 1 else combine_one(self.paper, results[0], results[1:])


@task(name="load", cache_policy=NO_CACHE)
def load_task(con, paper: SourcedPaper, status: str, result: Parcel, run_id: int) -> PaperOutcome:
    return load_one(con, paper, status, result.content, run_id)


@task(name="cross-paper", cache_policy=NO_CACHE)
def cross_paper_task(con) -> CrossPaperSummary:
    """Organisations across papers, milestone series, slippage and the graph, brought up to date."""
    return refresh_cross_paper(con)


@task(name="refresh-search-index", cache_policy=NO_CACHE)
def refresh_index_task(cursor) -> int:
    """The papers marked changed re-indexed, on a cursor of the warehouse's own: beside the
    cross-paper task, in another thread (pipeline.ingest.side_by_side says why). The
    contents version indexed, which the flow marks fresh once both are done."""
    return warehouse.reindex_changed(cursor)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(con, db: str) -> None:
    publish_if_changed(con, db)


@task(name="report", cache_policy=NO_CACHE)
def report_task(summary: RunSummary, sources: list[str]) -> str:
    markdown = summary_markdown(summary, sources)
    create_markdown_artifact(markdown, key="nightly-ingest-summary",
                             description=f"ingest run {summary.run_id}")
    return markdown


class WorkerPoolTaskRunner(ThreadPoolTaskRunner):
    """Tasks in threads of the flow's process; what they parse and extract on the run's
    pool of `workers` processes (pipeline/workers.py), which the runner starts unless the
    caller already has (the command line starts it early, with Prefect's server). Threads
    are many beside the pool, as a task waiting for its upstream tasks holds one."""

    def __init__(self, workers: int | None = None):
        super().__init__(max_workers=max(16, 4 * (workers or cpus())))
        self.workers = workers
        self._own_pool = None

    def duplicate(self) -> WorkerPoolTaskRunner:
        return type(self)(self.workers)

    def __enter__(self) -> WorkerPoolTaskRunner:
        super().__enter__()
        if not has_run_pool():
            self._own_pool = run_pool(self.workers)
            self._own_pool.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        try:
            super().__exit__(*exc)
        finally:
            if self._own_pool is not None:
                self._own_pool.__exit__(*exc)
                self._own_pool = None


@flow(name="nightly-ingest", log_prints=False, task_runner=WorkerPoolTaskRunner())
def nightly_ingest(sources: list[str], db: str = DEFAULT_DB, store: str | None = None,
                   polite_seconds: float = 1.0) -> RunSummary:
    """Ingest every paper of `sources` (folders, manifest:FILE, moderngov:SITE#COMMITTEE) into
    the warehouse at `db`; fetched papers are kept in the paper store at `store`."""
    listed, source_failures = [], []
    for spec in sources:
        try:
            listed += list_source_task(spec, store, polite_seconds)
        except (FetchError, OSError, ValueError) as error:
            source_failures.append(Unfetched(spec, "source_failed", str(error)))
    con = open_warehouse_task(db)
    run_id = begin_run(con, sources, source_failures)
    outcomes: list[PaperOutcome] = []
    try:
        work = plan_task(con, listed + source_failures)
        _planned(len(work.settled) + len(work.to_extract)
                 + sum(len(names) for names in work.same_bytes.values()))
        for outcome in work.settled:
            if outcome.status == "failed":
                warehouse.record_failure(con, outcome.path, None, outcome.kind, outcome.reason, run_id)
            _done(outcomes, outcome)
        extractions = [Extraction.submit(paper, status) for paper, status in work.to_extract]
        waiting = {future: extraction for extraction in extractions for future in extraction.futures}
        unfinished = Counter(extraction for extraction in extractions for _ in extraction.futures)
        for future in as_completed(list(waiting)):
            extraction = waiting[future]
            unfinished[extraction] -= 1
            if unfinished[extraction]:
                continue
            paper = extraction.paper
            outcome = _done(outcomes, load_task(con, paper, extraction.status,
                                                    Parcel(extraction.result()), run_id))
            for other in settle_same_bytes(con, outcome, work.same_bytes.get(paper.sha256, []),
                                           run_id):
                _done(outcomes, other)
        # Derived state (cross-paper tables and the search index) lags the records after a
        # load, or after a crash between a load and these steps: both are rebuilt together,
        # side by side (pipeline.ingest.side_by_side).
        cross_paper = None
        if warehouse.search_index_stale(con):
            cross_paper = side_by_side(con, cross_paper_task, refresh_index_task)
        publish_task(con, db)
    except BaseException:
        warehouse.finish_run(con, run_id, "aborted", {"papers_done": len(outcomes)})
        con.close()
        raise
    summary = RunSummary(run_id, outcomes, cross_paper)
    end_run(con, summary)
    con.close()
    report_task(summary, sources)
    return summary


# The hooks are called through these functions, never from the flow's body: Prefect ships
# the body by value to worker processes, with whatever it names (a progress bar, say).
def _planned(total: int) -> None:
    on_plan(total)


def _done(outcomes: list[PaperOutcome], outcome: PaperOutcome) -> PaperOutcome:
    outcomes.append(outcome)
    on_paper(outcome)
    return outcome


def task_runner(kind: str, workers: int | None = None, dask_address: str | None = None) -> TaskRunner:
    """Where parse and extract run: `process` (a local pool of worker processes, the default), or `dask`
    (a Dask cluster at `dask_address`, or a local one of `workers` processes)."""
    if kind == "process":
        return WorkerPoolTaskRunner(workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count(),
                                              "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: expected process or dask")


def nightly_deployment(sources: list[str], db: str, store: str | None, cron: str = DEFAULT_CRON,
                       name: str = "nightly", runner: TaskRunner | None = None):
    """The deployment `boardpapers schedule` serves: the flow on a cron, with its parameters."""
    flow = nightly_ingest.with_options(task_runner=runner) if runner else nightly_ingest
    return flow.to_deployment(name=name, cron=cron,
                              parameters={"sources": sources, "db": db, "store": store})
