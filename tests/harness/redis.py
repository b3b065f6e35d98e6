"""A throwaway Redis server for the pages that need one (`<!-- test: redis -->`): Debian's redis-server on
127.0.0.1 and a free port, with no persistence, stopped by PID when the page ends.

Blocks see `REDIS_URL` (redis://127.0.0.1:PORT/0) plus `REDIS_HOST` and `REDIS_PORT`; console blocks and the
servers and workers they start inherit them. Like a server's, the real port is shown as the usual one (6379). Where no redis-server is installed (scripts/install-redis installs
Debian's package), `unavailable()` says why, and the page's blocks are skipped with that reason."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from .servers import HOST, PID_LOG, free_port, orphan_guard, restore_environment, stop_group

ENVIRONMENT = ("REDIS_URL", "REDIS_HOST", "REDIS_PORT")
SHOWN_PORT = 6379  # what pages show: `127.0.0.1:6379` in a block is the real port, which output shows as 6379


def _binary() -> str | None:
    return shutil.which("redis-server") or shutil.which("redis-server", path="/usr/bin:/usr/sbin")


def unavailable() -> str | None:
    """Why no Redis can be started here, or None."""
    if _binary() is None:
        return "Redis is not installed (scripts/install-redis installs Debian's redis-server; it needs root)"
    return None


def _answers_ping(port: int) -> bool:
    """A PING in the inline protocol, without a client library: Redis answers +PONG once it loaded."""
    try:
        with socket.create_connection((HOST, port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    def __init__(self) -> None:
        self.directory = Path(tempfile.mkdtemp(prefix="redis-"))
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.saved = {name: os.environ.get(name) for name in ENVIRONMENT}

    @property
    def url(self) -> str:
        return f"redis://{HOST}:{self.port}/0"

    def start(self, timeout: float = 15.0) -> None:
        log = self.directory / "redis.log"
        # Configuration on the command line: no file to write, nothing saved to disk, nothing outside the
        # temporary directory. SIGTERM is Redis's clean shutdown, and what the orphan guard sends.
        argv = [_binary(), "--bind", HOST, "--port", str(self.port), "--dir", str(self.directory),
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes",
                "--logfile", "", "--databases", "4"]
        with open(log, "wb") as sink:  # the child keeps its own handle
            self.process = subprocess.Popen([*orphan_guard("TERM"), *argv], stdin=subprocess.DEVNULL,
                                            stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
        if os.environ.get(PID_LOG):
            with open(os.environ[PID_LOG], "a") as pids:
                pids.write(f"{self.process.pid}\n")
        deadline = time.monotonic() + timeout
        while not _answers_ping(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Redis did not start on {HOST}:{self.port}:\n{log.read_text()}")
            time.sleep(0.05)
        os.environ.update(REDIS_URL=self.url, REDIS_HOST=HOST, REDIS_PORT=str(self.port))

    def stop(self) -> None:
        stop_group(self.process, signal.SIGTERM, 10)
        restore_environment(self.saved)
        shutil.rmtree(self.directory, ignore_errors=True)


class RedisEvaluator:
    """Start the page's Redis (once) before the block; skip with the reason where none can run."""

    def __init__(self, inner) -> None:
        self.inner = inner

    def __call__(self, example):
        __tracebackhide__ = True
        import pytest

        from .page import page_of

        page = page_of(example.namespace)
        if page.redis is None:
            reason = unavailable()
            if reason:
                pytest.skip(reason)
            page.redis = RedisServer()
            page.redis.start()
            page.ports[SHOWN_PORT] = page.redis.port  # shown as Redis's usual port, in code and in output
        return self.inner(example)
