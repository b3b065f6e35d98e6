import asyncio
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()


async def ticks(scope, receive, send):
    """A WebSocket that sends a tick every 0.1 s until either side closes."""
    assert (await receive())["type"] == "websocket.connect"
    await send({"type": "websocket.accept"})
    sent = 0

    async def send_ticks():
        nonlocal sent
        while True:
            sent += 1
            await send({"type": "websocket.send", "text": str(sent)})
            await asyncio.sleep(0.1)

    sender = asyncio.create_task(send_ticks())
    try:
        message = await receive()  # websocket.disconnect, from the client or from the server's shutdown
        print(f"WebSocket closed after {sent} ticks: {message['type']} {message.get('code')}", flush=True)
    finally:
        sender.cancel()


async def application(scope, receive, send):
    if scope["type"] == "websocket":
        return await ticks(scope, receive, send)
    return await django_application(scope, receive, send)
