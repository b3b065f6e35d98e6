"""Fresh pytest runs of sample pages without paying for Python's start-up and imports each time.

The harness's own tests run about forty small sample pages, each in a pytest process of its own. Starting Python
and importing pytest, Django and the harness took about 0.8 s of CPU per run, more than most sample pages need
to run. So each test process starts one warm process that imports them once (`serve`), and every sample run is
a fork of it: a new process, with its own working directory, environment, output files and exit status, in
which pytest starts from the beginning (`pytest.main`) exactly as `python -m pytest` would, only with its
modules already imported. Nothing of a run is imported before the fork: no settings, no page, no conftest.

`run(cwd, args, env)` is what tests/helpers.py calls; `python -m tests.warm_pytest` is the warm process.
"""

from __future__ import annotations

import atexit
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# What `python -m pytest` on a sample page imports before it runs anything of the page (found with
# `python -X importtime`): pytest and its plugins, Django's core, the harness. Imported once, by the warm process.
PRELOAD = [
    "pytest",
    "_pytest.pytester",
    "xdist.plugin",
    "xdist.looponfail",
    "sybil",
    "django",
    "django.db.models",
    "django.test",
    "django.core.handlers.asgi",
    "asgiref.sync",
    "tests.harness.plugin",
]


def serve() -> None:
    """The warm process: one JSON request per line on stdin, one JSON answer per line on stdout."""
    for name in PRELOAD:
        __import__(name)
    requests, answers = sys.stdin.buffer, os.fdopen(os.dup(sys.stdout.fileno()), "w", buffering=1)
    for line in requests:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            answers.close()  # only the warm process answers
            _child(request)  # never returns
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"status": os.waitstatus_to_exitcode(status)}) + "\n")


def _child(request: dict) -> None:
    """In the fork: become `python -m pytest ARGS` run in `cwd` with `env`, then exit with its status."""
    code = 3
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        sys.path[:0] = [request["cwd"]]  # `python -m` puts the working directory first
        sys.argv = [sys.executable, *request["args"]]
        if request["sigint_ignored"]:  # a run started from a shell's background job inherits an ignored SIGINT
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            out = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, fd)
            os.close(out)
        import pytest

        code = int(pytest.main(request["args"]))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        try:
            atexit._run_exitfuncs()  # what the interpreter would do on exit (the harness removes temporary files)
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


class WarmPytest:
    """The warm process of this test process, started on first use."""

    _lock = threading.Lock()
    _process: subprocess.Popen | None = None

    @classmethod
    def run(cls, cwd: Path, args: list[str], env: dict[str, str], stdout: Path, stderr: Path) -> int:
        request = {
            "cwd": str(cwd), "args": args, "env": env, "stdout": str(stdout), "stderr": str(stderr),
            "sigint_ignored": signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
        }  # fmt: skip
        with cls._lock:
            process = cls._started()
            process.stdin.write(json.dumps(request) + "\n")
            process.stdin.flush()
            answer = process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the warm pytest process exited (status {process.poll()}); see its stderr above")
        return json.loads(answer)["status"]

    @classmethod
    def _started(cls) -> subprocess.Popen:
        if cls._process is None or cls._process.poll() is not None:
            env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
            cls._process = subprocess.Popen(
                [sys.executable, "-m", "tests.warm_pytest"], cwd=ROOT, env=env, text=True,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            )  # fmt: skip
            atexit.register(cls._stop)
        return cls._process

    @classmethod
    def _stop(cls) -> None:
        if cls._process and cls._process.poll() is None:
            cls._process.stdin.close()  # the warm process ends at the end of its input
            try:
                cls._process.wait(10)
            except subprocess.TimeoutExpired:
                cls._process.kill()


if __name__ == "__main__":
    serve()
