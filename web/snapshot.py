"""The web app reads a private copy of the warehouse file, never the file itself.

DuckDB lets one process write a database file, and a process holding it read-only keeps the
writer out: measured with duckdb 1.5.5, a read-only connection held by one process makes the
nightly ingest's read-write connect fail at once ("Could not set lock on file"), and while the
ingest holds the file a read-only connect fails the same way. Connecting per request would
therefore make the ingest fail whenever a search happened to be running, and searches fail
for the whole of an ingest.

So the server takes no lock on the warehouse at all. It copies the file (a plain read) into
its own folder and opens the copy read-only. A watcher thread polls the file's size and
modification time; once they have changed and then held still for `settle_seconds`, it copies
again, checks the copy was not written to meanwhile and opens and queries it, then swaps it in
for new requests. Requests already running finish on the copy they started on, which is
closed and deleted when the last of them is done. Whatever goes wrong with a new copy, the
server keeps answering from the previous one.

A copy is consistent whenever the file is not being written during the copy: DuckDB commits
to its write-ahead log and only rewrites the main file at a checkpoint, whose blocks are
written before the header that points at them. The copy therefore holds the warehouse as of
the last checkpoint; an ingest checkpoints when it closes its connection, so its papers show
up a few seconds after it finishes (poll + settle + copy).
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

import warehouse
from warehouse.browse import prepare_browsing

log = logging.getLogger(__name__)


class Snapshot:
    """One opened copy, closed and deleted once it is retired and no request uses it.

    The copy is first opened writable, to bring an older warehouse's schema up to date and
    store what browsing precomputes (prepare_browsing), then reopened read-only for users."""

    def __init__(self, path: Path, source_stat: tuple) -> None:
        self.path = path
        self.source_stat = source_stat
        con = warehouse.connect(path)
        try:
            prepare_browsing(con)
        finally:
            con.close()
        self.con = warehouse.connect(path, read_only=True)
        self.users = 0
        self.retired = False

    def close(self) -> None:
        self.con.close()
        self.path.unlink(missing_ok=True)


class SnapshotReader:
    """Read-only cursors on the newest good copy of the warehouse at `source`."""

    def __init__(self, source: str | Path, poll_seconds: float = 2.0,
                 settle_seconds: float = 1.0, folder: str | Path | None = None) -> None:
        self.source = Path(source)
        self.poll_seconds = poll_seconds
        self.settle_seconds = settle_seconds
        self.folder = Path(folder or tempfile.mkdtemp(prefix="boardpapers-web-"))
        self._lock = threading.Lock()
        self._current: Snapshot | None = None
        self._changed: tuple | None = None      # a stat seen differing from the current copy's
        self._changed_since = 0.0
        self._copies = 0
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self, timeout: float = 30.0) -> None:
        """Take the first copy (retrying while the file is being written) and start watching."""
        if not self.source.is_file():
            raise FileNotFoundError(f"no warehouse at {self.source}")
        deadline = time.monotonic() + timeout
        while not self._take_copy(self._stat()):
            if time.monotonic() > deadline:
                raise RuntimeError(f"could not take a consistent copy of {self.source} "
                                   f"in {timeout:.0f}s: it kept changing or would not open")
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
        shutil.rmtree(self.folder, ignore_errors=True)

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the current copy for one request; the copy outlives the request."""
        with self._lock:
            snapshot = self._current
            if snapshot is None:
                raise RuntimeError("the snapshot reader is not started")
            snapshot.users += 1
        cursor = snapshot.con.cursor()
        try:
            yield cursor
        finally:
            cursor.close()
            with self._lock:
                snapshot.users -= 1
                if snapshot.retired and snapshot.users == 0:
                    snapshot.close()

    def refresh(self) -> bool:
        """One watcher step: take a new copy if the file changed and has held still; True
        when a new copy is now served."""
        stat = self._stat()
        if stat is None or (self._current and stat == self._current.source_stat):
            self._changed = None
            return False
        now = time.monotonic()
        if stat != self._changed:
            self._changed, self._changed_since = stat, now
            return False
        if now - self._changed_since < self.settle_seconds:
            return False
        return self._take_copy(stat)

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.refresh()
            except Exception:        # keep serving the last good copy, and keep watching
                log.exception("refreshing the warehouse snapshot failed")

    def _stat(self) -> tuple | None:
        try:
            st = os.stat(self.source)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _take_copy(self, stat: tuple | None) -> bool:
        """Copy, check the source did not change meanwhile, open, query, swap in."""
        if stat is None:
            return False
        self._copies += 1
        path = self.folder / f"snapshot-{self._copies}.duckdb"
        try:
            shutil.copyfile(self.source, path)
        except OSError:
            path.unlink(missing_ok=True)
            return False
        if self._stat() != stat:
            path.unlink(missing_ok=True)
            return False
        snapshot = None
        try:
            snapshot = Snapshot(path, stat)
            snapshot.con.execute("SELECT count(*) FROM documents").fetchone()
            snapshot.con.execute("SELECT count(*) FROM fts_main_search_items.docs").fetchone()
        except (duckdb.Error, OSError) as error:
            log.warning("a copy of %s did not open (%s); still serving the previous one",
                        self.source, error)
            if snapshot:
                snapshot.close()
            path.unlink(missing_ok=True)
            return False
        with self._lock:
            previous, self._current = self._current, snapshot
            if previous:
                self._retire(previous)
        self._changed = None
        return True

    def _retire(self, snapshot: Snapshot) -> None:
        """Called with the lock held."""
        snapshot.retired = True
        if snapshot.users == 0:
            snapshot.close()
