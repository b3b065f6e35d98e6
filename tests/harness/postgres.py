"""A throwaway PostgreSQL cluster for the pages that need a real database (`<!-- test: postgres -->`): a copy of
a cluster initdb made once, in a temporary directory, a server on 127.0.0.1 and a free port, stopped by PID when
the page ends.

The server runs as the `postgres` system user when the tests run as root (PostgreSQL refuses root). Where no
PostgreSQL is installed (scripts/install-postgres installs Debian's package), `unavailable()` says why, and the
page's blocks are skipped with that reason."""

from __future__ import annotations

import glob
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from .servers import HOST, PID_LOG, free_port, orphan_guard, restore_environment, stop_group

ENVIRONMENT = ("PGHOST", "PGPORT", "PGUSER", "PGDATABASE")
TEMPLATES = Path(__file__).resolve().parents[2] / ".cache" / "pg-template"
PREFIX = "pg-"  # each cluster's temporary directory: $TMPDIR/pg-XXXXXXXX
OWNER = "owner.pid"  # in it: the PID of the process that made the cluster


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    return Path(found[-1]).parent if found else None


def unavailable() -> str | None:
    """Why no cluster can be started here, or None."""
    if _bin() is None:
        return "PostgreSQL is not installed (scripts/install-postgres installs Debian's package; it needs root)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run the server as"
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists and belongs to another user
        pass
    return True


def owner_of(directory: Path) -> int | None:
    """The PID in a cluster directory's owner file; None when there is none (yet)."""
    try:
        return int((directory / OWNER).read_text())
    except (OSError, ValueError):
        return None


def _directories(parent: Path | None) -> list[Path]:
    return sorted(Path(parent or tempfile.gettempdir()).glob(PREFIX + "*"))


def clusters_of(pid: int, parent: Path | None = None) -> list[Path]:
    """The cluster directories that process `pid` made and that are still there."""
    return [directory for directory in _directories(parent) if owner_of(directory) == pid]


def sweep_abandoned(parent: Path | None = None) -> list[Path]:
    """Remove the directories of clusters whose owner died without stopping them, and return them. A process
    killed with SIGKILL (the orphan tests do it on purpose) runs no cleanup: its server stops by the parent-death
    signal, but its 40 MB of files stayed in the temporary directory. Directories without an owner file, or whose
    owner or server still runs, are left alone."""
    removed = []
    for directory in _directories(parent):
        owner = owner_of(directory)
        if owner is None:
            continue
        try:
            server = int((directory / "data" / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            server = None
        if not _alive(owner) and not (server and _alive(server)):
            shutil.rmtree(directory, ignore_errors=True)
            removed.append(directory)
    return removed


class Cluster:
    def __init__(self) -> None:
        sweep_abandoned()
        self.directory = Path(tempfile.mkdtemp(prefix=PREFIX))
        (self.directory / OWNER).write_text(str(os.getpid()))
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.saved = {name: os.environ.get(name) for name in ENVIRONMENT}

    def _as_owner(self, argv: list[str]) -> list[str]:
        """PostgreSQL refuses to run as root: as root, run it as the `postgres` user. setpriv execs in place
        (runuser would fork and stay the parent), and SIGINT, PostgreSQL's fast shutdown, reaches the server
        if the pytest that started it dies without cleaning up."""
        if os.geteuid() != 0:
            return [*orphan_guard("INT"), *argv]
        guard = orphan_guard("INT", "--reuid=postgres", "--regid=postgres", "--init-groups")
        if guard:
            return [*guard, *argv]
        # runuser lives in /usr/sbin, which a minimal PATH (`env -i`, some CI shells) leaves out
        runuser = shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin") or "runuser"
        return [runuser, "-u", "postgres", "--", *argv]

    def start(self, timeout: float = 30.0) -> None:
        binaries = _bin()
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.directory, user.pw_uid, user.pw_gid)
        data = self.directory / "data"
        self._init(binaries, data)
        log = self.directory / "server.log"
        with open(log, "wb") as sink:  # the child keeps its own handle
            self.process = subprocess.Popen(
                self._as_owner([str(binaries / "postgres"), "-D", str(data), "-p", str(self.port),
                                "-k", str(self.directory), "-c", f"listen_addresses={HOST}", "-c", "fsync=off",
                                "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                                "-c", "max_connections=50"]),
                stdout=subprocess.DEVNULL, stderr=sink, start_new_session=True,
            )
        if os.environ.get(PID_LOG):
            with open(os.environ[PID_LOG], "a") as pids:
                pids.write(f"{self.process.pid}\n")
        deadline = time.monotonic() + timeout
        while subprocess.run([str(binaries / "pg_isready"), "-q", "-h", HOST, "-p", str(self.port)]).returncode != 0:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"PostgreSQL did not start on {HOST}:{self.port}:\n{log.read_text()}")
            time.sleep(0.1)
        os.environ.update(PGHOST=HOST, PGPORT=str(self.port), PGUSER="postgres", PGDATABASE="postgres")

    def _init(self, binaries: Path, data: Path) -> None:
        """`data` becomes a fresh cluster: a copy of the one initdb made for this PostgreSQL the first time, kept in
        .cache/pg-template/ (the same files for a tenth of the CPU: initdb takes half a second). initdb itself
        runs here, in this cluster's own directory, which the server's user can reach (the checkout may not be)."""
        initdb = [str(binaries / "initdb"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]
        template = TEMPLATES / f"{binaries.parent.name}-{hashlib.sha256(' '.join(initdb).encode()).hexdigest()[:12]}"
        if template.exists():
            subprocess.run(["cp", "-a", str(template), str(data)], check=True, capture_output=True)
            return
        subprocess.run(self._as_owner([*initdb, "-D", str(data)]), check=True, capture_output=True)
        TEMPLATES.mkdir(parents=True, exist_ok=True)
        partial = TEMPLATES / f"partial-{os.getpid()}"
        subprocess.run(["cp", "-a", str(data), str(partial)], check=True, capture_output=True)
        try:
            os.rename(partial, template)  # whole or not at all: another test process may be copying it
        except OSError:  # another one was first
            shutil.rmtree(partial, ignore_errors=True)

    def stop(self) -> None:
        stop_group(self.process, signal.SIGINT, 15)  # PostgreSQL's "fast" shutdown
        restore_environment(self.saved)
        shutil.rmtree(self.directory, ignore_errors=True)
