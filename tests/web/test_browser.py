"""The pages in a real browser: Debian's headless Chromium driven by Playwright against the
app served by uvicorn on 127.0.0.1. Screenshots go to test-artifacts/ for people to look at."""
from __future__ import annotations

import re
import shutil
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium (.ci/run installs it)")


@pytest.fixture(scope="module")
def live_server(web_db):
    import uvicorn

    from web import create_app
    from tests.web.test_concurrency import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM),
                                    args=["--headless", "--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


def shot(page, name: str, full_page: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_search_filter_by_organisation_and_open_a_pdf(page, live_server):
    page.goto(live_server + "/")
    page.fill("input[name=q]", "commissioning")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=commissioning"))
    hits = page.locator("tr.hit")
    assert hits.count() > 10
    assert page.locator("tr.hit mark").count() > 0
    shot(page, "01-search")

    org_link = page.locator("#facet-org li a").first
    org_name = org_link.inner_text()
    expected = int(page.locator("#facet-org li .count").first.inner_text())
    org_link.click()
    page.wait_for_url(re.compile(r"org="))
    assert page.locator("#facet-org .chosen").inner_text().startswith(org_name)
    assert f"{expected} result" in page.locator(".summary").inner_text().replace(",", "")
    assert hits.count() == min(expected, 50)
    shot(page, "02-search-by-organisation")

    pdf = page.locator("tr.hit a.pdf").first
    href = pdf.get_attribute("href")
    assert re.fullmatch(r"/papers/[0-9a-f]{64}\.pdf#page=\d+", href)
    with page.context.expect_page() as opened, page.context.expect_event(
            "response", lambda r: re.search(r"/papers/[0-9a-f]{64}\.pdf", r.url)) as served:
        pdf.click()
    response = served.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert opened.value.url.endswith(href)
    # The browser hands the PDF to its viewer; fetch the same URL to check the bytes.
    assert page.request.get(live_server + href.split("#")[0]).body()[:5] == b"%PDF-"
    opened.value.wait_for_timeout(4000)
    shot(opened.value, "03-pdf-at-page")


def test_slippage_dashboard_draws_its_chart_and_filters_by_organisation(page, live_server):
    page.goto(live_server + "/slippage")
    chart = page.locator("svg.timeline")
    chart.wait_for()
    series = page.request.get(f"{live_server}/api/slippage").json()["series"]
    rows = page.locator("table.slippage tbody tr").count()
    assert rows == len(series) >= 5
    assert chart.locator("circle.stated").count() == sum(len(s["statements"]) for s in series)
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 100
    shot(page, "04-slippage")
    page.select_option("select[name=org]", label="NHS Kingsmere Clinical Commissioning Group")
    page.click("form.filter button")
    page.wait_for_url(re.compile(r"/slippage\?org="))
    org_id = page.url.split("org=")[1]
    theirs = page.request.get(f"{live_server}/api/slippage?org={org_id}").json()["series"]
    filtered = page.locator("table.slippage tbody tr").count()
    assert 0 < filtered == len(theirs) < rows
    assert page.locator("svg.timeline circle.stated").count() == sum(
        len(s["statements"]) for s in theirs)
    shot(page, "05-slippage-one-organisation")


def test_organisation_page_draws_who_it_works_with(page, live_server):
    page.goto(live_server + "/organisations")
    page.get_by_role("link", name="North West London CCGs", exact=True).click()
    picture = page.locator("svg.graph")
    picture.wait_for()
    org_id = page.url.rsplit("/", 1)[1]
    neighbours = page.request.get(f"{live_server}/api/organisations/{org_id}").json()["neighbours"]
    assert picture.locator("circle").count() > 1 + len({n["node_id"] for n in neighbours}) >= 3
    assert picture.locator("a").count() > len({n["org_id"] for n in neighbours if n["org_id"]})
    shot(page, "06-organisation")


def test_script_in_a_paper_is_shown_as_text_and_never_runs(page, live_server):
    page.goto(live_server + "/search?q=respite")
    assert page.locator("tr.hit").count() > 0
    assert "<script>alert('boardpapers')</script>" in page.locator("tr.hit").first.inner_text()
    page.locator("tr.hit a.more").first.click()
    page.wait_for_url(re.compile(r"/records/"))
    assert "<script>" in page.locator("blockquote.quote").inner_text()
    assert page.dialogs == []
    shot(page, "07-escaped-record")


def test_slippage_dashboard_names_each_statements_paper_by_title(page, live_server):
    page.goto(live_server + "/slippage")
    page.locator("svg.timeline").wait_for()
    body = page.request.get(f"{live_server}/api/slippage").json()
    papers = {st["doc"]: st["title"] for s in body["series"] for st in s["statements"]}
    assert papers and all(papers.values())
    shown = page.locator("ol.statements").all_inner_texts()
    text = "\n".join(shown)
    for doc, title in papers.items():
        assert title in text and doc not in text
    tip = page.locator("svg.timeline circle.stated title").first.text_content()
    assert any(tip.startswith(f"{title}:") for title in papers.values())
