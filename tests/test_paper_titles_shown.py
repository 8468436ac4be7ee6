"""Papers are shown by their titles wherever the web app and the command line name one (a
search hit, a slip's two statements, an overdue milestone's silent paper, the graph's answers,
an organisation's neighbours, a record's page); a paper with no title found shows its file
name. The warehouse holds the written paper pairs, one of them left without a title."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import warehouse
from warehouse.publish import publish, published_folder
from boardpapers.cli import main
from pipeline.crosspaper import refresh_cross_paper
from tests.paperpairs import PAIRS, build
from web import create_app

UNTITLED = PAIRS[0][1]["name"]       # the later Kingsmere paper: the overdue milestone's silent paper


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("titles") / "w.duckdb"
    con = warehouse.connect(path)
    run = warehouse.start_run(con)
    for pair in PAIRS:
        for spec in pair:
            extraction = build(spec)
            if spec["name"] == UNTITLED:
                extraction.document = extraction.document.model_copy(update={"title": None})
            warehouse.load_paper(con, extraction, run)
    warehouse.finish_run(con, run, "finished", {})
    warehouse.refresh_search_index(con)
    refresh_cross_paper(con)
    publish(con, published_folder(path))  # what the web app reads
    con.close()
    return path


@pytest.fixture(scope="module")
def titles(db) -> dict[str, str | None]:
    con = warehouse.connect(db, read_only=True)
    found = dict(con.execute("SELECT doc, title FROM documents").fetchall())
    con.close()
    assert found[UNTITLED] is None and sum(1 for t in found.values() if t) == len(found) - 1
    return found


def cli(*args) -> str:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def shown_by_title(text: str, titles: dict[str, str | None]) -> set[str]:
    """The papers `text` names, each checked to be named by its title when it has one."""
    named = set()
    for doc, title in titles.items():
        if title and title in text:
            named.add(doc)
        if doc in text:
            assert not title, f"{doc} shown by its file name although titled {title!r}"
            named.add(doc)
    return named


def test_cli_slippage_shows_each_statements_paper_by_title(db, titles):
    text = cli("slippage", "--db", db)
    rows = json.loads(cli("slippage", "--db", db, "--json"))
    assert shown_by_title(text, titles) == {s[k]["doc"] for s in rows for k in ("earlier", "later")}
    assert all(r[k]["title"] == titles[r[k]["doc"]] for r in rows for k in ("earlier", "later"))
    assert f"{UNTITLED} p.1" in text


def test_cli_overdue_names_the_silent_paper_by_its_file_name_when_it_has_no_title(db, titles):
    text = cli("slippage", "--db", db, "--overdue")
    [row] = json.loads(cli("slippage", "--db", db, "--overdue", "--json"))
    assert row["later_doc"] == UNTITLED and row["later_title"] is None
    assert f"silent: {UNTITLED} (" in text
    assert f"{titles[row['earlier']['doc']]} p.1" in text


def test_cli_search_shows_each_hits_paper_by_title(db, titles):
    hits = json.loads(cli("search", "Multispecialty Community Provider", "--db", db, "--json"))
    assert {h["doc"] for h in hits} >= {"kingsmere-hwb-mcp-2018", UNTITLED}
    text = cli("search", "Multispecialty Community Provider", "--db", db)
    assert shown_by_title(text, titles) == {h["doc"] for h in hits}


def test_cli_graph_answers_name_papers_by_title(db, titles):
    deps = cli("graph", "--db", db, "deps", "Transfer of community nursing staff")
    assert shown_by_title(deps, titles) == {"kingsmere-hwb-mcp-2018"}
    assert "[Developing the Kingsmere MCP p.1]" in deps
    org = cli("graph", "org", "NHS Kingsmere Clinical Commissioning Group", "--db", db)
    papers = re.search(r"papers: (.*)", org).group(1)
    assert shown_by_title(papers, titles) == {"kingsmere-hwb-mcp-2018", UNTITLED}


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def test_web_slippage_dashboard_shows_papers_by_title(client, titles):
    body = client.get("/api/slippage").json()
    docs = {st["doc"] for s in body["series"] for st in s["statements"]} | {o["later_doc"] for o in body["overdue"]}
    page = client.get("/slippage").text
    assert shown_by_title(page, titles) == docs
    assert re.search(rf"<td>{UNTITLED} \(", page)                     # the overdue's silent paper


def test_web_search_and_record_pages_show_papers_by_title(client, titles):
    results = client.get("/api/search", params={"q": "Multispecialty Community Provider"}).json()["results"]
    page = client.get("/search", params={"q": "Multispecialty Community Provider"}).text
    assert shown_by_title(page, titles) == {r["doc"] for r in results}
    for r in results:
        heading = re.search(r"<title>(.*?)</title>", client.get(f"/records/{r['id']}").text).group(1)
        assert (titles[r["doc"]] or r["doc"]) in heading.replace("&#39;", "'")


def test_web_organisation_page_links_its_neighbours_records_by_paper_title(client, titles):
    [kingsmere] = [o["id"] for o in client.get("/api/organisations").json()["results"]
                   if o["name"] == "NHS Kingsmere Clinical Commissioning Group"]
    neighbours = client.get(f"/api/organisations/{kingsmere}").json()["neighbours"]
    assert neighbours and all(n["title"] == titles[n["doc"]] for n in neighbours if n["record_id"])
    page = client.get(f"/organisations/{kingsmere}").text
    table = page[page.index("<tbody>"):page.index("</tbody>")]
    assert shown_by_title(table, titles) == {n["doc"] for n in neighbours if n["record_id"]}
