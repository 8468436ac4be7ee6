"""Sources against a local HTTP server: the client's retries and manners, the paper store
and URL manifests (ModernGov sites: tests/test_moderngov.py)."""
import time

import pytest

from pipeline.paperstore import PaperStore
from pipeline.sources import SourcedPaper, Unfetched, open_source
from pipeline.sources.http import FetchError, HttpClient
from tests.localhttp import Site
from tests.pdfgen import pdf_bytes


def paper_pdf(text: str) -> bytes:
    return pdf_bytes([[(72, 760, "Health and Wellbeing Board", 14, True), (72, 720, text, 10)]])


@pytest.fixture
def site():
    with Site() as running:
        yield running


@pytest.fixture
def waits():
    return []


@pytest.fixture
def client(waits):
    """Fast in tests: sleeps are recorded, not slept."""
    return HttpClient(timeout=5, retries=2, backoff=0.5, min_interval=0.25, sleep=waits.append)


def test_transient_errors_are_retried_with_backoff(site, client, waits):
    url = site.serve_sequence("/flaky.pdf", [(503, {}, b"busy"), (500, {}, b"oops"),
                                              (200, {}, b"%PDF-1.4 body")])
    assert client.get(url).body == b"%PDF-1.4 body"
    assert site.counts["/flaky.pdf"] == 3
    assert [w for w in waits if w >= 0.5] == [0.5, 1.0]      # backoff doubles


def test_retry_after_is_honoured_and_missing_pages_are_not_retried(site, client, waits):
    url = site.serve_sequence("/slow", [(429, {"Retry-After": "3"}, b""), (200, {}, b"ok")])
    assert client.get(url).body == b"ok" and 3.0 in waits
    with pytest.raises(FetchError) as failure:
        client.get(site.url + "/missing.pdf")
    assert not failure.value.transient and "404" in failure.value.reason
    assert site.requests.count("/missing.pdf") == 1


def test_retries_give_up_with_a_transient_error(site, client):
    url = site.serve("/down", b"", status=503)
    with pytest.raises(FetchError) as failure:
        client.get(url)
    assert failure.value.transient and site.counts["/down"] == 3


def test_unreachable_host_is_transient(client):
    with pytest.raises(FetchError) as failure:
        client.get("http://127.0.0.1:9/nothing-listens-here")
    assert failure.value.transient


def test_requests_to_one_host_are_spaced(site):
    polite = HttpClient(min_interval=0.2)
    url = site.serve("/a", b"x")
    started = time.monotonic()
    for _ in range(3):
        polite.get(url)
    assert time.monotonic() - started >= 0.4


def test_manifest_papers_are_fetched_once_into_the_store(site, client, tmp_path):
    site.serve("/papers/item%207.pdf", paper_pdf("The CCG will review the contract."))
    site.serve("/download?id=9", paper_pdf("The council will fund it."),
               headers={"Content-Disposition": "attachment; filename=\"BCF plan.pdf\"; "
                                    "filename*=UTF-8''BCF%20plan%20%E2%80%93%20Bromley%E2%80%99s.pdf"})
    manifest = tmp_path / "urls.txt"
    manifest.write_text(f"# tonight's papers\n{site.url}/papers/item 7.pdf\tHealth and Wellbeing Board\t2019-03-12\n"
                        f"{site.url}/download?id=9\n\n{site.url}/gone.pdf\nnot-a-url\n", encoding="utf-8")
    store = PaperStore(tmp_path / "store")
    papers = list(open_source(f"manifest:{manifest}", store, client).papers())
    fetched = [p for p in papers if isinstance(p, SourcedPaper)]
    assert [p.file.name for p in fetched] == ["item 7.pdf", "BCF plan – Bromley’s.pdf"]
    assert fetched[0].name == f"{site.url}/papers/item 7.pdf"
    assert (fetched[0].committee, fetched[0].meeting_date) == ("Health and Wellbeing Board", "2019-03-12")
    assert all(p.file.read_bytes()[:5] == b"%PDF-" and p.file.is_relative_to(store.root) for p in fetched)
    assert [(u.kind, u.name) for u in papers if isinstance(u, Unfetched)] == [
        ("fetch_failed", f"{site.url}/gone.pdf"), ("bad_url", "not-a-url")]

    before = list(site.requests)
    again = list(open_source(f"manifest:{manifest}", PaperStore(tmp_path / "store"), client).papers())
    assert [p for p in again if isinstance(p, SourcedPaper)] == fetched
    assert [r for r in site.requests[len(before):] if "gone" not in r] == []   # nothing fetched twice


def test_store_keeps_one_copy_of_the_same_bytes_and_survives_a_torn_catalogue(site, client, tmp_path):
    body = paper_pdf("Same bytes.")
    site.serve("/a.pdf", body)
    site.serve("/b.pdf", body)
    manifest = tmp_path / "urls.txt"
    manifest.write_text(f"{site.url}/a.pdf\n{site.url}/b.pdf\n")
    store = PaperStore(tmp_path / "store")
    a, b = open_source(f"manifest:{manifest}", store, client).papers()
    assert a.sha256 == b.sha256 and a.name != b.name
    assert len(list((tmp_path / "store" / "objects").rglob("*.pdf"))) == 2  # one folder per hash, a name each
    with open(tmp_path / "store" / "catalogue.jsonl", "a") as catalogue:
        catalogue.write('{"sha256": "abc", "na')                    # a crash mid-append
    reopened = PaperStore(tmp_path / "store")
    assert [reopened.known(p.name).sha256 for p in (a, b)] == [a.sha256, a.sha256]
    assert reopened.known(f"{site.url}/never-fetched.pdf") is None


def test_open_source_specs(tmp_path):
    with pytest.raises(ValueError, match="paper store"):
        open_source("manifest:urls.txt")
    with pytest.raises(ValueError, match="moderngov:https://SITE#COMMITTEE"):
        open_source("moderngov:democracy.example.gov.uk", PaperStore(tmp_path))
    with pytest.raises(FileNotFoundError):
        list(open_source(str(tmp_path / "nope")).papers())
