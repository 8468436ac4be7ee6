"""The cross-paper tables brought up to date for the papers loaded, replaced or withdrawn since
the last refresh, at a cost that grows with those papers rather than with the warehouse.

Everything the full recompute derives is local to something small, and this module recomputes
exactly those pieces, with the full recompute's own functions (pipeline/crosspaper.py):
- an organisation entity is a connected component of names joined on their keys: the night's
  names can only join the entities sharing one of their keys (found in the warehouse), and a
  withdrawn paper can only split the entities it named; those entities are resolved again from
  their members. An entity whose members stay together keeps its links even if its id changes
  (links compare bodies for equality only); one merged or split sends its papers to be matched
  again.
- a pair of papers' matches depend on the two papers alone (match_papers), so the night's
  papers are matched against their candidates only: the papers naming a local body in common
  and sharing a blocking key (warehouse/linkstate.py candidate_papers; blocking_keys says why
  the block is complete);
- which matches stay links (consecutive) and their series (with_series) depend only on the
  matches connected to them, so the components of matches the night touched are redone;
- a slip depends on its link; whether a milestone is overdue on its paper's links to later
  papers, so the papers at either end of a changed link are redone.
The graph is kept in parts (pipeline/graphparts.py): the night's papers' part, the nodes of
the bodies resolved again and the series edges of the changed links and slips are replaced.
"""
from __future__ import annotations

import warehouse
from pipeline.crosspaper import (LOCAL_TYPES, CrossPaperSummary, alias_keys, bodies_of, blocking_keys, consecutive,
                                 find_overdue, find_slippage, mark_bodies, match_papers, name_key,
                                 org_key_rows, paper_day, paper_rank, papers_of, resolve_organisations,
                                 with_series)
from pipeline.graphparts import body_nodes, paper_parts, series_edges
from warehouse import linkstate
from warehouse.crosspaper import entity_member_rows
from warehouse.store import transaction


def refresh_night(con) -> CrossPaperSummary:
    """Update the cross-paper tables for the papers whose fingerprint changed since the last
    refresh (new ones, new versions, papers no longer current); store it all in one transaction."""
    now, before = linkstate.fingerprints(con), linkstate.stored_fingerprints(con)
    new = sorted(d for d, f in now.items() if before.get(d) != f)
    gone = sorted(d for d, f in before.items() if now.get(d) != f)
    if not new and not gone:
        return CrossPaperSummary(**linkstate.counts(con), new_slippage=0, new_overdue=0)
    with transaction(con):
        gone_entities = set(linkstate.entity_names(con, doc_ids=gone).values())
        dropped = linkstate.drop_papers(con, gone)
        touched_entities, entities, unsettled = _resolve_night(con, new, gone_entities)
        night = _papers(con, new)
        linkstate.add_papers(
            con, [{"doc_id": d, "fingerprint": now[d]} for d in new],
            [{"id": m["id"], "doc_id": m["doc_id"]} for m in night["milestones"]],
            [{"doc_id": d, "kind": kind, "key": key} for d, ms in papers_of(night["milestones"]).items()
             for kind, key in sorted(blocking_keys(ms))],
            org_key_rows(night["orgs"]))
        dirty = sorted(set(new) | unsettled)
        linkstate.drop_graph_parts(con, sorted(set(gone) | set(dirty)))
        linkstate.replace_body_nodes(con, touched_entities, body_nodes(entities))
        linkstate.add_graph_parts(con, *_paper_parts(con, dirty))
        removed = dropped["matches"] + linkstate.drop_matches(con, dirty)
        added = _match_night(con, dirty)
        linkstate.add_matches(con, added)
        touched = set(dropped["milestones"]) | {i for m in removed + added for i in (m["earlier_id"], m["later_id"])}
        changed = _relink(con, sorted(touched))
        new_slips, slipped = _slips(con, changed)
        linkstate.replace_series_edges(con, sorted(changed["milestones"]), series_edges(changed["links"], slipped))
        redo = (set(dirty) | linkstate.papers_of_milestones(con, sorted(changed["milestones"]))) - set(gone)
        new_overdue = _overdue(con, sorted(redo), dropped["milestones"])
    counts = linkstate.counts(con)
    return CrossPaperSummary(**counts, new_slippage=new_slips, new_overdue=new_overdue)


