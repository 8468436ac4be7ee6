"""The warehouse's tables: documents with their paths and versions, runs, failures, and a
table per record type of schemas/records.py.

Record tables mirror their pydantic model column for column (plus `id`), because loads
send each record as its full `model_dump()` and DuckDB refuses a row with a key the table
lacks or without a key the table has: a model and its table cannot drift apart silently.
"""
import duckdb

RECORD_TABLES: dict[str, str] = {
    "organisation": "organisations", "budget": "budgets", "milestone": "milestones",
    "commitment": "commitments", "risk": "risks", "decision": "decisions",
    "relation": "relations",
}
"""Table of each record type, in the order of PaperExtraction.records()."""

# How a record's quote was read: by OCR off a scanned page (with that page's mean word
# confidence, 0-100), or off the text layer (false, NULL).
READ_FROM = "ocr BOOLEAN NOT NULL DEFAULT false, ocr_confidence DOUBLE"

# Where a record came from: enough to find its quote again in the paper.
PROVENANCE = f"""
    id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    page INTEGER NOT NULL CHECK (page >= 1),
    section VARCHAR NOT NULL,
    quote VARCHAR NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    {READ_FROM}"""

# What a paper says: its sections and records, each table's columns. An id is unique by
# how it is made (a hash of the paper's doc_id and the row's place or identity, one row per
# id in a load) and a load replaces a paper's rows by doc_id: no key index. DuckDB wrote
# the keys' indexes whole at each checkpoint: a night of 200 papers cost 2.1 s of CPU to
# checkpoint at 100,000 items and 8.1 s at a million with them, 0.7 s and 0.8 s without.
CONTENT_COLUMNS: dict[str, str] = {
    # path is the section path inside the paper ("6. Next steps > 6.3"), not a file path.
    "sections": """
        id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,
        path VARCHAR NOT NULL,
        title VARCHAR NOT NULL,
        page INTEGER NOT NULL,
        text VARCHAR NOT NULL""",
    "organisations": f"""
        id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        doc VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        aliases VARCHAR[] NOT NULL,
        org_type VARCHAR NOT NULL,
        page INTEGER NOT NULL,
        quote VARCHAR NOT NULL,
        {READ_FROM}""",
    "budgets": f"""{PROVENANCE},
        amount_gbp DOUBLE NOT NULL,
        kind VARCHAR NOT NULL,
        org VARCHAR,
        period VARCHAR""",
    "milestones": f"""{PROVENANCE},
        description VARCHAR NOT NULL,
        date_text VARCHAR NOT NULL,
        date_start DATE,
        date_end DATE,
        status VARCHAR NOT NULL,
        org VARCHAR,
        replaced_date_text VARCHAR,
        replaced_date_start DATE,
        replaced_date_end DATE,
        CHECK ((replaced_date_text IS NULL) = (replaced_date_end IS NULL))""",
    "commitments": f"""{PROVENANCE},
        actor VARCHAR NOT NULL,
        action VARCHAR NOT NULL,
        modality VARCHAR NOT NULL,
        due VARCHAR,
        due_start DATE,
        due_end DATE""",
    "risks": f"""{PROVENANCE},
        description VARCHAR NOT NULL,
        mitigation VARCHAR,
        org VARCHAR""",
    "decisions": f"""{PROVENANCE},
        body VARCHAR,
        kind VARCHAR NOT NULL,
        date_text VARCHAR""",
    "relations": f"""{PROVENANCE},
        source VARCHAR NOT NULL,
        relation VARCHAR NOT NULL,
        target VARCHAR NOT NULL""",
}
CONTENT_TABLES = list(CONTENT_COLUMNS)
"""Tables holding what a paper says, as opposed to its identity and history."""

