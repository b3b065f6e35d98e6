import io

from django.core.handlers.asgi import ASGIRequest


def asgi_request(headers, client="10.0.0.1"):
    """The request object that Django's ASGI handler builds for a GET / that came from `client` (here, the
    reverse proxy's address) with these (name, value) headers."""
    scope = {
        "type": "http", "method": "GET", "path": "/", "query_string": b"", "scheme": "http",
        "client": (client, 40000), "server": ("10.0.0.2", 8000),
        "headers": [(name.lower().encode("latin1"), value.encode("latin1")) for name, value in headers],
    }
    return ASGIRequest(scope, io.BytesIO())
