import asyncio
import time

from asgiref.sync import async_to_sync
from django.http import JsonResponse
from django.urls import path

from snippets.guides.async_views.mistakes import render_report


async def awaits(request):
    started = time.perf_counter()
    await asyncio.sleep(0.3)
    return JsonResponse({"elapsed": time.perf_counter() - started})


async def async_view_awaiting(request):
    return await render_report()


def sync_view_converting(request):  # when the view has to stay sync
    return async_to_sync(render_report)()


urlpatterns = [
    path("awaits/", awaits),
    path("async-awaits/", async_view_awaiting),
    path("sync-converts/", sync_view_converting),
]
