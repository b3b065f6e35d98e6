import asyncio

from django.http import StreamingHttpResponse

MESSAGES = ["build started", "tests passed", "deployed"]  # stands in for a queue, Redis pub/sub, ...
HEARTBEAT = 0.25  # seconds; in production, well under your proxy's read timeout (nginx: 60 s)


async def event_stream(last_id):
    sent = last_id
    try:
        for event_id, text in enumerate(MESSAGES, start=1):
            if event_id <= last_id:
                continue  # the client already has it
            yield f"id: {event_id}\ndata: {text}\n\n"
            sent = event_id
            await asyncio.sleep(0.3)
        while True:  # nothing new: a comment line keeps the connection (and proxies) from timing out
            yield ": ping\n\n"
            await asyncio.sleep(HEARTBEAT)
    except asyncio.CancelledError:
        print(f"client went away after event {sent}: CancelledError", flush=True)
        raise
    finally:
        print(f"stream closed, cleanup done (last event sent: {sent})", flush=True)


async def events(request):
    last_id = int(request.headers.get("Last-Event-ID", 0))  # sent by a reconnecting EventSource
    response = StreamingHttpResponse(event_stream(last_id), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx: do not buffer this response
    return response
