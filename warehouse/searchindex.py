"""The warehouse's BM25 index, kept up to date paper by paper: what DuckDB's fts index gives
(its terms, its scores), without rebuilding it whole each night.

Why not the fts index itself: `create_fts_index` has no update, and rebuilding it for a night
of 200 papers cost 31 s of CPU at 100,000 items and 215 s at a million (README,
"bench/national.py"). Here each item keeps its stems with their counts (search_postings)
and its length (search_items.len); each stem its document frequency (search_stems); the
index its item count and total length (search_totals). A refresh re-reads only the papers
marked changed (search_pending, filled by `mark_changed` in the transaction that changed
them), so a night costs what its papers cost.

The same terms as fts: its tokenizer's pattern (TOKEN_BREAKS, also what the published index
stems queries with), its Porter `stem` function, and its own stopword list, read once from
an fts index of one row. The same scores: match_bm25's formula (BM25), tested against
match_bm25 itself (tests/test_search_scale.py).
"""
from __future__ import annotations

import re

import duckdb

from warehouse.schema import RECORD_TABLES
from warehouse.store import FTS_EXTENSION, transaction

TOKEN_BREAKS = re.compile(r"[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/|'\"`-]+")
"""What the fts index's tokenizer turns into spaces (its tokenize macro's pattern)."""
_PATTERN = TOKEN_BREAKS.pattern.replace("'", "''")


def tokens(text: str) -> str:
    """SQL: the words of the SQL expression `text` as fts's tokenize macro splits them
    (empty strings included, as it leaves them)."""
    return (f"string_split_regex(regexp_replace(lower(strip_accents(CAST({text} AS VARCHAR))), "
            f"'{_PATTERN}', ' ', 'g'), '\\s+')")


BM25 = ("log((t.items - s.df + 0.5) / (s.df + 0.5) + 1) * ((p.tf * (1.2 + 1)) / "
        "(p.tf + 1.2 * ((1 - 0.75) + 0.75 * (i.len / (t.length / t.items)))))")
"""One stem's BM25 weight in one item, as match_bm25 computes it (k = 1.2, b = 0.75), over
search_postings `p`, search_items `i`, search_stems `s` and search_totals `t`."""

SOURCES = ["SELECT id, 'organisation' AS type, doc_id, doc, page, '' AS section, quote, "
           "concat_ws(' ', name, array_to_string(aliases, ' '), quote) AS text FROM organisations",
           *[f"SELECT id, '{kind}', doc_id, doc, page, section, quote, quote FROM {table}"
             for kind, table in RECORD_TABLES.items() if kind != "organisation"],
           "SELECT s.id, 'section', s.doc_id, d.doc, s.page, s.path, s.text, "
           "concat_ws(' ', s.title, s.text) FROM sections s JOIN documents d USING (doc_id)"]
"""What is searchable: records by their quote (organisations also by name and aliases),
sections by title and text."""


