import asyncio

import httpx


async def status_by_idle_connections(url, most):
    """GET url over one kept-alive connection while 0, 1, … `most` other connections to the server are open
    and send nothing (as a browser's or a proxy's kept-alive connections do); the status for each count."""
    statuses, idle = {}, []
    async with httpx.AsyncClient() as client:
        for count in range(most + 1):
            statuses[count] = (await client.get(url)).status_code
            idle.append(await asyncio.open_connection(httpx.URL(url).host, httpx.URL(url).port))
            await asyncio.sleep(0.1)  # the server has accepted it
    for _, writer in idle:
        writer.close()
    return statuses