DDL = [
    "CREATE SEQUENCE IF NOT EXISTS ingest_run_ids START 1",
    "CREATE SEQUENCE IF NOT EXISTS failure_ids START 1",
    """CREATE TABLE IF NOT EXISTS ingest_runs (
        run_id INTEGER PRIMARY KEY DEFAULT nextval('ingest_run_ids'),
        started_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        finished_at TIMESTAMPTZ,
        status VARCHAR NOT NULL,
        counts JSON)""",
    # doc_id is the SHA-256 of the file's bytes; date stays text because papers state it
    # as precisely as they like (2016, 2018-09, 2013-09-26).
    # current_version turns false once no path holds these bytes any more.
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        doc VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        pages INTEGER NOT NULL,
        committee VARCHAR NOT NULL,
        title VARCHAR,
        date VARCHAR,
        authors VARCHAR[] NOT NULL,
        organisation VARCHAR,
        first_seen_run INTEGER NOT NULL,
        current_version BOOLEAN NOT NULL)""",
    # Which bytes each known path holds now; several paths may share a doc_id (aliases).
    """CREATE TABLE IF NOT EXISTS document_paths (
        path VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        first_seen TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)""",
    # Every content a loaded path has had; the open row (superseded_at NULL) is current.
    """CREATE TABLE IF NOT EXISTS document_versions (
        path VARCHAR NOT NULL,
        version INTEGER NOT NULL,
        doc_id VARCHAR NOT NULL,
        run_id INTEGER NOT NULL,
        loaded_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        superseded_at TIMESTAMPTZ,
        PRIMARY KEY (path, version))""",
    # resolved_at is set once the path is loaded (or found unchanged) after the failure.
    """CREATE TABLE IF NOT EXISTS failures (
        failure_id BIGINT PRIMARY KEY DEFAULT nextval('failure_ids'),
        path VARCHAR NOT NULL,
        sha256 VARCHAR,
        kind VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        run_id INTEGER,
        failed_at TIMESTAMPTZ NOT NULL DEFAULT current_timestamp,
        resolved_at TIMESTAMPTZ)""",
    *(f"CREATE TABLE IF NOT EXISTS {table} ({columns})"
      for table, columns in CONTENT_COLUMNS.items()),
    # A warehouse made before milestones carried the date a paper says they moved from.
    "ALTER TABLE milestones ADD COLUMN IF NOT EXISTS replaced_date_text VARCHAR",
    "ALTER TABLE milestones ADD COLUMN IF NOT EXISTS replaced_date_start DATE",
    "ALTER TABLE milestones ADD COLUMN IF NOT EXISTS replaced_date_end DATE",
    # Cross-paper tables: derived from the record tables by pipeline/crosspaper.py, rebuilt
    # whole or brought up to date for the papers changed since the last refresh
    # (pipeline/nightlinks.py), with the same result either way.
    # One row per body across papers; org_names maps every per-paper name to its entity.
    """CREATE TABLE IF NOT EXISTS org_entities (
        entity_id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        org_type VARCHAR NOT NULL,
        aliases VARCHAR[] NOT NULL,
        docs VARCHAR[] NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS org_names (
        doc_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL,
        PRIMARY KEY (doc_id, name))""",
    # A later paper's milestone restating an earlier paper's one, with the similarity measured.
    """CREATE TABLE IF NOT EXISTS milestone_links (
        earlier_id VARCHAR NOT NULL,
        later_id VARCHAR NOT NULL,
        series_id VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL,
        PRIMARY KEY (earlier_id, later_id))""",
    # kind 'slipped': a restatement with a later date (later_id set, slip_days > 0);
    # kind 'overdue': the date passed by a later paper of the same body that neither restates
    # the milestone nor reports it achieved (later_doc_id is that paper, later_id NULL).
    """CREATE TABLE IF NOT EXISTS slippages (
        key VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        earlier_id VARCHAR NOT NULL,
        later_id VARCHAR,
        later_doc_id VARCHAR NOT NULL,
        entity_id VARCHAR,
        slip_days INTEGER,
        first_seen TIMESTAMPTZ NOT NULL DEFAULT current_timestamp)""",
    # What incremental linking keeps between refreshes (warehouse/linkstate.py says what each is).
    """CREATE TABLE IF NOT EXISTS crosspaper_docs (
        doc_id VARCHAR PRIMARY KEY,
        fingerprint VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS crosspaper_milestones (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS crosspaper_keys (
        doc_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        key VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS org_keys (
        doc_id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        key VARCHAR NOT NULL,
        alias BOOLEAN NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS graph_owners (
        doc_id VARCHAR NOT NULL,
        owned VARCHAR NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS milestone_matches (
        earlier_id VARCHAR NOT NULL,
        later_id VARCHAR NOT NULL,
        earlier_doc_id VARCHAR NOT NULL,
        later_doc_id VARCHAR NOT NULL,
        similarity DOUBLE NOT NULL,
        PRIMARY KEY (earlier_id, later_id))""",
    # The graph of organisations, papers, decisions, commitments and milestones (networkx
    # reads it back through pipeline/graph.py).
    """CREATE TABLE IF NOT EXISTS graph_nodes (
        node_id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        label VARCHAR NOT NULL,
        attrs JSON NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS graph_edges (
        source VARCHAR NOT NULL,
        target VARCHAR NOT NULL,
        relation VARCHAR NOT NULL,
        attrs JSON NOT NULL)""",
    # Loads bump contents_version; a refresh copies it to indexed_version. They differ while
    # the search index lags the records, e.g. after a crash between a load and the refresh.
    """CREATE TABLE IF NOT EXISTS search_index_state (
        singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
        contents_version BIGINT NOT NULL DEFAULT 0,
        indexed_version BIGINT NOT NULL DEFAULT 0)""",
    "INSERT INTO search_index_state (singleton) VALUES (true) ON CONFLICT DO NOTHING",
    # What full-text search indexes, and its BM25 index (warehouse/searchindex.py): derived
    # from the tables above by refresh_search_index, paper by paper. `item` numbers an item
    # (a paper's items in one run), `len` counts its stems with repeats. Ids are unique as
    # the content tables' are; no index of its own, which a night would pay for in
    # writing and checkpointing (2.2 s of CPU at a million items, measured).
    """CREATE TABLE IF NOT EXISTS search_items (
        id VARCHAR NOT NULL,
        item BIGINT NOT NULL,
        type VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        doc VARCHAR NOT NULL,
        page INTEGER NOT NULL,
        section VARCHAR NOT NULL,
        quote VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        len INTEGER NOT NULL)""",
    "CREATE SEQUENCE IF NOT EXISTS search_item_numbers",
    """CREATE TABLE IF NOT EXISTS search_postings (
        item BIGINT NOT NULL,
        stem VARCHAR NOT NULL,
        tf INTEGER NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS search_stems (
        stem VARCHAR PRIMARY KEY,
        df BIGINT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS search_totals (
        singleton BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
        items BIGINT NOT NULL,
        length BIGINT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS search_stopwords (word VARCHAR NOT NULL)",
    # Papers changed since the last refresh (warehouse/searchindex.py, mark_changed).
    "CREATE TABLE IF NOT EXISTS search_pending (doc_id VARCHAR PRIMARY KEY)",
]


# Columns added since the first warehouses were made, added to their tables in place.
ADDED_COLUMNS = [(table, column) for table in RECORD_TABLES.values()
                 for column in ("ocr BOOLEAN DEFAULT false", "ocr_confidence DOUBLE")]


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create whatever is missing, columns added since included; existing rows are left
    alone (a record loaded before OCR existed was read off a text layer: ocr false)."""
    _drop_fts_search(con)
    for statement in DDL:
        con.execute(statement)
    for table, column in ADDED_COLUMNS:
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column}")
    _drop_content_keys(con)


def _drop_content_keys(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse made before has a primary key on each content table's id: each such table
    is made again without it (DuckDB cannot drop a key), rows and constraints kept, in one
    transaction. Its commit writes the tables into the file (past DuckDB's 16 MB of log)."""
    keyed = [table for (table,) in con.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
        "AND database_name = current_database() AND schema_name = 'main' "
        "AND table_name IN (SELECT unnest(?))", [CONTENT_TABLES]).fetchall()]
    if not keyed:
        return
    from warehouse.store import transaction     # which imports this module
    with transaction(con):
        for table in keyed:
            con.execute(f"CREATE TABLE {table}_unkeyed ({CONTENT_COLUMNS[table]})")
            con.execute(f"INSERT INTO {table}_unkeyed BY NAME SELECT * FROM {table}")
            con.execute(f"DROP TABLE {table}")
            con.execute(f"ALTER TABLE {table}_unkeyed RENAME TO {table}")


def _drop_fts_search(con: duckdb.DuckDBPyConnection) -> None:
    """A warehouse searched through DuckDB's fts index has a search_items without item
    numbers: it and the index go (both derived), and are made anew, paper by paper."""
    if con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_items' "
                   "AND schema_name = 'main'").fetchone()[0] and not con.execute(
            "SELECT count(*) FROM duckdb_columns() WHERE table_name = 'search_items' "
            "AND column_name = 'item'").fetchone()[0]:
        con.execute("DROP SCHEMA IF EXISTS fts_main_search_items CASCADE")
        con.execute("DROP TABLE search_items")
