"""The graph (pipeline/graph.py build_graph_rows) built in parts, so that a night rebuilds only
its papers' part: the bodies' nodes; each paper's own nodes and edges (its paper node, its
records, the relations between their ends), which depend on that paper and the ids of the
bodies it names alone; and the series edges (restates, slipped_to) of the links and slips.
Put together, body nodes first (a body's node wins over a paper's node of the same id, as in
build_graph_rows), they are the graph build_graph_rows makes of everything at once."""
from __future__ import annotations

from collections import defaultdict

from pipeline.graph import build_graph_rows

NOTHING = dict(entities=[], entity_of={}, documents=[], milestones=[], commitments=[], decisions=[],
               relations=[], links=[], slippages=[])


def body_nodes(entities: list[dict]) -> list[dict]:
    return build_graph_rows(**{**NOTHING, "entities": entities})[0]


def paper_parts(documents: list[dict], entity_of: dict[tuple[str, str], str],
                records: dict[str, list[dict]]) -> tuple[list[dict], list[dict], list[dict]]:
    """Each paper's nodes and edges, and what it owns (doc_id, owned: its nodes' ids and its
    relations' record ids, which its edges carry); `records` are the papers' current rows by
    kind (milestone, commitment, decision, relation)."""
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for kind, rows in records.items():
        for row in rows:
            by_doc[row["doc_id"]][kind].append(row)
    nodes, edges, owners = [], [], []
    for doc in documents:
        mine = by_doc[doc["doc_id"]]
        doc_nodes, doc_edges = build_graph_rows(
            **{**NOTHING, "entity_of": entity_of, "documents": [doc], "milestones": mine["milestone"],
               "commitments": mine["commitment"], "decisions": mine["decision"], "relations": mine["relation"]})
        nodes += doc_nodes
        edges += doc_edges
        owners += [{"doc_id": doc["doc_id"], "owned": n["node_id"]} for n in doc_nodes]
        owners += [{"doc_id": doc["doc_id"], "owned": r["id"]} for r in mine["relation"]]
    return nodes, edges, owners


def series_edges(links: list[dict], slipped: list[dict]) -> list[dict]:
    return build_graph_rows(**{**NOTHING, "links": links, "slippages": slipped})[1]


def whole_graph(entities, entity_of, documents, records, links, slipped) -> tuple[list[dict], list[dict], list[dict]]:
    """Nodes, edges and owners of the whole graph, put together from its parts."""
    bodies = body_nodes(entities)
    taken = {n["node_id"] for n in bodies}
    nodes, edges, owners = paper_parts(documents, entity_of, records)
    return (bodies + [n for n in nodes if n["node_id"] not in taken], edges + series_edges(links, slipped),
            [o for o in owners if o["owned"] not in taken])
