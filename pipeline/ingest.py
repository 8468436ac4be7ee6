"""One ingest run as plain steps: hash, classify, extract, load, summarise.

The Prefect flow calls these as tasks; tests and the benchmark call them directly.
Extraction is pure (a path in, records out) so it can run in worker processes, while
loading goes through the single DuckDB writer.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import warehouse
from pipeline.discover import discover, sha256_file
from pipeline.errors import PaperError
from pipeline.extract import process_file
from schemas import PaperExtraction


@dataclass
class PaperOutcome:
    path: str
    sha256: str
    status: str                    # new, changed, unchanged, alias, failed
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
    def exit_code(self) -> int:
        """0 when every paper was loaded or unchanged, 2 when some failed."""
        return 2 if self.by_status["failed"] else 0


def hash_papers(paths: list[str | Path]) -> list[tuple[Path, str]]:
    """Every PDF under the given files and folders with the SHA-256 that identifies it."""
    return [(p, sha256_file(p)) for p in discover(paths)]


def extract_one(path: Path, sha256: str) -> PaperExtraction | PaperError:
    """Extract a paper, returning (not raising) a PaperError so a bad paper never stops a run."""
    try:
        return process_file(path, sha256)
    except PaperError as error:
        return error
    except Exception as error:     # a parser bug on odd input is this paper's failure, not the run's
        return PaperError("extract_error", f"{type(error).__name__}: {error}")


def load_one(con, path: Path, sha256: str, status: str, result: PaperExtraction | PaperError,
             run_id: int) -> PaperOutcome:
    """Load a paper's records in one transaction, or record why it failed."""
    if isinstance(result, PaperError):
        warehouse.record_failure(con, str(path), sha256, result.kind, result.reason, run_id)
        return PaperOutcome(str(path), sha256, "failed", kind=result.kind, reason=result.reason)
    counts = warehouse.load_paper(con, result, run_id)
    return PaperOutcome(str(path), sha256, status, counts=dict(counts))
