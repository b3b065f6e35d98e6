import asyncio
import threading
import time

from django.http import JsonResponse

requests_seen = []  # (thread, event loop) of each request to `where`, kept alive so ids are never reused


async def fetch(source):
    await asyncio.sleep(0.3)  # stands in for an HTTP call to another service
    return source


async def dashboard(request):
    """Three slow calls at once: the view takes about as long as one of them."""
    started = time.perf_counter()
    results = await asyncio.gather(fetch("weather"), fetch("news"), fetch("prices"))
    return JsonResponse({"results": results, "elapsed": time.perf_counter() - started})


async def dashboard_one_by_one(request):
    """The same three calls, each awaited before the next starts."""
    started = time.perf_counter()
    results = [await fetch("weather"), await fetch("news"), await fetch("prices")]
    return JsonResponse({"results": results, "elapsed": time.perf_counter() - started})


async def where(request):
    """Which thread and which event loop run this view."""
    requests_seen.append((threading.current_thread(), asyncio.get_running_loop()))
    return JsonResponse({"thread": threading.current_thread().name})
