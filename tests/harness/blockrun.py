"""Run versioned blocks on one Django release, for `make matrix` (the child side).

Runs in a per-release environment with an older Python (3.9+) and only Django installed, so it uses the
standard library, Django, and the harness modules that need nothing else (django_env, matching, namespace).
Reads jobs as JSON from the file named on the command line, writes one result per job as JSON to stdout.
Each job is one block, with the page's hidden setup before it, in a fresh page namespace.
"""

from __future__ import annotations

import ast
import asyncio
import contextlib
import contextvars
import doctest
import inspect
import io
import json
import os
import re
import shutil
import tempfile
import signal
import sys
import time
import traceback

from tests.harness import django_env, matching, namespace

FLAGS = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT


HOME = os.getcwd()
LOOP: list = []  # the current job's event loop (one per job, as the page has one)


def _run(code, scope: dict) -> None:
    if code.co_flags & inspect.CO_COROUTINE:
        if not LOOP:
            LOOP.append(asyncio.new_event_loop())
        LOOP[0].run_until_complete(eval(code, scope))
    else:
        exec(code, scope)


async def _settle(tasks) -> None:
    await asyncio.gather(*tasks, return_exceptions=True)


def _close_loop() -> None:
    """As asyncio.run ends: cancel what the block left running, so nothing leaks into the next job."""
    if not LOOP:
        return
    loop = LOOP.pop()
    try:
        pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            loop.run_until_complete(_settle(pending))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())
    finally:
        loop.close()


def _exception_line(error: BaseException) -> str:
    line = traceback.format_exception_only(type(error), error)[-1].strip()
    return re.sub(r"\b0x[0-9a-f]{6,}\b", "0x…", line)  # object addresses change on every run (compat.json diffs)


def run_python(step: dict, scope: dict) -> None:
    captured = io.StringIO()
    raised = None
    try:
        with contextlib.redirect_stdout(captured):
            for filename, source in step["segments"]:
                _run(compile(source, filename, "exec", flags=FLAGS, dont_inherit=True), scope)
    except Exception as error:  # noqa: BLE001 - the block's own exception is the result
        if not step.get("raises"):
            raise
        raised = error
    output = captured.getvalue()
    if step.get("raises"):
        names = {cls.__name__ for cls in type(raised).__mro__} if raised else set()
        if step["raises"] not in names | {f"{type(raised).__module__}.{type(raised).__qualname__}"}:
            raise AssertionError(f"should raise {step['raises']}, raised {raised!r}")
        output += _exception_line(raised) + "\n"
    if step.get("expected") is not None and matching.compare(step["expected"], output):
        raise AssertionError("printed something else: " + " ⏎ ".join(matching.normalise(output).split("\n")))


def run_pycon(step: dict, scope: dict) -> None:
    for example in doctest.DocTestParser().get_examples(step["source"]):
        captured, error = io.StringIO(), None
        hook = sys.displayhook
        sys.displayhook = lambda value: value is None or print(repr(value))
        try:
            with contextlib.redirect_stdout(captured):
                padded = "\n" * (step["line"] + example.lineno - 1) + example.source
                _run(compile(padded, step["filename"], "single", flags=FLAGS, dont_inherit=True), scope)
        except Exception as raised:  # noqa: BLE001
            if example.exc_msg is None:
                raise
            error = raised
        finally:
            sys.displayhook = hook
        want, got = example.want, captured.getvalue()
        if example.exc_msg is not None:
            if error is None:
                raise AssertionError(f"expected {example.exc_msg.strip()}, nothing was raised")
            want = want.split("Traceback (most recent call last):")[0] + example.exc_msg
            got += _exception_line(error) + "\n"
        if matching.compare(want, got):
            raise AssertionError(f">>> {example.source.strip()} printed something else: "
                                 + " ⏎ ".join(matching.normalise(got).split("\n")))


JOB_TIMEOUT = 30  # seconds; a block that hangs on an old release fails instead of stalling the matrix


class JobTimeout(Exception):
    pass


def _alarm(signum, frame):
    raise JobTimeout(f"the block did not finish in {JOB_TIMEOUT} s")


def _reset_database() -> None:
    """After a block that broke the database (flush fails), start again from a freshly migrated one."""
    from django.conf import settings
    from django.core.management import call_command

    name = settings.DATABASES["default"]["NAME"]
    if os.path.exists(name):
        os.remove(name)
    call_command("migrate", verbosity=0, interactive=False)


def _drop_connections() -> None:
    """Close this thread's connections and forget them, even one a block left inside `atomic()` (which
    Django refuses to close cleanly): the next query opens a fresh one."""
    from django.db import connections

    for alias in list(connections.databases):
        connection = getattr(connections._connections, alias, None)
        if connection is None:
            continue
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - dropped anyway; the raw connection closes when collected
            pass
        try:
            delattr(connections._connections, alias)
        except AttributeError:
            pass


def _close_connections() -> None:
    """This thread's connections and those of asgiref's thread for thread-sensitive sync_to_async."""
    _drop_connections()
    try:
        from asgiref.sync import SyncToAsync
    except ImportError:  # Django 2.2 has no asgiref
        return
    executor = getattr(SyncToAsync, "single_thread_executor", None)
    if executor is not None:
        executor.submit(_drop_connections).result()


def write_file(step: dict, scope: dict) -> None:
    """A titled block: a file of the reader's project, written into the job's directory (and compiled)."""
    path = os.path.join(os.getcwd(), step["path"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(step["content"])
    if path.endswith(".py"):
        compile(step["content"], path, "exec", flags=FLAGS, dont_inherit=True)


RUNNERS = {"python": run_python, "pycon": run_pycon, "file": write_file}


def run_job(job: dict) -> dict:
    scope = {"__file__": job["page"]}
    namespace.register(job["module"], scope)
    saved = django_env.snapshot()
    _close_connections()  # whatever the previous block did to its connections, this one starts afresh
    workdir = tempfile.mkdtemp(prefix="job-")  # the page's project directory: titled files go here
    sys.path.insert(0, workdir)
    os.chdir(workdir)
    started = time.monotonic()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(JOB_TIMEOUT)
    try:
        for step in job["steps"]:
            try:
                RUNNERS[step["kind"]](step, scope)
            except Exception:
                if not step.get("lenient"):  # a definition from an earlier block that this release cannot make
                    raise
        return {"id": job["id"], "status": "passed", "error": "", "seconds": round(time.monotonic() - started, 2)}
    except BaseException as error:  # noqa: BLE001 - any failure is a result, SystemExit included
        return {"id": job["id"], "status": "failed", "error": _exception_line(error)[:500],
                "seconds": round(time.monotonic() - started, 2)}
    finally:
        signal.alarm(0)
        _close_loop()
        sys.modules.pop(job["module"], None)
        for name, module in list(sys.modules.items()):
            if str(getattr(module, "__file__", None) or "").startswith(workdir):
                del sys.modules[name]
        sys.path.remove(workdir)
        os.chdir(HOME)
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            django_env.restore(saved)
        except Exception:  # noqa: BLE001
            _close_connections()
            _reset_database()


def main() -> None:
    with open(sys.argv[1]) as jobs_file:
        jobs = json.load(jobs_file)
    django_env.configure()
    import django

    # Each job in a fresh context: context variables a block sets (asgiref's ThreadSensitiveContext) stay there.
    results = [contextvars.Context().run(run_job, job) for job in jobs]
    json.dump({"django": django.get_version(), "python": sys.version.split()[0], "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
