"""Do two runs order the scenarios the same way?

Within each group and connection count, a run *separates* two scenarios when one's median throughput is at
least `MARGIN` times the other's; closer than that, the run calls them tied (noise on a busy machine moves
medians by more than a few per cent). The runs agree when no pair that one run separates is reversed in the
other by more than `TOLERANCE` (a pair the other run calls tied, in either order within 10 %, agrees).
Absolute numbers may differ between machines; the ordering should not."""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

MARGIN = 1.25
TOLERANCE = 1.10


def throughputs(data: dict) -> dict[tuple[str, str], dict[str, float]]:
    """(group, connections) -> {scenario id: median requests/s}."""
    table: dict[tuple[str, str], dict[str, float]] = {}
    for scenario_id, scenario in data["scenarios"].items():
        for count, cell in scenario["cells"].items():
            table.setdefault((scenario["group"], count), {})[scenario_id] = cell["rps"]
    return table


def tiers(rates: dict[str, float]) -> list[list[str]]:
    """Scenarios fastest first, in tiers: a new tier starts where the rate drops by `MARGIN` or more."""
    ordered = sorted(rates, key=rates.get, reverse=True)
    result: list[list[str]] = []
    for scenario_id in ordered:
        if result and rates[result[-1][-1]] < MARGIN * max(rates[scenario_id], 1e-9):
            result[-1].append(scenario_id)
        else:
            result.append([scenario_id])
    return result


def contradictions(first: dict, second: dict) -> list[str]:
    problems = []
    a, b = throughputs(first), throughputs(second)
    for key in sorted(set(a) & set(b)):
        common = sorted(set(a[key]) & set(b[key]))
        for x, y in itertools.combinations(common, 2):
            for name, one, other in (("first", a[key], b[key]), ("second", b[key], a[key])):
                if _separated(one, x, y) and _reversed(one, other, x, y):
                    problems.append(
                        f"{key[0]} at {key[1]} connections: the {name} run has {_compare(one, x, y)}, "
                        f"the other {_compare(other, x, y)}")
    return sorted(set(problems))


def _separated(rates, x, y) -> bool:
    high, low = max(rates[x], rates[y]), min(rates[x], rates[y])
    return high >= MARGIN * max(low, 1e-9)


def _reversed(one, other, x, y) -> bool:
    """`other` puts the pair the other way round, by more than TOLERANCE."""
    high, low = (x, y) if one[x] > one[y] else (y, x)
    return other[low] > TOLERANCE * max(other[high], 1e-9)


def _compare(rates, x, y) -> str:
    return f"{x} {rates[x]:g} vs {y} {rates[y]:g} req/s"


def render(data: dict) -> str:
    lines = []
    for (group, count), rates in sorted(throughputs(data).items(), key=lambda kv: (kv[0][0], int(kv[0][1]))):
        ordered = " > ".join(" = ".join(tier) for tier in tiers(rates))
        lines.append(f"{group} c={count}: {ordered}")
    return "\n".join(lines)


def busy(data: dict) -> str | None:
    """A warning when other programs loaded the machine while the run measured: such a run's ordering says more
    about them than about the servers. The bench keeps about three processes running itself (the server, wrk,
    the upstream or PostgreSQL), so its median 1-minute load average on a quiet machine is near CPUs + 1 (2.9 on 2
    CPUs, measured); above that, something else competed."""
    env = data["environment"]
    load = env.get("load_average", {}).get("median")
    if load is not None and load > env["cpu_count"] + 1:
        return f"the machine was busy during the run of {env['date']} (median load average {load:g} on {env['cpu_count']} CPUs)"
    return None


def main(argv: list[str]) -> int:
    first, second = (json.loads(Path(p).read_text()) for p in argv)
    for data in (first, second):
        if busy(data):
            print(f"warning: {busy(data)}; re-run make bench on a quiet machine before trusting the ordering")
    problems = contradictions(first, second)
    for problem in problems:
        print(f"ordering differs: {problem}")
    print(f"ordering check: {len(problems)} contradiction(s) between {argv[0]} and {argv[1]} "
          f"(a pair {MARGIN}x apart in one run may not be reversed by more than {TOLERANCE}x in the other)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
