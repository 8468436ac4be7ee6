"""The web app's search engine: a tantivy index of every searchable item, written by the
publish step (warehouse/publish.py) from the warehouse's own BM25 index
(warehouse/searchindex.py), and searched with the
same filters, sorts and facets as warehouse/browse.py.

Why tantivy: at a million items, summing precomputed BM25 weights in DuckDB (browse.py) took
63 ms at the median for a page of hits and 116 ms for the facet counts; tantivy finds the page
with block-max WAND and counts facets over its columnar fast fields (README, "Search speed").

The same words and scores as the warehouse's BM25: each item is indexed by the very stems
the warehouse holds for it (search_postings, each repeated as often as it occurs), split on
spaces, and a query is stemmed by the fts tokenizer and Porter stemmer. tantivy's BM25 is the same formula (k1 = 1.2, b = 0.75, the
same idf and average length, but the natural log where DuckDB's `log` is base 10: its scores
are divided by ln 10 here); it keeps an item's length in one byte, exact up to 40 stems,
rounded above, and scores in 32-bit floats, so long sections score within a few per cent of
match_bm25 and short records within rounding (tests/test_search_scale.py).

Built to be updated: publish.py deletes a night's changed papers by their doc_id term and
adds their items, so nothing in an item depends on the others. Sorts are text fast fields
made of the item's own values (ORDERS), paper dates are terms (warehouse/searchdates.py),
and ties end on the item's id.
"""
from __future__ import annotations

import json
import math
import shutil
import threading
import unicodedata
from datetime import date
from pathlib import Path

import duckdb
import snowballstemmer
import tantivy

from warehouse.browse import ORG_COLUMNS, PAPER_END, PAPER_START, SLUG, SORTS, Filters
from warehouse.searchdates import range_terms, span_terms
from warehouse.searchindex import TOKEN_BREAKS

LN_10 = math.log(10)
FACETS = {"type": "type", "org": "org", "committee": "committee", "paper": "doc_id"}
"""Facet name -> the index field it counts."""
STORED = ["id", "type", "doc_id", "doc", "title", "date", "committee", "page", "section",
          "quote"]
ORDERS = {"relevance": "order_paper", "paper": "order_paper", "newest": "order_newest",
          "oldest": "order_oldest", "type": "order_type"}
