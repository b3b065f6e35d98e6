"""Sample runs forked from the warm process (tests/warm_pytest.py) are as fresh as a new `python -m pytest`."""

from __future__ import annotations

from tests.helpers import run_page

FIRST = """# First

```python
import os
import tests.harness.plugin

os.environ["SET_BY_THE_FIRST_RUN"] = "1"
tests.harness.plugin.SET_BY_THE_FIRST_RUN = True
```
"""

SECOND = """# Second

```python
import os
import tests.harness.plugin

print(os.environ.get("SET_BY_THE_FIRST_RUN"), hasattr(tests.harness.plugin, "SET_BY_THE_FIRST_RUN"))
#> None False
```
"""


def test_a_run_sees_nothing_a_previous_run_changed(pytester, monkeypatch):
    first = run_page(pytester, monkeypatch, FIRST)
    first.result.assert_outcomes(passed=1)
    first.result.stdout.fnmatch_lines([f"rootdir: {pytester.path}"])  # it ran where the test put its page
    run_page(pytester, monkeypatch, SECOND).result.assert_outcomes(passed=1)


def test_a_run_gets_the_callers_environment(pytester, monkeypatch):
    monkeypatch.setenv("ONLY_IN_THIS_TEST", "yes")
    page = '# P\n\n```python\nimport os\nprint(os.environ["ONLY_IN_THIS_TEST"])\n#> yes\n```\n'
    run_page(pytester, monkeypatch, page).result.assert_outcomes(passed=1)
