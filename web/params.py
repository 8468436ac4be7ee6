"""What a user may send, validated before anything reaches the warehouse."""
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from warehouse.browse import SORTS, Filters

RecordType = Literal["organisation", "budget", "milestone", "commitment", "risk", "decision",
                     "relation", "section"]
Committee = Literal["HWB", "JHOSC", "other"]
Sort = Literal[tuple(SORTS)]

ORG_ID = r"^[a-z0-9][a-z0-9-]{0,119}$"
DOC_ID = r"^[0-9a-f]{64}$"
RECORD_ID = r"^[0-9a-f]{16}$"

OrgId = Annotated[str, Path(pattern=ORG_ID, description="An organisation's id, as listed by "
                                                       "/api/organisations")]
DocId = Annotated[str, Path(pattern=DOC_ID, description="A paper's SHA-256")]
RecordId = Annotated[str, Path(pattern=RECORD_ID, description="A record's or section's id")]


class SearchQuery(BaseModel):
    """A search as the search page's form and /api/search send it; an empty field is no
    filter (forms send them)."""
    model_config = ConfigDict(populate_by_name=True)

    q: str | None = Field(None, max_length=300, description="Words to find (BM25 full-text "
                          "search over quotes and section text); none lists every record")
    type: RecordType | None = Field(None, description="Keep one record type")
    org: str | None = Field(None, pattern=ORG_ID, description="Keep records naming this "
                            "organisation (its id)")
    committee: Committee | None = None
    paper: str | None = Field(None, pattern=DOC_ID, description="Keep one paper (its SHA-256)")
    date_from: date | None = Field(None, alias="from", description="Papers dated on or after")
    date_to: date | None = Field(None, alias="to", description="Papers dated on or before")
    sort: Sort | None = Field(None, description="relevance (default with a query), newest "
                              "(default without), oldest, paper or type")
    page: int = Field(1, ge=1, le=10_000, description="Page of results, from 1")
    limit: int = Field(50, ge=1, le=500, description="Results per page")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value):
        return None if isinstance(value, str) and not value.strip() else value

    @model_validator(mode="after")
    def _dates_in_order(self):
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("'from' is after 'to'")
        return self

    @property
    def filters(self) -> Filters:
        return Filters(query=self.q.strip() if self.q else None, type=self.type, org=self.org,
                       committee=self.committee, paper=self.paper, date_from=self.date_from,
                       date_to=self.date_to)

    @property
    def order(self) -> str:
        return self.sort or ("relevance" if self.q else "newest")

    def link(self, **changes) -> str:
        """This search's query string with some fields changed (None drops one); a change
        of anything but the page goes back to page 1."""
        values = {"q": self.q, "type": self.type, "org": self.org,
                  "committee": self.committee, "paper": self.paper,
                  "from": self.date_from.isoformat() if self.date_from else None,
                  "to": self.date_to.isoformat() if self.date_to else None,
                  "sort": self.sort, "page": self.page if self.page > 1 else None,
                  "limit": self.limit if self.limit != 50 else None}
        if "page" not in changes:
            values["page"] = None
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})
