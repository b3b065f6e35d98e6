"""`make test-django`: what it installs over the lock, and how it reports what failed (`page:line` first)."""

import json

from tests.harness import suite


def test_a_feature_release_means_its_newest_patch_and_a_version_means_itself():
    assert suite.requirement("6.0") == "django==6.0.*"
    assert suite.requirement("5.2.3") == "django==5.2.3"
    assert suite.requirement("6.2a1") == "django==6.2a1"


def test_failures_are_listed_as_page_line_then_other_tests_by_name(tmp_path):
    (tmp_path / "blocks.json").write_text(json.dumps([
        {"page": "docs/releases/6.1.md", "line": 19, "lang": "python", "status": "failed",
         "reason": "docs/releases/6.1.md:25: AttributeError: x"},
        {"page": "docs/index.md", "line": 3, "lang": "python", "status": "passed", "reason": ""},
    ]))
    (tmp_path / "junit.xml").write_text(
        '<testsuites><testsuite><testcase classname="tests.test_release_notes" name="test_data"><failure/></testcase>'
        '<testcase classname="docs.releases.6.1.md" name="line:19,column:1"><failure/></testcase>'
        '<testcase classname="tests.test_fences" name="test_ok"/></testsuite></testsuites>')
    blocks, others = suite.failures(tmp_path)
    assert blocks == ["docs/releases/6.1.md:19: docs/releases/6.1.md:25: AttributeError: x"]
    assert others == ["tests.test_release_notes::test_data"]
    text = suite.summary("6.0.10", "3.12.8", 1, blocks, others)
    assert "- `docs/releases/6.1.md:19`: docs/releases/6.1.md:25: AttributeError: x" in text
    assert "- `tests.test_release_notes::test_data`" in text
