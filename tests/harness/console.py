"""Run console transcripts: every `$ command` runs for real in the page's project directory, and the
lines the page shows under it are compared with what it printed (stdout and stderr, as a terminal
shows them). A server command starts a managed server; a console block with no `$` line shows what
the page's newest running server has logged since the last comparison (starting with `^C`: after the reader
pressed Ctrl+C, which the harness does by sending SIGINT to the server's process group)."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from . import matching, nginx
from .failures import BlockFailure
from .page import Page, page_of
from .servers import Server, ServerFailed, adapter_for, shown_port
from .workers import worker_for

PROMPT = "$ "
COMMAND_TIMEOUT = 60.0
SERVER_TIMEOUT = 30.0
LOG_SETTLE = 3.0  # how long a log may take to show what the page shows
INTERRUPT = "^C"  # first line of a server-log block: send the server SIGINT, as Ctrl+C in its terminal would
# A reader that stops early at the end of a pipeline (`| head`, `| grep -m 1`, `| grep -q`): the command before it
# then fails writing into the closed pipe (curl: exit 23) or not, by timing, and pipefail turns that into a flake.
EARLY_EXIT_READER = re.compile(r"\|\s*(?:head\b|grep\b(?:\s+-\w+)*\s+-(?:m\s*\d+|\w*q\w*)\b)")


@dataclass
class Step:
    command: str
    line: int  # page line of the `$`
    expected: list[str] = field(default_factory=list)


@dataclass
class Transcript:
    steps: list[Step]
    line: int  # page line of the first content line
    log: list[str] = field(default_factory=list)  # a server-log block's lines
    exit: int = 0  # status the last command must exit with
    timeout: float | None = None
    script: str | None = None  # a bash/sh block without prompts: run whole, output not shown


def parse(source: str, line: int, exit: int = 0, timeout: float | None = None) -> Transcript:
    transcript = Transcript([], line, exit=exit, timeout=timeout)
    continuing = False
    for offset, row in enumerate(source.splitlines()):
        if continuing:
            transcript.steps[-1].command += "\n" + row
        elif row.startswith(PROMPT) or row == "$":
            transcript.steps.append(Step(row[len(PROMPT) :], line + offset))
        elif transcript.steps:
            transcript.steps[-1].expected.append(row)
        else:
            transcript.log.append(row)
        continuing = bool(transcript.steps) and row.endswith("\\") and not transcript.steps[-1].expected
    return transcript


# Variables that make tools print differently from a reader's terminal: pytest, for one, stops
# truncating its short summary when CI or BUILD_NUMBER is set, which is what CI runners set.
# (PYTEST_ADDOPTS: `--durations` given to this suite must not reach the pytest a page runs.)
NOT_THE_READERS_SHELL = {"DJANGO_SETTINGS_MODULE", "PYTHONPATH", "CI", "BUILD_NUMBER", "GITHUB_ACTIONS", "PYTEST_ADDOPTS"}


def environment() -> dict[str, str]:
    """The reader's shell: the project's virtualenv first on PATH, an 80-column terminal, unbuffered
    Python, no colours, and not a CI runner, so output is the same on a laptop and in CI."""
    env = {k: v for k, v in os.environ.items() if k not in NOT_THE_READERS_SHELL}
    bin_dir = str(Path(sys.executable).parent)
    env.update(
        PATH=bin_dir + os.pathsep + env.get("PATH", ""),
        VIRTUAL_ENV=str(Path(bin_dir).parent),
        PYTHONUNBUFFERED="1",
        PYTHONDONTWRITEBYTECODE="1",
        NO_COLOR="1",
        TERM="dumb",
        COLUMNS="80",
        LINES="24",
    )
    return env


def _wait_for(expected: list[str], read, timeout: float) -> str | None:
    """Poll `read()` until it shows `expected`; None on success, else the last comparison's problem."""
    deadline = time.monotonic() + timeout
    while True:
        problem = matching.compare("\n".join(expected), read())
        if problem is None or time.monotonic() > deadline:
            return problem
        time.sleep(0.05)


def _leading_blank(lines: list[str]) -> int:
    return next((n for n, line in enumerate(lines) if line.strip()), 0)


def _first_output_line(step: Step) -> int:
    """Page line of the first line shown under the command."""
    return step.line + step.command.count("\n") + 1


def _output_line(step: Step, output: str) -> int:
    """Page line of the first shown output line that the real output does not match."""
    if not step.expected:
        return step.line
    return _first_output_line(step) + matching.first_mismatch("\n".join(step.expected), output)


