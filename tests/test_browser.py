"""Every built page in a real browser (tests/browser.py: Debian's Chromium through Playwright, axe-core from npm),
served as GitHub Pages serves it: nothing leaves 127.0.0.1, no console error, 0 axe violations (WCAG 2.1 A/AA)
in light and in dark mode, the diagrams are drawn at a readable size, a search for a topic's name finds its page
first, and the copy button of a console block copies its commands and nothing else.

One browser, one pass over the site (the `seen` fixture); each test reads what it needs from that pass."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import browser
from tests.test_site import ROOT, SITE_PATH, built_site

MISSING = "no-such-page/"


@pytest.fixture(scope="module")
def seen(tmp_path_factory):
    reason = browser.unavailable()
    if reason:
        pytest.skip(f"no browser suite: {reason}")
    site = built_site(tmp_path_factory)
    visits, extras = browser.run(site, SITE_PATH)
    built = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert len(visits) == 2 * (len(built) + 1), "a page was not visited in both schemes"
    return visits, extras, site


def test_no_request_leaves_127_0_0_1(seen):
    visits, extras, _ = seen
    assert extras["offsite"] == []


def test_every_page_loads_with_no_console_error(seen):
    visits, _, _ = seen
    assert {v.status for v in visits if v.page != MISSING} == {200}
    errors = {(v.page, v.scheme): v.errors for v in visits if v.errors}
    # The one expected message: Chromium logs the 404 status of the missing page's own document.
    expected = {(MISSING, "light"): ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"]}
    assert errors == expected


def test_a_missing_page_gets_the_styled_404_page_under_the_site_path(seen):
    visits, _, _ = seen
    missing = [v for v in visits if v.page == MISSING]
    assert [v.status for v in missing] == [404, 404] and all(v.styled for v in missing)
    assert all(v.styled for v in visits)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation(seen, scheme):
    visits, _, _ = seen
    found = {
        v.page or "index": [f"{x['id']} ({x['count']}): {x['help']}; e.g. {x['targets'][:2]}" for x in v.violations]
        for v in visits
        if v.scheme == scheme and v.violations
    }
    assert found == {}


def test_diagrams_are_drawn_with_readable_text(seen):
    visits, _, site = seen
    drawn = {v.page: len(v.diagrams) for v in visits if v.scheme == "light" and v.diagrams}
    in_html = {
        str(p.relative_to(site).parent) + "/": n
        for p in site.rglob("*.html")
        if (n := p.read_text().count('<figure class="diagram">'))
    }
    assert drawn == in_html and drawn
    for v in visits:
        for diagram in v.diagrams:
            assert diagram["width"] > 300 and diagram["texts"] > 3, (v.page, diagram)
            assert diagram["font"] * diagram["scale"] >= 12, (v.page, diagram)  # px at the content width


def test_search_finds_each_topic_page_first(seen):
    _, extras, _ = seen
    assert extras["search"] == browser.SEARCH_QUERIES


def test_the_search_index_loads_with_no_console_error(seen):
    # The page pass gives the search worker an empty index (browser.EMPTY_SEARCH_INDEX); the searches load the real one.
    _, extras, _ = seen
    assert extras["search"] and extras["errors"] == []


def test_copying_a_console_block_copies_only_its_commands(seen):
    _, extras, _ = seen
    copies = extras["copies"]
    assert len(copies) >= 3 and any(c["copied"] is None for c in copies), copies
    for copy in copies:
        if copy["copied"] is not None:
            assert copy["commands"] and copy["copied"] == copy["commands"]
            assert not re.search(r"^\$ |INFO:", copy["copied"], re.MULTILINE)


def test_a_long_compatibility_table_keeps_its_header_row_in_view(seen):
    _, extras, _ = seen
    sticky = extras["sticky"]
    assert sticky["table_height"] > 2000, sticky  # long enough for its header to scroll away without sticking
    assert sticky["header_row_top"] == sticky["site_header_bottom"], sticky


LAUNCH_AND_WAIT = """
import sys, time
from playwright.sync_api import sync_playwright
from tests import browser
with sync_playwright() as playwright:
    playwright.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.FLAGS)
    print("launched", flush=True)
    time.sleep(120)
"""


def descendants(pid: int) -> set[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def test_a_python_killed_with_sigkill_leaves_no_browser_behind():
    """Playwright's driver exits when the Python that started it dies (its pipe closes) and takes Chromium with it."""
    reason = browser.unavailable()
    if reason:
        pytest.skip(f"no browser suite: {reason}")
    run = subprocess.Popen([sys.executable, "-c", LAUNCH_AND_WAIT], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert run.stdout.readline().strip() == "launched"
        started = descendants(run.pid)
        assert len(started) >= 2, started  # the driver and Chromium's processes
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        run.stdout.close()
    deadline = time.monotonic() + 15
    while (alive := [pid for pid in started if Path(f"/proc/{pid}").exists()]) and time.monotonic() < deadline:
        time.sleep(0.2)
    for pid in alive:  # leave nothing behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert alive == []


def test_a_request_for_another_host_is_recorded_and_never_leaves(tmp_path):
    """What test_no_request_leaves_127_0_0_1 relies on: a page that fetches from another host gets it recorded, and
    Chromium's resolver (browser.FLAGS) fails the request before it leaves the machine."""
    reason = browser.unavailable()
    if reason:
        pytest.skip(f"no browser suite: {reason}")
    (tmp_path / "index.html").write_text('<!doctype html><title>t</title><img src="https://example.com/pixel.png" alt="">')

    async def visit(base: str) -> tuple[list[str], list[str]]:
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            chromium = await playwright.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.FLAGS)
            offsite: list[str] = []
            context = await browser.new_context(chromium, base, offsite)
            tab = await context.new_page()
            failed: list[str] = []
            tab.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}"))
            await tab.goto(base, wait_until="load")
            await chromium.close()
            return offsite, failed

    with browser.serve(tmp_path, "/site/") as base:
        offsite, failed = asyncio.run(visit(base))
    assert offsite == ["https://example.com/pixel.png"]
    assert failed == ["https://example.com/pixel.png net::ERR_NAME_NOT_RESOLVED"]
