"""One thing at a time, for the web app's pages: a record with its restatements and graph
neighbours, an organisation with its papers, records and neighbourhood, a paper's file.

Organisation ids are those of warehouse/browse.py (the cross-paper entity id, or a slug of an
unresolved name); functions reading browse_record_orgs need `browse.prepare_items` first
(the published version the web app reads has it).
"""
import json

import duckdb

from warehouse.schema import RECORD_TABLES
from warehouse.store import as_dicts

TABLES = {**RECORD_TABLES, "section": "sections"}
EVENT_NODE_KINDS = ("milestone", "commitment", "decision")
"""Record types that are graph nodes of their own (node id 'kind:record id')."""


def record(con: duckdb.DuckDBPyConnection, record_id: str) -> dict | None:
    """Every column of the record or section, its `type`, its paper's `paper_title`,
    `paper_date` and `committee`, and the organisations it names ([{org_id, org_name}]);
    None if unknown."""
    found = con.execute("SELECT type FROM search_items WHERE id = ?", [record_id]).fetchone()
    if found is None:
        return None
    kind = found[0]
    rows = as_dicts(con.execute(
        f"SELECT t.*, d.doc AS doc, d.title AS paper_title, d.date AS paper_date, d.committee "
        f"FROM {TABLES[kind]} AS t JOIN documents AS d USING (doc_id) WHERE t.id = ?",
        [record_id]))
    if not rows:
        return None
    row = {"type": kind, **rows[0]}
    row["orgs"] = as_dicts(con.execute(
        "SELECT org_id, any_value(org_name) AS org_name FROM browse_record_orgs WHERE id = ? "
        "GROUP BY org_id ORDER BY org_name", [record_id]))
    return row


def restatements(con: duckdb.DuckDBPyConnection, record_id: str) -> list[dict]:
    """The milestone's series across papers, this one included, oldest paper first: each
    restatement's id, doc, title, paper date, date_text, date_start, date_end, status, page
    and quote. Empty when the cross-paper step linked nothing to it."""
    return as_dicts(con.execute(
        "WITH RECURSIVE series(id) AS (SELECT CAST(? AS VARCHAR) "
        "  UNION SELECT CASE WHEN l.earlier_id = s.id THEN l.later_id ELSE l.earlier_id END "
        "  FROM milestone_links l JOIN series s ON s.id IN (l.earlier_id, l.later_id)) "
        "SELECT m.id, d.doc, d.title, d.date AS paper_date, m.date_text, m.date_start, "
        "m.date_end, m.status, m.page, m.quote FROM series JOIN milestones m USING (id) "
        "JOIN documents d USING (doc_id) "
        "WHERE (SELECT count(*) FROM series) > 1 ORDER BY d.date, d.doc, m.page",
        [record_id]))


def neighbours(con: duckdb.DuckDBPyConnection, node_id: str) -> list[dict]:
    """The graph's edges at a node, each as {direction ('out' or 'in'), relation, node_id,
    kind, label, record_id (the record behind the edge or the other node, if any), doc,
    title (the paper's, or the other node's when that is a paper), page, quote}."""
    rows = as_dicts(con.execute(
        "SELECT CASE WHEN e.source = ? THEN 'out' ELSE 'in' END AS direction, e.relation, "
        "n.node_id, n.kind, n.label, e.attrs AS edge_attrs, n.attrs AS node_attrs "
        "FROM graph_edges e JOIN graph_nodes n "
        "  ON n.node_id = CASE WHEN e.source = ? THEN e.target ELSE e.source END "
        "WHERE e.source = ? OR e.target = ? ORDER BY e.relation, n.kind, n.label",
        [node_id] * 4))
    for row in rows:
        edge, node = json.loads(row.pop("edge_attrs")), json.loads(row.pop("node_attrs"))
        row["record_id"] = edge.get("record_id") or node.get("record_id")
        row["doc"] = edge.get("doc") or node.get("doc")
        row["title"] = edge.get("title") or node.get("title")
        row["page"] = edge.get("page") or node.get("page")
        row["quote"] = edge.get("quote") or node.get("quote")
    return rows


def record_node(con: duckdb.DuckDBPyConnection, rec: dict) -> str | None:
    """The graph node standing for a record: its own node for milestones, commitments and
    decisions, its organisation's for an organisation record; None for the rest."""
    if rec["type"] in EVENT_NODE_KINDS:
        node_id = f"{rec['type']}:{rec['id']}"
    elif rec["type"] == "organisation" and rec["orgs"]:
        node_id = f"org:{rec['orgs'][0]['org_id']}"
    else:
        return None
    exists = con.execute("SELECT count(*) FROM graph_nodes WHERE node_id = ?", [node_id])
    return node_id if exists.fetchone()[0] else None


