"""Search latency on a warehouse of generated records (default 100,000), for the web app's
target: p95 under 100 ms. Not a test: it takes minutes and its numbers depend on the machine.

    python bench/search_latency.py [--records 100000] [--db FILE] [--runs 200]

The papers are made up: sentences drawn from board-paper vocabulary with a Zipf-like skew, so
that queries range from rare to very common words; each paper gets records of every type and
sections, loaded through warehouse.load_paper and indexed by refresh_search_index, as an
ingest would, then prepared as the web app prepares its snapshot (prepare_browsing). Queries
are timed through the web app's faceted search (a page of 50 hits with the total), with and
without facet filters, and separately the facet counts a search page also shows.
"""
from __future__ import annotations

import argparse
import os
import hashlib
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import warehouse
from schemas.records import (Budget, Commitment, Decision, Document, Milestone, Organisation,
                             PaperExtraction, Relation, Risk, Section)
from warehouse.browse import Filters, facet_counts, faceted_search, prepare_browsing
from web.snapshot import SnapshotReader

WORDS = ("health care mental services commissioning integrated community hospital primary "
         "social adult children budget savings deficit plan partnership board council trust "
         "review contract procurement workforce digital estates quality safety patients "
         "carers housing prevention dementia diabetes cancer maternity urgent emergency "
         "discharge delayed transfer pooled fund better care programme outcomes performance "
         "engagement consultation governance accountable provider alliance network pharmacy "
         "dental optometry wellbeing obesity smoking alcohol substance misuse autism learning "
         "disability homelessness domiciliary nursing residential reablement therapy").split()
ORGS = [f"{place} {kind}" for place in ("Brent", "Bromley", "Barnet", "Camden", "Ealing",
                                        "Harrow", "Hillingdon", "Merton", "Sutton", "Croydon")
        for kind in ("CCG", "Council", "Health and Wellbeing Board", "Healthcare NHS Trust")]
TYPES_PER_PAPER = {"organisation": 10, "budget": 12, "milestone": 14, "commitment": 30,
                   "risk": 12, "decision": 8, "relation": 4}
RECORDS_PER_PAPER = sum(TYPES_PER_PAPER.values()) + 10      # and 10 sections
QUERIES = ["mental health", "commissioning", "dementia", "pooled fund", "delayed transfer",
           "workforce digital", "cancer maternity", "better care fund", "autism",
           "urgent emergency care", "housing", "governance review", "savings plan"]


VOCABULARY = WORDS + [f"{a}{b}{c}" for a in ("con", "re", "pro", "inter", "sub")
                     for b in ("vert", "tain", "mit", "port", "struct", "duct", "form", "ject")
                     for c in ("ion", "al", "ive", "ed", "ing", "ant", "ory", "ure", "ment",
                               "ist", "ise", "ity", "ant", "ary", "ous", "ful", "less", "ism",
                               "ably", "ency", "ative", "ism", "ic", "ure", "y")]
WEIGHTS = [1 / (rank + 20) for rank in range(len(VOCABULARY))]
"""Zipf-like, flattened as board-paper text is once stopwords are gone: the commonest word
lands in about a third of the records, as 'ccg' does in the sample papers' 265 items."""


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=n)).capitalize() + "."