"""Each sort (relevance: without a query) as the text fast field whose byte order is the
sort's order (browse.SORTS): keys made of the item's own values, so that an item added
tonight sorts among the others without renumbering them."""


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("terms", tokenizer_name="stems", index_option="freq")
    for name in ("id", "type", "doc_id", "committee", "org"):
        builder.add_text_field(name, stored=name != "org", fast=True, tokenizer_name="raw",
                               index_option="basic")
    for name in ("doc", "title", "date", "section", "quote"):
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("page", stored=True)
    builder.add_text_field("dates", tokenizer_name="raw", index_option="basic")
    for field in sorted(set(ORDERS.values())):
        builder.add_text_field(field, fast=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


def _open(path: Path, schema: tantivy.Schema) -> tantivy.Index:
    index = tantivy.Index(schema, path=str(path), reuse=True)
    index.register_tokenizer("stems", tantivy.TextAnalyzerBuilder(
        tantivy.Tokenizer.whitespace()).build())
    return index


_SEP = "chr(1)"       # below every character of a name: "doc" sorts before "doc 2"
_PAPER_KEY = f"i.doc || {_SEP} || lpad(i.page::VARCHAR, 6, '0') || {_SEP} || i.id"
_DAYS = "date_diff('day', DATE '1970-01-01', paper_start) + 50000"
_NEWEST = f"coalesce(lpad((99999 - ({_DAYS}))::VARCHAR, 5, '0'), '~')"   # '~': nulls last
_OLDEST = f"coalesce(lpad(({_DAYS})::VARCHAR, 5, '0'), '~')"
RECORD_ORGS_BY_PAPER = """
    SELECT r.id, r.doc_id, coalesce(n.entity_id, {slug}) AS org_id,
           coalesce(e.name, r.org) AS org_name
    FROM ({records}) AS r
    LEFT JOIN org_names AS n ON n.doc_id = r.doc_id AND n.name = r.org
    LEFT JOIN org_entities AS e ON e.entity_id = n.entity_id"""
"""Each organisation a record names, as browse_record_orgs has it, keyed by the paper."""


def items_query(papers: str) -> str:
    """Every searchable item of the papers in table `papers` (doc_id) as the index holds it:
    its stems (the warehouse index's), facets, filters and sort keys. Needs `publish_record_orgs`.
    In date order: a date range's items, and a paper's, are then neighbours in the index,
    whose posting lists (committee, dates) decode in runs (halves a filtered page, measured).
    The papers' item numbers bound the scans (a night's papers were numbered last), so
    that the night's items are read without the text of every other item."""
    return f"""
    WITH numbers AS (SELECT item FROM search_items
                     WHERE doc_id IN (SELECT doc_id FROM {papers})),
    i AS (SELECT s.*, d.title, d.date, d.committee, {PAPER_START} AS paper_start,
                 {PAPER_END} AS paper_end
          FROM search_items s JOIN documents d USING (doc_id)
          WHERE s.item BETWEEN (SELECT min(item) FROM numbers)
                           AND (SELECT max(item) FROM numbers)
            AND s.doc_id IN (SELECT doc_id FROM {papers}))
    SELECT i.id, i.type, i.doc_id, i.doc, i.title, i.date, i.committee, i.page, i.section,
           i.quote, i.paper_start, i.paper_end, t.stems, o.orgs,
           {_PAPER_KEY} AS order_paper,
           {_NEWEST} || {_SEP} || {_PAPER_KEY} AS order_newest,
           {_OLDEST} || {_SEP} || {_PAPER_KEY} AS order_oldest,
           i.type || {_SEP} || {_NEWEST} || {_SEP} || {_PAPER_KEY} AS order_type
    FROM i
    LEFT JOIN (SELECT item, string_agg(repeat(stem || ' ', tf), '') AS stems
               FROM search_postings
               WHERE item BETWEEN (SELECT min(item) FROM i) AND (SELECT max(item) FROM i)
                 AND item IN (SELECT item FROM i) GROUP BY item) AS t USING (item)
    LEFT JOIN (SELECT id, list(DISTINCT org_id ORDER BY org_id) AS orgs
               FROM publish_record_orgs WHERE doc_id IN (SELECT doc_id FROM {papers})
               GROUP BY id) AS o USING (id)
    ORDER BY i.paper_start, i.doc, i.id"""


SEGMENT_ITEMS = 100_000
"""Items written between commits: fewer than the writer's heap holds, so that tantivy never
starts a segment in the middle of a paper (the paper facet's counting relies on it)."""


def _add_items(writer, con: duckdb.DuckDBPyConnection, papers: str) -> int:
    """Add the papers' items, committing at a paper's first item every SEGMENT_ITEMS."""
    cursor = con.execute(items_query(papers))
    column = {name: n for n, (name, *_) in enumerate(cursor.description)}
    stored = [(name, column[name]) for name in STORED]
    orders = [(field, column[field]) for field in sorted(set(ORDERS.values()))]
    doc_id, stems, orgs = column["doc_id"], column["stems"], column["orgs"]
    start, end = column["paper_start"], column["paper_end"]
    added, paper, uncommitted = 0, None, 0
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            if row[doc_id] != paper:
                paper = row[doc_id]
                if uncommitted >= SEGMENT_ITEMS:
                    writer.commit()
                    uncommitted = 0
            uncommitted += 1
            fields = {name: row[n] for name, n in stored if row[n] is not None}
            fields["terms"] = row[stems] or ""
            for field, n in orders:
                fields[field] = row[n]
            if row[orgs]:
                fields["org"] = row[orgs]
            if dates := span_terms(row[start], row[end]):
                fields["dates"] = list(dates)
            writer.add_document(tantivy.Document(**fields))
            added += 1
    return added


def build_text_index(con: duckdb.DuckDBPyConnection, path: Path, papers: str) -> int:
    """Write the index of every searchable item of the papers in table `papers` at `path`
    (replacing what is there); return how many items it holds."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    index = _open(path, _schema())
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    added = _add_items(writer, con, papers)
    writer.commit()
    writer.wait_merging_threads()
    return added


def update_text_index(con: duckdb.DuckDBPyConnection, path: Path, papers: str) -> int:
    """Bring the index at `path` up to date for the papers in table `papers` (new, changed
    or gone): their items are deleted and their current ones added, in one commit; return
    how many were added. Deleted items stay in tantivy's word statistics until their
    segment is merged, which shifts scores a little (publish.py rebuilds past a share)."""
    index = _open(path, _schema())
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    for (doc_id,) in con.execute(f"SELECT doc_id FROM {papers}").fetchall():
        writer.delete_documents_by_term("doc_id", doc_id)
    added = _add_items(writer, con, papers)
    writer.commit()
    writer.wait_merging_threads()
    return added


class TextIndex:
    """Searching one written index (read-only): faceted_search and facet_counts as
    warehouse/browse.py gives them. `stem` maps a query to the fts index's stems
    (query_stems); `labels` gives each organisation's and paper's display name."""

    def __init__(self, path: Path, labels: dict[str, dict[str, str]], stem=None) -> None:
        self.schema = _schema()
        self.index = _open(path, self.schema)
        self.searcher = self.index.searcher()
        self.stem = stem or query_stems
        self.labels = labels
        self.everything = tantivy.Query.all_query()
        self._everything_counted: dict[str, dict] = {}
        """Facet counts over every item (browsing with one filter counts its facet so), kept:
        the version never changes."""
        years = [int(term[4:]) for term, _ in self.searcher.terms_with_prefix("dates", "in:Y")]
        self._years = (date(min(years, default=1970), 1, 1), date(max(years, default=1970), 12, 31))

    def match_stems(self, query: str) -> set[str]:
        """The stems of `query` the index holds, as browse.match_stems gives them."""
        return {s for s in self.stem(query) if self.searcher.doc_freq("terms", s)}

    def _text(self, query: str | None) -> tantivy.Query | None:
        """The BM25 query of the query's stems; None without a query; an empty query when
        nothing in it is indexed (no hit, as match_bm25)."""
        if not query:
            return None
        stems = sorted(self.match_stems(query))
        if not stems:
            return tantivy.Query.empty_query()
        return tantivy.Query.boolean_query([
            (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "terms", s))
            for s in stems])

    def _filters(self, filters: Filters, leave_out: str | None = None) -> list[tantivy.Query]:
        """Each filter that is on (but `leave_out`) as a query adding nothing to the score."""
        found = []
        for facet, value in (("type", filters.type), ("org", filters.org),
                             ("committee", filters.committee), ("paper", filters.paper)):
            if value is not None and facet != leave_out:
                found.append(tantivy.Query.term_query(self.schema, FACETS[facet], value))
        ranges = [(filters.date_from, filters.date_to)]
        if None not in ranges[0] and filters.date_from > filters.date_to:
            ranges = [(filters.date_from, None), (None, filters.date_to)]   # each on its own
        for date_from, date_to in ranges:
            if date_from is not None or date_to is not None:
                terms = range_terms(date_from, date_to, *self._years)
                found.append(tantivy.Query.boolean_query([
                    (tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "dates", t))
                    for t in terms]) if terms else tantivy.Query.empty_query())
        return [tantivy.Query.const_score_query(q, 0.0) for q in found]

    def _query(self, filters: Filters, leave_out: str | None = None) -> tantivy.Query:
        text = self._text(filters.query)
        musts = ([text] if text is not None else []) + self._filters(filters, leave_out)
        if not musts:
            return self.everything
        if len(musts) == 1:
            return musts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in musts])

    def faceted_search(self, filters: Filters, sort: str = "relevance", limit: int = 50,
                       offset: int = 0) -> tuple[list[dict], int]:
        """One page of hits and how many there are in all: browse.faceted_search's answer."""
        hits, total = self._page(filters, sort, limit, offset, count=True)
        return hits, total

    def results_page(self, filters: Filters, sort: str = "relevance", limit: int = 50,
                     offset: int = 0, max_orgs: int = 40,
                     max_papers: int = 40) -> tuple[list[dict], int, dict[str, list[dict]]]:
        """What a results page shows: faceted_search's hits and total, and facet_counts.
        The total comes from the type facet's counting (every item has one type), so the
        hits are collected top-k alone, which lets tantivy skip blocks that cannot reach the
        page (block-max WAND) instead of visiting every hit to count it."""
        hits, _ = self._page(filters, sort, limit, offset, count=False)
        facets, total = self._facets(filters, max_orgs, max_papers)
        return hits, total, facets

    def _page(self, filters: Filters, sort: str, limit: int, offset: int,
              count: bool) -> tuple[list[dict], int | None]:
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}; choose one of {sorted(SORTS)}")
        query = self._query(filters)
        scored = sort == "relevance" and filters.query
        if scored:
            found = self.searcher.search(query, limit=limit, offset=offset, count=count)
        else:       # with no query to score, "relevance" is the papers' order
            found = self.searcher.search(query, limit=limit, offset=offset, count=count,
                                         order_by_field=ORDERS[sort], order=tantivy.Order.Asc)
        hits = []
        for key, address in found.hits:
            stored = self.searcher.doc(address).to_dict()
            hit = {name: stored[name][0] if name in stored else None for name in STORED}
            hit["score"] = key / LN_10 if scored else None
            hits.append(hit)
        if filters.query and not scored and hits:
            self._score(filters.query, hits)
        return hits, found.count

    def _score(self, query: str, hits: list[dict]) -> None:
        """Scores for hits found in another order than relevance."""
        text = self._text(query)
        for hit in hits:
            only = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, text),
                (tantivy.Occur.Must, tantivy.Query.const_score_query(
                    tantivy.Query.term_query(self.schema, "id", hit["id"]), 0.0))])
            found = self.searcher.search(only, limit=1, count=False).hits
            hit["score"] = found[0][0] / LN_10 if found else None

    def facet_counts(self, filters: Filters, max_orgs: int = 40,
                     max_papers: int = 40) -> dict[str, list[dict]]:
        """For each facet, its values with how many hits each would give, counting with
        every other filter applied, most hits first: browse.facet_counts's answer, with the
        papers cut to the `max_papers` biggest as the organisations are."""
        return self._facets(filters, max_orgs, max_papers)[0]

    def _facets(self, filters: Filters, max_orgs: int,
                max_papers: int) -> tuple[dict[str, list[dict]], int]:
        """The facet counts, and the number of hits with every filter applied: a facet
        whose own filter is on counts over the hits of every other filter (a pass of the
        query each), the others over the hits of all filters (one pass for all of them)."""
        sizes = {"type": 20, "org": max_orgs, "committee": 20, "paper": max_papers}
        on = {facet: value for facet, value in (
            ("type", filters.type), ("org", filters.org), ("committee", filters.committee),
            ("paper", filters.paper)) if value is not None}
        passes: dict[str | None, list[str]] = {}
        for facet in FACETS:
            passes.setdefault(facet if facet in on else None, []).append(facet)
        counted: dict[str, list[dict]] = {}
        for leave_out, names in passes.items():
            aggregation = {name: _terms(name, sizes[name]) for name in names}
            query = self._query(filters, leave_out)
            if query is self.everything:      # the same for every page of this version
                key = json.dumps(aggregation, sort_keys=True)
                if key not in self._everything_counted:
                    self._everything_counted[key] = self.searcher.aggregate(query, aggregation)
                answer = self._everything_counted[key]
            else:
                answer = self.searcher.aggregate(query, aggregation)
            for name in names:
                counted[name] = answer[name]["buckets"]
        total = sum(b["doc_count"] for b in counted["type"]
                    if "type" not in on or b["key"] == on["type"])
        facets = {}
        for name in FACETS:
            labels = self.labels.get(name) or {}
            values = [{"value": b["key"], "label": labels.get(b["key"], b["key"]),
                       "count": b["doc_count"]} for b in counted[name]]
            values.sort(key=lambda v: (-v["count"], v["label"] or ""))
            facets[name] = values[:sizes[name]]
        return facets, total


