import threading
import time

from asgiref.sync import sync_to_async
from django.http import JsonResponse


def work():
    """0.2 s of blocking work, and the thread that did it."""
    time.sleep(0.2)
    return threading.current_thread().name


def sync_view(request):
    # Under ASGI, Django runs a sync view in the request's own thread (thread_sensitive=True).
    return JsonResponse({"thread": work()})


async def shared_pool_view(request):
    # thread_sensitive=False: the event loop's default executor, shared by every request of the process.
    return JsonResponse({"thread": await sync_to_async(work, thread_sensitive=False)()})
