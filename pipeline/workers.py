"""The worker processes a long paper is shared out to, when this process may start them.

A paper of many pages is laid out in page ranges (parse.py) and read in parts (extract.py)
on every CPU. Workers fork from a forkserver that has imported the pipeline once: forking
this process instead could deadlock a child on a lock DuckDB's threads held, and spawning
would make each worker spend seconds importing spaCy.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def cpus() -> int:
    return len(os.sched_getaffinity(0))


def may_share() -> bool:
    """More than one CPU, and this process is not a worker already: a worker's CPU is its
    share of someone else's pool."""
    return cpus() >= 2 and multiprocessing.parent_process() is None


def paper_pool() -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.extract"])
    return ProcessPoolExecutor(max_workers=cpus(), mp_context=context)
