"""A warehouse for the web app's tests: the three sample papers as the pipeline reads them,
two written paper pairs whose milestones slip (tests/paperpairs.py), and a made-up paper
whose words carry HTML and script; search index and cross-paper tables refreshed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import warehouse
from pipeline.crosspaper import refresh_cross_paper
from pipeline.ingest import ingest_serially
from pipeline.sources.local import FolderSource
from tests.factories import paper
from tests.paperpairs import PAIRS, build
from warehouse.publish import publish, published_folder
from web import create_app

HOSTILE_TOPIC = "<script>alert('boardpapers')</script> <b>respite</b>"


def ingest_samples(con, folder: Path, run_id: int) -> None:
    ingest_serially(con, list(FolderSource(str(folder)).papers()), run_id)


@pytest.fixture(scope="session")
def web_papers(tmp_path_factory, samples) -> Path:
    """A copy of the sample PDFs: the app serves them from where they were ingested."""
    folder = tmp_path_factory.mktemp("web-papers")
    for pdf in samples.glob("*.pdf"):
        shutil.copy(pdf, folder / pdf.name)
    return folder


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, web_papers) -> Path:
    db = tmp_path_factory.mktemp("web") / "warehouse.duckdb"
    con = warehouse.connect(db)
    run = warehouse.start_run(con)
    ingest_samples(con, web_papers, run)
    for pair in PAIRS:
        for spec in pair:
            warehouse.load_paper(con, build(spec), run)
    warehouse.load_paper(con, paper(stem="hostile-hwb-2020", topic=HOSTILE_TOPIC), run)
    warehouse.finish_run(con, run, "finished", {})
    warehouse.refresh_search_index(con)
    refresh_cross_paper(con)
    publish(con, published_folder(db))
    con.close()
    return db


@pytest.fixture(scope="session")
def client(web_db):
    with TestClient(create_app(web_db)) as client:
        yield client