def _terms(facet: str, size: int) -> dict:
    """The aggregation counting a facet's values, the `size` most hit. Counts summed over
    segments are exact: a type's, committee's or body's items are anywhere, so each
    segment's values are all counted; a paper's items are all in one segment (_add_items,
    and merges join whole segments), so its count there is its count, and a paper among the
    `size` most hit overall is among them in its segment. The few types and committees are
    all returned, and cut after ordering by count and label as the SQL search orders them."""
    terms = {"field": FACETS[facet], "order": {"_count": "desc"},
             "size": 1000 if facet in ("type", "committee") else size}
    if facet != "paper":
        terms["segment_size"] = 1_000_000
    return {"terms": terms}


def labels(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Display names of the organisation and paper facets' values, as browse labels them: an
    organisation by the name most of its records give it (ties to the first in order). The
    records are counted by paper and name before each name is resolved, so that the slug
    and the joins run once a name in a paper, not once a record (2.2 s of CPU to 0.8 s at
    a million items, measured)."""
    names = " UNION ALL ".join(f"SELECT doc_id, {column} AS org FROM {table} "
                               f"WHERE {column} IS NOT NULL" for table, column in ORG_COLUMNS)
    orgs = con.execute(f"""
        SELECT org_id, first(org_name ORDER BY n DESC, org_name) FROM (
            SELECT coalesce(o.entity_id, {SLUG.format('r.org')}) AS org_id,
                   coalesce(e.name, r.org) AS org_name, sum(r.n) AS n
            FROM (SELECT doc_id, org, count(*) AS n FROM ({names}) GROUP BY ALL) AS r
            LEFT JOIN org_names AS o ON o.doc_id = r.doc_id AND o.name = r.org
            LEFT JOIN org_entities AS e ON e.entity_id = o.entity_id GROUP BY ALL)
        GROUP BY org_id""").fetchall()
    papers = con.execute("SELECT doc_id, coalesce(title, doc) || coalesce(' (' || date || ')', "
                         "'') FROM documents").fetchall()
    return {"org": dict(orgs), "paper": dict(papers)}


_stemmers = threading.local()
"""A Porter stemmer per thread: one keeps state between words, so sharing it across the web
app's request threads garbles stems (IndexError, measured)."""


def query_stems(query: str) -> set[str]:
    """The stems of a query as the fts index makes them: accents stripped, lower case,
    split at the tokenizer's breaks and whitespace, each word Porter-stemmed."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", query.lower())
                    if not unicodedata.combining(c))
    if not hasattr(_stemmers, "porter"):
        _stemmers.porter = snowballstemmer.stemmer("porter")
    return set(_stemmers.porter.stemWords(TOKEN_BREAKS.sub(" ", plain).split()))
