import asyncio
import threading

from django.http import HttpResponse


async def slow_async(request):
    # Awaiting gives the event loop back: other requests run meanwhile.
    await asyncio.sleep(1)
    return HttpResponse(f"async view, thread {threading.current_thread().name}\n")


def plain_sync(request):
    # A sync view under ASGI runs in a worker thread, one request at a time per thread.
    return HttpResponse(f"sync view, thread {threading.current_thread().name}\n")
