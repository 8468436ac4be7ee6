"""One ingest run as plain steps: plan, load, summarise; reading is pipeline/reading.py.

The Prefect flow (flows/nightly.py) calls these as tasks; tests call them directly.
Loading goes through the single DuckDB writer. Nothing here imports the parser, so a run
that finds nothing to read (`to_read`, `ingest_here`) never loads spaCy.
"""
from __future__ import annotations

import contextvars
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import duckdb

import warehouse
from pipeline.errors import PaperError
from pipeline.sources import SourcedPaper, Unfetched
from schemas import PaperExtraction

FAILED = ("failed", "still_failing")


@dataclass
class PaperOutcome:
    path: str                      # the paper's name in the warehouse: file path or URL
    sha256: str | None
    status: str                    # new, changed, unchanged, alias, failed, still_failing
    counts: dict[str, int] = field(default_factory=dict)
    kind: str | None = None        # failure kind
    reason: str | None = None


@dataclass
class RunSummary:
    run_id: int
    outcomes: list[PaperOutcome]
    cross_paper: object | None = None     # pipeline.crosspaper.CrossPaperSummary, when refreshed

    @property
    def by_status(self) -> Counter:
        return Counter(o.status for o in self.outcomes)

    @property
    def records(self) -> Counter:
        total: Counter = Counter()
        for o in self.outcomes:
            total.update(o.counts)
        return total

    @property
    def failures(self) -> list[PaperOutcome]:
        return [o for o in self.outcomes if o.status in FAILED]

    @property
    def exit_code(self) -> int:
        """0 when every paper was loaded or unchanged, 2 when some failed (now or before,
        with the same bytes)."""
        return 2 if self.failures else 0


@dataclass
class Plan:
    """What a run has to do with the papers its sources listed."""

    to_extract: list[tuple[SourcedPaper, str]]      # (paper, "new" or "changed"), one per content
    settled: list[PaperOutcome]                     # unchanged, aliases, known failures
    same_bytes: dict[str, list[SourcedPaper]]       # sha256 -> further names of a paper to extract


def plan(con: duckdb.DuckDBPyConnection, papers: list[SourcedPaper | Unfetched]) -> Plan:
    """Classify every listed paper against the warehouse. Only new content is read: a known
    path with the same bytes, bytes known under another name, and bytes that failed at
    this path before are settled here; the same new bytes under several names are read once."""
    result = Plan([], [], {})
    leaders: set[str] = set()
    listed: dict[str, SourcedPaper | Unfetched] = {}
    for paper in papers:
        listed.setdefault(paper.name, paper)          # a name listed twice counts once
    listed = list(listed.values())
    fetched = [paper for paper in listed if not isinstance(paper, Unfetched)]
    statuses = dict(zip((paper.name for paper in fetched),
                        warehouse.classify_many(con, [(paper.name, paper.sha256) for paper in fetched])))
    for paper in listed:
        if isinstance(paper, Unfetched):
            result.settled.append(PaperOutcome(paper.name, None, "failed", kind=paper.kind,
                                               reason=paper.reason))
            continue
        status = statuses[paper.name]
        if status in ("unchanged", "alias"):
            result.settled.append(PaperOutcome(paper.name, paper.sha256, status))
        elif known := warehouse.known_failure(con, paper.name, paper.sha256):
            result.settled.append(PaperOutcome(paper.name, paper.sha256, "still_failing",
                                               kind=known["kind"], reason=known["reason"]))
        elif paper.sha256 in leaders:
            result.same_bytes.setdefault(paper.sha256, []).append(paper)
        else:
            leaders.add(paper.sha256)
            result.to_extract.append((paper, status))
    return result


def load_one(con: duckdb.DuckDBPyConnection, paper: SourcedPaper, status: str,
             result: PaperExtraction | PaperError, run_id: int) -> PaperOutcome:
    """Load a paper's records in one transaction, or record why it failed. A load the
    warehouse refuses (a constraint) is this paper's failure; a disk error is the run's."""
    if not isinstance(result, PaperError):
        try:
            counts = warehouse.load_paper(con, result, run_id)
            return PaperOutcome(paper.name, paper.sha256, status, counts=dict(counts))
        except (duckdb.IOException, duckdb.FatalException):
            raise
        except (duckdb.Error, ValueError) as error:
            result = PaperError("load_error", f"{type(error).__name__}: {error}")
    warehouse.record_failure(con, paper.name, paper.sha256, result.kind, result.reason, run_id)
    return PaperOutcome(paper.name, paper.sha256, "failed", kind=result.kind, reason=result.reason)


def settle_same_bytes(con: duckdb.DuckDBPyConnection, leader: PaperOutcome,
                      others: list[SourcedPaper], run_id: int) -> list[PaperOutcome]:
    """Further names of bytes just loaded become aliases; of bytes that just failed, fail
    the same way without being read again."""
    outcomes = []
    for paper in others:
        if leader.status in FAILED:
            warehouse.record_failure(con, paper.name, paper.sha256, leader.kind, leader.reason, run_id)
            outcomes.append(PaperOutcome(paper.name, paper.sha256, "failed", kind=leader.kind,
                                         reason=leader.reason))
        else:
            outcomes.append(PaperOutcome(paper.name, paper.sha256,
                                         warehouse.classify(con, paper.name, paper.sha256)))
    return outcomes


