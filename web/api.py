"""The JSON API (OpenAPI docs at /docs): the same answers as the pages, for programs."""
from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query

import warehouse
from warehouse import lookup
from web.app import published_view, warehouse_cursor
from web.snapshot import View
from web.params import ORG_ID, OrgId, RecordId, SearchQuery

router = APIRouter(prefix="/api", tags=["api"])
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(warehouse_cursor)]
Published = Annotated[View, Depends(published_view)]


def hit_links(hit: dict) -> dict:
    """A hit with where to read it: the PDF at its page, and its record page."""
    return {**hit, "pdf": f"/papers/{hit['doc_id']}.pdf#page={hit['page']}",
            "record": f"/records/{hit['id']}"}


@router.get("/search")
def search(params: Annotated[SearchQuery, Query()], view: Published) -> dict:
    """Records and sections matching `q` (BM25, best first) or, without `q`, all of them,
    narrowed by the filters: `{"results": [{"type", "doc", "title", "date", "page", "quote",
    "section", "committee", "score", "id", "doc_id", "pdf", "record"}], "total": N}`."""
    hits, total = view.index.faceted_search(params.filters, sort=params.order,
                                            limit=params.limit,
                                            offset=(params.page - 1) * params.limit)
    return {"results": [hit_links(h) for h in hits], "total": total,
            "page": params.page, "limit": params.limit}


def org_name(con: duckdb.DuckDBPyConnection, org_id: str | None) -> str | None:
    if org_id is None:
        return None
    found = lookup.organisation(con, org_id)
    if found is None:
        raise HTTPException(404, f"no organisation {org_id}")
    return found["name"]


@router.get("/slippage")
def slippage(con: Cursor, org: Annotated[str | None, Query(
        pattern=ORG_ID, description="An organisation's id: keep its milestones")] = None) -> dict:
    """Milestones whose date moved, worst slip first (`results`: description, org, earlier and
    later each with doc, title, date_text, date_start, date_end, quote and page, slip_days, and
    kind: 'explicit' when one paper states the move, 'cross-paper' when a later paper restated
    an earlier one's date); the same as series, every statement of each milestone in paper
    order (`series`); and milestones overdue and unreported (`overdue`)."""
    name = org_name(con, org)
    slipped = warehouse.every_slip(con, org=name)
    return {"results": slipped, "total": len(slipped), "series": slip_series(con, org, name),
            "overdue": warehouse.overdue(con, org=name)}


def slip_series(con: duckdb.DuckDBPyConnection, org_id: str | None, name: str | None) -> list[dict]:
    """Cross-paper series and explicit slips together, worst first, each with its `kind`; an
    explicit slip is a series of two statements from one paper, the replaced date and the date
    now planned, whose words are quoted once (on the second)."""
    restated = [{**s, "kind": "cross-paper"} for s in lookup.slipped_series(con, org_id)]
    stated = [{"series_id": s["milestone_id"], "description": s["description"], "org": s["org"],
               "kind": "explicit", "slip_days": s["slip_days"],
               "statements": [{**s["earlier"], "id": s["milestone_id"], "quote": None},
                              {**s["later"], "id": s["milestone_id"]}]}
              for s in warehouse.explicit_slippage(con, org=name)]
    return sorted(restated + stated, key=lambda s: (-s["slip_days"], s["description"]))


@router.get("/organisations")
def organisations(con: Cursor) -> dict:
    """Every organisation a record names, with its id, name, type and how many records and
    papers name it."""
    found = lookup.organisations(con)
    return {"results": found, "total": len(found)}


@router.get("/organisations/{org_id}")
def organisation(org_id: OrgId, con: Cursor) -> dict:
    """One organisation: its names, records by type, papers, its relations in the graph
    (`neighbours`: direction, relation and the other end) and those of the organisations it
    is related to (`further`, each with `via`, the neighbour it starts from)."""
    found = lookup.organisation(con, org_id)
    if found is None:
        raise HTTPException(404, f"no organisation {org_id}")
    neighbours = lookup.org_neighbourhood(con, org_id)
    return {**found, "neighbours": neighbours,
            "further": lookup.second_neighbourhood(con, org_id, neighbours)}


@router.get("/records/{record_id}")
def record(record_id: RecordId, con: Cursor) -> dict:
    """One record or section with every field, its restatements across papers and its
    neighbours in the graph."""
    found = lookup.record(con, record_id)
    if found is None:
        raise HTTPException(404, f"no record {record_id}")
    node = lookup.record_node(con, found)
    return {**hit_links(found), "restatements": lookup.restatements(con, record_id),
            "graph_node": node, "neighbours": lookup.neighbours(con, node) if node else [],
            "relation_edges": lookup.relation_edges(con, record_id)}


@router.get("/graph")
def graph(con: Cursor,
          org: Annotated[str | None, Query(pattern=ORG_ID, description=(
              "Only the edges at this organisation"))] = None,
          relations_only: Annotated[bool, Query(description=(
              "Leave out stated_in, actor and responsible_for edges"))] = False) -> dict:
    """The graph of organisations, papers, decisions, commitments and milestones: `nodes`
    (node_id, kind, label, attrs) and `edges` (source, target, relation, attrs)."""
    nodes, edges = lookup.graph(con, org_id=org, relations_only=relations_only)
    return {"nodes": nodes, "edges": edges}
