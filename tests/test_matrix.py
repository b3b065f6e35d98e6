"""The claims `make matrix` checks: pass inside the range, fail just below it and on its upper bound."""

from tests.harness import matrix


def test_a_lower_bound_claims_a_failure_on_the_release_just_below():
    claims = matrix.must(">=4.1")
    assert claims["4.0"] == "failed"
    assert {release for release, claim in claims.items() if claim == "passed"} == {
        "4.1", "4.2", "5.0", "5.1", "5.2", "6.0", "6.1"
    }
    assert "3.2" not in claims  # further below: recorded, not claimed


def test_an_upper_bound_claims_a_failure_on_it_and_a_patch_bound_counts_its_feature_release():
    claims = matrix.must(">=3.1,<5.0")
    assert claims["3.0"] == "failed" and claims["5.0"] == "failed"
    assert claims["4.2"] == "passed" and "5.1" not in claims
    assert matrix.must(">=3.0.1")["2.2"] == "failed"


def column(django, statuses):
    return {"django": django, "by_id": {block_id: {"status": s, "error": e} for block_id, (s, e) in statuses.items()}}


def test_a_range_that_starts_too_early_is_reported_with_page_line_release_and_error():
    block = matrix.VersionedBlock("docs/releases/4.1.md", 42, ">=4.0", source="await Author.objects.aget(pk=1)\n")
    results = {
        "4.0": column("4.0.10", {block.id: ("failed", "AttributeError: 'Manager' object has no attribute 'aget'")}),
        "4.1": column("4.1.13", {block.id: ("passed", "")}),
    }
    assert matrix.check([block], results) == [
        "docs/releases/4.1.md:42: django '>=4.0' claims it passed on Django 4.0.10, but it failed: "
        "AttributeError: 'Manager' object has no attribute 'aget'"
    ]


def test_a_range_that_is_not_tight_is_reported():
    block = matrix.VersionedBlock("docs/x.md", 7, ">=4.2", source="x = 1\n")
    results = {"4.1": column("4.1.13", {block.id: ("passed", "")})}
    assert matrix.check([block], results) == [
        "docs/x.md:7: django '>=4.2' claims it failed on Django 4.1.13, but it passed"
    ]


def test_every_versioned_block_is_collected_with_the_definitions_above_it():
    blocks = {block.where: block for block in matrix.collect()}
    assert all(block.spec for block in blocks.values())
    replay = [block for where, block in blocks.items() if where.startswith("docs/replay.md:")]
    assert [block.spec for block in replay] == [">=3.1", ">=3.0"]
