import asyncio
import threading

from django.http import HttpResponse

in_view = 0  # requests inside slow_async right now


async def slow_async(request):
    global in_view
    in_view += 1
    # Awaiting gives the event loop back: other requests run meanwhile.
    await asyncio.sleep(1)
    response = HttpResponse(f"async view, thread {threading.current_thread().name}\n")
    response["In-View"] = str(in_view)  # the requests still in this view as this one leaves it, itself included
    in_view -= 1
    return response


def plain_sync(request):
    # A sync view under ASGI runs in a worker thread, one request at a time per thread.
    return HttpResponse(f"sync view, thread {threading.current_thread().name}\n")
