"""A made-up national warehouse, written by bulk SQL, for timing search and serving at scale
(bench/national.py): hundreds of thousands of papers' records in minutes, where loading them
paper by paper through load_paper took 20 minutes for a million.

What it imitates of real papers (measured on the annotated papers, never copied from them):
- records a paper: about 18 commitments, 11 relations, 9 milestones, 7 risks, 7 decisions,
  4 budgets and 10 organisations, with 12 sections;
- a quote's words: log-normal around a median of 19 (a tenth under 10, a tenth over 32), as
  the annotated quotes are; sections about 90 words;
- text drawn from a vocabulary of board-paper words and made-up ones with a Zipf-like skew
  (stopwords between), so queries range from rare to very common words;
- bodies shared across papers: each paper is of one area, whose council, board, trust and
  ICB its records name, with national bodies beside them;
- milestones restated: a milestone runs through three consecutive papers of its area with
  the same description and words, and a later paper may give it a later date.

Every random choice is a hash of the row's numbers and the seed, so that the same seed
gives the same records and words whatever the number of threads.
"""
import json

import duckdb

from warehouse.searchindex import mark_changed

DOMAIN_WORDS = (
    "health care mental services commissioning integrated community hospital primary social "
    "adult children budget savings deficit plan partnership board council trust review "
    "contract procurement workforce digital estates quality safety patients carers housing "
    "prevention dementia diabetes cancer maternity urgent emergency discharge delayed "
    "transfer pooled fund better programme outcomes performance engagement consultation "
    "governance accountable provider alliance network pharmacy dental optometry wellbeing "
    "obesity smoking alcohol substance misuse autism learning disability homelessness "
    "domiciliary nursing residential reablement therapy funding strategy delivery system "
    "population needs assessment joint local authority place neighbourhood practice general "
    "practitioners clinical pathway waiting list elective capacity demand winter pressures "
    "recovery financial position efficiency transformation improvement support model "
    "integration commissioners priorities report update proposals agreed approve note "
    "recommendation scrutiny committee members officers director executive public sector "
    "inequalities access equality impact").split()
STOPWORDS = ("the of and to in a for is that be will this with as on are by an which it "
             "from at we have has been or our its their these all also").split()
SYLLABLES = ("ab ac ad al am an ar as at ba be bi bo ca ce ci co cu da de di do du el en er "
             "es et fa fe fi fo ga ge gi go ha he hi ho il im in io ir is it la le li lo lu "
             "ma me mi mo mu na ne ni no nu ol om on or os ot pa pe pi po pu ra re ri ro ru "
             "sa se si so su ta te ti to tu ul um un ur us va ve vi vo").split()
PLACE_STARTS = ("North South East West Ash Bram Cal Dun Elm Fen Glen Hart Kings Lang Mar New "
                "Oak Red Stan Thorn Wal Wick Bel Church Clay Cross Fair Hay Mill Rose").split()
PLACE_ENDS = "ford ley ton bury field ham wood mere by worth".split()
BODY_KINDS = [("Council", "council"), ("Health and Wellbeing Board", "board"),
              ("NHS Foundation Trust", "nhs_trust"), ("Integrated Care Board", "ccg")]
"""An area's bodies, each with the org_type the extractor gives it (an ICB is typed as the CCGs
it replaced): cross-paper linking compares papers naming a local body in common."""
NATIONAL_BODIES = ["NHS England", "Department of Health and Social Care", "Care Quality Commission"]
PER_PAPER = {"organisation": 10, "budget": 4, "milestone": 9, "commitment": 18, "risk": 7,
             "decision": 7, "relation": 11}
SECTIONS_PER_PAPER = 12
ITEMS_PER_PAPER = sum(PER_PAPER.values()) + SECTIONS_PER_PAPER
VOCABULARY_SIZE = 20_000
SKEW = 20
"""Rank r of the vocabulary is drawn with weight 1 / (r + SKEW): Zipf flattened at the top,
as board-paper text is once stopwords are gone."""


