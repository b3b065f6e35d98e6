"""The grid: every scenario is one view under one server, measured at each of `CONNECTIONS`.

Every server runs ONE worker process, so rows compare what one process does with one CPU core. Thread counts
are explicit where the server has them (32 for gunicorn gthread and granian's WSGI threads)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

CONNECTIONS = (1, 10, 100)
UPSTREAM_DELAY = 0.1  # seconds the upstream waits before answering; the I/O rows' physical limit is C / delay
THREADS = 32

# Server command lines, run from bench/ (so `benchsite` is importable); {port} is filled in at start.
SERVERS = {
    "gunicorn-sync": "gunicorn benchsite.wsgi:application --workers 1 --worker-class sync --no-control-socket",
    "gunicorn-gthread": f"gunicorn benchsite.wsgi:application --workers 1 --worker-class gthread --threads {THREADS} --no-control-socket",
    "granian-wsgi": f"granian --interface wsgi --workers 1 --blocking-threads {THREADS} --log-level warning benchsite.wsgi:application",
    "uvicorn": "uvicorn benchsite.asgi:application --workers 1 --no-access-log --log-level warning --lifespan off",
    "granian": "granian --interface asginl --workers 1 --log-level warning benchsite.asgi:application",
    "daphne": "daphne -v 0 benchsite.asgi:application",
    "hypercorn": "hypercorn --workers 1 benchsite.asgi:application",
    "gunicorn-uvicorn": "gunicorn benchsite.asgi:application --workers 1 --worker-class uvicorn_worker.UvicornWorker --no-control-socket",
}


@dataclass(frozen=True)
class Scenario:
    id: str
    group: str  # io, orm, cpu, middleware
    label: str
    server: str  # a key of SERVERS
    path: str
    settings: str = "benchsite.settings"
    notes: str = ""
    ideal: bool = field(default=False)  # an I/O row: show measured / (C / UPSTREAM_DELAY)


SCENARIOS = [
    # I/O-bound: a sync view with a shared sync client ...
    Scenario("io-sync-gunicorn-sync", "io", "sync view, gunicorn sync", "gunicorn-sync", "/io/sync/", ideal=True),
    Scenario("io-sync-gunicorn-gthread", "io", f"sync view, gunicorn gthread ({THREADS} threads)", "gunicorn-gthread",
             "/io/sync/", ideal=True),
    Scenario("io-sync-uvicorn", "io", "sync view, uvicorn (a thread per request)", "uvicorn", "/io/sync/", ideal=True),
    Scenario("io-sync-granian", "io", f"sync view, granian WSGI ({THREADS} threads)", "granian-wsgi", "/io/sync/",
             ideal=True),
    # ... an async view with one shared httpx.AsyncClient ...
    Scenario("io-async-uvicorn", "io", "async view, uvicorn", "uvicorn", "/io/async/", ideal=True),
    Scenario("io-async-granian", "io", "async view, granian", "granian", "/io/async/", ideal=True),
    Scenario("io-async-daphne", "io", "async view, daphne", "daphne", "/io/async/", ideal=True),
    Scenario("io-async-hypercorn", "io", "async view, hypercorn", "hypercorn", "/io/async/", ideal=True),
    Scenario("io-async-gunicorn-uvicorn", "io", "async view, gunicorn + uvicorn_worker", "gunicorn-uvicorn",
             "/io/async/", ideal=True),
    # ... and the mistakes.
    Scenario("io-async-wsgi", "io", "async view under WSGI (gunicorn gthread)", "gunicorn-gthread",
             "/io/async-client-per-request/", ideal=True,
             notes="a new event loop per request, so the view cannot keep a client: it makes one per request"),
    Scenario("io-async-client-per-request", "io", "async view, a client per request, uvicorn", "uvicorn",
             "/io/async-client-per-request/", ideal=True),
    Scenario("io-async-blocking", "io", "async view with time.sleep(0.1), uvicorn", "uvicorn",
             "/io/async-blocking/", ideal=True),
    # ORM-bound: five queries on PostgreSQL (psycopg pool, at most 16 connections).
    Scenario("orm-sync-gunicorn-gthread", "orm", f"sync view, gunicorn gthread ({THREADS} threads)", "gunicorn-gthread",
             "/orm/sync/"),
    Scenario("orm-sync-uvicorn", "orm", "sync view, uvicorn", "uvicorn", "/orm/sync/"),
    Scenario("orm-async-uvicorn", "orm", "async view (a-methods), uvicorn", "uvicorn", "/orm/async/"),
    # CPU-bound: encode a 5,000-item JSON document.
    Scenario("cpu-sync-gunicorn-gthread", "cpu", f"sync view, gunicorn gthread ({THREADS} threads)", "gunicorn-gthread",
             "/cpu/sync/"),
    Scenario("cpu-sync-uvicorn", "cpu", "sync view, uvicorn", "uvicorn", "/cpu/sync/"),
    Scenario("cpu-async-uvicorn", "cpu", "async view, uvicorn", "uvicorn", "/cpu/async/"),
    # The adapter cost: a sync-only middleware in front of an async view that does nothing.
    Scenario("middleware-none-uvicorn", "middleware", "async view, no middleware, uvicorn", "uvicorn",
             "/hello/async/"),
    Scenario("middleware-sync-uvicorn", "middleware", "async view behind one sync middleware, uvicorn", "uvicorn",
             "/hello/async/", settings="benchsite.settings_sync_middleware"),
]

BY_ID = {scenario.id: scenario for scenario in SCENARIOS}
GROUPS = {
    "io": "I/O-bound: the view waits 100 ms on another service",
    "orm": "ORM-bound: five queries on PostgreSQL",
    "cpu": "CPU-bound: a 5,000-item JSON document",
    "middleware": "The adapter cost: a sync middleware in front of an async view",
}


def fingerprint() -> str:
    """Changes whenever the grid or the measured project's code changes, so bench.json from an older grid is
    detected as stale. Labels are not measured: the charts take them from SCENARIOS."""
    project = Path(__file__).parent / "benchsite"
    code = {path.name: path.read_text() for path in sorted(project.glob("*.py"))}
    measured = [{k: v for k, v in asdict(s).items() if k not in ("label", "notes")} for s in SCENARIOS]
    grid = {"servers": SERVERS, "scenarios": measured, "connections": CONNECTIONS,
            "delay": UPSTREAM_DELAY, "project": code}
    return hashlib.sha1(json.dumps(grid, sort_keys=True).encode()).hexdigest()[:12]
