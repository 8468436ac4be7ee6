"""The record types every other folder speaks: parsed papers in, traceable records out."""
from schemas.parsed import Block, BlockKind, ParsedPaper, Table, Zone
from schemas.records import (
    RECORD_TYPES,
    Budget,
    Commitment,
    Decision,
    Document,
    Milestone,
    Organisation,
    PaperExtraction,
    Record,
    Relation,
    Risk,
    Section,
)

__all__ = [
    "Block", "BlockKind", "ParsedPaper", "Table", "Zone",
    "RECORD_TYPES", "Record", "Document", "Section", "Organisation", "Budget",
    "Milestone", "Commitment", "Risk", "Decision", "Relation", "PaperExtraction",
]