def vocabulary(size: int = VOCABULARY_SIZE) -> list[str]:
    """Board-paper words first (the commonest), then made-up words of two to four syllables."""
    words, seen = list(DOMAIN_WORDS), set(DOMAIN_WORDS)
    n, i = len(SYLLABLES), 0
    while len(words) < size:
        i += 1
        digits, rest = [], i * 7919 % (n ** 4)       # i's syllables in base n, shuffled
        while rest:
            rest, digit = divmod(rest, n)
            digits.append(SYLLABLES[digit])
        word = "".join(digits)
        if len(digits) >= 2 and word not in seen:
            seen.add(word)
            words.append(word)
    return words


def _u(*parts: str) -> str:
    """A uniform number in [0, 1) from SQL expressions, the same for the same values."""
    return f"(hash({', '.join(parts)}, $seed) % 1000000007) / 1000000007.0"


def _length(key: str, median: float, sigma: float, low: int, high: int) -> str:
    """SQL: a log-normal word count (Box-Muller on two hashes), clipped."""
    normal = f"sqrt(-2 * ln(1 - {_u(key, '11')})) * cos(2 * pi() * {_u(key, '12')})"
    return f"greatest({low}, least({high}, round({median} * exp({sigma} * {normal}))::INTEGER))"


def _make_texts(con: duckdb.DuckDBPyConnection, params: dict) -> None:
    """gen_text(key, text) for every (key, n) of gen_need: n words, each a stopword one time
    in three, else a vocabulary word of Zipf-like rank. The same key gives the same words;
    their order may differ between builds (ordering them made this ten times slower), which
    changes no score."""
    draw, stop_draw = _u("key", "w", "'r'"), _u("key", "w", "'s'")
    rank = (f"least({VOCABULARY_SIZE} - 1, floor({SKEW} * pow(({VOCABULARY_SIZE} + {SKEW}) "
            f"/ {SKEW}.0, {draw}) - {SKEW})::INTEGER)")
    for table, words in (("gen_words", params["vocabulary"]), ("gen_stopwords", STOPWORDS)):
        # A list sent as JSON text: a Python list parameter converts word by word, 20 s here.
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT "
                    "unnest(range(json_array_length(?::JSON)::BIGINT)) AS rank, "
                    "unnest(?::JSON::VARCHAR[]) AS word", [json.dumps(words)] * 2)
    con.execute(f"""CREATE OR REPLACE TEMP TABLE gen_text AS
        SELECT key, string_agg(coalesce(s.word, v.word), ' ') AS text
        FROM (SELECT key, w, {rank} AS rank,
                     CASE WHEN {stop_draw} < 0.33
                          THEN (hash(key, w) % {len(STOPWORDS)})::INTEGER END AS stop
              FROM (SELECT DISTINCT key, n FROM gen_need), LATERAL range(n) t(w)) AS t
        LEFT JOIN gen_words v ON v.rank = t.rank LEFT JOIN gen_stopwords s ON s.rank = t.stop
        GROUP BY key""", {"seed": params["seed"]})


