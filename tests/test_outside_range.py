"""A versioned block on a Django outside its range is not skipped: it claims to fail here, and the run checks
that, apart from the page (tests/harness/outside.py)."""

from tests.helpers import line_of, run_page

FAILS_AS_CLAIMED = '''# P

```python
from django.contrib.auth.models import User

x = 1
```

<!-- test: django "<3.0" -->
```python
x = 2  # rebound, a row written, then the failure: none of it may reach the page
User.objects.create(username="ghost")
raise RuntimeError("only Django 2.2 gets this far")
```

```python
print(x, User.objects.filter(username="ghost").exists())
#> 1 False
```
'''


def test_a_block_that_fails_outside_its_range_passes_and_leaves_the_page_as_it_was(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, FAILS_AS_CLAIMED)
    assert run.result.ret == 0, run.output
    assert [(b["line"], b["status"]) for b in run.blocks] == [(3, "passed"), (10, "passed"), (16, "passed")]
    reason = run.blocks[1]["reason"]
    assert reason.startswith("failed outside its range, as claimed (Django <3.0; this run has 6."), reason
    assert reason.endswith("RuntimeError: only Django 2.2 gets this far")
    run.result.stdout.fnmatch_lines([
        "docs blocks: 1 pages, 3 blocks: 3 executed (3 passed, 0 failed), 0 skipped, 0 not executable, "
        "0 unaccounted; 0 hidden setup blocks ran; 1 passed by failing outside their Django range, as claimed"
    ])


PASSES_OUTSIDE = '''# P

```python
x = 1
```

<!-- test: django ">=5.2,<6.0" -->
```python
print(x)
#> 1
```
'''


def test_a_block_that_passes_outside_its_range_fails_the_run_at_its_page_line(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, PASSES_OUTSIDE)
    line = line_of(PASSES_OUTSIDE, 'django ">=5.2,<6.0"') + 1  # the fence, as the block report names it
    run.result.stdout.fnmatch_lines([
        f"*docs/page.md:{line}: this block is claimed for Django >=5.2,<6.0 but passed on 6.*: "
        "widen its range or fix the claim"
    ])
    assert run.status(line) == "failed" and run.result.ret == 1
    run.result.stdout.fnmatch_lines(["docs blocks: 1 pages, 2 blocks: 2 executed (1 passed, 1 failed), 0 skipped, *"
                                     "; 0 passed by failing outside their Django range, as claimed"])
