"""A Python-Markdown extension (mkdocs.yml `markdown_extensions`) that keeps highlighted code blocks between builds.

Pygments was a third of `mkdocs build` (891 blocks), and a block's HTML depends only on its source, its options
and the versions of Pygments and pymdownx. So pymdownx.highlight's `Highlight.highlight` looks each block up in
.cache/highlight.pickle first (build_cache.py), by a hash of all of those. Inline code and any call that stores HTML in the page's stash (an HTML title)
are highlighted every time.
"""

from __future__ import annotations

import hashlib

import pygments
from markdown import Extension
from pymdownx import __version__ as PYMDOWNX_VERSION
from pymdownx import highlight

from .build_cache import CACHE, Store

VERSIONS = f"pygments {pygments.__version__} pymdownx {PYMDOWNX_VERSION}"
STORE = Store(CACHE / "highlight.pickle")
_highlight = highlight.Highlight.highlight


def _settings(self: highlight.Highlight) -> str:
    return repr(sorted((name, value) for name, value in vars(self).items() if name != "md"))


def cached_highlight(self, src, language, *args, **kwargs):
    if kwargs.get("inline") or (len(args) > 5 and args[5]):  # inline code: an element, not a string
        return _highlight(self, src, language, *args, **kwargs)
    key = hashlib.sha256(repr((VERSIONS, _settings(self), src, language, args, sorted(kwargs.items()))).encode())
    key = key.hexdigest()
    found = STORE.get(key)
    if found is not None:
        return found
    stashed = self.md.htmlStash.html_counter
    html = _highlight(self, src, language, *args, **kwargs)
    if self.md.htmlStash.html_counter == stashed:  # the result refers to nothing outside itself
        STORE.put(key, html)
    return html


class HighlightCacheExtension(Extension):
    def extendMarkdown(self, md):
        highlight.Highlight.highlight = cached_highlight


def makeExtension(**kwargs):
    return HighlightCacheExtension(**kwargs)
