import asyncio

from django.http import HttpResponse
from django.urls import path

record = []  # what happened, in order


async def slow_report(request):
    record.append("view starts a 1 s task")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        record.append("view gets CancelledError: cleaning up")
        raise  # let the cancellation finish
    record.append("view finishes")
    return HttpResponse("The report.")


urlpatterns = [path("report/", slow_report)]


def http_scope(path):
    """The scope an ASGI server builds for GET `path` over HTTP/1.1."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


def request_then_disconnect(after):
    """receive(): the (empty) request body, then, `after` seconds later, the client going away."""
    messages = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive():
        if messages:
            return messages.pop(0)
        await asyncio.sleep(after)
        record.append("client disconnects")
        return {"type": "http.disconnect"}

    return receive


async def send(message):
    record.append(f"server gets {message['type']}")
