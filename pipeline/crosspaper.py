"""What only shows across papers: one organisation under its many names, the same milestone
restated paper after paper, the dates that moved, and the graph tying them together.

`refresh_cross_paper(con)` recomputes all of it from the warehouse's current records and
stores it; running it twice changes nothing. Flows call it after their loads.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

import warehouse
from extractors.organisations import GENERIC_WORDS, _key
from pipeline.graph import build_graph_rows

LINK_THRESHOLD = 65.0
"""Least similarity (0-100) for two milestones of different papers to be one milestone
restated; measured on tests/test_crosspaper.py's pairs (precision and recall in README)."""

STOPWORDS = frozenset("""a an the and or of to in on for by from with at as is are be been being will
shall would should could may can its their our we this that these those which who it has have had
than then into under over per all any each new also not no now still currently expected due
planned moved deferred delayed postponed revised rescheduled""".split())
DATE_WORDS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|winter|quarter|q[1-4]|"
    r"early|mid|late|end|start|beginning|year|month|by|from|until|before|after|during)\b|\d+(?:st|nd|rd|th)?")


@dataclass
class CrossPaperSummary:
    organisations: int
    milestone_links: int
    slippage: int
    overdue: int
    new_slippage: int
    new_overdue: int
    nodes: int
    edges: int


def refresh_cross_paper(con) -> CrossPaperSummary:
    """Recompute organisation entities, milestone series, slippage and the graph, and store them."""
    orgs = warehouse.current_rows(con, "organisation")
    entities, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    documents = warehouse.current_documents(con)
    for m in milestones:
        m["entity_id"] = entity_of.get((m["doc_id"], m["org"])) if m["org"] else None
    bodies = bodies_of(orgs, entity_of)
    links = link_milestones(milestones, bodies=bodies)
    slipped = find_slippage(milestones, links)
    late = find_overdue(milestones, documents, bodies)
    nodes, edges = build_graph_rows(
        entities=entities, entity_of=entity_of, documents=documents, milestones=milestones,
        commitments=warehouse.current_rows(con, "commitment"),
        decisions=warehouse.current_rows(con, "decision"),
        relations=warehouse.current_rows(con, "relation"), links=links, slippages=slipped)
    names = [{"doc_id": doc_id, "name": name, "entity_id": entity_id}
             for (doc_id, name), entity_id in sorted(entity_of.items())]
    new = warehouse.store_cross_paper(con, entities=entities, names=names, links=links,
                                      slippages=slipped + late, nodes=nodes, edges=edges)
    return CrossPaperSummary(organisations=len(entities), milestone_links=len(links),
                             slippage=len(slipped), overdue=len(late), new_slippage=new["slipped"],
                             new_overdue=new["overdue"],
                             nodes=len(nodes), edges=len(edges))


# --- organisations -------------------------------------------------------------------------

def _distinctive(form: str) -> bool:
    """'NHSE' or 'Exampleton CCG' name one body wherever they appear; 'the CCG', 'Health and
    Wellbeing Boards' or 'Local Authority' mean whichever body the paper is about."""
    return any(w.lower() not in GENERIC_WORDS for w in re.findall(r"[\w']+", form))


def entity_key(scope: str, key: str) -> str:
    """An organisation entity's id: its smallest folded name (and, for a generic name, its
    paper), so it stays the same across refreshes while no new name joins the body."""
    return hashlib.sha1(f"organisation|{scope}|{key}".encode()).hexdigest()[:16]


