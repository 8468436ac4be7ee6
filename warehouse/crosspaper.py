"""Reading what the cross-paper step needs, storing what it derives (organisation entities,
milestone links, slippage, the graph), and the slippage queries users ask."""
from __future__ import annotations

import json

import duckdb

from warehouse.load import insert_columns
from warehouse.store import as_dicts, transaction

CROSS_PAPER_TABLES = ["org_entities", "org_names", "milestone_links", "graph_nodes", "graph_edges"]


def current_rows(con: duckdb.DuckDBPyConnection, kind: str, doc_ids: list[str] | None = None) -> list[dict]:
    """Rows of a record table for current papers (or those of `doc_ids`), each with its paper's
    date, name, title and author body; `kind` is 'organisation', 'milestone', 'commitment',
    'decision' or 'relation'."""
    table = {"organisation": "organisations", "milestone": "milestones", "commitment": "commitments",
             "decision": "decisions", "relation": "relations"}[kind]
    only = "AND list_contains(?::JSON::VARCHAR[], d.doc_id)" if doc_ids is not None else ""
    return as_dicts(con.execute(
        f"SELECT t.*, d.date AS doc_date, d.title AS doc_title, d.organisation AS doc_author FROM {table} t "
        f"JOIN documents d USING (doc_id) WHERE d.current_version {only} ORDER BY d.doc, t.id",
        [json.dumps(doc_ids)] if doc_ids is not None else []))


def entity_member_rows(con: duckdb.DuckDBPyConnection, entity_ids: list[str]) -> list[dict]:
    """The current organisation rows (as current_rows) named as one of the entities."""
    return as_dicts(con.execute(
        "SELECT t.*, d.date AS doc_date, d.title AS doc_title, d.organisation AS doc_author FROM organisations t "
        "JOIN documents d USING (doc_id) JOIN org_names n ON n.doc_id = t.doc_id AND n.name = t.name "
        "WHERE d.current_version AND list_contains(?::JSON::VARCHAR[], n.entity_id) ORDER BY d.doc, t.id",
        [json.dumps(entity_ids)]))


def current_documents(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> list[dict]:
    only = "AND list_contains(?::JSON::VARCHAR[], doc_id)" if doc_ids is not None else ""
    return as_dicts(con.execute(
        f"SELECT doc_id, doc, title, date, committee, organisation, pages FROM documents "
        f"WHERE current_version {only} ORDER BY doc, doc_id", [json.dumps(doc_ids)] if doc_ids is not None else []))


def store_cross_paper(con: duckdb.DuckDBPyConnection, *, entities: list[dict], names: list[dict],
                      links: list[dict], slippages: list[dict], nodes: list[dict],
                      edges: list[dict], state: dict[str, list[dict]] | None = None) -> dict[str, int]:
    """Replace every cross-paper table in one transaction; a slippage already known (same key)
    keeps its first_seen. Returns how many rows of each slippage kind are new. `state` is what
    incremental linking keeps (warehouse/linkstate.py): docs, milestones, keys, org_keys, matches
    and owners."""
    from warehouse import linkstate

    with transaction(con):
        linkstate.clear_state(con)
        if state is not None:
            linkstate.add_papers(con, state["docs"], state["milestones"], state["keys"], state["org_keys"])
            linkstate.add_matches(con, state["matches"])
            _insert(con, "graph_owners", ["doc_id", "owned"], state["owners"])
        first_seen = dict(con.execute("SELECT key, first_seen::VARCHAR FROM slippages").fetchall())
        for table in [*CROSS_PAPER_TABLES, "slippages"]:
            con.execute(f"DELETE FROM {table}")
        _insert(con, "org_entities", ["entity_id", "name", "org_type", "aliases", "docs"], entities)
        _insert(con, "org_names", ["doc_id", "name", "entity_id"], names)
        _insert(con, "milestone_links", ["earlier_id", "later_id", "series_id", "similarity"], links)
        now = con.execute("SELECT current_timestamp::VARCHAR").fetchone()[0]
        _insert(con, "slippages", ["key", "kind", "earlier_id", "later_id", "later_doc_id", "entity_id",
                                   "slip_days", "first_seen"],
                [{**s, "first_seen": first_seen.get(s["key"], now)} for s in slippages])
        _insert(con, "graph_nodes", ["node_id", "kind", "label", "attrs"], nodes)
        _insert(con, "graph_edges", ["source", "target", "relation", "attrs"], edges)
    return {kind: sum(1 for s in slippages if s["kind"] == kind and s["key"] not in first_seen)
            for kind in ("slipped", "overdue")}


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[dict]) -> None:
    """Insert rows in one statement, as load.insert_columns does (a graph has thousands)."""
    if not rows:
        return
    types = dict(con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? "
                             "AND database_name = current_database() AND schema_name = 'main'",
                             [table]).fetchall())
    insert_columns(con, table, [(c, types[c]) for c in columns], rows)


