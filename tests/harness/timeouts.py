"""A time limit for Python and pycon blocks (default 60 s; `<!-- test: timeout 5 -->` changes it).

A block over its limit fails at `page:line` with the stack where it was stuck, its page's servers and
PostgreSQL are stopped at once, later blocks of that page fail without running, and the run goes on.

How a stuck block is interrupted: a SIGALRM timer in the main thread, whose handler raises `BlockTimeout` in
whatever the main thread is running. That stops a sync busy loop (`while True: pass`: the handler runs between
two bytecodes) and an event loop waiting forever (`await asyncio.Event().wait()`: the signal interrupts its
`select`), and leaks nothing: the block's frames unwind. (Running the block in a thread and abandoning it would
leave the thread spinning, holding the GIL and the page's state, for the rest of the run.) `BlockTimeout` is
a BaseException so that a block's own `except Exception:` cannot swallow it. If the main thread is stuck in C
code that never returns to the interpreter, the alarm cannot fire: then faulthandler, a few seconds later,
writes every thread's stack to stderr and ends the process (under xdist, the worker; xdist reports the crash
and goes on, and the page's servers die with it through their parent-death signal).
"""

from __future__ import annotations

import asyncio
import faulthandler
import signal
import sys
import threading
import traceback
from pathlib import Path

DEFAULT = 60.0
LAST_RESORT = 10.0  # seconds after the limit before faulthandler ends a process whose alarm could not fire
HARNESS = str(Path(__file__).parent)


class BlockTimeout(BaseException):
    """Raised by the alarm in the main thread, wherever the block is."""

    def __init__(self, stack: list[str]) -> None:
        super().__init__("block timed out")
        self.stack = stack


def _shown(frames, page: str) -> list[str]:
    """`docs/x.md:5 in <module>: while True: pass` lines, from the first frame of the page or a snippet on."""
    rows = []
    for frame in frames:
        filename, lineno, name, text = frame.filename, frame.lineno, frame.name, frame.line
        if not rows and filename != page and "/snippets/" not in filename:
            continue  # the harness, Sybil and pytest above the block
        if filename.startswith(HARNESS):
            continue
        rows.append(f"{_relative(filename)}:{lineno} in {name}" + (f": {text.strip()}" if text else ""))
    return rows


def _relative(filename: str) -> str:
    from .failures import relative

    return relative(filename)


def awaiting(coro) -> traceback.StackSummary:
    """Where a suspended coroutine waits: its frame, then each coroutine it awaits, innermost last."""
    frames = []
    while coro is not None:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is None:
            break
        frames.append((frame, frame.f_lineno))
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return traceback.StackSummary.extract(frames)


def stuck_at(frame, loop: asyncio.AbstractEventLoop | None, page: str) -> list[str]:
    """The interrupted main thread's stack; when that is the event loop waiting, where its tasks wait."""
    rows = _shown(traceback.extract_stack(frame), page)
    if rows or loop is None or loop.is_closed():
        return rows
    for task in asyncio.all_tasks(loop):
        rows += _shown(awaiting(task.get_coro()), page)
    return rows


class TimeLimit:
    """Run `run()` in the main thread with a SIGALRM deadline of `seconds`; BlockTimeout carries the stack."""

    def __init__(self, seconds: float, page: str, loop_of) -> None:
        self.seconds = seconds
        self.page = page
        self.loop_of = loop_of  # () -> the page's event loop or None, read when the alarm fires

    def __enter__(self):
        self.armed = threading.current_thread() is threading.main_thread()
        if self.armed:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        faulthandler.dump_traceback_later(self.seconds + LAST_RESORT, exit=True, file=sys.__stderr__)
        return self

    def _fire(self, signum, frame):
        signal.setitimer(signal.ITIMER_REAL, 0)
        raise BlockTimeout(stuck_at(frame, self.loop_of(), self.page))

    def __exit__(self, *exc_info) -> None:
        faulthandler.cancel_dump_traceback_later()
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
