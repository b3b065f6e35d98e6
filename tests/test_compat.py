"""docs/data/compat.json (written by `make matrix`) covers every versioned block and agrees with its directive
on every release: passed inside the range, failed outside it."""

import json

import pytest

from tests.harness import compat, matrix

DATA = json.loads(matrix.COMPAT.read_text()) if matrix.COMPAT.exists() else {"releases": {}, "blocks": {}}
BLOCKS = matrix.collect()
STALE = "docs/data/compat.json is out of date: run `make matrix` and commit the result"


def test_every_release_was_run():
    assert list(DATA["releases"]) == matrix.columns_for(BLOCKS), STALE
    assert [r for r, column in DATA["releases"].items() if "missing" in column] == []


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.where)
def test_a_versioned_block_has_a_result_on_every_release_that_agrees_with_its_range(block):
    entry = DATA["blocks"].get(block.id)
    assert entry is not None, f"{block.where}: no matrix results for this block ({STALE})"
    assert entry["spec"] == block.spec, f"{block.where}: the range changed ({STALE})"
    assert sorted(entry["results"]) == sorted([*matrix.RELEASES, *block.patch_columns]), STALE
    for release, result in entry["results"].items():
        claim = matrix.claim(block.spec, DATA["releases"][release]["django"])  # in range: passed; outside: failed
        assert result["status"] == claim, f"{block.where}: claims {claim} on {release}: {result['error']}"


def test_no_results_for_blocks_that_are_gone():
    assert sorted(set(DATA["blocks"]) - {block.id for block in BLOCKS}) == [], STALE


def test_the_page_counts_a_patch_column_only_for_the_blocks_it_checks():
    """3.0.0 runs only the blocks bounded at 3.0.1: the others are neither contradicted nor 'not run' there."""
    from tests.harness import compat_page

    releases = {"3.0": {"django": "3.0.14", "python": "3.9"}, "3.0.0": {"django": "3.0", "python": "3.9"},
                "3.1": {"django": "3.1.14", "python": "3.9"}}
    patch = {"page": "docs/p.md", "line": 3, "spec": ">=3.0.1",
             "results": {"3.0": {"status": "passed", "error": ""}, "3.0.0": {"status": "failed", "error": "E"},
                         "3.1": {"status": "passed", "error": ""}}}
    feature = {"page": "docs/p.md", "line": 9, "spec": ">=3.1",
               "results": {"3.0": {"status": "failed", "error": "E"}, "3.1": {"status": "passed", "error": ""}}}
    summary = compat_page.summary(releases, [patch, feature])
    assert "| 3.0.0 | Django 3.0, Python 3.9 | 0 of 1 | 1 of 1 |" in summary
    assert "| 3.1 | Django 3.1.14, Python 3.9 | 2 of 2 | 2 of 2 |" in summary
    row = compat_page.row(feature, "p.md", [], releases)
    assert "contradicted" not in row and "3.0.0" not in row
    feature["results"]["3.1"] = {"status": "failed", "error": "E"}
    assert "(claim contradicted)" in compat_page.row(feature, "p.md", [], releases)


def test_a_comment_line_in_a_hidden_setup_is_no_heading():
    text = "# Page\n\n<!-- test: setup\n# why the setup is there\nx = 1\n-->\n\n## Section\n"
    assert [title for _, title, _ in compat.headings(text)] == ["Page", "Section"]


def test_a_block_is_shown_at_its_line_on_the_page_as_it_is_now(tmp_path):
    """Lines added above a block since `make matrix` wrote its line move it; its id (its text) stays, and the
    compatibility page shows where it is now, in the section it is in now."""
    from tests.harness import compat_page
    from tests.harness.fences import find_fences

    text = ("# Page\n\n## Old section\n\nA paragraph added since.\n\n## New section\n\n"
            '<!-- test: django ">=4.1" -->\n```python\nx = 1\n```\n')
    (tmp_path / "p.md").write_text(text)
    fence = find_fences(text)[0]
    releases = {"4.1": {"django": "4.1.13", "python": "3.11"}}
    entry = {"page": "docs/p.md", "line": 3, "spec": ">=4.1", "results": {"4.1": {"status": "passed", "error": ""}}}
    page = compat_page.render({"releases": releases, "blocks": {compat.block_id("docs/p.md", fence.source): entry}},
                              tmp_path)
    assert f"[New section](p.md#new-section), line {fence.line} |" in page and fence.line == 10
