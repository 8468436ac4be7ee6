"""The warehouse's current contents as files: JSON Lines for the scorer
(/work/shared/eval/score.py), CSV and Parquet for everyone else."""
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

import duckdb

from warehouse.schema import RECORD_TABLES
from warehouse.store import as_dicts

DOCUMENT_FIELDS = ("doc, committee, date, title, authors, organisation, "
                   "doc_id, path, pages, first_seen_run")


def export_jsonl(con: duckdb.DuckDBPyConnection, out_path: str | Path) -> Path:
    """Write each current document as a line of type "document", followed by its records,
    one per line with "type", "doc" and every column (dates as ISO strings)."""
    records = defaultdict(list)
    for kind, table in RECORD_TABLES.items():
        for row in as_dicts(con.execute(f"SELECT * FROM {table} ORDER BY {_reading_order(table)}")):
            records[row["doc_id"]].append({"type": kind, **row})
    documents = as_dicts(con.execute(
        f"SELECT {DOCUMENT_FIELDS} FROM documents WHERE current_version ORDER BY doc, doc_id"))
    out_path = Path(out_path)
    with out_path.open("w", encoding="utf-8") as out:
        for document in documents:
            for line in [{"type": "document", **document}, *records[document["doc_id"]]]:
                out.write(json.dumps(line, ensure_ascii=False, default=_iso) + "\n")
    return out_path


def export_csv(con: duckdb.DuckDBPyConnection, folder: str | Path) -> list[Path]:
    """documents.csv and a CSV with a header per record type; returns the files written."""
    return _copy_tables(con, folder, "csv", "(FORMAT csv, HEADER)")


def export_parquet(con: duckdb.DuckDBPyConnection, folder: str | Path) -> list[Path]:
    """documents.parquet and a Parquet file per record type; returns the files written."""
    return _copy_tables(con, folder, "parquet", "(FORMAT parquet)")


def _copy_tables(con: duckdb.DuckDBPyConnection, folder: str | Path, suffix: str,
                 options: str) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    queries = {"documents": "SELECT * FROM documents WHERE current_version ORDER BY doc, doc_id",
               **{table: f"SELECT * FROM {table} ORDER BY doc, {_reading_order(table)}"
                  for table in RECORD_TABLES.values()}}
    written = []
    for table, query in queries.items():
        path = folder / f"{table}.{suffix}"
        con.execute(f"COPY ({query}) TO ? {options}", [str(path)])
        written.append(path)
    return written


def _reading_order(table: str) -> str:
    """Records in the order the paper reads them (the scorer pairs greedily in file order, so
    an order by id, a hash, pairs differently from one run's extraction to the next's export).
    An organisation is named across the paper and keeps no offset: by page, then id."""
    return "page, id" if table == "organisations" else "page, char_start, char_end, id"


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")
