"""What incremental linking keeps between nights, and the blocking queries that find a night's
candidates in the warehouse instead of in Python.

State (written by every refresh, full or incremental, with the cross-paper tables):
- crosspaper_docs: the papers the cross-paper tables reflect, each with a fingerprint of what
  linking reads of it (its document row, milestones and organisations), so a paper loaded
  again with other records counts as replaced;
- crosspaper_milestones: their milestones' ids, so a paper's state can be dropped after its
  records have gone;
- crosspaper_keys: each paper's blocking keys (pipeline/crosspaper.py blocking_keys);
- org_keys: each per-paper organisation's folded name and its distinctive aliases' (body_key);
- milestone_matches: every pair of papers' matches before milestone_links keeps the
  consecutive ones, so a paper dated between two others can drop their link and give it back;
- graph_owners: the graph nodes each paper adds and the relation records its edges come from,
  so its part of the graph can be taken out and put back.
"""
from __future__ import annotations

import json

import duckdb

from warehouse.crosspaper import _insert
from warehouse.store import as_dicts

STATE_TABLES = ["crosspaper_docs", "crosspaper_milestones", "crosspaper_keys", "org_keys",
                "milestone_matches", "graph_owners"]


LIST = "?::JSON::VARCHAR[]"
"""A list parameter, sent as JSON text by _json."""


def _json(values: list[str]) -> str:
    """A list parameter as JSON text (cast back in SQL): DuckDB converts a Python list item by
    item, seconds for the thousands of ids a night passes."""
    return json.dumps(list(values))


