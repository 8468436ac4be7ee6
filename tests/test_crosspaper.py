"""Cross-paper steps on written paper pairs: organisations resolved, restatements linked,
slips counted in days, dropped milestones flagged, the graph stored and exported."""
from __future__ import annotations

import json

import networkx as nx
import pytest

import warehouse
from pipeline.crosspaper import bodies_of, link_milestones, refresh_cross_paper, resolve_organisations
from pipeline.graph import dependencies, find_nodes, impact, load_graph, organisation_view, write_graph
from tests.paperpairs import OVERDUE, PAIRS, TRUTH, build, truth_ids


@pytest.fixture(scope="module")
def extractions():
    return [build(spec) for pair in PAIRS for spec in pair]


@pytest.fixture(scope="module")
def con(tmp_path_factory, extractions):
    """One warehouse for the module: the tests read it, and refreshing is idempotent."""
    con = warehouse.connect(tmp_path_factory.mktemp("crosspaper") / "w.duckdb")
    run = warehouse.start_run(con)
    for extraction in extractions:
        warehouse.load_paper(con, extraction, run)
    yield con
    con.close()


def test_every_moved_milestone_is_found_with_its_slip_in_days(con):
    summary = refresh_cross_paper(con)
    milestones = warehouse.current_rows(con, "milestone")
    expected = {pair: days for pair, days in truth_ids(milestones, PAIRS, TRUTH).items() if days}
    by_quote = {m["quote"]: m["id"] for m in milestones}
    found = {(by_quote[s["earlier"]["quote"]], by_quote[s["later"]["quote"]]): s["slip_days"]
             for s in warehouse.slippage(con)}
    assert found == expected
    assert summary.slippage == len(expected)


def test_unchanged_and_achieved_on_time_are_not_slipped(con):
    refresh_cross_paper(con)
    slipped = [s["earlier"]["quote"] + " -> " + s["later"]["quote"] for s in warehouse.slippage(con)]
    for phrase in ("carers' strategy", "discharge team", "decide whether to apply"):
        assert not [s for s in slipped if phrase in s]


def test_slippage_json_shape_worst_first(con):
    refresh_cross_paper(con)
    rows = warehouse.slippage(con)
    assert [r["slip_days"] for r in rows] == sorted((r["slip_days"] for r in rows), reverse=True)
    first = rows[0]
    assert set(first) == {"description", "org", "earlier", "later", "slip_days"}
    for side in ("earlier", "later"):
        assert set(first[side]) == {"doc", "title", "date_text", "date_start", "date_end", "quote", "page"}
    mcp = next(r for r in rows if "Multispecialty" in r["description"])
    assert mcp["earlier"]["date_text"] == "from April 2020" and mcp["later"]["date_text"] == "from April 2021"
    assert mcp["earlier"]["doc"] == "kingsmere-hwb-mcp-2018" and mcp["later"]["doc"] == "kingsmere-hwb-mcp-update-2019"
    assert mcp["earlier"]["date_start"] == "2020-04-01" and mcp["slip_days"] == 365
    assert mcp["earlier"]["page"] == 1


def test_reworded_restatements_are_linked_and_linking_is_exact_on_the_pairs(con):
    refresh_cross_paper(con)
    milestones = warehouse.current_rows(con, "milestone")
    truth = set(truth_ids(milestones, PAIRS, TRUTH))
    links = {(a, b) for a, b in con.execute("SELECT earlier_id, later_id FROM milestone_links").fetchall()}
    assert links == truth          # precision 1.0 and recall 1.0 at LINK_THRESHOLD
    by_id = {m["id"]: m for m in milestones}
    reworded = [(by_id[a]["quote"], by_id[b]["quote"]) for a, b in links
                if "Go-live" in by_id[b]["quote"] or "procurement is now" in by_id[b]["quote"]]
    assert len(reworded) == 2


def test_dropped_milestone_is_overdue_and_unreported(con):
    summary = refresh_cross_paper(con)
    late = warehouse.overdue(con)
    assert [r["earlier"]["quote"] for r in late if OVERDUE[0] in r["earlier"]["quote"]]
    assert summary.overdue == len(late) == len(OVERDUE)
    row = late[0]
    assert row["later_doc"] == "kingsmere-hwb-mcp-update-2019" and row["days_overdue"] == 102


def test_refresh_is_idempotent(tmp_path, extractions):
    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.start_run(con)
    for extraction in extractions:
        warehouse.load_paper(con, extraction, run)
    first = refresh_cross_paper(con)
    tables = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
              for t in ("org_entities", "milestone_links", "graph_nodes", "graph_edges")}
    second = refresh_cross_paper(con)
    assert (second.new_slippage, second.new_overdue) == (0, 0)
    assert (first.new_slippage, first.new_overdue) == (first.slippage, first.overdue) == (6, 1)
    assert {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in tables} == tables
    assert con.execute("SELECT count(*) FROM slippages").fetchone()[0] == first.slippage + first.overdue


