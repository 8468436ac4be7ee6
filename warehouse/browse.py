"""Faceted search for the web app: full-text hits (or every record, with no query) narrowed by
record type, organisation, committee, paper and paper date, with counts for each facet.

A record belongs to the organisations its own fields name: an organisation record its name,
budgets, milestones and risks their `org`, commitments their `actor`, decisions their `body`,
relations both ends. Sections name none, so an organisation filter leaves them out. A name is
the organisation the cross-paper step resolved it to (org_names, org_entities: one body under
all its names and papers), keyed by that entity's id; a name it has not resolved is keyed by
a slug of itself ("NHS Exampleton CCG" -> "nhs-exampleton-ccg").

`prepare_items` stores, as tables, each searchable item's paper facts and each organisation
a record names: the publish step (warehouse/publish.py) makes the web app's search index and
organisation pages from them. `prepare_browsing` adds each indexed word's BM25 weight in each
item (the warehouse's index, warehouse/searchindex.py: fts's terms and match_bm25's
formula), which the SQL searches below sum. The web app searches the published tantivy index instead
(warehouse/textindex.py: at a million items a results page in a few tens of milliseconds where
these took hundreds); these stay as the reference it is tested and measured against.

Every value a user sends is a bound parameter; the SQL text is assembled only from the fixed
fragments below.
"""
from dataclasses import dataclass
from datetime import date

import duckdb

from warehouse.searchindex import BM25, match_stems
from warehouse.store import as_dicts

SLUG = "trim(regexp_replace(lower(strip_accents({0})), '[^a-z0-9]+', '-', 'g'), '-')"

ORG_COLUMNS = [("organisations", "name"), ("budgets", "org"), ("milestones", "org"),
               ("commitments", "actor"), ("risks", "org"), ("decisions", "body"),
               ("relations", "source"), ("relations", "target")]
"""Each record table's columns that name an organisation."""
RECORD_ORGS = " UNION ALL ".join(
    f"SELECT id, doc_id, {column} AS org FROM {table} WHERE {column} IS NOT NULL"
    for table, column in ORG_COLUMNS)
"""(record id, paper, organisation name) for every organisation a record names."""

# A paper's date as stated ("2016", "2018-09", "2013-09-26") read as the days it may mean.
PAPER_START = ("try_cast(CASE length(d.date) WHEN 4 THEN d.date || '-01-01' "
               "WHEN 7 THEN d.date || '-01' ELSE d.date END AS DATE)")
PAPER_END = (f"CASE length(d.date) WHEN 10 THEN {PAPER_START} "
             "WHEN 4 THEN try_cast(d.date || '-12-31' AS DATE) "
             f"ELSE last_day({PAPER_START}) END")

PREPARED = [
    # Searchable items by their item number, with what filters and sorts need.
    f"""CREATE OR REPLACE TABLE browse_items AS
        SELECT s.item AS docid, s.id, s.type, s.doc_id, s.doc, s.page, d.committee,
               {PAPER_START} AS paper_start, {PAPER_END} AS paper_end
        FROM search_items s JOIN documents AS d USING (doc_id) ORDER BY s.item""",
    f"""CREATE OR REPLACE TABLE browse_record_orgs AS
        SELECT i.docid, r.id, coalesce(n.entity_id, {SLUG.format('r.org')}) AS org_id,
               coalesce(e.name, r.org) AS org_name
        FROM ({RECORD_ORGS}) AS r JOIN browse_items AS i USING (id)
        LEFT JOIN org_names AS n ON n.doc_id = r.doc_id AND n.name = r.org
        LEFT JOIN org_entities AS e ON e.entity_id = n.entity_id ORDER BY org_id""",
    # match_bm25's formula stem by stem; sorted by stem so that a search reads only the row
    # groups of its words.
    f"""CREATE OR REPLACE TABLE browse_postings AS
        SELECT p.stem AS term, p.item AS docid, {BM25} AS weight
        FROM search_postings AS p JOIN search_items AS i USING (item)
        JOIN search_stems AS s USING (stem), search_totals AS t ORDER BY p.stem, p.item""",
    # A page's section and quote, looked up by an index join (search_items has no index: a
    # night would pay for it); a hash join read every item's text for each page (2x, measured).
    """CREATE OR REPLACE TABLE browse_texts AS
        SELECT item AS text_docid, section, quote FROM search_items ORDER BY item""",
    "CREATE UNIQUE INDEX browse_texts_docid ON browse_texts (text_docid)",
]


