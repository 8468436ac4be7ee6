"""What the web app reads, published by the nightly flow as its last step: a numbered version
folder beside the warehouse with the tables the app's pages read as Parquet and the search
index (warehouse/textindex.py), then a CURRENT file naming it, replaced atomically.

The app never opens the warehouse (DuckDB's lock would keep the ingest out): it opens the
version CURRENT names, read-only, and swaps to the next one when CURRENT changes
(web/snapshot.py). The previous version is kept for requests still reading it; older ones are
deleted.

A night publishes what changed, not the warehouse: a paper's rows are fingerprinted (a hash
of every row of it in every table), and only papers whose fingerprint differs from the last
version's (new, replaced, re-read, or whose organisations were resolved anew) are written, as
a new segment of each paper table, and deleted from and added to the search index. The rest
of the new version is hard links to the previous one's files: Parquet and tantivy's segment
files are never rewritten, and tantivy replaces its meta files by renaming, so the previous
version's readers see nothing change. A paper's rows in an older segment are hidden by any
later segment that rewrote the paper. The cross-paper tables (organisations across papers,
milestone links, slippage, the graph) are recomputed whole each night, so they are written
whole. Past MAX_SEGMENTS segments, or once the index's deleted items (which still count in
tantivy's word statistics until their segment is merged) pass STALE_SHARE of it, the version
is written whole again.

Only the papers that may have changed since the last version are fingerprinted again (the
others keep that version's fingerprints), found from what the warehouse already records
and that version holds: a paper re-read by the search index has items numbered past the
version's last (`items_through`: every load marks its papers for the index, which numbers
their items anew), one that lost items has fewer than the version counted, and a paper
whose documents or document_paths rows (one or two a paper: compared whole) or whose
names' bodies (org_names, org_entities) differ from the version's. Their rows are read
between their first and last rowid in each table: a changed paper's rows were written
last, and DuckDB skips the row groups outside, where a doc_id filter alone reads every row
(fingerprinting every paper cost 2.6 s of CPU at a million items, these 0.2 s, measured).

    warehouse.duckdb.published/
        CURRENT                 "v7"
        v7/segments/s1/*.parquet    each paper table's rows of the papers segment s1 wrote,
        v7/segments/s1/papers.parquet   and those papers (doc_id)
        v7/tables/*.parquet     the cross-paper tables
        v7/papers.parquet       each paper's fingerprint and number of searchable items
        v7/search/              the tantivy index
        v7/manifest.json        segments, items, deleted items still in the index, the
                                last item number it holds (items_through)
        v7/labels.json          organisation and paper names for the facets, and the
                                warehouse's contents_version it was made from
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb

from warehouse.browse import ORG_COLUMNS, SLUG
from warehouse.schema import RECORD_TABLES
from warehouse.textindex import RECORD_ORGS_BY_PAPER, build_text_index, labels, \
    update_text_index

FORMAT = 3
"""The layout and index schema of a version: a version of another format is not built on."""
PAPER_TABLES = {
    "documents": "SELECT * FROM documents",
    "document_paths": "SELECT * FROM document_paths",
    "sections": "SELECT * FROM sections",
    **{table: f"SELECT * FROM {table}" for table in RECORD_TABLES.values()},
    # Which table holds each item: the searchable text itself is in the search index.
    "search_items": "SELECT id, type, doc_id FROM search_items",
    "browse_record_orgs": "SELECT id, doc_id, org_id, org_name FROM publish_record_orgs",
}
"""The tables the app's pages read that hold a paper's own rows (each has its doc_id)."""
KEYED_ONLY = {"browse_record_orgs"}
"""Tables whose doc_id is there for publishing only: the app's views leave it out (its
queries join them to tables that have one)."""
SORTED_BY = {"documents": "doc_id", "document_paths": "doc_id", "browse_record_orgs": "org_id"}
"""How each table's rows are sorted (by id if not named): a lookup reads one row group."""
WHOLE_TABLES = {
    "org_entities": "SELECT * FROM org_entities ORDER BY entity_id",
    "org_names": "SELECT * FROM org_names",
    "milestone_links": "SELECT * FROM milestone_links",
    "slippages": "SELECT * FROM slippages",
    "graph_nodes": "SELECT * FROM graph_nodes ORDER BY node_id",
    "graph_edges": "SELECT * FROM graph_edges",
}
"""The cross-paper tables the app reads, written whole."""
TABLES = [*PAPER_TABLES, *WHOLE_TABLES]
KEEP = 2
"""Versions kept: the current one and the one before, for requests still on it."""
MAX_SEGMENTS = 8
STALE_SHARE = 0.02
PARQUET = "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 20000)"


