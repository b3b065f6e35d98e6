"""The "tested with" stamp: the test run writes it, every built page shows it through a Markdown extension
(no MkDocs hook involved), and a build without a passing test run of its commit says so."""

import json

import markdown

from tests.harness import tested_with

STAMP = {"django": "6.1.3", "python": "3.12.8", "finished": "2026-12-01T00:52:07Z", "passed": True,
         "commit": "0123456789abcdef", "blocks": {"passed": 1270, "failed": 0, "skipped": 14}}


def test_a_passing_run_of_this_commit_is_stamped_with_its_versions_and_time():
    assert tested_with.text(STAMP, "0123456789abcdef") == (
        "Tested with Django 6.1.3 on Python 3.12.8, 1 December 2026, 00:52 UTC: 1270 code blocks ran and passed.")


def test_no_run_a_failed_run_or_another_commit_is_said_plainly():
    assert tested_with.text(None, "abc") == "This build was not tested: no test run came before it."
    assert "failed" in tested_with.text({**STAMP, "passed": False}, "0123456789abcdef")
    assert tested_with.text(STAMP, "fedcba9876543210").endswith("was of commit 0123456, not fedcba9.")


def test_the_extension_puts_the_stamp_under_any_page(tmp_path):
    path = tmp_path / "tested-with.json"
    path.write_text(json.dumps({**STAMP, "commit": tested_with._commit(tested_with.ROOT)}))
    md = markdown.Markdown(extensions=["toc", tested_with.TestedWithExtension(stamp=str(path))])
    html = md.convert("# Page\n\nText.")
    assert '<h1 id="page">Page</h1>' in html, "headings (and their anchors) are left alone"
    assert html.endswith('<p class="tested-with" data-search-exclude=""><small>Tested with Django 6.1.3 on Python '
                         "3.12.8, 1 December 2026, 00:52 UTC: 1270 code blocks ran and passed.</small></p>")
    missing = markdown.markdown("x", extensions=[tested_with.TestedWithExtension(stamp=str(tmp_path / "none.json"))])
    assert "This build was not tested" in missing


def test_the_extension_is_configured_by_name_in_mkdocs_yml():
    assert "\n  - tests.harness.tested_with\n" in (tested_with.ROOT / "mkdocs.yml").read_text()
    assert isinstance(markdown.Markdown(extensions=["tests.harness.tested_with"]).treeprocessors["tested_with"],
                      tested_with._AppendStamp)


def test_a_run_of_every_page_records_the_stamp(pytester, monkeypatch):
    from tests.helpers import run_page

    run = run_page(pytester, monkeypatch, "# P\n\n```python\nprint(1)\n#> 1\n```\n")
    run.result.assert_outcomes(passed=1)
    stamp = json.loads((pytester.path / "reports" / "tested-with.json").read_text())
    import django, sys

    assert (stamp["django"], stamp["python"], stamp["passed"]) == (django.get_version(), sys.version.split()[0], True)
    assert stamp["blocks"]["passed"] == 1
