import asyncio

from django.http import StreamingHttpResponse


async def chunks():
    for number in (1, 2, 3):
        if number > 1:
            await asyncio.sleep(0.3)
        yield f"chunk {number}\n"


async def stream(request):
    return StreamingHttpResponse(chunks(), content_type="text/plain")


async def stream_no_buffering(request):
    response = StreamingHttpResponse(chunks(), content_type="text/plain")
    response["X-Accel-Buffering"] = "no"  # read by nginx, which removes it: the client never sees it
    return response


async def event_stream(heartbeats):
    yield "data: first\n\n"
    for _ in range(4):  # 0.8 s with nothing to send
        await asyncio.sleep(0.2)
        if heartbeats:
            yield ": ping\n\n"  # a comment line: EventSource ignores it, proxies see traffic
    yield "data: second\n\n"


def events(heartbeats):
    async def view(request):
        response = StreamingHttpResponse(event_stream(heartbeats), content_type="text/event-stream")
        response["Cache-Control"] = "no-cache"
        response["X-Accel-Buffering"] = "no"
        return response

    return view


quiet_events = events(heartbeats=False)
events_with_heartbeat = events(heartbeats=True)
