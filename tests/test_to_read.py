"""Deciding before a run whether it has anything to read: `to_read` names exactly the papers
`plan` would extract, for each way a paper can stand with the warehouse, and changes
nothing; `ingest_here` is then the whole run, with its run recorded."""
import shutil

import duckdb

import warehouse
from pipeline.ingest import ingest_here, plan, to_read
from pipeline.sources import Unfetched
from pipeline.sources.local import FolderSource
from tests.pdfgen import write_pdf
from tests.test_nightly import snapshot


def report(path, n: int):
    return write_pdf(path, [[(72, 790, "Exampleton Health and Wellbeing Board", 14, True),
                             (72, 760, f"Report {n}: community services", 12, True),
                             (72, 730, f"The CCG will review the community contract {n} by March {2020 + n}.", 10)]])


def listed(folder):
    return list(FolderSource(str(folder)).papers())


def test_to_read_names_what_plan_would_extract_and_changes_nothing(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    report(folder / "kept.pdf", 1)
    report(folder / "revised.pdf", 2)
    (folder / "login page.pdf").write_text("<html>Sign in</html>")
    (folder / "fixed later.pdf").write_text("<html>Sign in</html>")
    db = tmp_path / "w.duckdb"
    con = warehouse.connect(db)
    first = ingest_here(con, [str(folder)], listed(folder))
    assert first.by_status == {"new": 2, "failed": 2}

    shutil.copy(folder / "kept.pdf", folder / "kept, a copy.pdf")              # an alias: not read
    report(folder / "revised.pdf", 3)                                          # changed: read
    report(folder / "fixed later.pdf", 4)                                      # once failed, now new bytes
    report(folder / "new.pdf", 5)                                              # new: read
    papers = listed(folder) + [Unfetched("https://example.org/gone.pdf", "fetch_failed", "HTTP 404")]
    failures = con.execute("SELECT * FROM failures ORDER BY failure_id").fetchall()
    con.close()
    before = snapshot(db)
    con = warehouse.connect(db)
    unread = to_read(con, papers)
    assert con.execute("SELECT * FROM failures ORDER BY failure_id").fetchall() == failures
    con.close()
    assert snapshot(db) == before
    assert sorted(p.file.name for p in unread) == ["fixed later.pdf", "new.pdf", "revised.pdf"]
    con = warehouse.connect(db)
    assert sorted(unread, key=str) == sorted((paper for paper, _ in plan(con, papers).to_extract), key=str)
    con.close()


def test_a_run_with_nothing_to_read_is_recorded_like_any_other(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    report(folder / "kept.pdf", 1)
    (folder / "login page.pdf").write_text("<html>Sign in</html>")
    con = warehouse.connect(tmp_path / "w.duckdb")
    ingest_here(con, [str(folder)], listed(folder))
    assert to_read(con, listed(folder)) == []
    again = ingest_here(con, [str(folder)], listed(folder))
    assert again.by_status == {"unchanged": 1, "still_failing": 1} and again.exit_code == 2
    assert again.cross_paper is None                        # nothing stale, nothing rebuilt
    runs = con.execute("SELECT status, counts FROM ingest_runs ORDER BY run_id").fetchall()
    assert [status for status, _ in runs] == ["finished", "finished"]
    assert '"still_failing": 1' in runs[1][1]
    con.close()
    assert duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True).execute(
        "SELECT count(*) FROM documents").fetchone()[0] == 1