def published_folder(db: str | Path) -> Path:
    """Where the warehouse at `db` is published."""
    db = Path(db)
    return db.with_name(db.name + ".published")


def current_version(folder: Path) -> Path | None:
    """The version folder CURRENT names, if any."""
    try:
        name = (folder / "CURRENT").read_text().strip()
    except FileNotFoundError:
        return None
    return folder / name


def publish(con: duckdb.DuckDBPyConnection, folder: str | Path, full: bool = False) -> Path:
    """Write the next version from the warehouse's current contents and search index (from
    the previous version and the papers that changed since, unless `full` or there is none
    to build on), point CURRENT at it, delete versions older than the previous one; return
    the new version."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[1:]) for p in folder.glob("v*") if p.name[1:].isdigit()]
    version = folder / f"v{max(numbers, default=0) + 1}"
    shutil.rmtree(version, ignore_errors=True)
    version.mkdir()
    previous = current_version(folder)
    manifest = _manifest(previous) if previous and not full else None
    whole = manifest is None or len(manifest["segments"]) >= MAX_SEGMENTS or (
        manifest["stale_items"] > STALE_SHARE * max(manifest["items"], 1))
    through = con.execute("SELECT coalesce(max(item), 0) FROM search_items").fetchone()[0]
    if whole or "items_through" not in manifest:
        within = _prepare(con, None, None)
    else:
        within = _prepare(con, previous, manifest)
    if whole:
        manifest = _write_whole(con, version, within)
    else:
        manifest = _write_changes(con, previous, version, manifest, within)
    manifest = {**manifest, "items_through": through}
    for table, select in WHOLE_TABLES.items():
        _copy(con, select, version / "tables" / f"{table}.parquet")
    con.execute(f"COPY publish_papers TO '{version / 'papers.parquet'}' {PARQUET}")
    (version / "manifest.json").write_text(json.dumps(manifest))
    (version / "labels.json").write_text(json.dumps(
        {**labels(con), "contents_version": _contents_version(con)}))
    pointer = folder / "CURRENT.new"
    pointer.write_text(version.name)
    os.replace(pointer, folder / "CURRENT")
    for old in sorted(numbers)[:-(KEEP - 1) or None]:
        shutil.rmtree(folder / f"v{old}", ignore_errors=True)
    return version


def _prepare(con: duckdb.DuckDBPyConnection, previous: Path | None,
             manifest: dict | None) -> dict[str, str]:
    """publish_refresh (the papers that may have changed since version `previous`, with
    `manifest`; every paper without one), publish_record_orgs
    (each organisation their records name) and publish_papers (each paper's fingerprint
    over all its rows in every paper table, and its searchable items: the refreshed papers'
    computed, the others' the previous version's). Returns each paper table's condition for
    the refreshed papers' rows."""
    if previous is None:
        con.execute("CREATE OR REPLACE TEMP TABLE publish_refresh AS "
                    "SELECT doc_id FROM documents UNION SELECT doc_id FROM document_paths")
        within = {table: "true" for table in PAPER_TABLES}
    else:
        _changed_since(con, previous, manifest)
        within = {table: _rows_of(con, PAPER_TABLES[table].split()[-1])
                  for table in PAPER_TABLES if table != "browse_record_orgs"}
    records = " UNION ALL ".join(
        f"SELECT id, doc_id, {column} AS org FROM {table} "
        f"WHERE {column} IS NOT NULL AND {within[table]}" for table, column in ORG_COLUMNS)
    con.execute("CREATE OR REPLACE TEMP TABLE publish_record_orgs AS "
                + RECORD_ORGS_BY_PAPER.format(records=records, slug=SLUG.format("r.org")))
    within["browse_record_orgs"] = "true"    # publish_record_orgs has the refreshed papers' alone
    hashes = " UNION ALL ".join(f"SELECT doc_id, hash(t) AS h FROM ({select} WHERE "
                                f"{within[table]}) AS t" for table, select in PAPER_TABLES.items())
    con.execute(f"""CREATE OR REPLACE TEMP TABLE publish_papers AS
        SELECT doc_id, bit_xor(h) AS fingerprint, coalesce(any_value(n.items), 0) AS items
        FROM ({hashes}) AS f
        LEFT JOIN (SELECT doc_id, count(*) AS items FROM search_items
                   WHERE {within['search_items']} GROUP BY doc_id) AS n
        USING (doc_id) GROUP BY doc_id""")
    if previous is not None:
        con.execute(f"INSERT INTO publish_papers SELECT doc_id, fingerprint, items "
                    f"FROM read_parquet('{previous / 'papers.parquet'}') "
                    "WHERE doc_id NOT IN (SELECT doc_id FROM publish_refresh)")
    return within


