"""nginx in front of a page's server: the page's own configuration file runs (ports rewritten, temp files in the
page's directory), nginx is stopped with its page, survives no SIGKILLed pytest, and a configuration the harness
cannot run fails at `page:line` saying what to fix."""

import os
import signal
import subprocess
import sys
import time

import pytest

from tests.harness import nginx
from tests.harness.servers import PID_LOG, adapter_for, group_alive, orphan_guard
from tests.helpers import SERVER_PAGE, line_of, run_page, write_page

pytestmark = pytest.mark.skipif(nginx.installed() is None, reason="nginx is not installed (scripts/install-nginx)")

CONFIG = '''
```nginx title="nginx.conf"
events {}
http {
    server {
        listen 8080;
        location / {
            proxy_pass http://127.0.0.1:8000;
            add_header X-Upstream $upstream_addr;
        }
    }
}
```
'''
PROXY_PAGE = SERVER_PAGE + CONFIG + '''
```console
$ nginx -p . -c nginx.conf -g 'daemon off;'
$ curl -si http://127.0.0.1:8080/
HTTP/1.1 200 OK
Server: nginx/...
...
X-Upstream: 127.0.0.1:8000
<BLANKLINE>
hi
```
'''.replace("<BLANKLINE>", "")


def test_nginx_commands_are_server_starts_and_its_checks_are_commands():
    assert adapter_for("nginx -p . -c nginx.conf -g 'daemon off;'").name == "nginx"
    assert adapter_for("/usr/sbin/nginx -c nginx.conf") is not None
    assert adapter_for("nginx -t -c nginx.conf") is None
    assert adapter_for("nginx -s reload") is None
    assert adapter_for("nginx -V") is None


def test_the_pages_configuration_runs_in_front_of_its_server_and_stops_with_the_page(pytester, monkeypatch):
    pid_log = pytester.path / "pids.txt"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    run = run_page(pytester, monkeypatch, PROXY_PAGE)
    run.result.assert_outcomes(passed=4)
    assert [block["status"] for block in run.blocks] == ["passed"] * 4  # the titled nginx block counts as run
    pids = [int(pid) for pid in pid_log.read_text().split()]
    assert len(pids) == 2  # uvicorn, nginx
    assert not any(group_alive(pid) for pid in pids)


def test_an_untitled_nginx_block_is_display_only(pytester, monkeypatch):
    run = run_page(pytester, monkeypatch, "# P\n\n```nginx\nlocation / { }\n```\n")
    assert [block["status"] for block in run.blocks] == ["not-executable"]


@pytest.mark.parametrize("change, message", [
    (("-g 'daemon off;'", ""), "*nginx must run in the foreground so that it can be stopped with its page: "
                               "add -g 'daemon off;' to the command*"),
    (("-c nginx.conf", "-c other.conf"), "*no file 'other.conf' in the page's current directory*"),
    (("listen 8080;", "listen 8080;\n        listen 8081;"), "*nginx.conf has 2 `listen` directives*"),
])
def test_a_configuration_the_harness_cannot_run_fails_at_the_command_line(pytester, monkeypatch, change, message):
    page = PROXY_PAGE.replace(*change)
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines([f"docs/page.md:{line_of(page, '$ nginx')}: `nginx *`: {message}"])


def test_a_broken_configuration_fails_with_nginxs_own_message(pytester, monkeypatch):
    page = PROXY_PAGE.replace("proxy_pass http://127.0.0.1:8000;", "proxy_pass http://127.0.0.1:8000")
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines([f"docs/page.md:{line_of(page, '$ nginx')}: `* -c *nginx.conf *` exited with "
                                     "status 1 before it accepted connections. Its log:",
                                     "*[emerg]*"])


ORPHAN_PAGE = PROXY_PAGE + '''
```python
import os
import time
from pathlib import Path

Path(os.environ["PAGE_READY"]).write_text("ready")
time.sleep(120)
```
'''


@pytest.mark.skipif(not orphan_guard(), reason="setpriv (util-linux) is not installed")
def test_a_pytest_killed_with_sigkill_leaves_no_nginx(pytester, monkeypatch):
    pid_log, ready = pytester.path / "pids.txt", pytester.path / "ready"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    monkeypatch.setenv("PAGE_READY", str(ready))
    page = write_page(pytester, monkeypatch, ORPHAN_PAGE)
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
        assert len(pids) == 2, pids  # uvicorn and nginx (master and its worker share a process group)
        assert all(group_alive(pid) for pid in pids)
    finally:
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
    survivors = [pid for pid in pids if group_alive(pid, timeout=15)]
    for pid in survivors:  # leave nothing behind, even when the test fails
        os.killpg(pid, signal.SIGKILL)
    assert not survivors, f"process groups {survivors} outlived the pytest that started them"
