"""warehouse/browse.py: faceted search over a prepared copy of a real warehouse."""
from __future__ import annotations

import shutil
from datetime import date

import pytest

import warehouse
from tests.ftsreference import match_bm25s
from warehouse.browse import SORTS, Filters, facet_counts, faceted_search, prepare_browsing

ORG_COLUMNS = {"organisations": ["name"], "budgets": ["org"], "milestones": ["org"],
               "commitments": ["actor"], "risks": ["org"], "decisions": ["body"],
               "relations": ["source", "target"]}


@pytest.fixture(scope="module")
def con(web_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("browse") / "copy.duckdb"
    shutil.copy(web_db, copy)
    con = warehouse.connect(copy)
    prepare_browsing(con)
    yield con
    con.close()


def everything(con, **filters):
    hits, total = faceted_search(con, Filters(**filters), limit=100_000)
    assert len(hits) == total
    return hits


def paper_dates(con):
    return dict(con.execute("SELECT doc_id, date FROM documents").fetchall())


def paper_span(stated: str | None) -> tuple[date, date] | None:
    """The days a paper's stated date may mean, worked out independently of the SQL."""
    if not stated:
        return None
    parts = [int(p) for p in stated.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date(parts[0], parts[1], 1), date.fromordinal(following.toordinal() - 1)
    return date(*parts), date(*parts)


@pytest.mark.parametrize("query", ["mental health", "deficit", "merger April 2021",
                                   "commissioning", "respite"])
def test_scores_are_match_bm25s(con, query):
    expected = match_bm25s(con, query)
    searched = {h["id"]: h["score"] for h in warehouse.search(con, query, limit=100_000)}
    found = {h["id"]: h["score"] for h in everything(con, query=query)}
    assert expected and found.keys() == expected.keys() == searched.keys()
    assert all(found[i] == pytest.approx(expected[i]) for i in expected)
    assert all(searched[i] == pytest.approx(expected[i]) for i in expected)
    ranked = [h["score"] for h in everything(con, query=query)]
    assert ranked == sorted(ranked, reverse=True)


def test_a_query_of_stopwords_or_unknown_words_matches_nothing(con):
    for query in ["the and of", "xyzzyplugh"]:
        assert faceted_search(con, Filters(query=query)) == ([], 0)
        assert warehouse.search(con, query) == []


def test_no_query_lists_every_record_and_section(con):
    items = con.execute("SELECT count(*) FROM search_items").fetchone()[0]
    assert faceted_search(con, Filters(), limit=1)[1] == items


def test_type_committee_and_paper_filters_keep_exactly_their_hits(con):
    hits = everything(con, query="commissioning")
    assert len(hits) > 20
    committee = dict(con.execute("SELECT doc_id, committee FROM documents").fetchall())
    for kind in {h["type"] for h in hits}:
        assert {h["id"] for h in everything(con, query="commissioning", type=kind)} == \
            {h["id"] for h in hits if h["type"] == kind}
    for name in {"HWB", "JHOSC"}:
        assert {h["id"] for h in everything(con, query="commissioning", committee=name)} == \
            {h["id"] for h in hits if committee[h["doc_id"]] == name}
    for doc_id in {h["doc_id"] for h in hits}:
        assert {h["id"] for h in everything(con, query="commissioning", paper=doc_id)} == \
            {h["id"] for h in hits if h["doc_id"] == doc_id}


def test_organisation_filter_keeps_the_records_naming_any_of_its_names(con):
    """Worked out from the record tables and the cross-paper step's name -> entity map."""
    entity_of = {(doc_id, name): entity for doc_id, name, entity in
                 con.execute("SELECT doc_id, name, entity_id FROM org_names").fetchall()}
    naming: dict[str, set[str]] = {}
    for table, columns in ORG_COLUMNS.items():
        for column in columns:
            for record_id, doc_id, name in con.execute(
                    f"SELECT id, doc_id, {column} FROM {table} WHERE {column} IS NOT NULL").fetchall():
                if (doc_id, name) in entity_of:
                    naming.setdefault(entity_of[(doc_id, name)], set()).add(record_id)
    kingsmere = con.execute("SELECT entity_id FROM org_entities WHERE name = "
                            "'NHS Kingsmere Clinical Commissioning Group'").fetchone()[0]
    biggest = max(naming, key=lambda e: len(naming[e]))
    for entity in {kingsmere, biggest}:
        assert {h["id"] for h in everything(con, org=entity)} == naming[entity]
    # The CCG is named differently in its two papers: both papers' records are its.
    assert len({h["doc"] for h in everything(con, org=kingsmere)}) == 2


def test_date_range_keeps_papers_whose_stated_date_overlaps_it(con):
    dates = paper_dates(con)
    hits = everything(con)
    for start, end in [(date(2016, 6, 1), date(2016, 6, 30)), (date(2019, 1, 1), None),
                       (None, date(2015, 12, 31)), (date(2018, 6, 14), date(2018, 6, 14))]:
        expected = set()
        for h in hits:
            span = paper_span(dates[h["doc_id"]])
            if span and (start is None or span[1] >= start) and (end is None or span[0] <= end):
                expected.add(h["id"])
        found = {h["id"] for h in everything(con, date_from=start, date_to=end)}
        assert found == expected and found, (start, end)
    # "2016" (Brent's paper) is somewhere in 2016: a June range keeps it, 2017 does not.
    assert "brent-hwb-accountable-care-2016" in {h["doc"] for h in everything(
        con, date_from=date(2016, 6, 1), date_to=date(2016, 6, 30))}
    assert "brent-hwb-accountable-care-2016" not in {h["doc"] for h in everything(
        con, date_from=date(2017, 1, 1))}


def test_each_facet_count_is_the_total_its_filter_gives(con):
    for filters in [dict(query="commissioning"), dict(query="milestone merger", type="milestone"),
                    dict(committee="HWB")]:
        facets = facet_counts(con, Filters(**filters))
        assert all(facets.values()), facets
        for facet, values in facets.items():
            for value in values:
                narrowed = {**filters, facet: value["value"]}
                assert faceted_search(con, Filters(**narrowed))[1] == value["count"], (facet, value)


@pytest.mark.parametrize("sort", sorted(SORTS))
def test_sorts_order_the_hits_and_pages_cover_them_once(con, sort):
    hits = everything(con, query="care")
    assert len(hits) > 30
    ordered = faceted_search(con, Filters(query="care"), sort=sort, limit=100_000)[0]
    assert sorted(h["id"] for h in ordered) == sorted(h["id"] for h in hits)
    spans = [paper_span(h["date"]) for h in ordered]
    if sort == "newest":
        assert [s[0] for s in spans if s] == sorted((s[0] for s in spans if s), reverse=True)
    if sort == "oldest":
        assert [s[0] for s in spans if s] == sorted(s[0] for s in spans if s)
    if sort == "paper":
        assert [(h["doc"], h["page"]) for h in ordered] == sorted((h["doc"], h["page"]) for h in ordered)
    if sort == "type":
        assert [h["type"] for h in ordered] == sorted(h["type"] for h in ordered)
    pages = [faceted_search(con, Filters(query="care"), sort=sort, limit=7, offset=o)
             for o in range(0, len(ordered) + 7, 7)]
    assert [h["id"] for page, _ in pages for h in page] == [h["id"] for h in ordered]
    assert {total for _, total in pages} == {len(ordered)}


def test_what_users_type_is_data_not_sql(con):
    before = warehouse.counts(con)
    for text in ["'; DROP TABLE documents; --", "x' OR '1'='1", "\\\"); SELECT 1; --"]:
        assert faceted_search(con, Filters(query=text))[1] >= 0
        assert faceted_search(con, Filters(org=text)) == ([], 0)
        assert faceted_search(con, Filters(paper=text)) == ([], 0)
    assert warehouse.counts(con) == before
    with pytest.raises(ValueError):
        faceted_search(con, Filters(), sort="page; DROP TABLE documents")


def test_a_query_alone_ranks_as_the_same_query_through_the_filters(con):
    """A query with no filter takes a shorter path; it must give the same pages."""
    assert all(paper_dates(con).values())
    for query in ["commissioning", "care", "April 2020"]:
        for offset in (0, 7, 14):
            alone = faceted_search(con, Filters(query=query), limit=7, offset=offset)
            filtered = faceted_search(con, Filters(query=query, date_from=date(1900, 1, 1)),
                                      limit=7, offset=offset)
            assert alone == filtered and alone[1] > 14
