"""The web app's search engine: a tantivy index of every searchable item, written by the
publish step (warehouse/publish.py) from the warehouse's own fts index, and searched with the
same filters, sorts and facets as warehouse/browse.py.

Why tantivy: at a million items, summing precomputed BM25 weights in DuckDB (browse.py) took
63 ms at the median for a page of hits and 116 ms for the facet counts; tantivy finds the page
with block-max WAND and counts facets over its columnar fast fields (README, "Search speed").

The same words and scores as the warehouse's BM25: each item is indexed by the very stems
the fts index holds for it (its terms table), split on spaces, and a query is stemmed by the
fts tokenizer and Porter stemmer. tantivy's BM25 is the same formula (k1 = 1.2, b = 0.75, the
same idf and average length, but the natural log where DuckDB's `log` is base 10: its scores
are divided by ln 10 here); it keeps an item's length in one byte, exact up to 40 stems,
rounded above, and scores in 32-bit floats, so long sections score within a few per cent of
match_bm25 and short records within rounding (tests/test_search_scale.py).
"""
from __future__ import annotations

import math
import re
import shutil
import threading
import unicodedata
from datetime import date
from pathlib import Path

import duckdb
import snowballstemmer
import tantivy

from warehouse.browse import FTS, SORTS, Filters

EPOCH = date(1970, 1, 1)
LN_10 = math.log(10)
FACETS = {"type": "type", "org": "org", "committee": "committee", "paper": "doc_id"}
"""Facet name -> the index field it counts."""
STORED = ["id", "type", "doc_id", "doc", "title", "date", "committee", "page", "section",
          "quote"]
RANKED = [sort for sort in SORTS if sort != "relevance"]


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("terms", tokenizer_name="stems", index_option="freq")
    for name in ("id", "type", "doc_id", "committee", "org"):
        builder.add_text_field(name, stored=name != "org", fast=True, tokenizer_name="raw",
                               index_option="basic")
    for name in ("doc", "title", "date", "section", "quote"):
        builder.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("docid", stored=True, fast=True, indexed=True)
    builder.add_integer_field("page", stored=True)
    for name in ("paper_start", "paper_end"):
        builder.add_integer_field(name, fast=True, indexed=True)
    for sort in RANKED:
        builder.add_integer_field(f"rank_{sort}", fast=True)
    return builder.build()


def _open(path: Path, schema: tantivy.Schema) -> tantivy.Index:
    index = tantivy.Index(schema, path=str(path), reuse=True)
    index.register_tokenizer("stems", tantivy.TextAnalyzerBuilder(
        tantivy.Tokenizer.whitespace()).build())
    return index


def _days(value: date | None) -> int | None:
    return None if value is None else (value - EPOCH).days


RANKS = ", ".join(f"row_number() OVER (ORDER BY {', '.join('i.' + t for t in SORTS[sort].split(', '))}) "
                  f"AS rank_{sort}" for sort in RANKED)
ITEMS = f"""
    SELECT i.docid, i.id, i.type, i.doc_id, i.doc, d.title, d.date, i.committee, i.page,
           s.section, s.quote, i.paper_start, i.paper_end, t.stems, o.orgs, {RANKS}
    FROM browse_items i JOIN search_items s ON s.id = i.id
    JOIN documents d ON d.doc_id = i.doc_id
    LEFT JOIN (SELECT docid, string_agg(dict.term, ' ') AS stems FROM {FTS}.terms
               JOIN {FTS}.dict AS dict USING (termid) GROUP BY docid) AS t ON t.docid = i.docid
    LEFT JOIN (SELECT docid, list(DISTINCT org_id) AS orgs FROM browse_record_orgs
               GROUP BY docid) AS o ON o.docid = i.docid
    ORDER BY i.docid"""
"""Every item as the index holds it: its stems, facets, filters and its place in each sort."""


