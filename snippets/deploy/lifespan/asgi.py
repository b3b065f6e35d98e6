"""
ASGI config for mysite, with lifespan events: one shared httpx.AsyncClient per
process, opened before the first request and closed after the last one.
"""

import os

import httpx
from django.conf import settings
from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

django_application = get_asgi_application()


async def startup(state):
    """Once per process, before the server accepts connections."""
    state["api_requests"] = 0

    async def count(request):
        state["api_requests"] += 1

    state["api"] = httpx.AsyncClient(base_url=settings.API_URL, timeout=5, event_hooks={"request": [count]})
    print(f"lifespan: opened the API client for {settings.API_URL}", flush=True)


async def shutdown(state):
    """Once per process, after the server has closed its connections."""
    await state["api"].aclose()
    print(f"lifespan: closed the API client after {state['api_requests']} requests", flush=True)


async def lifespan(scope, receive, send):
    state = scope["state"]  # the server copies this dict into the scope of every request
    message = await receive()
    assert message["type"] == "lifespan.startup"
    try:
        await startup(state)
    except Exception as error:
        await send({"type": "lifespan.startup.failed", "message": repr(error)})
        return
    await send({"type": "lifespan.startup.complete"})

    message = await receive()
    assert message["type"] == "lifespan.shutdown"
    await shutdown(state)
    await send({"type": "lifespan.shutdown.complete"})


async def application(scope, receive, send):
    if scope["type"] == "lifespan":
        await lifespan(scope, receive, send)
    else:
        await django_application(scope, receive, send)