def prepare_items(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)build browse_items and browse_record_orgs, what the published search index and
    the app's organisation pages are made from (warehouse/publish.py)."""
    for statement in PREPARED[:2]:
        con.execute(statement)


def prepare_browsing(con: duckdb.DuckDBPyConnection) -> None:
    """prepare_items, and the BM25 weights the SQL searches below sum: the reference the
    search index is measured against (bench/search_latency.py, tests)."""
    for statement in PREPARED:
        con.execute(statement)


SORTS = {
    "relevance": "score DESC NULLS LAST, docid",
    "newest": "paper_start DESC NULLS LAST, doc, page, id",
    "oldest": "paper_start ASC NULLS LAST, doc, page, id",
    "paper": "doc, page, id",
    "type": "type, paper_start DESC NULLS LAST, doc, page, id",
}
"""The orders a user may ask for, by name: the only way a sort reaches the SQL. Ties end on
the item's id (relevance: on its item number, the order items were indexed in)."""


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to; None means no narrowing. `org` is an organisation id,
    `paper` a doc_id; `date_from`/`date_to` keep papers whose stated date overlaps them."""
    query: str | None = None                   # full-text query
    type: str | None = None
    org: str | None = None
    committee: str | None = None
    paper: str | None = None
    date_from: date | None = None
    date_to: date | None = None


FLAGS = ["type_ok", "org_ok", "committee_ok", "paper_ok", "from_ok", "to_ok"]
ALL_OK = " AND ".join(FLAGS)


def _scores(con: duckdb.DuckDBPyConnection, query: str,
            within: list[tuple[str, object]] = ()) -> tuple[str, list]:
    """Each matching item's docid and BM25 score, and every filter flag TRUE; `within`
    (conditions on browse_items `i`, with their values) narrows the items scored."""
    stems = sorted(match_stems(con, query)) or [""]   # nothing indexable: no hit, as match_bm25
    flags = ", ".join(f"TRUE AS {flag}" for flag in FLAGS)
    narrowed = (" AND docid IN (SELECT i.docid FROM browse_items AS i WHERE "
                f"{' AND '.join(condition for condition, _ in within)})" if within else "")
    return (f"SELECT docid, sum(weight) AS score, {flags} FROM browse_postings "
            f"WHERE term IN ({', '.join('?' for _ in stems)}){narrowed} GROUP BY docid",
            stems + [value for _, value in within])


def _conditions(filters: Filters) -> list[tuple[str, str, object]]:
    """(flag, condition on browse_items `i`, value) of each filter, value None when off."""
    return [("type_ok", "i.type = ?", filters.type),
            ("org_ok", "i.docid IN (SELECT docid FROM browse_record_orgs WHERE org_id = ?)",
             filters.org),
            ("committee_ok", "i.committee = ?", filters.committee),
            ("paper_ok", "i.doc_id = ?", filters.paper),
            ("from_ok", "i.paper_end >= ?", filters.date_from),
            ("to_ok", "i.paper_start <= ?", filters.date_to)]


def _qualified(order: str) -> str:
    """A sort over the page joined to browse_items: the page's score, the items' columns."""
    return ", ".join(term if term.startswith("score") else f"i.{term}"
                     for term in order.split(", "))


def _base(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[str, list]:
    """Every candidate item (docid, score and what sorts need) with one flag per filter
    (TRUE when the filter is off), so the results can apply all filters while each facet
    counts with every filter but its own."""
    params: list = []
    if filters.query:
        scores, query_params = _scores(con, filters.query)
        hits = f"({scores}) AS hit JOIN browse_items AS i USING (docid)"
        score = "hit.score"
    else:
        hits, score, query_params = "browse_items AS i", "CAST(NULL AS DOUBLE)", []
    flags = []
    for name, condition, value in _conditions(filters):
        flags.append(f"{condition if value is not None else 'TRUE'} AS {name}")
        params += [value] if value is not None else []
    return (f"SELECT i.docid, i.id, i.type, i.doc_id, i.doc, i.page, i.paper_start, {score} AS score, "
            f"{', '.join(flags)} FROM {hits}", params + query_params)


def faceted_search(con: duckdb.DuckDBPyConnection, filters: Filters, sort: str = "relevance",
                   limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """One page of hits in the chosen order, and how many hits there are in all.

    Each hit has id, type, doc_id, doc, title, date, committee, page, section, quote and
    score (BM25 as match_bm25 gives it; None without a query). Without a query every record
    and section matches, so a user can browse an organisation's or a paper's records.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; choose one of {sorted(SORTS)}")
    if filters.query and sort == "relevance":
        # Nothing to sort by but the score: only the items the filters keep are scored, the
        # page comes straight from the summed weights, and only its rows meet the items.
        base, params = _scores(con, filters.query, [
            (condition, value) for _, condition, value in _conditions(filters)
            if value is not None])
    else:
        base, params = _base(con, filters)
    # The page is chosen on the narrow prepared rows, then joined to its text and paper; the
    # joined tables' columns are renamed so that the sort's names mean the page's columns.
    rows = as_dicts(con.execute(
        "SELECT i.id, i.type, i.doc_id, i.doc, title, date, i.committee, i.page, section, quote, "
        "score, total FROM (SELECT docid, score, count(*) OVER () AS total FROM "
        f"  ({base}) WHERE {ALL_OK} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?) AS hit "
        "JOIN browse_items AS i USING (docid) "
        "JOIN browse_texts AS s ON s.text_docid = i.docid "
        "JOIN (SELECT doc_id AS paper_id, title, date FROM documents) AS d "
        f"  ON d.paper_id = i.doc_id ORDER BY {_qualified(SORTS[sort])}",
        [*params, limit, offset]))
    if not rows:
        total = con.execute(f"SELECT count(*) FROM ({base}) WHERE {ALL_OK}", params).fetchone()[0]
        return [], total
    total = rows[0]["total"]
    for row in rows:
        del row["total"]
    return rows, total


