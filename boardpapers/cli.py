"""`boardpapers`: a thin command line over the pipeline, the flows and the warehouse."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

DEFAULT_DB = "boardpapers.duckdb"
RECORD_TYPES = ["organisation", "budget", "milestone", "commitment", "risk", "decision", "relation"]
console = Console(stderr=True)


@click.group()
def main() -> None:
    """Turn health and care board papers into searchable, traceable records."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
def ingest(paths: tuple[str, ...], db: str) -> None:
    """Ingest the PDFs in PATHS (files or folders) through the Prefect ingestion flow."""
    _quiet_prefect()
    from flows import ingest as ingest_flows

    for path in paths:
        if not Path(path).exists():
            raise click.ClickException(f"no such file or folder: {path}")
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console) as progress:
        bar = progress.add_task("starting Prefect", total=None)
        ingest_flows.on_plan = lambda total: progress.update(bar, total=total, description="papers")
        ingest_flows.on_paper = lambda o: progress.update(
            bar, advance=1, description=f"{Path(o.path).name[:40]:40} {o.status}")
        try:
            summary = ingest_flows.ingest_flow(list(paths), db)
        except Exception as error:
            progress.stop()
            console.print(f"[red]ingest could not proceed:[/red] {error}")
            sys.exit(1)
    _print_summary(summary, time.perf_counter() - started)
    sys.exit(summary.exit_code)


def _quiet_prefect() -> None:
    """Our progress bar and summary say what happened; Prefect's own chatter and its
    telemetry (which cannot reach the network here) stay off unless the user asks."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _print_summary(summary, seconds: float) -> None:
    by = summary.by_status
    click.echo(f"papers: {by['new']} new, {by['changed']} changed, "
               f"{by['unchanged'] + by['alias']} unchanged ({by['alias']} under a new name), "
               f"{by['failed']} failed  [{seconds:.1f}s]")
    records = summary.records
    if records:
        click.echo("records: " + ", ".join(f"{records[t]} {t}" for t in RECORD_TYPES if records[t]))
    for o in summary.outcomes:
        if o.status == "failed":
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

    hits = warehouse.search(_open(db), query, type=record_type, limit=limit)
    if as_json:
        click.echo(json.dumps(hits, indent=2, default=str))
        return
    if not hits:
        click.echo("no matches")
    for hit in hits:
        click.echo(f"{hit['type']:<11} {hit['doc']}  p.{hit['page']}  {hit.get('section') or ''}")
        click.echo(f"    {hit['quote'][:300]}")


def _open(db: str):
    import warehouse

    if not Path(db).exists():
        raise click.ClickException(f"no warehouse at {db}; run `boardpapers ingest` first")
    return warehouse.connect(db, read_only=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB warehouse file.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--poll", default=2.0, show_default=True, type=click.FloatRange(0.1, 60),
              help="Seconds between checks of the warehouse file for new loads.")
def serve(db: str, host: str, port: int, poll: float) -> None:
    """Serve the web app (search, organisations, slippage, JSON API at /docs), read-only.

    It reads a copy of the warehouse, refreshed within seconds of an ingest finishing, so an
    ingest may run while it serves."""
    import uvicorn

    from web import create_app

    if not Path(db).exists():
        raise click.ClickException(f"no warehouse at {db}; run `boardpapers ingest` first")
    click.echo(f"serving {db} at http://{host}:{port}/  (API docs at /docs; Ctrl-C stops)")
    uvicorn.run(create_app(db, poll_seconds=poll), host=host, port=port, log_level="warning")
