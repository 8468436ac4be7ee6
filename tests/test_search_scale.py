"""Search at national scale: the generated warehouse (warehouse/generate.py), the tantivy index
the flow publishes (warehouse/textindex.py, warehouse/publish.py) against the warehouse's own
BM25, and the web app's swap to each published version (web/snapshot.py)."""
from __future__ import annotations

import json
import math
from datetime import date

import duckdb
import pytest

import warehouse
from warehouse import searchindex
from tests.ftsreference import match_bm25s
from warehouse.browse import Filters, facet_counts, faceted_search, prepare_browsing
from warehouse.generate import ITEMS_PER_PAPER, add_national_papers, build_national
from warehouse.publish import (TABLES, current_version, open_version, publish,
                               publish_if_changed, published_folder)
from warehouse.schema import RECORD_TABLES
from warehouse.textindex import TextIndex, query_stems
from web.snapshot import SnapshotReader

QUERIES = ["health", "mental health care", "dementia", "commissioning pooled fund",
           "the and of", "Wellbeing!", "no-such-wordzz"]


def _generated(db, papers: int):
    """A generated warehouse of `papers` papers, indexed for the SQL search; its connection
    and the folder its versions are published in."""
    con = warehouse.connect(db)
    build_national(con, papers * ITEMS_PER_PAPER)
    warehouse.refresh_search_index(con)
    return con, published_folder(db)


def _published_for_browsing(db, papers: int):
    """A generated warehouse prepared for the SQL reference and published; the connection and
    the published version's index."""
    con, folder = _generated(db, papers)
    prepare_browsing(con)
    version = publish(con, folder)
    return con, TextIndex(version / "search", json.loads((version / "labels.json").read_text()))


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    """A generated warehouse of 40 papers, prepared for the SQL reference and published."""
    db = tmp_path_factory.mktemp("national") / "w.duckdb"
    con, index = _published_for_browsing(db, 40)
    yield con, index, db
    con.close()


