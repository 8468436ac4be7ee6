"""`boardpapers`: a thin command line over the pipeline, the flows and the warehouse."""
from __future__ import annotations

import atexit
import gc
import json
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

DEFAULT_DB = "boardpapers.duckdb"
FETCHING = ("manifest:", "moderngov:")     # sources that download papers (the rest are paths)
RECORD_TYPES = ["organisation", "budget", "milestone", "commitment", "risk", "decision", "relation"]
console = Console(stderr=True)


@atexit.register            # registered first, so it runs after every other exit handler
def _no_collection_at_exit() -> None:
    """The interpreter's last garbage collections walk every object a run left behind
    (half a second after a pack through the flow) to free memory the OS reclaims anyway:
    they are skipped, as is nothing else of the exit."""
    gc.freeze()


@click.group()
def main() -> None:
    """Turn health and care board papers into searchable, traceable records."""


def _runner_options(command):
    """--store, --task-runner, --workers, --dask-address: shared by ingest and schedule."""
    for option in reversed([
        click.option("--store", default=None, help="Paper store for fetched papers "
                     "[default: DB's name + '-papers', beside it]."),
        click.option("--task-runner", type=click.Choice(["process", "dask"]), default="process",
                     show_default=True, help="Where parse and extract run."),
        click.option("--workers", type=int, default=None,
                     help="Parallel parse/extract processes [default: CPU count]."),
        click.option("--dask-address", default=None,
                     help="Scheduler of an existing Dask cluster (with --task-runner dask)."),
    ]):
        command = option(command)
    return command


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@_runner_options
def ingest(sources: tuple[str, ...], db: str, store: str | None, task_runner: str,
           workers: int | None, dask_address: str | None) -> None:
    """Ingest the papers of SOURCES through the nightly ingestion flow, once: folders or
    PDF files, manifest:URLS.txt, moderngov:https://SITE#COMMITTEE.

    Exit code 0 when every paper was loaded or unchanged, 2 when some failed, 1 when the
    run could not proceed."""
    _quiet_prefect()
    for source in sources:
        if not source.startswith(FETCHING) and not Path(source).exists():
            raise click.ClickException(f"no such file or folder: {source}")
    started = time.perf_counter()
    try:
        summary, unread = _ingest_without_reading(sources, db)
        if summary is None:
            summary = _ingest_through_the_flow(sources, db, _store_for(sources, db, store),
                                               task_runner, workers, dask_address, unread)
    except Exception as error:
        console.print(f"[red]ingest could not proceed:[/red] {type(error).__name__}: {error}")
        sys.exit(1)
    _print_summary(summary, time.perf_counter() - started)
    sys.exit(summary.exit_code)


def _ingest_without_reading(sources: tuple[str, ...], db: str):
    """The run, in this process and without Prefect, when every source is local and the
    warehouse already holds (or saw fail) every paper they list: deciding that costs a
    hash of each file, starting Prefect's API and a pool of workers seconds. Returns
    (summary, []), or (None, the papers to read) when there is something to read, or
    (None, []) for a source to fetch (listing it is the flow's, with its retries) or a
    warehouse that will not open (the flow waits for a locked one)."""
    if any(source.startswith(FETCHING) for source in sources):
        return None, []
    import duckdb

    import warehouse
    from pipeline.ingest import ingest_here, to_read
    from pipeline.sources import open_source
    from warehouse.publish import publish_if_changed

    papers = [paper for source in sources for paper in open_source(source).papers()]
    try:
        con = warehouse.connect(db)
    except duckdb.Error:
        return None, []
    try:
        if unread := to_read(con, papers):
            return None, unread
        summary = ingest_here(con, list(sources), papers)
        publish_if_changed(con, db)  # a warehouse from before publishing, or one a crash left unpublished
        return summary, []
    finally:
        con.close()


def _ingest_through_the_flow(sources: tuple[str, ...], db: str, store: str | None, task_runner: str,
                             workers: int | None, dask_address: str | None, unread: list):
    from flows.once import ingest_once

    return ingest_once(list(sources), db, store, task_runner, workers, dask_address, watch=_progress_bar,
                       read_first=unread)


