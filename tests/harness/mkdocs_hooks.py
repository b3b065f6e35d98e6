"""The MkDocs hook (mkdocs.yml `hooks:`): turn test directives into what readers see.

- `on_page_markdown`: a `<!-- test: django ">=4.1" -->` directive becomes a "Django ≥ 4.1" badge above its
  block, then every test directive is removed with the harness's own `directives.strip`. Fenced blocks are
  left alone: there, as for the harness, a directive is example text, not a directive.
- `on_post_page`: a page with a Mermaid diagram loads the Mermaid build that the site serves itself.
  Material's bundle downloads Mermaid from unpkg only when `window.mermaid` is undefined, so no page fetches
  it from a CDN and pages without a diagram do not load it at all.
"""

from __future__ import annotations

import html
import re
import shlex
import sys
from collections.abc import Callable
from pathlib import Path

from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.harness import compat, directives, fences, versions  # noqa: E402  (needs ROOT on sys.path)

MERMAID_JS = "assets/javascripts/mermaid.min.js"
# What pymdownx.superfences renders for a ```mermaid fence, and what Material's bundle looks for (`pre.mermaid`).
DIAGRAM = re.compile(r'<pre\b[^>]*\bclass="(?:[^"]*\s)?mermaid(?:\s[^"]*)?"')


def on_page_markdown(markdown, page, config, files):
    if compat.MARK in markdown:
        markdown = add_compat(markdown, page.file.src_uri, Path(config["docs_dir"]))
    return outside_fences(markdown, lambda prose: directives.strip(add_badges(prose)))


def add_compat(markdown: str, src_uri: str, docs: Path) -> str:
    """Fill `<!-- compat-matrix -->` with the matrix table and `<!-- compat-result: 3.0 -->` with what that
    release did with the block above, both from docs/data/compat.json (written by `make matrix`)."""
    data = compat.load()
    markdown = compat.TABLE_MARK.sub(lambda m: compat.table(data, docs, src_uri), markdown)
    page = f"docs/{src_uri}"
    return compat.RESULT_MARK.sub(
        lambda m: compat.result_note(data, page, markdown, m.start(), m["release"], m["indent"]), markdown
    )


def on_post_page(output, page, config):
    if not DIAGRAM.search(output):
        return output
    src = get_relative_url(MERMAID_JS, page.url)
    # `defer`: runs after parsing, before DOMContentLoaded, which is when Material renders the diagrams.
    return output.replace("</head>", f'<script src="{src}" defer></script>\n</head>', 1)


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
