"""A record read off a scan says so where its page and quote are shown: "read by OCR,
confidence 94"; a record read off a text layer says nothing of OCR."""
from fastapi.testclient import TestClient

import warehouse
from pipeline.crosspaper import refresh_cross_paper
from tests.factories import paper
from warehouse.publish import publish, published_folder
from web import create_app


def test_the_record_page_notes_a_quote_read_by_ocr_with_its_confidence(tmp_path):
    scanned = paper(stem="westbrook-hwb-scan-2019", topic="respite")
    for commitment in scanned.commitments:
        commitment.ocr, commitment.ocr_confidence = True, 93.6
    db = tmp_path / "warehouse.duckdb"
    con = warehouse.connect(db)
    run = warehouse.start_run(con)
    warehouse.load_paper(con, scanned, run)
    warehouse.finish_run(con, run, "finished", {})
    warehouse.refresh_search_index(con)
    refresh_cross_paper(con)
    publish(con, published_folder(db))
    read_by_ocr = con.execute("SELECT id, page FROM commitments").fetchone()
    read_off_text = con.execute("SELECT id FROM budgets").fetchone()[0]
    con.close()
    with TestClient(create_app(db)) as client:
        page = client.get(f"/records/{read_by_ocr[0]}").text
        plain = client.get(f"/records/{read_off_text}").text
    provenance = page[page.index('<p class="provenance">'):]
    provenance = provenance[:provenance.index("</p>")]
    assert f"open the paper at page {read_by_ocr[1]}" in provenance
    assert "read by OCR, confidence 94" in provenance
    assert "read by OCR" not in plain
    assert "<th>ocr" not in page and "<th>ocr" not in plain     # not repeated as a field