def test_one_organisation_across_papers_with_all_its_names(con):
    refresh_cross_paper(con)
    rows = con.execute("SELECT name, aliases, docs FROM org_entities").fetchall()
    [ccg] = [r for r in rows if "NHS Kingsmere CCG" in [r[0], *r[1]]]
    assert {"NHS Kingsmere CCG", "NHS Kingsmere Clinical Commissioning Group"} <= {ccg[0], *ccg[1]}
    assert len(ccg[2]) == 2
    # a merged body and the bodies it replaces stay apart
    names = [r[0] for r in rows]
    assert "Ashdown CCG" in names and "Ashdown CCGs" in names


def test_slippage_by_organisation(con):
    refresh_cross_paper(con)
    ashdown = warehouse.slippage(con, org="Ashdown CCG")
    assert ashdown and all(r["org"] == "Ashdown CCG" for r in ashdown)
    assert warehouse.slippage(con, org="NHS Kingsmere Clinical Commissioning Group") == \
        warehouse.slippage(con, org="NHS Kingsmere CCG")
    assert warehouse.slippage(con, org="No Such Body") == []


def test_graph_has_kinds_and_cross_paper_edges(con, tmp_path):
    refresh_cross_paper(con)
    graph = load_graph(con)
    kinds = {a["kind"] for _, a in graph.nodes(data=True)}
    assert {"organisation", "paper", "milestone", "commitment"} <= kinds
    relations = {a["relation"] for *_, a in graph.edges(data=True)}
    assert {"stated_in", "responsible_for", "actor", "restates", "slipped_to", "depends_on",
            "commissions", "member_of", "replaces"} <= relations
    found = find_nodes(graph, "Multispecialty Community Provider will", ("milestone",))
    assert sorted(graph.nodes[n]["doc"] for n in found) == ["kingsmere-hwb-mcp-2018", "kingsmere-hwb-mcp-update-2019"]


def test_graphml_export_loads_in_networkx_with_organisations_and_relations(con, tmp_path):
    refresh_cross_paper(con)
    graph = load_graph(con)
    back = nx.read_graphml(write_graph(graph, tmp_path / "g.graphml", "graphml"))
    assert (back.number_of_nodes(), back.number_of_edges()) == (graph.number_of_nodes(), graph.number_of_edges())
    orgs = {n: a["label"] for n, a in back.nodes(data=True) if a["kind"] == "organisation"}
    commissions = [(orgs.get(u), orgs.get(v)) for u, v, a in back.edges(data=True) if a["relation"] == "commissions"]
    assert commissions == [("NHS Kingsmere Clinical Commissioning Group", "Kingsmere Community Health NHS Trust")]
    data = json.loads(write_graph(graph, tmp_path / "g.json", "json").read_text())
    assert len(data["nodes"]) == graph.number_of_nodes()


def test_dependencies_are_followed_transitively(con):
    refresh_cross_paper(con)
    graph = load_graph(con)
    [transfer] = find_nodes(graph, "Transfer of community nursing staff", ("activity",))
    chain = [(graph.nodes[n]["label"], steps) for n, steps in dependencies(graph, transfer)]
    assert chain[0][1] == 1 and "Multispecialty Community Provider will start" in chain[0][0]
    assert chain[1] == ("approval of the final business case", 2)


def test_impact_of_a_slipped_milestone_reaches_what_waits_on_it(con):
    refresh_cross_paper(con)
    graph = load_graph(con)
    [mcp] = [n for n in find_nodes(graph, "Multispecialty Community Provider will", ("milestone",))
             if graph.nodes[n]["doc"] == "kingsmere-hwb-mcp-2018"]
    downstream = {graph.nodes[n]["label"]: steps for n, steps in impact(graph, mcp)}
    assert downstream["Transfer of community nursing staff"] == 1
    assert downstream["The Kingsmere Multispecialty Community Provider will now start to operate"] == 1
    assert downstream["NHS Kingsmere Clinical Commissioning Group"] == 2


def test_organisation_view_lists_its_records_and_counterparties(con):
    refresh_cross_paper(con)
    graph = load_graph(con)
    [ccg] = find_nodes(graph, "NHS Kingsmere Clinical Commissioning Group", ("organisation",))
    view = organisation_view(graph, ccg)
    assert len(view["milestones"]) == 8
    assert [(r, d, graph.nodes[o]["label"]) for r, d, o in view["counterparties"]] == \
        [("commissions", "out", "Kingsmere Community Health NHS Trust")]
    [early] = [n for n, a in graph.nodes(data=True) if a["kind"] == "milestone"
               and a["quote"].startswith("The merged Ashdown CCG will be established")]
    assert [graph.nodes[n]["quote"] for n, _ in impact(graph, early) if graph.nodes[n]["kind"] == "milestone"] == [
        "Establishment of the merged Ashdown CCG has been deferred to April 2021."]


