"""tests/harness/lean_code.py removes only markup that changes nothing on screen."""

import re
from pathlib import Path

import material
import markdown

from tests.harness import lean_code

CONFIG = {"pymdownx.highlight": {"line_spans": "__span", "pygments_lang_class": True}}
EXTENSIONS = ["pymdownx.highlight", "pymdownx.superfences", "tests.harness.lean_code"]


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIG)


def shown(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_theme_colours_names_with_the_code_colour():
    """Unwrapping `.n` spans is invisible only while Material gives names the block's own colour."""
    stylesheets = Path(material.__file__).parent.glob("templates/assets/stylesheets/*.css")
    declared = {m for sheet in stylesheets for m in re.findall(r"--md-code-hl-name-color:[^;}]+", sheet.read_text())}
    assert declared == {"--md-code-hl-name-color:var(--md-code-fg-color)"}


def test_python_blocks_lose_line_name_and_whitespace_spans_and_keep_their_text_and_colours():
    page = "```python\nimport asyncio\n\nasync def view(request):\n    return 42  # the answer\n```\n"
    full = markdown.markdown(page, extensions=EXTENSIONS[:2], extension_configs=CONFIG)
    lean = render(page)
    assert 'id="__span-' in full and 'class="n"' in full and 'class="w"' in full
    assert 'id="__span-' not in lean and 'class="n"' not in lean and 'class="w"' not in lean
    assert "<pre><code>" in lean
    assert shown(lean) == shown(full)
    for kept in ('class="k"', 'class="nf"', 'class="mi"', 'class="c1"', 'class="p"'):
        assert lean.count(kept) == full.count(kept), kept


def test_console_blocks_keep_their_line_spans_for_the_copy_button():
    lean = render("```console\n$ uvicorn mysite.asgi:application\nINFO:     Started server process [1234]\n```\n")
    assert lean.count('id="__span-') == 2 and '<span class="gp">$ </span>' in lean
