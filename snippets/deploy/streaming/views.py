import asyncio
import time

from django.http import StreamingHttpResponse


async def async_chunks():
    for number in (1, 2, 3):
        if number > 1:
            await asyncio.sleep(0.3)  # waiting for the next piece of data, without blocking anything
        yield f"chunk {number}\n"


def sync_chunks():
    for number in (1, 2, 3):
        if number > 1:
            time.sleep(0.3)  # the same wait, in blocking code
        yield f"chunk {number}\n"


async def async_stream(request):
    return StreamingHttpResponse(async_chunks(), content_type="text/plain")


def sync_stream(request):
    return StreamingHttpResponse(sync_chunks(), content_type="text/plain")
