"""Explicit slips end to end: stored with their paper's milestones (loaded again, nothing
added; a new version replaces them), and a written PDF paper stating two moves ingested beside
a paper pair, then read back through `boardpapers slippage` and the web app's slippage page."""
import hashlib
import json

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import warehouse
from boardpapers.cli import main
from pipeline.extract import extract_paper
from tests.paperpairs import PAIRS, write_pdf_paper
from tests.textpaper import paper
from web import create_app

COVER = ["Harbridge Health and Wellbeing Board", "Date: 9 March 2020",
         "Report Title: Shared care record: progress report",
         "Report Author: Alex Reed, Programme Director, NHS Harbridge Clinical Commissioning Group"]
MOVED_LATER = ("The Harbridge shared care record is now expected to go live in October 2020, rather than "
               "in April 2020 as previously planned.")
MOVED_EARLIER = ("Opening of the Harbridge urgent treatment centre has been brought forward from "
                 "December 2020 to September 2020.")
HARBRIDGE = dict(name="harbridge-hwb-shared-care-record-2020", cover=COVER, blocks=[
    ("heading", "1. Purpose"),
    "This report updates the Harbridge Health and Wellbeing Board on the shared care record.",
    ("heading", "2. Progress"),
    MOVED_LATER,
    "Training for GP practices will be completed by September 2020.",
    MOVED_EARLIER,
    "The Board was originally planned to receive the evaluation in 2019 as part of the programme.",
])


def extraction(*blocks: str, content: str):
    """A one-paper extraction at one path whose bytes (and so version) follow `content`."""
    parsed, _ = paper(*blocks, cover=COVER, name="papers/harbridge.pdf")
    parsed = parsed.model_copy(update={"sha256": hashlib.sha256(content.encode()).hexdigest()})
    return extract_paper(parsed)


@pytest.fixture
def con(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    yield con
    con.close()


def test_explicit_slips_load_once_and_a_new_version_replaces_them(con):
    run = warehouse.start_run(con)
    first = extraction(MOVED_LATER, content="v1")
    warehouse.load_paper(con, first, run)
    warehouse.load_paper(con, first, run)
    (slip,) = warehouse.explicit_slippage(con)
    assert slip["kind"] == "explicit" and slip["slip_days"] == 184
    assert (slip["earlier"]["date_text"], slip["later"]["date_text"]) == ("in April 2020", "in October 2020")
    assert slip["earlier"]["quote"] == slip["later"]["quote"] == MOVED_LATER
    assert slip["earlier"]["doc"] == slip["later"]["doc"] == first.document.doc
    warehouse.load_paper(con, extraction(MOVED_EARLIER, content="v2"), run)
    assert [(s["slip_days"], s["later"]["quote"]) for s in warehouse.explicit_slippage(con)] == [
        (-92, MOVED_EARLIER)]
    warehouse.load_paper(con, extraction("The Board will meet on 5 May 2020.", content="v3"), run)
    assert warehouse.explicit_slippage(con) == []


@pytest.fixture(scope="module")
def db(tmp_path_factory, prefect_harness):
    folder = tmp_path_factory.mktemp("explicit")
    write_pdf_paper(HARBRIDGE, folder)
    for spec in PAIRS[0]:
        write_pdf_paper(spec, folder)
    db = folder / "w.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def run(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_slippage_json_lists_stated_moves_beside_cross_paper_slips(db):
    rows = json.loads(run("slippage", "--db", db, "--json"))
    stated = [r for r in rows if r["kind"] == "explicit"]
    assert [(r["slip_days"], r["earlier"]["date_text"], r["later"]["date_text"]) for r in stated] == [
        (184, "in April 2020", "in October 2020"), (-92, "December 2020", "September 2020")]
    for r in stated:
        assert r["earlier"]["doc"] == r["later"]["doc"] == HARBRIDGE["name"]
        assert r["earlier"]["page"] == r["later"]["page"] == 1
        assert r["earlier"]["quote"] == r["later"]["quote"] in (MOVED_LATER, MOVED_EARLIER)
        assert {"date_start", "date_end"} <= r["earlier"].keys() & r["later"].keys()
    assert stated[0]["earlier"]["date_end"] == "2020-04-30" and stated[0]["later"]["date_end"] == "2020-10-31"
    assert {r["kind"] for r in rows} == {"explicit", "cross-paper"}
    assert [r["slip_days"] for r in rows] == sorted((r["slip_days"] for r in rows), reverse=True)


def test_slippage_text_says_which_kind_each_slip_is(db):
    text = run("slippage", "--db", db)
    assert "explicit" in text and "cross-paper" in text
    assert "was: in April 2020, now: in October 2020, as the paper states it" in text
    assert "Shared care record: progress report p.1: The Harbridge shared care record is now expected" in text


def test_slippage_page_shows_the_stated_move_with_its_one_quote(db):
    with TestClient(create_app(db)) as client:
        page = client.get("/slippage").text
        api = client.get("/api/slippage").json()
    assert "stated in the paper" in page and "across papers" in page
    assert "+184 days" in page and "-92 days" in page
    assert page.count("is now expected to go live in October 2020") == 2    # the table's quote, the dot's title
    explicit = [s for s in api["series"] if s["kind"] == "explicit"]
    assert [s["slip_days"] for s in explicit] == [184, -92]
    assert [r["kind"] for r in api["results"]].count("explicit") == 2


def test_a_warehouse_made_before_replaced_dates_reads_and_then_gains_them(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    con = warehouse.connect(path)
    warehouse.load_paper(con, extraction("The Board will meet on 5 May 2020.", content="old"),
                         warehouse.start_run(con))
    con.execute("CREATE TABLE old_milestones AS SELECT * EXCLUDE (replaced_date_text, replaced_date_start, "
                "replaced_date_end) FROM milestones")
    con.execute("DROP TABLE milestones")
    con.execute("ALTER TABLE old_milestones RENAME TO milestones")
    con.close()
    with duckdb.connect(str(path), read_only=True) as old:
        assert warehouse.explicit_slippage(old) == [] and warehouse.every_slip(old) == []
    con = warehouse.connect(path)
    assert con.execute("SELECT count(*) FROM milestones").fetchone()[0] == 1
    warehouse.load_paper(con, extraction(MOVED_LATER, content="new"), warehouse.start_run(con))
    assert [s["slip_days"] for s in warehouse.explicit_slippage(con)] == [184]
    con.close()
