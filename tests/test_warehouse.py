"""The DuckDB warehouse: atomic, idempotent, versioned loads; search; exports."""
import importlib.util
import json
from pathlib import Path

import duckdb
import pytest

import warehouse
from schemas.records import RECORD_TYPES, Risk
from tests.factories import paper, sha256
from tests.ftsreference import match_bm25s
from warehouse import load as load_module
from warehouse.schema import CONTENT_TABLES

SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"   # shared/ beside the checkout
RECORD_COUNTS = {"section": 2, "organisation": 2, "budget": 1, "milestone": 1,
                 "commitment": 1, "risk": 1, "decision": 1, "relation": 1}


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "warehouse.duckdb"


@pytest.fixture
def con(db_path):
    con = warehouse.connect(db_path)
    yield con
    con.close()


def load(con, extraction):
    """Load one paper in a run of its own and refresh the search index, as a flow would."""
    run_id = warehouse.start_run(con)
    stored = warehouse.load_paper(con, extraction, run_id)
    warehouse.finish_run(con, run_id, "completed", stored)
    warehouse.refresh_search_index(con)
    return stored


def rows(con, sql, params=()):
    return con.execute(sql, list(params)).fetchall()


def page_zero(risk):
    """A different risk on page 0: it slips past pydantic, but not the CHECK constraint."""
    fields = risk.model_dump(exclude={"id"})
    return Risk.model_construct(**{**fields, "page": 0, "char_start": 0})


def stored_doc_ids(con):
    """Every doc_id that has anything stored about it, in any table."""
    tables = ["documents", "document_paths", "document_versions", "sections",
              *warehouse.RECORD_TABLES.values()]
    return {doc_id for table in tables
            for (doc_id,) in rows(con, f"SELECT DISTINCT doc_id FROM {table}")}


def test_connect_creates_every_table_with_every_model_field(con):
    tables = {name for (name,) in rows(con, "SELECT table_name FROM duckdb_tables()")}
    assert {"documents", "document_paths", "document_versions", "ingest_runs", "failures",
            "sections", "search_items", *warehouse.RECORD_TABLES.values()} <= tables
    for kind, model in RECORD_TYPES.items():
        columns = {name for (name,) in rows(
            con, "SELECT column_name FROM duckdb_columns() WHERE table_name = ?",
            [warehouse.RECORD_TABLES[kind]])}
        assert set(model.model_fields) | {"id"} == columns, kind
    assert warehouse.counts(con) == dict.fromkeys(["document", *RECORD_COUNTS], 0)


def test_load_paper_stores_document_path_version_and_records(con):
    extraction = paper()
    assert load(con, extraction) == RECORD_COUNTS
    assert warehouse.counts(con) == {"document": 1, **RECORD_COUNTS}
    doc_id = extraction.document.doc_id
    assert rows(con, "SELECT doc, path, date, authors, current_version FROM documents") == [
        ("bromley-hwb-care-2016", "papers/bromley-hwb-care-2016.pdf", "2016-09",
         ["Jane Smith", "Ann O'Neill"], True)]
    assert rows(con, "SELECT path, doc_id FROM document_paths") == [
        ("papers/bromley-hwb-care-2016.pdf", doc_id)]
    assert rows(con, "SELECT version, doc_id, superseded_at FROM document_versions") == [
        (1, doc_id, None)]
    milestone = extraction.milestones[0]
    assert rows(con, "SELECT id, quote, char_start, date_start, typeof(date_start) "
                     "FROM milestones") == [
        (milestone.id, milestone.quote, milestone.char_start, milestone.date_start, "DATE")]
    assert rows(con, "SELECT status, counts::VARCHAR FROM ingest_runs") == [
        ("completed", json.dumps(RECORD_COUNTS))]


def test_failure_mid_load_stores_nothing_of_that_paper(con, monkeypatch):
    first, second = paper(), paper("brent-hwb-acp-2016", topic="GP network")
    load(con, first)
    insert_rows = load_module._insert_rows

    def fail_on_risks(con, table, rows):
        if table == "risks":
            raise RuntimeError("disk full")
        return insert_rows(con, table, rows)

    monkeypatch.setattr(load_module, "_insert_rows", fail_on_risks)
    with pytest.raises(RuntimeError, match="disk full"):
        warehouse.load_paper(con, second, warehouse.start_run(con))
    assert stored_doc_ids(con) == {first.document.doc_id}
    assert warehouse.counts(con) == {"document": 1, **RECORD_COUNTS}


