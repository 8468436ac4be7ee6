"""The nightly flow run once from this process, as `boardpapers ingest` runs it when it
has papers to read: Prefect's temporary API and the run's workers start together, and
neither outlives this process.

With no API configured, Prefect 3.8.8 starts a temporary API server itself the first
time a client is needed (SubprocessASGIServer: uvicorn in a subprocess, stopped by an
atexit hook), and only then: the flow waits for it, seconds of a busy machine. And an
atexit hook runs on a clean exit only: after `kill -9` of the ingest, the server ran on
as an orphan. So this module starts the same server (Prefect's app under uvicorn) early,
as a child the kernel kills when this process dies (`die_with_parent`), forked once
Prefect's client is imported, which it then need not import again; then points Prefect
at it as at any server (PREFECT_API_URL).

The server's start is seconds of CPU that the workers laying out a long paper's pages
want too. So the server runs niced, and the command line reads ahead without it: the
papers' pages laid out, a long paper prepared here and its parts begun, which the flow's
tasks then take as they come to them. The server starts on the cores the reading leaves
idle (a paper's preparation is one process's work), and the flow orchestrates the same
tasks, retries and artefacts as ever.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.request
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack, contextmanager, nullcontext
from pathlib import Path
from typing import NoReturn

from pipeline import workers as pool
from pipeline.sources import SourcedPaper

STARTUP_TIMEOUT_S = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
SERVER_NICENESS = 19
"""The server's CPU comes after the workers': it starts while they lay out pages and the
command line reads ahead (`read_ahead`), and takes the cores they leave idle. At 10 it
still took a tenth of a core from two busy workers (4 CPU-s over a 400-page pack's
layout); at 19 it takes under 2 %, and starts while the command prepares the paper alone."""
SERVER_NAME = b"prefect-server"
"""The server's name in ps and top (/proc/PID/comm): a forked one's command line is the command's."""


class TemporaryServer:
    """Prefect's API server for one run, as Prefect starts its own temporary one (no UI, and of
    Prefect's services only those it runs in a temporary server: recording task runs and
    events), dying with this process. Its socket is bound here and handed
    over, so no other process can take the port between choosing and serving it.

    Forked from this process when it runs no other thread: the server then shares the
    Prefect modules this process imported (importing `prefect.server` on top of them costs
    about 3 CPU-s, in a new interpreter about 5.5). Beside threads, whose locks a forked
    child could inherit held, it is a new interpreter given the socket."""

    def __init__(self) -> None:
        listener = socket.create_server(("127.0.0.1", 0))
        self.port = listener.getsockname()[1]
        parent = os.getpid()
        self._popen = None
        if threading.active_count() == 1:
            sys.stdout.flush()
            sys.stderr.flush()
            self.pid = os.fork()
            if self.pid == 0:
                _serve(listener, parent)
        else:
            self._popen = subprocess.Popen(
                [sys.executable, "-c", f"from flows.once import serve_on; serve_on({listener.fileno()}, {parent})"],
                pass_fds=(listener.fileno(),))
            self.pid = self._popen.pid
        listener.close()
        self.returncode: int | None = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def exited(self) -> bool:
        """Whether the server has ended (its exit code in `returncode`), reaping it if so."""
        if self.returncode is None:
            if self._popen is not None:
                self.returncode = self._popen.poll()
            elif (ended := os.waitpid(self.pid, os.WNOHANG))[0]:
                self.returncode = os.waitstatus_to_exitcode(ended[1])
        return self.returncode is not None

    def wait_until_up(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        """Until the API answers its health check; `timeout` counts while the server does
        no work (a server niced behind busy workers is slow, not stuck)."""
        deadline, worked = time.monotonic() + timeout, 0.0
        while time.monotonic() < deadline:
            if self.exited():
                raise RuntimeError(f"Prefect's temporary API exited with code {self.returncode}")
            if (used := _cpu_seconds(self.pid)) is not None and used > worked + 0.5:
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
        """Asked to stop, as uvicorn stops on SIGTERM; killed if it has not within 10 s."""
        if self.exited():
            return
        os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while not self.exited():
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                deadline = float("inf")
            time.sleep(0.02)


def serve_on(fd: int, parent: int) -> NoReturn:
    """The new interpreter's side of `TemporaryServer`: serve on the socket at `fd`."""
    _serve(socket.socket(fileno=fd), parent)


def _serve(listener: socket.socket, parent: int) -> NoReturn:
    """The server's process: dies with `parent`, niced, serves Prefect's API on `listener`
    until SIGTERM, and exits without running this process's exit handlers (a forked one
    holds the command's)."""
    code = 1
    try:
        pool.die_with_parent(parent)
        os.nice(SERVER_NICENESS)
        pool.name_this_process(SERVER_NAME)
        import uvicorn
        from prefect.server.api.server import create_app

        app = create_app(ephemeral=True, final=True)
        uvicorn.Server(uvicorn.Config(app, log_level="error", lifespan="on")).run(sockets=[listener])
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)


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


@contextmanager
def prefect_api(server: TemporaryServer | None):
    """Prefect's client pointed at `server` while the context lasts, once it answers (with
    no server, Prefect's own settings say where its API is). A flow run
    on the temporary server sends no heartbeats (they tell a lasting server that a run has
    crashed; this one dies with the run), and what Prefect still holds to send (events,
    logs) is sent before the context ends, while the server is there to take it."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if server is None:
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
    """`nightly_ingest` over `sources`, once, in this process: its RunSummary. With the
    process runner, the pool's forkserver is started first, importing the pipeline while
    this process imports Prefect; then the server, unless Prefect has an API configured,
    forked before any thread starts; then the pool's workers, which begin reading
    `read_first` (papers the caller knows the run will read) while the server starts; then
    `watch`, a context around the rest (a progress bar)."""
    with ExitStack() as stack:
        if runner == "process":
            run_pool = stack.enter_context(pool.run_pool(workers))
        from prefect.settings import get_current_settings

        from flows import nightly

        server = None
        if not get_current_settings().api.url:
            server = TemporaryServer()
            stack.callback(server.stop)
        if runner == "process":
            threading.Thread(target=run_pool.warm, daemon=True).start()
            if read_first:      # submitted from a thread: a submission waits for the forkserver's imports
                threading.Thread(target=read_ahead, args=(run_pool, read_first), daemon=True).start()
        stack.enter_context(watch())
        stack.enter_context(prefect_api(server))
        flow = nightly.nightly_ingest.with_options(task_runner=nightly.task_runner(runner, workers, dask_address))
        return flow(sources, db, store)