def relation_edges(con: duckdb.DuckDBPyConnection, record_id: str) -> list[dict]:
    """The graph edges a relation record stands for: {source, source_label, source_kind,
    relation, target, target_label, target_kind}."""
    return as_dicts(con.execute(
        "SELECT e.source, s.label AS source_label, s.kind AS source_kind, e.relation, "
        "e.target, t.label AS target_label, t.kind AS target_kind FROM graph_edges e "
        "JOIN graph_nodes s ON s.node_id = e.source JOIN graph_nodes t ON t.node_id = e.target "
        "WHERE json_extract_string(e.attrs, '$.record_id') = ?", [record_id]))


def organisations(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every organisation any record names: id, name, org_type (None if unresolved), records
    and papers (how many), by name."""
    return as_dicts(con.execute(
        "SELECT * FROM (SELECT o.org_id AS id, coalesce(any_value(e.name), mode(o.org_name)) "
        "  AS name, any_value(e.org_type) AS org_type, count(DISTINCT o.id) AS records, "
        "  count(DISTINCT s.doc_id) AS papers "
        "  FROM browse_record_orgs o JOIN search_items s USING (id) "
        "  LEFT JOIN org_entities e ON e.entity_id = o.org_id GROUP BY o.org_id) "
        "ORDER BY lower(name), id"))


def organisation(con: duckdb.DuckDBPyConnection, org_id: str) -> dict | None:
    """The organisation's id, name, org_type, aliases, the names papers give it, how many
    records of each type name it ({type: n}) and its papers (doc_id, doc, title, date,
    committee, records), newest first; None if no record names it."""
    names = [n for (n,) in con.execute(
        "SELECT org_name FROM browse_record_orgs WHERE org_id = ? GROUP BY org_name "
        "ORDER BY count(*) DESC, org_name", [org_id]).fetchall()]
    if not names:
        return None
    entity = con.execute("SELECT name, org_type, aliases FROM org_entities WHERE entity_id = ?",
                         [org_id]).fetchone()
    name, org_type, aliases = entity if entity else (names[0], None, [])
    by_type = dict(con.execute(
        "SELECT s.type, count(DISTINCT s.id) FROM browse_record_orgs o JOIN search_items s "
        "USING (id) WHERE o.org_id = ? GROUP BY s.type ORDER BY s.type", [org_id]).fetchall())
    papers = as_dicts(con.execute(
        "SELECT d.doc_id, d.doc, d.title, d.date, d.committee, count(DISTINCT s.id) AS records "
        "FROM browse_record_orgs o JOIN search_items s USING (id) JOIN documents d USING (doc_id) "
        "WHERE o.org_id = ? GROUP BY ALL ORDER BY d.date DESC NULLS LAST, d.doc", [org_id]))
    return {"id": org_id, "name": name, "org_type": org_type, "aliases": list(aliases or []),
            "names": names, "records_by_type": by_type, "papers": papers}


def org_neighbourhood(con: duckdb.DuckDBPyConnection, org_id: str) -> list[dict]:
    """The organisation's relations to other bodies and activities in the graph (not the
    records it is actor of, nor papers): {direction, relation, node_id, kind, label,
    org_id (the other end's, if an organisation), record_id, doc, title, page, quote}."""
    return _relations_at(con, f"org:{org_id}")


def second_neighbourhood(con: duckdb.DuckDBPyConnection, org_id: str,
                         first: list[dict]) -> list[dict]:
    """The relations of the organisations in `first` (org_neighbourhood's answer) to
    anything but the organisation itself, as org_neighbourhood gives them, each with `via`,
    the node of `first` it starts from."""
    found = []
    for node_id in dict.fromkeys(e["node_id"] for e in first if e["org_id"]):
        found += [{**edge, "via": node_id} for edge in _relations_at(con, node_id)
                  if edge["node_id"] != f"org:{org_id}"]
    return found


def _relations_at(con: duckdb.DuckDBPyConnection, node_id: str) -> list[dict]:
    edges = [e for e in neighbours(con, node_id)
             if e["relation"] not in ("actor", "responsible_for", "stated_in")]
    for edge in edges:
        edge["org_id"] = edge["node_id"][4:] if edge["node_id"].startswith("org:") else None
    return edges


def graph(con: duckdb.DuckDBPyConnection, org_id: str | None = None,
          relations_only: bool = False) -> tuple[list[dict], list[dict]]:
    """The stored graph's nodes and edges (attrs decoded), or only what touches one
    organisation; `relations_only` leaves out stated_in, actor and responsible_for edges."""
    where, params = [], []
    if org_id is not None:
        where.append("(source = ? OR target = ?)")
        params += [f"org:{org_id}"] * 2
    if relations_only:
        where.append("relation NOT IN ('stated_in', 'actor', 'responsible_for')")
    condition = f"WHERE {' AND '.join(where)}" if where else ""
    edges = as_dicts(con.execute(
        f"SELECT source, target, relation, attrs FROM graph_edges {condition} "
        "ORDER BY source, target, relation", params))
    if org_id is None and not relations_only:
        nodes = as_dicts(con.execute(
            "SELECT node_id, kind, label, attrs FROM graph_nodes ORDER BY node_id"))
    else:
        ends = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        nodes = as_dicts(con.execute(
            "SELECT node_id, kind, label, attrs FROM graph_nodes "
            "WHERE list_contains(?, node_id) ORDER BY node_id", [ends]))
    for row in nodes + edges:
        row["attrs"] = json.loads(row["attrs"]) if row["attrs"] else {}
    return nodes, edges


def paper_paths(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[str]:
    """Where the paper's bytes were found: its current paths first, then its recorded one."""
    return [p for (p,) in con.execute(
        "SELECT path FROM (SELECT path, 0 AS o FROM document_paths WHERE doc_id = ? "
        "UNION SELECT path, 1 FROM documents WHERE doc_id = ?) GROUP BY path ORDER BY min(o), path",
        [doc_id, doc_id]).fetchall()]


def paper(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict | None:
    """The paper's doc_id, doc, title, date, committee, organisation and pages."""
    rows = as_dicts(con.execute(
        "SELECT doc_id, doc, title, date, committee, organisation, pages FROM documents "
        "WHERE doc_id = ?", [doc_id]))
    return rows[0] if rows else None


def slipped_series(con: duckdb.DuckDBPyConnection, org_id: str | None = None) -> list[dict]:
    """Each milestone series (the cross-paper step's restatements) in which a later paper gave
    a later date, with every statement of it, oldest paper first: {series_id, description,
    org, slip_days (last stated end minus first), statements: [{id, doc, title, paper_date,
    date_text, date_start, date_end, status, page, quote}]}, biggest slip first. `org_id`
    keeps the series whose slips the cross-paper step laid on that organisation."""
    rows = as_dicts(con.execute(
        "WITH slipped AS (SELECT DISTINCT l.series_id FROM slippages s JOIN milestone_links l "
        "  ON l.earlier_id = s.earlier_id AND l.later_id = s.later_id "
        "  WHERE s.kind = 'slipped' AND (CAST(? AS VARCHAR) IS NULL OR s.entity_id = ?)), "
        "members AS (SELECT series_id, earlier_id AS id FROM milestone_links "
        "  WHERE series_id IN (SELECT series_id FROM slipped) "
        "  UNION SELECT series_id, later_id FROM milestone_links "
        "  WHERE series_id IN (SELECT series_id FROM slipped)) "
        "SELECT m.series_id, ms.id, d.doc, d.title, d.date AS paper_date, ms.description, ms.date_text, "
        "ms.date_start, ms.date_end, ms.status, ms.page, ms.quote, "
        "coalesce(e.name, ms.org) AS org FROM members m JOIN milestones ms USING (id) "
        "JOIN documents d USING (doc_id) "
        "LEFT JOIN org_names n ON n.doc_id = ms.doc_id AND n.name = ms.org "
        "LEFT JOIN org_entities e ON e.entity_id = n.entity_id "
        "ORDER BY m.series_id, d.date, d.doc, ms.page", [org_id, org_id]))
    series: dict[str, dict] = {}
    for row in rows:
        one = series.setdefault(row["series_id"], {
            "series_id": row["series_id"], "description": row["description"], "org": None,
            "statements": []})
        one["org"] = one["org"] or row.pop("org")
        row.pop("org", None)
        del row["series_id"], row["description"]
        one["statements"].append(row)
    for one in series.values():
        ends = [s["date_end"] for s in one["statements"] if s["date_end"]]
        one["slip_days"] = (ends[-1] - ends[0]).days if ends else 0
    return sorted(series.values(), key=lambda s: (-s["slip_days"], s["description"]))


def slipping_organisations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Ids of the organisations the cross-paper step laid a slipped milestone on."""
    return {entity for (entity,) in con.execute(
        "SELECT DISTINCT entity_id FROM slippages WHERE kind = 'slipped' "
        "AND entity_id IS NOT NULL").fetchall()}
