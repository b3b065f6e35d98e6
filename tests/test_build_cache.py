"""What a build keeps in .cache/ (tests/harness/build_cache.py) gives the same pages, and does not outgrow the site."""

from __future__ import annotations

import markdown
import pytest

from tests.harness import highlight_cache
from tests.harness.build_cache import Store

CONFIG = {"pymdownx.highlight": {"line_spans": "__span", "pygments_lang_class": True}}
PAGE = '```python title="app.py"\nasync def view(request):\n    return 42\n```\n\nText with `inline` code.\n\n```console\n$ ls\n```\n'


def render(text: str, cached: bool) -> str:
    extensions = ["pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]
    return markdown.markdown(text, extensions=extensions + (["tests.harness.highlight_cache"] if cached else []),
                             extension_configs=CONFIG)


@pytest.fixture
def new_build(tmp_path, monkeypatch):
    """Starts a build: a fresh store over tmp_path's file; the extension's patch of pymdownx is undone after."""
    monkeypatch.setattr(highlight_cache.highlight.Highlight, "highlight", highlight_cache.highlight.Highlight.highlight)

    def start() -> Store:
        monkeypatch.setattr(highlight_cache, "STORE", Store(tmp_path / "highlight.pickle"))
        return highlight_cache.STORE

    return start


def test_a_build_from_the_cache_is_the_same_as_one_without(new_build):
    uncached = render(PAGE, cached=False)  # before the extension patches pymdownx
    store = new_build()
    first = render(PAGE, cached=True)
    assert store.missed == 2  # the two blocks; inline code is never kept
    store.save()
    store = new_build()
    second = render(PAGE, cached=True)
    assert store.missed == 0 and len(store.used) == 2
    assert first == second == uncached


def test_a_changed_block_is_highlighted_again(new_build):
    changed_page = PAGE.replace("return 42", "return 43")
    uncached = render(changed_page, cached=False)  # before the extension patches pymdownx
    store = new_build()
    render(PAGE, cached=True)
    store.save()
    store = new_build()
    changed = render(changed_page, cached=True)
    assert store.missed == 1
    assert "43" in changed and changed == uncached


def test_a_whole_build_keeps_only_what_it_used_and_a_partial_one_adds(tmp_path):
    path = tmp_path / "store.pickle"
    store = Store(path)
    for key in "abcd":
        store.put(key, key.upper())
    store.save()
    whole = Store(path)
    whole.get("a"), whole.get("b"), whole.get("c"), whole.put("e", "E")
    whole.save()
    assert sorted(Store(path)._entries()) == ["a", "b", "c", "e"]  # d was not used: dropped
    partial = Store(path)
    partial.put("f", "F")
    partial.save()
    assert sorted(Store(path)._entries()) == ["a", "b", "c", "e", "f"]
