"""`boardpapers slippage` and `boardpapers graph` on PDFs of the written paper pairs (both
styles), ingested through the Prefect flow (which brings the cross-paper tables up to date)."""
import json

import networkx as nx
import pytest
from click.testing import CliRunner

import warehouse
from boardpapers.cli import main
from tests.paperpairs import PAIRS, TRUTH, write_pdf_paper
from tests.paperpairs_restated import OVERDUE as RESTATED_OVERDUE
from tests.paperpairs_restated import PAIRS as RESTATED_PAIRS
from tests.paperpairs_restated import TRUTH as RESTATED_TRUTH

pytestmark = pytest.mark.usefixtures("prefect_harness")


def ingested(pairs, folder):
    """The pairs as PDFs in `folder`, ingested through the command line: the warehouse and
    the ingest's output."""
    for pair in pairs:
        for spec in pair:
            write_pdf_paper(spec, folder)
    db = folder / "w.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db, result.output


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db, output = ingested(PAIRS, tmp_path_factory.mktemp("pairs"))
    assert "6 slipped (6 new), 1 overdue (1 new)" in output
    return db


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_slippage_json_lists_every_slip_worst_first(db):
    rows = json.loads(run("slippage", "--db", db, "--json"))
    assert sorted(r["slip_days"] for r in rows) == sorted(days for *_, days in TRUTH if days)
    assert rows[0]["slip_days"] == 365 and rows[-1]["slip_days"] == 30
    assert all(r["earlier"]["page"] == 1 and r["later"]["quote"] for r in rows)


def test_slippage_for_one_organisation_by_alias(db):
    rows = json.loads(run("slippage", "--db", db, "--org", "NHS Kingsmere CCG", "--json"))
    assert sorted(r["slip_days"] for r in rows) == [90, 150, 365]
    text = run("slippage", "--db", db, "--org", "Ashdown CCGs")
    assert "was: in October 2019" in text and "now: in November 2019" in text


def test_overdue_lists_the_dropped_milestone(db):
    assert "final business case" in run("slippage", "--db", db, "--overdue")


def test_graph_exports_graphml_that_networkx_reads(db, tmp_path):
    out = tmp_path / "g.graphml"
    assert "nodes" in run("graph", "--db", db, "--format", "graphml", "--out", out)
    graph = nx.read_graphml(out)
    kinds = {a["kind"] for _, a in graph.nodes(data=True)}
    assert {"organisation", "paper", "milestone"} <= kinds
    assert {"commissions", "member_of", "replaces"} <= {a["relation"] for *_, a in graph.edges(data=True)}


def test_graph_questions(db):
    deps = run("graph", "--db", db, "deps", "Transfer of community nursing staff")
    assert "depends on milestone: The Kingsmere Multispecialty Community Provider will start" in deps
    assert "depends on activity: approval of the final business case" in deps
    org = run("graph", "org", "Ashdown CCG", "--db", db)
    assert "milestones (2)" in org and "replaces -> Ashdown CCGs" in org
    impact = run("graph", "impact", "merged Ashdown CCG will be established", "--db", db)
    assert "deferred to" in impact


def test_graph_without_format_or_question_is_a_usage_error(db):
    result = CliRunner().invoke(main, ["graph", "--db", str(db)])
    assert result.exit_code == 2 and "--format and --out" in result.output
    missing = CliRunner().invoke(main, ["graph", "--db", str(db), "deps", "no such milestone at all"])
    assert missing.exit_code == 1 and "no milestone or decision" in missing.output


@pytest.fixture(scope="module")
def restated_db(tmp_path_factory):
    """The restated pairs (tests/paperpairs_restated.py) as PDFs, ingested on their own."""
    db, output = ingested(RESTATED_PAIRS, tmp_path_factory.mktemp("restated"))
    slipped = sum(1 for *_, days in RESTATED_TRUTH if days)
    assert f"{slipped} slipped ({slipped} new), {len(RESTATED_OVERDUE)} overdue" in output
    return db


def test_slippage_json_on_restatements_in_other_words(restated_db):
    rows = json.loads(run("slippage", "--db", restated_db, "--json"))
    # The updates' two "rather than ... as previously planned" sentences also restate the
    # earlier papers' milestones: each move is listed once, as cross-paper, with both papers' words.
    assert {r["kind"] for r in rows} == {"cross-paper"}
    con = warehouse.connect(restated_db, read_only=True)
    try:
        stated = warehouse.explicit_slippage(con)
    finally:
        con.close()
    assert sorted((r["later"]["date_text"], r["earlier"]["date_text"], r["slip_days"]) for r in stated) == [
        ("in 2027", "2026", 365), ("in July 2022", "April 2022", 92)]
    found = {(next(e for e, *_ in RESTATED_TRUTH if e in r["earlier"]["quote"]),
              next(l for _, l, _ in RESTATED_TRUTH if l in r["later"]["quote"]), r["slip_days"]) for r in rows}
    assert found == {t for t in RESTATED_TRUTH if t[2]}
    by_alias = json.loads(run("slippage", "--db", restated_db, "--org", "Wexcombe CCG", "--json"))
    assert [r["slip_days"] for r in by_alias] == [92]
    late = run("slippage", "--db", restated_db, "--overdue")
    assert all(phrase in late for phrase in RESTATED_OVERDUE)
