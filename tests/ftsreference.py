"""DuckDB fts's own BM25, the reference the warehouse's index (warehouse/searchindex.py) must
score as: an fts index built, here, on the warehouse's searchable items as they are now."""


def match_bm25s(con, query: str) -> dict[str, float]:
    """{item id: match_bm25 score} of every item `query` matches."""
    con.execute("CREATE OR REPLACE TABLE fts_reference AS SELECT id, text FROM search_items")
    con.execute("PRAGMA create_fts_index('fts_reference', 'id', 'text', overwrite = 1)")
    scores = dict(con.execute(
        "SELECT id, score FROM (SELECT id, fts_main_fts_reference.match_bm25(id, ?) AS score "
        "FROM fts_reference) WHERE score IS NOT NULL", [query]).fetchall())
    con.execute("PRAGMA drop_fts_index('fts_reference')")
    con.execute("DROP TABLE fts_reference")
    return scores
