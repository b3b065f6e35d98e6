import httpx


async def read_events(url, stop_after, last_event_id=None):
    """Read a text/event-stream line by line; hang up after the line `stop_after`."""
    headers = {"Accept": "text/event-stream"}
    if last_event_id is not None:
        headers["Last-Event-ID"] = last_event_id  # what a browser's EventSource sends when it reconnects
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url, headers=headers) as response:
            print(response.status_code, response.headers["content-type"])
            async for line in response.aiter_lines():
                print(line)
                if line == stop_after:
                    break
    # leaving `async with` closes the connection: for the server, the client has gone away
