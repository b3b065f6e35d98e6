from tests.helpers import run_page

PAGE = '''# P

```python
x = 1
```

<!-- test: skip "needs a GPU we do not have" -->
```python
import torch
```

<!-- test: django "<3.0" -->
```python
raise RuntimeError("fails on every Django from 3.0, as its range claims")
```

```toml
[tool]
```

```mermaid
graph LR
```
'''


def test_every_block_is_recorded_with_its_status_and_reason(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, PAGE)
    assert [(b["line"], b["lang"], b["status"]) for b in run.blocks] == [
        (3, "python", "passed"),
        (8, "python", "skipped"),
        (13, "python", "passed"),
        (17, "toml", "not-executable"),
        (21, "mermaid", "not-executable"),
    ]
    assert run.blocks[1]["reason"] == "needs a GPU we do not have"
    # Outside its range a block is run, not skipped: it must fail, as its range claims (tests/test_outside_range.py).
    assert run.blocks[2]["reason"].startswith("failed outside its range, as claimed (Django <3.0; this run has 6.")
    run.result.stdout.fnmatch_lines([
        "docs blocks: 1 pages, 5 blocks: 2 executed (2 passed, 0 failed), 1 skipped, 2 not executable, 0 unaccounted; "
        "0 hidden setup blocks ran; 1 passed by failing outside their Django range, as claimed"
    ])
    assert run.result.ret == 0


def test_a_block_that_was_not_run_fails_the_run(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, PAGE, "page.md", "--deselect", "docs/page.md::line:3,column:1")
    run.result.stdout.fnmatch_lines([
        "docs/page.md:3: unaccounted python block: it was neither run nor skipped with a reason",
        "*1 unaccounted*",
    ])
    assert run.status(3) == "failed" and run.result.ret == 1


def test_collecting_only_runs_nothing_and_writes_no_report(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, PAGE, "page.md", "--collect-only", "-q")
    assert run.result.ret == 0 and run.blocks == []
    assert not (pytester.path / "reports").exists()
    run.result.stdout.no_fnmatch_line("*unaccounted*")
