import asyncio

import httpx


async def staggered(url, count, gap=0.1):
    """`count` requests, each on a new connection, started `gap` seconds apart; their statuses in order."""

    async def one(delay):
        await asyncio.sleep(delay)
        async with httpx.AsyncClient() as client:
            return (await client.get(url)).status_code

    return await asyncio.gather(*(one(n * gap) for n in range(count)))
