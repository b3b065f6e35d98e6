"""The machine to itself, for a few seconds: what a measurement in the test suite asks of the other workers.

Under pytest-xdist every worker holds a shared lock while it runs a test (setup, call and teardown), and
`measuring()` takes the same lock exclusively: the other workers finish the test they are in, then wait before
their next one until the measurement is over. A turnstile (a second lock, `gate`) keeps new tests from starting
while the measurement waits for the running ones, so a stream of short tests cannot hold it off. A long test
that can stop between steps (the browser pass, page by page) calls `pause_point()` between them.

Only the workers of one `pytest -n` run share the locks (a directory named after xdist's run ID). A pytest run
inside a test (the harness's own tests) or without xdist takes none of them.
"""

from __future__ import annotations

import fcntl
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


class Locks:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)
        self.gate = open(directory / "gate", "w")  # noqa: SIM115 - held for the worker's life
        self.tests = open(directory / "tests", "w")  # noqa: SIM115
        self.depth = 0  # tests this process is in (a test can run a pytest session in process)

    def enter_test(self) -> None:
        if self.depth == 0:
            self._shared()
        self.depth += 1

    def leave_test(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            fcntl.flock(self.tests, fcntl.LOCK_UN)

    def close(self) -> None:
        self.gate.close()
        self.tests.close()

    def _shared(self) -> None:
        fcntl.flock(self.gate, fcntl.LOCK_EX)  # waits while a measurement holds the gate
        fcntl.flock(self.tests, fcntl.LOCK_SH)
        fcntl.flock(self.gate, fcntl.LOCK_UN)


_locks: Locks | None = None


class QuietPlugin:
    """Registered on xdist workers only (see `configure`)."""

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item, nextitem):
        _locks.enter_test()
        try:
            return (yield)
        finally:
            _locks.leave_test()

    def pytest_unconfigure(self, config):
        # Every worker opened both files when it started, so the first to finish can remove them.
        for path in (_locks.directory / "gate", _locks.directory / "tests", _locks.directory):
            try:
                path.rmdir() if path.is_dir() else path.unlink()
            except OSError:
                pass


def configure(config: pytest.Config) -> None:
    global _locks
    worker = getattr(config, "workerinput", None)
    if worker is None or _locks is not None:
        return  # not an xdist worker, or a pytest session inside one of its tests
    _locks = Locks(Path(tempfile.gettempdir()) / f"async-django-quiet-{worker['testrunuid']}")
    config.pluginmanager.register(QuietPlugin(), "docs-quiet")


@contextmanager
def measuring() -> Iterator[None]:
    """The other workers paused for the duration (a no-op outside an xdist run)."""
    locks = _locks
    if locks is None:
        yield
        return
    holding = locks.depth > 0
    fcntl.flock(locks.gate, fcntl.LOCK_EX)
    if holding:
        fcntl.flock(locks.tests, fcntl.LOCK_UN)  # this test's own shared hold would block the exclusive one
    fcntl.flock(locks.tests, fcntl.LOCK_EX)
    try:
        yield
    finally:
        if holding:
            fcntl.flock(locks.tests, fcntl.LOCK_SH)  # back to this test's shared hold; the gate keeps others out
        else:
            fcntl.flock(locks.tests, fcntl.LOCK_UN)
        fcntl.flock(locks.gate, fcntl.LOCK_UN)


def pause_point() -> None:
    """Between the steps of a long test: wait here while a measurement runs elsewhere."""
    locks = _locks
    if locks is None or locks.depth == 0:
        return
    fcntl.flock(locks.tests, fcntl.LOCK_UN)
    locks._shared()