def to_read(con: duckdb.DuckDBPyConnection, papers: list[SourcedPaper | Unfetched]) -> list[SourcedPaper]:
    """The listed papers a run would read: what `plan` would extract, asked without
    changing the warehouse, so that a caller can tell before a run begins whether it
    needs any machinery for reading (an orchestrator, a pool of workers)."""
    fetched = [paper for paper in papers if not isinstance(paper, Unfetched)]
    unread = set(warehouse.unread(con, [(paper.name, paper.sha256) for paper in fetched]))
    return [paper for paper in fetched if (paper.name, paper.sha256) in unread]


def begin_run(con: duckdb.DuckDBPyConnection, sources: list[str], papers: list[SourcedPaper | Unfetched]) -> int:
    """Open an ingest run. A source that listed its papers this time is fine again: its
    earlier failure to list is resolved (a source that failed is among `papers` by name)."""
    run_id = warehouse.start_run(con)
    for spec in set(sources) - {paper.name for paper in papers if isinstance(paper, Unfetched)}:
        warehouse.resolve_failures(con, spec)
    return run_id


def end_run(con: duckdb.DuckDBPyConnection, summary: RunSummary) -> None:
    warehouse.finish_run(con, summary.run_id, "finished", {"papers": dict(summary.by_status),
                                                           "records": dict(summary.records)})


def ingest_serially(con: duckdb.DuckDBPyConnection, papers: list[SourcedPaper | Unfetched],
                    run_id: int) -> list[PaperOutcome]:
    """The nightly flow's per-paper steps in this process, with no orchestrator: plan, then
    extract and load each new content. For tests, benchmarks and debugging a paper."""
    work = plan(con, papers)
    outcomes = []
    for outcome in work.settled:
        if outcome.status == "failed":
            warehouse.record_failure(con, outcome.path, None, outcome.kind, outcome.reason, run_id)
        outcomes.append(outcome)
    if work.to_extract:
        from pipeline.reading import extract_one
    for paper, status in work.to_extract:
        outcome = load_one(con, paper, status, extract_one(paper), run_id)
        outcomes += [outcome, *settle_same_bytes(con, outcome, work.same_bytes.get(paper.sha256, []), run_id)]
    return outcomes


def ingest_here(con: duckdb.DuckDBPyConnection, sources: list[str],
                papers: list[SourcedPaper | Unfetched]) -> RunSummary:
    """A whole run over the papers `sources` listed, in this process: the nightly flow's
    steps without Prefect. The command line's run when there is nothing to read; tests'
    and benchmarks' library path."""
    run_id = begin_run(con, sources, papers)
    try:
        outcomes = ingest_serially(con, papers, run_id)
        summary = RunSummary(run_id, outcomes, refresh_derived(con))
    except BaseException:
        warehouse.finish_run(con, run_id, "aborted", {})
        raise
    end_run(con, summary)
    return summary


def refresh_derived(con: duckdb.DuckDBPyConnection):
    """Derived state (cross-paper tables and the search index) lags the records after a
    load, or after a crash between a load and these steps: both are rebuilt together, when
    stale (`side_by_side`). The cross-paper summary, or None when nothing was stale."""
    if not warehouse.search_index_stale(con):
        return None
    from pipeline.crosspaper import refresh_cross_paper

    return side_by_side(con, refresh_cross_paper, warehouse.reindex_changed)


def side_by_side(con: duckdb.DuckDBPyConnection, cross_paper: Callable, reindex: Callable):
    """`cross_paper(con)` and `reindex(cursor)` at once: they read the records and write
    tables of their own, the index on a cursor of its own in a thread (mostly DuckDB) while
    the cross-paper refresh is mostly Python; the index is marked fresh only when both are
    done, so a run that dies in either redoes both. The thread runs in this one's context
    (a Prefect task called here stays the flow's, whatever its task runner). Returns
    `cross_paper`'s result."""
    with con.cursor() as cursor, ThreadPoolExecutor(1) as beside:
        indexing = beside.submit(contextvars.copy_context().run, reindex, cursor)
        summary = cross_paper(con)
    warehouse.mark_search_index_fresh(con, indexing.result())
    return summary


def summary_markdown(summary: RunSummary, sources: list[str]) -> str:
    """The run as a Markdown report: papers by outcome, records by type, what changed across
    papers (new slippage), each failure."""
    by = summary.by_status
    lines = [f"# Ingest run {summary.run_id}", "",
             "Sources: " + ", ".join(f"`{s}`" for s in sources), "",
             "| papers | count |", "| --- | ---: |"]
    for label, statuses in (("new", ["new"]), ("changed", ["changed"]),
                            ("unchanged", ["unchanged"]), ("same bytes under a new name", ["alias"]),
                            ("failed", ["failed"]), ("still failing (same bytes)", ["still_failing"])):
        lines.append(f"| {label} | {sum(by[s] for s in statuses)} |")
    records = summary.records
    lines += ["", "| records loaded | count |", "| --- | ---: |"]
    lines += [f"| {kind} | {records[kind]} |" for kind in sorted(records)] or ["| (none) | 0 |"]
    cross = summary.cross_paper
    if cross is not None:
        lines += ["", "| across papers | count |", "| --- | ---: |",
                  f"| organisations | {cross.organisations} |", f"| restated milestones | {cross.milestone_links} |",
                  f"| slipped milestones | {cross.slippage} |", f"| new slippage | {cross.new_slippage} |",
                  f"| overdue, unreported | {cross.overdue} |", f"| newly overdue | {cross.new_overdue} |"]
    if summary.failures:
        lines += ["", "| failed paper | kind | reason |", "| --- | --- | --- |"]
        lines += [f"| {_cell(o.path)} | {o.kind} | {_cell(o.reason or '')} |" for o in summary.failures]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
