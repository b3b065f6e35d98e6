import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()  # first: it sets Django up


async def echo(scope, receive, send):
    """One WebSocket connection, from the handshake to the disconnect."""
    while True:
        event = await receive()
        if event["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif event["type"] == "websocket.receive":
            await send({"type": "websocket.send", "text": f"echo: {event['text']}"})
        elif event["type"] == "websocket.disconnect":
            return


async def application(scope, receive, send):
    if scope["type"] == "websocket":
        if scope["path"] == "/ws/echo/":
            return await echo(scope, receive, send)
        await receive()  # websocket.connect
        return await send({"type": "websocket.close"})  # closing before accepting: the server answers 403
    return await django_application(scope, receive, send)  # http (and lifespan, which Django refuses)