def build_text_index(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """Write the index of every searchable item at `path` (replacing what is there), from a
    warehouse prepared by browse.prepare_browsing; return how many items it holds."""
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    schema = _schema()
    index = _open(path, schema)
    writer = index.writer(heap_size=256_000_000, num_threads=1)
    cursor = con.execute(ITEMS)
    names = [column[0] for column in cursor.description]
    added = 0
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            item = dict(zip(names, row))
            fields = {name: item[name] for name in STORED if item[name] is not None}
            fields.update(docid=item["docid"], terms=item["stems"] or "",
                          **{f"rank_{sort}": item[f"rank_{sort}"] for sort in RANKED})
            if item["orgs"]:
                fields["org"] = item["orgs"]
            for name in ("paper_start", "paper_end"):
                if item[name] is not None:
                    fields[name] = _days(item[name])
            writer.add_document(tantivy.Document(**fields))
            added += 1
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
        if filters.date_from is not None:
            found.append(tantivy.Query.range_query(self.schema, "paper_end",
                                                   tantivy.FieldType.Integer,
                                                   lower_bound=_days(filters.date_from)))
        if filters.date_to is not None:
            found.append(tantivy.Query.range_query(self.schema, "paper_start",
                                                   tantivy.FieldType.Integer,
                                                   upper_bound=_days(filters.date_to)))
        return [tantivy.Query.const_score_query(q, 0.0) for q in found]

    def _query(self, filters: Filters, leave_out: str | None = None) -> tantivy.Query:
        text = self._text(filters.query)
        musts = ([text] if text is not None else []) + self._filters(filters, leave_out)
        if not musts:
            return tantivy.Query.all_query()
        if len(musts) == 1:
            return musts[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in musts])

    def faceted_search(self, filters: Filters, sort: str = "relevance", limit: int = 50,
                       offset: int = 0) -> tuple[list[dict], int]:
        """One page of hits and how many there are in all: browse.faceted_search's answer."""
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}; choose one of {sorted(SORTS)}")
        query = self._query(filters)
        if sort == "relevance" and filters.query:
            found = self.searcher.search(query, limit=limit, offset=offset, count=True)
        else:       # with no query to score, "relevance" is the items' own order
            found = self.searcher.search(query, limit=limit, offset=offset, count=True,
                                         order_by_field="docid" if sort == "relevance"
                                         else f"rank_{sort}", order=tantivy.Order.Asc)
        scored = sort == "relevance" and filters.query
        hits = []
        for key, address in found.hits:
            doc = self.searcher.doc(address)
            stored = doc.to_dict()
            hit = {name: stored[name][0] if name in stored else None for name in STORED}
            hit["score"] = key / LN_10 if filters.query else None
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
        sizes = {"type": 20, "org": max_orgs, "committee": 20, "paper": max_papers}
        # Facets whose own filter is off count over the same hits: one pass for all of them.
        passes: dict[str | None, list[str]] = {}
        for facet, value in (("type", filters.type), ("org", filters.org),
                             ("committee", filters.committee), ("paper", filters.paper)):
            passes.setdefault(facet if value is not None else None, []).append(facet)
        facets: dict[str, list[dict]] = {}
        for leave_out, names in passes.items():
            aggregation = {name: {"terms": {"field": FACETS[name], "size": sizes[name],
                                            "order": {"_count": "desc"}}} for name in names}
            answer = self.searcher.aggregate(self._query(filters, leave_out), aggregation)
            for name in names:
                labels = self.labels.get(name) or {}
                values = [{"value": b["key"], "label": labels.get(b["key"], b["key"]),
                           "count": b["doc_count"]} for b in answer[name]["buckets"]]
                values.sort(key=lambda v: (-v["count"], v["label"] or ""))
                facets[name] = values
        return {name: facets[name] for name in FACETS}


def labels(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """Display names of the organisation and paper facets' values, as browse labels them."""
    orgs = con.execute("SELECT org_id, mode(org_name) FROM browse_record_orgs "
                       "GROUP BY org_id").fetchall()
    papers = con.execute("SELECT doc_id, coalesce(title, doc) || coalesce(' (' || date || ')', "
                         "'') FROM documents").fetchall()
    return {"org": dict(orgs), "paper": dict(papers)}


TOKEN_BREAKS = re.compile(r"[0-9!@#$%^&*()_+={}\[\]:;<>,.?~\\/|'\"`-]+")
"""What the fts index's tokenizer turns into spaces (its tokenize macro's pattern)."""
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
