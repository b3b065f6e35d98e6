"""Our `--8<--` resolver shows what pymdownx.snippets shows, and runs the whole file."""

import markdown
import pytest

from tests.harness.snippets import SnippetError, expand, parse_include

SNIPPET = """import asyncio

# --8<-- [start:view]
async def view(request):
    await asyncio.sleep(0)
# --8<-- [end:view]

print("whole file ran")
"""


@pytest.fixture
def root(tmp_path):
    (tmp_path / "snippets").mkdir()
    (tmp_path / "snippets" / "x.py").write_text(SNIPPET)
    return tmp_path


def pymdownx(source: str, root) -> str:
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(root)], "check_paths": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run(source.split("\n")))


@pytest.mark.parametrize(
    "include",
    ['--8<-- "snippets/x.py"', '--8<-- "snippets/x.py:view"', '--8<-- "snippets/x.py:4:5"', '    --8<-- "snippets/x.py:view"'],
)
def test_shown_text_matches_pymdownx_snippets(root, include):
    source = f"before\n{include}\nafter"
    assert expand(source + "\n", root).rstrip("\n") == pymdownx(source, root).rstrip("\n")


def test_the_whole_file_is_what_runs(root):
    include = parse_include('--8<-- "snippets/x.py:view"', root)
    assert include.whole() == SNIPPET
    assert "print" not in include.shown()


def test_a_missing_snippet_is_an_error(root):
    with pytest.raises(SnippetError, match="snippet 'snippets/missing.py' not found"):
        parse_include('--8<-- "snippets/missing.py"', root)
