"""The DuckDB warehouse: papers' records with their provenance, versions, search and exports."""
from warehouse.crosspaper import (current_documents, current_rows, graph_rows, overdue, slippage,
                                  store_cross_paper)
from warehouse.export import export_csv, export_jsonl, export_parquet
from warehouse.load import classify, classify_many, load_paper, unread
from warehouse.schema import RECORD_TABLES
from warehouse.search import search
from warehouse.searchindex import (mark_changed, mark_search_index_fresh, refresh_search_index, reindex_changed,
                                  search_index_missing, search_index_stale)
from warehouse.slips import every_slip, explicit_slippage, explicitly_slipping_organisations
from warehouse.store import (connect, counts, failures, finish_run, known_failure,
                             record_failure, resolve_failures, start_run)

__all__ = ["RECORD_TABLES", "classify", "classify_many", "connect", "counts", "current_documents", "current_rows",
           "every_slip", "explicit_slippage", "explicitly_slipping_organisations",
           "export_csv", "export_jsonl", "export_parquet", "failures", "finish_run", "graph_rows",
           "known_failure", "load_paper", "mark_changed", "mark_search_index_fresh", "overdue", "record_failure",
           "refresh_search_index", "reindex_changed",
           "resolve_failures", "search", "search_index_missing", "search_index_stale", "slippage", "start_run",
           "store_cross_paper", "unread"]