def test_rows_round_trip_through_the_column_lists(con):
    """Lists, dates, nulls, quotes and non-ASCII text come back as they went in."""
    con.execute("CREATE TEMP TABLE probe (name VARCHAR, aliases VARCHAR[], day DATE, n INTEGER)")
    sent = [{"name": 'the "Hub", Ynys Môn', "aliases": ["a", "b"], "day": "2024-02-29", "n": 1},
            {"name": None, "aliases": [], "day": None, "n": None}]
    load_module.insert_columns(con, "probe", [("name", "VARCHAR"), ("aliases", "VARCHAR[]"),
                                              ("day", "DATE"), ("n", "INTEGER")], sent)
    assert rows(con, "SELECT name, aliases, day::VARCHAR, n FROM probe ORDER BY n NULLS LAST") == [
        ('the "Hub", Ynys Môn', ["a", "b"], "2024-02-29", 1), (None, [], None, None)]


def test_a_row_that_is_not_the_table_s_is_refused(con):
    extraction = paper()
    load(con, extraction)
    row = extraction.risks[0].model_dump(mode="json")
    with pytest.raises(ValueError, match="not_a_column"):
        load_module._insert_rows(con, "risks", [{**row, "not_a_column": 1}])
    row.pop("quote")
    with pytest.raises(ValueError, match="quote"):
        load_module._insert_rows(con, "risks", [row])
    assert warehouse.counts(con) == {"document": 1, **RECORD_COUNTS}


def test_constraint_violation_rolls_back_the_paper(con):
    extraction = paper()
    extraction.risks.append(page_zero(extraction.risks[0]))
    with pytest.raises(duckdb.ConstraintException):
        warehouse.load_paper(con, extraction, warehouse.start_run(con))
    assert stored_doc_ids(con) == set()


def test_records_of_another_paper_are_refused(con):
    extraction = paper()
    extraction.budgets = paper("other", topic="dementia").budgets
    with pytest.raises(ValueError, match="records of"):
        warehouse.load_paper(con, extraction, warehouse.start_run(con))
    assert stored_doc_ids(con) == set()


def test_reloading_a_paper_adds_nothing(con):
    extraction = paper()
    extraction.budgets.append(extraction.budgets[0].model_copy())  # reported twice
    first = load(con, extraction)
    snapshot = {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL")
                for table in ["documents", "document_paths", "sections",
                              *warehouse.RECORD_TABLES.values()]}
    assert load(con, extraction) == first == RECORD_COUNTS
    assert snapshot == {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL")
                        for table in snapshot}
    assert rows(con, "SELECT count(*) FROM document_versions") == [(1,)]


def test_classify_new_then_unchanged(con):
    extraction = paper()
    path, doc_id = extraction.document.path, extraction.document.doc_id
    assert warehouse.classify(con, path, doc_id) == "new"
    load(con, extraction)
    assert warehouse.classify(con, path, doc_id) == "unchanged"


def test_classify_many_agrees_with_classify_one_by_one(con):
    """Unchanged, alias, changed and new in one call, with classify's effects: the unchanged
    path's outstanding failure is resolved and the alias is recorded."""
    stored, edited = paper(topic="care home"), paper(topic="dementia", path="papers/other.pdf")
    load(con, stored)
    load(con, edited)
    path, doc_id = stored.document.path, stored.document.doc_id
    warehouse.record_failure(con, path, doc_id, "corrupt", "truncated once", warehouse.start_run(con))
    files = [(path, doc_id), ("inbox/copy.pdf", doc_id), ("papers/other.pdf", sha256(b"edited again")),
             ("papers/new.pdf", sha256(b"never seen"))]
    assert warehouse.classify_many(con, files) == ["unchanged", "alias", "changed", "new"]
    assert warehouse.failures(con) == []
    assert rows(con, "SELECT path FROM document_paths WHERE doc_id = ? ORDER BY path",
                [doc_id]) == [("inbox/copy.pdf",), (path,)]
    assert warehouse.classify_many(con, files[:2]) == ["unchanged", "unchanged"]


def test_same_bytes_under_another_name_is_an_alias(con):
    extraction = paper()
    load(con, extraction)
    doc_id = extraction.document.doc_id
    assert warehouse.classify(con, "inbox/copy-of-paper.pdf", doc_id) == "alias"
    assert rows(con, "SELECT path FROM document_paths WHERE doc_id = ? ORDER BY path",
                [doc_id]) == [("inbox/copy-of-paper.pdf",), ("papers/bromley-hwb-care-2016.pdf",)]
    assert warehouse.counts(con) == {"document": 1, **RECORD_COUNTS}
    assert rows(con, "SELECT count(*) FROM document_versions") == [(1,)]
    assert warehouse.classify(con, "inbox/copy-of-paper.pdf", doc_id) == "unchanged"


