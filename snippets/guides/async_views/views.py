import asyncio
import threading

from django.http import JsonResponse

requests_seen = []  # (thread, event loop) of each request to `where`, kept alive so ids are never reused


class InFlight:
    """Counts what is inside a `with` block right now, and the most there ever was at once."""

    def __init__(self):
        self.now = self.most = 0

    def __enter__(self):
        self.now += 1
        self.most = max(self.most, self.now)

    def __exit__(self, *exc_info):
        self.now -= 1


dashboards = InFlight()  # requests inside `dashboard`, over every request


async def fetch(source, calls):
    with calls:  # counted while it waits
        await asyncio.sleep(0.3)  # stands in for an HTTP call to another service
    return source


async def dashboard(request):
    """Three slow calls at once: the view takes about as long as one of them."""
    calls = InFlight()
    with dashboards:
        results = await asyncio.gather(fetch("weather", calls), fetch("news", calls), fetch("prices", calls))
    return JsonResponse({"results": results, "calls_at_once": calls.most})


async def dashboard_one_by_one(request):
    """The same three calls, each awaited before the next starts."""
    calls = InFlight()
    results = [await fetch("weather", calls), await fetch("news", calls), await fetch("prices", calls)]
    return JsonResponse({"results": results, "calls_at_once": calls.most})


async def where(request):
    """Which thread and which event loop run this view."""
    requests_seen.append((threading.current_thread(), asyncio.get_running_loop()))
    return JsonResponse({"thread": threading.current_thread().name})
