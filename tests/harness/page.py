"""What one page owns while it runs, and its tear-down: namespace module, event loop, project directory,
servers and the Django state it may have changed. Nothing outlives the page."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import os
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

from . import django_env
from .namespace import register
from .failures import relative

PAGE_KEY = "__page__"
SHOWN_PROJECT = "~/project"  # how output shows the page's temporary project directory


class Page:
    def __init__(self, path: str, namespace: dict) -> None:
        self.path = Path(path)
        rel = relative(self.path).removesuffix(".md").removeprefix("docs/")
        self.module_name = "page_" + re.sub(r"\W", "_", rel)
        self.namespace = namespace
        self.scratch = Path(tempfile.mkdtemp(prefix="page-")).resolve()  # server logs live here
        self.workdir = self.scratch / "project"  # the reader's project directory
        self.workdir.mkdir()
        self.cwd = self.workdir
        self.runner = asyncio.Runner()
        self.servers: list = []  # servers.Server, newest last
        self.ports: dict[int, int] = {}  # port shown on the page -> real port
        self.postgres = None  # postgres.Cluster, started by the first `postgres` block
        self.redis = None  # redis.RedisServer, started by the first `redis` block
        self.missing: str | None = None  # why a part the rest of the page needs cannot run here (nginx): skip it
        self.aborted = ""  # why later blocks do not run (a block timed out)
        namespace.update(__file__=str(self.path), **{PAGE_KEY: self})
        register(self.module_name, namespace)
        self._django = django_env.snapshot()
        self._environ = dict(os.environ)  # a page may set variables (an imported asgi.py sets DJANGO_SETTINGS_MODULE)

    # Text going into a program: ports shown on the page become the real ones.
    def to_real(self, text: str) -> str:
        for shown, real in self.ports.items():
            text = re.sub(rf"\b(127\.0\.0\.1|localhost|0\.0\.0\.0):{shown}\b", rf"\g<1>:{real}", text)
        return text

    # Text coming out of a program: real ports and paths become what the page shows.
    def to_shown(self, text: str) -> str:
        for shown, real in self.ports.items():
            text = re.sub(rf"\b{real}\b", str(shown), text)
        text = text.replace(str(self.workdir), SHOWN_PROJECT)
        return text.replace(sys.prefix, ".venv")

    @contextlib.contextmanager
    def importable_cwd(self):
        """The page's current directory first on sys.path while a block runs (after `cd mysite`, `import
        mysite.asgi` works as it does in a shell there); modules imported stay until the page ends."""
        entry = str(self.cwd)
        sys.path.insert(0, entry)
        try:
            yield
        finally:
            sys.path.remove(entry)

    def loop(self) -> asyncio.AbstractEventLoop | None:
        """The page's event loop if a block made it (never made here)."""
        return getattr(self.runner, "_loop", None)

    def stop_services(self) -> list[Exception]:
        errors = []
        for server in reversed(self.servers):
            try:
                server.stop()
            except Exception as error:  # keep stopping the others
                errors.append(error)
        self.servers = []
        if self.postgres is not None:
            self.postgres.stop()
            self.postgres = None
        if self.redis is not None:
            self.redis.stop()
            self.redis = None
        return errors

    def abort(self, reason: str) -> None:
        """A block timed out: stop what the page started now, cancel its tasks, run none of its later blocks."""
        from .timeouts import BlockTimeout, TimeLimit

        self.aborted = reason
        self.stop_services()
        try:
            with TimeLimit(5, str(self.path), lambda: None):  # tasks that ignore cancellation are abandoned
                self.runner.close()
        except BlockTimeout:
            pass
        self.runner = asyncio.Runner()

    def close(self) -> None:
        errors = self.stop_services()
        with warnings.catch_warnings():
            # Django leaves SQLite connections open in executor threads it used (e.g. the debug 500 page's
            # queries run in the loop's default executor); they die with those threads when the loop closes.
            warnings.filterwarnings("ignore", "unclosed database", ResourceWarning)
            self.runner.close()
            gc.collect()
        sys.modules.pop(self.module_name, None)
        for name, module in list(sys.modules.items()):
            if str(getattr(module, "__file__", None) or "").startswith(str(self.workdir)):
                del sys.modules[name]
        sys.path[:] = [entry for entry in sys.path if not entry.startswith(str(self.workdir))]
        os.environ.clear()
        os.environ.update(self._environ)
        django_env.restore(self._django)
        shutil.rmtree(self.scratch, ignore_errors=True)
        if errors:
            raise errors[0]


def page_of(namespace: dict) -> Page:
    return namespace[PAGE_KEY]


def setup(namespace: dict) -> None:
    Page(namespace["__file__"], namespace)


def teardown(namespace: dict) -> None:
    page_of(namespace).close()
