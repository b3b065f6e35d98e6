from tests.harness.fences import find_fences, parse_info


def test_language_is_first_word_and_attributes_are_parsed():
    assert parse_info('python title="mysite/asgi.py" hl_lines="2 3"') == (
        "python",
        {"title": "mysite/asgi.py", "hl_lines": "2 3"},
    )
    assert parse_info("{.py .numberLines}") == ("py", {})
    assert parse_info("") == ("", {})


def test_indented_fences_under_admonitions_and_tabs_are_found_and_dedented():
    text = '!!! tip\n\n    ```python\n    x = 1\n\n    y = 2\n    ```\n\n=== "tab"\n\n    ~~~console\n    $ ls\n    ~~~\n'
    fences = find_fences(text)
    assert [(f.lang, f.line) for f in fences] == [("python", 3), ("console", 11)]
    assert fences[0].source == "x = 1\n\ny = 2\n"
    assert fences[0].source_line == 4


def test_a_fence_inside_a_longer_fence_is_content():
    text = "````markdown\n```python\nx = 1\n```\n````\n\n```text\nz\n```\n"
    fences = find_fences(text)
    assert [(f.lang, f.line) for f in fences] == [("markdown", 1), ("text", 7)]
    assert "```python" in fences[0].source


def test_an_unclosed_fence_runs_to_the_end():
    fences = find_fences("intro\n```python\nx = 1\n")
    assert len(fences) == 1 and fences[0].source == "x = 1\n"
