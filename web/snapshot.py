"""The web app reads what the nightly flow publishes (warehouse/publish.py), never the
warehouse itself.

DuckDB lets one process write a database file, and a process holding it even read-only keeps
the writer out (measured with duckdb 1.5.5: "Could not set lock on file"), so the app opens no
connection to the warehouse. Until issue 15 it copied the whole file after each change (738 MB
and 15 s at a million records); now the flow's last task publishes a version folder (the
pages' tables as Parquet, the search index) and replaces the CURRENT file that names it.

A watcher thread reads CURRENT every `poll_seconds`; when it names another version, the
reader opens it (an in-memory DuckDB with views on its Parquet files, and the search index),
queries both, and swaps it in for new requests. Requests already running finish on the
version they started on. Whatever goes wrong with a new version, the app keeps answering
from the one it has. Nothing is copied: opening a version costs a few hundred milliseconds
whatever its size. A version shares most of its files with the one before (hard links to
files never rewritten: warehouse/publish.py), so a request still reading the previous one
reads exactly what it started on.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from warehouse.publish import current_version, open_version
from warehouse.textindex import TextIndex

log = logging.getLogger(__name__)


@dataclass
class View:
    """What one request reads: the pages' tables and the search index of one version."""
    con: duckdb.DuckDBPyConnection
    index: TextIndex


class Snapshot:
    """One opened version, closed once it is retired and no request uses it."""

    def __init__(self, version: Path) -> None:
        self.version = version
        self.con = open_version(version)
        try:
            labels = json.loads((version / "labels.json").read_text())
            self.index = TextIndex(version / "search", labels)
            self.con.execute("SELECT count(*) FROM documents").fetchone()
            self.con.execute("SELECT count(*) FROM search_items").fetchone()
        except BaseException:
            self.con.close()
            raise
        self.users = 0
        self.retired = False

    def close(self) -> None:
        self.con.close()


class SnapshotReader:
    """Read-only views of the newest good version published in `folder`."""

    def __init__(self, folder: str | Path, poll_seconds: float = 2.0) -> None:
        self.folder = Path(folder)
        self.poll_seconds = poll_seconds
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._failed: Path | None = None       # a version that would not open: not retried
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self, timeout: float = 30.0) -> None:
        """Open the current version (waiting for one to be published) and start watching."""
        deadline = time.monotonic() + timeout
        while not self.refresh():
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing published in {self.folder} that opens: run "
                                   "`boardpapers ingest` first (its last step publishes)")
            time.sleep(0.2)
        self._watcher = threading.Thread(target=self._watch, name="snapshot-watcher",
                                         daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        if self._watcher:
            self._watcher.join(timeout=10)
        with self._lock:
            if self._current:
                self._retire(self._current)
                self._current = None

    @contextmanager
    def view(self) -> Iterator[View]:
        """The current version's tables (a cursor) and search index, for one request."""
        with self._lock:
            snapshot = self._current
            if snapshot is None:
                raise RuntimeError("the snapshot reader is not started")
            snapshot.users += 1
        cursor = snapshot.con.cursor()
        try:
            yield View(cursor, snapshot.index)
        finally:
            cursor.close()
            with self._lock:
                snapshot.users -= 1
                if snapshot.retired and snapshot.users == 0:
                    snapshot.close()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self.view() as view:
            yield view.con

    def refresh(self) -> bool:
        """One watcher step: open the version CURRENT names if it is new; True when a new
        version is now served."""
        version = current_version(self.folder)
        if version is None or version == self._failed or (
                self._current and version == self._current.version):
            return False
        try:
            snapshot = Snapshot(version)
        except Exception as error:
            log.warning("published version %s did not open (%s); still serving the "
                        "previous one", version, error)
            self._failed = version
            return False
        with self._lock:
            previous, self._current = self._current, snapshot
            if previous:
                self._retire(previous)
        return True

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.refresh()
            except Exception:        # keep serving the last good version, and keep watching
                log.exception("refreshing the published version failed")

    def _retire(self, snapshot: Snapshot) -> None:
        """Called with the lock held."""
        snapshot.retired = True
        if snapshot.users == 0:
            snapshot.close()
