import time

import httpx


async def timed_stream(url):
    """GET url, note when each piece of the body arrives; return the body and how the pieces arrived."""
    arrivals, body = [], b""
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", url) as response:
            async for piece in response.aiter_raw():
                arrivals.append(time.perf_counter())
                body += piece
    spread = arrivals[-1] - arrivals[0]  # 0.6 s if each chunk left the server as soon as it was made
    if spread > 0.4:
        shape = "spaced apart"
    elif spread < 0.15:
        shape = "arrived together"
    else:
        shape = f"unclear ({spread:.2f} s)"
    return body.decode(), shape
