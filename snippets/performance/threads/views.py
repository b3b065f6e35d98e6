import threading
import time

from asgiref.sync import sync_to_async
from django.http import JsonResponse

lock = threading.Lock()
running = 0  # work() calls running right now, in every thread of this process


def work():
    """0.5 s of blocking work: the thread that did it, and how many calls were running, this one included."""
    global running
    with lock:
        running += 1
    time.sleep(0.5)
    with lock:
        at_once = running
        running -= 1
    return {"thread": threading.current_thread().name, "at_once": at_once}


def sync_view(request):
    # Under ASGI, Django runs a sync view in the request's own thread (thread_sensitive=True).
    return JsonResponse(work())


async def shared_pool_view(request):
    # thread_sensitive=False: the event loop's default executor, shared by every request of the process.
    return JsonResponse(await sync_to_async(work, thread_sensitive=False)())
