"""Peak resident memory of a process tree, sampled while a measured step runs.

ru_maxrss sees one process only, but ingest spreads over worker processes (a pool's
workers, a forkserver and its children, Prefect's temporary API server). TreeRSS samples
this process and all its descendants with psutil every `interval` seconds from a
background thread, keeping the largest total and the largest single process; it looks for
new members of the tree every LOOK_FOR_NEW_EVERY samples. Peaks shorter than the interval can
be missed. Without psutil (the `bench` extra) both are None.
"""
from __future__ import annotations

import os
import threading

try:
    import psutil
except ImportError:         # the bench extra is optional: report nothing rather than fail
    psutil = None

MB = 2**20
LOOK_FOR_NEW_EVERY = 5
"""Samples between passes over the machine's processes for new members of the tree (a pass
costs milliseconds of CPU, taken from what is measured); the others read the known
members' sizes only. A process that starts and ends between two passes goes unseen."""


class TreeRSS:
    """Use as `with TreeRSS(exclude) as rss:`; then `rss.peak_total_mb`, `rss.peak_single_mb`.
    Processes in `exclude` (pids), and their descendants, are left out: helpers that an
    earlier step left running and the measured step does not use."""

    def __init__(self, exclude: frozenset[int] = frozenset(), interval: float = 0.1) -> None:
        self.exclude, self.interval = exclude, interval
        self.peak_total_mb: float | None = None
        self.peak_single_mb: float | None = None
        self._stop = threading.Event()
        self._members: list | None = None
        self._thread = threading.Thread(target=self._sample_until_stopped, daemon=True)

    def __enter__(self) -> TreeRSS:
        if psutil is not None:
            self.peak_total_mb = self.peak_single_mb = 0.0
            self._sample()
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if psutil is not None:
            self._stop.set()
            self._thread.join()
            self._sample()

    def _sample_until_stopped(self) -> None:
        samples = 0
        while not self._stop.wait(self.interval):
            samples += 1
            self._sample(look_for_new=samples % LOOK_FOR_NEW_EVERY == 0)

    def _sample(self, look_for_new: bool = True) -> None:
        if look_for_new or self._members is None:
            self._members = tree(self.exclude)
        sizes = [size for size in map(_rss, self._members) if size is not None]
        self.peak_total_mb = max(self.peak_total_mb, sum(sizes) / MB)
        self.peak_single_mb = max(self.peak_single_mb, max(sizes, default=0) / MB)


def tree(exclude: frozenset[int] = frozenset()) -> list:
    """This process and its descendants, less the subtrees rooted at `exclude`: from one
    pass over the machine's processes (asking each process for its children would pass
    over all of them once per process, a sampler's CPU taken from what it measures)."""
    children: dict[int, list] = {}
    for process in psutil.process_iter(["ppid"]):
        children.setdefault(process.info["ppid"], []).append(process)
    found = [psutil.Process(os.getpid())]
    stack = list(found)
    while stack:
        below = [child for child in children.get(stack.pop().pid, []) if child.pid not in exclude]
        found += below
        stack += below
    return found


def descendants_now() -> frozenset[int]:
    """The pids of this process's descendants at this moment (none without psutil)."""
    return frozenset(p.pid for p in tree()[1:]) if psutil is not None else frozenset()


def _rss(process) -> int | None:
    try:
        return process.memory_info().rss
    except psutil.Error:
        return None
