import os
import signal
import time

from tests.harness.console import environment
from tests.harness.servers import PID_LOG, adapter_for, group_alive
from tests.helpers import SERVER_PAGE, run_page


def test_adapters_put_every_server_on_loopback_and_a_free_port():
    cases = {
        "uvicorn mysite.asgi:application --port 8001": "uvicorn",
        "python -m uvicorn app:app": "uvicorn",
        "DJANGO_SETTINGS_MODULE=mysite.settings daphne mysite.asgi:application": "daphne",
        "hypercorn mysite.asgi:application": "hypercorn",
        "granian --interface asgi mysite.asgi:application": "granian",
        "gunicorn mysite.asgi:application -k uvicorn_worker.UvicornWorker": "gunicorn",
        "python manage.py runserver": "runserver",
        "python manage.py migrate": None,
    }
    assert {command: getattr(adapter_for(command), "name", None) for command in cases} == cases
    args = ["manage.py", "runserver", "0.0.0.0:9000", "--noreload"]
    assert adapter_for("python manage.py runserver").rewrite(args, 5555) == 9000
    assert args == ["manage.py", "runserver", "127.0.0.1:5555", "--noreload"]


def test_a_server_is_started_answers_on_the_shown_port_and_is_stopped_with_its_page(pytester, monkeypatch):
    pid_log = pytester.path / "pids.txt"
    monkeypatch.setenv(PID_LOG, str(pid_log))
    run = run_page(pytester, monkeypatch, SERVER_PAGE)
    run.result.assert_outcomes(passed=2)
    pids = [int(pid) for pid in pid_log.read_text().split()]
    assert len(pids) == 1
    # The pytest process that ran the page has exited; its server must be gone too.
    assert not group_alive(pids[0])
    assert not os.path.exists(f"/proc/{pids[0]}") or open(f"/proc/{pids[0]}/stat").read().split()[2] == "Z"


def test_a_wrong_expected_output_fails_naming_the_line(pytester, monkeypatch):
    page = SERVER_PAGE.replace("$ curl -s http://127.0.0.1:8000/\nhi", "$ curl -s http://127.0.0.1:8000/\nhello")
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines(["docs/page.md:16: `curl -s http://127.0.0.1:8000/` printed something else.", "*-hello", "*+hi"])


def test_a_wrong_startup_log_fails_naming_the_line(pytester, monkeypatch):
    page = SERVER_PAGE.replace("INFO:     Started server process", "INFO:     Started the server process")
    run = run_page(pytester, monkeypatch, page)
    run.result.stdout.fnmatch_lines(["docs/page.md:13: `uvicorn app:app --lifespan off` logged something else.*"])


def test_a_server_that_never_comes_up_fails_with_its_log(pytester, monkeypatch):
    page = "# P\n\n```console\n$ uvicorn missing_module:app\n```\n"
    started = time.monotonic()
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines([
        "docs/page.md:4: `uvicorn missing_module:app --host 127.0.0.1 --port *` exited with status 3 before it accepted connections. Its log:",
        "*Could not import module \"missing_module\".",
    ])
    assert time.monotonic() - started < 30


def test_a_failing_command_fails_unless_its_status_is_expected(pytester, monkeypatch):
    page = "# P\n\n```console\n$ ls missing-dir\n```\n\n<!-- test: exit 2 -->\n```console\n$ ls missing-dir\nls: cannot access 'missing-dir': No such file or directory\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=1, failed=1)
    run.result.stdout.fnmatch_lines(["docs/page.md:4: `ls missing-dir` exited with status 2, expected 0.*"])


def test_ctrl_c_works_even_when_pytest_was_started_with_sigint_ignored(pytester, monkeypatch):
    # A background job of a non-interactive shell starts with SIGINT ignored, and children inherit that. Daphne,
    # like runserver, relies on Python's KeyboardInterrupt, which Python does not install for an ignored SIGINT.
    page = SERVER_PAGE.replace("$ uvicorn app:app --lifespan off\nINFO:     Started server process [1234]\n"
                               "INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)",
                               "$ daphne app:app\n...")
    page += "\n```console\n^C\n...\n```\n"
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        run = run_page(pytester, monkeypatch, page)
    finally:
        signal.signal(signal.SIGINT, previous)
    run.result.assert_outcomes(passed=3)


def test_a_pipeline_into_an_early_exiting_reader_is_refused_before_it_can_flake(pytester, monkeypatch):
    page = "# P\n\n```console\n$ seq 3 | sed -n 1p\n1\n$ seq 3 | head -n 1\n1\n```\n"
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(failed=1)
    run.result.stdout.fnmatch_lines(["docs/page.md:6: `seq 3 | head -n 1` ends in a reader that can stop before *"])


def test_ctrl_c_stops_the_server_and_its_shutdown_log_is_compared(pytester, monkeypatch):
    page = SERVER_PAGE + (
        '\n```console\nINFO:     127.0.0.1:... - "GET / HTTP/1.1" 200 OK\n```\n'
        "\n```console\n^C\nINFO:     Shutting down\nINFO:     Finished server process [1234]\n```\n"
    )
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=4)
    wrong = page.replace("INFO:     Shutting down", "INFO:     Shutting up")
    run = run_page(pytester, monkeypatch, wrong)
    run.result.stdout.fnmatch_lines(["docs/page.md:25: the log of `uvicorn app:app --lifespan off` differs.*"])


def test_pipelines_and_help_are_commands_not_server_starts():
    for command in ["uvicorn --help | grep lifespan", "uvicorn --version", "daphne --help > help.txt"]:
        assert adapter_for(command) is None, command
    assert adapter_for("API_URL=x uvicorn app:app").name == "uvicorn"


def test_a_server_with_environment_assignments_starts(pytester, monkeypatch):
    page = SERVER_PAGE.replace("$ uvicorn app:app --lifespan off", "$ GREETING=hi uvicorn app:app --lifespan off")
    run = run_page(pytester, monkeypatch, page)
    run.result.assert_outcomes(passed=2)


def test_commands_see_a_readers_terminal_even_on_a_ci_runner(monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("BUILD_NUMBER", "7")
    monkeypatch.setenv("COLUMNS", "200")
    env = environment()
    assert "CI" not in env and "BUILD_NUMBER" not in env
    assert env["COLUMNS"] == "80"