def _changed_since(con: duckdb.DuckDBPyConnection, previous: Path, manifest: dict) -> None:
    """publish_refresh: the papers whose rows may differ from version `previous`'s (with
    `manifest`), and the papers it had that are gone: re-read by the search index since
    (items numbered past its last), with another number of items, pending for the index,
    or whose documents or document_paths rows (few, compared whole) or names' bodies differ
    from that version's."""
    papers_before = f"read_parquet('{previous / 'papers.parquet'}')"
    identity = ("documents", "document_paths")
    orgs = ("SELECT n.doc_id, hash(n.name, n.entity_id, e.name) AS h "
            "FROM {names} AS n LEFT JOIN {entities} AS e USING (entity_id)")
    tables = previous / "tables"
    orgs_before = orgs.format(names=f"read_parquet('{tables / 'org_names.parquet'}')",
                              entities=f"read_parquet('{tables / 'org_entities.parquet'}')")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE publish_refresh AS
        SELECT doc_id FROM search_items WHERE item > {int(manifest['items_through'])}
        UNION SELECT doc_id FROM search_pending
        UNION {_differing("SELECT doc_id, count(*) AS h FROM search_items GROUP BY doc_id",
                          f"SELECT doc_id, items AS h FROM {papers_before} WHERE items > 0")}
        UNION {_differing(_row_hashes(f"SELECT * FROM {table}" for table in identity),
                          _row_hashes(_published_rows(previous, manifest["segments"], table)
                                      for table in identity))}
        UNION {_differing(orgs.format(names="org_names", entities="org_entities"), orgs_before)}""")


def _row_hashes(selects) -> str:
    """SQL: (doc_id, h), a hash of each row the selects give."""
    return " UNION ALL ".join(f"SELECT doc_id, hash(t) AS h FROM ({rows}) AS t" for rows in selects)


def _differing(now: str, before: str) -> str:
    """SQL: the papers whose hashes in `now` and `before` (doc_id, h) differ, xor'd by paper."""
    return f"""SELECT coalesce(now.doc_id, before.doc_id) AS doc_id
        FROM (SELECT doc_id, bit_xor(h) AS h FROM ({now}) GROUP BY doc_id) AS now
        FULL JOIN (SELECT doc_id, bit_xor(h) AS h FROM ({before}) GROUP BY doc_id) AS before
        USING (doc_id) WHERE now.h IS DISTINCT FROM before.h"""


def _published_rows(version: Path, segments: list[str], table: str) -> str:
    """SQL: paper table `table`'s rows in `version`, as open_version reads them: each
    segment's, but those of the papers a later segment rewrote."""
    folders = [version / "segments" / name for name in segments]
    parts = []
    for n, folder in enumerate(folders):
        later = " UNION ALL ".join(f"SELECT doc_id FROM read_parquet('{f / 'papers.parquet'}')"
                                   for f in folders[n + 1:])
        parts.append(f"SELECT * FROM read_parquet('{folder / f'{table}.parquet'}')"
                     + (f" WHERE doc_id NOT IN ({later})" if later else ""))
    return " UNION ALL ".join(parts)


def _rows_of(con: duckdb.DuckDBPyConnection, source: str) -> str:
    """SQL: a condition on table `source`'s rows that holds for the rows of the papers in
    publish_refresh alone, between those rows' first and last rowid."""
    mine = "doc_id IN (SELECT doc_id FROM publish_refresh)"
    low, high = con.execute(f"SELECT min(rowid), max(rowid) FROM {source} WHERE {mine}").fetchone()
    if low is None:
        return "false"
    return f"rowid BETWEEN {int(low)} AND {int(high)} AND {mine}"


def _manifest(version: Path) -> dict | None:
    """The manifest of a version to build on, or None (none, or an older format)."""
    try:
        manifest = json.loads((version / "manifest.json").read_text())
    except (FileNotFoundError, ValueError):
        return None
    return manifest if manifest.get("format") == FORMAT else None


