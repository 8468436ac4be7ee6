"""The worker processes parse and extract run on, and how they end with their owner.

A paper of many pages is laid out in page ranges (parse.py) and read in parts (extract.py)
on every CPU. Workers fork from a forkserver that has imported the pipeline once: forking
this process instead could deadlock a child on a lock DuckDB's threads held, and spawning
would make each worker spend seconds importing spaCy.

An ingest run keeps one pool for all its papers (`run_pool`), started as soon as the run
knows it has papers to read, and every worker exits the moment the process that owns the
pool does, even on `kill -9`, which runs no clean-up: the workers (and through them the
forkserver, which lives while any of them holds its pipe) would otherwise run on, orphaned.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

PR_SET_NAME, PR_SET_PDEATHSIG = 15, 1          # linux/prctl.h
# Looked up here, not in a child between fork and exec, where as little as possible should run.
_prctl = ctypes.CDLL(None, use_errno=True).prctl if sys.platform.startswith("linux") else None


def cpus() -> int:
    return len(os.sched_getaffinity(0))


def may_share() -> bool:
    """More than one CPU, and this process is not a worker already: a worker's CPU is its
    share of someone else's pool."""
    return cpus() >= 2 and multiprocessing.parent_process() is None


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent exits (Linux's parent-death
    signal); for a child to call before it does anything else, as a subprocess's
    `preexec_fn`. A parent already gone by then kills it at once."""
    if _prctl is not None:
        _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


def name_this_process(name: bytes) -> None:
    """This process's name in ps and top (Linux's /proc/PID/comm, 15 bytes at most)."""
    if _prctl is not None:
        _prctl(PR_SET_NAME, ctypes.c_char_p(name[:15]))


def exit_with(owner: int) -> None:
    """Exit this process when the process `owner` exits, however it exits: a pool worker's
    initializer. A worker is the forkserver's child, not its owner's, so the parent-death
    signal would wait for the forkserver, which waits for its workers; a thread watches
    the owner instead (a pidfd turns readable when the process ends)."""
    try:
        watched = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):         # no pidfds (not Linux 5.3+): ask once a second
        threading.Thread(target=_poll_until_gone, args=(owner,), daemon=True).start()
        return
    threading.Thread(target=_exit_when_readable, args=(watched,), daemon=True).start()


def _exit_when_readable(fd: int) -> None:
    select.select([fd], [], [])
    os._exit(1)


def _poll_until_gone(owner: int) -> None:
    while True:
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(1)
        threading.Event().wait(1)


def paper_pool(workers: int | None = None) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    # The record extractors and spaCy too: the workers read parts' sentences, and pipeline.reading
    # imports both only on first use
    context.set_forkserver_preload(["pipeline.forkserver_guard", "pipeline.reading",
                                     "extractors.records", "spacy"])
    return ProcessPoolExecutor(max_workers=workers or cpus(), mp_context=context,
                               initializer=exit_with, initargs=(os.getpid(),))


_run_pool: RunPool | None = None


def _answer_slowly() -> int:
    """A worker's pid, held long enough that the other submissions reach other workers."""
    time.sleep(0.05)
    return os.getpid()


class RunPool:
    """One pool for a whole run, its workers reused from paper to paper. A worker that dies
    (killed, out of memory) breaks a ProcessPoolExecutor for good: the work it had fails,
    and the next submission gets a fresh pool."""

    def __init__(self, workers: int | None) -> None:
        self.workers = workers
        self._pool = paper_pool(workers)
        # The forkserver imports the pipeline from now on, not from the first submission;
        # starting it starts no thread here (flows/once.py forks after it).
        multiprocessing.forkserver.ensure_running()
        self._lock = threading.Lock()
        self._early: dict[tuple, tuple[ProcessPoolExecutor, Future]] = {}

    def warm(self, timeout: float = 30.0) -> set[int]:
        """Start every worker now, from this thread, rather than at the first paper, and
        return their pids. The executor starts workers one submission at a time and a fast
        worker may answer them all, so this asks again until every worker has answered, or
        the run has ended and shut the pool (a short run can end first)."""
        wanted, answered = self.workers or cpus(), set()
        deadline = time.monotonic() + timeout
        while len(answered) < wanted and time.monotonic() < deadline:
            try:
                answered |= {future.result() for future in
                             [self._pool.submit(_answer_slowly) for _ in range(wanted)]}
            except RuntimeError:        # shut down (or broken: BrokenProcessPool is one)
                break
        return answered

    def start_early(self, function: Callable, *args) -> Future:
        """Begin `function(*args)` (its arguments hashable) now, before the run asks for it:
        the first `run_each` of the same call takes its result rather than doing it again. Work
        the run never asks for is cancelled at shutdown, or finishes unread. Its future, for
        the caller to read too."""
        with self._lock:
            if (function, *args) not in self._early:
                self._early[(function, *args)] = self._pool, self._pool.submit(function, *args)
            return self._early[(function, *args)][1]

    def begin_here(self, function: Callable, *args) -> Future | None:
        """Claim `function(*args)` for the caller to compute in this process ahead of the run:
        a future to fulfil, which the first `here` of the same call waits for; None when
        the call is claimed already."""
        with self._lock:
            if (function, *args) in self._early:
                return None
            future = Future()
            self._early[(function, *args)] = None, future
            return future

    def take_here(self, function: Callable, *args) -> Future | None:
        """The future of `function(*args)` if `begin_here` claimed it (taken: once), else None."""
        with self._lock:
            if self._early.get((function, *args), (self._pool,))[0] is None:
                return self._early.pop((function, *args))[1]
        return None

    def run_each(self, function: Callable, calls: list[tuple]) -> list:
        """`function(*args)` for each args of `calls`, all at once on the pool; their results
        in order."""
        with self._lock:
            early = [self._early.pop((function, *args), (self._pool, None)) for args in calls]
        try:
            futures = [future or pool.submit(function, *args) for (pool, future), args in zip(early, calls)]
            return [future.result() for future in futures]
        except BrokenProcessPool:
            with self._lock:
                for pool in {pool for pool, _ in early}:
                    if self._pool is pool:
                        self._pool = paper_pool(self.workers)
                        pool.shutdown(wait=False)
            raise

    def shutdown(self) -> None:
        self._pool.shutdown(cancel_futures=True)


@contextmanager
def run_pool(workers: int | None = None) -> Iterator[RunPool]:
    """The run's pool, for `on_workers` in this process while the context lasts."""
    global _run_pool
    pool = RunPool(workers)
    _run_pool = pool
    try:
        yield pool
    finally:
        _run_pool = None
        pool.shutdown()


def has_run_pool() -> bool:
    return _run_pool is not None


def here(function: Callable, *args, otherwise: Callable):
    """`function(*args)` as this process computed it ahead of the run (`begin_here`), or
    else `otherwise()`, now."""
    early = _run_pool.take_here(function, *args) if _run_pool is not None else None
    return early.result() if early is not None else otherwise()


def on_workers(function: Callable, *args):
    """`function(*args)` on the run's pool when this process has one (the flow's own
    process), else here (a Dask worker, or a test calling a task's body)."""
    return on_workers_each(function, [args])[0]


def on_workers_each(function: Callable, calls: list[tuple]) -> list:
    """`function(*args)` for each args of `calls`: all at once on the run's pool when this
    process has one, else here, one after another."""
    if _run_pool is None:
        return [function(*args) for args in calls]
    return _run_pool.run_each(function, calls)
