"""Send one GET request to an ASGI application, the way a server would, and return the response body."""


async def asgi_get(application, url):
    from asgiref.testing import ApplicationCommunicator  # asgiref's stand-in for a server

    path, _, query = url.partition("?")
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    server = ApplicationCommunicator(application, scope)
    await server.send_input({"type": "http.request", "body": b"", "more_body": False})
    start = await server.receive_output()  # {"type": "http.response.start", "status": ..., "headers": ...}
    assert start["status"] == 200, start
    body = await server.receive_output()  # {"type": "http.response.body", "body": ...}
    await server.wait()  # let the application return
    return body["body"].decode()