def test_the_generated_warehouse_has_real_papers_shape(national):
    con, _, _ = national
    found = warehouse.counts(con)
    assert found["document"] == 40 and found["commitment"] == 40 * 18
    lengths = sorted(len(q.split()) for (q,) in con.execute(
        "SELECT quote FROM commitments").fetchall())
    assert 14 <= lengths[len(lengths) // 2] <= 24          # median of real quotes: about 19
    # Bodies recur across papers, and milestones are restated word for word.
    assert con.execute("SELECT max(n) FROM (SELECT count(DISTINCT doc_id) AS n FROM budgets "
                       "GROUP BY org)").fetchone()[0] > 3
    assert con.execute("SELECT max(n) FROM (SELECT count(DISTINCT doc_id) AS n FROM milestones "
                       "GROUP BY quote)").fetchone()[0] == 3


def test_the_same_build_twice_gives_the_same_records(tmp_path):
    def records(db):
        con = warehouse.connect(db)
        build_national(con, 3 * ITEMS_PER_PAPER)
        rows = con.execute("SELECT id, org, list_sort(string_split(quote, ' ')) FROM risks "
                           "ORDER BY id").fetchall()
        con.close()
        return rows
    assert records(tmp_path / "a.duckdb") == records(tmp_path / "b.duckdb")


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_match_bm25_finds_with_its_scores(national, query):
    con, index, _ = national
    expected = {h["id"]: h["score"] for h in warehouse.search(con, query, limit=100_000)}
    hits, total = index.faceted_search(Filters(query=query), limit=100_000)
    assert total == len(expected) == len(hits)
    for hit in hits:
        # tantivy keeps an item's length in a byte (exact to 40 stems, in steps of about
        # 8% above) and scores in float32.
        assert math.isclose(hit["score"], expected[hit["id"]], rel_tol=0.1), hit["id"]
    short = [h for h in hits if len(h["quote"].split()) <= 40]
    assert all(math.isclose(h["score"], expected[h["id"]], rel_tol=1e-5) for h in short)


def _scores_are_match_bm25s(con) -> None:
    for query in QUERIES:
        expected = match_bm25s(con, query)
        found = {h["id"]: h["score"] for h in warehouse.search(con, query, limit=100_000)}
        assert found.keys() == expected.keys(), query
        assert all(math.isclose(found[i], expected[i], rel_tol=1e-12) for i in expected), query


@pytest.mark.parametrize("named_papers", [searchindex.NAMED_PAPERS, 0])   # named, or joined
def test_the_index_kept_paper_by_paper_scores_as_match_bm25_on_a_rebuild(
        tmp_path, monkeypatch, named_papers):
    monkeypatch.setattr(searchindex, "NAMED_PAPERS", named_papers)
    con, _ = _generated(tmp_path / "w.duckdb", 8)
    _scores_are_match_bm25s(con)
    # A night: new papers, one paper re-read (a quote changed), one replaced by other bytes.
    add_national_papers(con, 3, built=8)
    con.execute("UPDATE commitments SET quote = quote || ' dementia wellbeing' WHERE doc_id = "
                "(SELECT doc_id FROM documents WHERE doc = 'national-0000002') AND page < 20")
    warehouse.mark_changed(con, [con.execute("SELECT doc_id FROM documents WHERE doc = "
                                             "'national-0000002'").fetchone()[0]])
    _retire(con, "national-0000004")
    assert warehouse.search_index_stale(con)
    warehouse.refresh_search_index(con)
    assert not warehouse.search_index_stale(con)
    assert con.execute("SELECT count(*) FROM search_items").fetchone()[0] == \
        con.execute("SELECT items FROM search_totals").fetchone()[0] == 10 * ITEMS_PER_PAPER
    _scores_are_match_bm25s(con)
    # Nothing marked: a refresh changes nothing.
    before = con.execute("SELECT * FROM search_stems ORDER BY stem").fetchall()
    warehouse.refresh_search_index(con)
    assert con.execute("SELECT * FROM search_stems ORDER BY stem").fetchall() == before
    con.close()


@pytest.mark.parametrize("filters", [
    {"query": "health"}, {"query": "care", "type": "commitment"},
    {"query": "services", "committee": "HWB", "date_from": date(2014, 1, 1),
     "date_to": date(2018, 12, 31)},
    {"query": "care", "date_from": date(2016, 3, 14)}, {"date_to": date(2013, 5, 2)},
    {"query": "care", "date_from": date(2017, 1, 1), "date_to": date(2016, 2, 1)},
    {"type": "milestone"}, {"query": "health", "org": "nhs-england"}, {}])
def test_hits_totals_and_facets_are_the_sql_searchs(national, filters):
    con, index, _ = national
    f = Filters(**filters)
    expected, expected_total = faceted_search(con, f, limit=100_000)
    hits, total = index.faceted_search(f, limit=100_000)
    assert total == expected_total
    assert {h["id"] for h in hits} == {h["id"] for h in expected}
    sql, engine = facet_counts(con, f), index.facet_counts(f)
    for facet in ("type", "org", "committee"):
        assert engine[facet] == sql[facet][:len(engine[facet])], facet
    assert {(v["value"], v["count"]) for v in engine["paper"]} <= \
        {(v["value"], v["count"]) for v in sql["paper"]}


@pytest.mark.parametrize("sort", ["newest", "oldest", "paper", "type"])
def test_every_sort_pages_as_the_sql_search_does(national, sort):
    con, index, _ = national
    f = Filters(query="care")
    expected = [h["id"] for h in faceted_search(con, f, sort=sort, limit=30, offset=20)[0]]
    page = index.faceted_search(f, sort=sort, limit=30, offset=20)[0]
    assert [h["id"] for h in page] == expected
    assert all(h["score"] is not None for h in page)


def test_queries_are_stemmed_as_the_fts_index_stems_them(national):
    con, _, _ = national
    words = ["Commissioning", "services", "organisations", "élan", "carers'", "integrated"]
    for word in words:
        expected = con.execute("SELECT stem(lower(strip_accents(?)), 'porter')",
                               [word.strip("'")]).fetchone()[0]
        assert query_stems(word) == {expected}
    assert query_stems("mental-health, 2019") == {"mental", "health"}


def test_a_run_that_changed_nothing_publishes_nothing(national):
    con, _, db = national
    folder = published_folder(db)
    assert publish_if_changed(con, db) is None
    con.execute("UPDATE search_index_state SET contents_version = contents_version + 1")
    newer = publish_if_changed(con, db)
    assert newer is not None and current_version(folder) == newer
    assert len(list(folder.glob("v*"))) == 2           # the current one and the previous


def test_the_app_swaps_to_a_new_version_and_never_to_a_broken_one(tmp_path):
    db = tmp_path / "w.duckdb"
    con, folder = _generated(db, 2)
    publish(con, folder)
    reader = SnapshotReader(folder, poll_seconds=60)
    reader.start()
    try:
        with reader.view() as view:
            assert view.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
            # A version in flight survives a swap: the next one is published meanwhile.
            con.execute("DELETE FROM documents WHERE doc = 'national-0000001'")
            second = publish(con, folder)
            assert reader.refresh()
            assert view.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
        with reader.view() as view:
            assert view.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        broken = folder / "v99"
        broken.mkdir()
        (folder / "CURRENT").write_text("v99")
        assert not reader.refresh() and not reader.refresh()
        with reader.view() as view:                    # still the last good version
            assert view.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        (folder / "CURRENT").write_text(second.name)
    finally:
        reader.stop()
        con.close()


def test_queries_stemmed_in_many_threads_at_once_stem_alike():
    from concurrent.futures import ThreadPoolExecutor
    words = [f"{w}{suffix}" for w in ("commission", "integrat", "organis", "provid")
             for suffix in ("ing", "ed", "ations", "ers", "es")] * 200
    expected = [query_stems(w) for w in words]
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(query_stems, words)) == expected


