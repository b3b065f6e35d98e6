"""What a build keeps in .cache/ (tests/harness/build_cache.py) gives the same pages, and does not outgrow the site."""

from __future__ import annotations

import markdown

from tests.harness import highlight_cache
from tests.harness.build_cache import Store

CONFIG = {"pymdownx.highlight": {"line_spans": "__span", "pygments_lang_class": True}}
PAGE = '```python title="app.py"\nasync def view(request):\n    return 42\n```\n\nText with `inline` code.\n\n```console\n$ ls\n```\n'


def render(text: str, cached: bool) -> str:
    extensions = ["pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]
    return markdown.markdown(text, extensions=extensions + (["tests.harness.highlight_cache"] if cached else []),
                             extension_configs=CONFIG)


def test_a_build_from_the_cache_is_the_same_as_one_without(tmp_path, monkeypatch):
    original = highlight_cache.highlight.Highlight.highlight
    try:
        monkeypatch.setattr(highlight_cache, "STORE", Store(tmp_path / "highlight.pickle"))
        first = render(PAGE, cached=True)
        assert highlight_cache.STORE.missed == 2  # the two blocks; inline code is never kept
        highlight_cache.STORE.save()
        monkeypatch.setattr(highlight_cache, "STORE", Store(tmp_path / "highlight.pickle"))  # the next build
        second = render(PAGE, cached=True)
        assert highlight_cache.STORE.missed == 0 and len(highlight_cache.STORE.used) == 2
    finally:
        highlight_cache.highlight.Highlight.highlight = original
    assert first == second == render(PAGE, cached=False)


def test_a_changed_block_is_highlighted_again(tmp_path, monkeypatch):
    original = highlight_cache.highlight.Highlight.highlight
    try:
        monkeypatch.setattr(highlight_cache, "STORE", Store(tmp_path / "highlight.pickle"))
        render(PAGE, cached=True)
        highlight_cache.STORE.save()
        monkeypatch.setattr(highlight_cache, "STORE", Store(tmp_path / "highlight.pickle"))
        changed = render(PAGE.replace("return 42", "return 43"), cached=True)
        assert highlight_cache.STORE.missed == 1
    finally:
        highlight_cache.highlight.Highlight.highlight = original
    assert "43" in changed and changed == render(PAGE.replace("return 42", "return 43"), cached=False)


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