def facet_counts(con: duckdb.DuckDBPyConnection, filters: Filters,
                 max_orgs: int = 40) -> dict[str, list[dict]]:
    """For each facet, its values with how many hits each would give, counting with every
    other filter applied: {"type": [{"value", "label", "count"}], "org": ..., "committee":
    ..., "paper": ...}, most hits first (organisations: the `max_orgs` biggest)."""
    base, params = _base(con, filters)
    others = {facet: " AND ".join(f for f in FLAGS if f != f"{facet}_ok")
              for facet in ("type", "org", "committee", "paper")}
    rows = as_dicts(con.execute(
        f"WITH base AS MATERIALIZED ({base}) "
        f"SELECT 'type' AS facet, type AS value, type AS label, count(*) AS n FROM base "
        f"WHERE {others['type']} GROUP BY type "
        f"UNION ALL SELECT 'committee', i.committee, i.committee, count(*) FROM base "
        f"JOIN browse_items AS i USING (docid) WHERE {others['committee']} GROUP BY i.committee "
        f"UNION ALL SELECT 'paper', p.doc_id, coalesce(d.title, d.doc) || "
        f"  coalesce(' (' || d.date || ')', ''), p.n FROM (SELECT doc_id, count(*) AS n "
        f"  FROM base WHERE {others['paper']} GROUP BY doc_id) AS p JOIN documents AS d USING (doc_id) "
        f"UNION ALL SELECT * FROM (SELECT 'org', org_id, mode(org_name), count(DISTINCT docid) AS n "
        f"  FROM base JOIN browse_record_orgs USING (docid) WHERE {others['org']} "
        f"  GROUP BY org_id ORDER BY n DESC, org_id LIMIT ?)",
        [*params, max_orgs]))
    facets: dict[str, list[dict]] = {"type": [], "org": [], "committee": [], "paper": []}
    for row in rows:
        facets[row["facet"]].append({"value": row["value"], "label": row["label"],
                                     "count": row["n"]})
    for values in facets.values():
        values.sort(key=lambda v: (-v["count"], v["label"] or ""))
    return facets
