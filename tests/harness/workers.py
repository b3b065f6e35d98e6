"""The processes that work next to the web servers, started by console blocks: a Celery worker, a Django Tasks
`db_worker`, and the local SMTP sink the pages send email to (`python -m aiosmtpd`).

Workers listen on no port, so the harness cannot wait for a connection: it waits for the line each one logs
once it takes work (`celery@host ready.`, the db_worker's "Starting worker"). All are then managed as servers
are: own process group, `setpriv --pdeathsig`, stopped by PID with the page, shown by log blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .servers import HOST, Adapter, Server, _port_of, _take, adapter_for


@dataclass
class WorkerAdapter(Adapter):
    """A program that is ready once its log has a line matching `ready_line`."""

    ready_line: str = ""

    def rewrite(self, args: list[str], port: int) -> None:
        return None  # nothing to listen on

    def ready(self, server: Server) -> bool:
        return re.search(self.ready_line, server.output(), re.MULTILINE) is not None

    def awaited(self, server: Server) -> str:
        return f"log a line matching {self.ready_line!r}"

    def became_ready(self, server: Server) -> str:
        return f"logged a line matching {self.ready_line!r}"


class CeleryWorker(WorkerAdapter):  # celery -A proj worker …
    def matches(self, program):
        return super().matches(program) and "worker" in program


class DjangoCommandWorker(WorkerAdapter):  # manage.py db_worker …
    def matches(self, program):
        return self.name in program and any(word.endswith("manage.py") or word == "django-admin" for word in program)


class SmtpSinkAdapter(Adapter):  # python -m aiosmtpd -n [-l HOST:PORT]: prints every message it receives
    def rewrite(self, args, port):
        shown = _port_of(_take(args, "-l", "--listen"))
        args += ["--listen", f"{HOST}:{port}"]
        return shown or 8025  # aiosmtpd's default port


WORKERS = [
    CeleryWorker("celery", ready_line=r"\bcelery@\S+ ready\.$"),
    DjangoCommandWorker("db_worker", ready_line=r"Starting worker"),
    SmtpSinkAdapter("aiosmtpd"),
]


def worker_for(command: str) -> WorkerAdapter | None:
    """The adapter when `command` starts a worker or the SMTP sink; None for anything else."""
    return adapter_for(command, WORKERS)
