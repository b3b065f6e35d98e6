"""Run Debian's `wrk` (a native load generator: a Python one would measure itself) and read its results.

A Lua `done` hook prints one JSON line with the counts and the latency percentiles, so nothing depends on
wrk's human-readable summary."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .servers import pinned

REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
    .. '"latency_us": {"p50": %d, "p90": %d, "p99": %d, "max": %d, "mean": %.1f}}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
"""


class WrkMissing(RuntimeError):
    pass


def executable() -> str:
    found = shutil.which("wrk")
    if not found:
        raise WrkMissing("wrk is not installed: run scripts/install-wrk (Debian's package; needs root)")
    return found


def version() -> str:
    result = subprocess.run([executable(), "-v"], capture_output=True, text=True)
    return (result.stdout + result.stderr).split("[")[0].strip()  # "wrk debian/4.1.0-3+b2"


def run(url: str, connections: int, seconds: int, layout: dict, timeout: int = 10) -> dict:
    """One bounded wrk run: `connections` open connections (one thread), for `seconds`; one sample."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(REPORT)
    try:
        argv = [executable(), "--threads", "1", "--connections", str(connections), "--duration", f"{seconds}s",
                "--timeout", f"{timeout}s", "--script", script.name, url]
        result = subprocess.run(pinned(argv, layout["load"], layout), capture_output=True, text=True,
                                timeout=seconds + timeout + 15)
    finally:
        Path(script.name).unlink()
    line = next((line for line in result.stdout.splitlines() if line.startswith("{")), None)
    if result.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed on {url} (exit {result.returncode}):\n{result.stdout}{result.stderr}")
    raw = json.loads(line)
    seconds_measured = raw["duration_us"] / 1e6
    ok = raw["requests"] - raw["errors"]["status"]
    latency = {name: round(raw["latency_us"][name] / 1000, 1) if raw["requests"] else None
               for name in ("p50", "p90", "p99")}  # no response, no latency (wrk would say 0)
    return {
        "requests": raw["requests"],
        "seconds": round(seconds_measured, 3),
        "rps": round(ok / seconds_measured, 1),  # successful responses per second
        "p50_ms": latency["p50"],
        "p90_ms": latency["p90"],
        "p99_ms": latency["p99"],
        "errors": sum(raw["errors"].values()),
        "load_average": round(os.getloadavg()[0], 2),  # of the whole machine: other programs' noise shows here
        "error_kinds": {kind: n for kind, n in raw["errors"].items() if n},
    }
