"""What only shows across papers: one organisation under its many names, the same milestone
restated paper after paper, the dates that moved, and the graph tying them together.

`refresh_cross_paper(con)` brings all of it up to date for the papers loaded since it last ran
(pipeline/nightlinks.py), or recomputes it from every current record the first time or with
`full=True`; both store the same rows, and running it twice changes nothing. Flows call it
after their loads.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import groupby

import warehouse
from warehouse import linkstate
from extractors.gazetteer import GENERIC
from extractors.organisations import GENERIC_WORDS, _key
from pipeline.graphparts import whole_graph
from pipeline.milestone_match import (acronyms_defined, cached_profile, expand_acronyms, match_score, profile,
                                      term_weights)

LINK_THRESHOLD = 50.0
"""Least similarity (0-100, pipeline/milestone_match.py) for two milestones of different papers
to be one milestone restated; measured on the written paper pairs of tests/paperpairs.py and
tests/paperpairs_restated.py (bench/milestone_linking.py; precision and recall in README)."""

# Words of a slip's identity (_slip_key): kept as they were, so a known slip keeps its key.
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


def refresh_cross_paper(con, full: bool = False) -> CrossPaperSummary:
    """Bring organisation entities, milestone series, slippage and the graph up to date: for the
    papers loaded or replaced since the last refresh (pipeline/nightlinks.py), or with `full`
    (or no refresh before) recomputed from every current record. Both store the same rows."""
    from pipeline import nightlinks

    if not full and linkstate.has_state(con):
        return nightlinks.refresh_night(con)
    return recompute_cross_paper(con)


def recompute_cross_paper(con) -> CrossPaperSummary:
    """Recompute organisation entities, milestone series, slippage and the graph from every
    current record, and store them with what the next night's refresh starts from."""
    orgs = warehouse.current_rows(con, "organisation")
    entities, entity_of = resolve_organisations(orgs)
    milestones = warehouse.current_rows(con, "milestone")
    documents = warehouse.current_documents(con)
    mark_bodies(milestones, orgs, entity_of)
    bodies = bodies_of(orgs, entity_of)
    matches = match_all(milestones, bodies)
    links = with_series(consecutive(matches), {m["id"]: paper_rank(m) for m in milestones if paper_day(m["doc_date"])})
    slipped = find_slippage(milestones, links)
    late = find_overdue(milestones, documents, bodies, links)
    records = {"milestone": milestones, **{kind: warehouse.current_rows(con, kind)
                                           for kind in ("commitment", "decision", "relation")}}
    nodes, edges, owners = whole_graph(entities, entity_of, documents, records, links, slipped)
    names = [{"doc_id": doc_id, "name": name, "entity_id": entity_id}
             for (doc_id, name), entity_id in sorted(entity_of.items())]
    fingerprints = linkstate.fingerprints(con)
    state = {"docs": [{"doc_id": d, "fingerprint": f} for d, f in sorted(fingerprints.items())],
             "milestones": [{"id": m["id"], "doc_id": m["doc_id"]} for m in milestones],
             "keys": [{"doc_id": doc_id, "kind": kind, "key": key} for doc_id, ms in papers_of(milestones).items()
                      for kind, key in sorted(blocking_keys(ms))],
             "org_keys": org_key_rows(orgs), "matches": matches, "owners": owners}
    new = warehouse.store_cross_paper(con, entities=entities, names=names, links=links,
                                      slippages=slipped + late, nodes=nodes, edges=edges, state=state)
    return CrossPaperSummary(organisations=len(entities), milestone_links=len(links),
                             slippage=len(slipped), overdue=len(late), new_slippage=new["slipped"],
                             new_overdue=new["overdue"],
                             nodes=len(nodes), edges=len(edges))


# --- organisations -------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)
def _distinctive(form: str) -> bool:
    """'NHSE' or 'Exampleton CCG' name one body wherever they appear; 'the CCG', 'Health and
    Wellbeing Boards' or 'Local Authority' mean whichever body the paper is about."""
    return any(w.lower() not in GENERIC_WORDS for w in re.findall(r"[\w']+", form))


