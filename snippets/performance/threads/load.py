import asyncio
import time

import httpx


async def burst(url: str, requests: int) -> tuple[set[str], float]:
    """Send `requests` requests at once; return the threads that served them and the seconds it took."""
    limits = httpx.Limits(max_connections=requests)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        started = time.perf_counter()
        responses = await asyncio.gather(*(client.get(url) for _ in range(requests)))
        elapsed = time.perf_counter() - started
    return {response.json()["thread"] for response in responses}, elapsed