def test_changed_file_replaces_records_and_keeps_history(con):
    old, new = paper(topic="care home"), paper(topic="dementia")
    load(con, old)
    assert warehouse.classify(con, new.document.path, new.document.doc_id) == "changed"
    load(con, new)
    assert warehouse.counts(con) == {"document": 1, **RECORD_COUNTS}
    assert rows(con, "SELECT DISTINCT doc_id FROM budgets") == [(new.document.doc_id,)]
    assert rows(con, "SELECT version, doc_id, superseded_at IS NOT NULL FROM document_versions "
                     "ORDER BY version") == [(1, old.document.doc_id, True),
                                             (2, new.document.doc_id, False)]
    assert rows(con, "SELECT doc_id, current_version FROM documents ORDER BY current_version") == [
        (old.document.doc_id, False), (new.document.doc_id, True)]
    assert warehouse.search(con, "home") == []
    assert warehouse.search(con, "dementia", type="budget")[0]["id"] == new.budgets[0].id


def test_reverting_a_file_makes_the_old_bytes_current_again(con):
    first, second = paper(topic="care home"), paper(topic="dementia")
    for extraction in [first, second, first]:
        load(con, extraction)
    assert rows(con, "SELECT version, doc_id, superseded_at IS NULL FROM document_versions "
                     "ORDER BY version") == [(1, first.document.doc_id, False),
                                             (2, second.document.doc_id, False),
                                             (3, first.document.doc_id, True)]
    assert rows(con, "SELECT doc_id, first_seen_run FROM documents WHERE current_version") == [
        (first.document.doc_id, 1)]
    assert rows(con, "SELECT DISTINCT doc_id FROM risks") == [(first.document.doc_id,)]


def test_failed_new_version_leaves_the_old_one_current(con):
    old, new = paper(topic="care home"), paper(topic="dementia")
    load(con, old)
    new.risks.append(page_zero(new.risks[0]))
    with pytest.raises(duckdb.ConstraintException):
        warehouse.load_paper(con, new, warehouse.start_run(con))
    assert stored_doc_ids(con) == {old.document.doc_id}
    assert rows(con, "SELECT superseded_at FROM document_versions") == [(None,)]


def test_changing_an_alias_keeps_the_bytes_other_paths_hold(con):
    original = paper()
    load(con, original)
    warehouse.classify(con, "inbox/copy.pdf", original.document.doc_id)
    edited = paper(topic="dementia", path="inbox/copy.pdf")
    assert warehouse.classify(con, "inbox/copy.pdf", edited.document.doc_id) == "changed"
    load(con, edited)
    assert warehouse.counts(con)["document"] == 2
    assert rows(con, "SELECT count(DISTINCT doc_id) FROM budgets") == [(2,)]
    assert rows(con, "SELECT path FROM documents WHERE doc_id = ?",
                [original.document.doc_id]) == [(original.document.path,)]


def test_search_ranks_by_bm25_and_filters_by_type(con):
    load(con, paper(topic="dementia"))
    load(con, paper("brent-hwb-acp-2016", topic="dementia dementia"))
    hits = warehouse.search(con, "dementia budget")
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert {hit["type"] for hit in hits} >= {"budget", "section", "risk"}
    budgets = warehouse.search(con, "dementia budget", type="budget")
    assert [hit["doc"] for hit in budgets] == ["brent-hwb-acp-2016", "bromley-hwb-care-2016"]
    assert set(budgets[0]) == {"type", "doc", "title", "page", "section", "quote", "score", "id"}
    assert budgets[0]["title"] == "Update on dementia dementia commissioning"
    assert budgets[0]["section"] == "1. Finance" and budgets[0]["page"] == 1
    assert warehouse.search(con, "Bromley", type="organisation")[0]["quote"] == "Bromley Council"
    assert len(warehouse.search(con, "dementia", limit=2)) == 2


def test_search_scores_as_fts_match_bm25_after_loads_and_replacements(con):
    load(con, paper(topic="dementia"))
    load(con, paper("brent-hwb-acp-2016", topic="dementia dementia"))
    replaced = paper(topic="respite care for carers")      # other bytes at the same path
    load(con, replaced)
    assert rows(con, "SELECT count(*) FROM search_pending") == [(0,)]
    for query in ["dementia budget", "carers", "Bromley respite", "the and of"]:
        expected = match_bm25s(con, query)
        found = {hit["id"]: hit["score"] for hit in warehouse.search(con, query, limit=1000)}
        assert found.keys() == expected.keys(), query
        assert all(found[i] == pytest.approx(expected[i], rel=1e-12) for i in expected)
    assert "dementia" not in {hit["quote"] for hit in warehouse.search(con, "dementia budget")
                              if hit["doc"] == replaced.document.doc}


