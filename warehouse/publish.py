"""What the web app reads, published by the nightly flow as its last step: a numbered version
folder beside the warehouse with the tables the app's pages read as Parquet and the search
index (warehouse/textindex.py), then a CURRENT file naming it, replaced atomically.

The app never opens the warehouse (DuckDB's lock would keep the ingest out) and never copies
it: it opens the version CURRENT names, read-only, and swaps to the next one when CURRENT
changes (web/snapshot.py). The previous version is kept for requests still reading it; older
ones are deleted.

    warehouse.duckdb.published/
        CURRENT                 "v7"
        v7/tables/*.parquet     sorted by id, so that a lookup by id reads one row group
        v7/search/              the tantivy index
        v7/labels.json          organisation and paper names for the facets, and the
                                warehouse's contents_version it was made from
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import duckdb

from warehouse.browse import prepare_items
from warehouse.textindex import build_text_index, labels

TABLES = {
    "documents": "SELECT * FROM documents ORDER BY doc_id",
    "document_paths": "SELECT * FROM document_paths ORDER BY doc_id",
    "sections": "SELECT * FROM sections ORDER BY id",
    **{table: f"SELECT * FROM {table} ORDER BY id" for table in (
        "organisations", "budgets", "milestones", "commitments", "risks", "decisions",
        "relations")},
    "org_entities": "SELECT * FROM org_entities ORDER BY entity_id",
    "org_names": "SELECT * FROM org_names",
    "milestone_links": "SELECT * FROM milestone_links",
    "slippages": "SELECT * FROM slippages",
    "graph_nodes": "SELECT * FROM graph_nodes ORDER BY node_id",
    "graph_edges": "SELECT * FROM graph_edges",
    # Which table holds each item: the searchable text itself is in the search index.
    "search_items": "SELECT id, type, doc_id FROM search_items ORDER BY id",
    "browse_record_orgs": "SELECT * FROM browse_record_orgs ORDER BY org_id",
}
"""The tables the app's pages read, as it reads them."""
KEEP = 2
"""Versions kept: the current one and the one before, for requests still on it."""


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


def publish(con: duckdb.DuckDBPyConnection, folder: str | Path) -> Path:
    """Write the next version from the warehouse's current contents and search index, point
    CURRENT at it, delete versions older than the previous one; return the new version."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    numbers = [int(p.name[1:]) for p in folder.glob("v*") if p.name[1:].isdigit()]
    version = folder / f"v{max(numbers, default=0) + 1}"
    shutil.rmtree(version, ignore_errors=True)
    (version / "tables").mkdir(parents=True)
    prepare_items(con)
    for table, select in TABLES.items():
        target = version / "tables" / f"{table}.parquet"
        con.execute(f"COPY ({select}) TO '{target}' (FORMAT parquet, COMPRESSION zstd, "
                    "ROW_GROUP_SIZE 20000)")
    build_text_index(con, version / "search")
    (version / "labels.json").write_text(json.dumps(
        {**labels(con), "contents_version": _contents_version(con)}))
    pointer = folder / "CURRENT.new"
    pointer.write_text(version.name)
    os.replace(pointer, folder / "CURRENT")
    for old in sorted(numbers)[:-(KEEP - 1) or None]:
        shutil.rmtree(folder / f"v{old}", ignore_errors=True)
    return version


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
    """An in-memory database whose tables are views on the version's Parquet files."""
    con = duckdb.connect()
    for table in TABLES:
        path = version / "tables" / f"{table}.parquet"
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{path}')")
    return con