def org_filter(con: duckdb.DuckDBPyConnection, org: str | None) -> tuple[str, list]:
    """Rows of the body whose name or an alias is `org` (any case); failing that, of the
    bodies whose name contains it."""
    if not org:
        return "", []
    ids = [i for (i,) in con.execute(
        "SELECT entity_id FROM org_entities WHERE lower(name) = lower(?) "
        "OR list_contains(list_transform(aliases, a -> lower(a)), lower(?))", [org, org]).fetchall()]
    if not ids:
        ids = [i for (i,) in con.execute("SELECT entity_id FROM org_entities "
                                         "WHERE contains(lower(name), lower(?))", [org]).fetchall()]
    return "AND list_contains(?, s.entity_id)", [ids]


def slippage(con: duckdb.DuckDBPyConnection, org: str | None = None) -> list[dict]:
    """Milestones a later paper restated with a later date, worst first: `description`, `org`,
    `earlier` and `later` (each `doc`, its paper's `title`, `date_text`, `date_start`, `date_end`, `quote`, `page`)
    and `slip_days`; `org` narrows to one body (its name or any alias)."""
    where, params = org_filter(con, org)
    rows = as_dicts(con.execute(
        "SELECT e.description, coalesce(oe.name, e.org) AS org, "
        "ed.doc AS e_doc, ed.title AS e_title, e.date_text AS e_date_text, e.date_start AS e_date_start, "
        "e.date_end AS e_date_end, e.quote AS e_quote, e.page AS e_page, "
        "ld.doc AS l_doc, ld.title AS l_title, l.date_text AS l_date_text, l.date_start AS l_date_start, "
        "l.date_end AS l_date_end, l.quote AS l_quote, l.page AS l_page, s.slip_days "
        "FROM slippages s JOIN milestones e ON e.id = s.earlier_id "
        "JOIN milestones l ON l.id = s.later_id "
        "JOIN documents ed ON ed.doc_id = e.doc_id JOIN documents ld ON ld.doc_id = l.doc_id "
        "LEFT JOIN org_entities oe ON oe.entity_id = s.entity_id "
        f"WHERE s.kind = 'slipped' {where} "
        "ORDER BY s.slip_days DESC, e.description, ld.doc", params))
    return [{"description": r["description"], "org": r["org"],
             "earlier": slip_side(r, "e"), "later": slip_side(r, "l"), "slip_days": r["slip_days"]}
            for r in rows]


def overdue(con: duckdb.DuckDBPyConnection, org: str | None = None) -> list[dict]:
    """Milestones whose date had passed by a later paper of the same body that neither restates
    them nor reports them achieved: `description`, `org`, `earlier` (as in slippage), and
    `later_doc` with its `later_title` and `later_date`, the first such paper; longest overdue first."""
    where, params = org_filter(con, org)
    rows = as_dicts(con.execute(
        "SELECT e.description, coalesce(oe.name, e.org) AS org, "
        "ed.doc AS e_doc, ed.title AS e_title, e.date_text AS e_date_text, e.date_start AS e_date_start, "
        "e.date_end AS e_date_end, e.quote AS e_quote, e.page AS e_page, "
        "ld.doc AS later_doc, ld.title AS later_title, ld.date AS later_date, s.slip_days AS days_overdue "
        "FROM slippages s JOIN milestones e ON e.id = s.earlier_id "
        "JOIN documents ed ON ed.doc_id = e.doc_id JOIN documents ld ON ld.doc_id = s.later_doc_id "
        "LEFT JOIN org_entities oe ON oe.entity_id = s.entity_id "
        f"WHERE s.kind = 'overdue' {where} "
        "ORDER BY s.slip_days DESC, e.description", params))
    return [{"description": r["description"], "org": r["org"], "earlier": slip_side(r, "e"),
             "later_doc": r["later_doc"], "later_title": r["later_title"], "later_date": r["later_date"],
             "days_overdue": r["days_overdue"]} for r in rows]


def slip_side(row: dict, p: str) -> dict:
    return {"doc": row[f"{p}_doc"], "title": row[f"{p}_title"], "date_text": row[f"{p}_date_text"],
            "date_start": _iso(row[f"{p}_date_start"]), "date_end": _iso(row[f"{p}_date_end"]),
            "quote": row[f"{p}_quote"], "page": row[f"{p}_page"]}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def graph_rows(con: duckdb.DuckDBPyConnection) -> tuple[list[dict], list[dict]]:
    """The stored graph: nodes and edges with their attrs decoded."""
    nodes = as_dicts(con.execute("SELECT node_id, kind, label, attrs FROM graph_nodes ORDER BY node_id"))
    edges = as_dicts(con.execute("SELECT source, target, relation, attrs FROM graph_edges "
                                 "ORDER BY source, target, relation"))
    for row in nodes + edges:
        row["attrs"] = json.loads(row["attrs"]) if row["attrs"] else {}
    return nodes, edges