PAGES = [Filters(query="health"), Filters(query="mental health care", type="commitment"),
         Filters(query="services", committee="HWB", date_from=date(2014, 1, 1),
                 date_to=date(2018, 12, 31)),
         Filters(query="care", org="nhs-england"), Filters(type="milestone"), Filters(),
         Filters(query="dementia"), Filters(query="no-such-wordzz")]


def _answers(version):
    """Every page (hits with scores, total, facets) in every sort, and every published table."""
    index = TextIndex(version / "search", json.loads((version / "labels.json").read_text()))
    pages = [(sort, index.results_page(f, sort=sort, limit=10_000))
             for f in PAGES for sort in ("relevance", "newest", "oldest", "paper", "type")]
    con = open_version(version)
    tables = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall()))
              for t in TABLES}
    con.close()
    return pages, tables


def _same_pages(incremental, whole, rel_tol):
    """The same totals and facets, the same hits (in the same order but for relevance, whose
    ties tantivy breaks by where an item is stored) with the same scores (within rel_tol)."""
    for (sort, (hits, total, facets)), (_, (expected, expected_total, expected_facets)) in \
            zip(incremental, whole):
        assert total == expected_total and facets == expected_facets
        if sort != "relevance":
            assert [h["id"] for h in hits] == [h["id"] for h in expected]
        scores = {h["id"]: h["score"] for h in expected}
        assert {h["id"] for h in hits} == set(scores)
        for hit in hits:
            expected_score = scores[hit["id"]]
            if hit["score"] is None or rel_tol == 0:
                assert hit["score"] == expected_score
            else:
                assert math.isclose(hit["score"], expected_score, rel_tol=rel_tol)