def fingerprints(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """doc_id -> fingerprint of every current paper."""
    return dict(con.execute(
        "WITH ms AS (SELECT doc_id, string_agg(md5(m::VARCHAR), ',' ORDER BY id) AS h FROM milestones m "
        "GROUP BY doc_id), os AS (SELECT doc_id, string_agg(md5(o::VARCHAR), ',' ORDER BY id) AS h "
        "FROM organisations o GROUP BY doc_id) "
        "SELECT d.doc_id, md5(concat_ws('|', d.doc, d.date, d.title, d.organisation, ms.h, os.h)) "
        "FROM documents d LEFT JOIN ms USING (doc_id) LEFT JOIN os USING (doc_id) "
        "WHERE d.current_version").fetchall())


def stored_fingerprints(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute("SELECT doc_id, fingerprint FROM crosspaper_docs").fetchall())


def clear_state(con: duckdb.DuckDBPyConnection) -> None:
    for table in STATE_TABLES:
        con.execute(f"DELETE FROM {table}")


def drop_papers(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, list]:
    """Remove the papers' state, their names and their links; returns the milestone ids they had
    and the matches removed (each a dict), which the night recomputes around."""
    if not doc_ids:
        return {"milestones": [], "matches": []}
    ids = [i for (i,) in con.execute(f"SELECT id FROM crosspaper_milestones WHERE list_contains({LIST}, doc_id)",
                                     [_json(doc_ids)]).fetchall()]
    matches = drop_matches(con, doc_ids)
    for table in ("crosspaper_docs", "crosspaper_milestones", "crosspaper_keys", "org_keys", "org_names"):
        con.execute(f"DELETE FROM {table} WHERE list_contains({LIST}, doc_id)", [_json(doc_ids)])
    return {"milestones": ids, "matches": matches}


def add_papers(con: duckdb.DuckDBPyConnection, docs: list[dict], milestones: list[dict],
               keys: list[dict], org_keys: list[dict]) -> None:
    """Record papers as linked: docs (doc_id, fingerprint), their milestones (id, doc_id), their
    blocking keys (doc_id, kind, key) and organisation keys (doc_id, name, key, alias)."""
    _insert(con, "crosspaper_docs", ["doc_id", "fingerprint"], docs)
    _insert(con, "crosspaper_milestones", ["id", "doc_id"], milestones)
    _insert(con, "crosspaper_keys", ["doc_id", "kind", "key"], keys)
    _insert(con, "org_keys", ["doc_id", "name", "key", "alias"], org_keys)


def entities_sharing_keys(con: duckdb.DuckDBPyConnection, name_keys: list[str],
                          alias_keys: list[str]) -> set[str]:
    """Entities a night's organisations may join: those with a name whose key is one of the
    night's name or alias keys, or with an alias whose key is one of the night's name keys
    (resolve_organisations joins on exactly these)."""
    return {e for (e,) in con.execute(
        "SELECT DISTINCT n.entity_id FROM org_keys k JOIN org_names n USING (doc_id, name) "
        f"WHERE (NOT k.alias AND list_contains({LIST}, k.key)) "
        f"OR (k.alias AND list_contains({LIST}, k.key))",
        [_json(name_keys + alias_keys), _json(name_keys)]).fetchall()}


def entity_names(con: duckdb.DuckDBPyConnection, *, doc_ids: list[str] | None = None,
                 entity_ids: list[str] | None = None) -> dict[tuple[str, str], str]:
    """(doc_id, name) -> entity_id of the papers' names, or of the entities' names."""
    column, values = ("doc_id", doc_ids) if doc_ids is not None else ("entity_id", entity_ids)
    return {(d, n): e for d, n, e in con.execute(
        f"SELECT doc_id, name, entity_id FROM org_names WHERE list_contains({LIST}, {column})",
        [_json(values)]).fetchall()}


def replace_entities(con: duckdb.DuckDBPyConnection, old_ids: list[str], entities: list[dict],
                     names: list[dict]) -> None:
    """The touched entities and all their names replaced by their recomputed ones."""
    con.execute(f"DELETE FROM org_names WHERE list_contains({LIST}, entity_id)", [_json(old_ids)])
    con.execute(f"DELETE FROM org_entities WHERE list_contains({LIST}, entity_id)", [_json(old_ids)])
    _insert(con, "org_entities", ["entity_id", "name", "org_type", "aliases", "docs"], entities)
    _insert(con, "org_names", ["doc_id", "name", "entity_id"], names)


def rename_entities(con: duckdb.DuckDBPyConnection, renamed: dict[str, str]) -> None:
    """Slippage rows and graph edges follow a body whose id changed while its members stayed
    together."""
    for old, new in renamed.items():
        con.execute("UPDATE slippages SET entity_id = ? WHERE entity_id = ?", [new, old])
        for end in ("source", "target"):
            con.execute(f"UPDATE graph_edges SET {end} = ? WHERE {end} = ?", [f"org:{new}", f"org:{old}"])


def candidate_papers(con: duckdb.DuckDBPyConnection, doc_ids: list[str],
                     local_types: list[str]) -> list[tuple[str, str]]:
    """(paper, candidate) for each of the papers: the linked papers that name a local body in
    common with it (one of `local_types`: bodies_of, which link_milestones requires) and share a
    blocking key with it (a term, or an abbreviation one defines and the other says:
    pipeline/crosspaper.py blocking_keys says why no pair of papers without one can match)."""
    return con.execute(f"""
        WITH local AS (SELECT DISTINCT n.doc_id, n.entity_id FROM org_names n
                       JOIN organisations o ON o.doc_id = n.doc_id AND o.name = n.name
                       WHERE list_contains({LIST}, o.org_type)),
        pairs AS (SELECT DISTINCT a.doc_id AS a, b.doc_id AS b FROM local a JOIN local b
                  ON a.entity_id = b.entity_id AND a.doc_id <> b.doc_id
                  WHERE list_contains({LIST}, a.doc_id)
                    AND b.doc_id IN (SELECT doc_id FROM crosspaper_docs))
        SELECT DISTINCT p.a, p.b FROM pairs p
        JOIN crosspaper_keys ka ON ka.doc_id = p.a
        JOIN crosspaper_keys kb ON kb.doc_id = p.b AND kb.key = ka.key
        WHERE (ka.kind = 'term' AND kb.kind = 'term') OR (ka.kind = 'says' AND kb.kind = 'defines')
           OR (ka.kind = 'defines' AND kb.kind = 'says')
        ORDER BY p.a, p.b""", [_json(local_types), _json(doc_ids)]).fetchall()


def add_matches(con: duckdb.DuckDBPyConnection, matches: list[dict]) -> None:
    _insert(con, "milestone_matches",
            ["earlier_id", "later_id", "earlier_doc_id", "later_doc_id", "similarity"], matches)


def match_components(con: duckdb.DuckDBPyConnection, milestone_ids: list[str]) -> list[dict]:
    """Every stored match joined, through matches, to one of the milestones: all that decides
    those milestones' links and series (pipeline/crosspaper.py consecutive, with_series)."""
    return as_dicts(con.execute(f"""
        WITH RECURSIVE edge AS (SELECT earlier_id AS a, later_id AS b FROM milestone_matches
                                UNION ALL SELECT later_id, earlier_id FROM milestone_matches),
        reach(id) AS (SELECT unnest({LIST}) UNION SELECT e.b FROM reach r JOIN edge e ON e.a = r.id)
        SELECT * FROM milestone_matches WHERE earlier_id IN (SELECT id FROM reach)
        ORDER BY earlier_id, later_id""", [_json(milestone_ids)]))


def replace_links(con: duckdb.DuckDBPyConnection, milestone_ids: list[str], links: list[dict]) -> list[dict]:
    """Links touching the milestones replaced by `links`; returns the links removed."""
    removed = as_dicts(con.execute(
        f"DELETE FROM milestone_links WHERE list_contains({LIST}, earlier_id) "
        f"OR list_contains({LIST}, later_id) RETURNING *",
        [_json(milestone_ids)] * 2))
    _insert(con, "milestone_links", ["earlier_id", "later_id", "series_id", "similarity"], links)
    return removed


def links_from(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[dict]:
    """The stored links whose earlier milestone is in one of the papers, with the later one's paper."""
    return as_dicts(con.execute(
        "SELECT l.*, m.doc_id AS later_doc_id FROM milestone_links l "
        "JOIN crosspaper_milestones e ON e.id = l.earlier_id "
        "JOIN crosspaper_milestones m ON m.id = l.later_id "
        f"WHERE list_contains({LIST}, e.doc_id) ORDER BY l.earlier_id, l.later_id", [_json(doc_ids)]))


def papers_of_milestones(con: duckdb.DuckDBPyConnection, milestone_ids: list[str]) -> set[str]:
    return {d for (d,) in con.execute(
        f"SELECT DISTINCT doc_id FROM crosspaper_milestones WHERE list_contains({LIST}, id)",
        [_json(milestone_ids)]).fetchall()}


def replace_slips(con: duckdb.DuckDBPyConnection, kind: str, milestone_ids: list[str],
                  slips: list[dict]) -> int:
    """The slips of a kind touching the milestones replaced by `slips`, a slip already known (by
    key) keeping its first_seen; returns how many are new."""
    removed = dict(con.execute(
        f"DELETE FROM slippages WHERE kind = ? "
        f"AND (list_contains({LIST}, earlier_id) OR list_contains({LIST}, later_id)) "
        "RETURNING key, first_seen::VARCHAR", [kind, _json(milestone_ids), _json(milestone_ids)]).fetchall())
    now = con.execute("SELECT current_timestamp::VARCHAR").fetchone()[0]
    _insert(con, "slippages", ["key", "kind", "earlier_id", "later_id", "later_doc_id", "entity_id", "slip_days",
                               "first_seen"], [{**s, "first_seen": removed.get(s["key"], now)} for s in slips])
    return sum(1 for s in slips if s["key"] not in removed)


def drop_matches(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[dict]:
    """Remove the matches of the papers (to be matched again); returns them."""
    return as_dicts(con.execute(
        f"DELETE FROM milestone_matches WHERE list_contains({LIST}, earlier_doc_id) "
        f"OR list_contains({LIST}, later_doc_id) RETURNING *", [_json(doc_ids)] * 2))


def has_state(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a refresh has recorded what it linked (a warehouse made before, or never
    refreshed, is recomputed whole)."""
    return con.execute("SELECT count(*) > 0 FROM crosspaper_docs").fetchone()[0]


def drop_graph_parts(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """Take the papers' nodes out of the graph, with every edge touching them or read off
    their relations."""
    owned = f"(SELECT owned FROM graph_owners WHERE list_contains({LIST}, doc_id))"
    con.execute(f"DELETE FROM graph_edges WHERE source IN {owned} OR target IN {owned} "
                f"OR json_extract_string(attrs, 'record_id') IN {owned}", [_json(doc_ids)] * 3)
    con.execute(f"DELETE FROM graph_nodes WHERE node_id IN {owned}", [_json(doc_ids)])
    con.execute(f"DELETE FROM graph_owners WHERE list_contains({LIST}, doc_id)", [_json(doc_ids)])


def add_graph_parts(con: duckdb.DuckDBPyConnection, nodes: list[dict], edges: list[dict],
                    owners: list[dict]) -> None:
    """Papers' nodes (those not already a body's: a body's node comes first, as in
    build_graph_rows), edges and owners (doc_id, owned) added to the graph."""
    taken = {n for (n,) in con.execute(f"SELECT node_id FROM graph_nodes WHERE list_contains({LIST}, node_id)",
                                        [_json([n["node_id"] for n in nodes])]).fetchall()}
    _insert(con, "graph_nodes", ["node_id", "kind", "label", "attrs"], [n for n in nodes if n["node_id"] not in taken])
    _insert(con, "graph_edges", ["source", "target", "relation", "attrs"], edges)
    _insert(con, "graph_owners", ["doc_id", "owned"], [o for o in owners if o["owned"] not in taken])


def replace_body_nodes(con: duckdb.DuckDBPyConnection, old_ids: list[str], nodes: list[dict]) -> None:
    """The touched bodies' nodes replaced; a body's node displaces a paper's node of its id."""
    con.execute(f"DELETE FROM graph_nodes WHERE list_contains({LIST}, node_id)",
                [_json([f"org:{i}" for i in old_ids] + [n["node_id"] for n in nodes])])
    con.execute(f"DELETE FROM graph_owners WHERE list_contains({LIST}, owned)", [_json([n["node_id"] for n in nodes])])
    _insert(con, "graph_nodes", ["node_id", "kind", "label", "attrs"], nodes)


def replace_series_edges(con: duckdb.DuckDBPyConnection, milestone_ids: list[str], edges: list[dict]) -> None:
    """The restates and slipped_to edges touching the milestones replaced by `edges`."""
    nodes = _json([f"milestone:{i}" for i in milestone_ids])
    con.execute(f"DELETE FROM graph_edges WHERE relation IN ('restates', 'slipped_to') "
                f"AND (list_contains({LIST}, source) OR list_contains({LIST}, target))", [nodes, nodes])
    _insert(con, "graph_edges", ["source", "target", "relation", "attrs"], edges)


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return dict(zip(["organisations", "milestone_links", "slippage", "overdue", "nodes", "edges"], con.execute(
        "SELECT (SELECT count(*) FROM org_entities), (SELECT count(*) FROM milestone_links), "
        "(SELECT count(*) FROM slippages WHERE kind = 'slipped'), "
        "(SELECT count(*) FROM slippages WHERE kind = 'overdue'), "
        "(SELECT count(*) FROM graph_nodes), (SELECT count(*) FROM graph_edges)").fetchone()))


def withhold_papers(con: duckdb.DuckDBPyConnection, doc_ids: list[str], withheld: bool = True) -> None:
    """Mark papers not current (or current again): a bench's night, loaded after the warehouse."""
    con.execute(f"UPDATE documents SET current_version = ? WHERE list_contains({LIST}, doc_id)",
                [not withheld, _json(doc_ids)])


def checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Write the WAL into the database, so a timed step does not pay for the step before it."""
    con.execute("CHECKPOINT")


def newest_papers(con: duckdb.DuckDBPyConnection, n: int) -> list[str]:
    return [d for (d,) in con.execute("SELECT doc_id FROM documents WHERE current_version "
                                      "ORDER BY date DESC, doc_id LIMIT ?", [n]).fetchall()]