def test_a_warehouse_indexed_by_fts_is_indexed_anew_when_opened(db_path):
    con = warehouse.connect(db_path)
    load(con, paper(topic="dementia"))
    expected = warehouse.search(con, "dementia budget")
    # As the warehouse was before: search_items without item numbers, and DuckDB's fts index.
    for table in ("search_items", "search_postings", "search_stems", "search_totals",
                  "search_stopwords", "search_pending"):
        con.execute(f"DROP TABLE {table}")
    con.execute("CREATE TABLE search_items AS SELECT id, 'budget' AS type, doc_id, doc, page, "
                "section, quote, quote AS text FROM budgets")
    con.execute("PRAGMA create_fts_index('search_items', 'id', 'text')")
    con.close()
    con = warehouse.connect(db_path)
    assert rows(con, "SELECT count(*) FROM duckdb_schemas() "
                     "WHERE schema_name = 'fts_main_search_items'") == [(0,)]
    assert warehouse.search(con, "dementia budget") == expected
    con.close()


def content_keys(con):
    return rows(con, "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = "
                     "'PRIMARY KEY' AND table_name IN (SELECT unnest(?))", [CONTENT_TABLES])


def test_a_warehouse_with_keyed_content_tables_loses_the_keys_when_opened(db_path):
    con = warehouse.connect(db_path)
    columns = rows(con, "SELECT table_name, column_name, data_type, is_nullable "
                        "FROM duckdb_columns() ORDER BY table_name, column_index")
    stored = load(con, paper(topic="dementia"))
    before = {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL") for table in CONTENT_TABLES}
    # As the warehouse was before: a primary key on each content table's id, and the OCR
    # columns not there yet (a later open added them at the end).
    for table in CONTENT_TABLES:
        con.execute(f"CREATE TABLE {table}_keyed AS SELECT * EXCLUDE (ocr, ocr_confidence) "
                    f"FROM {table}" if table != "sections" else
                    f"CREATE TABLE {table}_keyed AS SELECT * FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"ALTER TABLE {table}_keyed RENAME TO {table}")
        con.execute(f"ALTER TABLE {table} ADD PRIMARY KEY (id)")
    assert len(content_keys(con)) == len(CONTENT_TABLES)
    con.close()
    con = warehouse.connect(db_path)
    assert content_keys(con) == []
    assert rows(con, "SELECT table_name, column_name, data_type, is_nullable FROM "
                     "duckdb_columns() ORDER BY table_name, column_index") == columns
    # The factory's records were read off a text layer: the added OCR columns' defaults.
    assert {table: rows(con, f"SELECT * FROM {table} ORDER BY ALL")
            for table in CONTENT_TABLES} == before
    assert load(con, paper(topic="dementia")) == stored        # loads still replace by doc_id
    extraction = paper(topic="care home")
    extraction.risks.append(page_zero(extraction.risks[0]))
    with pytest.raises(duckdb.ConstraintException):               # and the checks still hold
        warehouse.load_paper(con, extraction, warehouse.start_run(con))
    con.close()


def test_search_survives_quotes_semicolons_and_stopwords(con):
    load(con, paper())
    assert warehouse.search(con, "") == []
    assert warehouse.search(con, "the and of") == []
    assert warehouse.search(con, "'; DROP TABLE budgets; --")[0]["type"] == "budget"
    assert warehouse.search(con, "O'Neill's \"home\" budget';", type="budget")[0]["page"] == 1
    assert warehouse.counts(con)["budget"] == 1


def test_export_jsonl_round_trips_every_field(con, tmp_path):
    extraction = paper()
    load(con, extraction)
    lines = [json.loads(line) for line in
             warehouse.export_jsonl(con, tmp_path / "export.jsonl").read_text().splitlines()]
    assert lines[0] == {"type": "document", **extraction.document.model_dump(),
                        "first_seen_run": 1}
    exported = {(line["type"], line["id"]): line for line in lines[1:]}
    for kind, records in extraction.records().items():
        for record in records:
            assert exported[(kind, record.id)] == {"type": kind,
                                                   **record.model_dump(mode="json")}
    assert len(exported) == sum(RECORD_COUNTS.values()) - RECORD_COUNTS["section"]


def test_export_jsonl_lists_a_pages_records_in_reading_order(con, tmp_path):
    """The scorer pairs records greedily in file order: an export ordered by id (a hash)
    pairs a page's records differently from the order the paper reads them."""
    extraction = paper()
    first = extraction.commitments[0]
    extraction.commitments = [
        first.model_copy(update={"quote": f"{first.quote} ({n})", "char_start": first.char_start + n,
                                 "char_end": first.char_end + n})
        for n in range(8)]
    assert sorted(c.id for c in extraction.commitments) != [c.id for c in extraction.commitments]
    load(con, extraction)
    lines = [json.loads(line) for line in
             warehouse.export_jsonl(con, tmp_path / "export.jsonl").read_text().splitlines()]
    exported = [line["char_start"] for line in lines if line["type"] == "commitment"]
    assert exported == sorted(exported) and len(exported) == 8


@pytest.mark.skipif(not SCORE_PY.exists(), reason="the shared scorer is not here")
def test_export_jsonl_scores_perfectly_against_its_own_gold(con, tmp_path):
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    extraction = paper()
    load(con, extraction)
    gold = {"doc": extraction.document.doc,
            "metadata": {"committee": "HWB", "date": "2016-09"},
            "organisations": [{"name": o.name, "aliases": o.aliases, "type": o.org_type}
                              for o in extraction.organisations],
            **{key: [record.model_dump(mode="json") for record in getattr(extraction, key)]
               for key in ["budgets", "milestones", "commitments", "risks", "decisions",
                           "relations"]}}
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "paper.json").write_text(json.dumps(gold))
    report = score.score(tmp_path / "gold", warehouse.export_jsonl(con, tmp_path / "x.jsonl"))
    for kind in ["budget", "milestone+dates", "commitment", "risk", "decision",
                 "organisation", "relation"]:
        assert report[kind]["f1"] == 1.0, kind
    assert report["document"] == {"papers": 1, "committee_acc": 1.0, "date_acc": 1.0}


def test_csv_and_parquet_exports_read_back(con, tmp_path):
    load(con, paper())
    load(con, paper("brent-hwb-acp-2016", topic="GP network"))
    per_paper = {"documents": 1, **{table: RECORD_COUNTS[kind]
                                    for kind, table in warehouse.RECORD_TABLES.items()}}
    for export, reader in [(warehouse.export_csv, "read_csv"),
                           (warehouse.export_parquet, "read_parquet")]:
        written = export(con, tmp_path / reader)
        assert sorted(path.stem for path in written) == sorted(
            ["documents", *warehouse.RECORD_TABLES.values()])
        for path in written:
            assert rows(con, f"SELECT count(*) FROM {reader}(?)", [str(path)]) == [
                (2 * per_paper[path.stem],)]
        budgets = next(path for path in written if path.stem == "budgets")
        assert rows(con, f"SELECT DISTINCT amount_gbp, period FROM {reader}(?)",
                    [str(budgets)]) == [(2_500_000.0, "2016/17")]


def test_failures_listed_until_the_path_loads(con):
    extraction = paper()
    path = extraction.document.path
    run_id = warehouse.start_run(con)
    warehouse.record_failure(con, path, sha256(b"x"), "corrupt", "bad xref table", run_id)
    warehouse.record_failure(con, path, sha256(b"x"), "no_text", "scanned images", run_id)
    warehouse.record_failure(con, "papers/other.pdf", None, "empty", "0 bytes", run_id)
    listed = warehouse.failures(con)
    assert [(f["path"], f["kind"], f["reason"]) for f in listed] == [
        (path, "no_text", "scanned images"), ("papers/other.pdf", "empty", "0 bytes")]
    warehouse.load_paper(con, extraction, run_id)
    assert [f["path"] for f in warehouse.failures(con)] == ["papers/other.pdf"]
    assert rows(con, "SELECT count(*) FROM failures") == [(3,)]


def test_read_only_connection_searches(db_path):
    writer = warehouse.connect(db_path)
    load(writer, paper())
    writer.close()
    reader = warehouse.connect(db_path, read_only=True)
    try:
        assert warehouse.search(reader, "home budget", type="budget")[0]["doc"] == \
            "bromley-hwb-care-2016"
        with pytest.raises(duckdb.Error):
            warehouse.record_failure(reader, "p.pdf", None, "empty", "0 bytes", None)
    finally:
        reader.close()


def test_search_on_a_fresh_warehouse_finds_nothing(con):
    assert warehouse.search(con, "budget") == []
