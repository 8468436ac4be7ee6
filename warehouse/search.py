"""Full-text search over record quotes and section text, ranked by BM25."""
import duckdb

from warehouse.searchindex import BM25, tokens
from warehouse.store import as_dicts


def search(con: duckdb.DuckDBPyConnection, query: str, type: str | None = None,
           limit: int = 20) -> list[dict]:
    """Hits best first, each with type, doc, title, page, section, quote, score and id.

    `type` keeps one kind of hit ("budget", ..., "section"). The index is the one the last
    refresh_search_index left (warehouse/searchindex.py). A query with no indexable word
    (empty, or stopwords only) matches nothing.
    """
    return as_dicts(con.execute(
        "WITH s AS (SELECT * FROM search_stems WHERE df > 0 AND stem IN "
        f"  (SELECT stem(unnest({tokens('?')}), 'porter'))), "
        f"scores AS (SELECT p.item, sum({BM25}) AS score "
        "  FROM search_postings AS p JOIN s USING (stem) JOIN search_items AS i USING (item), "
        "  search_totals AS t GROUP BY p.item) "
        "SELECT i.type, i.doc, d.title, i.page, i.section, i.quote, scores.score, i.id "
        "FROM scores JOIN search_items AS i USING (item) "
        "LEFT JOIN documents AS d USING (doc_id) "
        "WHERE CAST(? AS VARCHAR) IS NULL OR i.type = ? "
        "ORDER BY scores.score DESC, i.id LIMIT ?",
        [query, type, type, limit]))
