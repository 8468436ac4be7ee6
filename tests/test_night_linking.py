"""Linking night by night equals linking everything at once: papers ingested over several
nights (a paper restating an earlier one, a paper dated between two linked ones, a paper
replaced by a new version, a paper withdrawn) refreshed incrementally in one warehouse and
recomputed whole in another store the same entities, names, links, slips and overdue
milestones, row for row, and the same graph."""
from __future__ import annotations

import hashlib
import json

import pytest

import warehouse
from pipeline.crosspaper import blocking_keys, mark_bodies, paraphrase_scores, recompute_cross_paper, \
    refresh_cross_paper, resolve_organisations
from tests import paperpairs, paperpairs_restated
from schemas.records import Organisation
from tests.paperpairs import _cover, build

KINGSMERE_2018, KINGSMERE_2019 = paperpairs.PAIRS[0]
ASHDOWN_2019, ASHDOWN_2020 = paperpairs.PAIRS[1]
WEXCOMBE_2021, WEXCOMBE_2022 = paperpairs_restated.PAIRS[0]
DELFORD_2023, DELFORD_2024 = paperpairs_restated.PAIRS[1]

# A paper dated between the two Kingsmere papers, restating some of the first one's milestones.
KINGSMERE_AUTUMN_2018 = dict(name="kingsmere-hwb-mcp-autumn-2018", cover=_cover(
    "Kingsmere Health and Wellbeing Board", "20 September 2018", "Kingsmere MCP: autumn position",
    "Sam Patel, Director of Strategy, NHS Kingsmere CCG"), blocks=[
    ("heading", "1. Purpose"),
    "This paper reports to the Kingsmere Health and Wellbeing Board on the MCP programme.",
    ("heading", "2. Position"),
    "The Kingsmere Multispecialty Community Provider is still planned to start to operate from April 2020.",
    "The single urgent care hub at Kingsmere Hospital will now open in March 2019.",
    "Kingsmere Borough Council will publish the carers' strategy in March 2020.",
])

# A later paper restating the 2019 update's milestones, one moved again.
KINGSMERE_2020 = dict(name="kingsmere-hwb-mcp-update-2020", cover=_cover(
    "Kingsmere Health and Wellbeing Board", "9 January 2020", "Kingsmere MCP: second update",
    "Sam Patel, Director of Strategy, NHS Kingsmere CCG"), blocks=[
    ("heading", "1. Purpose"),
    "This paper gives the Kingsmere Health and Wellbeing Board a further update on the MCP.",
    ("heading", "2. Revised timeline"),
    "The Kingsmere Multispecialty Community Provider is now expected to start to operate from October 2021.",
    "Kingsmere Borough Council will publish the carers' strategy in March 2020.",
    "The Board will receive a report on community pharmacy opening hours in March 2020.",
])

# The 2019 update as its authors reissued it: one date moved, one milestone dropped.
KINGSMERE_2019_REISSUED = {**KINGSMERE_2019, "blocks": [
    b.replace("from April 2021", "from July 2021") if isinstance(b, str) else b for b in KINGSMERE_2019["blocks"]
    if not (isinstance(b, str) and "pharmacy" in b)]}

NIGHTS = [
    [KINGSMERE_2018, ASHDOWN_2019, WEXCOMBE_2021],
    [KINGSMERE_2019, ASHDOWN_2020, DELFORD_2023],
    [WEXCOMBE_2022, DELFORD_2024, KINGSMERE_2020],
    [KINGSMERE_AUTUMN_2018, KINGSMERE_2019_REISSUED],
]
TABLES = {"org_entities": "SELECT * FROM org_entities ORDER BY entity_id",
          "org_names": "SELECT * FROM org_names ORDER BY doc_id, name",
          "milestone_links": "SELECT * FROM milestone_links ORDER BY earlier_id, later_id",
          "slippages": "SELECT * EXCLUDE (first_seen) FROM slippages ORDER BY key",
          "milestone_matches": "SELECT * FROM milestone_matches ORDER BY earlier_id, later_id",
          "graph_nodes": "SELECT * FROM graph_nodes ORDER BY node_id",
          "graph_edges": "SELECT source, target, relation, attrs::VARCHAR FROM graph_edges ORDER BY ALL"}


