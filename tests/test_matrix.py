"""The claims `make matrix` checks: a versioned block passes on every release in its range and fails on every
release outside it; a patch-level bound is checked against the patch release just below it."""

import json

from tests.harness import matrix, versions


def test_a_block_claims_a_pass_inside_its_range_and_a_failure_everywhere_outside_it():
    assert matrix.claim(">=4.1", "4.1.13") == "passed"
    assert matrix.claim(">=4.1", "4.0.10") == "failed"
    assert matrix.claim(">=4.1", "2.2.28") == "failed"  # far below too: the claim is exact, not "just below"
    assert matrix.claim(">=3.1,<5.0", "5.0.14") == "failed" and matrix.claim(">=3.1,<5.0", "4.2.30") == "passed"


def test_a_non_contiguous_range_is_claimed_piece_by_piece_and_shown_so():
    spec = ">=5.0,<5.2 || >=6.1"
    claims = {django: matrix.claim(spec, django) for django in ("4.2.30", "5.0.14", "5.1.15", "5.2.19", "6.0.10", "6.1.3")}
    assert claims == {"4.2.30": "failed", "5.0.14": "passed", "5.1.15": "passed", "5.2.19": "failed",
                      "6.0.10": "failed", "6.1.3": "passed"}
    assert versions.badge(spec) == "Django ≥ 5.0, < 5.2 or ≥ 6.1"
    assert versions.badge(">=3.1,<5.0") == "Django ≥ 3.1, < 5.0"
    assert versions.skip_reason(spec, versions.Version("5.2.1")) == f"needs Django {spec}; this run has Django 5.2.1"


def test_a_patch_level_bound_adds_the_patch_release_below_it_for_its_blocks_only():
    patch = matrix.VersionedBlock("docs/x.md", 3, ">=3.0.1", source="a\n")
    plain = matrix.VersionedBlock("docs/x.md", 9, ">=3.0", source="b\n")
    assert patch.patch_columns == ["3.0.0"] and plain.patch_columns == []
    assert matrix.columns_for([patch, plain])[:4] == ["2.2", "3.0", "3.0.0", "3.1"]
    assert matrix.columns_for([plain]) == list(matrix.RELEASES)
    assert matrix.blocks_in("3.0.0", [patch, plain]) == [patch]
    assert matrix.claim(">=3.0.1", "3.0.0") == "failed" and matrix.claim(">=3.0.1", "3.0.14") == "passed"


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


def test_a_block_that_also_passes_far_below_its_range_is_reported():
    # The example: badged >=6.1, it passed on 5.0 and 5.1 and nobody noticed (only 6.0 was checked).
    block = matrix.VersionedBlock("docs/releases/6.1.md", 232, ">=6.1", source="x = 1\n")
    results = {r: column(d, {block.id: (s, "")}) for r, d, s in [
        ("5.0", "5.0.14", "passed"), ("5.1", "5.1.15", "passed"), ("5.2", "5.2.19", "failed"),
        ("6.0", "6.0.10", "failed"), ("6.1", "6.1.3", "passed")]}
    assert matrix.check([block], results) == [
        "docs/releases/6.1.md:232: django '>=6.1' claims it failed on Django 5.0.14, but it passed",
        "docs/releases/6.1.md:232: django '>=6.1' claims it failed on Django 5.1.15, but it passed",
    ]
    block.spec = ">=5.0,<5.2 || >=6.1"
    assert matrix.check([block], results) == []


def test_merge_checks_claims_compares_with_compat_json_and_writes_a_summary(tmp_path):
    block = matrix.VersionedBlock("docs/x.md", 7, ">=4.2", source="x = 1\n")
    files = []
    for name, django, status in [("4.1", "4.1.13", "passed"), ("4.2", "4.2.30", "passed")]:
        files.append(tmp_path / f"{name}.json")
        files[-1].write_text(json.dumps({"column": name, "django": django, "python": "3.12.1",
                                         "results": [{"id": block.id, "status": status, "error": ""}]}))
    committed = {"releases": {"4.1": {"django": "4.1.13"}, "4.2": {"django": "4.2.29"}},
                 "blocks": {block.id: {"results": {"4.1": {"status": "failed"}, "4.2": {"status": "passed"}}}}}
    summary = tmp_path / "summary.md"
    status = matrix.merge([block], matrix.load_results(files), False, committed, summary)
    assert status == 1
    text = summary.read_text()
    assert "- `docs/x.md:7`: django '>=4.2' claims it failed on Django 4.1.13, but it passed" in text
    assert "- Django 4.2: compat.json has 4.2.29, this run 4.2.30" in text
    assert "- docs/x.md:7: on Django 4.1.13 compat.json says failed, this run passed" in text


def test_every_versioned_block_is_collected_with_the_definitions_above_it():
    blocks = {block.where: block for block in matrix.collect()}
    assert all(block.spec for block in blocks.values())
    replay = [block for where, block in blocks.items() if where.startswith("docs/replay.md:")]
    assert [block.spec for block in replay] == [">=3.1", ">=3.0"]