def _org(doc: str, name: str, aliases=(), org_type="other") -> dict:
    return {"doc_id": doc, "doc": doc, "name": name, "aliases": list(aliases), "org_type": org_type}


def test_organisations_resolve_by_folded_name_and_distinctive_alias_only():
    orgs = [_org("a", "London Borough of Exampleton", org_type="council"),
            _org("b", "Exampleton Council", ["LBE"], org_type="council"),
            _org("a", "NHS England", ["NHSE"], org_type="nhs_england"),
            _org("c", "NHSE", org_type="nhs_england"),
            _org("a", "Health and Wellbeing Board", ["the Board"], org_type="board"),
            _org("b", "Health and Wellbeing Board", org_type="board"),
            _org("b", "Exampleton Healthcare NHS Trust", ["the Trust"], org_type="nhs_trust"),
            _org("c", "Ferndale NHS Trust", ["the Trust"], org_type="nhs_trust")]
    entities, entity_of = resolve_organisations(orgs)
    by_name = {e["name"]: e for e in entities}
    assert entity_of[("a", "London Borough of Exampleton")] == entity_of[("b", "Exampleton Council")]
    assert entity_of[("a", "NHS England")] == entity_of[("c", "NHSE")]
    assert by_name["NHS England"]["aliases"] == ["NHSE"] and by_name["NHS England"]["docs"] == ["a", "c"]
    # a generic name means each paper's own board; a generic alias joins nothing
    assert entity_of[("a", "Health and Wellbeing Board")] != entity_of[("b", "Health and Wellbeing Board")]
    assert entity_of[("b", "Exampleton Healthcare NHS Trust")] != entity_of[("c", "Ferndale NHS Trust")]
    assert len(entities) == 6
    # ids do not depend on the order papers arrive in
    again, _ = resolve_organisations(list(reversed(orgs)))
    assert sorted(e["entity_id"] for e in again) == sorted(e["entity_id"] for e in entities)


def test_a_series_links_each_restatement_to_the_one_before():
    from datetime import date

    def ms(mid, doc, day, end):
        return {"id": mid, "doc_id": doc, "doc": doc, "doc_date": day, "description": "The new frailty unit will open",
                "entity_id": "e1", "date_end": end, "status": "planned"}

    series = [ms("m1", "p1", "2018-01", date(2018, 6, 30)), ms("m2", "p2", "2018-07", date(2018, 12, 31)),
              ms("m3", "p3", "2019-01", date(2018, 12, 31))]
    links = link_milestones(series)
    assert {(l["earlier_id"], l["later_id"]) for l in links} == {("m1", "m2"), ("m2", "m3")}
    assert {l["series_id"] for l in links} == {"m1"}
    from pipeline.crosspaper import find_slippage
    assert [(s["earlier_id"], s["later_id"], s["slip_days"]) for s in find_slippage(series, links)] == [("m1", "m2", 184)]


def test_a_new_version_of_a_paper_replaces_its_slippage(tmp_path, extractions):
    from pipeline.extract import extract_paper
    from tests.paperpairs import KINGSMERE_2019
    from tests.textpaper import paper

    con = warehouse.connect(tmp_path / "w.duckdb")
    run = warehouse.start_run(con)
    for extraction in extractions:
        warehouse.load_paper(con, extraction, run)
    refresh_cross_paper(con)
    blocks = [b.replace("April 2021", "April 2022") if isinstance(b, str) else b for b in KINGSMERE_2019["blocks"]]
    parsed, _ = paper(*blocks, cover=KINGSMERE_2019["cover"], name=f"{KINGSMERE_2019['name']}.pdf")
    warehouse.load_paper(con, extract_paper(parsed.model_copy(update={"sha256": "f" * 64})), run)
    summary = refresh_cross_paper(con)
    assert (summary.slippage, summary.new_slippage) == (6, 1)
    mcp = [r for r in warehouse.slippage(con) if "Multispecialty" in r["description"]]
    assert [(r["later"]["date_text"], r["slip_days"]) for r in mcp] == [("from April 2022", 730)]
    assert con.execute("SELECT count(*) FROM slippages").fetchone()[0] == 7


