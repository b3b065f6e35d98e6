"""Run the grid and write docs/data/bench.json.

Each repetition starts every scenario's server afresh, warms it up for a second, then runs wrk at each
connection count. Repetitions are interleaved (all scenarios, then all scenarios again), so a burst of noise
from another process lands on one sample of a scenario, not on all of them; the results are medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from . import environment, scenarios, servers, wrk

ROOT = Path(__file__).resolve().parents[3]
OUTPUT = ROOT / "docs" / "data" / "bench.json"
PG_VARIABLES = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")


def database(stack: ExitStack, layout: dict) -> tuple[dict[str, str], str]:
    """The libpq variables of a PostgreSQL to use: the one in the environment (the page's), else a throwaway
    cluster started by the harness for this run, on the load generator's CPUs (it inherits them)."""
    if not os.environ.get("PGHOST"):
        from tests.harness import postgres

        reason = postgres.unavailable()
        if reason:
            raise SystemExit(f"bench: {reason}")
        cluster = postgres.Cluster()
        stack.callback(cluster.stop)
        own = os.sched_getaffinity(0)
        os.sched_setaffinity(0, layout["load"])
        try:
            cluster.start()
        finally:
            os.sched_setaffinity(0, own)
    variables = {name: os.environ[name] for name in PG_VARIABLES}
    import psycopg

    with psycopg.connect() as connection:
        server_version = connection.execute("SHOW server_version").fetchone()[0].split()[0]
    return variables, server_version


MIGRATED: set[tuple[str, str]] = set()


def services(stack: ExitStack, layout: dict) -> tuple[dict[str, str], str, str]:
    """What every scenario's server needs, stopped with `stack`: a migrated PostgreSQL (its libpq variables and
    version) and the slow upstream (its URL)."""
    pg_env, pg_version = database(stack, layout)
    migrate(pg_env)
    upstream, upstream_url = servers.start_upstream(scenarios.UPSTREAM_DELAY, layout)
    stack.callback(upstream.stop)
    return pg_env, pg_version, upstream_url


def migrate(env: dict[str, str]) -> None:
    """Create the tables the ORM views read, once per database per process."""
    where = (env["PGHOST"], env["PGPORT"])
    if where in MIGRATED:
        return
    subprocess.run([sys.executable, "-m", "django", "migrate", "--verbosity", "0"], cwd=servers.BENCH,
                   env=servers.environment({**env, "DJANGO_SETTINGS_MODULE": "benchsite.settings"}), check=True)
    MIGRATED.add(where)


def summarise(samples: list[dict], connections: int, ideal: bool) -> dict:
    cell = {
        "samples": samples,
        "rps": round(statistics.median(s["rps"] for s in samples), 1),
        "p50_ms": _median_of(samples, "p50_ms"),
        "p99_ms": _median_of(samples, "p99_ms"),
        "errors": sum(s["errors"] for s in samples),
        "cpu_ms_per_request": _median_of(samples, "server_cpu_ms_per_request"),
    }
    if ideal:
        cell["ideal_rps"] = round(connections / scenarios.UPSTREAM_DELAY, 1)
        cell["of_ideal"] = round(cell["rps"] / cell["ideal_rps"], 3)
    return cell


def _median_of(samples: list[dict], name: str) -> float | None:
    """Over the samples that have the value (latency needs a response); None when none has it."""
    values = [s[name] for s in samples if s.get(name) is not None]
    return round(statistics.median(values), 2) if values else None


def measure(chosen: list[scenarios.Scenario], connections: tuple[int, ...], seconds: int, repeats: int,
            warmup: int, reuse: bool = False, log=print) -> dict:
    """Run the grid; return bench.json's content. With `reuse`, consecutive scenarios that run under the same
    server and settings share one server process (the short runs of the test suite)."""
    layout = servers.cpu_layout()
    started = time.monotonic()
    samples: dict[str, dict[int, list[dict]]] = {s.id: {c: [] for c in connections} for s in chosen}
    batches = _batches(chosen, reuse)
    with ExitStack() as stack:
        pg_env, pg_version, upstream_url = services(stack, layout)
        for repeat in range(repeats):
            for batch in batches:
                env = {**pg_env, "BENCH_UPSTREAM": upstream_url, "DJANGO_SETTINGS_MODULE": batch[0].settings}
                process, url = servers.start_server(scenarios.SERVERS[batch[0].server], env, layout, batch[0].path)
                try:
                    for position, scenario in enumerate(batch):
                        target = url + scenario.path
                        if warmup:
                            wrk.run(target, 10, warmup, layout)
                        for count in connections:
                            servers.drain(target)
                            cpu = process.cpu_seconds()
                            sample = wrk.run(target, count, seconds, layout)
                            used = process.cpu_seconds() - cpu
                            sample["server_cpu_ms_per_request"] = (
                                round(used * 1000 / sample["requests"], 3) if sample["requests"] else None)
                            samples[scenario.id][count].append(sample)
                            log(f"bench: [{repeat + 1}/{repeats}] {scenario.id:32} c={count:<3} {sample['rps']:8.1f} "
                                f"req/s  p50 {sample['p50_ms']} ms  p99 {sample['p99_ms']} ms  "
                                f"errors {sample['errors']}")
                        if position + 1 < len(batch):
                            servers.drain(target)  # the next scenario shares this server
                finally:
                    process.stop()
        environment_ = environment.describe(layout, pg_version)
    loads = [sample["load_average"] for cells in samples.values() for cell in cells.values() for sample in cell]
    environment_["load_average"] = {"median": round(statistics.median(loads), 2), "max": max(loads)}
    return {
        "fingerprint": scenarios.fingerprint(),
        "environment": environment_,
        "method": {"seconds": seconds, "repeats": repeats, "warmup_seconds": warmup,
                   "connections": list(connections), "upstream_delay": scenarios.UPSTREAM_DELAY,
                   "wall_seconds": round(time.monotonic() - started, 1)},
        "scenarios": {
            s.id: {"group": s.group, "label": s.label, "server": s.server, "command": scenarios.SERVERS[s.server],
                   "path": s.path, "settings": s.settings, "notes": s.notes,
                   "cells": {str(c): summarise(samples[s.id][c], c, s.ideal) for c in connections}}
            for s in chosen
        },
    }


def _batches(chosen: list[scenarios.Scenario], reuse: bool) -> list[list[scenarios.Scenario]]:
    batches: list[list[scenarios.Scenario]] = []
    for scenario in chosen:
        last = batches[-1][-1] if batches else None
        if reuse and last and (last.server, last.settings) == (scenario.server, scenario.settings):
            batches[-1].append(scenario)
        else:
            batches.append([scenario])
    return batches


def write(result: dict, path: Path = OUTPUT) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=1) + "\n")