@contextmanager
def _progress_bar():
    """The flow's papers on a bar, from the moment Prefect starts."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as progress:
        bar = progress.add_task("starting Prefect", total=None)
        from flows import nightly

        nightly.on_plan = lambda total: progress.update(bar, total=total, description="papers")
        nightly.on_paper = lambda o: progress.update(
            bar, advance=1, description=f"{_short(o.path):40} {o.status}")
        yield


def _store_for(sources: tuple[str, ...], db: str, store: str | None) -> str | None:
    """The paper store: as given, else beside the warehouse when a source fetches papers."""
    if store or not any(s.startswith(FETCHING) for s in sources):
        return store
    return str(Path(db).with_name(Path(db).stem + "-papers"))


def _short(name: str) -> str:
    return name.rstrip("/").rsplit("/", 1)[-1][:40]


def _quiet_prefect() -> None:
    """Our progress bar and summary say what happened; Prefect's own chatter and its
    telemetry (which cannot reach the network here) stay off unless the user asks."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # a busy machine can take longer than Prefect's default to start its temporary API
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _print_summary(summary, seconds: float) -> None:
    by = summary.by_status
    click.echo(f"papers: {by['new']} new, {by['changed']} changed, "
               f"{by['unchanged'] + by['alias']} unchanged ({by['alias']} under a new name), "
               f"{by['failed'] + by['still_failing']} failed ({by['still_failing']} as before)"
               f"  [{seconds:.1f}s]")
    records = summary.records
    if records:
        click.echo("records: " + ", ".join(f"{records[t]} {t}" for t in RECORD_TYPES if records[t]))
    cross = summary.cross_paper
    if cross is not None:
        click.echo(f"across papers: {cross.organisations} organisations, {cross.milestone_links} restated "
                   f"milestones, {cross.slippage} slipped ({cross.new_slippage} new), "
                   f"{cross.overdue} overdue ({cross.new_overdue} new)")
    for o in summary.failures:
        click.echo(f"failed: {o.path}: {o.kind}: {o.reason}")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), required=True)
@click.option("--out", required=True, type=click.Path(), help="A file for jsonl, a folder for csv and parquet.")
def export(db: str, fmt: str, out: str) -> None:
    """Export every record: JSON Lines (what the scorer reads), or one CSV/Parquet file per type."""
    import warehouse

    con = _open(db)
    written = {"jsonl": warehouse.export_jsonl, "csv": warehouse.export_csv,
               "parquet": warehouse.export_parquet}[fmt](con, Path(out))
    for path in written if isinstance(written, list) else [written]:
        click.echo(str(path))


