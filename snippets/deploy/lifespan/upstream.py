"""A stand-in for the HTTP API that mysite's views call."""

import json


async def app(scope, receive, send):
    assert scope["type"] == "http"
    body = json.dumps({"path": scope["path"], "forecast": "sunny"}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})
