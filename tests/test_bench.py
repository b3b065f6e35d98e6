"""docs/data/bench.json (written by `make bench`) against the grid, the pages and the charts: stale results, a
page naming a scenario the results lack, or a chart not drawn from the results fail here. Static and fast:
nothing is measured (the performance page's own blocks re-measure ratios)."""

from __future__ import annotations

import copy
import json
import re
import statistics
from pathlib import Path

import markdown
import pytest

from tests.harness.bench import charts, ordering, scenarios
from tests.harness.bench.markdown_ext import FIGURE, VALUE

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs" / "performance").glob("*.md"))
DATA = charts.load()


def render(text: str) -> str:
    return markdown.Markdown(extensions=["tests.harness.bench.markdown_ext", "tables"]).convert(text)


def test_results_come_from_the_current_grid():
    assert DATA["fingerprint"] == scenarios.fingerprint(), (
        "docs/data/bench.json was measured with another grid (tests/harness/bench/scenarios.py changed): run make bench")
    assert list(DATA["scenarios"]) == [s.id for s in scenarios.SCENARIOS]
    assert DATA["method"]["connections"] == list(scenarios.CONNECTIONS)


def test_every_cell_has_its_samples_and_their_medians():
    repeats = DATA["method"]["repeats"]
    for scenario_id, scenario in DATA["scenarios"].items():
        for count, cell in scenario["cells"].items():
            where = f"{scenario_id} at {count} connections"
            assert len(cell["samples"]) == repeats, where
            assert cell["rps"] == round(statistics.median(s["rps"] for s in cell["samples"]), 1), where
            assert cell["errors"] == sum(s["errors"] for s in cell["samples"]), where
            if scenarios.BY_ID[scenario_id].ideal:
                assert cell["of_ideal"] == round(cell["rps"] / (int(count) / scenarios.UPSTREAM_DELAY), 3), where


def test_the_environment_is_recorded():
    env = DATA["environment"]
    assert env["cpu_count"] >= 1 and env["python"] and env["wrk"].startswith("wrk") and env["postgresql"]
    assert env["load_average"]["median"] <= env["load_average"]["max"]
    assert set(env["packages"]) >= {"django", "uvicorn", "gunicorn", "granian", "daphne", "hypercorn", "httpx"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_pages_name_only_measured_scenarios(page):
    text = page.read_text()
    for mark in FIGURE.finditer(text):
        assert mark["group"] in scenarios.GROUPS, f"{page.name}: {mark[0]}"
        assert int(mark["connections"]) in scenarios.CONNECTIONS, f"{page.name}: {mark[0]}"
    for mark in VALUE.finditer(text):
        assert mark["scenario"] in DATA["scenarios"], f"{page.name}: {mark[0]} names an unmeasured scenario"
    named = set(re.findall(r'"((?:io|orm|cpu|middleware)-[a-z-]+)"', text))
    assert named <= set(DATA["scenarios"]), f"{page.name} names scenarios bench.json lacks: {named - set(DATA['scenarios'])}"


def test_the_performance_page_shows_every_group():
    text = (ROOT / "docs" / "performance" / "should-this-view-be-async.md").read_text()
    assert {m["group"] for m in FIGURE.finditer(text)} == set(scenarios.GROUPS)


def test_charts_are_drawn_from_bench_json(tmp_path, monkeypatch):
    """Change one number in a copy of bench.json: the chart, its table and the prose value change with it."""
    changed = copy.deepcopy(DATA)
    changed["scenarios"]["io-async-uvicorn"]["cells"]["100"]["rps"] = 12345.6
    path = tmp_path / "bench.json"
    path.write_text(json.dumps(changed))
    text = "<!-- bench-figure: io 100 -->\n\nserved <!-- bench-value: io-async-uvicorn 100 rps --> requests\n"
    before = render(text)
    monkeypatch.setattr(charts, "OUTPUT", path)
    after = render(text)
    assert "12,346" not in before and after.count("12,346") >= 3  # the bar's value, the table, the prose
    for scenario_id, scenario in DATA["scenarios"].items():
        if scenario["group"] == "io" and scenario_id != "io-async-uvicorn":
            assert charts._number(scenario["cells"]["100"]["rps"]) in after


def test_a_chart_is_accessible_and_self_contained():
    html = render("<!-- bench-figure: orm 10 -->\n")
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(r'role="img" aria-labelledby="bench-orm-10-title bench-orm-10-desc"', svg)
    assert '<title id="bench-orm-10-title">' in svg and '<desc id="bench-orm-10-desc">' in svg
    assert "<script" not in html and not re.search(r'(?:href|src)=', svg)  # nothing fetched, nothing run
    assert 'fill="currentColor"' in svg  # text follows the page's colour in light and dark schemes
    assert "<table>" in html and "<figcaption>" in html


def test_marks_inside_fences_are_examples():
    html = render("```text\n<!-- bench-figure: io 100 -->\n```\n")
    assert "<svg" not in html and "bench-figure: io 100" in html


@pytest.mark.parametrize("text, message", [
    ("<!-- bench-figure: nosuch 100 -->\n", "no scenario in group 'nosuch'"),
    ("<!-- bench-figure: io 7 -->\n", "no results at 7 connections"),
    ("<!-- bench-value: io-nosuch 100 rps -->\n", "no 'rps' for io-nosuch at 100 connections"),
    ("<!-- bench-figure io 100 -->\n", "malformed benchmark mark: <!-- bench-figure io 100 -->"),
])
def test_a_bad_mark_fails_the_build(text, message):
    with pytest.raises(charts.ChartError, match=re.escape(message)):
        render(text)


def _run(rates: dict[str, float]) -> dict:
    return {"scenarios": {name: {"group": "io", "cells": {"100": {"rps": rate}}} for name, rate in rates.items()}}


def test_a_busy_machine_is_reported():
    quiet = {"environment": {"cpu_count": 2, "date": "d", "load_average": {"median": 2.9, "max": 3.4}}}  # the bench alone, measured
    busy = {"environment": {"cpu_count": 2, "date": "d", "load_average": {"median": 6.0, "max": 9.0}}}
    assert ordering.busy(quiet) is None
    assert ordering.busy(busy) == "the machine was busy during the run of d (median load average 6 on 2 CPUs)"


def test_ordering_ignores_ties_and_catches_swaps():
    first = _run({"a": 900, "b": 850, "c": 10})
    assert ordering.tiers({"a": 900, "b": 850, "c": 10}) == [["a", "b"], ["c"]]
    assert ordering.contradictions(first, _run({"a": 800, "b": 880, "c": 12})) == []  # a and b are tied
    assert ordering.contradictions(_run({"a": 200, "b": 150}), _run({"a": 170, "b": 180})) == []  # within 10 %
    assert ordering.contradictions(_run({"a": 200, "b": 150}), _run({"a": 150, "b": 180}))  # reversed by 20 %
    problems = ordering.contradictions(first, _run({"a": 9, "b": 850, "c": 900}))
    assert problems and all("io at 100 connections" in p for p in problems)
    assert any("a 900 vs c 10" in p for p in problems)
