"""Crash safety: a run killed with SIGKILL mid-load is finished by the next run, and the
warehouse ends exactly as after a run that was never interrupted."""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

import warehouse
from pipeline.extract import process_file
from tests.pdfgen import write_pdf
from tests.test_nightly import run, snapshot

pytestmark = pytest.mark.usefixtures("prefect_harness")
LOADED = re.compile(r"Task run 'load-[^']*' - Finished in state Completed")


@pytest.fixture(scope="module")
def night(tmp_path_factory, samples):
    """Three real papers and eight small written ones: enough for a run to be cut mid-way."""
    folder = tmp_path_factory.mktemp("crash") / "papers"
    folder.mkdir()
    for paper in samples.glob("*.pdf"):
        shutil.copy(paper, folder / paper.name)
    for n in range(8):
        write_pdf(folder / f"report {n}.pdf", [[
            (72, 790, "Exampleton Health and Wellbeing Board", 14, True),
            (72, 760, f"Report {n}: home care commissioning", 12, True),
            (72, 730, f"The CCG will review home care contract {n} by March {2020 + n}.", 10),
            (72, 710, f"The council has allocated £{n + 1}.5m to the Better Care Fund for 2019/20.", 10),
            (72, 690, f"There is a risk that demand in locality {n} outstrips capacity.", 10)]])
    return folder


def lines_of(process: subprocess.Popen) -> queue.Queue:
    lines: queue.Queue = queue.Queue()

    def pump():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)
    threading.Thread(target=pump, daemon=True).start()
    return lines


def test_kill_9_mid_run_then_rerun_equals_a_clean_run(night, tmp_path):
    clean = run([night], tmp_path / "clean.duckdb")
    assert clean.exit_code == 0 and clean.by_status["new"] == 11

    from prefect.settings import get_current_settings

    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "INFO", "PREFECT_API_URL": get_current_settings().api.url}
    cli = Path(sys.executable).parent / "boardpapers"
    process = subprocess.Popen([str(cli), "ingest", str(night), "--db", str(db), "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                               start_new_session=True)
    lines, seen = lines_of(process), []
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, "the run ended before it could be killed:\n" + "".join(seen)
            seen.append(line)
            if LOADED.search(line):
                break
        else:
            pytest.fail("no paper was loaded in time:\n" + "".join(seen))
    finally:
        os.killpg(process.pid, signal.SIGKILL)      # the run and its worker processes, at once
        process.wait()
    assert process.returncode == -signal.SIGKILL

    con = duckdb.connect(str(db), read_only=True)
    loaded = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 1 <= loaded < 11, "the kill should land mid-run"
    assert con.execute("SELECT status FROM ingest_runs").fetchall() == [("running",)]
    con.close()

    rerun = run([night], db)
    assert rerun.by_status["unchanged"] == loaded and rerun.by_status["new"] == 11 - loaded
    assert snapshot(db) == snapshot(tmp_path / "clean.duckdb")
    con = warehouse.connect(db, read_only=True)
    assert con.execute("SELECT status FROM ingest_runs ORDER BY run_id").fetchall() == [
        ("interrupted",), ("finished",)]
    assert not warehouse.search_index_stale(con)


def test_a_search_index_left_stale_by_a_crash_is_rebuilt_by_a_run_that_loads_nothing(tmp_path, samples):
    paper = samples / "brent-hwb-accountable-care-2016.pdf"
    db = tmp_path / "w.duckdb"
    con = warehouse.connect(db)
    extraction = process_file(paper.resolve())
    extraction.document.path = str(paper.resolve())
    warehouse.load_paper(con, extraction, warehouse.start_run(con))   # ...and the process dies here
    assert warehouse.search_index_stale(con) and warehouse.search(con, "accountable care") == []
    con.close()
    summary = run([paper], db)
    assert summary.by_status == {"unchanged": 1}
    con = warehouse.connect(db, read_only=True)
    assert not warehouse.search_index_stale(con) and warehouse.search(con, "accountable care")


def test_a_cross_paper_refresh_that_fails_beside_the_index_leaves_both_to_redo(tmp_path, samples, monkeypatch):
    """The search index is rebuilt beside the cross-paper tables; a run whose cross-paper step
    fails must not leave the index marked fresh, or the next run would skip both."""
    from pipeline import crosspaper
    from pipeline.ingest import refresh_derived

    paper = samples / "brent-hwb-accountable-care-2016.pdf"
    con = warehouse.connect(tmp_path / "w.duckdb")
    extraction = process_file(paper.resolve())
    warehouse.load_paper(con, extraction, warehouse.start_run(con))

    def fails(con, full=False):
        raise RuntimeError("disk full while writing the graph")
    monkeypatch.setattr(crosspaper, "refresh_cross_paper", fails)
    with pytest.raises(RuntimeError, match="disk full"):
        refresh_derived(con)
    assert warehouse.search(con, "accountable care")       # the index's own work was kept...
    assert warehouse.search_index_stale(con)                # ...but it is not called fresh
    monkeypatch.undo()
    assert refresh_derived(con).organisations > 0           # the next run redoes both
    assert not warehouse.search_index_stale(con)
