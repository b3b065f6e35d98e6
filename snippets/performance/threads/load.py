import asyncio

import httpx


async def burst(url: str, requests: int) -> tuple[set[str], int]:
    """Send `requests` requests at once; return the threads that served them and the most calls running at once."""
    limits = httpx.Limits(max_connections=requests)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        responses = await asyncio.gather(*(client.get(url) for _ in range(requests)))
    answers = [response.json() for response in responses]
    return {answer["thread"] for answer in answers}, max(answer["at_once"] for answer in answers)
