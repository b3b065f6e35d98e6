"""Workers (Celery, db_worker) are started like servers but listen on nothing: the harness waits for their
ready line, and a worker that dies first fails its block with page:line and its log."""

import pytest

from tests.harness import redis
from tests.harness.servers import adapter_for
from tests.harness.workers import worker_for
from tests.helpers import run_page


def test_worker_commands_are_recognised_and_are_not_servers():
    cases = {
        "celery -A mysite worker --loglevel=INFO": "celery",
        "python -m celery -A mysite worker -c 1": "celery",
        "python manage.py db_worker --interval 0.1": "db_worker",
        "celery -A mysite inspect ping": None,
        "python manage.py runserver": None,
        "celery -A mysite worker --help": None,
        "python -m aiosmtpd -n -l 127.0.0.1:8025": "aiosmtpd",
    }
    assert {command: getattr(worker_for(command), "name", None) for command in cases} == cases
    assert adapter_for("celery -A mysite worker") is None
    args = ["-m", "aiosmtpd", "-n", "-l", "0.0.0.0:2525"]
    assert worker_for("python -m aiosmtpd -n").rewrite(args, 5555) == 2525
    assert args == ["-m", "aiosmtpd", "-n", "--listen", "127.0.0.1:5555"]


def test_a_worker_that_exits_before_its_ready_line_fails_with_its_log(pytester, monkeypatch):
    page = "# P\n\n```console\n$ python manage.py db_worker\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines([
        "docs/page.md:4: `python manage.py db_worker` exited with status 2 before it logged a line matching "
        "'Starting worker'. Its log:",
        "*can't open file*manage.py*",
    ])


@pytest.mark.skipif(redis.unavailable() is not None, reason=redis.unavailable() or "")
def test_a_celery_worker_is_ready_shows_its_log_and_stops_with_the_page(pytester, monkeypatch):
    page = '''# P

<!-- test: redis -->
```python title="tasks.py"
import os

from celery import Celery

app = Celery("tasks", broker=os.environ["REDIS_URL"])
```

```console
$ celery -A tasks worker --concurrency=1 --loglevel=INFO
...
[tasks]
...
[...: INFO/MainProcess] celery@... ready.
```
'''
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=2)


def test_without_redis_a_redis_block_is_skipped_with_the_reason(monkeypatch):
    from types import SimpleNamespace

    from tests.harness.page import PAGE_KEY

    monkeypatch.setattr(redis, "_binary", lambda: None)
    evaluator = redis.RedisEvaluator(lambda example: pytest.fail("the block ran without Redis"))
    example = SimpleNamespace(namespace={PAGE_KEY: SimpleNamespace(redis=None)})
    with pytest.raises(pytest.skip.Exception, match="Redis is not installed .*scripts/install-redis"):
        evaluator(example)


@pytest.mark.skipif(redis.unavailable() is not None, reason=redis.unavailable() or "")
def test_a_redis_page_gets_its_own_server_shown_on_6379_and_stopped_with_the_page(pytester, monkeypatch):
    from tests.harness.servers import PID_LOG, group_alive

    pid_log = pytester.path / "pids.txt"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    page = '''# P

<!-- test: redis -->
```python
import os

import redis

client = redis.Redis.from_url(os.environ["REDIS_URL"])
print(os.environ["REDIS_URL"], client.ping(), client.dbsize())
client.close()
#> redis://127.0.0.1:6379/0 True 0
```

```console
$ python -c "import os, redis; print(redis.Redis(port=int(os.environ['REDIS_PORT'])).set('k', 1))"
True
```
'''
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=2)
    pids = [int(pid) for pid in pid_log.read_text().split()]
    assert len(pids) == 1 and not group_alive(pids[0], timeout=5)
