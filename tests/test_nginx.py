"""nginx in front of a page's server: the page's own configuration file runs (ports rewritten, temp files in the
page's directory), nginx is stopped with its page, and a configuration the harness cannot run fails at
`page:line` saying what to fix. (tests/test_orphans.py kills a pytest running nginx with SIGKILL.)"""

import pytest

from tests.harness import nginx
from tests.harness.servers import PID_LOG, adapter_for, group_alive
from tests.helpers import SERVER_PAGE, run_page

needs_nginx = pytest.mark.skipif(nginx.installed() is None, reason=nginx.MISSING)

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


RESTART = """
```console
$ uvicorn app:app --lifespan off
...
$ curl -s http://127.0.0.1:8080/
hi
```

```nginx
location / { }
```
"""


@needs_nginx
def test_the_pages_configuration_runs_in_front_of_its_server_and_stops_with_the_page(pytester, monkeypatch):
    pid_log = pytester.path / "pids.txt"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    run = run_page(pytester, monkeypatch, PROXY_PAGE + RESTART)
    run.result.assert_outcomes(passed=5)  # the restarted uvicorn kept its real port: nginx still reaches it
    # The titled nginx block counts as run; an untitled one is display-only.
    assert [block["status"] for block in run.blocks] == ["passed"] * 5 + ["not-executable"]
    pids = [int(pid) for pid in pid_log.read_text().split()]
    assert len(pids) == 3  # uvicorn, nginx, uvicorn again
    assert not any(group_alive(pid) for pid in pids)


COMMAND = "nginx -p . -c nginx.conf -g 'daemon off;'"
MISTAKES = [  # (configuration, command, the message at the command's line)
    (CONFIG, "nginx -p . -c nginx.conf", "nginx must run in the foreground so that it can be stopped with its page: "
                                         "add -g 'daemon off;' to the command*"),
    (CONFIG, COMMAND.replace("nginx.conf", "other.conf"), "no file 'other.conf' in the page's current directory*"),
    (CONFIG.replace("listen 8080;", "listen 8080;\n        listen 8081;"), COMMAND,
     "nginx.conf has 2 `listen` directives*"),
]
BROKEN = CONFIG.replace("proxy_pass http://127.0.0.1:8000;", "proxy_pass http://127.0.0.1:8000")


@needs_nginx
def test_a_configuration_the_harness_cannot_run_fails_at_the_command_line(pytester, monkeypatch):
    page = SERVER_PAGE
    for config, command in [(config, command) for config, command, _ in MISTAKES] + [(BROKEN, COMMAND)]:
        page += config + f"\n```console\n$ {command}\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=6, failed=4)
    lines = [n for n, line in enumerate(page.splitlines(), 1) if line.startswith("$ nginx")]
    run.result.stdout.fnmatch_lines([f"docs/page.md:{line}: `nginx *`: {message}"
                                     for line, (_, _, message) in zip(lines, MISTAKES)])
    run.result.stdout.fnmatch_lines([f"docs/page.md:{lines[-1]}: `* -c *nginx.conf *` exited with status 1 before "
                                     "it accepted connections. Its log:", "*[emerg]*"])


def test_where_nginx_cannot_run_the_rest_of_the_page_is_skipped_with_the_reason(pytester, monkeypatch):
    monkeypatch.setenv(nginx.OVERRIDE, str(pytester.path / "no-nginx"))
    run = run_page(pytester, monkeypatch, PROXY_PAGE + RESTART)
    assert [(block["status"], block["reason"]) for block in run.blocks] == [
        ("passed", ""), ("passed", ""), ("passed", ""),  # app.py, uvicorn, the nginx.conf file
        ("skipped", nginx.MISSING), ("skipped", nginx.MISSING),  # nginx and what comes after it
        ("not-executable", "nginx is display-only"),
    ]
