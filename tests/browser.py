"""The built site in a real browser: Debian's Chromium driven by Playwright (no browser download), serving the
site the way GitHub Pages does (under the site_url path, 404.html for a missing page), with axe-core injected.

`visit_all` opens every page in light and dark mode in one browser, a few tabs at a time, and records what the
browser saw; tests/test_browser.py asserts on it. Chromium comes from scripts/install-chromium, axe-core from
scripts/install-axe-core (both run by `make test`).
"""

from __future__ import annotations

import asyncio
import functools
import json
import http.server
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests import contrast
from tests.harness import quiet

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
AXE_VERSION = "4.14.1"
AXE = ROOT / ".cache" / "axe-core" / AXE_VERSION / "axe.min.js"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
    # V8 on the renderer's main thread only: axe-core is one long script, and V8's helper threads (concurrent
    # compiling and marking) cost 10 % more CPU in total than they save in time here.
    "--js-flags=--single-threaded",
    # Only 127.0.0.1 resolves: a request for any other host fails in Chromium's resolver and never leaves the
    # machine (new_context records it). Cheaper than routing every request through Playwright.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]  # fmt: skip
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TABS = 2  # pages open at once: one per core


def unavailable() -> str | None:
    """Why the browser suite cannot run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (scripts/install-chromium installs Debian's chromium; it needs root and apt-get)"
    if not AXE.exists():
        return f"{AXE.relative_to(ROOT)} is missing (scripts/install-axe-core fetches it from npm)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (make install)"
    return None


AXE_URL_PATH = f"/__axe-core__/{AXE_VERSION}/axe.min.js"  # outside the site's path: no page can link to it


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `prefix`, and 404.html with status 404 for anything missing, as GitHub Pages does,
    every file cacheable for ten minutes, as GitHub Pages sends them (the theme's stylesheets and scripts are then
    fetched once per tab). Also serves axe-core at AXE_URL_PATH, so that Chromium compiles it once, not once per
    page."""

    prefix = "/"
    search_index: bytes | None = None  # served instead of the site's search/search_index.json, when set

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_head(self):
        if self.search_index is not None and self.path == self.prefix + "search/search_index.json":
            return self.reply(200, "application/json", self.search_index)
        if self.path == AXE_URL_PATH:
            return self.reply(200, "text/javascript", AXE.read_bytes())
        if not self.path.startswith(self.prefix):
            self.path = "/__missing__"
        else:
            self.path = "/" + self.path[len(self.prefix) :]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.exists() and not self.path.endswith("/") and (path.parent / path.name / "index.html").exists():
            return super().send_head()  # the directory redirect
        if not path.exists():
            return self.reply(404, "text/html; charset=utf-8", (Path(self.directory) / "404.html").read_bytes())
        return super().send_head()

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends with every file
        super().end_headers()

    def log_message(self, *args):
        pass


@contextmanager
def serve(site: Path, prefix: str, search_index: bytes | None = None):
    """The built site on 127.0.0.1 and a free port, in a thread of this process (nothing to leave behind)."""
    handler = type("SiteHandler", (Handler,), {"prefix": prefix, "search_index": search_index})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Visit:
    page: str
    scheme: str
    status: int = 0
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    violations: list[dict] = field(default_factory=list)  # axe: {id, impact, help, targets}
    diagrams: list[dict] = field(default_factory=list)  # each inline SVG: drawn width, font size, text shown
    styled: bool = False  # the theme's stylesheet applied (a 404 page under the site path keeps its styles)


