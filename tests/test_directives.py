import pytest
from sybil import Document

from tests.harness.directives import DirectiveError, find_directives, strip
from tests.harness.parsers import PageParser


def parse(text):
    return list(PageParser()(Document(text, "/x/docs/page.md")))


def test_directives_are_read_with_their_arguments_and_body():
    text = '<!-- test: skip "not runnable here" -->\n<!-- test: setup\n    x = 1\n-->\n'
    skip, setup = find_directives(text, "page.md")
    assert (skip.name, skip.value, skip.line) == ("skip", "not runnable here", 1)
    assert (setup.name, setup.body, setup.body_line) == ("setup", "    x = 1\n", 3)


@pytest.mark.parametrize(
    "text, message",
    [
        ("<!-- test: skipp \"x\" -->\n```python\n```\n", "page.md:1: unknown test directive 'skipp'"),
        ("<!-- test: skip -->\n```python\n```\n", "page.md:1: directive 'skip' takes 1 argument"),
        ("<!-- test skip 'x' -->\n```python\n```\n", "page.md:1: malformed test directive"),
        ("<!-- test: raises ValueError -->\n\nsome prose\n\n```python\n```\n", "page.md:1: directive is not right above"),
        ("<!-- test: exit 1 -->\n```python\n```\n", "page.md:1: `exit` does not apply to a python block"),
        ('<!-- test: skip "" -->\n```python\n```\n', "page.md:2: a skip needs a reason"),
        ("<!-- test: timeout soon -->\n```python\n```\n", "page.md:1: timeout takes a number of seconds above 0, not 'soon'"),
        ('<!-- test: django ">=5.0 || 6.1" -->\n```python\n```\n', "page.md:1: not a version range: '>=5.0 || 6.1'"),
        # Versioned blocks are what `make matrix` runs: python and pycon blocks, never a file of the project.
        ('<!-- test: django ">=5.0" -->\n```console\n$ true\n```\n', "page.md:1: `django` does not apply to a console block"),
        ('<!-- test: django ">=5.0" -->\n```python title="app.py"\n```\n', "page.md:1: `django` does not apply to a titled block"),
    ],
)
def test_mistakes_are_errors_that_name_the_page_and_line(text, message):
    with pytest.raises(DirectiveError, match=message.replace("(", r"\(")):
        parse(text)


def test_directives_inside_code_are_code():
    text = '````markdown\n<!-- test: skipp -->\n````\n'
    assert find_directives(text, "page.md", [(0, len(text))]) == []


def test_strip_removes_every_directive_and_nothing_else():
    text = 'Intro\n\n<!-- test: django ">=4.1" -->\n<!-- test: setup\nx = 1\n-->\n```python\nx\n```\n<!-- a comment -->\n'
    assert strip(text) == "Intro\n\n```python\nx\n```\n<!-- a comment -->\n"
