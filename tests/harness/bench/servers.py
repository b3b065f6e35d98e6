"""Start one benchmarked process on 127.0.0.1 and a free port, pinned to its CPU cores, and stop it by PID.

The harness's own pieces do the careful parts: `free_port`, the `setpriv --pdeathsig` guard (a killed bench
takes its servers with it) and each server program's way of being told where to listen."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.harness.servers import HOST, PID_LOG, adapter_for, free_port, group_alive, orphan_guard

BENCH = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


class StartFailed(RuntimeError):
    pass


def cpu_layout() -> dict:
    """Server on the last CPU, load generator (and upstream, PostgreSQL) on the others; no pinning on 1 CPU.
    (PostgreSQL inherits the bench's own affinity: all CPUs. Only the server is alone on its core.)"""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2 or not shutil.which("taskset"):  # taskset: util-linux, on every Debian
        return {"pinned": False, "server": cpus, "load": cpus}
    return {"pinned": True, "server": cpus[-1:], "load": cpus[:-1]}


def pinned(argv: list[str], cpus: list[int], layout: dict) -> list[str]:
    """`argv` on these CPUs (taskset), and ended by the kernel if the bench dies (setpriv --pdeathsig)."""
    if not layout["pinned"]:
        return [*orphan_guard("TERM"), *argv]
    return [*orphan_guard("TERM"), "taskset", "--cpu-list", ",".join(map(str, cpus)), *argv]


def environment(extra: dict[str, str]) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GUNICORN", "GRANIAN", "UVICORN"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(BENCH)
    env.pop("PYTHONASYNCIODEBUG", None)
    env.update(extra)
    return env


class Process:
    """A process group started under the pdeathsig guard; `stop` ends the group by its PID."""

    def __init__(self, argv: list[str], env: dict[str, str], name: str) -> None:
        self.name = name
        self.log = Path(tempfile.mkstemp(prefix=f"bench-{name}-", suffix=".log")[1])
        with open(self.log, "wb") as sink:
            self.process = subprocess.Popen(argv, cwd=BENCH, env=env,
                                            stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        if os.environ.get(PID_LOG):  # the orphan test reads it
            with open(os.environ[PID_LOG], "a") as pids:
                pids.write(f"{self.process.pid}\n")

    def _members(self):
        """The live processes of the group: each one's /proc directory and the fields of its `stat` after the
        command name."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == self.process.pid:  # the process group
                yield stat.parent, fields

    def cpu_seconds(self) -> float:
        """CPU time (user + system) used so far by the live processes of the group: the server's own cost,
        which other programs' load on the machine barely changes (unlike its throughput)."""
        ticks = sum(int(fields[11]) + int(fields[12]) for _, fields in self._members())  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def run_queue_waits(self) -> dict[int, float]:
        """Seconds each live thread of the group has spent so far ready to run but waiting for a CPU, by thread
        ID (the kernel's `/proc/PID/task/TID/schedstat`, second field): the time other programs on a busy
        machine took from the server. Empty where the kernel keeps no such counts."""
        waits = {}
        for directory, _ in self._members():
            try:
                for task in (directory / "task").iterdir():
                    waits[int(task.name)] = int((task / "schedstat").read_text().split()[1]) / 1e9
            except (OSError, IndexError, ValueError):
                continue
        return waits

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # workers that outlived their master
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        group_alive(self.process.pid, timeout=2.0)
        self.log.unlink(missing_ok=True)


def start_server(command: str, env: dict[str, str], layout: dict, probe: str, timeout: float = 30.0):
    """Start `command` on a free port; return (process, base URL) once `probe` answers 200."""
    args = shlex.split(command)
    port = free_port()
    adapter_for(command).rewrite(args, port)
    process = Process(pinned(args, layout["server"], layout), environment(env), args[0])
    url = f"http://{HOST}:{port}"
    wait_answering(process, url + probe, timeout)
    return process, url


def wait_answering(process: Process, url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.process.poll() is not None:
            raise StartFailed(f"{process.name} exited with status {process.process.returncode}:\n{process.output()}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            process.stop()
            raise StartFailed(f"{process.name} did not answer {url} within {timeout:g} s:\n{process.output()}")
        time.sleep(0.1)


def drain(url: str, timeout: float = 20.0) -> None:
    """Wait for one request to come back. wrk closes its connections when it stops, but a server that queues
    requests (one sync worker, a blocked event loop) still has the abandoned ones to serve; a probe sent now is
    answered after them, so the next measurement starts on an idle server."""
    try:
        urllib.request.urlopen(url, timeout=timeout).close()
    except OSError:
        pass


def start_upstream(delay: float, layout: dict) -> tuple[Process, str]:
    port = free_port()
    argv = [sys.executable, "-m", "tests.harness.bench.upstream", "--port", str(port), "--delay", str(delay)]
    process = Process(pinned(argv, layout["load"], layout), {**os.environ, "PYTHONPATH": str(BENCH.parents[2])},
                      "upstream")
    url = f"http://{HOST}:{port}/"
    wait_answering(process, url, 15)
    return process, url