STYLED = "() => getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"
# In dark mode only the colour rules run (axe's category `cat.color`; the others are switched off): the page's
# elements and attributes are the same in both schemes, so every other rule would give the light run's answer again.
# Nor does it preload the stylesheets and media (only css-orientation-lock and no-autoplay-audio read them): that
# preload was an eighth of a dark run's time. In both, `color-contrast` runs on the elements tests/contrast.py marks:
# a few of each text style not yet checked anywhere on the site.
AXE_RUN = f"""async ([tags, colourOnly, contrast]) => {{
  const others = colourOnly ? axe.getRules(tags).filter(rule => !rule.tags.includes("cat.color")) : [];
  const rules = Object.fromEntries(others.map(rule => [rule.ruleId, {{enabled: false}}]));
  if (!contrast) rules["color-contrast"] = {{enabled: false}};  // nothing marked: every style on the page is settled
  {contrast.ON_SAMPLES}
  const result = await axe.run(document, {{...{contrast.OPTIONS}, runOnly: {{type: "tag", values: tags}}, rules,
                                          preload: !colourOnly}});
  return ({contrast.SUMMARISE})(result);
}}"""
# Resolves when Material has applied the scheme: at once, or on its change of the body's attribute. Waiting with
# wait_for_function polls on animation frames, which two tabs sharing two cores get late (half a second a switch).
SCHEME_APPLIED = """slug => new Promise(resolve => {
  const applied = () => document.body.dataset.mdColorScheme === slug;
  if (applied()) return resolve();
  new MutationObserver((_, observer) => applied() && (observer.disconnect(), resolve()))
    .observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
})"""
DIAGRAMS = """() => [...document.querySelectorAll("figure.diagram svg")].map(svg => {
  const box = svg.getBoundingClientRect();
  const viewBox = svg.viewBox.baseVal;
  const text = svg.querySelector("text");
  return {width: box.width, scale: box.width / viewBox.width, font: parseFloat(getComputedStyle(text).fontSize),
          texts: svg.querySelectorAll("text").length, fill: getComputedStyle(text).fill};
})"""


async def visit_page(tab, base: str, page: str, checker: contrast.Contrast) -> list[Visit]:
    """One load of `page` in `tab`, checked in light mode, then in dark mode (the palette follows the system's
    scheme)."""
    visits = [Visit(page, "light"), Visit(page, "dark")]
    tab.current = visits[0]  # where the tab's console errors go (see open_tab)
    response = await tab.goto(base + page, wait_until="load")
    await tab.add_script_tag(url="/".join(base.split("/")[:3]) + AXE_URL_PATH)
    for visit, scheme, slug in ((visits[0], "light", "default"), (visits[1], "dark", "slate")):
        tab.current = visit
        await tab.emulate_media(color_scheme=scheme)
        await tab.evaluate(SCHEME_APPLIED, slug)
        visit.status = response.status if response else 0
        arguments = [AXE_TAGS, scheme == "dark"]
        visit.violations = await checker.violations(tab, lambda contrast: tab.evaluate(AXE_RUN, [*arguments, contrast]))
        visit.diagrams = await tab.evaluate(DIAGRAMS)
        visit.styled = await tab.evaluate(STYLED)
    return visits


async def open_tab(context):
    """A tab that records console errors and uncaught exceptions against the visit it is on (`tab.current`)."""
    tab = await context.new_page()
    tab.current = None
    tab.on("console", lambda message: message.type == "error" and tab.current.errors.append(f"console: {message.text}"))
    tab.on("pageerror", lambda error: tab.current.errors.append(f"exception: {error}"))
    return tab


def empty_search_index(site: Path) -> bytes:
    """What the page pass's search worker gets instead of the site's search index: the same configuration and no
    documents. Material's worker builds a search index on every page load (about a tenth of the pass's CPU), and no
    check of that pass reads it. The searches (`interactions`) load the real index, with console errors checked."""
    index = json.loads((site / "search" / "search_index.json").read_text())
    return json.dumps({**index, "docs": []}).encode()


async def new_context(browser, base: str, offsite: list[str], **options):
    context = await browser.new_context(viewport={"width": 1280, "height": 800}, **options)
    context.set_default_timeout(15_000)
    allowed = "/".join(base.split("/", 3)[:3]) + "/"

    # Every request for another host is recorded (FLAGS make it fail before it leaves the machine).
    context.on("request", lambda request: request.url.startswith((allowed, "data:")) or offsite.append(request.url))
    return context


