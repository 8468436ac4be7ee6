"""The DuckDB warehouse: papers' records with their provenance, versions, search and exports."""
from warehouse.export import export_csv, export_jsonl, export_parquet
from warehouse.load import classify, load_paper
from warehouse.schema import RECORD_TABLES
from warehouse.search import search
from warehouse.store import (connect, counts, failures, finish_run, record_failure,
                             refresh_search_index, start_run)

__all__ = ["RECORD_TABLES", "classify", "connect", "counts", "export_csv", "export_jsonl",
           "export_parquet", "failures", "finish_run", "load_paper", "record_failure",
           "refresh_search_index", "search", "start_run"]