def _write_whole(con: duckdb.DuckDBPyConnection, version: Path, within: dict[str, str]) -> dict:
    con.execute("CREATE OR REPLACE TEMP TABLE publish_changed AS SELECT doc_id FROM publish_papers")
    _write_segment(con, version / "segments" / "s1", within)
    items = build_text_index(con, version / "search", "publish_changed")
    return {"format": FORMAT, "segments": ["s1"], "items": items, "stale_items": 0}


def _write_changes(con: duckdb.DuckDBPyConnection, previous: Path, version: Path,
                   manifest: dict, within: dict[str, str]) -> dict:
    """The previous version linked, and the papers that changed since written."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE publish_changed AS
        SELECT coalesce(now.doc_id, before.doc_id) AS doc_id, coalesce(before.items, 0) AS gone
        FROM publish_papers AS now
        FULL JOIN read_parquet('{previous / 'papers.parquet'}') AS before USING (doc_id)
        WHERE now.fingerprint IS DISTINCT FROM before.fingerprint""")
    _link_tree(previous / "segments", version / "segments")
    _link_tree(previous / "search", version / "search")
    changed, gone = con.execute(
        "SELECT count(*), coalesce(sum(gone), 0) FROM publish_changed").fetchone()
    if not changed:
        return manifest
    segment = f"s{int(manifest['segments'][-1][1:]) + 1}"
    _write_segment(con, version / "segments" / segment, within)
    added = update_text_index(con, version / "search", "publish_changed")
    return {**manifest, "segments": [*manifest["segments"], segment],
            "items": manifest["items"] - int(gone) + added,
            "stale_items": manifest["stale_items"] + int(gone)}


def _write_segment(con: duckdb.DuckDBPyConnection, segment: Path,
                   within: dict[str, str]) -> None:
    """Each paper table's rows of the papers in publish_changed (all refreshed, so `within`
    their tables' rows), and those papers."""
    segment.mkdir(parents=True)
    for table, select in PAPER_TABLES.items():
        _copy(con, f"{select} WHERE {within[table]} AND doc_id IN (SELECT doc_id FROM "
                   f"publish_changed) ORDER BY {SORTED_BY.get(table, 'id')}",
              segment / f"{table}.parquet")
    _copy(con, "SELECT doc_id FROM publish_changed", segment / "papers.parquet")


def _copy(con: duckdb.DuckDBPyConnection, select: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY ({select}) TO '{target}' {PARQUET}")


def _link_tree(source: Path, target: Path) -> None:
    """Hard links in `target` to every file under `source` (tantivy's lock files aside)."""
    for path in source.rglob("*"):
        if path.is_file() and not path.name.startswith(".tantivy-"):
            link = target / path.relative_to(source)
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, link)


def publish_if_changed(con: duckdb.DuckDBPyConnection, db: str | Path) -> Path | None:
    """The flow's last step: publish the warehouse at `db` unless the current version was
    made from these very contents (a run that loaded nothing publishes nothing)."""
    folder = published_folder(db)
    version = current_version(folder)
    if version is not None and (version / "labels.json").is_file():
        made_from = json.loads((version / "labels.json").read_text()).get("contents_version")
        if made_from == _contents_version(con):
            return None
    return publish(con, folder)


def _contents_version(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT contents_version FROM search_index_state").fetchone()[0]


def open_version(version: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database whose tables are views on the version's Parquet files: a paper
    table is its segments' rows, each but the last without the papers later ones rewrote."""
    con = duckdb.connect()
    segments = json.loads((version / "manifest.json").read_text())["segments"]
    folders = [version / "segments" / name for name in segments]
    con.execute("CREATE TABLE rewritten AS " + " UNION ALL ".join(
        f"SELECT doc_id, {n} AS segment FROM read_parquet('{folder / 'papers.parquet'}')"
        for n, folder in enumerate(folders)))
    for table in PAPER_TABLES:
        parts = [f"SELECT * FROM read_parquet('{folder / f'{table}.parquet'}')"
                 + (f" WHERE doc_id NOT IN (SELECT doc_id FROM rewritten WHERE segment > {n})"
                    if n < len(folders) - 1 else "") for n, folder in enumerate(folders)]
        columns = "* EXCLUDE (doc_id)" if table in KEYED_ONLY else "*"
        con.execute(f"CREATE VIEW {table} AS SELECT {columns} FROM "
                    f"({' UNION ALL '.join(parts)})")
    for table in WHOLE_TABLES:
        path = version / "tables" / f"{table}.parquet"
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    return con