def _papers_in(segment) -> int:
    return duckdb.sql(f"SELECT count(*) FROM '{segment / 'papers.parquet'}'").fetchone()[0]


def _refreshed(con) -> int:
    """How many papers the last publish fingerprinted again."""
    return con.execute("SELECT count(*) FROM publish_refresh").fetchone()[0]


def _retire(con, doc: str) -> None:
    """What load_paper does to a paper whose path now holds other bytes."""
    doc_id = con.execute("SELECT doc_id FROM documents WHERE doc = ?", [doc]).fetchone()[0]
    for table in ["sections", *RECORD_TABLES.values()]:
        con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
    con.execute("UPDATE documents SET current_version = false WHERE doc_id = ?", [doc_id])
    warehouse.mark_changed(con, [doc_id])


def _answers_as_a_whole_version(con, version, whole_folder, rel_tol):
    """Assert that `version` has the tables and pages of a version written whole from the
    same warehouse (scores within rel_tol); returns its pages."""
    pages, tables = _answers(version)
    expected_pages, expected_tables = _answers(publish(con, whole_folder, full=True))
    assert tables == expected_tables
    _same_pages(pages, expected_pages, rel_tol=rel_tol)
    return pages


def test_an_incremental_publish_answers_as_a_whole_one(tmp_path):
    db = tmp_path / "w.duckdb"
    con, folder = _generated(db, 30)
    first = publish(con, folder)
    # A night of new papers only: exactly the answers of a version written whole.
    add_national_papers(con, 4, built=30)
    warehouse.refresh_search_index(con)
    second = publish(con, folder)
    manifest = json.loads((second / "manifest.json").read_text())
    assert manifest["segments"] == ["s1", "s2"] and manifest["stale_items"] == 0
    assert _papers_in(second / "segments" / "s2") == 4
    assert _refreshed(con) == 4                 # the other papers keep their fingerprints
    _answers_as_a_whole_version(con, second, tmp_path / "whole", rel_tol=0)
    # The version before still answers as it did, its files untouched by the next one.
    before = TextIndex(first / "search", {})
    assert before.searcher.num_docs == 30 * ITEMS_PER_PAPER
    assert open_version(first).execute("SELECT count(*) FROM documents").fetchone()[0] == 30
    # A night that re-read one paper (a quote changed), replaced another and gave a body a
    # new name: the same hits, totals, facets, orders and tables; scores within what the
    # deleted items still weigh in tantivy's statistics until their segment is merged.
    con.execute("UPDATE commitments SET quote = quote || ' dementia' WHERE doc_id = "
                "(SELECT doc_id FROM documents WHERE doc = 'national-0000003') AND page < 20")
    _retire(con, "national-0000005")
    con.execute("INSERT INTO org_entities VALUES ('e-renamed', 'Renamed Body', 'other', [], [])")
    con.execute("INSERT INTO org_names SELECT DISTINCT doc_id, org, 'e-renamed' FROM risks "
                "WHERE doc = 'national-0000007'")
    warehouse.mark_changed(con, [con.execute("SELECT doc_id FROM documents WHERE doc = "
                                             "'national-0000003'").fetchone()[0]])
    warehouse.refresh_search_index(con)
    third = publish(con, folder)
    assert json.loads((third / "manifest.json").read_text())["segments"][-1] == "s3"
    assert _papers_in(third / "segments" / "s3") == _refreshed(con) == 3
    pages = _answers_as_a_whole_version(con, third, tmp_path / "whole", rel_tol=0.05)
    assert any(v["value"] == "e-renamed" for v in pages[0][1][2]["org"])
    con.close()


