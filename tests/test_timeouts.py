"""A Python or pycon block that hangs fails at its line within its time limit, with where it was stuck; its
page's server is stopped, its later blocks do not run, and the rest of the run goes on (under xdist too)."""

import re

from tests.harness import timeouts
from tests.helpers import SERVER_PAGE, write_page

LIMIT = 1  # seconds: the samples set it with the timeout directive, so these tests stay fast

BUSY = f"""# P

<!-- test: timeout {LIMIT} -->
```python
x = 0
while True:
    x += 1
```

```python
print("never")
#> never
```
"""

WAITING = SERVER_PAGE + f"""
<!-- test: timeout {LIMIT} -->
```python
import asyncio

event = asyncio.Event()
await event.wait()
```

```console
$ curl -s http://127.0.0.1:8000/
hi
```
"""

PYCON = f"""# P

<!-- test: timeout {LIMIT} -->
```pycon
>>> import time
>>> while True:
...     time.sleep(0.01)
```
"""

FINE = "# Q\n\n```python\nprint('still running')\n#> still running\n```\n"


def run(pytester, monkeypatch, pages: dict[str, str], *args: str):
    """Run the pages; a limit that did not work fails this test (pytester's timeout) instead of hanging it."""
    for name, text in pages.items():
        write_page(pytester, monkeypatch, text, name)
    result = pytester.runpytest_subprocess("--durations=0", "--durations-min=0", *args, timeout=300)
    return result, durations(result)


def durations(result) -> dict[str, float]:
    """`docs/busy.md::line:4,column:1` -> seconds its call took, from pytest's --durations table."""
    found = {}
    for row in result.stdout.lines:
        match = re.match(r"\s*([\d.]+)s call\s+(\S+)", row)
        if match:
            found[match[2]] = float(match[1])
    return found


def test_a_sync_busy_loop_fails_at_its_line_with_the_stack_and_the_run_goes_on_under_xdist(pytester, monkeypatch):
    # Under xdist, as `make test` runs (the await test below runs without it): the alarm is set in each
    # worker's main thread, where its tests run.
    pages = {"busy.md": BUSY, "fine.md": FINE, "pycon.md": PYCON}
    result, took = run(pytester, monkeypatch, pages, "-p", "xdist", "-n", "2", "--dist", "loadfile")
    result.assert_outcomes(passed=1, failed=3)
    result.stdout.fnmatch_lines([
        # line 6 or 7: the alarm lands on the loop's test or on its body
        f"docs/busy.md:[67]: the block did not finish in {LIMIT} s (raise the limit with <!-- test: timeout SECONDS -->)."
        " It was stuck at:",
        "    docs/busy.md:[67] in <module>: [wx]*",
    ])
    result.stdout.fnmatch_lines(["docs/busy.md:10: not run: docs/busy.md:[67] timed out, and the page's servers*"])
    # pycon blocks have the same limit
    result.stdout.fnmatch_lines(["docs/pycon.md:[67]: the block did not finish in 1 s*",
                                 "    docs/pycon.md:[67] in <module>: *"])
    # The alarm ended it: after the directive's limit, before faulthandler's last resort would have.
    assert LIMIT <= took["docs/busy.md::line:4,column:1"] < LIMIT + timeouts.LAST_RESORT


def test_an_await_that_never_returns_fails_and_the_page_server_stops(pytester, monkeypatch):
    result, took = run(pytester, monkeypatch, {"waiting.md": WAITING, "fine.md": FINE})
    result.assert_outcomes(passed=3, failed=2)  # app.py, uvicorn+curl, fine.md; the wait, the curl after it
    lines = result.stdout.lines
    line = WAITING.splitlines().index("await event.wait()") + 1
    result.stdout.fnmatch_lines([
        f"docs/waiting.md:{line}: the block did not finish in {LIMIT} s*",
        f"    docs/waiting.md:{line} in <module>: await event.wait()",
        "    *asyncio/locks.py:* in wait: await fut",
    ])
    assert not any("Traceback" in row and "INTERNALERROR" in row for row in lines)
    result.stdout.fnmatch_lines(["docs/waiting.md:*: not run: docs/waiting.md:* timed out*"])
    fence = WAITING.splitlines().index(f"<!-- test: timeout {LIMIT} -->") + 2  # the hanging block's fence line
    hung = took[f"docs/waiting.md::line:{fence},column:1"]
    assert LIMIT <= hung < LIMIT + timeouts.LAST_RESORT
