import time

import httpx


async def timed_stream(url):
    """GET url, note when each piece of the body arrives; return the body and how the pieces arrived."""
    arrivals, body = [], b""
    async with httpx.AsyncClient() as client:
        sent = time.perf_counter()
        async with client.stream("GET", url) as response:
            async for piece in response.aiter_raw():
                arrivals.append(time.perf_counter())
                body += piece
    first_wait = arrivals[0] - sent  # the 0.6 s of making the chunks, if the server held them back
    spread = arrivals[-1] - arrivals[0]  # the same 0.6 s, if each chunk left as soon as it was made
    return body.decode(), "spaced apart" if spread > first_wait else "arrived together"
