"""Django's application, mounted under /django inside a small ASGI app, the whole wrapped in ASGI middleware."""

import os
import time

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()  # first: it sets Django up before anything imports models


class ServerTimingMiddleware:
    """Pure ASGI middleware: adds a Server-Timing header to every HTTP response of the app it wraps."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()

        async def send_with_timing(message):
            if message["type"] == "http.response.start":
                elapsed = (time.perf_counter() - started) * 1000
                message["headers"] = [*message["headers"], (b"server-timing", f"app;dur={elapsed:.1f}".encode())]
            await send(message)

        await self.app(scope, receive, send_with_timing)


async def health(scope, receive, send):
    """A bare ASGI app that answers everything outside /django."""
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok\n"})


def mount(prefix, app, fallback):
    """Send requests under `prefix` to `app`, with the prefix as root_path; everything else to `fallback`."""

    async def router(scope, receive, send):
        if scope["type"] == "http" and (scope["path"] + "/").startswith(prefix + "/"):
            scope = {**scope, "root_path": scope.get("root_path", "") + prefix}  # path stays whole
            return await app(scope, receive, send)
        return await fallback(scope, receive, send)

    return router


application = ServerTimingMiddleware(mount("/django", django_application, fallback=health))
