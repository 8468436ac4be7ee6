"""One ingest run as plain steps: plan, extract, load, summarise.

The Prefect flow (flows/nightly.py) calls these as tasks; tests call them directly.
Extraction is pure (a paper's file in, records out) so it can run in worker processes,
while loading goes through the single DuckDB writer.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field

import duckdb

import warehouse
from pipeline.errors import PaperError
from pipeline.extract import (BOARD_OF, PartRecords, PreparedPaper, combine, extract_part, part_blocks, prepare,
                              process_file)
from pipeline.parse import PageLayout, assemble, lay_out_pages
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


def _caught(stage):
    """`stage` returning, not raising, a PaperError, so a bad paper never stops a run; a
    parser bug on odd input is that paper's failure, not the run's."""
    @functools.wraps(stage)
    def caught(*args):
        try:
            return stage(*args)
        except PaperError as error:
            return error
        except Exception as error:
            return PaperError("extract_error", f"{type(error).__name__}: {error}")
    return caught


@_caught
def extract_one(paper: SourcedPaper) -> PaperExtraction | PaperError:
    """Read and extract a paper in this process (a long one on every CPU it may use)."""
    return _as_published(paper, process_file(paper.file, paper.sha256))


# A long paper in the nightly flow, a task per step: its page ranges laid out, the paper put
# together and prepared, its parts read; then its records combined where they are loaded.

@_caught
def lay_out_range(paper: SourcedPaper, first: int, last: int) -> list[PageLayout] | PaperError:
    return lay_out_pages(paper.file, first, last)


@_caught
def prepare_one(paper: SourcedPaper, ranges: list[list[PageLayout] | PaperError]) -> PreparedPaper | PaperError:
    if failed := next((part for part in ranges if isinstance(part, PaperError)), None):
        return failed
    return prepare(assemble(paper.file, [layout for part in ranges for layout in part], paper.sha256))


@_caught
def extract_part_one(prepared: PreparedPaper | PaperError, part: int, parts: int) -> PartRecords | PaperError:
    """The `part`-th of a prepared paper's `parts` parts; nothing when it has fewer."""
    if isinstance(prepared, PaperError):
        return prepared
    cut = part_blocks(prepared.paper, parts)
    return extract_part(prepared, cut[part]) if part < len(cut) else {}


def combine_one(paper: SourcedPaper, prepared: PreparedPaper | PaperError,
                parts: list[PartRecords | PaperError]) -> PaperExtraction | PaperError:
    failed = next((r for r in [prepared, *parts] if isinstance(r, PaperError)), None)
    return failed or _as_published(paper, combine(prepared, parts))


def _as_published(paper: SourcedPaper, extraction: PaperExtraction) -> PaperExtraction:
    """The paper is stored under its source name. What its publisher says of the committee
    and meeting it was published for is structured data and beats what is read off the
    paper's first page; a committee outside HWB and JHOSC leaves the detected one alone."""
    document = extraction.document
    document.path = paper.name
    board = next((name for name, rx in BOARD_OF.items() if paper.committee and rx.search(paper.committee)), None)
    document.committee = board or document.committee
    document.date = paper.meeting_date or document.date
    return extraction


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
    for paper, status in work.to_extract:
        outcome = load_one(con, paper, status, extract_one(paper), run_id)
        outcomes += [outcome, *settle_same_bytes(con, outcome, work.same_bytes.get(paper.sha256, []), run_id)]
    return outcomes


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
