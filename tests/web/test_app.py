"""The web app over HTTP: pages, the JSON API, the papers' files, validation and escaping."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

import warehouse
from tests.web.conftest import HOSTILE_TOPIC


@pytest.fixture(scope="module")
def db(web_db):
    """A read-only look at the warehouse the app serves, for expected answers."""
    con = warehouse.connect(web_db, read_only=True)
    yield con
    con.close()


def org_id(client, name: str) -> str:
    [found] = [o["id"] for o in client.get("/api/organisations").json()["results"]
               if o["name"] == name]
    return found


def test_api_search_gives_results_with_paper_page_quote_and_total(client):
    body = client.get("/api/search", params={"q": "deficit"}).json()
    assert body["total"] == len(body["results"]) > 0
    first = body["results"][0]
    assert {"type", "doc", "title", "page", "quote", "date", "section", "score", "id"} <= first.keys()
    assert "deficit" in first["quote"].lower()
    assert first["pdf"] == f"/papers/{first['doc_id']}.pdf#page={first['page']}"
    narrowed = client.get("/api/search", params={"q": "deficit", "type": "budget",
                                                 "from": "2019-01-01", "to": "2019-12-31"}).json()
    assert narrowed["total"] and all(r["type"] == "budget" and r["date"].startswith("2019")
                                     for r in narrowed["results"])


def test_search_page_shows_highlighted_quote_paper_date_and_pdf_link(client, db):
    page = client.get("/search", params={"q": "deficit"}).text
    [hit] = [h for h in warehouse.search(db, "deficit", limit=50) if h["type"] == "budget"][:1]
    assert "<mark>deficit</mark>" in page
    assert hit["title"] in page and "2019-07-15" in page
    doc_id = db.execute("SELECT doc_id FROM documents WHERE doc = ?", [hit["doc"]]).fetchone()[0]
    assert f'href="/papers/{doc_id}.pdf#page={hit["page"]}"' in page


def test_highlight_marks_every_form_of_the_query_words_and_nothing_else(client):
    page = client.get("/search", params={"q": "commissioning", "limit": 20}).text
    marked = {m.lower() for m in re.findall(r"<mark>([^<]+)</mark>", page)}
    assert {"commissioning", "commission"} & marked and len(marked) >= 2
    assert all(word.startswith("commission") for word in marked)


def test_pdf_link_serves_the_stored_paper(client, db, web_papers):
    hit = client.get("/api/search", params={"q": "accountable care partnership"}).json()["results"][0]
    response = client.get(hit["pdf"].split("#")[0])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
    stored = web_papers / f"{hit['doc']}.pdf"
    assert hashlib.sha256(response.content).hexdigest() == hit["doc_id"]
    assert response.content == stored.read_bytes()
    assert client.get(f"/papers/{'0' * 64}.pdf").status_code == 404
    assert client.get("/papers/..%2F..%2Fetc%2Fpasswd.pdf").status_code in (404, 422)
    written = client.get("/api/search", params={"q": "Kingsmere"}).json()["results"][0]
    missing = client.get(written["pdf"].split("#")[0])       # loaded, but no file on disk
    assert missing.status_code == 404 and "no longer where it was ingested" in missing.text


def test_csv_download_holds_the_current_results(client):
    params = {"q": "merger", "type": "milestone"}
    api = client.get("/api/search", params=params).json()
    response = client.get("/search.csv", params=params)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [r["id"] for r in rows] == [r["id"] for r in api["results"]] and rows
    assert rows[0]["quote"] == api["results"][0]["quote"]
    assert rows[0]["pdf"] == api["results"][0]["pdf"]


def test_slippage_api_and_dashboard_show_every_slip_worst_first(client, db):
    expected = warehouse.every_slip(db)
    body = client.get("/api/slippage").json()
    assert body["results"] == json.loads(json.dumps(expected, default=str))
    assert body["total"] == len(expected) >= 5
    # Every slip is two consecutive statements of one series, which moved by the slip.
    series = body["series"]
    steps = {(a["quote"], b["quote"]): (b["date_end"], a["date_end"])
             for s in series for a, b in zip(s["statements"], s["statements"][1:])}
    for slip in expected:
        assert (slip["earlier"]["quote"], slip["later"]["quote"]) in steps
    for s in series:
        ends = [st["date_end"] for st in s["statements"]]
        assert s["slip_days"] == (date.fromisoformat(ends[-1]) - date.fromisoformat(ends[0])).days
    assert [s["slip_days"] for s in series] == sorted((s["slip_days"] for s in series), reverse=True)
    page = client.get("/slippage").text
    assert page.count('class="stated"') == sum(len(s["statements"]) for s in series)
    shown = [int(d) for d in re.findall(r"\+(\d+) days</td>", page)]
    assert shown == [s["slip_days"] for s in series]
    kingsmere = org_id(client, "NHS Kingsmere Clinical Commissioning Group")
    theirs = client.get("/api/slippage", params={"org": kingsmere}).json()
    assert theirs["results"] and len(theirs["results"]) < len(expected)
    assert all(s["org"] == "NHS Kingsmere Clinical Commissioning Group"
               for s in theirs["results"] + theirs["series"])
    assert 0 < len(theirs["series"]) < len(series)
    filtered = client.get("/slippage", params={"org": kingsmere}).text
    assert filtered.count('class="stated"') == sum(len(s["statements"]) for s in theirs["series"])


def test_organisation_page_lists_its_records_and_draws_its_neighbours(client):
    nwl = org_id(client, "North West London CCGs")
    body = client.get(f"/api/organisations/{nwl}").json()
    assert body["name"] == "North West London CCGs" and body["neighbours"]
    assert sum(body["records_by_type"].values()) == client.get(
        "/api/search", params={"org": nwl}).json()["total"]
    page = client.get(f"/organisations/{nwl}").text
    svg = page[page.index('<svg class="graph"'):page.index("</svg>", page.index('<svg class="graph"'))]
    for neighbour in body["neighbours"]:
        assert neighbour["label"] in svg
        if neighbour["org_id"]:
            assert f'href="/organisations/{neighbour["org_id"]}"' in svg
    # One step further: what its partners are related to, the organisation itself left out.
    assert body["further"] and {f["via"] for f in body["further"]} <= {
        n["node_id"] for n in body["neighbours"]}
    assert all(f["node_id"] != f"org:{nwl}" for f in body["further"])
    for further in body["further"]:
        assert further["label"][:30] in svg
    assert client.get("/api/organisations/nothing-of-the-sort").status_code == 404


def test_record_page_shows_restatements_across_papers_and_graph_neighbours(client, db):
    slipped = warehouse.slippage(db)[0]
    later_id = db.execute("SELECT id FROM milestones WHERE quote = ?",
                          [slipped["later"]["quote"]]).fetchone()[0]
    body = client.get(f"/api/records/{later_id}").json()
    assert [r["doc"] for r in body["restatements"]] == [slipped["earlier"]["doc"],
                                                        slipped["later"]["doc"]]
    assert {"restates", "stated_in"} <= {n["relation"] for n in body["neighbours"]}
    page = client.get(f"/records/{later_id}").text
    assert slipped["earlier"]["quote"] in page and slipped["later"]["date_text"] in page
    relation = db.execute("SELECT id, source, target FROM relations LIMIT 1").fetchone()
    body = client.get(f"/api/records/{relation[0]}").json()
    assert body["relation_edges"] and body["relation_edges"][0]["relation"] == body["relation"]


def test_graph_api_gives_the_stored_graph(client, db):
    body = client.get("/api/graph").json()
    assert len(body["nodes"]) == db.execute("SELECT count(*) FROM graph_nodes").fetchone()[0]
    assert len(body["edges"]) == db.execute("SELECT count(*) FROM graph_edges").fetchone()[0]
    relations = client.get("/api/graph", params={"relations_only": True}).json()
    assert relations["edges"] and not {"stated_in", "actor", "responsible_for"} & {
        e["relation"] for e in relations["edges"]}
    ends = {e["source"] for e in relations["edges"]} | {e["target"] for e in relations["edges"]}
    assert ends == {n["node_id"] for n in relations["nodes"]}


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/search", "/api/slippage", "/api/organisations", "/api/organisations/{org_id}",
            "/api/graph", "/api/records/{record_id}"} <= paths.keys()
    assert {p["name"] for p in paths["/api/search"]["get"]["parameters"]} >= {
        "q", "type", "org", "from", "to"}
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("params", [
    {"type": "bogus"}, {"org": "x') OR 1=1; --"}, {"paper": "../../etc/passwd"},
    {"from": "2020-13-01"}, {"from": "2020-01-01", "to": "2019-01-01"}, {"q": "x" * 301},
    {"page": "0"}, {"limit": "100000"}, {"sort": "id; DROP TABLE documents"}])
def test_bad_parameters_are_refused_clearly(client, params):
    api = client.get("/api/search", params=params)
    assert api.status_code == 422 and api.json()["detail"]
    page = client.get("/search", params=params)
    assert page.status_code == 422 and "not valid" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_it_is_read_only(client, web_db):
    digest = hashlib.sha256(Path(web_db).read_bytes()).hexdigest()
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/search").status_code == 405
    client.get("/search", params={"q": "health"})
    assert hashlib.sha256(Path(web_db).read_bytes()).hexdigest() == digest


def test_paper_text_is_escaped_everywhere(client):
    hits = client.get("/api/search", params={"q": "respite"}).json()["results"]
    assert hits and HOSTILE_TOPIC in hits[0]["quote"]       # the API gives the words as data
    escaped = "&lt;script&gt;alert(&#39;boardpapers&#39;)&lt;/script&gt;"
    budget = client.get([h["record"] for h in hits if h["type"] == "budget"][0].replace(
        "/records/", "/api/records/")).json()
    pages = [client.get("/search", params={"q": "respite"}),
             *[client.get(h["record"]) for h in hits],
             client.get(f"/organisations/{budget['orgs'][0]['org_id']}")]
    for response in pages:
        assert response.status_code == 200
        assert "<script" not in response.text and "<b>respite" not in response.text
        assert escaped in response.text
        assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_serve_refuses_a_warehouse_that_is_not_there(tmp_path):
    from click.testing import CliRunner

    from boardpapers.cli import main

    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no warehouse at" in result.output
    assert not (tmp_path / "none.duckdb").exists()
