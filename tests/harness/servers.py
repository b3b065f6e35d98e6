"""Long-running servers started by console blocks: one adapter per server program puts it on 127.0.0.1
and a free port, and `Server` starts it in its own process group, waits until it accepts connections,
and stops it by PID (SIGTERM to the group, then SIGKILL)."""

from __future__ import annotations

import os
import random
import shlex
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .listening import HOST, ListensOnPort
from .nginx import NginxAdapter

SHOWN_PORT = 8000  # what pages show when the command names no port
PID_LOG = "DOCS_HARNESS_PID_LOG"  # if set, every server PID is appended to this file (leak tests)


# A SIGINT that was ignored when pytest started (a background job of a non-interactive shell, `nohup … &`) stays
# ignored in every child, and Python then installs no KeyboardInterrupt handler: a server would not stop on
# Ctrl+C. coreutils' `env --default-signal=INT` resets it and execs in place.
DEFAULT_SIGINT = ["env", "--default-signal=INT"]


def orphan_guard(signal_name: str = "TERM", *credentials: str) -> list[str]:
    """A command prefix that has the kernel send `signal_name` to the program when the process that started it
    dies, so a server cannot outlive a pytest (or xdist worker) killed with SIGKILL, which runs no cleanup.
    It is util-linux's `setpriv --pdeathsig`, which execs in place (same PID); `credentials` (`--reuid=…`)
    run the program as another user, applied before the signal is set (a change of user would clear it).
    Where setpriv is missing, the prefix is empty and only the page's own teardown stops servers."""
    setpriv = shutil.which("setpriv") or shutil.which("setpriv", path="/usr/bin:/bin")
    return [setpriv, *credentials, f"--pdeathsig={signal_name}", "--"] if setpriv else []


class ServerFailed(RuntimeError):
    pass


# Below Linux's ephemeral range (32768-60999), so a client connection of a parallel page cannot be
# holding the port between our check and the server's bind.
PORTS = range(20000, 32000)


def free_port() -> int:
    for _ in range(100):
        port = random.choice(PORTS)
        with socket.socket() as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise ServerFailed(f"no free port in {PORTS} on {HOST}")


def _take(tokens: list[str], *flags: str) -> str | None:
    """Remove `--flag value` / `--flag=value` from tokens; return the last value."""
    value = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        name, eq, inline = token.partition("=")
        if name in flags and token.startswith("--") and eq:
            value = inline
            del tokens[index]
        elif token in flags and index + 1 < len(tokens):
            value = tokens[index + 1]
            del tokens[index : index + 2]
        else:
            index += 1
    return value


def _port_of(address: str | None) -> int | None:
    if address and address.rsplit(":", 1)[-1].isdigit():
        return int(address.rsplit(":", 1)[-1])
    return None


@dataclass
class Adapter(ListensOnPort):
    """How one server program is told where to listen."""

    name: str

    def matches(self, program: list[str]) -> bool:
        return program[:1] == [self.name] or program[:3] == ["python", "-m", self.name]

    def rewrite(self, args: list[str], port: int) -> int | None:
        """Change `args` in place to listen on HOST:port; return the port the page showed (None: no port)."""
        raise NotImplementedError


class HostPortAdapter(Adapter):  # uvicorn, granian: --host/--port
    def rewrite(self, args, port):
        _take(args, "--host")
        shown = _take(args, "--port")
        args += ["--host", HOST, "--port", str(port)]
        return int(shown) if shown else SHOWN_PORT


class BindAdapter(Adapter):  # gunicorn, hypercorn: -b/--bind HOST:PORT
    def rewrite(self, args, port):
        shown = _port_of(_take(args, "-b", "--bind"))
        args += ["--bind", f"{HOST}:{port}"]
        return shown or SHOWN_PORT


class DaphneAdapter(Adapter):  # daphne: -b/--bind HOST, -p/--port PORT
    def rewrite(self, args, port):
        _take(args, "-b", "--bind")
        shown = _take(args, "-p", "--port")
        args += ["--bind", HOST, "--port", str(port)]
        return int(shown) if shown else SHOWN_PORT


class RunserverAdapter(Adapter):  # manage.py / django-admin runserver [addr:]port
    def matches(self, program):
        return "runserver" in program and any(p.endswith("manage.py") or p == "django-admin" for p in program)

    def rewrite(self, args, port):
        at = args.index("runserver") + 1
        shown = None
        if at < len(args) and not args[at].startswith("-"):
            shown = _port_of(args[at]) or (int(args[at]) if args[at].isdigit() else None)
            del args[at]
        args.insert(at, f"{HOST}:{port}")
        return shown or SHOWN_PORT


