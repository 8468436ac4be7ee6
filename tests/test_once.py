"""`boardpapers ingest` reads a long paper ahead of Prefect (flows/once.py): its pages laid
out, the paper prepared in the command's process and its parts begun while the server
starts; the flow's tasks then take that work. The warehouse must be the one the flow fills
reading the paper itself."""

import warehouse

from flows.once import ingest_once
from pipeline.ingest import ingest_here
from pipeline.sources.local import FolderSource
from tests.packgen import write_pack
from tests.test_nightly import snapshot


def test_a_long_paper_read_ahead_fills_the_warehouse_as_the_flow_reading_it_does(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    folder = tmp_path / "papers"
    folder.mkdir()
    write_pack(folder / "agenda pack.pdf", 40)                   # long enough to read in ranges and parts
    papers = list(FolderSource(str(folder)).papers())

    summary = ingest_once([str(folder)], str(tmp_path / "ahead.duckdb"), None, workers=2, read_first=papers)
    con = warehouse.connect(str(tmp_path / "here.duckdb"))
    ingest_here(con, [str(folder)], papers)
    con.close()

    assert summary.by_status["new"] == 1 and not summary.failures
    ahead, here = snapshot(tmp_path / "ahead.duckdb"), snapshot(tmp_path / "here.duckdb")
    assert ahead["milestones"] and ahead == here


def test_a_run_on_the_temporary_server_sends_no_heartbeats_and_leaves_the_settings_as_they_were(monkeypatch):
    """Heartbeats tell a lasting server that a run crashed; the temporary one dies with the
    run, and joining their thread held up the end of every run by up to a second."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from flows.once import TemporaryServer, prefect_api

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    with temporary_settings(restore_defaults={PREFECT_API_URL}):     # no API configured, as on a user's machine
        before = get_current_settings()
        server = TemporaryServer()
        try:
            with prefect_api(server):
                inside = get_current_settings()
                assert inside.api.url == server.api_url
                assert inside.flows.heartbeat_frequency is None
        finally:
            server.stop()
        after = get_current_settings()
        assert after.api.url is None and before.api.url is None
        assert after.flows.heartbeat_frequency == before.flows.heartbeat_frequency is not None


def test_beside_a_thread_the_server_is_a_new_interpreter_that_answers_and_stops(monkeypatch):
    """A child forked beside threads could inherit their locks held: with another thread
    running, the server is a new interpreter, given the socket the command bound."""
    import signal
    import threading
    from pathlib import Path

    from flows.once import TemporaryServer

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")     # no network here
    release = threading.Event()
    beside = threading.Thread(target=release.wait)
    beside.start()
    try:
        server = TemporaryServer()
    finally:
        release.set()
        beside.join()
    try:
        command = Path(f"/proc/{server.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        assert "serve_on" in command
        server.wait_until_up()
    finally:
        server.stop()
    # uvicorn shuts down on SIGTERM, then raises the signal again: the process ends by it
    assert server.exited() and server.returncode in (0, -signal.SIGTERM)


def test_the_command_imports_the_flow_without_the_record_extractors_its_workers_read_with():
    """The command's process prepares papers and combines parts but reads none: importing
    the flow must not compile the record extractors' patterns (extractors/records.py)."""
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", "import sys, flows.nightly, boardpapers.cli; "
                             "print(' '.join(sorted(sys.modules)))"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert "pipeline.extract" in loaded and "extractors.organisations" in loaded
    assert not {"extractors.records", "extractors.relations", "extractors.commitments"} & set(loaded)
