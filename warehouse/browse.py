"""Faceted search for the web app: full-text hits (or every record, with no query) narrowed by
record type, organisation, committee, paper and paper date, with counts for each facet.

A record belongs to the organisations its own fields name: an organisation record its name,
budgets, milestones and risks their `org`, commitments their `actor`, decisions their `body`,
relations both ends. Sections name none, so an organisation filter leaves them out. A name is
the organisation the cross-paper step resolved it to (org_names, org_entities: one body under
all its names and papers), keyed by that entity's id; a name it has not resolved is keyed by
a slug of itself ("NHS Brent CCG" -> "nhs-brent-ccg").

`prepare_browsing` stores that mapping as a table; the web app calls it on its own copy of
the warehouse, so searches do not redo the mapping and the warehouse itself is not touched.

Every value a user sends is a bound parameter; the SQL text is assembled only from the fixed
fragments below.
"""
from dataclasses import dataclass
from datetime import date

import duckdb

from warehouse.store import as_dicts

SLUG = "trim(regexp_replace(lower(strip_accents({0})), '[^a-z0-9]+', '-', 'g'), '-')"

RECORD_ORGS = " UNION ALL ".join(
    f"SELECT id, doc_id, {column} AS org FROM {table} WHERE {column} IS NOT NULL"
    for table, column in [("organisations", "name"), ("budgets", "org"), ("milestones", "org"),
                          ("commitments", "actor"), ("risks", "org"), ("decisions", "body"),
                          ("relations", "source"), ("relations", "target")])
"""(record id, paper, organisation name) for every organisation a record names."""

RECORD_ORG_IDS = (
    f"SELECT r.id, coalesce(n.entity_id, {SLUG.format('r.org')}) AS org_id, "
    "coalesce(e.name, r.org) AS org_name "
    f"FROM ({RECORD_ORGS}) AS r LEFT JOIN org_names AS n ON n.doc_id = r.doc_id AND n.name = r.org "
    "LEFT JOIN org_entities AS e ON e.entity_id = n.entity_id")
"""(record id, organisation id, organisation name) for every organisation a record names."""


def prepare_browsing(con: duckdb.DuckDBPyConnection) -> None:
    """Store which organisations each record names (table browse_record_orgs) for the other
    functions here; call it on a writable copy after each change of the warehouse."""
    con.execute(f"CREATE OR REPLACE TABLE browse_record_orgs AS {RECORD_ORG_IDS}")

# A paper's date as stated ("2016", "2018-09", "2013-09-26") read as the days it may mean.
PAPER_START = ("try_cast(CASE length(d.date) WHEN 4 THEN d.date || '-01-01' "
               "WHEN 7 THEN d.date || '-01' ELSE d.date END AS DATE)")
PAPER_END = ("CASE length(d.date) WHEN 4 THEN try_cast(d.date || '-12-31' AS DATE) "
             f"ELSE last_day({PAPER_START}) END")
PAPER_END_EXACT = f"CASE length(d.date) WHEN 10 THEN {PAPER_START} ELSE {PAPER_END} END"

SORTS = {
    "relevance": "score DESC NULLS LAST, paper_start DESC NULLS LAST, doc, page, id",
    "newest": "paper_start DESC NULLS LAST, doc, page, id",
    "oldest": "paper_start ASC NULLS LAST, doc, page, id",
    "paper": "doc, page, id",
    "type": "type, paper_start DESC NULLS LAST, doc, page, id",
}
"""The orders a user may ask for, by name: the only way a sort reaches the SQL."""


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


FTS = "fts_main_search_items"
BM25 = (
    # match_bm25's own formula (k = 1.2, b = 0.75, any query term), evaluated once for the
    # whole query from the index tables instead of once per indexed item: about ten times
    # faster at 100,000 items.
    f"WITH tokens AS (SELECT DISTINCT stem(unnest({FTS}.tokenize(?)), 'porter') AS t), "
    f"qterms AS (SELECT termid, df FROM {FTS}.dict JOIN tokens ON term = t), "
    f"tf AS (SELECT docid, termid, count(*) AS tf FROM {FTS}.terms "
    f"  WHERE termid IN (SELECT termid FROM qterms) GROUP BY docid, termid) "
    f"SELECT docs.name AS id, sum(log((stats.num_docs - df + 0.5) / (df + 0.5) + 1) "
    f"  * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * docs.len / stats.avgdl))) AS score "
    f"FROM tf JOIN qterms USING (termid) JOIN {FTS}.docs AS docs USING (docid), "
    f"{FTS}.stats AS stats GROUP BY docs.name")


