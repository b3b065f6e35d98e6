"""The MkDocs hook (mkdocs.yml `hooks:`): what Material's search plugin indexes. Nothing on a page depends on it
(Zensical runs no MkDocs hook and builds its own index; pages come from tests/harness/site_markdown.py).

Material's search plugin feeds every page through an HTMLParser to cut it into sections, and every page loads the
resulting index. The indexer is given each page without its code blocks: they were 37 % of the index (which
every page downloads; a page must stay under 1 MB) and, with Pygments' thousands of `<span>`s, 40 % of the build
time. Prose, headings and inline code are indexed as before (tests/test_site.py checks), so a search for an API
name or an error message still finds the pages that discuss it. Each page's sections, and the compiled templates,
are kept between builds in .cache/ (build_cache.py): with Pygments', they were half of a build's time.
"""

from __future__ import annotations

import copy
import hashlib
import re

import jinja2
from material import __version__ as VERSION
from mkdocs.plugins import event_priority

from tests.harness.build_cache import CACHE, Store

# A page's search sections depend only on what goes into the key (add_lighter_entry): kept between builds.
SECTIONS = Store(CACHE / "search-sections.pickle")

# A highlighted code block, as pymdownx.highlight renders it (it contains no nested <pre>).
CODE_BLOCK = re.compile(r"<pre\b[^>]*>.*?</pre>", re.DOTALL)


def lighter(html: str) -> str:
    """`html` without its code blocks."""
    return CODE_BLOCK.sub("<pre></pre>", html)


@event_priority(-100)  # after the search plugin's on_config, which creates its index
def on_config(config):
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled:
        return config
    index = search.search_index
    add_entry = index.add_entry_from_context

    def add_lighter_entry(page):
        content = page.content
        page.content = lighter(content)
        try:
            key = hashlib.sha256(repr((VERSION, search.config, page.url, page.title, page.meta, _toc(page.toc),
                                       page.content)).encode()).hexdigest()
            found = SECTIONS.get(key)
            if found is None:
                before = len(index.entries)
                add_entry(page)
                SECTIONS.put(key, copy.deepcopy(index.entries[before:]))
            else:
                index.entries.extend(copy.deepcopy(found))
        finally:
            page.content = content

    index.add_entry_from_context = add_lighter_entry
    return config


def _toc(items) -> list:
    return [(item.id, item.title, item.url, item.level, _toc(item.children)) for item in items]


def on_env(env, config, files):
    """Compiled templates kept between builds (Jinja's own cache, keyed by each template's source)."""
    (CACHE / "jinja").mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE / "jinja"))
    return env
