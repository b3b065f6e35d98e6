"""A pytest killed with SIGKILL runs no teardown; the servers, workers, nginx, PostgreSQL and Redis it started
must still go.

The harness starts them under `setpriv --pdeathsig` (tests/harness/servers.py:orphan_guard), so the kernel
signals them when the process that started them dies. This test kills a real pytest in the middle of a page.
"""

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.harness import nginx, postgres, redis
from tests.harness.servers import PID_LOG, group_alive, orphan_guard
from tests.helpers import SERVER_PAGE, outliving_groups, write_page

# nginx, Redis and a Celery worker join the page where they can run; the server and PostgreSQL are tested
# either way.
NGINX = '''
```nginx title="nginx.conf"
events {}
http {
    server {
        listen 8080;
        location / { proxy_pass http://127.0.0.1:8000; }
    }
}
```

```console
$ nginx -p . -c nginx.conf -g 'daemon off;'
$ curl -s http://127.0.0.1:8080/
hi
```
'''
WORKER = '''
<!-- test: redis -->
```python title="tasks.py"
import os

from celery import Celery

app = Celery("tasks", broker=os.environ["REDIS_URL"])
```

```console
$ celery -A tasks worker --concurrency=1 --without-mingle --loglevel=INFO
...
```
'''
WITH_NGINX = nginx.installed() is not None
WITH_REDIS = redis.unavailable() is None
PAGE = SERVER_PAGE + (NGINX if WITH_NGINX else "") + (WORKER if WITH_REDIS else "") + '''
<!-- test: postgres -->
```python
import os
import time
from pathlib import Path

import psycopg

psycopg.connect().close()
Path(os.environ["PAGE_READY"]).write_text("ready")
time.sleep(120)
```
'''


@pytest.mark.skipif(not orphan_guard(), reason="setpriv (util-linux) is not installed")
@pytest.mark.skipif(postgres.unavailable() is not None, reason=postgres.unavailable() or "")
def test_a_pytest_killed_with_sigkill_leaves_no_server_worker_nginx_postgresql_or_redis(pytester, monkeypatch):
    pid_log, ready = pytester.path / "pids.txt", pytester.path / "ready"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    monkeypatch.setenv("PAGE_READY", str(ready))
    page = write_page(pytester, monkeypatch, PAGE)
    log = pytester.path / "pytest.log"
    with open(log, "wb") as sink:
        run = subprocess.Popen([sys.executable, "-m", "pytest", str(page)], cwd=pytester.path, stdout=sink,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert run.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the page never reached its last block"
            time.sleep(0.1)
        pids = [int(line) for line in pid_log.read_text().split()]
        # uvicorn, [nginx (master and workers: one process group),] [redis, the celery worker,] postgres
        assert len(pids) == 2 + WITH_NGINX + 2 * WITH_REDIS, pids
        assert all(group_alive(pid) for pid in pids)
        clusters = postgres.clusters_of(run.pid)
        assert len(clusters) == 1, clusters
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    survivors = outliving_groups(pids)
    assert not survivors, f"process groups {survivors} outlived the pytest that started them"
    # Its cluster's files stay behind (no cleanup runs after SIGKILL) until the next cluster sweeps them: this
    # sweep, or one that a cluster started meanwhile by another test process made first.
    postgres.sweep_abandoned()
    assert not clusters[0].exists()
