"""Reading a paper: its file in, its records out, whole or in steps a pool's workers share.

Pure (a paper's file in, records or its PaperError out), so each step can run in a
worker process. A long paper in the nightly flow is a task per step: its page ranges
laid out, the paper put together and prepared, its parts read; then its records
combined where they are loaded.
"""
from __future__ import annotations

import functools

from pipeline.errors import PaperError
from pipeline.extract import BOARD_OF, PartRecords, PreparedPaper, combine, extract_part, part_blocks, prepare, process_file
from pipeline.parse import PageLayout, assemble, lay_out_pages, page_ranges
from pipeline.sources import SourcedPaper
from schemas import PaperExtraction


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


def first_steps(paper: SourcedPaper) -> list[tuple]:
    """The calls, (function, *args), that begin reading `paper` on a pool's workers, as the
    nightly flow's tasks make them: the whole paper in one, or a long paper's page ranges
    laid out (to be prepared where they arrive, then read in parts)."""
    ranges = page_ranges(paper.file)
    if ranges is None:
        return [(extract_one, paper)]
    return [(lay_out_range, paper, first, last) for first, last in ranges]


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
