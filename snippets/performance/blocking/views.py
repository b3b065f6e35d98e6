import asyncio
import time

from django.http import HttpResponse


async def blocking(request):
    time.sleep(0.5)  # blocks the event loop: every other request on this worker waits
    return HttpResponse("slept\n")


async def waiting(request):
    await asyncio.sleep(0.5)  # lets the event loop serve other requests meanwhile
    return HttpResponse("waited\n")
