"""Every quotation on the site matches its source word for word (tests/harness/quotes.py has the rules).

Each block quote carries a `<!-- test: quote "SOURCE" -->` directive; a paragraph may carry one for its
"double-quoted" passages. Sources are files of the installed Django's sdist (and other installed
distributions' sdists), downloaded once into .cache/sources/ (tests/harness/sources.py); a source that no
package ships (DEP 0009, the ASGI spec) is checked only where a git mirror is given in $QUOTE_MIRRORS and
is otherwise reported as skipped with that reason.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from tests.harness import quotes, sources

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def all_quotations(root: Path = ROOT) -> list[quotes.Quotation]:
    return [quotation for page in sorted((root / "docs").rglob("*.md"))
            for quotation in quotes.find_quotations(page.read_text(), page.relative_to(root).as_posix())]


QUOTATIONS = all_quotations()
LIBRARY = quotes.Library()


def test_every_block_quote_names_its_source():
    unmarked = [f"{page.relative_to(ROOT)}:{line}" for page in PAGES
                for line in quotes.unmarked_block_quotes(page.read_text(), page.relative_to(ROOT).as_posix())]
    assert not unmarked, ("block quotes without a `<!-- test: quote \"SOURCE\" -->` directive above them "
                          "(README, 'Quotations'): " + ", ".join(unmarked))


@pytest.mark.parametrize("source", sorted({" ".join(q.sources) for q in QUOTATIONS}))
def test_quotations_match_their_source(source):
    checked = [q for q in QUOTATIONS if " ".join(q.sources) == source]
    verdicts = [LIBRARY.check(quotation) for quotation in checked]
    misquotes = [v.message() for v in verdicts if not v.ok and not v.unavailable]
    assert not misquotes, "\n".join(misquotes)
    unchecked = [v for v in verdicts if v.unavailable]
    if unchecked:
        pytest.skip(f"{len(unchecked)} of {len(checked)} quotations not checked: {unchecked[0].unavailable[0]}")


# ---- the checker itself ---------------------------------------------------------------------------------

NOTES = """\
Minor features
--------------

* The new :meth:`.QuerySet.aget` and ``aiterator()`` methods, see
  :ref:`async-queries` and :func:`~django.contrib.auth.aauthenticate`
  (:ticket:`31056`). Use :class:`the test client <django.test.AsyncClient>`.

* The following decorators now support wrapping asynchronous view functions:

  * :func:`~django.views.decorators.cache.cache_control`
  * :func:`~django.views.decorators.cache.never_cache`

.. _async-queries:

Asynchronous queries
====================
"""


@pytest.fixture
def fake_django(tmp_path, monkeypatch):
    """A cached "sdist" of the installed Django holding only NOTES, so no download happens."""
    monkeypatch.setenv("ASYNC_DOCS_SOURCES", str(tmp_path / "cache"))
    notes = tmp_path / "cache" / f"django-{metadata.version('django')}" / "docs" / "releases" / "9.9.txt"
    notes.parent.mkdir(parents=True)
    notes.write_text(NOTES)
    return tmp_path


def check_page(text: str) -> list[quotes.Verdict]:
    library = quotes.Library()
    return [library.check(q) for q in quotes.find_quotations(text, "docs/x.md")]


def test_markup_is_compared_as_the_reader_sees_it(fake_django):
    page = ('# X\n\n<!-- test: quote "django:docs/releases/9.9.txt" -->\n'
            "> The new `QuerySet.aget()` and `aiterator()` methods, see *Asynchronous queries* and\n"
            "> `aauthenticate()` (#31056). Use [the test client](https://example.com).\n>\n"
            "> The following decorators now support wrapping asynchronous view functions: `cache_control()`,\n"
            "> `never_cache()`\n>\n> — Django 9.9 release notes\n")
    assert [v.ok for v in check_page(page)] == [True]


def test_a_misquote_fails_with_page_line_and_the_closest_source_text(fake_django):
    page = ('# X\n\nIntro.\n\n<!-- test: quote "django:docs/releases/9.9.txt" -->\n'
            "> The new `QuerySet.aget()` and `aiterate()` methods\n")
    [verdict] = check_page(page)
    assert not verdict.ok and not verdict.unavailable
    assert verdict.message() == (
        "docs/x.md:6: misquote: not found in django:docs/releases/9.9.txt\n"
        "    quoted:  The new QuerySet.aget and aiterate methods\n"
        "    closest: The new QuerySet.aget and aiterator methods  (django:docs/releases/9.9.txt)")


def test_inline_quotations_and_elisions_are_checked_one_by_one(fake_django):
    page = ('# X\n\n<!-- test: quote "django:docs/releases/9.9.txt" -->\n'
            'The notes name "The new `QuerySet.aget()` [...] methods" and\n"Asynchronous querys".\n')
    verdicts = check_page(page)
    assert [(v.quotation.line, v.ok) for v in verdicts] == [(4, True), (4, True), (5, False)]
    assert verdicts[2].closest == "Asynchronous queries"


def test_a_source_no_package_ships_is_reported_unchecked_not_passed(fake_django, monkeypatch):
    monkeypatch.delenv("QUOTE_MIRRORS", raising=False)
    page = '# X\n\n<!-- test: quote "github:django/deps@0a36e69:accepted/0009-async.rst" -->\n> Anything.\n'
    [verdict] = check_page(page)
    assert not verdict.ok and "QUOTE_MIRRORS" in verdict.message()


@pytest.mark.parametrize(("page", "error"), [
    ('<!-- test: quote "django:docs/releases/9.9.txt" -->\n\n```python\n```\n', "docs/x.md:1: a quote directive must be"),
    ('<!-- test: quote "docs/releases/9.9.txt" -->\n> x\n', "docs/x.md:1: a quote directive names its sources"),
    ('<!-- test: quote "django:docs/releases/9.9.txt" -->\nno quotation here\n', "docs/x.md:1: the paragraph below"),
])
def test_a_wrong_directive_is_an_error_at_its_line(page, error):
    with pytest.raises(quotes.QuoteError, match=error):
        quotes.find_quotations(page, "docs/x.md")


def test_a_missing_source_file_is_an_error_at_the_quotation(fake_django):
    with pytest.raises(quotes.QuoteError, match=r"docs/x.md:4: docs/releases/9.8.txt is not in the django sdist"):
        check_page('# X\n\n<!-- test: quote "django:docs/releases/9.8.txt" -->\n> x\n')


def test_unmarked_block_quotes_are_found_outside_code():
    page = '# X\n\n> quoted\n> more\n\n```python\n> not a quote\n```\n\n<!-- test: quote "django:a.txt" -->\n> q\n'
    assert quotes.unmarked_block_quotes(page, "docs/x.md") == [3]


def test_a_cached_sdist_is_used_without_downloading(fake_django, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("downloaded although the sdist is cached")

    monkeypatch.setattr(sources.subprocess, "run", no_network)
    assert sources.read("django:docs/releases/9.9.txt") == NOTES


def test_a_quote_directive_is_prose_and_never_attaches_to_the_next_block():
    from tests.harness.parsers import executable_fences

    page = ('# X\n\n<!-- test: quote "django:docs/releases/9.9.txt" -->\n> quoted\n\n'
            '<!-- test: skip "shown only" -->\n```python\n1/0\n```\n')
    [(fence, skipped)] = executable_fences(page, "docs/x.md")
    assert skipped == "shown only"
    assert [q.text for q in quotes.find_quotations(page, "docs/x.md")] == ["quoted"]
