"""Record types of ANNOTATION.md, each carrying its provenance.

A record is only as trustworthy as its trace back to the paper: every extracted record
holds the paper's id, the page, the section path, the verbatim quote and the quote's
character offsets in the paper's text.
"""
from __future__ import annotations

import hashlib
from datetime import date
from typing import ClassVar, Literal

from pydantic import BaseModel, Field, computed_field

Committee = Literal["HWB", "JHOSC", "other"]
OrgType = Literal["ccg", "council", "nhs_trust", "nhs_england", "board", "voluntary",
                  "company", "regulator", "other"]
BudgetKind = Literal["spend", "budget", "savings", "gap", "deficit", "allocation", "cost",
                     "funding", "other"]
MilestoneStatus = Literal["achieved", "planned", "unknown"]
Modality = Literal["firm", "conditional"]
DecisionKind = Literal["recommendation", "taken", "pending"]
RelationKind = Literal["depends_on", "commissions", "provides_to", "funds", "hosts",
                       "accountable_to", "reports_to", "member_of", "partners_with", "replaces"]


class Document(BaseModel):
    """A paper's identity (SHA-256 of its bytes) and the metadata read off its first pages."""

    type: ClassVar[str] = "document"
    doc_id: str
    doc: str                              # file name without extension
    path: str
    pages: int
    committee: Committee = "other"
    title: str | None = None
    date: str | None = None               # ISO, as precise as stated: 2013-09-26, 2018-09, 2016
    authors: list[str] = []
    organisation: str | None = None


class Section(BaseModel):
    type: ClassVar[str] = "section"
    doc_id: str
    path: str                             # "6. Next steps > 6.3"
    title: str
    page: int
    text: str


class ReadFrom(BaseModel):
    """How the words a record quotes were read: off the page's text layer, or by OCR off
    its picture (a scan), with the OCR's mean word confidence on that page (0-100)."""

    ocr: bool = False
    ocr_confidence: float | None = None


class Record(ReadFrom):
    """Provenance shared by every extracted record."""

    type: ClassVar[str] = "record"
    doc_id: str
    doc: str
    page: int = Field(ge=1)
    section: str = ""
    quote: str
    char_start: int
    char_end: int

    @computed_field
    @property
    def id(self) -> str:
        """Stable across re-runs: the same record of the same paper gets the same id."""
        key = "|".join([self.type, self.doc_id, str(self.char_start), str(self.char_end),
                        *[str(v) for v in self.identity()]])
        return hashlib.sha1(key.encode()).hexdigest()[:16]

    def identity(self) -> tuple:
        return ()


class Organisation(ReadFrom):
    type: ClassVar[str] = "organisation"
    doc_id: str
    doc: str
    name: str
    aliases: list[str] = []
    org_type: OrgType = "other"
    page: int = 1
    quote: str = ""                       # the first mention, verbatim

    @computed_field
    @property
    def id(self) -> str:
        return hashlib.sha1(f"organisation|{self.doc_id}|{self.name}".encode()).hexdigest()[:16]


class Budget(Record):
    type: ClassVar[str] = "budget"
    amount_gbp: float
    kind: BudgetKind = "other"
    org: str | None = None
    period: str | None = None

    def identity(self) -> tuple:
        return (self.amount_gbp,)


class Milestone(Record):
    type: ClassVar[str] = "milestone"
    description: str
    date_text: str
    date_start: date | None = None
    date_end: date | None = None
    status: MilestoneStatus = "unknown"
    org: str | None = None
    # The date this one replaced, when the paper itself says the milestone moved ("now expected
    # in October 2020, rather than in April 2020"): the slip it states, read by
    # extractors/milestones/moves.py. The milestone's own date is the one now planned.
    replaced_date_text: str | None = None
    replaced_date_start: date | None = None
    replaced_date_end: date | None = None

    def identity(self) -> tuple:
        return (self.date_text,)


class Commitment(Record):
    type: ClassVar[str] = "commitment"
    actor: str
    action: str
    modality: Modality
    due: str | None = None
    due_start: date | None = None
    due_end: date | None = None


class Risk(Record):
    type: ClassVar[str] = "risk"
    description: str
    mitigation: str | None = None
    org: str | None = None


class Decision(Record):
    type: ClassVar[str] = "decision"
    body: str | None = None
    kind: DecisionKind
    date_text: str | None = None


class Relation(Record):
    type: ClassVar[str] = "relation"
    source: str
    relation: RelationKind
    target: str

    def identity(self) -> tuple:
        return (self.source, self.relation, self.target)


RECORD_TYPES: dict[str, type[BaseModel]] = {
    cls.type: cls for cls in (Organisation, Budget, Milestone, Commitment, Risk, Decision, Relation)
}


class PaperExtraction(BaseModel):
    """Everything one paper yields: what the warehouse loads in one transaction."""

    document: Document
    sections: list[Section] = []
    organisations: list[Organisation] = []
    budgets: list[Budget] = []
    milestones: list[Milestone] = []
    commitments: list[Commitment] = []
    risks: list[Risk] = []
    decisions: list[Decision] = []
    relations: list[Relation] = []

    def records(self) -> dict[str, list[BaseModel]]:
        """Extracted records by type name, organisations first."""
        return {"organisation": self.organisations, "budget": self.budgets,
                "milestone": self.milestones, "commitment": self.commitments,
                "risk": self.risks, "decision": self.decisions, "relation": self.relations}