def build_national(con: duckdb.DuckDBPyConnection, items: int, seed: int = 15,
                   first_date: str = "2012-01-01", years: int = 12) -> int:
    """Fill an empty warehouse (schema created) with about `items` searchable items (records
    and sections) in papers of ITEMS_PER_PAPER; return the number of papers."""
    papers = max(1, -(-items // ITEMS_PER_PAPER))
    _write_papers(con, 0, papers, papers, seed, first_date, years)
    return papers


def add_national_papers(con: duckdb.DuckDBPyConnection, papers: int, built: int,
                        seed: int = 15, first_date: str = "2012-01-01", years: int = 12) -> None:
    """A night's new papers on a warehouse build_national made of `built` papers: the next
    `papers` papers of its areas, later than theirs, continuing their milestone series."""
    _write_papers(con, built, papers, built, seed, first_date, years)


def _write_papers(con: duckdb.DuckDBPyConnection, first: int, papers: int, built: int,
                  seed: int, first_date: str, years: int) -> None:
    """Papers first .. first + papers - 1 of a build whose areas and dating are those of
    `built` papers."""
    places = [f"{a}{b}" for a in PLACE_STARTS for b in PLACE_ENDS]
    areas = min(len(places), max(3, built // 40))
    per_area = -(-built // areas)
    seeded = {"seed": seed}
    run = con.execute("INSERT INTO ingest_runs (status, finished_at) "
                      "VALUES ('finished', current_timestamp) RETURNING run_id").fetchone()[0]
    con.execute("CREATE OR REPLACE TEMP TABLE gen_bodies AS "
                "SELECT a AS area, k AS kind_no, ?[a + 1] || ' ' || (?[k + 1]) AS name, ?[k + 1] AS org_type "
                "FROM range(?) t(a), range(?) u(k)",
                [places, [k for k, _ in BODY_KINDS], [t for _, t in BODY_KINDS], areas, len(BODY_KINDS)])
    # Paper p is the (p // areas)-th paper of area p % areas: an area's papers follow one
    # another in time, so that its milestones can be restated.
    con.execute(f"""CREATE OR REPLACE TEMP TABLE gen_papers AS
        SELECT p, p % {areas} AS area, p // {areas} AS nth,
               sha256('national paper ' || p || ' ' || $seed) AS doc_id,
               printf('national-%07d', p) AS doc,
               (DATE '{first_date}' + to_days(((p // {areas}) * {years * 365} // {per_area}
                 + ({_u('p', "'d'")} * 20)::INTEGER)::INTEGER))::DATE AS published,
               CASE WHEN {_u('p', "'c'")} < 0.45 THEN 'HWB' WHEN {_u('p', "'c'")} < 0.8
                    THEN 'JHOSC' ELSE 'other' END AS committee
        FROM range({first}, {first + papers}) t(p)""", seeded)
    # Record slots: mostly one of the area's bodies, sometimes a national one; a milestone
    # belongs to a series running through three consecutive papers of its area.
    slots = " UNION ALL ".join(f"SELECT '{kind}' AS kind, r FROM range({n}) t(r)"
                               for kind, n in PER_PAPER.items())
    con.execute(f"""CREATE OR REPLACE TEMP TABLE gen_slots AS
        SELECT g.*, s.kind, s.r, substr(md5(g.doc_id || s.kind || s.r), 1, 16) AS id,
               CASE WHEN {_u('g.p', 's.kind', 's.r', "'n'")} < 0.12
                    THEN $national[1 + (hash(g.p, s.r, 'nat') % {len(NATIONAL_BODIES)})::INTEGER]
                    END AS national,
               (hash(g.p, s.kind, s.r, 'b') % {len(BODY_KINDS)})::INTEGER AS body,
               (hash(g.p, s.kind, s.r, 'to') % {len(BODY_KINDS)})::INTEGER AS target_body,
               CASE WHEN s.kind = 'milestone' THEN hash(g.area, s.r, g.nth // 3) END AS series,
               1 + (hash(g.p, s.kind, s.r, 'page') % 40)::INTEGER AS page,
               coalesce(series, hash(g.p, s.kind, s.r)) AS quote_key,
               hash(g.p, s.r, 'sec') AS section_key
        FROM gen_papers g, ({slots}) s""", {**seeded, "national": NATIONAL_BODIES})
    con.execute(f"""CREATE OR REPLACE TEMP TABLE gen_need AS
        SELECT hash(p, 'title') AS key, 7 AS n FROM gen_papers
        UNION ALL SELECT hash(p, s, 'st'), 4 FROM gen_papers, range({SECTIONS_PER_PAPER}) t(s)
        UNION ALL SELECT hash(p, s, 'sx'), {_length('p, s', 90, 0.5, 20, 400)}
                  FROM gen_papers, range({SECTIONS_PER_PAPER}) t(s)
        UNION ALL SELECT quote_key, {_length('quote_key', 19, 0.41, 5, 60)} FROM gen_slots
        UNION ALL SELECT section_key, 3 FROM gen_slots
        UNION ALL SELECT hash(series, 'desc'), 6 FROM gen_slots WHERE series IS NOT NULL""",
                seeded)
    _make_texts(con, {**seeded, "vocabulary": vocabulary()})
    con.execute(f"""INSERT INTO documents SELECT doc_id, doc, '/national/' || doc || '.pdf',
        10 + (hash(p, 'pages') % 60)::INTEGER, committee, upper(t.text[1]) || t.text[2:],
        strftime(published, '%Y-%m-%d'), [], b.name, {run}, true
        FROM gen_papers g JOIN gen_bodies b ON b.area = g.area AND b.kind_no = 0
        JOIN gen_text t ON t.key = hash(g.p, 'title')""")
    con.execute("INSERT INTO document_paths (path, doc_id) SELECT path, doc_id FROM documents "
                "WHERE doc_id IN (SELECT doc_id FROM gen_papers)")
    con.execute(f"INSERT INTO document_versions (path, version, doc_id, run_id) "
                f"SELECT path, 1, doc_id, {run} FROM documents "
                "WHERE doc_id IN (SELECT doc_id FROM gen_papers)")
    con.execute(f"""INSERT INTO sections SELECT substr(md5(g.doc_id || ' section ' || s), 1, 16),
        g.doc_id, s, (s + 1) || '. ' || title.text, title.text, 1 + s * 2, body.text
        FROM (SELECT *, hash(p, s, 'st') AS title_key, hash(p, s, 'sx') AS body_key
              FROM gen_papers, range({SECTIONS_PER_PAPER}) t(s)) AS g
        JOIN gen_text title ON title.key = g.title_key
        JOIN gen_text body ON body.key = g.body_key""")
    _records(con, first_date)
    mark_changed(con, [doc_id for (doc_id,) in
                       con.execute("SELECT doc_id FROM gen_papers").fetchall()])
    for table in ("gen_text", "gen_need", "gen_words", "gen_stopwords", "gen_slots",
                  "gen_papers", "gen_bodies"):
        con.execute(f"DROP TABLE {table}")


def _records(con: duckdb.DuckDBPyConnection, first_date: str) -> None:
    """Each record table's rows from the slots of its type."""
    con.execute("""CREATE OR REPLACE TEMP VIEW gen_quotes AS
        SELECT s.*, coalesce(s.national, b.name) AS org, CASE WHEN s.national IS NULL THEN b.org_type
               ELSE 'other' END AS org_type, tb.name AS target, q.text AS quote,
               (s.r + 1) || '. ' || upper(sec.text[1]) || sec.text[2:] AS section
        FROM gen_slots s JOIN gen_bodies b ON b.area = s.area AND b.kind_no = s.body
        JOIN gen_bodies tb ON tb.area = s.area AND tb.kind_no = s.target_body
        JOIN gen_text q ON q.key = s.quote_key JOIN gen_text sec ON sec.key = s.section_key""")
    prov = "id, doc_id, doc, page, section, quote, 0, length(quote), false, NULL"  # read off text, not OCR
    con.execute("INSERT INTO organisations SELECT id, doc_id, doc, org, [], org_type, page, "
                "quote, false, NULL FROM gen_quotes WHERE kind = 'organisation'")
    con.execute(f"INSERT INTO budgets SELECT {prov}, (1 + hash(p, r, 'gbp') % 900) * 1e5, "
                "'budget', org, NULL FROM gen_quotes WHERE kind = 'budget'")
    # A restatement moves the date on by 0, 3 or 6 months a paper, by the series' own odds.
    con.execute(f"""INSERT INTO milestones SELECT {prov}, upper(d.text[1]) || d.text[2:],
        strftime(due, '%B %Y'), due, last_day(due),
        CASE WHEN nth % 3 = 2 AND hash(series, 'done') % 10 < 3 THEN 'achieved'
             ELSE 'planned' END, org, NULL, NULL, NULL
        FROM (SELECT *, date_trunc('month', DATE '{first_date}' + to_days(
                ((hash(series, 'due') % 4380) + (nth % 3) * 90 * (hash(series, 'slip') % 3))
                ::INTEGER))::DATE AS due FROM gen_quotes WHERE kind = 'milestone') AS m
        JOIN gen_text d ON d.key = hash(m.series, 'desc')""")
    con.execute(f"INSERT INTO commitments SELECT {prov}, org, 'act', 'firm', NULL, NULL, NULL "
                "FROM gen_quotes WHERE kind = 'commitment'")
    con.execute(f"INSERT INTO risks SELECT {prov}, 'risk', NULL, org "
                "FROM gen_quotes WHERE kind = 'risk'")
    con.execute(f"INSERT INTO decisions SELECT {prov}, org, 'recommendation', NULL "
                "FROM gen_quotes WHERE kind = 'decision'")
    con.execute(f"INSERT INTO relations SELECT {prov}, org, 'funds', target "
                "FROM gen_quotes WHERE kind = 'relation'")
    con.execute("DROP VIEW gen_quotes")
