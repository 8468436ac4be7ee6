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


def note_call(path: str) -> int:
    """Appends a line to `path` each time it runs; returns how many lines it holds now."""
    with open(path, "a") as log:
        log.write("ran\n")
    return len(open(path).read().splitlines())


def test_work_started_early_is_taken_by_the_first_run_of_the_same_call_not_done_again(tmp_path):
    early, other = str(tmp_path / "early.log"), str(tmp_path / "other.log")
    with workers.run_pool(2) as pool:
        pool.start_early(note_call, early)
        pool.start_early(note_call, early)                 # the same call again: still once
        pool.start_early(note_call, other)                 # never asked for: no harm at shutdown
        assert workers.on_workers(note_call, early) == 1  # the early run's answer
        assert workers.on_workers(note_call, early) == 2  # taken once: a second call runs anew
    assert open(early).read().splitlines() == ["ran", "ran"]


def test_calls_run_each_at_once_on_the_pool_take_early_work_and_answer_in_order(tmp_path):
    """A long paper's page ranges go to the pool in one task: those begun early are taken,
    the rest run beside them on every worker, and the answers come back in the calls' order."""
    logs = [str(tmp_path / f"range{n}.log") for n in range(5)]
    with workers.run_pool(2) as pool:
        pool.start_early(note_call, logs[3])
        assert workers.on_workers_each(note_call, [(log,) for log in logs]) == [1] * 5
        assert len(set(workers.on_workers_each(slow_pid, [()] * 4))) == 2    # both workers at once
    assert all(open(log).read().splitlines() == ["ran"] for log in logs)
    assert workers.on_workers_each(note_call, [(logs[0],)]) == [2]       # no pool: here


def slow_pid() -> int:
    import time

    time.sleep(0.3)
    return os.getpid()


def test_work_claimed_here_is_waited_for_by_the_run_and_not_done_again(tmp_path):
    import threading

    log = str(tmp_path / "here.log")
    with workers.run_pool(1) as pool:
        promise = pool.begin_here(note_call, log)
        assert pool.begin_here(note_call, log) is None            # claimed once
        threading.Timer(0.3, promise.set_result, args=(41,)).start()
        assert workers.here(note_call, log, otherwise=lambda: note_call(log)) == 41  # waited for
        assert workers.here(note_call, log, otherwise=lambda: note_call(log)) == 1   # taken once
    assert workers.here(note_call, log, otherwise=lambda: note_call(log)) == 2       # no pool: now


def test_warming_a_pool_the_run_has_already_shut_ends_quietly():
    """A short run can end, and shut its pool, before the thread warming it is done."""
    run = workers.RunPool(2)
    run.shutdown()
    assert run.warm() == set()
