"""The MkDocs hook (mkdocs.yml `hooks:`): build speed only. Nothing a reader sees may depend on it (Zensical
runs no MkDocs hook; what readers see comes from the Markdown extension tests/harness/site_markdown.py).

Material's search plugin feeds every page through an HTMLParser to cut it into sections. Most of a page's tags
are Pygments' `<span>`s and line anchors inside code, which the index drops anyway (it keeps only the text and
p/code/pre/li/ol/ul/sub/sup tags): parsing them took about 40 % of the build. The index is given each page with
those tags removed, which yields the same index (tests/test_site.py checks) in a tenth of the time.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

# Tags the search index never keeps and that carry no text: Pygments' spans and the line anchors of code blocks.
NOT_INDEXED = re.compile(r'</?span\b[^>]*>|<a id="__codelineno-[^"]*" name="[^"]*" href="[^"]*"></a>')


def lighter(html: str) -> str:
    return NOT_INDEXED.sub("", html)


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
            add_entry(page)
        finally:
            page.content = content

    index.add_entry_from_context = add_lighter_entry
    return config
