import asyncio

from django.http import StreamingHttpResponse
from django.urls import path

events = []  # what the view and the server did, in order


async def countdown():
    for n in (3, 2, 1):
        events.append(f"view yields {n}")
        yield f"{n}\n"
        await asyncio.sleep(0.1)
    events.append("view yields liftoff")
    yield "liftoff\n"


async def stream(request):
    return StreamingHttpResponse(countdown(), content_type="text/plain")


urlpatterns = [path("stream/", stream)]
