"""The graph of organisations, papers, decisions, commitments and milestones, and the
questions asked of it: what does this wait on, what does this body do, what does a slip hit.

Nodes carry `kind` (organisation, paper, decision, commitment, milestone, or activity: a
function or event a relation names that no record of the paper describes, such as "mental
health commissioning" in "the CCG hosts mental health commissioning"). Edges carry
`relation`: the relations of ANNOTATION.md between bodies or events, plus actor (a body
commits or decides), responsible_for (a body delivers a milestone), stated_in (a record's
paper), restates (a later milestone restates an earlier one) and slipped_to (an earlier
milestone moved to a later date). The warehouse stores them (graph_nodes, graph_edges).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
from rapidfuzz import fuzz

import warehouse
from extractors.cues import short
from extractors.organisations import _key

EVENT_MATCH = 88.0
BODY_RELATIONS = {"commissions", "provides_to", "funds", "accountable_to", "reports_to", "member_of",
                  "partners_with", "replaces"}
"""Relations whose both ends are bodies; hosts has a body as its source only."""


def build_graph_rows(*, entities, entity_of, documents, milestones, commitments, decisions,
                     relations, links, slippages) -> tuple[list[dict], list[dict]]:
    """Nodes and edges (dicts with attrs) from the current records and cross-paper results."""
    nodes: dict[str, dict] = {}
    edges: list[dict] = []

    def node(node_id: str, kind: str, label: str, **attrs) -> str:
        nodes.setdefault(node_id, {"node_id": node_id, "kind": kind, "label": label,
                                   "attrs": {k: v for k, v in attrs.items() if v is not None}})
        return node_id

    def edge(source: str, target: str, relation: str, **attrs) -> None:
        edges.append({"source": source, "target": target, "relation": relation,
                      "attrs": {k: v for k, v in attrs.items() if v is not None}})

    for e in entities:
        node(f"org:{e['entity_id']}", "organisation", e["name"], org_type=e["org_type"],
             aliases=e["aliases"], docs=e["docs"])
    for d in documents:
        node(f"paper:{d['doc_id']}", "paper", d["doc"], title=d["title"], date=d["date"],
             committee=d["committee"])

    def org_node(doc_id: str, name: str | None) -> str | None:
        entity_id = entity_of.get((doc_id, name)) if name else None
        return f"org:{entity_id}" if entity_id else None

    def provenance(r: dict) -> dict:
        return {"doc": r["doc"], "title": r.get("doc_title"), "page": r["page"], "quote": r["quote"],
                "record_id": r["id"]}

    for m in milestones:
        mid = node(f"milestone:{m['id']}", "milestone", m["description"], date_text=m["date_text"],
                   date_start=m["date_start"], date_end=m["date_end"], status=m["status"],
                   **provenance(m))
        edge(mid, f"paper:{m['doc_id']}", "stated_in")
        owner = org_node(m["doc_id"], m["org"])
        if owner:
            edge(owner, mid, "responsible_for", doc=m["doc"])
    for c in commitments:
        cid = node(f"commitment:{c['id']}", "commitment", c["action"], modality=c["modality"],
                   due=c["due"], **provenance(c))
        edge(cid, f"paper:{c['doc_id']}", "stated_in")
        actor = org_node(c["doc_id"], c["actor"])
        if actor:
            edge(actor, cid, "actor", doc=c["doc"])
    for d in decisions:
        did = node(f"decision:{d['id']}", "decision", short(d["quote"], 12), decision_kind=d["kind"],
                   body=d["body"], date_text=d["date_text"], **provenance(d))
        edge(did, f"paper:{d['doc_id']}", "stated_in")
        body = org_node(d["doc_id"], d["body"])
        if body:
            edge(body, did, "actor", doc=d["doc"])

    events_of: dict[str, list[dict]] = {}       # by doc_id: two papers may share a file name
    for kind, rows in (("milestone", milestones), ("decision", decisions), ("commitment", commitments)):
        for r in rows:
            events_of.setdefault(r["doc_id"], []).append(nodes[f"{kind}:{r['id']}"])
    for r in relations:
        # only dependencies join events; other relations' labels name functions ("hosts
        # mental health commissioning"), which a sentence sharing their words is not
        events = events_of.get(r["doc_id"], []) if r["relation"] == "depends_on" else []
        own = [n for n in events if n["attrs"]["quote"] == r["quote"]]     # the relation's own sentence
        others = [n for n in events if n["attrs"]["quote"] != r["quote"]]
        ends = []
        for end, name, candidates in (("source", r["source"], own or others), ("target", r["target"], others)):
            ends.append(org_node(r["doc_id"], name) or _event_node(name, candidates)
                        or _unlisted(node, r, end, name))
        edge(ends[0], ends[1], r["relation"], **provenance(r))

    for link in links:
        edge(f"milestone:{link['later_id']}", f"milestone:{link['earlier_id']}", "restates",
             similarity=link["similarity"], series_id=link["series_id"])
    for s in slippages:
        edge(f"milestone:{s['earlier_id']}", f"milestone:{s['later_id']}", "slipped_to",
             slip_days=s["slip_days"])
    return list(nodes.values()), edges


def _unlisted(node, r: dict, end: str, name: str) -> str:
    """A relation's end that is neither a listed organisation nor an event: a body the relation
    extractor knows that the paper's organisation list lacks ("Local Authorities"), or an
    activity ("mental health commissioning")."""
    from pipeline.crosspaper import entity_key

    if r["relation"] in BODY_RELATIONS or (r["relation"] == "hosts" and end == "source"):
        entity_id = entity_key(r["doc_id"], _key(name))
        return node(f"org:{entity_id}", "organisation", name, org_type="other", aliases=[], docs=[r["doc"]])
    return node(f"activity:{r['doc_id'][:16]}:{_key(name)}", "activity", name, doc=r["doc"])


def _event_node(label: str, events: list[dict]) -> str | None:
    """The paper's milestone, decision or commitment whose sentence a relation's label comes
    from or clearly restates (token-set ratio of at least EVENT_MATCH against its quote)."""
    rank = {"milestone": 2, "decision": 1, "commitment": 0}      # a sentence's milestone first
    scored = [(fuzz.token_set_ratio(label.lower(), n["attrs"]["quote"].lower()), rank[n["kind"]], n["node_id"])
              for n in events]
    best = max(scored, default=None)
    return best[2] if best and best[0] >= EVENT_MATCH else None


# --- reading the graph back ----------------------------------------------------------------

def load_graph(con) -> nx.MultiDiGraph:
    """The stored graph as a networkx MultiDiGraph; node and edge attributes as stored, plus
    `kind`, `label` and `relation`."""
    graph = nx.MultiDiGraph()
    nodes, edges = warehouse.graph_rows(con)
    for n in nodes:
        graph.add_node(n["node_id"], kind=n["kind"], label=n["label"], **n["attrs"])
    for e in edges:
        graph.add_edge(e["source"], e["target"], relation=e["relation"], **e["attrs"])
    return graph


def write_graph(graph: nx.MultiDiGraph, path: str | Path, fmt: str) -> Path:
    """GraphML (lists and dicts as JSON text, as GraphML holds only scalars) or node-link JSON."""
    path = Path(path)
    if fmt == "graphml":
        flat = nx.MultiDiGraph()
        flat.add_nodes_from((n, _scalars(a)) for n, a in graph.nodes(data=True))
        flat.add_edges_from((u, v, k, _scalars(a)) for u, v, k, a in graph.edges(keys=True, data=True))
        nx.write_graphml(flat, path)
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {fmt!r}: graphml or json")
    return path


def _scalars(attrs: dict) -> dict:
    return {k: v if isinstance(v, (str, int, float, bool)) else json.dumps(v, default=str)
            for k, v in attrs.items() if v is not None}


def find_nodes(graph: nx.MultiDiGraph, text: str, kinds: tuple[str, ...]) -> list[str]:
    """Nodes whose label or alias is `text`, else whose label or quote contains it, else whose
    label is close to it; of the first of `kinds` that has any."""
    text_l = " ".join(text.lower().split())
    tests = [lambda a: any(s.lower() == text_l for s in [a["label"], *a.get("aliases", [])]),
             lambda a: any(text_l in " ".join(s.lower().split()) for s in [a["label"], a.get("quote", "")]),
             lambda a: fuzz.token_set_ratio(text_l, a["label"].lower()) >= 85]
    for test in tests:
        for kind in kinds:
            found = [n for n, a in graph.nodes(data=True) if a["kind"] == kind and test(a)]
            if found:
                return sorted(found, key=lambda n: (graph.nodes[n]["label"], n))
    return []


def _relation_view(graph: nx.MultiDiGraph, relations: set[str], reverse: bool = False) -> nx.DiGraph:
    view = nx.DiGraph()
    for u, v, a in graph.edges(data=True):
        if a["relation"] in relations:
            view.add_edge(*((v, u) if reverse else (u, v)))
    return view


def dependencies(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, int]]:
    """What `node` waits on, transitively, as (node, steps away), nearest first."""
    view = _relation_view(graph, {"depends_on"})
    if node not in view:
        return []
    lengths = nx.single_source_shortest_path_length(view, node)
    return sorted(((n, d) for n, d in lengths.items() if n != node), key=lambda x: (x[1], x[0]))


def impact(graph: nx.MultiDiGraph, node: str) -> list[tuple[str, int]]:
    """Everything downstream of a milestone: its later restatements, what depends on it or on
    them (transitively), and the bodies responsible for those; as (node, steps away)."""
    view = nx.DiGraph()
    for u, v, a in graph.edges(data=True):
        if a["relation"] in ("depends_on", "restates"):
            view.add_edge(v, u)    # what waits on v, and v's later restatement, are downstream of v
        elif a["relation"] == "slipped_to":
            view.add_edge(u, v)
    if node not in view:
        return []
    lengths = nx.single_source_shortest_path_length(view, node)
    found = {n: d for n, d in lengths.items() if n != node}
    for n, d in list(found.items()) + [(node, 0)]:
        for owner, _, a in graph.in_edges(n, data=True):
            if a["relation"] in ("responsible_for", "actor") and owner not in found and owner != node:
                found[owner] = d + 1
    return sorted(found.items(), key=lambda x: (x[1], x[0]))


def organisation_view(graph: nx.MultiDiGraph, node: str) -> dict[str, list]:
    """A body's commitments, milestones and decisions, its partners, and its other
    counterparties with the relation and its direction."""
    view = {"commitments": [], "milestones": [], "decisions": [], "partners": [], "counterparties": []}
    for _, target, a in graph.out_edges(node, data=True):
        kind = graph.nodes[target]["kind"]
        if a["relation"] in ("actor", "responsible_for") and kind in ("commitment", "milestone", "decision"):
            view[kind + "s"].append(target)
    for u, v, a in list(graph.out_edges(node, data=True)) + list(graph.in_edges(node, data=True)):
        other = v if u == node else u
        if a["relation"] == "partners_with":
            if other not in view["partners"]:
                view["partners"].append(other)
        elif a["relation"] not in ("actor", "responsible_for", "stated_in", "restates", "slipped_to"):
            entry = (a["relation"], "out" if u == node else "in", other)
            if entry not in view["counterparties"]:
                view["counterparties"].append(entry)
    return view


def describe(graph: nx.MultiDiGraph, node: str) -> str:
    """One line for a node: kind, label and where it is stated (its paper's title, else the
    paper's file name)."""
    a = graph.nodes[node]
    where = f"  [{a.get('title') or a['doc']} p.{a['page']}]" if "doc" in a and "page" in a else ""
    when = f" ({a['date_text']})" if a.get("date_text") else ""
    label = re.sub(r"\s+", " ", a["label"])
    return f"{a['kind']}: {label}{when}{where}"