def _base(filters: Filters) -> tuple[str, list]:
    """Every candidate hit with its paper, its score and one flag per filter (TRUE when the
    filter is off), so the results can apply all filters while each facet counts with every
    filter but its own."""
    if filters.query:
        hits, score = f"({BM25}) AS hit JOIN search_items AS s USING (id)", "hit.score"
        query_params = [filters.query]
    else:
        hits, score, query_params = "search_items AS s", "CAST(NULL AS DOUBLE)", []
    flags, flag_params = [], []
    for name, value, condition in [
            ("type", filters.type, "s.type = ?"),
            ("org", filters.org, "s.id IN (SELECT id FROM browse_record_orgs WHERE org_id = ?)"),
            ("committee", filters.committee, "d.committee = ?"),
            ("paper", filters.paper, "s.doc_id = ?"),
            ("date_from", filters.date_from, f"{PAPER_END_EXACT} >= ?"),
            ("date_to", filters.date_to, f"{PAPER_START} <= ?")]:
        flags.append(f"{condition if value is not None else 'TRUE'} AS {name}_ok")
        flag_params += [value] if value is not None else []
    sql = (f"SELECT s.id, s.type, s.doc_id, s.doc, s.page, s.section, s.quote, {score} AS score, "
           "d.title, d.date, d.committee, "
           f"{PAPER_START} AS paper_start, {', '.join(flags)} "
           f"FROM {hits} JOIN documents AS d USING (doc_id)")
    return sql, flag_params + query_params


ALL_OK = "type_ok AND org_ok AND committee_ok AND paper_ok AND date_from_ok AND date_to_ok"


def faceted_search(con: duckdb.DuckDBPyConnection, filters: Filters, sort: str = "relevance",
                   limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """One page of hits in the chosen order, and how many hits there are in all.

    Each hit has id, type, doc_id, doc, title, date, committee, page, section, quote and
    score (None without a query). Without a query every record and section matches, so a
    user can browse an organisation's or a paper's records.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; choose one of {sorted(SORTS)}")
    base, params = _base(filters)
    rows = as_dicts(con.execute(
        "SELECT id, type, doc_id, doc, title, date, committee, page, section, quote, score, "
        "count(*) OVER () AS total "
        f"FROM ({base}) WHERE {ALL_OK} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
        [*params, limit, offset]))
    total = rows[0]["total"] if rows else _count(con, base, params)
    for row in rows:
        del row["total"]
    return rows, total


def _count(con: duckdb.DuckDBPyConnection, base: str, params: list) -> int:
    """The total when the page asked for is past the end (so it holds no row to carry it)."""
    return con.execute(f"SELECT count(*) FROM ({base}) WHERE {ALL_OK}", params).fetchone()[0]


def facet_counts(con: duckdb.DuckDBPyConnection, filters: Filters,
                 max_orgs: int = 40) -> dict[str, list[dict]]:
    """For each facet, its values with how many hits each would give, counting with every
    other filter applied: {"type": [{"value", "label", "count"}], "org": ..., "committee":
    ..., "paper": ...}, most hits first (organisations: the `max_orgs` biggest)."""
    base, params = _base(filters)
    others = {facet: " AND ".join(flag for flag in ALL_OK.split(" AND ")
                                  if flag != f"{facet}_ok")
              for facet in ("type", "org", "committee", "paper")}
    rows = as_dicts(con.execute(
        f"WITH base AS MATERIALIZED ({base}) "
        f"SELECT 'type' AS facet, type AS value, type AS label, count(*) AS n FROM base "
        f"WHERE {others['type']} GROUP BY type "
        f"UNION ALL SELECT 'committee', committee, committee, count(*) FROM base "
        f"WHERE {others['committee']} GROUP BY committee "
        f"UNION ALL SELECT 'paper', doc_id, any_value(coalesce(title, doc)) || "
        f"  coalesce(' (' || any_value(date) || ')', ''), count(*) FROM base "
        f"WHERE {others['paper']} GROUP BY doc_id "
        f"UNION ALL SELECT * FROM (SELECT 'org', org_id, mode(org_name), count(DISTINCT id) AS n "
        f"  FROM base JOIN browse_record_orgs USING (id) WHERE {others['org']} "
        f"  GROUP BY org_id ORDER BY n DESC, org_id LIMIT ?)",
        [*params, max_orgs]))
    facets: dict[str, list[dict]] = {"type": [], "org": [], "committee": [], "paper": []}
    for row in rows:
        facets[row["facet"]].append({"value": row["value"], "label": row["label"],
                                     "count": row["n"]})
    for values in facets.values():
        values.sort(key=lambda v: (-v["count"], v["label"] or ""))
    return facets


def match_stems(con: duckdb.DuckDBPyConnection, query: str) -> set[str]:
    """The indexed stems `query` searches for: the index's own tokenizer and Porter stemmer,
    keeping only stems the index holds (stopwords never are), so that highlighting marks
    exactly the words that matched."""
    return {stem for (stem,) in con.execute(
        f"SELECT DISTINCT stem(t, 'porter') AS st FROM (SELECT unnest({FTS}.tokenize(?)) AS t) "
        f"WHERE t <> '' AND st IN (SELECT term FROM {FTS}.dict)", [query]).fetchall()}


def word_stems(con: duckdb.DuckDBPyConnection, words: list[str]) -> dict[str, str]:
    """Each word (letters only) with the stem the index gives it."""
    if not words:
        return {}
    return dict(con.execute(
        "SELECT w, stem(lower(strip_accents(w)), 'porter') "
        "FROM (SELECT DISTINCT unnest(?::VARCHAR[]) AS w)", [words]).fetchall())
