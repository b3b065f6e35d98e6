"""The load and the census: concurrent requests to the server, and its connections as PostgreSQL sees them."""

import asyncio
import time

import httpx
import psycopg  # connects with PGHOST, PGPORT, PGUSER and PGDATABASE from the environment


async def load(url, requests=20):
    """Send `requests` GET requests to `url` at once; return the responses."""
    async with httpx.AsyncClient(timeout=30) as client:
        return await asyncio.gather(*(client.get(url) for _ in range(requests)))


def census(responses):
    """Status codes, and how many threads and PostgreSQL backends served the successful responses."""
    served = [response.text.split(", ") for response in responses if response.status_code == 200]
    print("status codes:", sorted({response.status_code for response in responses}))
    print("threads:", len({thread for _, thread in served}))
    print("PostgreSQL backends:", len({backend for backend, _ in served}))


def server_connections():
    """How many connections the server (application_name 'mysite') holds open right now."""
    with psycopg.connect(autocommit=True) as db:
        return db.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mysite'").fetchone()[0]


def wait_for_connections(count, timeout=10):
    """Wait until the server holds `count` connections: a pool opens its connections in the background, after
    the request that opened it has its answer. Return how many it holds."""
    deadline = time.monotonic() + timeout
    while (held := server_connections()) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return held


def terminate_server_connections():
    """Kill every backend of the server, as a database restart or a proxy's idle timeout would; return how many."""
    with psycopg.connect(autocommit=True) as db:
        return len(db.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mysite'"
        ).fetchall())
