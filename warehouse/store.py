"""Opening the warehouse, and the bookkeeping around loads: runs, failures and counts."""
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import duckdb_extension_fts

from warehouse.schema import RECORD_TABLES, create_schema

FTS_EXTENSION = (Path(duckdb_extension_fts.__file__).parent / "extensions"
                 / f"v{duckdb.__version__}" / "fts.duckdb_extension")
"""The fts extension shipped in a wheel, for its Porter `stem` (warehouse/searchindex.py):
there is no network to download it from, and loading it from here writes nothing under
$HOME (INSTALL would copy it there)."""


def connect(db_path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database with the stemmer loaded; a writable one gets any missing table and
    a search index, so that search works on a fresh warehouse."""
    from warehouse.searchindex import prepare_search_index   # which imports this module
    con = duckdb.connect(str(db_path), read_only=read_only)
    con.load_extension(str(FTS_EXTENSION))
    if not read_only:
        create_schema(con)
        prepare_search_index(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise on any error: all of it is stored or none."""
    con.begin()
    try:
        yield con
    except BaseException:
        con.rollback()
        raise
    con.commit()


def start_run(con: duckdb.DuckDBPyConnection) -> int:
    """Open an ingest run; documents and failures it produces carry its id. A run still
    marked running was killed (a writer holds the database alone): it is marked so."""
    con.execute("UPDATE ingest_runs SET status = 'interrupted' WHERE status = 'running'")
    return con.execute("INSERT INTO ingest_runs (status) VALUES ('running') "
                       "RETURNING run_id").fetchone()[0]


def finish_run(con: duckdb.DuckDBPyConnection, run_id: int, status: str, counts: dict) -> None:
    """Close the run with its outcome and what it did (any JSON-serialisable counts)."""
    con.execute("UPDATE ingest_runs SET finished_at = current_timestamp, status = ?, counts = ? "
                "WHERE run_id = ?", [status, json.dumps(counts), run_id])


def record_failure(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, kind: str,
                   reason: str, run_id: int | None) -> None:
    """Keep why a paper could not be ingested, for operators; the paper stores nothing else."""
    con.execute("INSERT INTO failures (path, sha256, kind, reason, run_id) VALUES (?, ?, ?, ?, ?)",
                [path, sha256, kind, reason, run_id])


def resolve_failures(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """The path is fine now: its earlier failures stop being listed (they stay recorded)."""
    con.execute("UPDATE failures SET resolved_at = current_timestamp "
                "WHERE path = ? AND resolved_at IS NULL", [path])


def known_failure(con: duckdb.DuckDBPyConnection, path: str, sha256: str) -> dict | None:
    """The outstanding failure of `path` if it failed with these very bytes: no need to
    read them again to fail the same way."""
    rows = as_dicts(con.execute(
        "SELECT sha256, kind, reason, run_id FROM failures WHERE path = ? AND resolved_at IS NULL "
        "ORDER BY failure_id DESC LIMIT 1", [path]))
    return rows[0] if rows and rows[0]["sha256"] == sha256 else None


def failures(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """The latest failure of each path that has not been loaded (or found unchanged) since:
    what still needs someone's attention."""
    return as_dicts(con.execute(
        "SELECT path, sha256, kind, reason, run_id, failed_at FROM failures "
        "WHERE resolved_at IS NULL "
        "QUALIFY row_number() OVER (PARTITION BY path ORDER BY failure_id DESC) = 1 "
        "ORDER BY path"))


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Current documents, their sections and records, by type."""
    sources = {"document": "documents WHERE current_version", "section": "sections",
               **RECORD_TABLES}
    return {kind: con.execute(f"SELECT count(*) FROM {source}").fetchone()[0]
            for kind, source in sources.items()}


def as_dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    """The rows of an executed query as {column: value}."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
