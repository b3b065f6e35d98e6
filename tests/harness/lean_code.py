"""A Python-Markdown extension (mkdocs.yml `markdown_extensions`) that removes, from highlighted code blocks,
markup that changes nothing on screen. Code blocks are most of a page's elements (async-orm: 3,100 of 3,850),
and every element costs the reader's browser (Lighthouse's DOM size) and the browser suite's axe run.

- The per-line `<span id="__span-…">` wrappers of `line_spans` stay only in console blocks, where the copy
  button's stylesheet hides output lines by them (docs/assets/stylesheets/extra.css).
- Spans that only give the block's own colour become plain text: names (`.n`) and constants (`.kc`: Material
  colours both with `--md-code-hl-name-color`, which is `--md-code-fg-color`), operators and punctuation (`.o`,
  `.ow`, `.p`: their colours are the code's own in docs/assets/stylesheets/extra.css), and whitespace (`.w`), which
  has no colour. tests/test_lean_code.py checks that the theme and the stylesheet still say so.

It runs on the finished page (after the raw-HTML postprocessor, priority 30, puts the highlighted blocks back),
so any builder that runs Python-Markdown gets the same pages.
"""

from __future__ import annotations

import re

from markdown import Extension
from markdown.postprocessors import Postprocessor

EMPTY = "<pre><span></span><code>"  # Pygments opens every block with an empty span
BLOCK = re.compile(r'<div class="language-([\w-]+) highlight">.*?</code></pre>', re.DOTALL)
LINE = re.compile(r'<span id="__span-\d+-\d+">([^\n]*\n)</span>')
PLAIN = re.compile(r'<span class="(?:n|w|kc|o|ow|p)">([^<]*)</span>')
KEEPS_LINES = {"console"}  # the copy button hides a console block's output lines by their line span


def lean(block: re.Match) -> str:
    code = block.group(0)
    if block.group(1) not in KEEPS_LINES:
        code = LINE.sub(r"\1", code)
    return PLAIN.sub(r"\1", code).replace(EMPTY, "<pre><code>", 1)


class LeanCodePostprocessor(Postprocessor):
    def run(self, text: str) -> str:
        return BLOCK.sub(lean, text)


class LeanCodeExtension(Extension):
    def extendMarkdown(self, md):
        md.postprocessors.register(LeanCodePostprocessor(md), "lean_code", 5)


def makeExtension(**kwargs):
    return LeanCodeExtension(**kwargs)
