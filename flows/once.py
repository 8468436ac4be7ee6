"""The nightly flow run once from this process, as `boardpapers ingest` runs it when it
has papers to read: Prefect's temporary API and the run's workers start together, and
neither outlives this process.

With no API configured, Prefect 3.8.8 starts a temporary API server itself the first
time a client is needed (SubprocessASGIServer: uvicorn in a subprocess, stopped by an
atexit hook), and only then: the flow waits for it, seconds of a busy machine. And an
atexit hook runs on a clean exit only: after `kill -9` of the ingest, the server ran on
as an orphan. So this module starts the same server the same way, at once, as a child the
kernel kills when this process dies (`die_with_parent`), while the workers fork and
Prefect is imported; then points Prefect at it as at any server (PREFECT_API_URL).
Nothing here imports Prefect before the server is on its way.

The server's start is seconds of CPU that the workers laying out a long paper's pages
want too. So the server runs niced, and the command line reads ahead without it: the
papers' pages laid out, a long paper prepared here and its parts begun, which the flow's
tasks then take as they come to them. The server starts on the cores the reading leaves
idle (a paper's preparation is one process's work), and the flow orchestrates the same
tasks, retries and artefacts as ever.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from functools import partial
from pathlib import Path

from pipeline import workers as pool
from pipeline.sources import SourcedPaper

STARTUP_TIMEOUT_S = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))


class TemporaryServer:
    """Prefect's API server for one run: started on a free local port, as Prefect starts
    its own temporary one (no UI, no background services), dying with this process."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.port = 0
        self._launch()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def _launch(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"},
            preexec_fn=partial(_server_child, os.getpid()))

    def wait_until_up(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        """Until the API answers its health check; `timeout` counts while the server does
        no work (a server niced behind busy workers is slow, not stuck). A server that
        exits first (its port taken in the moment after it was found free) is started
        again, on another."""
        deadline, relaunched, worked = time.monotonic() + timeout, False, 0.0
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if relaunched:
                    raise RuntimeError(f"Prefect's temporary API exited with code {self.process.returncode}")
                self._launch()
                relaunched, worked = True, 0.0
            if (used := _cpu_seconds(self.process.pid)) is not None and used > worked + 0.5:
                deadline, worked = time.monotonic() + timeout, used
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"Prefect's temporary API did not answer, nor work, for {timeout:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


SERVER_NICENESS = 10
"""The server's CPU comes after the workers': it starts while they lay out pages and the
command line reads ahead (`read_ahead`), and takes the cores they leave idle."""


def _server_child(parent: int) -> None:
    pool.die_with_parent(parent)
    os.nice(SERVER_NICENESS)


def _cpu_seconds(pid: int) -> float | None:
    """CPU seconds the process has used (Linux's /proc), or None where that is unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def read_ahead(run_pool: pool.RunPool, papers: list[SourcedPaper]) -> None:
    """Begin reading `papers` now, as the flow's tasks will (`Extraction.submit`), while
    Prefect's server starts and Prefect is imported: one paper of each content, its first
    steps on the workers; then each long paper prepared here once its pages are laid out
    (the flow's prepare task waits for it: `workers.here`), and its parts begun."""
    from pipeline.reading import extract_one, extract_part_one, first_steps, prepare_one

    leaders: dict[str, SourcedPaper] = {}
    for paper in papers:
        leaders.setdefault(paper.sha256, paper)
    long = []
    for paper in leaders.values():
        steps = first_steps(paper)
        ranges = [run_pool.start_early(*step) for step in steps]
        if steps[0][0] is not extract_one and (promise := run_pool.begin_here(prepare_one, paper)):
            long.append((paper, ranges, promise))
    for paper, ranges, promise in long:
        try:
            prepared = prepare_one(paper, [future.result() for future in ranges])
        except BaseException as error:      # a worker died: the flow's tasks say so
            promise.set_exception(error)
            continue
        promise.set_result(prepared)
        parts = pool.cpus()
        for part in range(parts):
            run_pool.start_early(extract_part_one, prepared, part, parts)


def api_configured() -> bool | None:
    """Whether Prefect has an API to talk to; None when that can only be known by
    importing Prefect (a profile or a prefect.toml may name one)."""
    if os.environ.get("PREFECT_API_URL"):
        return True
    if "prefect.settings" in sys.modules:
        return bool(sys.modules["prefect.settings"].get_current_settings().api.url)
    return None


@contextmanager
def prefect_api(server: TemporaryServer | None):
    """Prefect's client pointed at `server` while the context lasts, once it answers;
    unless Prefect turns out to have an API configured, which is used instead. A flow run
    on the temporary server sends no heartbeats (they tell a lasting server that a run has
    crashed; this one dies with the run), and what Prefect still holds to send (events,
    logs) is sent before the context ends, while the server is there to take it."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    if server is None or get_current_settings().api.url:
        yield
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    server.wait_until_up()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url, "flows.heartbeat_frequency": None}):
        try:
            yield
        finally:
            for service in (EventsWorker, APILogWorker):
                service.drain_all(timeout=5)


def ingest_once(sources: list[str], db: str, store: str | None, runner: str = "process",
                workers: int | None = None, dask_address: str | None = None,
                watch: Callable[[], AbstractContextManager] = nullcontext,
                read_first: list[SourcedPaper] = ()):
    """`nightly_ingest` over `sources`, once, in this process: its RunSummary. The server
    (unless Prefect has an API) is started first, before the pool's and the bar's
    threads (a child's `preexec_fn` is unsafe beside threads); then the pool's workers
    (with the process runner), which begin reading `read_first` (papers the caller knows
    the run will read) while Prefect starts; then `watch`, a context around the rest (a
    progress bar)."""
    with ExitStack() as stack:
        server = None
        if not api_configured():
            server = TemporaryServer()
            stack.callback(server.stop)
        if runner == "process":
            run_pool = stack.enter_context(pool.run_pool(workers))
            threading.Thread(target=run_pool.warm, daemon=True).start()
            if read_first:      # submitted from a thread: a submission waits for the forkserver's imports
                threading.Thread(target=read_ahead, args=(run_pool, read_first), daemon=True).start()
        stack.enter_context(watch())
        from flows import nightly

        stack.enter_context(prefect_api(server))
        flow = nightly.nightly_ingest.with_options(task_runner=nightly.task_runner(runner, workers, dask_address))
        return flow(sources, db, store)
