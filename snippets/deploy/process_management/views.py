import asyncio
import os
import time

from django.db import connection
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse


async def pid(request):
    """Which process answered: under gunicorn, a worker (its parent is the arbiter)."""
    return JsonResponse({"pid": os.getpid(), "parent": os.getppid()})


async def slow(request):
    await asyncio.sleep(0.5)  # waiting without blocking: other requests run meanwhile
    return HttpResponse("slow: done\n")


async def blocks_the_loop(request):
    time.sleep(10)  # a blocking call in an async view: the whole event loop stops
    return HttpResponse("blocked: done\n")


def stuck(request):
    time.sleep(3.5)  # a slow sync view: under ASGI it runs in a thread, the loop goes on
    return HttpResponse("stuck: done\n")


async def ticks():
    sent = 0
    try:
        while True:
            sent += 1
            yield f"data: {sent}\n\n"
            await asyncio.sleep(0.1)
    finally:
        print(f"SSE stream closed after {sent} events", flush=True)


async def events(request):
    response = StreamingHttpResponse(ticks(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    return response


async def health(request):
    """For the load balancer: 200 when this process can serve, 503 when it cannot reach the database."""
    try:
        await asyncio.wait_for(asyncio.to_thread(connection.ensure_connection), timeout=2)
    except Exception as error:
        return JsonResponse({"status": "unavailable", "error": type(error).__name__}, status=503)
    return JsonResponse({"status": "ok"})