async def visit_all(base: str, search_base: str, pages: list[str], missing: str) -> tuple[list[Visit], dict]:
    """Every page (plus a missing one, which GitHub Pages answers with 404.html), light and dark, TABS at a time."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            offsite: list[str] = []
            # Reduced motion: Material then switches off its colour transitions, so axe reads the settled colours
            # of a scheme, not colours halfway through the change.
            queue = [*pages, missing]
            checker = contrast.Contrast()
            visits: list[Visit] = []

            async def one_tab():
                # A tab goes from page to page: one renderer process, which keeps axe-core compiled. Each tab has a
                # context of its own: tabs of one context on one site share a renderer, so one tab's axe run would
                # hold up the other's.
                context = await new_context(browser, base, offsite, reduced_motion="reduce")
                tab = await open_tab(context)
                while queue:
                    quiet.pause_point()  # a performance block's measurement runs alone (tests/harness/quiet.py)
                    visits.extend(await visit_page(tab, base, queue.pop(0), checker))
                await context.close()

            await asyncio.gather(*(one_tab() for _ in range(TABS)))
            extras = await interactions(browser, search_base)
            extras["offsite"] += offsite
        finally:
            await browser.close()
    return visits, extras


async def interactions(browser, base: str) -> dict:
    """Search queries and what the copy button puts on the clipboard."""
    offsite: list[str] = []
    context = await new_context(browser, base, offsite, permissions=["clipboard-read", "clipboard-write"])
    results: dict = {"search": {}, "copies": [], "offsite": offsite, "errors": []}
    tab = await context.new_page()
    tab.on("console", lambda message: message.type == "error" and results["errors"].append(message.text))
    tab.on("pageerror", lambda error: results["errors"].append(str(error)))
    try:
        await tab.goto(base + "compatibility/", wait_until="load")
        results["sticky"] = await tab.evaluate(STICKY_HEADER)
        await tab.goto(base + "deploy/servers/", wait_until="load")
        for query in SEARCH_QUERIES:
            # The whole query at once, then one key: Material searches when a key is released (filling the field
            # alone starts nothing), and typing the query out character by character took a second longer.
            await tab.fill(".md-search__input", query)
            await tab.press(".md-search__input", "End")
            href = await tab.wait_for_function(FIRST_RESULT, arg=query, timeout=10_000)
            results["search"][query] = (await href.json_value()).removeprefix(base)
        await tab.close()
        tab = await context.new_page()  # a fresh page: the search overlay is closed
        await tab.goto(base + "deploy/servers/", wait_until="load")
        blocks = tab.locator(".language-console.highlight")
        for index in range(min(await blocks.count(), 4)):
            block = blocks.nth(index)
            commands = await block.locator("code").evaluate(COMMANDS)
            button = block.locator(".md-code__button[data-md-type=copy], button.md-clipboard").first
            if not await button.is_visible():
                results["copies"].append({"commands": commands, "copied": None})
                continue
            await block.hover()
            await button.click()
            copied = await tab.evaluate("navigator.clipboard.readText()")
            results["copies"].append({"commands": commands, "copied": copied})
    finally:
        await context.close()
    return results


# The first search result's link once the results are those of `query` (their links carry `?h=<query>`).
FIRST_RESULT = """query => {
  const links = [...document.querySelectorAll(".md-search-result__item a")].map(a => new URL(a.href));
  const shown = links.some(url => (url.searchParams.get("h") || "").toLowerCase() === query.toLowerCase());
  return shown ? links[0].origin + links[0].pathname + links[0].hash : null;
}"""

# Halfway down the compatibility page's longest table: where its header row is, and where the site's header ends.
STICKY_HEADER = """() => {
  const table = [...document.querySelectorAll(".compat-table table")].reduce((a, b) => b.offsetHeight > a.offsetHeight ? b : a);
  window.scrollTo(0, table.getBoundingClientRect().top + scrollY + table.offsetHeight / 2);
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done({
    header_row_top: table.querySelector("th").getBoundingClientRect().top,
    site_header_bottom: document.querySelector(".md-header").getBoundingClientRect().bottom,
    table_height: table.offsetHeight,
  }))));
}"""

# The commands of a console block: the text after each `$ ` prompt, up to the end of its line.
COMMANDS = """code => [...code.querySelectorAll(".gp")].map(prompt => {
  let text = "", node = prompt.nextSibling;
  while (node && !(node.nodeType === 3 ? node.textContent.includes("\\n") : false)) { text += node.textContent; node = node.nextSibling; }
  if (node) text += node.textContent.split("\\n")[0];
  return text;
}).join("\\n")"""

# A topic's own page must come first when a reader searches for its name.
SEARCH_QUERIES = {
    "uvicorn": "deploy/servers/",
    "websockets": "deploy/websockets/",
    "lifespan": "deploy/lifespan/",
    "transactions": "guides/transactions/",
    "middleware": "guides/middleware/",
    "compatibility": "compatibility/",
    "SynchronousOnlyOperation": "guides/synchronous-only-operation/",
}


def run(site: Path, prefix: str) -> tuple[list[Visit], dict]:
    pages = sorted(
        p.relative_to(site).parent.as_posix() + "/" if p.name == "index.html" else p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
    )
    pages = ["" if p == "./" else p for p in pages]
    # The page pass's server gives the search worker an empty index (empty_search_index); the searches' the real one.
    with serve(site, prefix, empty_search_index(site)) as base, serve(site, prefix) as search_base:
        return asyncio.run(visit_all(base, search_base, pages, "no-such-page/"))
