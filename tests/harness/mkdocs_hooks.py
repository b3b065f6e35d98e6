"""The MkDocs hook (mkdocs.yml `hooks:`): turn test directives into what readers see.

- `on_page_markdown`: a `<!-- test: django ">=4.1" -->` directive becomes a "Django ≥ 4.1" badge above its
  block, then every test directive is removed (`directives.strip`, the harness's own grammar).
- `on_post_page`: a page with a Mermaid diagram loads the Mermaid build served by the site itself. Material
  fetches Mermaid from unpkg only when `window.mermaid` is undefined, so no other page loads it and no page
  fetches it from a CDN.
"""

from __future__ import annotations

import html
import re
import shlex
import sys
from pathlib import Path

from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.harness import directives, versions  # noqa: E402  (needs ROOT on sys.path)

MERMAID_JS = "assets/javascripts/mermaid.min.js"
# What pymdownx.superfences renders for a ```mermaid fence, and what Material's bundle looks for (`pre.mermaid`).
DIAGRAM = re.compile(r'<pre\b[^>]*\bclass="(?:[^"]*\s)?mermaid(?:\s[^"]*)?"')


def on_page_markdown(markdown, page, config, files):
    return directives.strip(add_badges(markdown))


def on_post_page(output, page, config):
    if not DIAGRAM.search(output):
        return output
    src = get_relative_url(MERMAID_JS, page.url)
    # `defer` runs it after parsing and before DOMContentLoaded, which is when Material renders diagrams.
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