def test_papers_of_different_areas_are_not_compared():
    """The same words about two places' hubs: papers that share only NHS England are not linked."""
    from datetime import date

    orgs = [_org("p1", "NHS England", org_type="nhs_england"), _org("p2", "NHS England", org_type="nhs_england"),
            _org("p1", "Kingsmere Borough Council", org_type="council"),
            _org("p2", "Ferndale Borough Council", org_type="council")]
    _, entity_of = resolve_organisations(orgs)
    milestones = [{"id": f"m{i}", "doc_id": doc, "doc": doc, "doc_date": day, "entity_id": None,
                   "description": "The urgent care hub will open", "date_end": date(2019, 1, 31), "status": "planned"}
                  for i, (doc, day) in enumerate([("p1", "2018-06"), ("p2", "2019-02")])]
    assert link_milestones(milestones, bodies=bodies_of(orgs, entity_of)) == []
    assert len(link_milestones(milestones)) == 1


def test_a_span_counted_from_each_papers_own_date_is_no_slip_nor_overdue_nor_a_citation():
    from datetime import date

    from pipeline.crosspaper import find_overdue, find_slippage

    def ms(mid, doc, day, end, text):
        return {"id": mid, "doc_id": doc, "doc": doc, "doc_date": day, "entity_id": "e1", "status": "planned",
                "description": "Directorate teams will deliver their priority actions", "date_end": end,
                "date_text": text}

    relative = [ms("m1", "p1", "2024-07", date(2027, 7, 1), "over the next one to three years"),
                ms("m2", "p2", "2025-01", date(2028, 1, 30), "over the next one to three years")]
    assert find_slippage(relative, link_milestones(relative)) == []
    stated = [ms("m1", "p1", "2024-07", date(2025, 3, 31), "by March 2025"),
              ms("m2", "p2", "2025-01", date(2025, 9, 30), "by September 2025")]
    assert [s["slip_days"] for s in find_slippage(stated, link_milestones(stated))] == [183]
    papers = [{"doc_id": "p1", "doc": "p1", "date": "2019-01-10"}, {"doc_id": "p2", "doc": "p2", "date": "2020-06-01"}]
    hub = {"entity_id": "e1", "status": "planned", "description": "The urgent care hub will open"}
    soon = [ms("m1", "p1", "2019-01-10", date(2019, 7, 10), "within six months"),
            ms("m2", "p1", "2019-01-10", date(2019, 7, 31), "by July 2019") | {"description": "The carers' strategy will be published"},
            {**ms("m3", "p1", "2019-01-10", date(2019, 3, 31), "in March 2019"), **hub},
            {**ms("m4", "p2", "2020-06-01", date(2020, 9, 30), "in September 2020"), **hub}]
    # a citation's date ('the guidance of November 2018'), and a date already past when written
    cited = [ms("m5", "p1", "2019-01-10", date(2018, 11, 30), "November 2018") | {"status": "unknown"},
             ms("m6", "p1", "2019-01-10", date(2018, 12, 31), "in December 2018")]
    links = link_milestones(soon + cited)
    assert [s["earlier_id"] for s in find_overdue(soon + cited, papers, {"p2": {"e1"}}, links)] == ["m2"]
    # a later paper of the body that restates none of the paper's milestones is no update of it
    assert find_overdue(soon[:3], papers, {"p2": {"e1"}}, link_milestones(soon[:3])) == []


def test_a_dependency_joins_events_of_its_own_paper_when_two_papers_share_a_file_name():
    """Two councils' agenda packs are both "agenda.pdf": a dependency in one is not joined to
    a milestone of the other, and the graph put together from its parts (one per paper) is the
    graph built whole."""
    from pipeline.graph import build_graph_rows
    from pipeline.graphparts import whole_graph

    def row(doc_id, record_id, quote, **fields):
        return {"id": record_id, "doc_id": doc_id, "doc": "agenda", "doc_title": None, "page": 3,
                "quote": quote, **fields}

    milestone = "The new reablement service will go live in June 2025."
    documents = [{"doc_id": d, "doc": "agenda", "title": None, "date": "2025-01", "committee": "HWB"}
                 for d in ("a" * 64, "b" * 64)]
    records = {
        "milestone": [row("b" * 64, "m1", milestone, description="reablement service go-live", date_text="June 2025",
                          date_start="2025-06-01", date_end="2025-06-30", status="planned", org=None)],
        "commitment": [], "decision": [],
        "relation": [row("a" * 64, "r1", "Discharge to assess depends on the new reablement service going live.",
                         source="Discharge to assess", relation="depends_on",
                         target="the new reablement service will go live")],
    }
    nodes, edges = build_graph_rows(entities=[], entity_of={}, documents=documents, links=[], slippages=[],
                                    **{f"{kind}s": rows for kind, rows in records.items()})
    [dependency] = [e for e in edges if e["relation"] == "depends_on"]
    assert dependency["target"] != "milestone:m1"
    parts_nodes, parts_edges, _ = whole_graph([], {}, documents, records, [], [])
    assert sorted(n["node_id"] for n in parts_nodes) == sorted(n["node_id"] for n in nodes)
    assert sorted(map(str, parts_edges)) == sorted(map(str, edges))
