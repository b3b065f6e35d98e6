import asyncio
import time

from django.http import JsonResponse
from django.urls import path


async def forgot_await(request):
    started = time.perf_counter()
    asyncio.sleep(0.3)  # no await: nothing waits
    return JsonResponse({"elapsed": time.perf_counter() - started})


async def render_report():
    await asyncio.sleep(0.1)
    return JsonResponse({"report": "ready"})


def sync_view_calling_async(request):  # a plain def view
    return render_report()  # returns a coroutine, not a response


urlpatterns = [
    path("forgot-await/", forgot_await),
    path("sync-calls-async/", sync_view_calling_async),
]
