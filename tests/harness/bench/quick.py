"""The short version of the bench that the performance page runs in `make test`: a few scenarios, one
1-second sample per cell, servers shared where they can be. Its numbers are noisy by design; the page only
compares them with each other, as ratios within one run, never with a fixed number."""

from __future__ import annotations

from contextlib import ExitStack

from . import run, scenarios, servers, wrk


class Results:
    def __init__(self, data: dict) -> None:
        self.data = data

    def cell(self, scenario_id: str, connections: int) -> dict:
        return self.data["scenarios"][scenario_id]["cells"][str(connections)]

    def rps(self, scenario_id: str, connections: int) -> float:
        return self.cell(scenario_id, connections)["rps"]

    def cpu_ratio(self, first: str, second: str, connections: int) -> float:
        """How many times the server CPU time per request of `first` is that of `second`. A cost, so it holds
        on a busy machine, where throughput only says how much CPU the server was given."""
        return (self.cell(first, connections)["samples"][0]["server_cpu_ms_per_request"]
                / self.cell(second, connections)["samples"][0]["server_cpu_ms_per_request"])

    def ratio(self, faster: str, slower: str, connections: int) -> float:
        """How many times `faster`'s throughput is `slower`'s."""
        return self.rps(faster, connections) / max(self.rps(slower, connections), 0.1)


def measure(scenario_ids: list[str], connections: int, seconds: int = 1, warmup: int = 0) -> Results:
    """One sample per scenario. `warmup`: seconds of load before it, for a cost per request that must not count
    a fresh server's first requests (URL resolver, templates and connections made on first use)."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    return Results(run.measure(chosen, (connections,), seconds, repeats=1, warmup=warmup, reuse=True,
                               log=lambda _: None))


def cpu_per_request(scenario_ids: list[str], connections: int, rounds: int = 2, warmup: int = 1) -> dict[str, float]:
    """Server CPU milliseconds per request of scenarios that share one server, measured in alternating 1-second
    slices (A B A B …) after `warmup` seconds of load each. On a machine busy with other work, what the other
    programs do changes from one second to the next; alternating gives each scenario its share of both."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    assert len({(s.server, s.settings) for s in chosen}) == 1, "the scenarios must run under the same server"
    layout = servers.cpu_layout()
    used = {s.id: [0.0, 0] for s in chosen}  # CPU seconds, requests
    with ExitStack() as stack:
        pg_env, _, upstream_url = run.services(stack, layout)
        env = {**pg_env, "BENCH_UPSTREAM": upstream_url, "DJANGO_SETTINGS_MODULE": chosen[0].settings}
        process, url = servers.start_server(scenarios.SERVERS[chosen[0].server], env, layout, chosen[0].path)
        stack.callback(process.stop)
        for scenario in chosen:
            wrk.run(url + scenario.path, connections, warmup, layout)
        for _ in range(rounds):
            for scenario in chosen:
                servers.drain(url + scenario.path)
                before = process.cpu_seconds()
                sample = wrk.run(url + scenario.path, connections, 1, layout)
                used[scenario.id][0] += process.cpu_seconds() - before
                used[scenario.id][1] += sample["requests"]
    return {scenario_id: seconds * 1000 / max(requests, 1) for scenario_id, (seconds, requests) in used.items()}
