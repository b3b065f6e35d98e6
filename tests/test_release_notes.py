"""Every async API that a release's notes name is used by a block that runs on that release's page.

The names come from docs/data/release-notes-async.json, read from the release notes in the Django sdist by
`make release-notes` (tests/harness/release_notes.py). Static and fast: the blocks themselves run in the
page tests, whose report fails on any block that did not pass.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import django
import pytest

from tests.harness import release_notes
from tests.harness.parsers import executable_fences
from tests.harness.snippets import expand

ROOT = Path(__file__).resolve().parents[1]
DATA = json.loads(release_notes.DATA.read_text())


def test_the_data_was_read_from_the_installed_django():
    assert DATA["django"] == django.__version__, (
        f"{release_notes.DATA.relative_to(ROOT)} was read from Django {DATA['django']}, but "
        f"{django.__version__} is installed: run `make release-notes`")
    assert list(DATA["releases"]) == release_notes.RELEASES


def code_that_runs(page: Path, root: Path = ROOT) -> str:
    fences = executable_fences(page.read_text(), page.relative_to(root).as_posix())
    return "\n".join(expand(fence.source) for fence, skipped in fences if skipped is None)


@pytest.mark.parametrize("release", release_notes.RELEASES)
def test_each_async_api_of_the_notes_is_used_on_the_release_page(release):
    page = ROOT / "docs" / "releases" / f"{release}.md"
    code = code_that_runs(page)
    missing = [f"{entry['name']} (notes line {entry['line']}: {entry['reference']})"
               for entry in DATA["releases"][release] if not re.search(rf"\b{entry['name']}\b", code)]
    assert not missing, f"{page.relative_to(ROOT)}: no block that runs uses " + ", ".join(missing)


NOTES = """\
* The new :meth:`.QuerySet.aupdate_or_create` and ``aget()`` methods, also
  :func:`label <django.contrib.auth.aauthenticate>` and :class:`~django.test.AsyncClient`.
* :meth:`.QuerySet.update_or_create` and ``asgiref`` are not async; ``aget()`` is counted once.
"""


def test_extraction_keeps_async_names_once_with_their_line():
    known = {"aupdate_or_create", "aget", "aauthenticate", "AsyncClient"}
    found = release_notes.named_in(NOTES, known)
    assert [(entry["name"], entry["line"]) for entry in found] == [
        ("aupdate_or_create", 1), ("aget", 1), ("aauthenticate", 2), ("AsyncClient", 2)]


def test_async_names_come_from_async_defs_and_async_classes(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "m.py").write_text(
        "class AsyncThing:\n    async def aget(self): ...\n    async def _aprivate(self): ...\n"
        "    def asave(self): ...\nasync def fetch(): ...\n")
    assert release_notes.async_names(tmp_path / "pkg") == {"AsyncThing", "aget"}


def test_a_skipped_block_does_not_count(tmp_path):
    page = tmp_path / "docs" / "releases" / "4.0.md"
    page.parent.mkdir(parents=True)
    block = "```python\nawait cache.aget_or_set('k', 1)\n```\n"
    page.write_text(f"# 4.0\n\n<!-- test: skip \"shown only\" -->\n{block}")
    assert "aget_or_set" not in code_that_runs(page, tmp_path)
    page.write_text(f"# 4.0\n\n{block}")
    assert "aget_or_set" in code_that_runs(page, tmp_path)
