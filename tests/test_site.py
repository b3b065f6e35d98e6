"""The built site: it builds strictly, fetches nothing from other hosts, carries no harness leftovers, draws its
diagrams as inline SVG with no script, every page describes itself to search engines in its own words, a broken
link fails the build, and Zensical builds the same pages.

One strict build per module (the `site` fixture), into a temporary directory of its own so that parallel
workers never build into the same site/; the broken-link build runs on a copy in tmp.
"""

from __future__ import annotations

import fcntl
import html
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
import yaml

from material.plugins.search.plugin import Parser

from tests.harness import diagrams, directives, mkdocs_hooks, site_map, site_markdown, snippets

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# `rel` values of a <link> that make the browser fetch its href.
FETCHING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "mask-icon", "manifest",
    "preload", "prefetch", "modulepreload", "preconnect", "dns-prefetch",
}  # fmt: skip
# (tag, attribute) pairs whose URL the browser loads.
FETCHING_ATTRS = {
    ("script", "src"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("audio", "src"), ("video", "src"), ("video", "poster"), ("embed", "src"),
    ("object", "data"), ("input", "src"), ("track", "src"),
}  # fmt: skip
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
SITE_PATH = "/site/"  # the path of site_url: GitHub Pages serves the site under it
THIRD_PARTY_HOSTS = ("api.github.com", "unpkg.com", "jsdelivr.net", "fonts.googleapis.com", "fonts.gstatic.com")
DIRECTIVE_COMMENT = re.compile(rf"<!--\s*(?:test\b|(?:{'|'.join(directives.ARGUMENTS)})\b)", re.IGNORECASE)
BADGE = re.compile(r'<span class="django-badge">Django [^<]+</span>')
DIAGRAM = re.compile(r'<figure class="diagram"><svg class="diagram__svg" [^>]*role="img" aria-label="[^"]+"')


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def built_site(tmp_path_factory) -> Path:
    """The site, built strictly once per test run: under xdist, the first test process that asks builds it into the
    run's shared temporary directory while the others wait (tests/test_browser.py wants the same build)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        built = tmp_path_factory.mktemp("site")
        result = mkdocs_build(ROOT, built)
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}"
        return built
    shared = tmp_path_factory.getbasetemp().parent  # pytest-N/, the parent of every worker's popen-gwX/
    built, outcome = shared / "site", shared / "site-build.json"
    with open(shared / "site-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            result = mkdocs_build(ROOT, built)
            outcome.write_text(json.dumps({"status": result.returncode, "output": result.stdout + result.stderr}))
    found = json.loads(outcome.read_text())
    assert found["status"] == 0, f"mkdocs build --strict failed:\n{found['output']}"
    return built


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return built_site(tmp_path_factory)


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, str]:
    """Every built HTML file, by path relative to site/."""
    found = {path.relative_to(site).as_posix(): path.read_text() for path in sorted(site.rglob("*.html"))}
    assert "index.html" in found and len(found) > 2, sorted(found)
    return found


class ResourceCollector(HTMLParser):
    """The URLs an HTML page makes the browser fetch: src/href of resources, plus url() in inline CSS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "link" and FETCHING_RELS & set(attrs.get("rel", "").lower().split()):
            self.urls.append(attrs.get("href", ""))
        for name, value in attrs.items():
            if (tag, name) in FETCHING_ATTRS:
                candidates = value.split(",") if name == "srcset" else [value]
                self.urls += [candidate.split()[0] for candidate in candidates if candidate.strip()]
        self.urls += css_urls(attrs.get("style", ""))
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [next(group for group in match.groups() if group is not None) for match in CSS_URL.finditer(css)]


def is_third_party(url: str) -> bool:
    """True for anything with a scheme (`https:`, `http:`, …) other than `data:`, and for `//host/…`."""
    url = url.strip()
    return url.startswith("//") or bool(re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", url) and not url.startswith("data:"))


def test_is_third_party():
    assert is_third_party("https://unpkg.com/mermaid@11") and is_third_party("//fonts.gstatic.com/x.woff2")
    assert not is_third_party("../assets/stylesheets/main.css") and not is_third_party("data:image/svg+xml;x")


def test_no_page_fetches_from_another_host(pages):
    fetched = {}
    for name, text in pages.items():
        collector = ResourceCollector()
        collector.feed(text)
        fetched[name] = collector.urls
    assert any(url.endswith(".js") for url in fetched["index.html"]), "the collector found no script on index.html"
    offending = {name: bad for name, urls in fetched.items() if (bad := [u for u in urls if is_third_party(u)])}
    assert offending == {}
    mentions = {name: [h for h in THIRD_PARTY_HOSTS if h in text] for name, text in pages.items()}
    assert {name: hosts for name, hosts in mentions.items() if hosts} == {}
    # Material's repository widget (shown when `repo_url` is set) makes its JavaScript call api.github.com.
    assert [name for name, text in pages.items() if 'data-md-component="source"' in text] == []
    # Edit links do not need it: each page links to its source on GitHub.
    assert 'href="https://github.com/async-django-executed/site/blob/main/docs/index.md"' in pages["index.html"]


def test_no_stylesheet_fetches_from_another_host(site):
    stylesheets = sorted(site.rglob("*.css"))
    urls = {path.relative_to(site).as_posix(): css_urls(path.read_text()) for path in stylesheets}
    assert any(urls.values()), "the CSS scanner found no url() at all in the theme's stylesheets"
    assert {name: bad for name, found in urls.items() if (bad := [u for u in found if is_third_party(u)])} == {}


def test_no_test_directive_reaches_the_site(pages):
    assert {name for name, text in pages.items() if DIRECTIVE_COMMENT.search(text)} == set()
    # Each `django` directive outside code became a badge: the hook ran, and ran on every page.
    wanted = sum(
        len([d for d in directives.DIRECTIVE.finditer(prose) if d["name"] == "django"])
        for page in DOCS.rglob("*.md")
        for prose in prose_of(page.read_text())
    )
    assert sum(len(BADGE.findall(text)) for text in pages.values()) == wanted


def prose_of(markdown: str) -> list[str]:
    """The text between fenced blocks."""
    found = []
    site_markdown.outside_fences(markdown, lambda prose: found.append(prose) or prose)
    return found


def test_extension_renders_badge_and_strips_directives():
    page = (
        'Text.\n\n=== "Async"\n\n    <!-- test: django ">=3.1,<5.0" -->\n    <!-- test: raises KeyError -->\n'
        "    ```python\n    {}['k']\n    ```\n\n<!-- test: setup\nx = 1\n-->\n"
        '```markdown\n<!-- test: skip "an example of the syntax, kept as is" -->\n```\n'
    )
    shown = site_markdown.render(page)
    assert '\n    <span class="django-badge">Django ≥ 3.1, &lt; 5.0</span>\n\n    ```python\n' in shown
    assert "<!-- test: raises" not in shown and "<!-- test: setup" not in shown and "x = 1" not in shown
    assert '```markdown\n<!-- test: skip "an example of the syntax, kept as is" -->\n```' in shown


def test_no_snippet_or_harness_file_is_published(site):
    published = [path.relative_to(site) for path in site.rglob("*")]
    assert [p for p in published if {"snippets", "tests"} & set(p.parts) or p.suffix in {".py", ".pyc"}] == []
    # exclude_docs keeps non-page helper files under docs/ out of the site.
    helpers = [p.relative_to(DOCS) for p in DOCS.rglob("*") if p.is_file() and p.name.startswith("README")]
    assert helpers, "expected at least docs/assets/README.txt"
    assert [h for h in helpers if (site / h).exists()] == []


def test_every_snippet_is_included_by_a_page():
    included = {
        include.path
        for page in DOCS.rglob("*.md")
        for line in page.read_text().splitlines()
        if (include := snippets.parse_include(line, ROOT))
    }
    # Package markers and Django's generated migrations are run (imported, migrated), never shown.
    files = {
        path.resolve()
        for path in (ROOT / "snippets").rglob("*")
        if path.is_file() and path.suffix != ".pyc" and path.name != "__init__.py" and "migrations" not in path.parts
    }
    assert sorted(str(p.relative_to(ROOT)) for p in files - included) == []


def test_diagrams_are_inline_svg_and_no_page_loads_a_diagram_script(site, pages):
    fences = sum(page.read_text().count("```diagram\n") for page in DOCS.rglob("*.md"))
    drawn = sum(len(DIAGRAM.findall(text)) for text in pages.values())
    assert fences >= 3 and drawn == fences
    assert [name for name, text in pages.items() if "mermaid" in text.lower()] == []
    scripts = set()
    for name, text in pages.items():
        collector = ResourceCollector()
        collector.feed(text)
        base = site / PurePosixPath(name).parent
        scripts |= {(site / u.removeprefix(SITE_PATH) if u.startswith("/") else base / u).resolve() for u in collector.urls if u.endswith(".js")}
    assert scripts and {s.name: s.stat().st_size for s in scripts if s.stat().st_size > 300_000} == {}


def test_a_bad_diagram_is_a_clear_error():
    with pytest.raises(diagrams.DiagramError, match="line 3: write `LANE: text` with LANE one of"):
        diagrams.fence("lanes: A | B\nA: one\nC: two\n", "diagram", "diagram", {}, None)
    with pytest.raises(diagrams.DiagramError, match="line 2: write `label : YYYY-MM-DD"):
        diagrams.fence("timeline: T\nViews : 2019-13-01, 2020-01-01\n", "diagram", "diagram", {}, None)
    with pytest.raises(diagrams.DiagramError, match="starts with `lanes:` or `timeline:`"):
        diagrams.fence("graph LR\n", "diagram", "diagram", {}, None)


def test_search_index_leaves_out_code_blocks_and_keeps_the_prose(pages):
    """The hook hands the search plugin each page without its code blocks: same sections, same prose."""

    def sections(html: str) -> list[tuple]:
        parser = Parser()
        parser.feed(html)
        parser.close()
        prose = [re.sub(r"<pre>.*?</pre>", " ", "".join(s.text), flags=re.DOTALL) for s in parser.data]
        return [("".join(s.title), " ".join(text.split()), s.id) for s, text in zip(parser.data, prose)]

    articles = [text[text.index("<article") : text.index("</article>")] for text in pages.values()]
    heavy = max(articles, key=lambda text: text.count("<pre"))  # the search plugin is given page.content
    assert heavy.count("<pre") > 20 and "<span" not in "".join(re.findall(r"<pre>.*?</pre>", mkdocs_hooks.lighter(heavy)))
    assert sections(mkdocs_hooks.lighter(heavy)) == sections(heavy)


def test_search_index_is_small_and_finds_prose(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    text = " ".join(entry["text"] for entry in index["docs"])
    assert "<pre>" not in text or not re.search(r"<pre>\S", text)
    assert "SynchronousOnlyOperation" in text and "aget()" in text
    assert (site / "search" / "search_index.json").stat().st_size < 600_000


META_DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def built_path(source: Path) -> str:
    """Where MkDocs writes a page of docs/ (use_directory_urls): guides/async-orm.md -> guides/async-orm/index.html."""
    name = source.relative_to(DOCS).with_suffix("")
    return (name.parent if name.name == "index" else name).joinpath("index.html").as_posix()


def descriptions() -> dict[str, str | None]:
    """Each page's `description` from its front matter (None where it has none), by the page's built path."""
    found = {}
    for source in sorted(DOCS.rglob("*.md")):
        front = site_map.FRONT_MATTER.match(source.read_text())
        found[built_path(source)] = (yaml.safe_load(front.group(1)) or {}).get("description") if front else None
    return found


def meta_descriptions(built: dict[str, str]) -> dict[str, str | None]:
    return {name: html.unescape(m.group(1)) if (m := META_DESCRIPTION.search(text)) else None
            for name, text in built.items()}  # fmt: skip


def test_every_page_has_a_description_of_its_own():
    """Search engines show a page's description under its title: every page of docs/ states one in its front
    matter, in plain words (no Markdown: it is shown as typed; no `"`, `<`, `>` or `&`: Material's template writes
    it into the attribute unescaped), short enough not to be cut (about 160 characters), and no two pages share one."""
    found = descriptions()
    assert [name for name, text in found.items() if not text] == []
    assert {name: len(text) for name, text in found.items() if not 70 <= len(text) <= 160} == {}
    assert [name for name, text in found.items() if re.search(r'[`"<>&]', text)] == []
    assert len(set(found.values())) == len(found)


def test_each_page_is_built_with_its_description(pages):
    """The built page's <meta name="description"> is its front matter's (Material's template reads it; no
    template of ours derives one), and the 404 page, which has no source, gets the site's."""
    shown = meta_descriptions(pages)
    site_description = re.search(r"^site_description: (.+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
    assert shown == {**descriptions(), "404.html": site_description}


def copy_sources(target: Path) -> None:
    """What a build reads, copied to `target`, with the build caches (.cache/*.pickle: the same results, faster)."""
    for part in ("docs", "snippets", "tests/harness"):
        shutil.copytree(ROOT / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "tests" / "__init__.py", target / "tests")
    shutil.copy(ROOT / "mkdocs.yml", target)
    (target / ".cache").mkdir()
    for cache in (ROOT / ".cache").glob("*.pickle"):
        shutil.copy(cache, target / ".cache")


def test_strict_build_fails_on_broken_links(tmp_path):
    """On a copy of the site's sources: a missing page, a bad anchor and a page left out of `nav` each fail."""
    copy_sources(tmp_path)
    home = tmp_path / "docs" / "index.md"
    home.write_text(
        home.read_text() + "\n\n[gone](no-such-page.md) and [bad anchor](replay.md#no-such-heading)\n"
    )
    (tmp_path / "docs" / "orphan-page.md").write_text("# Not in nav\n")
    result = mkdocs_build(tmp_path, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-page.md" in output and "no-such-heading" in output and "orphan-page.md" in output, output


class ArticleText(HTMLParser):
    """The text of a page's <article>: what the page says, without the theme around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside, self.words = False, []

    def handle_starttag(self, tag, attrs):
        self.inside = self.inside or tag == "article"

    def handle_endtag(self, tag):
        self.inside = self.inside and tag != "article"

    def handle_data(self, data):
        if self.inside:
            self.words += data.split()


STAMP = re.compile(r'<p class="tested-with"[^>]*>.*?</p>', re.S)


def article_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    return " ".join(parser.words)


def test_zensical_builds_the_same_pages(tmp_path, pages):
    """Zensical (Material's successor) runs Markdown extensions but no MkDocs hook: the text of every page must
    be the same as MkDocs made it, badges, compatibility tables and diagrams included."""
    copy_sources(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    built = {p.relative_to(tmp_path / "site").as_posix(): p.read_text() for p in (tmp_path / "site").rglob("*.html")}
    assert sorted(built) == sorted(pages)
    # The "tested with" stamp names the commit of the checkout it was built in (this copy has none), so it is
    # compared for presence here and for its words in tests/test_tested_with.py.
    assert [name for name in pages if bool(STAMP.search(built[name])) != bool(STAMP.search(pages[name]))] == []
    differing = [name for name in pages
                 if article_text(STAMP.sub("", pages[name])) != article_text(STAMP.sub("", built[name]))]
    assert differing == []
    assert all(len(article_text(text)) > 100 for name, text in pages.items() if name != "404.html")
    assert sum(len(BADGE.findall(text)) for text in built.values()) == sum(len(BADGE.findall(t)) for t in pages.values())
    assert meta_descriptions(built) == meta_descriptions(pages)  # a description per page, not the site's on all
