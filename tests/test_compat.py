"""docs/data/compat.json (written by `make matrix`) covers every versioned block and agrees with its directive
on every release: passed inside the range, failed outside it."""

import json

import pytest

from tests.harness import matrix

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
