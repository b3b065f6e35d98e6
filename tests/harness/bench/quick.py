"""The short version of the bench that the performance page runs in `make test`: a few scenarios, 1-second
samples, taken in turns. Its numbers are noisy by design; the page only compares them with each other, as ratios
within one run, never with a fixed number."""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack

from .. import quiet
from . import run, scenarios, servers, wrk


class Alternated:
    """Throughput and server CPU per request of scenarios measured in turns (see `alternating`)."""

    def __init__(self, rps: dict[str, float], cpu_ms: dict[str, float], wall_rps: dict[str, float],
                 starved: dict[str, float]) -> None:
        self.rps, self.cpu_ms, self.wall_rps, self.starved = rps, cpu_ms, wall_rps, starved

    def ratio(self, faster: str, slower: str) -> float:
        """How many times `faster`'s throughput is `slower`'s (`rps`: counted over the time the machine let
        each server run)."""
        self._measured(faster, slower)
        return self.rps[faster] / self.rps[slower]

    def cpu_ratio(self, first: str, second: str) -> float:
        """How many times the server CPU milliseconds per request of `first` is that of `second`."""
        self._measured(first, second)
        return self.cpu_ms[first] / self.cpu_ms[second]

    def _measured(self, *names: str) -> None:
        """A scenario with no successful response was not measured: any ratio with it would be a guess."""
        for name in names:
            if not self.rps[name]:
                raise RuntimeError(f"{name}: no successful response in its samples, so nothing to compare; its "
                                   f"server's log, or the figures on stderr, say why\n{self.summary()}")

    def summary(self) -> str:
        """One line per scenario, for the log of a run whose ratios surprise."""
        return "\n".join(f"{name}: {self.rps[name]:.1f} requests/s unstarved, {self.wall_rps[name]:.1f} by the "
                         f"clock, kept from a CPU {self.starved[name]:.0%} of the time, "
                         f"{self.cpu_ms[name]:.2f} ms CPU/request" for name in self.rps)


def shared_layout() -> dict:
    """No CPU pinning: in the test suite the machine is busy with other tests, and a server pinned to one core
    waits for it while the other core may be free. (`make bench` pins, on a quiet machine.)"""
    cpus = sorted(os.sched_getaffinity(0))
    return {"pinned": False, "server": cpus, "load": cpus}


def alternating(scenario_ids: list[str], connections: int, rounds: int = 2, warmup: int = 1,
                seconds: int = 1, once: tuple[str, ...] = ()) -> Alternated:
    """Scenarios measured in turns, each server started once (scenarios under the same server and settings share
    it): `warmup` seconds of load each (a fresh server's first requests are slow), then slices of `seconds`
    (A B C A B C …), `rounds` each. On a machine busy with other work (this site's own tests), the load changes
    from one second to the next; taking turns gives every scenario its share of the quiet seconds and the busy
    ones, where one sample each, one after the other, can give one scenario all the busy ones. While the slices
    run, the suite's other workers wait between their tests (`quiet.measuring`); the warm-up does not need them to.
    A slice waits for its server to have served what the previous one left queued (`servers.drain`): after 100
    connections, one sync worker takes 10 s to get through them, so there one longer turn each (`rounds=1`) keeps
    that wait out of the pause. The scenarios in `once` take one turn, in the last round (where the gap between
    them is wide and one second settles it).

    Throughput (`rps`) counts each slice's successful responses over the time the server was running or waiting
    for the network, leaving out the time the kernel kept it ready but off every CPU because other programs had
    them (`Process.run_queue_waits`). That time slows a server that needs the CPU (an async server at 100
    connections) and not one that mostly waits (a sync worker): counted in, a busy machine alone could turn one
    comparison around. `wall_rps` is the plain figure."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    if unknown := set(once) - set(scenario_ids):
        raise ValueError(f"once= names scenarios that are not measured here: {sorted(unknown)}")
    layout = shared_layout()
    # Per scenario: CPU seconds, requests, successful responses, seconds by the clock, seconds kept from a CPU.
    used = {s.id: [0.0, 0, 0.0, 0.0, 0.0] for s in chosen}
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
            # At 10 connections at most, as `make bench` warms up: after 100, a sync worker's backlog takes 10 s
            # to drain. Not timed, so the other test workers go on meanwhile.
            wrk.run(target[scenario.id][1], min(connections, 10), warmup, layout)
            servers.drain(target[scenario.id][1])
        with quiet.measuring():  # the other test workers wait: the figures are this server's, not the machine's
            for round_ in range(rounds):
                for scenario in chosen:
                    if scenario.id in once and round_ < rounds - 1:
                        continue
                    process, url = target[scenario.id]
                    servers.drain(url)
                    cpu, waits = process.cpu_seconds(), process.run_queue_waits()
                    sample = wrk.run(url, connections, seconds, layout)
                    totals = used[scenario.id]
                    totals[0] += process.cpu_seconds() - cpu
                    totals[1] += sample["requests"]
                    totals[2] += sample["rps"] * sample["seconds"]
                    totals[3] += sample["seconds"]
                    totals[4] += min(_starved(waits, process.run_queue_waits()), 0.9 * sample["seconds"])
    result = Alternated(
        rps={name: ok / (seconds - starved) if ok else 0.0 for name, (_, _, ok, seconds, starved) in used.items()},
        cpu_ms={name: cpu * 1000 / max(requests, 1) for name, (cpu, requests, *_) in used.items()},
        wall_rps={name: ok / seconds for name, (_, _, ok, seconds, _) in used.items()},
        starved={name: starved / seconds for name, (*_, seconds, starved) in used.items()},
    )
    print(result.summary(), file=sys.stderr)  # shown by pytest when a check on these numbers fails
    return result


def _starved(before: dict[int, float], after: dict[int, float]) -> float:
    """The longest time one thread of the server waited for a CPU between the two readings. A busy thread
    (an event loop, a sync worker) waiting for the CPU is the whole server waiting; taking one thread's wait,
    never their sum, cannot count more time than passed."""
    return max((after[tid] - before[tid] for tid in after.keys() & before.keys()), default=0.0)
