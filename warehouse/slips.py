"""Slips a paper states itself ("now expected in October 2020, rather than in April 2020 as
previously planned"), read off the milestones that carry the date they replaced, and every slip
of both kinds together.

Explicit slips are no table of their own: a milestone's `replaced_date_*` columns are loaded,
and replaced, with its paper, so a slip can never outlive the words that state it.
"""
from __future__ import annotations

import duckdb

from warehouse.crosspaper import org_filter, slip_side, slippage
from warehouse.store import as_dicts

KINDS = ("explicit", "cross-paper")
"""A slip's kind: one paper states the move, or a later paper restates an earlier one's date."""


def explicit_slippage(con: duckdb.DuckDBPyConnection, org: str | None = None) -> list[dict]:
    """Milestones of current papers whose paper says their date moved, worst first: the shape
    of `slippage` (`earlier` is the replaced date, `later` the date now planned, both with the
    one paper, page and quote), `kind` 'explicit' and the milestone's id; negative `slip_days`
    for a date brought forward. `org` narrows to one body (its name or any alias)."""
    if not _has_replaced_dates(con):
        return []
    where, params = org_filter(con, org)
    rows = as_dicts(con.execute(
        "SELECT * FROM (SELECT m.id AS milestone_id, m.description, coalesce(oe.name, m.org) AS org, "
        "n.entity_id, d.doc AS e_doc, d.doc AS l_doc, d.title AS e_title, d.title AS l_title, "
        "m.page AS e_page, m.page AS l_page, "
        "m.quote AS e_quote, m.quote AS l_quote, m.replaced_date_text AS e_date_text, "
        "m.replaced_date_start AS e_date_start, m.replaced_date_end AS e_date_end, "
        "m.date_text AS l_date_text, m.date_start AS l_date_start, m.date_end AS l_date_end, "
        "datediff('day', m.replaced_date_end, m.date_end) AS slip_days "
        "FROM milestones m JOIN documents d USING (doc_id) "
        "LEFT JOIN org_names n ON n.doc_id = m.doc_id AND n.name = m.org "
        "LEFT JOIN org_entities oe ON oe.entity_id = n.entity_id "
        "WHERE d.current_version AND m.replaced_date_end IS NOT NULL AND m.date_end IS NOT NULL) s "
        f"WHERE true {where} ORDER BY s.slip_days DESC, s.description, s.e_doc", params))
    return [{"description": r["description"], "org": r["org"], "earlier": slip_side(r, "e"),
             "later": slip_side(r, "l"), "slip_days": r["slip_days"], "kind": "explicit",
             "milestone_id": r["milestone_id"]} for r in rows]


def every_slip(con: duckdb.DuckDBPyConnection, org: str | None = None) -> list[dict]:
    """Explicit and cross-paper slips together, each with its `kind`, worst first. A move
    stated in a paper that also restates the earlier paper's milestone is one slip, listed
    once as cross-paper (it has both papers' words); the statement alone is listed when the
    earlier paper is not in the warehouse."""
    restated = [{**s, "kind": "cross-paper"} for s in slippage(con, org)]
    restating = {_where(s["later"]) for s in restated}
    stated = [s for s in explicit_slippage(con, org) if _where(s["later"]) not in restating]
    return sorted(stated + restated,
                  key=lambda s: (-s["slip_days"], s["description"], s["later"]["doc"]))


def _where(side: dict) -> tuple:
    return side["doc"], side["page"], side["quote"]


def explicitly_slipping_organisations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Ids of the organisations whose milestones a paper says have moved."""
    if not _has_replaced_dates(con):
        return set()
    return {entity for (entity,) in con.execute(
        "SELECT DISTINCT n.entity_id FROM milestones m JOIN documents d USING (doc_id) "
        "JOIN org_names n ON n.doc_id = m.doc_id AND n.name = m.org "
        "WHERE d.current_version AND m.replaced_date_end IS NOT NULL").fetchall()}


def _has_replaced_dates(con: duckdb.DuckDBPyConnection) -> bool:
    """False for a warehouse made before milestones carried a replaced date, opened read-only
    (a writable one gains the columns when it is opened)."""
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'milestones' "
        "AND column_name = 'replaced_date_end' AND database_name = current_database()").fetchone()[0])
