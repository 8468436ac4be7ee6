"""The pages scrutiny officers use, rendered on the server with Jinja2 (autoescaped)."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, StreamingResponse

import warehouse
from warehouse import lookup
from warehouse.browse import Filters
from warehouse.textindex import TextIndex, query_stems
from web import svg
from web.api import Published, hit_links, org_name, slip_series
from web.app import templates, warehouse_cursor
from web.highlight import excerpt, highlight, words
from web.params import ORG_ID, DocId, OrgId, RecordId, SearchQuery

router = APIRouter(include_in_schema=False)
Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(warehouse_cursor)]
CSV_LIMIT = 10_000
"""Most rows a CSV download holds; the page says so when a search has more."""
CSV_FIELDS = ["type", "doc", "title", "date", "committee", "page", "section", "quote", "score",
              "id", "doc_id", "pdf", "record"]


def highlighted(index: TextIndex, query: str | None, texts: list[str]):
    """A function giving an excerpt of any of `texts` with the query's matched words marked."""
    matched = index.match_stems(query) if query else set()
    stems = {word: stem for word in words(texts) for stem in query_stems(word)} if matched else {}
    return lambda text: highlight(excerpt(text, stems, matched), stems, matched)


@router.get("/")
@router.get("/search")
def search_page(request: Request, params: Annotated[SearchQuery, Query()], view: Published):
    con = view.con
    hits, total, facets = view.index.results_page(params.filters, sort=params.order,
                                                  limit=params.limit,
                                                  offset=(params.page - 1) * params.limit)
    mark = highlighted(view.index, params.filters.query, [h["quote"] for h in hits])
    return templates.TemplateResponse(request, "search.html", {
        "params": params, "hits": [hit_links(h) for h in hits], "total": total,
        "facets": facets, "mark": mark, "csv_limit": CSV_LIMIT,
        "org_label": _label(facets["org"], params.org,
                            lambda: (lookup.organisation(con, params.org) or {}).get("name")),
        "paper_label": _label(facets["paper"], params.paper,
                              lambda: _paper_name(lookup.paper(con, params.paper))),
        "pages": -(-total // params.limit)})


def _paper_name(paper: dict | None) -> str | None:
    """A paper as people know it: its title, else its file name."""
    return (paper.get("title") or paper["doc"]) if paper else None


def _label(values: list[dict], chosen: str | None, look_up) -> str | None:
    """The display name of the chosen facet value: its facet's label, or when the facet
    does not list it (it matches nothing, or is past the biggest values), looked up."""
    if chosen is None:
        return None
    for value in values:
        if value["value"] == chosen:
            return value["label"]
    return look_up() or chosen


@router.get("/search.csv")
def search_csv(params: Annotated[SearchQuery, Query()], view: Published):
    """The current search's results (all pages, up to CSV_LIMIT) as a spreadsheet."""
    hits, _ = view.index.faceted_search(params.filters, sort=params.order, limit=CSV_LIMIT)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    for hit in hits:
        writer.writerow(hit_links(hit))
    return StreamingResponse(iter([out.getvalue()]), media_type="text/csv; charset=utf-8",
                             headers={"Content-Disposition":
                                      'attachment; filename="boardpapers-search.csv"'})


@router.get("/records/{record_id}")
def record_page(request: Request, record_id: RecordId, con: Cursor):
    found = lookup.record(con, record_id)
    if found is None:
        raise HTTPException(404, "There is no such record (it may belong to a paper that has "
                                 "since been replaced).")
    node = lookup.record_node(con, found)
    fields = {k: v for k, v in found.items() if k not in (
        "type", "id", "doc_id", "doc", "page", "section", "quote", "paper_title", "paper_date",
        "committee", "title", "ocr", "ocr_confidence",
        "orgs", "char_start", "char_end", "text", "path", "ordinal") and v not in (None, [], "")}
    return templates.TemplateResponse(request, "record.html", {
        "rec": hit_links(found), "fields": fields, "heading": _heading(found),
        "restatements": lookup.restatements(con, record_id),
        "neighbours": lookup.neighbours(con, node) if node else [],
        "relation_edges": lookup.relation_edges(con, record_id)})


def _heading(rec: dict) -> str:
    """What a record is, in a line."""
    kind = rec["type"]
    if kind == "budget":
        return f"£{rec['amount_gbp']:,.0f} {rec['kind']}" + (f", {rec['org']}" if rec["org"] else "")
    if kind == "commitment":
        return f"{rec['actor']}: {rec['action']}"
    if kind == "relation":
        return f"{rec['source']} {rec['relation'].replace('_', ' ')} {rec['target']}"
    if kind == "decision":
        return f"{rec['kind']}" + (f" of {rec['body']}" if rec["body"] else "")
    return rec.get("name") or rec.get("description") or rec.get("title") or rec.get("paper_title") or rec["doc"]


@router.get("/organisations")
def organisations_page(request: Request, con: Cursor):
    return templates.TemplateResponse(request, "organisations.html", {
        "organisations": lookup.organisations(con)})


@router.get("/organisations/{org_id}")
def organisation_page(request: Request, org_id: OrgId, view: Published):
    con = view.con
    found = lookup.organisation(con, org_id)
    if found is None:
        raise HTTPException(404, "No record names that organisation.")
    neighbourhood = lookup.org_neighbourhood(con, org_id)
    further = lookup.second_neighbourhood(con, org_id, neighbourhood)
    hits, total = view.index.faceted_search(Filters(org=org_id), sort="newest", limit=200)
    return templates.TemplateResponse(request, "organisation.html", {
        "org": found, "neighbourhood": neighbourhood, "hits": [hit_links(h) for h in hits],
        "total": total, "picture": svg.neighbourhood(found["name"], neighbourhood, further),
        "slipped": warehouse.every_slip(con, org=found["name"])})


@router.get("/slippage")
def slippage_page(request: Request, con: Cursor, org: Annotated[str | None, Query(
        pattern=ORG_ID)] = None):
    name = org_name(con, org)
    series = slip_series(con, org, name)
    return templates.TemplateResponse(request, "slippage.html", {
        "org": org, "org_label": name, "series": series,
        "overdue": warehouse.overdue(con, org=name), "chart": svg.slippage_timeline(series),
        "organisations": _slipping_organisations(con, org)})


def _slipping_organisations(con: duckdb.DuckDBPyConnection, chosen: str | None) -> list[dict]:
    """Organisations to filter the dashboard by: those with slipped milestones."""
    slipping = lookup.slipping_organisations(con) | warehouse.explicitly_slipping_organisations(con)
    return [o for o in lookup.organisations(con) if o["id"] in slipping or o["id"] == chosen]


@router.get("/papers/{doc_id}.pdf")
def paper_pdf(doc_id: DocId, con: Cursor):
    """The stored PDF itself, shown inline so that #page=N opens it at the page."""
    paper = lookup.paper(con, doc_id)
    if paper is None:
        raise HTTPException(404, "No such paper.")
    for path in lookup.paper_paths(con, doc_id):
        # Ingest stores resolved paths; a relative one would mean the server's folder.
        if Path(path).is_absolute() and Path(path).is_file():
            return FileResponse(path, media_type="application/pdf", content_disposition_type="inline",
                                filename=f"{paper['doc']}.pdf")
    raise HTTPException(404, f"The file of {paper['doc']} is no longer where it was ingested "
                             "from.")


@router.get("/papers/{doc_id}")
def paper_page(doc_id: DocId):
    return RedirectResponse(f"/search?paper={doc_id}", status_code=307)
