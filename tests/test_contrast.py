"""tests/contrast.py in Chromium: contrast checked on samples finds what a check of every element finds, on
pages made to catch it out."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests import browser, contrast

PAGE = """<!doctype html><html lang="en"><title>{title}</title>
<style>
  body {{ background: #fff; color: #111; font: 16px sans-serif }}
  .grey {{ color: #999 }}  /* 2.8:1 on white: fails */
  .pale {{ color: #bbb }}  /* fails */
  .shut {{ height: 0; overflow: hidden }}
  .box {{ background: #222; color: #eee }}
</style>
<body><main>{body}</main></body></html>"""


def page(title: str, body: str) -> str:
    return PAGE.format(title=title, body=body)


@pytest.fixture(scope="module")
def chromium_available():
    reason = browser.unavailable()
    if reason:
        pytest.skip(f"no browser suite: {reason}")


def check(site: Path, pages: list[str]) -> tuple[dict[str, list[dict]], contrast.Contrast]:
    """Each page's contrast violations, the pages visited in order by one checker."""

    async def visit(base: str):
        from playwright.async_api import async_playwright

        async with async_playwright() as playwright:
            chromium = await playwright.chromium.launch(executable_path=str(browser.CHROMIUM), args=browser.FLAGS)
            tab = await (await chromium.new_context()).new_page()
            checker, found = contrast.Contrast(), {}
            for name in pages:
                await tab.goto(base + name, wait_until="load")
                await tab.add_script_tag(url="/".join(base.split("/")[:3]) + browser.AXE_URL_PATH)
                found[name] = await checker.violations(tab, lambda _: tab.evaluate(contrast.CHECK_SAMPLES))
            await chromium.close()
            return found, checker

    with browser.serve(site, "/site/") as base:
        return asyncio.run(visit(base))


def test_one_style_is_checked_once_on_the_site(tmp_path, chromium_available):
    (tmp_path / "a.html").write_text(page("a", "<p>fine</p>" * 40 + '<p class="box">dark box</p>' * 10))
    (tmp_path / "b.html").write_text(page("b", "<p>fine</p>" * 40 + '<p class="pale">new, and failing</p>'))
    found, checker = check(tmp_path, ["a.html", "b.html"])
    assert found["a.html"] == []
    assert [(v["id"], v["count"], v["targets"]) for v in found["b.html"]] == [("color-contrast", 1, ["main > p.pale"])]
    # a: a few of each of its two styles; b: only the paragraph of a style a did not have
    assert checker.checked == 2 * contrast.PER_ROUND + 1


def test_a_style_axe_cannot_check_where_it_is_hidden_is_checked_where_it_shows(tmp_path, chromium_available):
    hidden = '<div class="shut"><p class="grey">clipped away</p></div>' * (2 * contrast.PER_ROUND)
    (tmp_path / "a.html").write_text(page("a", hidden + '<div><p class="grey">shown, failing</p></div>'))
    found, _ = check(tmp_path, ["a.html"])
    assert [(v["id"], v["count"]) for v in found["a.html"]] == [("color-contrast", 1)]


def test_text_placed_over_what_is_not_its_parent_is_checked_every_time(tmp_path, chromium_available):
    # The same span in the same box: on a, over the white page; on b, over a black box drawn before it.
    box = '<div style="position: relative; height: 40px">{}<span style="position: absolute; top: 0">text</span></div>'
    (tmp_path / "a.html").write_text(page("a", box.format("")))
    (tmp_path / "b.html").write_text(page("b", box.format('<div style="background: #000; height: 40px"></div>')))
    found, _ = check(tmp_path, ["a.html", "b.html"])
    assert found["a.html"] == []
    assert [(v["id"], v["count"]) for v in found["b.html"]] == [("color-contrast", 1)]