def entity_key(scope: str, key: str) -> str:
    """An organisation entity's id: its smallest folded name (and, for a generic name, its
    paper), so it stays the same across refreshes while no new name joins the body."""
    return hashlib.sha1(f"organisation|{scope}|{key}".encode()).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)
def body_key(name: str) -> str:
    """The folded name (_key) that says which body across papers: a trust before and after it
    became a foundation trust ('Delford Hospitals NHS Trust', '... NHS Foundation Trust', whose
    folded name ends in 'ft') is one."""
    return re.sub(r"\b(?:(?:nhs )?(?:foundation )?trust|ft)$", "trust", folded(name))


def name_key(org: dict) -> str:
    """What two organisations' names must share to be one body: the folded name, or for a
    generic name the folded name in its own paper."""
    return body_key(org["name"]) if _distinctive(org["name"]) else f"{org['doc_id']}|{folded(org['name'])}"


@lru_cache(maxsize=1 << 16)
def folded(name: str) -> str:
    """_key, remembered: a national body's name comes back in thousands of papers."""
    return _key(name)


def alias_keys(org: dict) -> list[str]:
    """The folded distinctive aliases: an organisation is the body any of them names."""
    return [body_key(alias) for alias in org["aliases"] if _distinctive(alias)]


def org_key_rows(orgs: list[dict]) -> list[dict]:
    """Each organisation's name key and alias keys, as warehouse/linkstate.py stores them: all
    resolve_organisations joins two organisations on, so they find a night's bodies' entities."""
    rows = {(o["doc_id"], o["name"], name_key(o), False) for o in orgs}
    rows |= {(o["doc_id"], o["name"], key, True) for o in orgs for key in alias_keys(o)}
    return [dict(zip(("doc_id", "name", "key", "alias"), row)) for row in sorted(rows)]