def _extraction(spec: dict, version: int):
    """The paper at its path; a later version has other bytes."""
    extraction = build(spec)
    if version == 0:
        return extraction
    doc_id = hashlib.sha256(f"{spec['name']} v{version}".encode()).hexdigest()
    dumped = extraction.model_dump_json().replace(extraction.document.doc_id, doc_id)
    return type(extraction).model_validate_json(dumped)


def _rows(con) -> dict[str, list[tuple]]:
    return {table: con.execute(sql).fetchall() for table, sql in TABLES.items()}


@pytest.fixture(scope="module")
def nights(tmp_path_factory):
    """After each night: (incremental rows, full rows, incremental summary)."""
    folder = tmp_path_factory.mktemp("nights")
    incremental, full = (warehouse.connect(folder / f"{n}.duckdb") for n in ("night", "full"))
    seen, out = set(), []
    for night in NIGHTS:
        for con in (incremental, full):
            run = warehouse.start_run(con)
            for spec in night:
                warehouse.load_paper(con, _extraction(spec, int(spec["name"] in seen)), run)
        seen |= {spec["name"] for spec in night}
        summary = refresh_cross_paper(incremental)
        recompute_cross_paper(full)
        out.append((_rows(incremental), _rows(full), summary))
    yield out
    incremental.close(), full.close()


@pytest.mark.parametrize("night", range(len(NIGHTS)))
def test_each_night_stores_what_a_full_recompute_stores(nights, night):
    incremental, full, _ = nights[night]
    for table in TABLES:
        assert incremental[table] == full[table], f"night {night + 1}: {table} differs"


def test_the_nights_exercise_what_can_change(nights):
    """Links are made, one is dropped for the paper dated between (1->3 becomes 1->2->3), a
    reissued version's slip replaces the first version's, and slips and overdue are found."""
    links = [{(e, l) for e, l, *_ in rows["milestone_links"]} for rows, _, _ in nights]
    assert links[0] == set() and links[1] and links[2] - links[1]
    assert links[1] - links[3], "the paper dated between, or the reissue, changed no link"
    slips = [{row[0] for row in rows["slippages"] if row[1] == "slipped"} for rows, _, _ in nights]
    assert slips[1] and slips[3] != slips[2]
    assert any(row[1] == "overdue" for row in nights[-1][0]["slippages"])
    assert nights[2][2].new_slippage > 0


