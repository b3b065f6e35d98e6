from asgiref.sync import sync_to_async
from django.http import JsonResponse

from .jobs import slow_square


async def square_blocking(request):  # BROKEN: .get() blocks the event loop until the worker answers
    result = slow_square.delay(int(request.GET["n"]))
    return JsonResponse({"square": result.get(timeout=10)})


async def square(request):
    result = await sync_to_async(slow_square.delay)(int(request.GET["n"]))  # a Redis round trip: in a thread
    # Waiting in a thread of its own: the event loop and the other sync_to_async calls go on meanwhile
    value = await sync_to_async(result.get, thread_sensitive=False)(timeout=10)
    return JsonResponse({"square": value})


async def ping(request):
    return JsonResponse({"pong": True})
