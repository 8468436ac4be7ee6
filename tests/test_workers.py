"""The run's pool of workers: reused from task to task, and a worker's death costs the work
it had, not the rest of the run."""
import os

import pytest
from concurrent.futures.process import BrokenProcessPool

from pipeline import workers


def die() -> None:
    os._exit(3)          # as the OOM killer would end a worker, with no goodbye


def test_the_run_pool_reuses_its_workers_and_replaces_a_pool_a_dead_worker_broke():
    with workers.run_pool(2) as pool:
        assert workers.has_run_pool()
        first = pool.warm()
        assert len(first) == 2 and os.getpid() not in first
        assert {workers.on_workers(os.getpid) for _ in range(40)} <= first        # the same processes
        with pytest.raises(BrokenProcessPool):
            workers.on_workers(die)
        after = workers.on_workers(os.getpid)
        assert after not in first and after != os.getpid()
    assert not workers.has_run_pool() and workers.on_workers(os.getpid) == os.getpid()