def resolve_organisations(orgs: list[dict]) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """Group each paper's organisations into bodies across papers.

    Two papers' organisations are one body on evidence only: their names agree once wording is
    folded ("NHS Exampleton Clinical Commissioning Group" and "Exampleton CCG", a trust before
    and after foundation status), or one's name is a distinctive alias of the other, an
    abbreviation a paper defined ("NHSE", "WCHS"). Names that only share words ("Exampleton
    Community Health Services NHS Trust", "Exampleton Community Services Partnership") stay
    apart, and generic names stay with their own paper.
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
        by_name[name_key(org)].append(i)
    for members in by_name.values():
        for i in members[1:]:
            parent[find(i)] = find(members[0])
    for i, org in enumerate(orgs):
        for key in alias_keys(org):
            if key in by_name:
                parent[find(i)] = find(by_name[key][0])

    groups: dict[int, list[dict]] = defaultdict(list)
    for i, org in enumerate(orgs):
        groups[find(i)].append(org)
    entities, entity_of = [], {}
    for members in groups.values():
        names = Counter(m["name"] for m in members)
        name = max(names, key=lambda n: (names[n], len(n), n))
        scope = "" if _distinctive(name) else members[0]["doc_id"]
        entity_id = entity_key(scope, min(folded(m["name"]) for m in members))
        aliases = sorted({n for m in members for n in [m["name"], *m["aliases"]]} - {name})
        types = Counter(m["org_type"] for m in members)
        entities.append({"entity_id": entity_id, "name": name, "org_type": types.most_common(1)[0][0],
                         "aliases": aliases, "docs": sorted({m["doc"] for m in members})})
        for m in members:
            entity_of[(m["doc_id"], m["name"])] = entity_id
    entities.sort(key=lambda e: e["name"])
    return entities, entity_of


# --- milestone series ----------------------------------------------------------------------

@lru_cache(maxsize=1 << 12)
def paper_day(iso: str | None) -> date | None:
    """A paper's date as a day: '2019-07-15', '2018-09' (its first day), '2016' (1 January).
    Remembered: it is asked of every milestone, with its paper's date."""
    if not iso:
        return None
    parts = [int(p) for p in str(iso).split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def milestone_words(text: str) -> str:
    """A description reduced to the words that say what happens: lower case, no dates,
    numbers or function words (a slip's identity, see _slip_key)."""
    text = DATE_WORDS.sub(" ", str(text or "").lower().replace("’", "'"))
    return " ".join(w for w in re.findall(r"[a-z][a-z']+", text) if w not in STOPWORDS)


def mark_bodies(milestones: list[dict], orgs: list[dict], entity_of: dict[tuple[str, str], str]) -> None:
    """Give each milestone its body's entity, whether its own sentence names that body (by a
    name, an alias, or 'the Council'-style mention of its kind) and the body is one wherever it
    is named (not 'the ICB Board', which is each paper's own), and the bodies' abbreviations
    its paper defines ('DHFT')."""
    forms = {(o["doc_id"], o["name"]): ([o["name"], *o["aliases"]], o["org_type"]) for o in orgs}
    defined: dict[str, dict[str, str]] = defaultdict(dict)
    for o in orgs:
        defined[o["doc_id"]].update({a: o["name"] for a in o["aliases"] if a.isupper() and len(a) >= 2})
    for m in milestones:
        m["acronyms"] = defined[m["doc_id"]]
        m["entity_id"] = entity_of.get((m["doc_id"], m["org"])) if m["org"] else None
        names, org_type = forms.get((m["doc_id"], m["org"]), ([], None))
        m["body_named"] = bool(m["org"]) and _distinctive(m["org"]) and names_its_body(m["quote"], names, org_type)
        m["body_names"] = names


def names_its_body(quote: str, names: list[str], org_type: str | None) -> bool:
    if any(re.search(rf"(?<![\w'’-]){re.escape(n)}(?![\w'’-])", quote) for n in names if n):
        return True
    return any(regex.search(quote) for regex, kind in GENERIC if kind == org_type)


def _what_happens(milestone: dict) -> str:
    """The milestone's sentence without its date (the description may be cut short)."""
    quote, date_text = milestone.get("quote") or "", milestone.get("date_text") or ""
    if date_text and date_text in quote:
        return quote.replace(date_text, " ", 1)
    return milestone["description"]


def same_body_possible(a: dict, b: dict) -> bool:
    """Two milestones may be one only if their bodies may be one: bodies known to differ rule a
    pair out when each paper names its milestone's body in the milestone's own sentence (a body
    the extraction took from the paper's author or section says less than the words do)."""
    if not (a.get("entity_id") and b.get("entity_id")) or a["entity_id"] == b["entity_id"]:
        return True
    return not (a.get("body_named", True) and b.get("body_named", True))


def paraphrase_scores(earlier: list[dict], later: list[dict]) -> dict[tuple[str, str], float]:
    """Similarity (0-100) of every pair of two papers' milestones: what each is about and what
    happens to it, in whatever words (pipeline/milestone_match.py), each word weighed by its
    rarity in the two papers, an abbreviation either paper defines read as its name; 0 for
    bodies that cannot be one."""
    acronyms = paper_acronyms(earlier + later)
    frozen = tuple(acronyms.items())
    profiles = {m["id"]: cached_profile(_what_happens(m), frozen, tuple(m.get("body_names", ())))
                for m in earlier + later}
    weights = term_weights(list(profiles.values()))
    return {(a["id"], b["id"]): match_score(profiles[a["id"]], profiles[b["id"]], weights)
            if same_body_possible(a, b) else 0.0 for a in earlier for b in later}


def paper_acronyms(milestones: list[dict]) -> dict[str, str]:
    """The abbreviations papers define, as paraphrase_scores reads them: their bodies' ('DHFT')
    and those their milestones' sentences define ('Delford Discharge Hub (DDH)')."""
    acronyms = {a: n for m in milestones for a, n in m.get("acronyms", {}).items()}
    for _, paper in groupby(milestones, key=lambda m: m["doc_id"]):
        acronyms.update(_defined(tuple(m.get("quote") or "" for m in paper)))
    return acronyms


@lru_cache(maxsize=1 << 12)
def _defined(quotes: tuple[str, ...]) -> dict[str, str]:
    """acronyms_defined of one paper's quotes, remembered for every paper it is compared with
    (the texts' definitions in order, a later one winning, so papers' merge as their texts')."""
    return acronyms_defined(list(quotes))


def blocking_keys(milestones: list[dict]) -> set[tuple[str, str]]:
    """What one paper (its milestones, bodies marked) can share with another whose milestone
    it restates, as (kind, key): 'term' for a term of a milestone's profile, 'says' for a
    capitalised word of a milestone's sentence, 'defines' for an abbreviation the paper defines.

    Why a paper pair sharing none of these has no pair scoring above 0 (so blocking on them
    loses no link): match_score is 0 unless the two profiles share a term. A profile is the
    sentence's terms after its abbreviations are expanded, with the two papers' abbreviations;
    the other paper's abbreviations change a sentence only where the sentence says one of them
    (its 'says' meets their 'defines'). Otherwise each profile is what it is with its own
    paper's abbreviations, whose terms, taken with and without the body's own names (profile
    uses one of the two), are all among its 'term' keys; so no shared key means no shared term."""
    acronyms = paper_acronyms(milestones)
    keys = {("defines", re.findall(r"\w+", a)[0]) for a in acronyms if re.findall(r"\w+", a)}
    read = set()        # a sentence restated with the same body adds no key (a pack repeats many)
    for m in milestones:
        text, names = _what_happens(m), m.get("body_names", ())
        if (text, tuple(names)) in read:
            continue
        read.add((text, tuple(names)))
        for body_names in ((), names) if names else ((),):
            keys |= {("term", t) for t in profile(text, acronyms, body_names)[1]}
        for said in (text, expand_acronyms(text, acronyms)):
            keys |= {("says", w) for w in re.findall(r"\w+", said) if w[0].isupper()}
    return keys


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
                    bodies: dict[str, set[str]] | None = None, scores=paraphrase_scores) -> list[dict]:
    """Link each milestone to its restatement in each later paper: per pair of papers, the most
    similar pairs first, each milestone used once. With `bodies`, only papers naming a body in
    common are compared (papers of unrelated areas never restate each other's milestones);
    `scores(earlier, later)` gives the similarity of each pair of two papers' milestones.
    Returns links with a series id (the id of the series' earliest milestone)."""
    links = match_all(milestones, bodies, threshold, scores)
    return with_series(consecutive(links), {m["id"]: paper_rank(m) for m in milestones if paper_day(m["doc_date"])})