def mark_changed(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """The papers' documents, sections or records were changed (or removed): the next
    refresh_search_index re-reads them, and the next publish sees new contents. Call it in
    the transaction that changed them, so that a crash loses neither."""
    if doc_ids:
        con.execute("INSERT INTO search_pending SELECT DISTINCT unnest(?) "
                    "ON CONFLICT DO NOTHING", [list(doc_ids)])
    con.execute("UPDATE search_index_state SET contents_version = contents_version + 1")


def search_index_stale(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether records were loaded since the search index was last refreshed, by this run
    or by one that died before refreshing it."""
    contents, indexed = con.execute(
        "SELECT contents_version, indexed_version FROM search_index_state").fetchone()
    return contents != indexed


def search_index_missing(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse was last written by a version that searched through DuckDB's fts
    index: it has none of this index's tables until a writable open builds them
    (prepare_search_index), so a read-only reader cannot search it yet."""
    return not con.execute("SELECT count(*) FROM duckdb_tables() "
                           "WHERE table_name = 'search_totals'").fetchone()[0]


def prepare_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Make a writable warehouse's index usable: its stopwords, and on a warehouse that has
    none (new, or searched through DuckDB's fts index before: schema.py drops that) an index
    of every paper."""
    if not con.execute("SELECT count(*) FROM search_stopwords").fetchone()[0]:
        con.execute("INSERT INTO search_stopwords SELECT unnest(?)", [_fts_stopwords()])
    if con.execute("SELECT count(*) FROM search_totals").fetchone()[0]:
        return
    con.execute("INSERT INTO search_totals VALUES (true, 0, 0)")
    con.execute("INSERT INTO search_pending SELECT doc_id FROM documents UNION "
                "SELECT doc_id FROM search_items ON CONFLICT DO NOTHING")
    refresh_search_index(con)


def _fts_stopwords() -> list[str]:
    """The fts extension's English stopwords, from an index of one row in a scratch database."""
    scratch = duckdb.connect()
    scratch.load_extension(str(FTS_EXTENSION))
    scratch.execute("CREATE TABLE probe AS SELECT 1 AS id, '' AS text")
    scratch.execute("PRAGMA create_fts_index('probe', 'id', 'text')")
    words = [w for (w,) in scratch.execute("SELECT sw FROM fts_main_probe.stopwords").fetchall()]
    scratch.close()
    return words


NAMED_PAPERS = 1000
"""Up to this many changed papers (a night's) are named in the SQL, as bound values, which
DuckDB checks while scanning: a join with search_pending reads every column of every row
first (reading a night's items: 1.52 s of CPU joined, 0.84 s named, at a million items;
0.18 s joined at 100,000). Past it (a
first index, a warehouse indexed anew) the join is cheaper than binding that many values
(13,000 cost 4 s a statement)."""


def refresh_search_index(con: duckdb.DuckDBPyConnection) -> None:
    """Re-index the papers marked changed (`reindex_changed`) and mark the index fresh."""
    mark_search_index_fresh(con, reindex_changed(con))


def reindex_changed(con: duckdb.DuckDBPyConnection) -> int:
    """Re-index the papers marked changed, in one transaction: their old items' stems leave
    the index, their current items' come in; the rest is not read. Returns the contents
    version indexed, for `mark_search_index_fresh` once the rest of what is derived from the
    records (the cross-paper tables, refreshed beside this on another cursor) is up to date
    too: till then the index counts as stale, so a run that dies on the way redoes both."""
    with transaction(con):
        version = con.execute("SELECT contents_version FROM search_index_state").fetchone()[0]
        pending = [doc_id for (doc_id,) in con.execute(
            "SELECT doc_id FROM search_pending ORDER BY doc_id").fetchall()]
        if len(pending) > NAMED_PAPERS:
            _reindex(con, "doc_id IN (SELECT doc_id FROM search_pending)", [])
        elif pending:
            _reindex(con, f"doc_id IN ({', '.join('?' for _ in pending)})", pending)
        con.execute("DELETE FROM search_pending")
    return version


def mark_search_index_fresh(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """The records of contents `version` are indexed, and everything else derived from them."""
    con.execute("UPDATE search_index_state SET indexed_version = ?", [version])


def _reindex(con: duckdb.DuckDBPyConnection, changed: str, papers: list[str]) -> None:
    """Replace the items of the papers that satisfy `changed` (with `papers` bound)."""
    con.execute("CREATE OR REPLACE TEMP TABLE search_gone AS SELECT item, len FROM "
                f"search_items WHERE {changed}", papers)
    con.execute("CREATE OR REPLACE TEMP TABLE search_new AS SELECT nextval("
                "'search_item_numbers') AS item, * FROM (SELECT * FROM ("
                + " UNION ALL ".join(SOURCES) + f") WHERE {changed} ORDER BY doc_id, id)",
                papers)
    # Each distinct word is stemmed once, not each occurrence: words are counted per item
    # first, and a stem's count is its words' (0.81 s of CPU to 0.63 s on a 400-page pack).
    con.execute(f"""CREATE OR REPLACE TEMP TABLE search_new_postings AS
        WITH words AS (
            SELECT item, w, count(*) AS n
            FROM (SELECT item, unnest({tokens('text')}) AS w FROM search_new)
            WHERE len(w) > 0 AND w NOT IN (SELECT word FROM search_stopwords) GROUP BY ALL),
        stems AS (SELECT w, stem(w, 'porter') AS stem FROM (SELECT DISTINCT w FROM words))
        SELECT item, stem, sum(n)::INTEGER AS tf FROM words JOIN stems USING (w) GROUP BY ALL""")
    _stem_changes(con)
    con.execute(f"DELETE FROM search_items WHERE {changed}", papers)
    con.execute("""INSERT INTO search_items SELECT n.id, n.item, n.type, n.doc_id, n.doc,
        n.page, n.section, n.quote, n.text, coalesce(l.len, 0) FROM search_new AS n
        LEFT JOIN (SELECT item, sum(tf) AS len FROM search_new_postings GROUP BY item) AS l
        USING (item)""")
    con.execute("INSERT INTO search_postings SELECT * FROM search_new_postings")
    _count_stems(con)
    con.execute("""UPDATE search_totals SET
        items = items - (SELECT count(*) FROM search_gone) + (SELECT count(*) FROM search_new),
        length = length - (SELECT coalesce(sum(len), 0) FROM search_gone)
                 + (SELECT coalesce(sum(tf), 0) FROM search_new_postings)""")
    for table in ("search_gone", "search_new", "search_new_postings"):
        con.execute(f"DROP TABLE {table}")


def _stem_changes(con: duckdb.DuckDBPyConnection) -> None:
    """Each stem's change of document frequency into search_stem_changes (the changed
    papers' old items off, their new ones on), and the old items' postings deleted. A
    paper's items are numbered in one run, so the bounds (bound values: DuckDB prunes row
    groups by them) let the scans skip the row groups of every other paper."""
    low, high = con.execute("SELECT min(item), max(item) FROM search_gone").fetchone()
    gone = ("FROM search_postings WHERE item BETWEEN ? AND ? "
            "AND item IN (SELECT item FROM search_gone)")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE search_stem_changes AS
        SELECT stem, sum(n)::BIGINT AS change FROM (
            SELECT stem, -count(*) AS n {gone} GROUP BY stem
            UNION ALL SELECT stem, count(*) FROM search_new_postings GROUP BY stem)
        GROUP BY stem""", [low, high])
    if low is not None:
        con.execute(f"DELETE {gone}", [low, high])


def _count_stems(con: duckdb.DuckDBPyConnection) -> None:
    """Apply search_stem_changes: each stem's row is written once (updated or added)."""
    con.execute("""UPDATE search_stems SET df = df + c.change FROM search_stem_changes AS c
        WHERE search_stems.stem = c.stem AND c.change <> 0""")
    con.execute("""INSERT INTO search_stems SELECT stem, change FROM search_stem_changes
        WHERE stem NOT IN (SELECT stem FROM search_stems)""")
    con.execute("DROP TABLE search_stem_changes")


def match_stems(con: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    """The indexed stems `query` searches for: the index's own tokenizer and Porter stemmer,
    keeping only stems some item holds (stopwords never are), so that highlighting marks
    exactly the words that matched."""
    return {stem for (stem,) in con.execute(
        f"SELECT DISTINCT stem(t, 'porter') AS st FROM (SELECT unnest({tokens('?')}) AS t) "
        "WHERE st IN (SELECT stem FROM search_stems WHERE df > 0)", [query]).fetchall()}
