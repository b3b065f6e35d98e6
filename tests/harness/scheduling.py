"""Longest files first: the order in which pytest-xdist hands out files (`--dist loadfile --no-loadscope-reorder`).

A file is one unit of work (a page, with its servers, or a test module), and units differ a hundredfold: the
browser suite takes a minute, most pages a second or two. Handed out by xdist's default (most tests first), a long
unit can start last and leave every other worker idle while it runs. Here each run records how long each file
took (`reports/durations.json`, on the controller), and the next run collects the files longest first, so the
long ones start at once and the short ones fill the gaps. A file with no record yet (a new page, a fresh clone)
counts its tests.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from .report import reports_dir

FILE = "durations.json"
SECONDS_PER_UNKNOWN_TEST = 0.5  # about a page block's median


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


def load(config: pytest.Config) -> dict[str, float]:
    try:
        return json.loads((reports_dir(config) / FILE).read_text())
    except (OSError, ValueError):
        return {}


def longest_first(items: list[pytest.Item], seconds: dict[str, float]) -> list[pytest.Item]:
    """`items` grouped by file, the files in decreasing recorded time; a file's own order is kept."""
    by_file: dict[str, list[pytest.Item]] = defaultdict(list)
    for item in items:
        by_file[file_of(item.nodeid)].append(item)
    weight = {name: seconds.get(name, SECONDS_PER_UNKNOWN_TEST * len(group)) for name, group in by_file.items()}
    return [item for name in sorted(by_file, key=lambda name: -weight[name]) for item in by_file[name]]


class Durations:
    """Collects ordered longest first on every process; the controller records this run's times at the end."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.seen: dict[str, float] = defaultdict(float)

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        items[:] = longest_first(items, load(self.config))

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        self.seen[file_of(report.nodeid)] += report.duration

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self) -> None:
        if hasattr(self.config, "workerinput") or not self.seen:
            return  # a worker: the controller sees every report and writes the file once
        recorded = load(self.config)
        recorded.update({name: round(seconds, 2) for name, seconds in self.seen.items()})
        target = reports_dir(self.config) / FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(dict(sorted(recorded.items())), indent=1) + "\n")
