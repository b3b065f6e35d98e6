"""Run sample pages through the real harness in a separate pytest process, as `make test` would."""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.warm_pytest import WarmPytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = Path(__file__).parent / "samples"
# --assert=plain and no anyio plugin: a sample run asserts nothing itself, and rewriting the asserts of every
# plugin's modules (pytest does, when PYTHONDONTWRITEBYTECODE keeps it from caching them) costs a quarter of it.
INI = """[pytest]
addopts = -p no:doctest -p no:cacheprovider -p no:django -p no:asyncio -p no:anyio --assert=plain --tb=short
filterwarnings = error
"""

# A page that starts a real uvicorn on a tiny ASGI app and requests it once.
SERVER_PAGE = '''# P

```python title="app.py"
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hi"})
```

```console
$ uvicorn app:app --lifespan off
INFO:     Started server process [1234]
INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)
$ curl -s http://127.0.0.1:8000/
hi
```
'''


@dataclass
class PageRun:
    result: object  # pytest.RunResult
    blocks: list[dict]

    @property
    def output(self) -> str:
        return self.result.stdout.str()

    def status(self, line: int) -> str:
        return next(block["status"] for block in self.blocks if block["line"] == line)


def write_page(pytester, monkeypatch, text: str, name: str = "page.md") -> Path:
    """Write `text` as docs/<name> of a fresh project whose pytest runs the harness plugin."""
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.delenv("DOCS_REPORTS", raising=False)  # the sample run's reports go to its own reports/
    pytester.makefile(".ini", pytest=INI)
    pytester.makeconftest('pytest_plugins = ["tests.harness.plugin"]\n')
    page = pytester.path / "docs" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text)
    return page


def run_page(pytester, monkeypatch, text: str, name: str = "page.md", *args: str) -> PageRun:
    """Write `text` as docs/<name> of a fresh project and run pytest on it with the harness plugin."""
    write_page(pytester, monkeypatch, text, name)
    result = run_pytest(pytester, *args)
    report = pytester.path / "reports" / "blocks.json"
    return PageRun(result, json.loads(report.read_text()) if report.exists() else [])


def run_pytest(pytester, *args: str):
    """`pytester.runpytest_subprocess(*args)`, forked from a warm process (tests/warm_pytest.py) instead of a new
    Python: the same fresh pytest run in the same place, with the same environment and temporary directory."""
    import time

    import pytest
    from _pytest.pathlib import make_numbered_dir

    basetemp = make_numbered_dir(root=pytester.path, prefix="runpytest-", mode=0o700)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [os.getcwd(), os.environ.get("PYTHONPATH")]))}
    stdout, stderr = pytester.path / "stdout", pytester.path / "stderr"
    start = time.monotonic()
    status = WarmPytest.run(pytester.path, [f"--basetemp={basetemp}", *args], env, stdout, stderr)
    out, err = stdout.read_text(), stderr.read_text()
    print(out, err, sep="\n", file=sys.stderr)  # shown when the test fails, as pytester does
    return pytest.RunResult(status, out.splitlines(), err.splitlines(), time.monotonic() - start)


def sample(name: str) -> str:
    return (SAMPLES / name).read_text()


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def outliving_groups(pids: list[int]) -> list[int]:
    """The process groups among `pids` still alive 15 s after the process that started them was killed; they are
    killed here, so that a failing orphan test leaves nothing behind."""
    from tests.harness.servers import group_alive

    survivors = [pid for pid in pids if group_alive(pid, timeout=15)]
    for pid in survivors:
        os.killpg(pid, signal.SIGKILL)
    return survivors