def match_all(milestones: list[dict], bodies: dict[str, set[str]] | None = None,
              threshold: float = LINK_THRESHOLD, scores=paraphrase_scores) -> list[dict]:
    """match_papers for every pair of papers (naming a body in common, with `bodies`)."""
    by_doc = papers_of(milestones)
    docs = sorted(by_doc, key=lambda d: paper_rank(by_doc[d][0]))
    links = []
    for i, earlier_doc in enumerate(docs):
        for later_doc in docs[i + 1:]:
            if bodies is not None and not bodies.get(earlier_doc, set()) & bodies.get(later_doc, set()):
                continue
            links += match_papers(by_doc[earlier_doc], by_doc[later_doc], threshold, scores)
    return links


def papers_of(milestones: list[dict]) -> dict[str, list[dict]]:
    """doc_id -> its milestones, for the papers with a date (an undated paper restates nothing)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in milestones:
        if paper_day(m["doc_date"]):
            by_doc[m["doc_id"]].append(m)
    return by_doc


def paper_rank(milestone: dict) -> tuple[date, str]:
    """The order papers are compared in: by date, then doc_id."""
    return paper_day(milestone["doc_date"]), milestone["doc_id"]


def match_papers(earlier: list[dict], later: list[dict], threshold: float = LINK_THRESHOLD,
                 scores=paraphrase_scores) -> list[dict]:
    """The restatements of one pair of papers (`earlier`, `later`: each paper's milestones), the
    most similar pairs first, each milestone used once; none unless `later` is dated later.
    Depends on the two papers alone, so a night's papers are matched without the others."""
    if paper_day(later[0]["doc_date"]) <= paper_day(earlier[0]["doc_date"]):
        return []
    scored = sorted(((score, a, b) for (a, b), score in scores(earlier, later).items()), reverse=True)
    used_a, used_b, links = set(), set(), []
    for score, a, b in scored:
        if score < threshold:
            break
        if a not in used_a and b not in used_b:
            used_a.add(a), used_b.add(b)
            links.append({"earlier_id": a, "later_id": b, "similarity": score,
                          "earlier_doc_id": earlier[0]["doc_id"], "later_doc_id": later[0]["doc_id"]})
    return links


def consecutive(links: list[dict]) -> list[dict]:
    """A milestone restated in papers 2 and 3 links 1->2 and 2->3, not also 1->3. Whether a
    link stays depends only on links sharing a milestone with it (its series' links)."""
    later_of = defaultdict(set)
    for link in links:
        later_of[link["earlier_id"]].add(link["later_id"])
    out = []
    for link in links:
        via = later_of[link["earlier_id"]] - {link["later_id"]}
        if not any(link["later_id"] in later_of[m] for m in via):
            out.append(link)
    return out


def with_series(links: list[dict], rank: dict[str, tuple]) -> list[dict]:
    """Each link with its series id: the milestone reached by following each milestone back
    through its restatement from the latest earlier paper (`rank`: milestone id -> its paper's
    rank, paper_rank) to one restating nothing."""
    earlier_of: dict[str, str] = {}
    for link in links:
        known = earlier_of.get(link["later_id"])
        if known is None or rank[link["earlier_id"]] > rank[known]:
            earlier_of[link["later_id"]] = link["earlier_id"]

    def root(mid: str) -> str:
        seen = set()
        while mid in earlier_of and mid not in seen:
            seen.add(mid)
            mid = earlier_of[mid]
        return mid

    return [{**link, "series_id": root(link["earlier_id"])} for link in links]


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
                 links: list[dict], threshold: float = LINK_THRESHOLD) -> list[dict]:
    """Planned milestones whose date had passed by an update of their paper (a later paper that
    restates some of its milestones and names the same body) that neither restates them nor
    reports them done. A paper on another subject says nothing by its silence; a date already
    past when its paper was written (a citation, a report) was never a plan. The first such
    update is the evidence; days overdue are counted to its date."""
    dated = sorted(((paper_day(d["date"]), d["doc_id"]) for d in documents if paper_day(d["date"])))
    doc_names = {d["doc_id"]: d["doc"] for d in documents}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for m in milestones:
        by_doc[m["doc_id"]].append(m)
    doc_of = {m["id"]: m["doc_id"] for m in milestones}
    updates = {(doc_of[link["earlier_id"]], doc_of[link["later_id"]]) for link in links}
    scored: dict[tuple[str, str], dict[tuple[str, str], float]] = {}

    def restated(m: dict, doc_id: str) -> bool:
        if (m["doc_id"], doc_id) not in scored:
            scored[m["doc_id"], doc_id] = paraphrase_scores(by_doc[m["doc_id"]], by_doc[doc_id])
        return any(scored[m["doc_id"], doc_id][m["id"], other["id"]] >= threshold for other in by_doc[doc_id])

    out = []
    for m in milestones:
        if m["status"] != "planned" or not m["date_end"] or not m.get("entity_id") or not paper_day(m["doc_date"]) \
                or m["date_end"] < paper_day(m["doc_date"]) or counted_from_the_paper(m.get("date_text")):
            continue
        later = [(day, doc_id) for day, doc_id in dated if day > paper_day(m["doc_date"])
                 and (m["doc_id"], doc_id) in updates and m["entity_id"] in bodies.get(doc_id, set())]
        if any(restated(m, doc_id) for _, doc_id in later):
            continue
        evidence = next(((day, doc_id) for day, doc_id in later if day > m["date_end"]), None)
        if evidence:
            out.append({"key": _slip_key("overdue", m, doc_names[evidence[1]], None), "kind": "overdue", "earlier_id": m["id"],
                        "later_id": None, "later_doc_id": evidence[1], "entity_id": m["entity_id"],
                        "slip_days": (evidence[0] - m["date_end"]).days})
    return out