ADAPTERS = [
    HostPortAdapter("uvicorn"),
    HostPortAdapter("granian"),
    BindAdapter("gunicorn"),
    BindAdapter("hypercorn"),
    DaphneAdapter("daphne"),
    RunserverAdapter("runserver"),
    NginxAdapter(),  # bound to its page by console.py (for_page): it reads the page's configuration file
]


def shown_port(command: str, adapter: Adapter) -> int:
    """The port a server command shows (that adapter's default when it names none)."""
    return adapter.rewrite(split_environment(shlex.split(command))[1], 0)


def split_environment(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Leading `NAME=value` words, and the program with its arguments."""
    index = 0
    while index < len(tokens) and "=" in tokens[index] and tokens[index].split("=")[0].isidentifier():
        index += 1
    return tokens[:index], tokens[index:]


SHELL_OPERATORS = {"|", "||", "&", "&&", ";", ">", ">>", "<", "2>&1"}
NOT_A_START = {"--help", "-h", "--version", "-V"}


def adapter_for(command: str, adapters: list[Adapter] = ADAPTERS) -> Adapter | None:
    """The adapter when `command` starts a server (one of `adapters`); None for anything else (pipelines,
    `--help`, …)."""
    try:
        _, program = split_environment(shlex.split(command))
    except ValueError:
        return None
    if SHELL_OPERATORS & set(program) or NOT_A_START & set(program) or any("$(" in w or "<(" in w for w in program):
        return None
    program = ["python" if word.startswith("python") else word for word in program]
    return next((adapter for adapter in adapters if program and adapter.matches(program)), None)


def stop_group(process: subprocess.Popen | None, first: int = signal.SIGTERM, grace: float = 10.0) -> None:
    """Send `first` to a started program's process group; SIGKILL the group if it has not exited in `grace` s."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, first)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def restore_environment(saved: dict[str, str | None]) -> None:
    """Put back the variables a per-page service set (None: the variable was not set)."""
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


class Server:
    def __init__(self, command: str, adapter: Adapter, cwd: Path, env: dict, log: Path, port: int | None = None) -> None:
        self.shown_command = command  # as the page shows it (failure messages use this)
        environment, program = split_environment(shlex.split(command))
        self.port = port or free_port()
        self.shown_port = adapter.rewrite(program, self.port)
        self.command = shlex.join(environment + program)
        launch = "exec " + ("env " if environment else "") + self.command  # `exec A=b prog` would exec "A=b"
        self.adapter = adapter
        self.log = log
        self.seen = 0  # how much of the log the page has already compared
        with open(log, "wb") as sink:
            self.process = subprocess.Popen(
                [*orphan_guard("TERM"), *DEFAULT_SIGINT, "bash", "-c", launch],
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        if os.environ.get(PID_LOG):
            with open(os.environ[PID_LOG], "a") as pids:
                pids.write(f"{self.process.pid}\n")

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise ServerFailed(f"`{self.command}` exited with status {self.process.returncode} before it "
                                   f"{self.adapter.became_ready(self)}. Its log:\n{self.output()}")
            if self.adapter.ready(self):
                return
            if time.monotonic() > deadline:
                raise ServerFailed(f"`{self.command}` did not {self.adapter.awaited(self)} "
                                   f"within {timeout:g} s. Its log:\n{self.output()}")
            time.sleep(0.05)

    def wait_quiet(self, quiet: float = 0.25, limit: float = 3.0) -> None:
        """Wait until the log has not grown for `quiet` seconds (at most `limit`): a server may write a request's
        log line just after the client has its response, and a SIGINT in between would lose the line."""
        size, since, deadline = -1, time.monotonic(), time.monotonic() + limit
        while time.monotonic() < deadline:
            now = self.log.stat().st_size
            if now != size:
                size, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.05)

    def interrupt(self, timeout: float) -> None:
        """Ctrl+C in the server's terminal, once its log is quiet (as a reader presses it after reading the log):
        SIGINT to its process group, then wait for it to exit."""
        self.wait_quiet()
        os.killpg(self.pid, signal.SIGINT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            raise ServerFailed(f"`{self.shown_command}` was still running {timeout:g} s after Ctrl+C (SIGINT). "
                               f"Its log:\n{self.output()}") from None

    def stop(self, grace: float = 5.0) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGTERM)
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(self.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass
        # Workers that outlived their parent (same process group) go too.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.process.wait()
        if group_alive(self.pid, timeout=2.0):
            raise ServerFailed(f"processes of `{self.command}` (group {self.pid}) survived SIGKILL")


def group_alive(pgid: int, timeout: float = 0.0) -> bool:
    """Whether any process of the group is still running (zombies count as gone)."""
    deadline = time.monotonic() + timeout
    while True:
        members = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(stat.parent.name)
        if not members or time.monotonic() >= deadline:
            return bool(members)
        time.sleep(0.05)
