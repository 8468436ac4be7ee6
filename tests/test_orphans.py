"""A `boardpapers ingest` killed with SIGKILL takes every process it started with it:
Prefect's temporary API server, the pool's forkserver and workers, the resource tracker.
The kill is of the ingest alone, not its process group, as when the kernel's OOM killer
or an operator's `kill -9 PID` ends it; nothing of it runs clean-up code."""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.packgen import write_pack
from tests.pdfgen import write_pdf

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                                reason="finds an ingest's processes through /proc (Linux)")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:          # the process ended meanwhile
            pass
    return found


def descendants(pid: int) -> dict[int, int]:
    """Every descendant of `pid` now, with its parent's pid."""
    tree, stack = {}, [pid]
    while stack:
        parent = stack.pop()
        for child in children(parent):
            tree[child] = parent
            stack.append(child)
    return tree


def command_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def running(pid: int) -> bool:
    """Alive and not a zombie waiting for a reaper (which has ended all the same)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def name_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def listening_port(pid: int) -> int | None:
    """The TCP port the process listens on, from its sockets' inodes in /proc/net/tcp."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and fields[9] in inodes:          # 0A: LISTEN
            return int(fields[1].split(":")[1], 16)
    return None


def flow_run_is_running(server: int) -> bool:
    """Whether the server process `server` has a flow run in state Running."""
    if (port := listening_port(server)) is None:
        return False
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/flow_runs/filter", method="POST",
        data=json.dumps({"flow_runs": {"state": {"type": {"any_": ["RUNNING"]}}}, "limit": 1}).encode(),
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=2) as reply:
            return bool(json.loads(reply.read()))
    except OSError:
        return False


@pytest.fixture
def papers(tmp_path):
    """A long pack, to be mid-way through when the kill comes, and two short papers."""
    folder = tmp_path / "papers"
    folder.mkdir()
    write_pack(folder / "agenda pack.pdf", 200)
    for n in range(2):
        write_pdf(folder / f"report {n}.pdf", [[
            (72, 790, "Exampleton Health and Wellbeing Board", 14, True),
            (72, 730, f"The CCG will review home care contract {n} by March {2021 + n}.", 10)]])
    return folder


def test_a_killed_ingest_leaves_no_process_of_its_own_running(papers, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    stderr = (tmp_path / "stderr.txt").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", "from boardpapers.cli import main; main()", "ingest", str(papers),
         "--db", str(tmp_path / "w.duckdb"), "--workers", "2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=stderr, start_new_session=True)
    seen: dict[int, int] = {}
    try:
        deadline = time.monotonic() + 600          # a shared machine can be very slow
        while time.monotonic() < deadline and process.poll() is None:
            seen.update(descendants(process.pid))
            servers = [pid for pid in seen if name_of(pid) == "prefect-server"]
            forkservers = {pid for pid in seen if "forkserver" in command_of(pid) and seen[pid] == process.pid}
            workers = [pid for pid, parent in seen.items() if parent in forkservers]
            if servers and len(workers) == 2 and flow_run_is_running(servers[0]):
                break
            time.sleep(0.2)
        else:
            pytest.fail("the ingest ended, or never had its server, workers and flow run going:\n"
                        + (tmp_path / "stderr.txt").read_text())
        seen.update(descendants(process.pid))
        process.send_signal(signal.SIGKILL)
        process.wait()
        left = set(seen)
        deadline = time.monotonic() + 10
        while left and time.monotonic() < deadline:
            left = {pid for pid in left if running(pid)}
            time.sleep(0.1)
        assert not left, "still running 10 s after the kill:\n" + "\n".join(
            f"{pid} (child of {seen[pid]}): {command_of(pid)[:120]}" for pid in sorted(left))
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)   # whatever is left of its session, gone now
        except ProcessLookupError:
            pass
        process.wait()
        stderr.close()