def resolve_organisations(orgs: list[dict]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Group each paper's organisations into bodies across papers.

    Two papers' organisations are one body when their names agree once wording is folded
    ("NHS Exampleton Clinical Commissioning Group" and "Exampleton CCG"), or when one's name is a
    distinctive alias of the other ("NHSE"). Generic names stay with their own paper.
    Returns the entities and a map (doc_id, per-paper name) -> entity_id.
    """
    parent = list(range(len(orgs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name: dict[str, list[int]] = defaultdict(list)
    for i, org in enumerate(orgs):
        key = _key(org["name"]) if _distinctive(org["name"]) else f"{org['doc_id']}|{_key(org['name'])}"
        by_name[key].append(i)
    for members in by_name.values():
        for i in members[1:]:
            parent[find(i)] = find(members[0])
    for i, org in enumerate(orgs):
        for alias in org["aliases"]:
            if _distinctive(alias) and _key(alias) in by_name:
                parent[find(i)] = find(by_name[_key(alias)][0])

    groups: dict[int, list[dict]] = defaultdict(list)
    for i, org in enumerate(orgs):
        groups[find(i)].append(org)
    entities, entity_of = [], {}
    for members in groups.values():
        names = Counter(m["name"] for m in members)
        name = max(names, key=lambda n: (names[n], len(n), n))
        scope = "" if _distinctive(name) else members[0]["doc_id"]
        entity_id = entity_key(scope, min(_key(m["name"]) for m in members))
        aliases = sorted({n for m in members for n in [m["name"], *m["aliases"]]} - {name})
        types = Counter(m["org_type"] for m in members)
        entities.append({"entity_id": entity_id, "name": name, "org_type": types.most_common(1)[0][0],
                         "aliases": aliases, "docs": sorted({m["doc"] for m in members})})
        for m in members:
            entity_of[(m["doc_id"], m["name"])] = entity_id
    entities.sort(key=lambda e: e["name"])
    return entities, entity_of


# --- milestone series ----------------------------------------------------------------------

def paper_day(iso: str | None) -> date | None:
    """A paper's date as a day: '2019-07-15', '2018-09' (its first day), '2016' (1 January)."""
    if not iso:
        return None
    parts = [int(p) for p in str(iso).split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def milestone_words(text: str) -> str:
    """A description reduced to the words that say what happens: lower case, no dates,
    numbers or function words."""
    text = DATE_WORDS.sub(" ", str(text or "").lower().replace("’", "'"))
    return " ".join(w for w in re.findall(r"[a-z][a-z']+", text) if w not in STOPWORDS)


def similarity(a: dict, b: dict) -> float:
    """0-100: token-set ratio of the two descriptions' content words; bodies that are known
    and differ rule a pair out."""
    if a.get("entity_id") and b.get("entity_id") and a["entity_id"] != b["entity_id"]:
        return 0.0
    wa, wb = _words_of(a), _words_of(b)
    if not wa or not wb:
        return 0.0
    return float(fuzz.token_set_ratio(wa, wb))


def _words_of(milestone: dict) -> str:
    """milestone_words of the description, worked out once per milestone."""
    if "_words" not in milestone:
        milestone["_words"] = milestone_words(milestone["description"])
    return milestone["_words"]


LOCAL_TYPES = {"ccg", "council", "nhs_trust", "board", "voluntary", "company"}
"""Bodies of one area: two papers naming one are papers of the same area (NHS England or a
regulator, named by papers everywhere, says nothing of the kind)."""


def bodies_of(orgs: list[dict], entity_of: dict[tuple[str, str], str]) -> dict[str, set[str]]:
    """doc_id -> the local organisation entities the paper names."""
    out: dict[str, set[str]] = defaultdict(set)
    for org in orgs:
        if org["org_type"] in LOCAL_TYPES:
            out[org["doc_id"]].add(entity_of[(org["doc_id"], org["name"])])
    return out


def link_milestones(milestones: list[dict], threshold: float = LINK_THRESHOLD,
                    bodies: dict[str, set[str]] | None = None) -> list[dict]:
    """Link each milestone to its restatement in each later paper: per pair of papers, the most
    similar pairs first, each milestone used once. With `bodies`, only papers naming a body in
    common are compared (papers of unrelated areas never restate each other's milestones).
    Returns links with a series id (the id of the series' earliest milestone)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in milestones:
        if paper_day(m["doc_date"]):
            by_doc[m["doc_id"]].append(m)
    docs = sorted(by_doc, key=lambda d: (paper_day(by_doc[d][0]["doc_date"]), d))
    links = []
    for i, earlier_doc in enumerate(docs):
        for later_doc in docs[i + 1:]:
            if paper_day(by_doc[later_doc][0]["doc_date"]) <= paper_day(by_doc[earlier_doc][0]["doc_date"]):
                continue
            if bodies is not None and not bodies.get(earlier_doc, set()) & bodies.get(later_doc, set()):
                continue
            scored = sorted(((similarity(a, b), a["id"], b["id"]) for a in by_doc[earlier_doc]
                             for b in by_doc[later_doc]), reverse=True)
            used_a, used_b = set(), set()
            for score, a, b in scored:
                if score < threshold:
                    break
                if a not in used_a and b not in used_b:
                    used_a.add(a), used_b.add(b)
                    links.append({"earlier_id": a, "later_id": b, "similarity": score})
    links = _consecutive(links)
    return _with_series(links)


def _consecutive(links: list[dict]) -> list[dict]:
    """A milestone restated in papers 2 and 3 links 1->2 and 2->3, not also 1->3."""
    later_of = defaultdict(set)
    for link in links:
        later_of[link["earlier_id"]].add(link["later_id"])
    out = []
    for link in links:
        via = later_of[link["earlier_id"]] - {link["later_id"]}
        if not any(link["later_id"] in later_of[m] for m in via):
            out.append(link)
    return out


def _with_series(links: list[dict]) -> list[dict]:
    first = {}
    earlier_of = {link["later_id"]: link["earlier_id"] for link in links}

    def root(mid: str) -> str:
        seen = set()
        while mid in earlier_of and mid not in seen:
            seen.add(mid)
            mid = earlier_of[mid]
        return mid

    for link in links:
        first[link["later_id"]] = root(link["earlier_id"])
    return [{**link, "series_id": first[link["later_id"]]} for link in links]


# --- slippage ------------------------------------------------------------------------------

# A date counted from the paper's own ('over the next three years', 'later this year', 'within
# six months'): restated in a later paper it moves with that paper's date, which is no slip.
RELATIVE_DATE = re.compile(r"\b(?:next|coming|following|within|this|current|last|later|time)\b", re.I)
STATED_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\b\d\d/\d\d\b")


def counted_from_the_paper(date_text: str | None) -> bool:
    return bool(date_text and RELATIVE_DATE.search(date_text) and not STATED_YEAR.search(date_text))


def find_slippage(milestones: list[dict], links: list[dict]) -> list[dict]:
    """A link whose later milestone ends later than the earlier one: the slip in days between
    the two intervals' ends ('from April 2020' -> 'from April 2021' is 365 days); dates counted
    from each paper's own date are no evidence of a slip. A slip is known by what it says, not
    by record ids (see _slip_key)."""
    by_id = {m["id"]: m for m in milestones}
    out = []
    for link in links:
        a, b = by_id[link["earlier_id"]], by_id[link["later_id"]]
        if counted_from_the_paper(a.get("date_text")) or counted_from_the_paper(b.get("date_text")):
            continue
        if a["date_end"] and b["date_end"] and b["date_end"] > a["date_end"]:
            out.append({"key": _slip_key("slipped", a, b["doc"], b["date_end"]), "kind": "slipped", "earlier_id": a["id"],
                        "later_id": b["id"], "later_doc_id": b["doc_id"],
                        "entity_id": a.get("entity_id") or b.get("entity_id"),
                        "slip_days": (b["date_end"] - a["date_end"]).days})
    return out


def _slip_key(kind: str, earlier: dict, later_doc: str, later_end) -> str:
    """The same milestone (paper name, words, date) moved to the same date by the same paper
    (by name): a new version of either paper saying the same is not a new slip."""
    parts = [kind, earlier["doc"], milestone_words(earlier["description"]), str(earlier["date_end"]),
             later_doc, str(later_end)]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def find_overdue(milestones: list[dict], documents: list[dict], bodies: dict[str, set[str]],
                 threshold: float = LINK_THRESHOLD) -> list[dict]:
    """Milestones not reported achieved whose date had passed by a later paper naming the same
    body, when no later paper of that body restates them (nothing similar enough). The first
    such paper is the evidence; days overdue are counted to its date."""
    dated = sorted(((paper_day(d["date"]), d["doc_id"]) for d in documents if paper_day(d["date"])))
    doc_names = {d["doc_id"]: d["doc"] for d in documents}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in milestones:
        by_doc[m["doc_id"]].append(m)
    out = []
    for m in milestones:
        if m["status"] == "achieved" or not m["date_end"] or not m.get("entity_id") \
                or not paper_day(m["doc_date"]) or counted_from_the_paper(m.get("date_text")):
            continue
        later = [(day, doc_id) for day, doc_id in dated if day > paper_day(m["doc_date"])
                 and doc_id != m["doc_id"] and m["entity_id"] in bodies.get(doc_id, set())]
        if any(similarity(m, other) >= threshold for _, doc_id in later for other in by_doc[doc_id]):
            continue
        evidence = next(((day, doc_id) for day, doc_id in later if day > m["date_end"]), None)
        if evidence:
            out.append({"key": _slip_key("overdue", m, doc_names[evidence[1]], None), "kind": "overdue", "earlier_id": m["id"],
                        "later_id": None, "later_doc_id": evidence[1], "entity_id": m["entity_id"],
                        "slip_days": (evidence[0] - m["date_end"]).days})
    return out
