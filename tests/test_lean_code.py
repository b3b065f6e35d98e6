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


THEME = "".join(p.read_text() for p in Path(material.__file__).parent.glob("templates/assets/stylesheets/*.css"))
EXTRA = (Path(__file__).parents[1] / "docs" / "assets" / "stylesheets" / "extra.css").read_text()


def test_the_theme_colours_names_and_constants_with_the_code_colour():
    """Unwrapping `.n` and `.kc` spans is invisible only while Material gives them the block's own colour."""
    assert set(re.findall(r"--md-code-hl-name-color:[^;}]+", THEME)) == {"--md-code-hl-name-color:var(--md-code-fg-color)"}
    assert ".highlight .kc,.highlight .n{color:var(--md-code-hl-name-color)}" in THEME


def test_operators_and_punctuation_have_the_code_colour_in_both_schemes():
    """Unwrapping `.o`, `.ow` and `.p` spans is invisible only while extra.css gives them the block's own colour, and
    the theme colours them by those two variables and nothing else."""
    assert ".highlight .o,.highlight .ow{color:var(--md-code-hl-operator-color)}" in THEME
    assert ".highlight .p{color:var(--md-code-hl-punctuation-color)}" in THEME
    assert not re.search(r"\.highlight \.(?:o|ow|p|kc|n)\b[^{]*\{[^}]*(?:font|background|text-decoration)", THEME)
    rule = re.search(r'\[data-md-color-scheme="default"\], \[data-md-color-scheme="slate"\] \{([^}]*)\}', EXTRA)
    assert rule and "--md-code-hl-operator-color: var(--md-code-fg-color);" in rule.group(1)
    assert "--md-code-hl-punctuation-color: var(--md-code-fg-color);" in rule.group(1)
    later = EXTRA[rule.end():]  # nothing after it gives them another colour
    assert "--md-code-hl-operator-color" not in later and "--md-code-hl-punctuation-color" not in later


def test_python_blocks_lose_spans_of_the_code_colour_and_keep_their_text_and_colours():
    page = "```python\nimport asyncio\n\nasync def view(request):\n    return 42 + (x is None)  # the answer\n```\n"
    full = markdown.markdown(page, extensions=EXTENSIONS[:2], extension_configs=CONFIG)
    lean = render(page)
    dropped = ('class="n"', 'class="w"', 'class="p"', 'class="o"', 'class="ow"', 'class="kc"')
    assert 'id="__span-' in full and all(span in full for span in dropped)
    assert 'id="__span-' not in lean and not any(span in lean for span in dropped)
    assert "<pre><code>" in lean
    assert shown(lean) == shown(full)
    for kept in ('class="k"', 'class="nf"', 'class="mi"', 'class="c1"'):
        assert lean.count(kept) == full.count(kept), kept


def test_console_blocks_keep_their_line_spans_for_the_copy_button():
    lean = render("```console\n$ uvicorn mysite.asgi:application\nINFO:     Started server process [1234]\n```\n")
    assert lean.count('id="__span-') == 2 and '<span class="gp">$ </span>' in lean