def _resolve_night(con, new: list[str], gone_entities: set[str]) -> tuple[list[str], list[dict], set[str]]:
    """Resolve the entities the night's organisations may join and those a withdrawn paper named
    again from their members; store them. Returns the ids resolved again, the entities they are
    now, and the papers of entities merged or split."""
    night_orgs = warehouse.current_rows(con, "organisation", new)
    joined = linkstate.entities_sharing_keys(con, sorted({name_key(o) for o in night_orgs}),
                                             sorted({k for o in night_orgs for k in alias_keys(o)}))
    touched = sorted(gone_entities | joined)
    old_of = linkstate.entity_names(con, entity_ids=touched)
    members = sorted(entity_member_rows(con, touched) + night_orgs, key=lambda o: (o["doc"], o["id"]))
    entities, entity_of = resolve_organisations(members)
    new_of_old: dict[str, set[str]] = {}
    old_of_new: dict[str, set[str]] = {}
    for key, old in old_of.items():
        new_of_old.setdefault(old, set()).add(entity_of[key])
        old_of_new.setdefault(entity_of[key], set()).add(old)
    settled = {old for old, news in new_of_old.items() if len(news) == 1 and old_of_new[next(iter(news))] == {old}}
    names = [{"doc_id": d, "name": n, "entity_id": e} for (d, n), e in sorted(entity_of.items())]
    linkstate.replace_entities(con, touched, entities, names)
    linkstate.rename_entities(con, {old: next(iter(new_of_old[old])) for old in settled
                                    if next(iter(new_of_old[old])) != old})
    return touched, entities, {d for (d, _), old in old_of.items() if old not in settled}


def _papers(con, doc_ids: list[str]) -> dict[str, list[dict]]:
    """The papers' organisations and milestones, bodies marked as the full recompute marks them."""
    orgs = warehouse.current_rows(con, "organisation", doc_ids)
    milestones = warehouse.current_rows(con, "milestone", doc_ids)
    entity_of = linkstate.entity_names(con, doc_ids=doc_ids)
    mark_bodies(milestones, orgs, entity_of)
    return {"orgs": orgs, "milestones": milestones, "entity_of": entity_of}


def _match_night(con, dirty: list[str]) -> list[dict]:
    """The matches of each dirty paper with its candidates (and with each other)."""
    pairs = sorted({tuple(sorted(pair)) for pair in linkstate.candidate_papers(con, dirty, sorted(LOCAL_TYPES))})
    involved = sorted({d for pair in pairs for d in pair})
    by_doc = papers_of(_papers(con, involved)["milestones"])
    matches = []
    for a, b in pairs:
        if a in by_doc and b in by_doc:
            earlier, later = sorted((a, b), key=lambda d: paper_rank(by_doc[d][0]))
            matches += match_papers(by_doc[earlier], by_doc[later])
    return matches


def _relink(con, touched: list[str]) -> dict:
    """Links and series of the components of matches touching the milestones, stored; returns
    those milestones, the links removed and the links now stored."""
    component = linkstate.match_components(con, touched)
    milestones = set(touched) | {i for m in component for i in (m["earlier_id"], m["later_id"])}
    docs = sorted({d for m in component for d in (m["earlier_doc_id"], m["later_doc_id"])})
    day = {d["doc_id"]: paper_day(d["date"]) for d in warehouse.current_documents(con, docs)}
    rank = {m[f"{end}_id"]: (day[m[f"{end}_doc_id"]], m[f"{end}_doc_id"])
            for m in component for end in ("earlier", "later")}
    links = with_series(consecutive(component), rank)
    removed = linkstate.replace_links(con, sorted(milestones), links)
    return {"milestones": milestones, "removed": removed, "links": links, "docs": docs}


def _slips(con, changed: dict) -> tuple[int, list[dict]]:
    """The slips of the changed links, stored; returns how many are new, and the slips."""
    milestones = _papers(con, changed["docs"])["milestones"]
    slipped = find_slippage(milestones, changed["links"])
    return linkstate.replace_slips(con, "slipped", sorted(changed["milestones"]), slipped), slipped


def _overdue(con, redo: list[str], gone_milestones: list[str]) -> int:
    """Overdue milestones of the papers, judged on their links to later papers; stored."""
    links = linkstate.links_from(con, redo)
    involved = sorted(set(redo) | {link["later_doc_id"] for link in links})
    papers = _papers(con, involved)
    documents = warehouse.current_documents(con, involved)
    mine = [m for m in papers["milestones"] if m["doc_id"] in set(redo)]
    late = [o for o in find_overdue(papers["milestones"], documents, bodies_of(papers["orgs"], papers["entity_of"]),
                                    links) if o["earlier_id"] in {m["id"] for m in mine}]
    return linkstate.replace_slips(con, "overdue", sorted({m["id"] for m in mine} | set(gone_milestones)), late)


def _paper_parts(con, doc_ids: list[str]) -> tuple[list[dict], list[dict], list[dict]]:
    """The papers' part of the graph (pipeline/graphparts.py paper_parts)."""
    records = {kind: warehouse.current_rows(con, kind, doc_ids) for kind in ("milestone", "commitment", "decision",
                                                                              "relation")}
    return paper_parts(warehouse.current_documents(con, doc_ids), linkstate.entity_names(con, doc_ids=doc_ids),
                       records)
