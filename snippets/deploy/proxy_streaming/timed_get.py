import time

import httpx


async def timed_get(url, **headers):
    """GET url; print the status, the headers asked for, and how the pieces of the body arrived."""
    arrivals, body = [], b""
    async with httpx.AsyncClient() as client:
        sent = time.perf_counter()
        async with client.stream("GET", url, headers=headers) as response:
            async for piece in response.aiter_bytes():  # decompressed, as it comes off the socket
                if piece:
                    arrivals.append(time.perf_counter())
                    body += piece
    first_wait = arrivals[0] - sent  # the 0.6 s of making the chunks, if nginx held them back
    spread = arrivals[-1] - arrivals[0]  # the same 0.6 s, if each chunk left nginx as soon as Django made it
    shape = "spaced apart" if spread > first_wait else "arrived together"
    print(response.status_code, response.headers.get("content-encoding", "identity"), body.count(b"chunk"),
          "chunks", shape)


async def read_events(url):
    """Print each line of an event stream, and how it ended."""
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as response:
            try:
                async for line in response.aiter_lines():
                    if line:
                        print(line)
                print("(stream complete)")
            except httpx.RemoteProtocolError as error:
                print(f"{type(error).__name__}: {error}")