def paper(rng: random.Random, number: int) -> PaperExtraction:
    """A made-up paper whose quotes are slices of its own text, as real records' are."""
    sentences = [sentence(rng, rng.randint(12, 45)) for _ in range(RECORDS_PER_PAPER)]
    text = " ".join(sentences)
    doc_id = hashlib.sha256(f"bench paper {number}".encode()).hexdigest()
    stem = f"bench-paper-{number:05d}"
    published = date(2012, 1, 1) + timedelta(days=rng.randrange(3650))
    spans, at = [], 0
    for s in sentences:
        spans.append((at, at + len(s), s))
        at += len(s) + 1
    spans = iter(spans)

    def provenance() -> dict:
        start, end, quote = next(spans)
        return dict(doc_id=doc_id, doc=stem, page=rng.randint(1, 40), section="2. Plan",
                    quote=quote, char_start=start, char_end=end)

    org = lambda: rng.choice(ORGS)
    made: dict[str, list] = {kind: [] for kind in TYPES_PER_PAPER}
    for i in range(TYPES_PER_PAPER["organisation"]):
        name = ORGS[(number + i * 7) % len(ORGS)]
        quote = provenance()["quote"]
        made["organisation"].append(Organisation(doc_id=doc_id, doc=stem, name=name,
                                                 page=1, quote=quote))
    for _ in range(TYPES_PER_PAPER["budget"]):
        made["budget"].append(Budget(**provenance(), amount_gbp=rng.randint(1, 900) * 1e5,
                                     kind="budget", org=org()))
    for _ in range(TYPES_PER_PAPER["milestone"]):
        due = published + timedelta(days=rng.randrange(30, 900))
        made["milestone"].append(Milestone(**provenance(), description="milestone",
                                           date_text=due.strftime("%B %Y"), date_start=due,
                                           date_end=due, status="planned", org=org()))
    for _ in range(TYPES_PER_PAPER["commitment"]):
        made["commitment"].append(Commitment(**provenance(), actor=org(), action="act",
                                             modality="firm"))
    for _ in range(TYPES_PER_PAPER["risk"]):
        made["risk"].append(Risk(**provenance(), description="risk", org=org()))
    for _ in range(TYPES_PER_PAPER["decision"]):
        made["decision"].append(Decision(**provenance(), body=org(), kind="recommendation"))
    for _ in range(TYPES_PER_PAPER["relation"]):
        made["relation"].append(Relation(**provenance(), source=org(), relation="funds",
                                         target=org()))
    sections = [Section(doc_id=doc_id, path=f"{i}. Part", title=f"Part {i}", page=i,
                        text=next(spans)[2]) for i in range(1, 11)]
    return PaperExtraction(
        document=Document(doc_id=doc_id, doc=stem, path=f"/bench/{stem}.pdf", pages=40,
                          committee=rng.choice(["HWB", "JHOSC"]), title=sentence(rng, 6),
                          date=published.isoformat(), organisation=org()),
        sections=sections, organisations=made["organisation"], budgets=made["budget"],
        milestones=made["milestone"], commitments=made["commitment"], risks=made["risk"],
        decisions=made["decision"], relations=made["relation"])


def build(db: Path, records: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    con = warehouse.connect(db)
    run = warehouse.start_run(con)
    papers = -(-records // RECORDS_PER_PAPER)
    started = time.perf_counter()
    for number in range(papers):
        warehouse.load_paper(con, paper(rng, number), run)
    warehouse.finish_run(con, run, "finished", {"papers": papers})
    warehouse.refresh_search_index(con)
    print(f"built {db}: {papers} papers, {warehouse.counts(con)} "
          f"in {time.perf_counter() - started:.0f}s")
    con.close()


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"p50 {statistics.median(ordered):6.1f} ms   p95 {p95:6.1f} ms"


def timed(run, times: int) -> str:
    """Wall-clock percentiles of `run()`, and of the CPU it used (all of DuckDB's threads):
    on a shared machine the wall clock includes waiting for a core, the CPU time does not."""
    wall, cpu = [], []
    for _ in range(times):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return f"{percentiles(wall)}   (CPU {percentiles(cpu)}, n={times})"


def prepare(db: Path) -> None:
    """What the web app does to each new snapshot of the warehouse before serving it, timed
    twice: prepare_browsing alone, and a whole snapshot (copy, prepare, open read-only), the
    delay between an ingest's end and its papers being searchable, beyond the polling."""
    con = warehouse.connect(db)
    started = time.perf_counter()
    prepare_browsing(con)
    con.close()
    print(f"prepare_browsing: {time.perf_counter() - started:.1f}s")
    reader = SnapshotReader(db, poll_seconds=3600)
    started = time.perf_counter()
    reader.start()
    print(f"a new snapshot (copy {db.stat().st_size / 1e6:.0f} MB, prepare, open): "
          f"{time.perf_counter() - started:.1f}s")
    reader.stop()


def measure(db: Path, runs: int, seed: int = 7) -> None:
    con = warehouse.connect(db, read_only=True)
    rng = random.Random(seed)
    searchable = con.execute("SELECT count(*) FROM search_items").fetchone()[0]
    print(f"searchable items: {searchable}")
    orgs = [o.lower().replace(" ", "-") for o in ORGS]
    cases = {
        "search (query only)": lambda: Filters(query=rng.choice(QUERIES)),
        "search + type + org": lambda: Filters(query=rng.choice(QUERIES), type="commitment",
                                               org=rng.choice(orgs)),
        "search + committee + dates": lambda: Filters(
            query=rng.choice(QUERIES), committee="HWB", date_from=date(2014, 1, 1),
            date_to=date(2018, 12, 31)),
        "browse an organisation (no query)": lambda: Filters(org=rng.choice(orgs)),
    }
    for name, make in cases.items():
        print(f"{name:36} {timed(lambda: faceted_search(con, make(), limit=50), runs)}")
    print(f"{'facet counts (query only)':36} "
          f"{timed(lambda: facet_counts(con, Filters(query=rng.choice(QUERIES))), max(runs // 4, 10))}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) this warehouse file")
    parser.add_argument("--runs", type=int, default=200, help="timed searches per case")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            build(db, args.records)
        prepare(db)
        measure(db, args.runs)


if __name__ == "__main__":
    main()