class ConsoleEvaluator:
    def __call__(self, example) -> None:
        __tracebackhide__ = True
        transcript: Transcript = example.parsed
        page = page_of(example.namespace)
        if transcript.script is not None:
            step = Step(transcript.script, transcript.line)
            return self._step(page, step, transcript, transcript.exit, compare=False)
        if not transcript.steps:
            return self._server_log(page, transcript)
        for number, step in enumerate(transcript.steps):
            last = number == len(transcript.steps) - 1
            self._step(page, step, transcript, transcript.exit if last else 0)

    def _step(self, page: Page, step: Step, transcript: Transcript, status: int, compare: bool = True) -> None:
        command = page.to_real(step.command)
        words = shlex.split(command) if command.strip() else []
        if len(words) == 2 and words[0] == "cd":
            target = (page.cwd / words[1]).resolve()
            if not target.is_dir():
                raise BlockFailure(step.line, f"cd: no such directory {words[1]!r}")
            page.cwd = target
            return
        adapter = adapter_for(command) or worker_for(command)
        if adapter is not None:
            return self._start_server(page, step, adapter, transcript.timeout or SERVER_TIMEOUT, status)
        if EARLY_EXIT_READER.search(command):
            raise BlockFailure(step.line, f"`{step.command}` ends in a reader that can stop before its input ends; "
                               "the command before it then fails or not by timing (pipefail). Use `sed -n 1p` "
                               "for the first line, or grep without -m/-q.")
        try:
            done = subprocess.run(
                ["bash", "-o", "pipefail", "-c", command],
                cwd=page.cwd,
                env=environment(),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=transcript.timeout or COMMAND_TIMEOUT,
                start_new_session=True,
            )
        except subprocess.TimeoutExpired as expired:
            raise BlockFailure(step.line, f"`{step.command}` did not finish in {expired.timeout:g} s") from None
        output = page.to_shown(done.stdout.decode(errors="replace"))
        if done.returncode != status:
            raise BlockFailure(
                step.line, f"`{step.command}` exited with status {done.returncode}, expected {status}.\n"
                f"Its output:\n{output}"
            )
        problem = compare and matching.compare("\n".join(step.expected), output)
        if problem:
            line = _output_line(step, output)
            raise BlockFailure(line, f"`{step.command}` printed something else.\n{problem}")

    def _start_server(self, page: Page, step: Step, adapter, timeout: float, status: int) -> None:
        """Start a server; with an `exit` directive, the server is expected to fail and exit with it."""
        log = page.scratch / f"server-{len(page.servers) + 1}.log"
        port = None
        if not hasattr(adapter, "for_page"):  # (nginx's rewrite writes files: it is not restarted in place)
            # Like pressing Ctrl+C before starting another on the same port. The new one gets the same real
            # port, so that a proxy in front of it (nginx) still reaches it. A worker listens on no port.
            shown = shown_port(step.command, adapter)
            for running in page.servers:
                if shown is not None and running.shown_port == shown:
                    running.stop()
                    port = running.port
        else:
            if nginx.installed() is None:  # this block and the rest of the page, which sits behind nginx
                page.missing = nginx.MISSING
                pytest.skip(page.missing)
            adapter = adapter.for_page(page)  # nginx: its configuration file is the page's
        try:
            server = Server(step.command, adapter, page.cwd, environment(), log, port)
        except (ValueError, ServerFailed) as refused:  # nginx.NginxConfigError: what the page must fix
            raise BlockFailure(step.line, f"`{step.command}`: {refused}") from None
        for running in page.servers:  # a second nginx on the same shown port
            if server.shown_port is not None and running.shown_port == server.shown_port \
                    and running.process.poll() is None:
                running.stop()
        page.servers.append(server)
        if server.shown_port is not None:  # a worker listens on no port
            page.ports[server.shown_port] = server.port
        if status:
            try:
                code = server.process.wait(timeout)
            except subprocess.TimeoutExpired:
                raise BlockFailure(step.line, f"`{step.command}` should exit with status {status}, "
                                              f"it was still running after {timeout:g} s") from None
            if code != status:
                raise BlockFailure(step.line, f"`{step.command}` exited with status {code}, expected {status}.\n"
                                              f"Its log:\n{server.output()}")
        else:
            try:
                server.wait_ready(timeout)
            except ServerFailed as failed:
                raise BlockFailure(step.line, str(failed)) from None
        self._compare_log(page, server, step.expected, _first_output_line(step), f"`{step.command}` logged something else")

    def _server_log(self, page: Page, transcript: Transcript) -> None:
        if not page.servers:
            raise BlockFailure(transcript.line, "a console block without `$` shows a server's log, "
                                                "but no server was started on this page before it")
        if not any(line.strip() for line in transcript.log):
            raise BlockFailure(transcript.line, "an empty console block: show a command (`$ …`) or the server "
                                                "log lines you expect")
        running = [server for server in page.servers if server.process.poll() is None]
        server = (running or page.servers)[-1]
        lines, first = transcript.log, transcript.line + _leading_blank(transcript.log)
        if lines[first - transcript.line].strip() == INTERRUPT:  # the reader presses Ctrl+C
            if server.process.poll() is not None:
                raise BlockFailure(first, f"`{server.shown_command}` had already exited; there is nothing to interrupt")
            try:
                server.interrupt(transcript.timeout or SERVER_TIMEOUT)
            except ServerFailed as failed:
                raise BlockFailure(first, str(failed)) from None
            lines, first = lines[first - transcript.line + 1 :], first + 1
        self._compare_log(page, server, lines, first, f"the log of `{server.shown_command}` differs")

    def _compare_log(self, page: Page, server: Server, expected: list[str], line: int, what: str) -> None:
        start, seen = server.seen, [""]

        def read() -> str:
            seen[0] = server.output()[start:]
            return page.to_shown(seen[0])

        settle = 0.0 if server.process.poll() is not None else LOG_SETTLE  # an exited server's log is final
        problem = _wait_for(expected, read, settle)
        server.seen = start + len(seen[0])  # later blocks compare what comes next, even after a failure
        if problem:
            line += matching.first_mismatch("\n".join(expected), page.to_shown(seen[0])) if expected else 0
            raise BlockFailure(line, f"{what}.\n{problem}")
