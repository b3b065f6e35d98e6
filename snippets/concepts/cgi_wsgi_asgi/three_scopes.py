"""One ASGI application that handles all three scope types: lifespan, http and websocket."""

from urllib.parse import parse_qs


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        await lifespan(scope, receive, send)
    elif scope["type"] == "http":
        await http(scope, receive, send)
    elif scope["type"] == "websocket":
        await websocket(scope, receive, send)
    else:
        raise ValueError(f"unknown scope type {scope['type']!r}")


async def lifespan(scope, receive, send):
    # One call for the whole life of the server: startup, then (much later) shutdown.
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            scope["state"]["greeting"] = "Hello"  # open pools, load settings, ... here
            print("lifespan: startup")
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            print("lifespan: shutdown")
            await send({"type": "lifespan.shutdown.complete"})
            return


async def http(scope, receive, send):
    # One call per request. The server copies the lifespan state into every request's scope.
    greeting = scope["state"]["greeting"]
    name = parse_qs(scope["query_string"].decode()).get("name", ["world"])[0]
    body = f"{greeting}, {name}!\n".encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body})


async def websocket(scope, receive, send):
    # One call per connection, for as long as the connection stays open.
    while True:
        message = await receive()
        if message["type"] == "websocket.connect":
            await send({"type": "websocket.accept"})
        elif message["type"] == "websocket.receive":
            await send({"type": "websocket.send", "text": f"echo: {message['text']}"})
        elif message["type"] == "websocket.disconnect":
            print(f"websocket: disconnected (code {message['code']})")
            return
