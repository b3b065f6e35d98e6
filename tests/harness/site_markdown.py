"""The Python-Markdown extension (mkdocs.yml `markdown_extensions`) that turns test directives into what
readers see. Any builder that runs Python-Markdown runs it: MkDocs today, Zensical tomorrow (MkDocs hooks are
MkDocs-only; tests/test_zensical.py builds the site with both and compares the pages' text).

Before any other extension reads the page (so before pymdownx.snippets and superfences):
- a `<!-- test: django ">=4.1" -->` directive becomes a "Django ≥ 4.1" badge above its block (text from
  `versions.badge`), then every test directive is removed with the harness's own `directives.strip`;
- `<!-- compat-matrix -->` becomes the compatibility tables and `<!-- compat-result: 3.0 -->` a success or
  failure note with what that release did with the block above it, both from docs/data/compat.json;
- `<!-- site-map -->` becomes the map of every section and page of `nav` (tests/harness/site_map.py).
Fenced blocks are left alone: there, as for the harness, a directive is example text, not a directive.
"""

from __future__ import annotations

import html
import re
import shlex
from collections.abc import Callable
from pathlib import Path

from markdown import Extension
from markdown.preprocessors import Preprocessor

from . import compat, compat_page, directives, fences, site_map, versions

DOCS = Path(__file__).resolve().parents[2] / "docs"
# Above pymdownx.snippets (32) and superfences (31): the page as its author wrote it, like the test harness.
PRIORITY = 40


def render(markdown: str) -> str:
    """The page's Markdown as readers get it: badges and compatibility data in, directives out."""
    if compat.MARK in markdown:
        markdown = add_compat(markdown)
    markdown = site_map.MARK.sub(lambda m: site_map.render(DOCS), markdown)
    return outside_fences(markdown, lambda prose: directives.strip(add_badges(prose)))


def add_compat(markdown: str) -> str:
    data = compat.load()
    markdown = compat.TABLE_MARK.sub(lambda m: compat_page.render(data, DOCS), markdown)
    return compat.RESULT_MARK.sub(
        lambda m: compat.result_note(data, markdown, m.start(), m["release"], m["indent"]), markdown
    )


def add_badges(markdown: str) -> str:
    """Put a badge paragraph above each `django` directive, at the directive's indentation."""

    def badge(match: re.Match) -> str:
        if match["name"] != "django":
            return match[0]
        (spec,) = shlex.split(match["args"])
        text = html.escape(versions.badge(spec))
        return f'\n{match["indent"]}<span class="django-badge">{text}</span>\n\n{match[0]}'

    return directives.DIRECTIVE.sub(badge, markdown)


def outside_fences(markdown: str, change: Callable[[str], str]) -> str:
    """`markdown` with `change` applied to the text between fenced blocks; the blocks stay as they are."""
    parts, position = [], 0
    for fence in fences.find_fences(markdown):
        parts += [change(markdown[position : fence.start]), markdown[fence.start : fence.end]]
        position = fence.end
    return "".join([*parts, change(markdown[position:])])


class DirectivePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return render("\n".join(lines)).split("\n")


class SiteExtension(Extension):
    def extendMarkdown(self, md):
        md.preprocessors.register(DirectivePreprocessor(md), "async_django_directives", PRIORITY)


def makeExtension(**kwargs):
    return SiteExtension(**kwargs)
