"""tests/harness/quiet.py: a measurement waits for the tests that are running, and holds off the ones that are
not, in real processes taking real locks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.harness import quiet

ROOT = Path(__file__).resolve().parents[1]

MEASURE = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from tests.harness import quiet
    directory, log = Path(sys.argv[1]), Path(sys.argv[2])
    quiet._locks = quiet.Locks(directory)
    with quiet.measuring():
        log.write_text("started\\n")
        time.sleep(0.5)
        log.write_text("started\\nended\\n")
""")

ENTER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from tests.harness import quiet
    directory, log, measured = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    locks = quiet.Locks(directory)
    locks.enter_test()
    log.write_text(measured.read_text() if measured.exists() else "")
    locks.leave_test()
""")


def start(script: str, *args: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT)


def wait_for(path: Path, text: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while text not in (path.read_text() if path.exists() else ""):
        assert time.monotonic() < deadline, f"{path} never said {text!r}"
        time.sleep(0.02)


@pytest.fixture
def locks(tmp_path):
    """This process's locks, as one xdist worker's."""
    held = quiet.Locks(tmp_path / "locks")
    yield held
    held.close()


def test_a_measurement_waits_for_the_running_test_and_holds_off_new_ones(tmp_path, locks):
    locks.enter_test()  # a test on another worker, running
    measured = tmp_path / "measured"
    measurement = start(MEASURE, tmp_path / "locks", measured)
    time.sleep(1)  # ample time for the measurement to start if nothing held it
    assert not measured.exists(), "the measurement started while a test was running"
    # A test starting now, on a third worker, queues behind the waiting measurement (the turnstile)
    seen_by_new_test = tmp_path / "seen"
    new_test = start(ENTER, tmp_path / "locks", seen_by_new_test, measured)
    time.sleep(1)
    assert not seen_by_new_test.exists(), "a new test started while a measurement waited"
    locks.leave_test()
    wait_for(measured, "started")
    locks.enter_test()  # this worker's next test: it waits until the measurement is over
    assert measured.read_text() == "started\nended\n"
    locks.leave_test()
    assert new_test.wait(20) == 0 and measurement.wait(20) == 0
    assert seen_by_new_test.read_text() == "started\nended\n"


def test_a_measurement_inside_a_test_gives_up_that_tests_own_hold(tmp_path, locks, monkeypatch):
    monkeypatch.setattr(quiet, "_locks", locks)
    locks.enter_test()
    with quiet.measuring():  # would wait forever on its own shared lock if it kept it
        measured = tmp_path / "seen"
        other = start(ENTER, tmp_path / "locks", measured, tmp_path / "nothing")
        time.sleep(0.5)
        assert not measured.exists(), "a test started during the measurement"
    assert other.wait(20) == 0 and measured.exists()
    assert locks.depth == 1
    locks.leave_test()


def test_outside_an_xdist_run_nothing_is_locked(monkeypatch):
    monkeypatch.setattr(quiet, "_locks", None)
    with quiet.measuring():
        quiet.pause_point()
