"""The short version of the bench that the performance page runs in `make test`: a few scenarios, one
1-second sample per cell, servers shared where they can be. Its numbers are noisy by design; the page only
compares them with each other, as ratios within one run, never with a fixed number."""

from __future__ import annotations

from . import run, scenarios


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