def test_a_refresh_with_nothing_new_changes_nothing(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.start_run(con)
    for spec in NIGHTS[0] + NIGHTS[1]:
        warehouse.load_paper(con, build(spec), run)
    refresh_cross_paper(con)
    before = _rows(con)
    summary = refresh_cross_paper(con)
    assert _rows(con) == before and summary.new_slippage == 0
    assert summary.milestone_links == len(before["milestone_links"])


def test_a_withdrawn_paper_takes_its_links_and_slips_with_it(tmp_path):
    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.start_run(con)
    for spec in NIGHTS[0] + NIGHTS[1]:
        warehouse.load_paper(con, build(spec), run)
    refresh_cross_paper(con)
    later = build(KINGSMERE_2019).document.doc_id
    con.execute("UPDATE documents SET current_version = false WHERE doc_id = ?", [later])
    refresh_cross_paper(con)
    withdrawn = _rows(con)
    recompute_cross_paper(con)
    assert withdrawn == _rows(con)
    assert not con.execute("SELECT count(*) FROM slippages WHERE later_doc_id = ?", [later]).fetchone()[0]


def test_papers_sharing_no_blocking_key_score_nothing(tmp_path):
    """The block's promise, checked on every pair of the written papers: a pair of papers with
    no blocking key in common has no pair of milestones scoring above 0."""
    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.start_run(con)
    for spec in [s for night in NIGHTS[:3] for s in night]:
        warehouse.load_paper(con, build(spec), run)
    orgs = warehouse.current_rows(con, "organisation")
    _, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    mark_bodies(milestones, orgs, entity_of)
    by_doc: dict[str, list[dict]] = {}
    for m in milestones:
        by_doc.setdefault(m["doc_id"], []).append(m)
    keys = {d: blocking_keys(ms) for d, ms in by_doc.items()}

    def meet(a, b):
        return any((k, v) in keys[b] for k, v in keys[a] if k == "term") or any(
            ("defines" if k == "says" else "says", v) in keys[b] for k, v in keys[a] if k != "term")

    apart = [(a, b) for a in by_doc for b in by_doc if a < b and not meet(a, b)]
    together = [(a, b) for a in by_doc for b in by_doc if a < b and meet(a, b)]
    assert apart and together and all(max(paraphrase_scores(by_doc[a], by_doc[b]).values()) == 0 for a, b in apart)
    assert json.dumps(sorted(keys[next(iter(keys))]))     # keys are plain strings, storable


def _naming(extraction, name: str, aliases: list[str]):
    """The extraction with one more organisation: a body named as a paper might name it."""
    org = Organisation(doc_id=extraction.document.doc_id, doc=extraction.document.doc, name=name,
                       aliases=aliases, org_type="nhs_trust", quote=name)
    return extraction.model_copy(update={"organisations": [*extraction.organisations, org]})


def _refreshed_in_step(folder, nights):
    """Each night's extractions loaded into two warehouses, one refreshed by the night and one
    recomputed whole; after each night, once their rows are asserted equal, the first."""
    incremental, full = (warehouse.connect(folder / f"{n}.duckdb") for n in ("night", "full"))
    for night in nights:
        for con in (incremental, full):
            run = warehouse.start_run(con)
            for extraction in night:
                warehouse.load_paper(con, extraction, run)
        refresh_cross_paper(incremental)
        recompute_cross_paper(full)
        assert _rows(incremental) == _rows(full)
        yield incremental


def test_bodies_merged_and_split_by_a_later_paper_equal_a_full_recompute(tmp_path):
    """A trust known by its abbreviation in one paper and by its name in another is two bodies
    until a paper defines the one as the other (a merge, and a new id for the body), and two
    again once that paper is reissued without the definition (a split)."""
    trust = "Kingsmere Community Health NHS Trust"
    nights = [[build(KINGSMERE_2018)], [_naming(build(KINGSMERE_2019), "KCHT", [])],
              [_naming(build(KINGSMERE_2020), trust, ["KCHT"])],
              [_naming(_extraction(KINGSMERE_2020, 1), trust, [])]]
    bodies = [incremental.execute("SELECT count(DISTINCT entity_id) FROM org_names "
                                  "WHERE name IN (?, 'KCHT')", [trust]).fetchone()[0]
              for incremental in _refreshed_in_step(tmp_path, nights)]
    assert bodies == [1, 2, 1, 2]


def test_a_body_renamed_by_a_shorter_name_keeps_its_rows_in_step(tmp_path):
    """A paper calling the trust by an abbreviation it defines gives the body a new id (its
    smallest folded name); every row naming the body follows, as a full recompute has it."""
    trust = "Kingsmere Community Health NHS Trust"
    nights = [[build(KINGSMERE_2018), build(KINGSMERE_2019)], [_naming(build(KINGSMERE_2020), "KCHT", [trust])]]
    ids = [incremental.execute("SELECT DISTINCT entity_id FROM org_names WHERE name = ?", [trust]).fetchall()
           for incremental in _refreshed_in_step(tmp_path, nights)]
    assert len(ids[0]) == len(ids[1]) == 1 and ids[0] != ids[1]
