"""The nightly flow end to end under Prefect: hostile papers, duplicates, new versions,
fetched papers, retries on a locked warehouse, Dask, the schedule, exit codes."""
import json
import random
import shutil
import subprocess
import sys
import time

import duckdb
import pytest
from click.testing import CliRunner

import warehouse
from boardpapers.cli import main
from flows import nightly
from pipeline.extract import extract_paper
from pipeline.ingest import summary_markdown
from pipeline.parse import page_ranges, parse_pdf
from pipeline.workers import cpus
from pipeline.sources.http import FetchError
from tests.localhttp import Site
from tests.packgen import write_pack
from tests.pdfgen import pdf_bytes, write_pdf

pytestmark = pytest.mark.usefixtures("prefect_harness")
ODD_NAME = "Bromley’s HWB – café report (final) ünïcode.pdf"


def run(sources, db, store=None):
    flow = nightly.nightly_ingest.with_options(task_runner=nightly.task_runner("process", 2))
    return flow(sources=[str(s) for s in sources], db=str(db), store=str(store) if store else None,
                polite_seconds=0)


def by_name(summary):
    return {o.path.rsplit("/", 1)[-1]: o for o in summary.outcomes}


def snapshot(db):
    """Everything the warehouse holds about papers, in a comparable form."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {"documents": "SELECT doc_id, doc, path, pages, current_version FROM documents",
                  "document_paths": "SELECT path, doc_id FROM document_paths",
                  "document_versions": "SELECT path, version, doc_id FROM document_versions",
                  "sections": "SELECT id, doc_id, text FROM sections",
                  "search_items": "SELECT id FROM search_items",
                  **{t: f"SELECT * EXCLUDE (doc_id) FROM {t}" for t in warehouse.RECORD_TABLES.values()}}
        return {name: sorted(map(repr, con.execute(sql).fetchall())) for name, sql in tables.items()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, samples):
    """A night's folder with one of each kind of bad paper among good ones."""
    folder = tmp_path_factory.mktemp("hostile") / "papers"
    folder.mkdir()
    (folder / "empty.pdf").write_bytes(b"")
    nwl = (samples / "nwl-jhosc-commissioning-reform-2019.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(nwl[: len(nwl) // 2])
    (folder / "login page.pdf").write_text("<!DOCTYPE html><html><body><form>Sign in</form></body></html>")
    noise = random.Random(4).randbytes(30_000)
    (folder / "random.pdf").write_bytes(b"%PDF-1.7\n" + noise + b"\n%%EOF\n")
    (folder / "locked.pdf").write_bytes(pdf_bytes([[(72, 700, "Exempt minutes", 12)]], encrypted=True))
    write_pdf(folder / "scanned.pdf", [[], []], images=[[(40, 40, 515, 760)], [(40, 40, 515, 760)]])
    brent = samples / "brent-hwb-accountable-care-2016.pdf"
    shutil.copy(brent, folder / "brent.pdf")
    (folder / "copies").mkdir()
    shutil.copy(brent, folder / "copies" / "Copy of brent.pdf")
    shutil.copy(samples / "bromley-hwb-integrated-commissioning-2013.pdf", folder / ODD_NAME)
    (folder / "nwl.pdf").write_bytes(nwl)
    write_pack(folder / "agenda pack 400 pages.pdf", 400)
    return folder


@pytest.fixture(scope="module")
def first_night(hostile, tmp_path_factory):
    db = tmp_path_factory.mktemp("night") / "w.duckdb"
    return db, run([hostile], db)


def test_each_bad_paper_fails_with_its_reason_and_the_rest_load(first_night):
    db, summary = first_night
    outcomes = by_name(summary)
    assert {name: (o.status, o.kind) for name, o in outcomes.items() if o.status == "failed"} == {
        "empty.pdf": ("failed", "empty"), "truncated.pdf": ("failed", "corrupt"),
        "login page.pdf": ("failed", "not_pdf"), "random.pdf": ("failed", "corrupt"),
        "locked.pdf": ("failed", "encrypted"), "scanned.pdf": ("failed", "needs_ocr")}
    assert "OCR" in outcomes["scanned.pdf"].reason and "password" in outcomes["locked.pdf"].reason
    assert {outcomes["brent.pdf"].status, outcomes["Copy of brent.pdf"].status} == {"new", "alias"}
    for name in (ODD_NAME, "nwl.pdf", "agenda pack 400 pages.pdf"):
        assert outcomes[name].status == "new" and outcomes[name].counts["section"] > 0, name
    assert summary.exit_code == 2

    con = duckdb.connect(str(db), read_only=True)
    stored = {row[0].rsplit("/", 1)[-1]: row[1:] for row in con.execute(
        "SELECT path, kind, reason FROM failures WHERE resolved_at IS NULL").fetchall()}
    assert {name: kind for name, (kind, _) in stored.items()} == {
        name: o.kind for name, o in outcomes.items() if o.status == "failed"}
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4
    assert con.execute("SELECT pages FROM documents WHERE doc LIKE 'agenda pack%'").fetchone()[0] == 400
    assert con.execute("SELECT doc FROM documents WHERE path LIKE '%café%'").fetchone()[0] == ODD_NAME[:-4]
    assert con.execute("SELECT status FROM ingest_runs").fetchall() == [("finished",)]


def test_the_summary_artifact_says_what_happened(first_night, hostile):
    _, summary = first_night
    markdown = summary_markdown(summary, [str(hostile)])
    assert "| new | 4 |" in markdown and "| failed | 6 |" in markdown
    assert "| same bytes under a new name | 1 |" in markdown
    assert "/scanned.pdf | needs_ocr | scanned.pdf has no readable text" in markdown
    from prefect import get_client

    with get_client(sync_client=True) as client:
        reply = client.request("POST", "/artifacts/filter", json={
            "artifacts": {"key": {"any_": ["nightly-ingest-summary"]}}, "limit": 1, "offset": 0,
            "sort": "CREATED_DESC"})
    artifact = reply.json()[0]
    assert artifact["type"] == "markdown" and artifact["data"] == markdown


def test_a_second_night_reads_nothing_and_changes_nothing(first_night, hostile):
    db, first = first_night
    before = snapshot(db)
    failures_before = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM failures").fetchone()
    second = run([hostile], db)
    statuses = {o.status for o in second.outcomes}
    assert statuses == {"unchanged", "still_failing"}
    assert len(second.outcomes) == len(first.outcomes) and second.records == {}
    assert second.exit_code == 2                     # the bad papers are still there
    assert snapshot(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM failures").fetchone() == failures_before   # not re-read


def test_changed_bytes_at_a_known_path_become_its_next_version(tmp_path, samples):
    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("plan.pdf", "plan (copy).pdf"):
        shutil.copy(samples / "brent-hwb-accountable-care-2016.pdf", folder / name)
    nwl = (samples / "nwl-jhosc-commissioning-reform-2019.pdf").read_bytes()
    (folder / "broken.pdf").write_bytes(nwl[:5000])
    db = tmp_path / "w.duckdb"
    first = by_name(run([folder], db))
    assert (first["plan (copy).pdf"].status, first["plan.pdf"].status) == ("new", "alias")
    assert first["broken.pdf"].kind == "corrupt"

    shutil.copy(samples / "bromley-hwb-integrated-commissioning-2013.pdf", folder / "plan.pdf")
    (folder / "broken.pdf").write_bytes(nwl)                                  # fixed
    second = run([folder], db)
    outcomes = by_name(second)
    assert (outcomes["plan.pdf"].status, outcomes["broken.pdf"].status) == ("changed", "new")
    assert outcomes["plan (copy).pdf"].status == "unchanged" and second.exit_code == 0
    con = warehouse.connect(db, read_only=True)
    current = {(doc, path.rsplit("/", 1)[-1]) for doc, path in con.execute(
        "SELECT doc, path FROM documents WHERE current_version").fetchall()}
    assert current == {("plan (copy)", "plan (copy).pdf"), ("plan", "plan.pdf"), ("broken", "broken.pdf")}
    # the old bytes of plan.pdf are still held by the copy, so their records stay, once
    assert con.execute("SELECT count(DISTINCT doc_id) FROM commitments").fetchone()[0] == 3
    assert warehouse.failures(con) == [] and not warehouse.search_index_stale(con)
    assert warehouse.search(con, "commissioning", limit=1)


def undated_paper(text: str) -> bytes:
    """A paper that states neither its committee nor its date: the source has to."""
    return pdf_bytes([[(72, 760, "Integrated commissioning update", 14, True), (72, 720, text, 10)]])


def test_fetched_papers_load_under_their_url_with_the_source_metadata(tmp_path):
    with Site() as site:
        first = site.serve("/documents/s1/Item 7 – care’s plan.pdf", undated_paper(
            "The CCG will review the home care contract by March 2020."))
        second = site.serve("/mgConvert2PDF.aspx?ID=2", undated_paper("The Board is asked to note the plan."))
        manifest = tmp_path / "tonight.txt"
        manifest.write_text(f"{first}\tHealth and Wellbeing Board\t2019-03-12\n{second}\n", encoding="utf-8")
        store = tmp_path / "store"
        summary = run([f"manifest:{manifest}", f"moderngov:{site.url}#Health and Wellbeing Board"],
                      tmp_path / "w.duckdb", store)
        requests_after_first = len(site.requests)
        again = run([f"manifest:{manifest}"], tmp_path / "w.duckdb", store)
        assert len(site.requests) == requests_after_first            # nothing fetched twice
    outcomes = {o.path: o for o in summary.outcomes}
    assert outcomes[site.url + "/documents/s1/Item 7 – care’s plan.pdf"].status == "new"
    assert outcomes[site.url + "/mgConvert2PDF.aspx?ID=2"].status == "new"
    failed = outcomes[f"moderngov:{site.url}#Health and Wellbeing Board"]
    assert failed.kind == "source_failed" and "404" in failed.reason and summary.exit_code == 2
    assert {o.status for o in again.outcomes} == {"unchanged"}
    con = warehouse.connect(tmp_path / "w.duckdb", read_only=True)
    rows = dict(con.execute("SELECT path, (doc, committee, date) FROM documents").fetchall())
    assert rows[first] == ("Item 7 – care’s plan", "HWB", "2019-03-12")
    assert rows[second] == ("mgConvert2PDF ID=2", "other", None)
    assert [f["path"] for f in warehouse.failures(con)] == [f"moderngov:{site.url}#Health and Wellbeing Board"]


def test_a_locked_warehouse_is_waited_for(tmp_path, samples):
    db = tmp_path / "w.duckdb"
    warehouse.connect(db).close()
    holder = subprocess.Popen([sys.executable, "-c",
                               f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(4)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        summary = run([samples / "brent-hwb-accountable-care-2016.pdf"], db)
        assert time.monotonic() - started > 1 and summary.by_status["new"] == 1
    finally:
        holder.kill()
        holder.wait()


def test_only_transient_errors_are_retried():
    assert nightly.is_transient(FetchError("u", "HTTP 503", transient=True))
    assert not nightly.is_transient(FetchError("u", "HTTP 404", transient=False))
    assert nightly.is_transient(duckdb.IOException('Could not set lock on file "w.duckdb"'))
    assert not nightly.is_transient(duckdb.IOException("No space left on device"))
    assert not nightly.is_transient(ValueError("bad paper"))


def test_parse_and_extract_run_on_a_dask_cluster(tmp_path, samples):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        flow = nightly.nightly_ingest.with_options(
            task_runner=nightly.task_runner("dask", dask_address=cluster.scheduler_address))
        summary = flow(sources=[str(samples / "nwl-jhosc-commissioning-reform-2019.pdf")],
                       db=str(tmp_path / "w.duckdb"))
        assert summary.by_status["new"] == 1 and summary.records["commitment"] > 0


def test_the_deployment_carries_its_cron(tmp_path):
    deployment = nightly.nightly_deployment(["papers/"], "w.duckdb", None, cron="30 1 * * *")
    assert [s.schedule.cron for s in deployment.schedules] == ["30 1 * * *"]
    assert deployment.parameters == {"sources": ["papers/"], "db": "w.duckdb", "store": None}


def test_schedule_serves_the_deployment_on_the_nightly_cron(monkeypatch, tmp_path):
    served = []
    monkeypatch.setattr("prefect.serve", lambda *deployments, **kw: served.extend(deployments))
    result = CliRunner().invoke(main, ["schedule", "papers/", "manifest:urls.txt", "--db", str(tmp_path / "w.duckdb"),
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    (deployment,) = served
    assert [s.schedule.cron for s in deployment.schedules] == ["0 2 * * *"]
    assert deployment.parameters["sources"] == ["papers/", "manifest:urls.txt"]
    assert deployment.parameters["store"] == str(tmp_path / "store")
    result = CliRunner().invoke(main, ["schedule", "manifest:urls.txt", "--db", str(tmp_path / "w.duckdb"),
                                       "--cron", "15 3 * * 1-5"])
    assert result.exit_code == 0, result.output
    assert [s.schedule.cron for s in served[1].schedules] == ["15 3 * * 1-5"]
    assert served[1].parameters["store"] == str(tmp_path / "w-papers")      # beside the warehouse


def test_cli_exit_codes_and_errors(first_night, tmp_path, samples):
    db, _ = first_night
    listed = CliRunner().invoke(main, ["errors", "--db", str(db), "--json"])
    assert listed.exit_code == 0, listed.output
    failures = json.loads(listed.output)
    assert {f["kind"] for f in failures} == {"empty", "corrupt", "not_pdf", "encrypted", "needs_ocr"}
    assert all(set(f) == {"path", "kind", "reason"} and f["reason"] for f in failures)
    assert "needs_ocr" in CliRunner().invoke(main, ["errors", "--db", str(db)]).output

    good = CliRunner().invoke(main, ["ingest", str(samples / "brent-hwb-accountable-care-2016.pdf"),
                                     "--db", str(tmp_path / "ok.duckdb")])
    assert good.exit_code == 0, good.output
    (tmp_path / "not-a-db").mkdir()
    broken = CliRunner().invoke(main, ["ingest", str(samples), "--db", str(tmp_path / "not-a-db")])
    assert broken.exit_code == 1 and "could not proceed" in broken.output


def test_a_long_pack_is_laid_out_in_page_ranges_and_matches_a_serial_read(first_night, hostile):
    """The 400-page pack went to workers as tasks: its page ranges laid out (one task hands
    them all to the run's pool), the paper prepared, its parts read. The records combined from them are those of reading the pack
    in one process."""
    db, _ = first_night
    pack = hostile / "agenda pack 400 pages.pdf"
    from prefect import get_client

    def task_runs(name):
        with get_client(sync_client=True) as client:
            reply = client.request("POST", "/task_runs/filter", json={
                "task_runs": {"name": {"like_": name}}, "limit": 200, "offset": 0})
        return len(reply.json())

    shared_out = [ranges for path in hostile.glob("*.pdf") if (ranges := page_ranges(path))]
    assert task_runs("lay-out-pages") == len(shared_out) and len(page_ranges(pack)) >= 2
    assert task_runs("prepare-paper") == 1 and task_runs("extract-part") == cpus()
    serial = extract_paper(parse_pdf(pack, parallel_min_pages=10**6))
    con = duckdb.connect(str(db), read_only=True)
    doc_id = con.execute("SELECT doc_id FROM documents WHERE doc LIKE 'agenda pack%'").fetchone()[0]
    assert doc_id == serial.document.doc_id
    for kind, records in serial.records().items():
        stored = con.execute(f"SELECT id FROM {warehouse.RECORD_TABLES[kind]} WHERE doc_id = ?", [doc_id]).fetchall()
        assert sorted(id_ for (id_,) in stored) == sorted({record.id for record in records}), kind
