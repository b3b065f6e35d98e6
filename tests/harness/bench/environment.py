"""What a run ran on: the machine, the CPU pinning, and the version of every program in the measurement."""

from __future__ import annotations

import datetime
import os
import platform
from importlib.metadata import version

from . import wrk

PACKAGES = ["django", "asgiref", "httpx", "psycopg", "psycopg-pool", "uvicorn", "gunicorn", "uvicorn-worker",
            "granian", "daphne", "hypercorn"]


def describe(layout: dict, postgres: str) -> dict:
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu_count": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "pinning": layout,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "packages": {name: version(name) for name in PACKAGES},
        "wrk": wrk.version(),
        "postgresql": postgres,
    }


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"
