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
            preexec_fn=partial(pool.die_with_parent, os.getpid()))

    def wait_until_up(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        """Until the API answers its health check. A server that exits first (its port
        taken in the moment after it was found free) is started again, on another."""
        deadline, relaunched = time.monotonic() + timeout, False
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if relaunched:
                    raise RuntimeError(f"Prefect's temporary API exited with code {self.process.returncode}")
                self._launch()
                relaunched = True
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"Prefect's temporary API did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def first_steps_of(papers: list[SourcedPaper]) -> list[tuple]:
    """The calls that begin reading `papers` on workers, as the flow's tasks will make them
    (`first_steps`): one paper of each content, as the flow's plan reads it once."""
    from pipeline.reading import first_steps

    leaders: dict[str, SourcedPaper] = {}
    for paper in papers:
        leaders.setdefault(paper.sha256, paper)
    return [step for paper in leaders.values() for step in first_steps(paper)]


def read_ahead(run_pool: pool.RunPool, steps: list[tuple]) -> None:
    """Begin `steps` on the run's workers now, so that a long paper's pages are laid out
    while Prefect's server starts and Prefect is imported, not after."""
    for function, *args in steps:
        run_pool.start_early(function, *args)


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
    unless Prefect turns out to have an API configured, which is used instead."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    if server is None or get_current_settings().api.url:
        yield
        return
    server.wait_until_up()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


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
                threading.Thread(target=read_ahead, args=(run_pool, first_steps_of(read_first)), daemon=True).start()
        stack.enter_context(watch())
        from flows import nightly

        stack.enter_context(prefect_api(server))
        flow = nightly.nightly_ingest.with_options(task_runner=nightly.task_runner(runner, workers, dask_address))
        return flow(sources, db, store)
