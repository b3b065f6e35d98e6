"""A `make bench` killed with SIGKILL leaves nothing running: its PostgreSQL, upstream and server were started
under `setpriv --pdeathsig`, so the kernel ends them with it. Its cluster's files go at the next sweep."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.harness import postgres
from tests.harness.servers import PID_LOG, group_alive, orphan_guard
from tests.helpers import outliving_groups

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not orphan_guard(), reason="setpriv (util-linux) is not installed")
@pytest.mark.skipif(postgres.unavailable() is not None, reason=postgres.unavailable() or "")
def test_a_bench_killed_with_sigkill_leaves_nothing_running(tmp_path):
    pid_log = tmp_path / "pids.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")} | {PID_LOG: str(pid_log)}
    bench = subprocess.Popen(
        [sys.executable, "-m", "tests.harness.bench", "--only", "io-async-uvicorn", "--connections", "10",
         "--seconds", "20", "--repeats", "1", "--warmup", "0", "--out", str(tmp_path / "bench.json")],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    pids: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(pids) < 3:  # PostgreSQL, the upstream, the server
            assert bench.poll() is None, "the bench ended before it started its server"
            assert time.monotonic() < deadline, f"the bench started only {pids}"
            time.sleep(0.1)
            pids = [int(line) for line in pid_log.read_text().split()] if pid_log.exists() else []
        assert all(group_alive(pid) for pid in pids)
        clusters = postgres.clusters_of(bench.pid)
        assert len(clusters) == 1, clusters
    finally:
        os.kill(bench.pid, signal.SIGKILL)
        bench.wait()
    survivors = outliving_groups(pids)
    assert not survivors, f"process groups {survivors} outlived the bench that started them"
    # Its cluster's files stay behind until a sweep (this one, or a cluster's started meanwhile) removes them.
    postgres.sweep_abandoned()
    assert not clusters[0].exists()
