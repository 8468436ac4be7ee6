"""The web app keeps answering while an ingest writes the warehouse, and shows what it loaded.

web/snapshot.py serves a private copy of the warehouse file; these tests hold it to that:
the writer is never locked out, no request fails, a bad copy is never served, a request in
flight survives a swap, and a newly loaded paper shows up within a minute.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import warehouse
from pipeline.discover import sha256_file
from tests.factories import paper
from tests.web.conftest import ingest_samples
from web.snapshot import SnapshotReader

CLI = [sys.executable, "-c", "from boardpapers.cli import main; main()"]
NEW_PAPER = "nwl-jhosc-commissioning-reform-2019.pdf"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str, timeout: float = 10.0) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        assert response.status == 200
        return json.loads(response.read())


def one_paper_warehouse(path: Path, topic: str) -> Path:
    con = warehouse.connect(path)
    run = warehouse.start_run(con)
    warehouse.load_paper(con, paper(stem=f"paper-{topic}", topic=topic), run)
    warehouse.refresh_search_index(con)
    con.close()
    return path


def count(reader: SnapshotReader) -> int:
    with reader.cursor() as con:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]


def test_a_bad_copy_is_never_served_and_a_good_one_replaces_it(tmp_path):
    source = one_paper_warehouse(tmp_path / "w.duckdb", "care home")
    reader = SnapshotReader(source, poll_seconds=60, settle_seconds=0)
    reader.start()
    try:
        assert count(reader) == 1
        good = source.read_bytes()
        source.write_bytes(b"this is not a DuckDB database" * 100)
        assert not reader.refresh() and not reader.refresh()
        assert count(reader) == 1                    # still the last good copy
        source.write_bytes(good)
        con = warehouse.connect(source)
        warehouse.load_paper(con, paper(stem="paper-dementia", topic="dementia"),
                             warehouse.start_run(con))
        warehouse.refresh_search_index(con)
        con.close()
        assert not reader.refresh()                  # changed: wait for it to hold still
        assert reader.refresh()
        assert count(reader) == 2
    finally:
        reader.stop()


def test_a_request_in_flight_finishes_on_its_copy_which_is_then_deleted(tmp_path):
    source = one_paper_warehouse(tmp_path / "w.duckdb", "care home")
    reader = SnapshotReader(source, poll_seconds=60, settle_seconds=0)
    reader.start()
    try:
        with reader.cursor() as con:
            old_copy = reader._current.path
            other = one_paper_warehouse(tmp_path / "other.duckdb", "dementia")
            shutil.copy(other, source)
            reader.refresh()
            assert reader.refresh() and reader._current.path != old_copy
            assert con.execute("SELECT doc FROM documents").fetchall() == [("paper-care home",)]
            assert old_copy.exists()
        assert not old_copy.exists()
        with reader.cursor() as con:
            assert con.execute("SELECT doc FROM documents").fetchall() == [("paper-dementia",)]
    finally:
        reader.stop()


def test_the_server_answers_every_search_while_an_ingest_writes_and_then_finds_its_paper(
        tmp_path, samples):
    papers, later = tmp_path / "papers", tmp_path / "later"
    papers.mkdir(), later.mkdir()
    for pdf in samples.glob("*.pdf"):
        shutil.copy(pdf, (later if pdf.name == NEW_PAPER else papers) / pdf.name)
    db = tmp_path / "warehouse.duckdb"
    con = warehouse.connect(db)
    ingest_samples(con, papers, warehouse.start_run(con))
    warehouse.refresh_search_index(con)
    con.close()
    new_doc_id = sha256_file(later / NEW_PAPER)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*CLI, "serve", "--db", str(db), "--port", str(port),
                               "--poll", "0.5"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    outcomes: list[tuple[float, str, object]] = []
    stop = threading.Event()

    def hammer() -> None:
        """Searches and pages, back to back, as users would, recording every outcome."""
        urls = [f"{base}/api/search?q=commissioning", f"{base}/search?q=integrated+care",
                f"{base}/api/search?q=deficit&type=budget", f"{base}/api/organisations"]
        i = 0
        while not stop.is_set():
            url = urls[i % len(urls)]
            i += 1
            try:
                with urllib.request.urlopen(url, timeout=30) as response:
                    response.read()
                    outcomes.append((time.monotonic(), url, response.status))
            except (urllib.error.URLError, OSError) as error:
                outcomes.append((time.monotonic(), url, repr(error)))
            time.sleep(0.05)

    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                before = get_json(f"{base}/api/search?q=commissioning")
                break
            except (urllib.error.URLError, OSError):
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.3)
        assert get_json(f"{base}/api/search?paper={new_doc_id}")["total"] == 0
        threads = [threading.Thread(target=hammer) for _ in range(2)]
        for thread in threads:
            thread.start()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
        # Prefect's temporary API starts slower on a busy machine than its default allows.
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"
        ingest_started = time.monotonic()
        ingest = subprocess.run([*CLI, "ingest", str(later), "--db", str(db)], env=env,
                                capture_output=True, text=True, timeout=400)
        ingest_ended = time.monotonic()
        assert ingest.returncode == 0, ingest.stdout + ingest.stderr
        assert "1 new" in ingest.stdout

        found_after = None
        while time.monotonic() < ingest_ended + 60:
            if get_json(f"{base}/api/search?paper={new_doc_id}")["total"] > 0:
                found_after = time.monotonic() - ingest_ended
                break
            time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)

    assert found_after is not None, "the new paper did not show up within a minute"
    failed = [o for o in outcomes if o[2] != 200]
    assert not failed, failed[:5]
    during = [o for o in outcomes if ingest_started <= o[0] <= ingest_ended]
    assert len(during) >= 20, f"only {len(during)} requests while the ingest ran"
    assert before["total"] > 0
    print(f"\n{len(outcomes)} requests, {len(during)} during the {ingest_ended - ingest_started:.1f}s "
          f"ingest, none failed; the new paper was searchable {found_after:.1f}s after it ended")