def test_a_paper_found_at_another_path_is_published_again(tmp_path):
    """An alias adds a document_paths row and marks nothing for the search index: publish
    still finds the paper changed (its rows there differ from the last version's)."""
    con, folder = _generated(tmp_path / "w.duckdb", 6)
    publish(con, folder)
    doc_id = con.execute("SELECT doc_id FROM documents "
                         "WHERE doc = 'national-0000003'").fetchone()[0]
    assert warehouse.classify(con, "elsewhere/national-0000003.pdf", doc_id) == "alias"
    version = publish(con, folder)
    assert _papers_in(version / "segments" / "s2") == _refreshed(con) == 1
    _answers_as_a_whole_version(con, version, tmp_path / "whole", rel_tol=0.05)
    con.close()


def test_past_its_share_of_deleted_items_a_version_is_written_whole(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    con, folder = _generated(db, 10)
    publish(con, folder)
    _retire(con, "national-0000002")
    warehouse.refresh_search_index(con)
    assert json.loads((publish(con, folder) / "manifest.json").read_text())["stale_items"] \
        == ITEMS_PER_PAPER
    _retire(con, "national-0000004")
    warehouse.refresh_search_index(con)
    rewritten = publish(con, folder)                   # 10% deleted: past STALE_SHARE
    assert json.loads((rewritten / "manifest.json").read_text()) == {
        "format": 3, "segments": ["s1"], "items": 8 * ITEMS_PER_PAPER, "stale_items": 0,
        "items_through": con.execute("SELECT max(item) FROM search_items").fetchone()[0]}
    pages, _ = _answers(rewritten)
    expected, _ = _answers(publish(con, tmp_path / "whole", full=True))
    _same_pages(pages, expected, rel_tol=0)
    con.close()


def test_date_terms_keep_exactly_the_papers_whose_dates_overlap_the_range():
    import random
    from datetime import timedelta

    from warehouse.searchdates import range_terms, span_terms
    rng = random.Random(3)
    first, last = date(2010, 1, 1), date(2016, 12, 31)

    def some_day():
        return first + timedelta(days=rng.randrange((last - first).days + 1))

    def some_span():        # a day, a month or a year, as papers state their dates
        day = some_day()
        kind = rng.choice(["day", "month", "year"])
        if kind == "day":
            return day, day
        if kind == "month":
            start = day.replace(day=1)
            return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return date(day.year, 1, 1), date(day.year, 12, 31)

    spans = [some_span() for _ in range(300)]
    for _ in range(300):
        a, b = sorted([some_day(), some_day()])
        date_from, date_to = rng.choice([(a, b), (a, None), (None, b), (b, a)])
        asked = set(range_terms(date_from, date_to, first, last))
        for start, end in spans:
            overlaps = (date_from is None or end >= date_from) and \
                (date_to is None or start <= date_to)
            kept = bool(asked & set(span_terms(start, end)))
            if date_from and date_to and date_from > date_to:     # asked end by end
                kept = all(set(range_terms(*ends, first, last)) & set(span_terms(start, end))
                           for ends in ((date_from, None), (None, date_to)))
            assert kept == overlaps, (start, end, date_from, date_to)


def test_facets_count_exactly_over_many_segments(tmp_path, monkeypatch):
    import warehouse.textindex
    monkeypatch.setattr(warehouse.textindex, "SEGMENT_ITEMS", 3 * ITEMS_PER_PAPER)
    con, index = _published_for_browsing(tmp_path / "w.duckdb", 40)
    assert index.searcher.num_segments > 3
    for f in (Filters(query="health"), Filters(query="care", committee="HWB"), Filters()):
        sql, engine = facet_counts(con, f), index.facet_counts(f, max_papers=10)
        for facet in ("type", "org", "committee"):
            assert engine[facet] == sql[facet][:len(engine[facet])], facet
        # The ten papers with most hits; which of those tied at the cut is left to tantivy.
        papers, expected = engine["paper"], sql["paper"][:10]
        assert [v["count"] for v in papers] == [v["count"] for v in expected]
        assert [v for v in papers if v["count"] > papers[-1]["count"]] == \
            [v for v in expected if v["count"] > papers[-1]["count"]]
    con.close()
