"""Full-text search over record quotes and section text, ranked by BM25."""
import duckdb

from warehouse.store import as_dicts


def search(con: duckdb.DuckDBPyConnection, query: str, type: str | None = None,
           limit: int = 20) -> list[dict]:
    """Hits best first, each with type, doc, title, page, section, quote, score and id.

    `type` keeps one kind of hit ("budget", ..., "section"). The index is the one built by
    the last refresh_search_index. A query with no indexable word (empty, or stopwords
    only) matches nothing.
    """
    return as_dicts(con.execute(
        "SELECT hit.type, hit.doc, d.title, hit.page, hit.section, hit.quote, hit.score, hit.id "
        "FROM (SELECT *, fts_main_search_items.match_bm25(id, ?) AS score "
        "      FROM search_items) AS hit "
        "LEFT JOIN documents AS d USING (doc_id) "
        "WHERE hit.score IS NOT NULL AND (CAST(? AS VARCHAR) IS NULL OR hit.type = ?) "
        "ORDER BY hit.score DESC, hit.id LIMIT ?",
        [query, type, type, limit]))
