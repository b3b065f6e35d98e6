"""The short version of the bench that the performance page runs in `make test`: a few scenarios, 1-second
samples, taken in turns. Its numbers are noisy by design; the page only compares them with each other, as ratios
within one run, never with a fixed number."""

from __future__ import annotations

import os
from contextlib import ExitStack

from . import run, scenarios, servers, wrk


class Alternated:
    """Throughput and server CPU per request of scenarios measured in turns (see `alternating`)."""

    def __init__(self, rps: dict[str, float], cpu_ms: dict[str, float]) -> None:
        self.rps, self.cpu_ms = rps, cpu_ms

    def ratio(self, faster: str, slower: str) -> float:
        """How many times `faster`'s throughput is `slower`'s."""
        return self.rps[faster] / max(self.rps[slower], 0.1)

    def cpu_ratio(self, first: str, second: str) -> float:
        """How many times the server CPU milliseconds per request of `first` is that of `second`."""
        return self.cpu_ms[first] / self.cpu_ms[second]


def shared_layout() -> dict:
    """No CPU pinning: in the test suite the machine is busy with other tests, and a server pinned to one core
    waits for it while the other core may be free. (`make bench` pins, on a quiet machine.)"""
    cpus = sorted(os.sched_getaffinity(0))
    return {"pinned": False, "server": cpus, "load": cpus}


def alternating(scenario_ids: list[str], connections: int, rounds: int = 2, warmup: int = 1) -> Alternated:
    """Scenarios measured in turns, each server started once (scenarios under the same server and settings share
    it): `warmup` seconds of load each (a fresh server's first requests are slow), then 1-second slices
    (A B C A B C …), `rounds` each. On a machine busy with other work (this site's own tests), the load changes
    from one second to the next; taking turns gives every scenario its share of the quiet seconds and the busy
    ones, where one sample each, one after the other, can give one scenario all the busy ones."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    layout = shared_layout()
    used = {s.id: [0.0, 0, 0.0] for s in chosen}  # CPU seconds, requests, sum of the slices' responses per second
    with ExitStack() as stack:
        pg_env, _, upstream_url = run.services(stack, layout)
        started: dict[tuple[str, str], tuple[servers.Process, str]] = {}
        target: dict[str, tuple[servers.Process, str]] = {}  # each scenario's server process and URL
        for scenario in chosen:
            key = (scenario.server, scenario.settings)
            if key not in started:
                env = {**pg_env, "BENCH_UPSTREAM": upstream_url, "DJANGO_SETTINGS_MODULE": scenario.settings}
                started[key] = servers.start_server(scenarios.SERVERS[scenario.server], env, layout, scenario.path)
                stack.callback(started[key][0].stop)
            target[scenario.id] = (started[key][0], started[key][1] + scenario.path)
        for scenario in chosen if warmup else []:
            # At 10 connections at most, as `make bench` warms up: after 100, a sync worker's backlog takes
            # 10 s to drain.
            wrk.run(target[scenario.id][1], min(connections, 10), warmup, layout)
            servers.drain(target[scenario.id][1])
        for _ in range(rounds):
            for scenario in chosen:
                process, url = target[scenario.id]
                servers.drain(url)
                before = process.cpu_seconds()
                sample = wrk.run(url, connections, 1, layout)
                used[scenario.id][0] += process.cpu_seconds() - before
                used[scenario.id][1] += sample["requests"]
                used[scenario.id][2] += sample["rps"]
    return Alternated(
        rps={scenario_id: total_rps / rounds for scenario_id, (_, _, total_rps) in used.items()},
        cpu_ms={scenario_id: cpu * 1000 / max(requests, 1) for scenario_id, (cpu, requests, _) in used.items()},
    )
