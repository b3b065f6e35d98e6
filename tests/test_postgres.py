import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness import postgres
from tests.harness.servers import PID_LOG, group_alive
from tests.helpers import run_page

PAGE = '''# P

<!-- test: postgres -->
```python
import os

import psycopg

with psycopg.connect() as connection:
    print(connection.execute("select 6 * 7").fetchone()[0], os.environ["PGHOST"])
    print(connection.execute("select pg_backend_pid() > 0").fetchone()[0])
#> 42 127.0.0.1
#> True
```

```console
$ psql -Atc "select current_user"
postgres
```
'''


@pytest.mark.skipif(postgres.unavailable() is not None, reason=postgres.unavailable() or "")
def test_a_page_gets_a_real_postgresql_that_stops_with_it(pytester, monkeypatch):
    pid_log = pytester.path / "pids.txt"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    run = run_page(pytester, monkeypatch, PAGE)
    run.result.assert_outcomes(passed=2)
    (pid,) = [int(line) for line in pid_log.read_text().split()]
    assert not group_alive(pid)


def test_the_reason_is_given_when_postgresql_cannot_run(monkeypatch):
    monkeypatch.setattr(postgres, "_bin", lambda: None)
    assert postgres.unavailable().startswith("PostgreSQL is not installed")


def test_the_files_of_a_cluster_whose_owner_died_are_swept(tmp_path):
    """A cluster's directory goes when the process that made it is gone and its server too; one whose owner or
    server runs, or that has no owner file yet (being made), stays."""
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(finished.stdout)

    def cluster_dir(name: str, owner: int | None, server: int | None = None) -> Path:
        directory = tmp_path / (postgres.PREFIX + name)
        (directory / "data").mkdir(parents=True)
        if owner is not None:
            (directory / postgres.OWNER).write_text(str(owner))
        if server is not None:
            (directory / "data" / "postmaster.pid").write_text(f"{server}\n/data\n")
        return directory

    abandoned = cluster_dir("abandoned", dead, server=dead)
    kept = [cluster_dir("owner-runs", os.getpid()), cluster_dir("server-runs", dead, server=os.getpid()),
            cluster_dir("being-made", None)]
    assert postgres.sweep_abandoned(tmp_path) == [abandoned]
    assert not abandoned.exists() and all(directory.exists() for directory in kept)
