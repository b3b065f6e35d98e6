import time

import httpx


async def timed_get(url, **headers):
    """GET url; print the status, the headers asked for, and how the pieces of the body arrived."""
    arrivals, body = [], b""
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url, headers=headers) as response:
            async for piece in response.aiter_bytes():  # decompressed, as it comes off the socket
                if piece:
                    arrivals.append(time.perf_counter())
                    body += piece
    spread = arrivals[-1] - arrivals[0]  # 0.6 s if each chunk left nginx as soon as Django made it
    shape = "spaced apart" if spread > 0.4 else "arrived together" if spread < 0.15 else f"unclear ({spread:.2f} s)"
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
