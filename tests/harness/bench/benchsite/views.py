"""One view per scenario. The I/O views call the slow upstream (`BENCH_UPSTREAM`, answers after 100 ms);
the ORM views run the same five queries; the CPU views encode the same JSON document."""

import asyncio
import os
import time

import httpx
from django.contrib.auth.models import Permission
from django.http import HttpResponse, JsonResponse

UPSTREAM = os.environ.get("BENCH_UPSTREAM", "http://127.0.0.1:8001/")


# --8<-- [start:io]
# I/O-bound: wait on another service.
sync_client = httpx.Client(timeout=30)  # one pool for the process; httpx.Client is thread-safe


def io_sync(request):
    return HttpResponse(sync_client.get(UPSTREAM).content)


async_clients: dict[asyncio.AbstractEventLoop, httpx.AsyncClient] = {}


def shared_async_client() -> httpx.AsyncClient:
    """One AsyncClient per event loop (an ASGI server has one), so its connection pool is reused."""
    loop = asyncio.get_running_loop()
    if loop not in async_clients:
        async_clients[loop] = httpx.AsyncClient(timeout=30)
    return async_clients[loop]


async def io_async(request):
    response = await shared_async_client().get(UPSTREAM)
    return HttpResponse(response.content)


async def io_async_client_per_request(request):
    async with httpx.AsyncClient(timeout=30) as client:  # a new pool, TLS context and connection every time
        response = await client.get(UPSTREAM)
    return HttpResponse(response.content)
# --8<-- [end:io]


async def io_async_blocking(request):
    time.sleep(0.1)  # the mistake: a blocking call where `await` was meant; the whole event loop stops
    return HttpResponse(b"slept\n")


# ORM-bound: five small queries.
QUERIES = 5


def orm_sync(request):
    rows = 0
    for offset in range(QUERIES):
        rows += len(list(Permission.objects.order_by("pk")[offset : offset + 10]))
    return HttpResponse(f"{rows} rows\n")


async def orm_async(request):
    rows = 0
    for offset in range(QUERIES):
        rows += len([p async for p in Permission.objects.order_by("pk")[offset : offset + 10]])
    return HttpResponse(f"{rows} rows\n")


# CPU-bound: encode a 5,000-item JSON document (a few milliseconds of CPU).
DOCUMENT = {"items": [{"id": n, "name": f"item {n}", "tags": ["a", "b", "c"], "price": n * 1.25} for n in range(5000)]}


def cpu_sync(request):
    return JsonResponse(DOCUMENT)


async def cpu_async(request):
    return JsonResponse(DOCUMENT)


# The adapter cost: an async view that does nothing, with and without a sync middleware in front of it.
async def hello_async(request):
    return HttpResponse(b"hello\n")
