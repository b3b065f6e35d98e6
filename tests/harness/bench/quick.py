"""The short version of the bench that the performance page runs in `make test`: a few scenarios, 1-second
samples, servers shared where they can be. Its numbers are noisy by design; the page only
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

    def ratio(self, faster: str, slower: str, connections: int) -> float:
        """How many times `faster`'s throughput is `slower`'s."""
        return self.rps(faster, connections) / max(self.rps(slower, connections), 0.1)


def measure(scenario_ids: list[str], connections: int, seconds: int = 1, warmup: int = 0) -> Results:
    """One sample per scenario. `warmup`: seconds of load before it, for a cost per request that must not count
    a fresh server's first requests (URL resolver, templates and connections made on first use)."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    return Results(run.measure(chosen, (connections,), seconds, repeats=1, warmup=warmup, reuse=True,
                               log=lambda _: None))


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


def alternating(scenario_ids: list[str], connections: int, rounds: int = 2, warmup: int = 1) -> Alternated:
    """Scenarios that share one server, measured in turns: `warmup` seconds of load each, then 1-second slices
    (A B C A B C …), `rounds` each. On a machine busy with other work (this site's own tests), the load changes
    from one second to the next; taking turns gives every scenario its share of the quiet seconds and the busy
    ones, where one sample each, one after the other, can give one scenario all the busy ones."""
    chosen = [scenarios.BY_ID[i] for i in scenario_ids]
    assert len({(s.server, s.settings) for s in chosen}) == 1, "the scenarios must run under the same server"
    layout = servers.cpu_layout()
    used = {s.id: [0.0, 0, 0.0] for s in chosen}  # CPU seconds, requests, sum of the slices' responses per second
    with ExitStack() as stack:
        pg_env, _, upstream_url = run.services(stack, layout)
        env = {**pg_env, "BENCH_UPSTREAM": upstream_url, "DJANGO_SETTINGS_MODULE": chosen[0].settings}
        process, url = servers.start_server(scenarios.SERVERS[chosen[0].server], env, layout, chosen[0].path)
        stack.callback(process.stop)
        for scenario in chosen:
            wrk.run(url + scenario.path, connections, warmup, layout)
            servers.drain(url + scenario.path)
        for _ in range(rounds):
            for scenario in chosen:
                servers.drain(url + scenario.path)
                before = process.cpu_seconds()
                sample = wrk.run(url + scenario.path, connections, 1, layout)
                used[scenario.id][0] += process.cpu_seconds() - before
                used[scenario.id][1] += sample["requests"]
                used[scenario.id][2] += sample["rps"]
    return Alternated(
        rps={scenario_id: total_rps / rounds for scenario_id, (_, _, total_rps) in used.items()},
        cpu_ms={scenario_id: cpu * 1000 / max(requests, 1) for scenario_id, (cpu, requests, _) in used.items()},
    )