@main.command()
@click.argument("query")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--type", "record_type", type=click.Choice([*RECORD_TYPES, "section"]), default=None)
@click.option("--limit", default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the hits as a JSON list.")
def search(query: str, db: str, record_type: str | None, limit: int, as_json: bool) -> None:
    """BM25 full-text search over record quotes and section text."""
    import warehouse

    con = _open(db)
    if warehouse.search_index_missing(con):
        con.close()
        raise click.ClickException(f"{db} was written by an older boardpapers and has no search index of this "
                                   f"version yet: run `boardpapers ingest` on it once (with --db {db}) to build it")
    hits = warehouse.search(con, query, type=record_type, limit=limit)
    _echo_rows(hits, as_json, "no matches", lambda hit: [
        f"{hit['type']:<11} {_paper(hit)}  p.{hit['page']}  {hit.get('section') or ''}",
        f"    {hit['quote'][:300]}"])


def _echo_rows(rows: list[dict], as_json: bool, none_found: str, lines, ensure_ascii: bool = True) -> None:
    """A listing command's output: its rows as a JSON list, or `lines(row)` for each row,
    or `none_found` when there are none."""
    if as_json:
        click.echo(json.dumps(rows, indent=2, default=str, ensure_ascii=ensure_ascii))
        return
    if not rows:
        click.echo(none_found)
    for row in rows:
        for line in lines(row):
            click.echo(line)


def _paper(row: dict, prefix: str = "") -> str:
    """A row's paper as people know it: its title, else its file name."""
    return row.get(f"{prefix}title") or row[f"{prefix}doc"]


def _open(db: str):
    import warehouse

    if not Path(db).exists():
        raise click.ClickException(f"no warehouse at {db}; run `boardpapers ingest` first")
    return warehouse.connect(db, read_only=True)


# --- cross-paper: slippage and the graph ----------------------------------------------------

def _cross_paper(db: str):
    """The warehouse, read-only, with its cross-paper tables (older warehouses lack them)."""
    con = _open(db)
    if not con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'graph_nodes'").fetchone()[0]:
        raise click.ClickException(f"{db} has no cross-paper tables yet; run `boardpapers ingest` again")
    return con


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--org", default=None, help="Only this organisation (its name or any alias).")
@click.option("--overdue", is_flag=True, help="List milestones overdue and unreported instead.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def slippage(db: str, org: str | None, overdue: bool, as_json: bool) -> None:
    """Milestones whose date moved later (or earlier), worst first: those a paper says moved
    (explicit) and those a later paper restated with another date (cross-paper); or, with
    --overdue, whose date passed by a later paper that neither restates them nor reports them
    achieved."""
    import warehouse

    con = _cross_paper(db)
    if overdue:
        _echo_rows(warehouse.overdue(con, org), as_json, "no overdue milestones", lambda r: [
            f"{r['days_overdue']:>5} days overdue  {r['org'] or '-'}  {r['description']}",
            f"    due:    {r['earlier']['date_text']:<22} {_paper(r['earlier'])} p.{r['earlier']['page']}",
            f"    silent: {_paper(r, 'later_')} ({r['later_date']})"])
        return
    _echo_rows(warehouse.every_slip(con, org), as_json, "no slipped milestones", _slip_lines)


def _slip_lines(r: dict) -> list[str]:
    """A slip and its evidence: both papers' words, or the one paper's that states the move."""
    was, now = r["earlier"], r["later"]
    head = f"{r['slip_days']:>5} days  {r['kind']:<11}  {r['org'] or '-'}  {r['description']}"
    if r["kind"] == "explicit":
        return [head, f"    was: {was['date_text']}, now: {now['date_text']}, as the paper states it",
                f"    {_paper(now)} p.{now['page']}: {_clip(now['quote'])}"]
    return [head, *(f"    {label}: {e['date_text']:<22} {_paper(e)} p.{e['page']}: {_clip(e['quote'])}"
                    for label, e in (("was", was), ("now", now)))]


def _clip(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


@main.group(invoke_without_command=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--format", "fmt", type=click.Choice(["graphml", "json"]), default=None,
              help="Export the whole graph in this format (with --out).")
@click.option("--out", type=click.Path(), default=None, help="File to export the graph to.")
@click.pass_context
def graph(ctx: click.Context, db: str, fmt: str | None, out: str | None) -> None:
    """The graph of organisations, papers, decisions, commitments and milestones: export it
    (--format, --out) or ask it a question (deps, org, impact)."""
    ctx.obj = {"db": db}
    if ctx.invoked_subcommand is not None:
        if fmt or out:
            raise click.UsageError("--format and --out export the graph; leave them off with a question")
        return
    if not (fmt and out):
        raise click.UsageError("give --format and --out to export, or one of the questions: deps, org, impact")
    from pipeline.graph import load_graph, write_graph

    g = load_graph(_cross_paper(db))
    path = write_graph(g, out, fmt)
    click.echo(f"{path}  ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")


def _graph_and_nodes(ctx: click.Context, db: str | None, text: str, kinds: tuple[str, ...]):
    from pipeline.graph import find_nodes, load_graph

    g = load_graph(_cross_paper(db or ctx.obj["db"]))
    nodes = find_nodes(g, text, kinds)
    if not nodes:
        raise click.ClickException(f"no {' or '.join(kinds)} matches {text!r}")
    return g, nodes


@graph.command()
@click.argument("label")
@click.option("--db", default=None, help="DuckDB warehouse file (default: the graph group's --db).")
@click.pass_context
def deps(ctx: click.Context, label: str, db: str | None) -> None:
    """What a decision or milestone depends on, transitively."""
    from pipeline.graph import dependencies

    g, nodes = _graph_and_nodes(ctx, db, label, ("milestone", "decision", "commitment", "activity"))
    _echo_reachable(g, nodes, dependencies, "depends on nothing the papers state", "depends on ")


@graph.command(name="org")
@click.argument("name")
@click.option("--db", default=None, help="DuckDB warehouse file (default: the graph group's --db).")
@click.pass_context
def org_command(ctx: click.Context, name: str, db: str | None) -> None:
    """An organisation's commitments, milestones, decisions, partners and counterparties."""
    from pipeline.graph import describe, organisation_view

    g, nodes = _graph_and_nodes(ctx, db, name, ("organisation",))
    titles = {a["label"]: a.get("title") for _, a in g.nodes(data=True) if a["kind"] == "paper"}
    for node in nodes:
        attrs = g.nodes[node]
        aliases = f"  (also: {', '.join(attrs.get('aliases', []))})" if attrs.get("aliases") else ""
        papers = "; ".join(titles.get(doc) or doc for doc in attrs.get("docs", []))
        click.echo(f"{attrs['label']}{aliases}  papers: {papers}")
        view = organisation_view(g, node)
        for key in ("commitments", "milestones", "decisions", "partners"):
            click.echo(f"  {key} ({len(view[key])})")
            for other in view[key]:
                click.echo(f"    {describe(g, other)}")
        click.echo(f"  counterparties ({len(view['counterparties'])})")
        for relation, direction, other in view["counterparties"]:
            arrow = f"{relation} ->" if direction == "out" else f"<- {relation}"
            click.echo(f"    {arrow} {g.nodes[other]['label']}")


@graph.command(name="impact")
@click.argument("label")
@click.option("--db", default=None, help="DuckDB warehouse file (default: the graph group's --db).")
@click.pass_context
def impact_command(ctx: click.Context, label: str, db: str | None) -> None:
    """Everything downstream of a (slipped) milestone: restatements, what waits on it, who owns those."""
    from pipeline.graph import impact

    g, nodes = _graph_and_nodes(ctx, db, label, ("milestone", "decision", "activity"))
    _echo_reachable(g, nodes, impact, "nothing downstream")


def _echo_reachable(g, nodes, walk, none_found: str, prefix: str = "") -> None:
    """Each node, then what `walk` reaches from it, indented by the steps it takes."""
    from pipeline.graph import describe

    for node in nodes:
        click.echo(describe(g, node))
        found = walk(g, node)
        if not found:
            click.echo(f"    {none_found}")
        for other, steps in found:
            click.echo(f"    {'  ' * (steps - 1)}{prefix}{describe(g, other)}")


# --- nightly operations: failures and the scheduled deployment ---

@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {path, kind, reason}.")
def errors(db: str, as_json: bool) -> None:
    """The papers that failed and have not been loaded since, each with its kind and reason."""
    import warehouse

    failed = [{"path": f["path"], "kind": f["kind"], "reason": f["reason"]}
              for f in warehouse.failures(_open(db))]
    _echo_rows(failed, as_json, "no failed papers",
               lambda f: [f"{f['kind']:<14} {f['path']}\n    {f['reason']}"], ensure_ascii=False)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--cron", default="0 2 * * *", show_default=True, help="When to run (cron, server time zone).")
@click.option("--name", default="nightly", show_default=True, help="Deployment name.")
@_runner_options
def schedule(sources: tuple[str, ...], db: str, cron: str, name: str, store: str | None,
             task_runner: str, workers: int | None, dask_address: str | None) -> None:
    """Serve the nightly ingestion of SOURCES as a Prefect deployment on a cron schedule;
    runs until stopped. Needs a Prefect server (PREFECT_API_URL) to keep the schedule."""
    _quiet_prefect()
    from prefect import serve

    from flows import nightly

    runner = nightly.task_runner(task_runner, workers, dask_address)
    store = _store_for(sources, db, store)
    deployment = nightly.nightly_deployment(list(sources), str(Path(db).resolve()),
                                            str(Path(store).resolve()) if store else None,
                                            cron, name, runner)
    serve(deployment)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--poll", default=2.0, show_default=True, type=click.FloatRange(0.1, 60),
              help="Seconds between checks of the warehouse file for new loads.")
def serve(db: str, host: str, port: int, poll: float) -> None:
    """Serve the web app (search, organisations, slippage, JSON API at /docs), read-only.

    It reads what each ingest publishes, swapped in within seconds of it finishing, so an
    ingest may run while it serves."""
    import uvicorn

    from web import create_app

    if not Path(db).exists():
        raise click.ClickException(f"no warehouse at {db}; run `boardpapers ingest` first")
    click.echo(f"serving {db} at http://{host}:{port}/  (API docs at /docs; Ctrl-C stops)")
    uvicorn.run(create_app(db, poll_seconds=poll), host=host, port=port, log_level="warning")
