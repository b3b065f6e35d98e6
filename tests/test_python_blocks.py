from tests.helpers import ROOT, line_of, run_page, sample


def test_top_level_await_shared_namespace_and_page_module(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, sample("python-top-level-await.md"), "python-top-level-await.md")
    run.result.assert_outcomes(passed=3)
    assert [block["status"] for block in run.blocks] == ["passed"] * 3


def test_all_kinds_of_block_run(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, sample("all-kinds.md"), "all-kinds.md")
    run.result.assert_outcomes(passed=7)
    assert {b["lang"]: b["status"] for b in run.blocks}["text"] == "not-executable"


def test_wrong_printed_output_fails_at_the_block(pytester, monkeypatch):
    page = "# P\n\ntext\n\n```python\nprint(6 * 7)\n#> 41\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines(["docs/page.md:7: the `#>` output differs.", "*-41", "*+42"])


def test_a_raising_block_fails_at_the_raising_line(pytester, monkeypatch):
    page = "# P\n\n```python\nx = 1\ny = {}\ny['missing']\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines(["docs/page.md:6: in <module>", "*KeyError*", "docs/page.md:6: KeyError: 'missing'"])


def test_a_chained_exception_is_reported_not_an_internal_error(pytester, monkeypatch):
    page = "# P\n\n```python\ntry:\n    {}['x']\nexcept KeyError as error:\n    raise ValueError('boom') from error\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    assert "INTERNALERROR" not in run.output
    run.result.stdout.fnmatch_lines(["*direct cause*", "docs/page.md:7: ValueError: boom"])


def test_raises_directive_checks_type_and_shown_message(pytester, monkeypatch):
    page = "# P\n\n<!-- test: raises KeyError -->\n```python\n{}['x']\n#> KeyError: 'y'\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines(["docs/page.md:6: the `#>` output differs.*"])
    page = "# P\n\n<!-- test: raises KeyError -->\n```python\nx = 1\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines(["docs/page.md:5: the block should raise KeyError, and it raised nothing"])


def test_a_wrong_doctest_answer_fails_at_its_prompt(pytester, monkeypatch):
    page = "# P\n\n```pycon\n>>> 1 + 1\n2\n>>> 2 * 2\n5\n```\n"
    run = run_page(pytester, monkeypatch, page)
    assert run.status(3) == "failed"
    run.result.stdout.fnmatch_lines(["docs/page.md:7: `>>> 2 * 2` printed something else.*"])


def test_snippet_errors_point_into_the_snippet_file(pytester, monkeypatch):
    snippet = pytester.path / "snippets" / "broken.py"
    snippet.parent.mkdir()
    snippet.write_text("def f():\n    return undefined_name\n\nf()\n")
    page = '# P\n\n```python\nx = 1\n--8<-- "snippets/broken.py"\n```\n'
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines(["snippets/broken.py:4: in <module>", "snippets/broken.py:2: in f", "*NameError*"])
    assert line_of(page, "--8<--") == 5


def test_a_titled_file_with_a_syntax_error_fails_at_its_line(pytester, monkeypatch):
    page = '# P\n\n```python title="mysite/views.py"\ndef view(request):\n    return (\n```\n'
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    assert "docs/page.md:5" in run.output and "SyntaxError" in run.output


def test_the_async_orm_works_and_each_page_starts_with_an_empty_database(pytester, monkeypatch):
    first = "# A\n\n```python\nfrom snippets.bookshop.models import Author\n\nawait Author.objects.acreate(name='Ada')\nprint(await Author.objects.acount())\n#> 1\n```\n"
    (pytester.path / "docs").mkdir()
    (pytester.path / "docs" / "a.md").write_text(first)
    run = run_page(pytester, monkeypatch, first.replace("# A", "# B"), "b.md", )
    run.result.assert_outcomes(passed=2)


def test_a_connection_django_leaves_in_an_executor_thread_does_not_fail_the_page(pytester, monkeypatch):
    # Under DEBUG, the 500 page's repr() of a QuerySet queries the database in the loop's default executor.
    page = (ROOT / "tests" / "samples" / "debug-500-in-async-view.md").read_text()
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=1)
    assert run.result.ret == 0
