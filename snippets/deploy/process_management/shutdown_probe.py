import asyncio
import os
import signal
import time

import httpx
import websockets

WAIT = 2.0  # seconds we watch after SIGTERM


async def sse_until_end(url):
    try:
        async with httpx.AsyncClient() as client:
            async with client.stream("GET", url) as response:
                async for _ in response.aiter_lines():
                    pass
        return "ended cleanly"
    except httpx.HTTPError as error:
        return f"cut ({type(error).__name__})"


async def ws_until_close(url):
    async with websockets.connect(url) as ws:
        try:
            async for _ in ws:
                pass
        except websockets.ConnectionClosed:
            pass
        return f"closed, code {ws.close_code}"


async def until_refused(host, port):
    while True:
        try:
            _, writer = await asyncio.open_connection(host, port)
            writer.close()
            await asyncio.sleep(0.05)
        except OSError:
            return "stopped"


async def sigterm_with_open_connections(host, port, pid):
    """Open an SSE stream and a WebSocket, send the server SIGTERM, and report for WAIT seconds how each one
    ended, and when the server stopped accepting connections."""
    watched = {
        "SSE stream": asyncio.create_task(sse_until_end(f"http://{host}:{port}/events/")),
        "WebSocket": asyncio.create_task(ws_until_close(f"ws://{host}:{port}/ws/")),
    }
    await asyncio.sleep(0.3)  # both are open and receiving
    os.kill(pid, signal.SIGTERM)
    sent = time.perf_counter()
    watched["listener"] = asyncio.create_task(until_refused(host, port))
    ended = {}
    for task in watched.values():
        task.add_done_callback(lambda _, now=time.perf_counter: ended.setdefault(_, now() - sent))
    await asyncio.wait(watched.values(), timeout=WAIT)
    for name, task in watched.items():
        if task.done():
            print(f"{name + ':':12} {task.result()} after {ended[task]:.1f} s")
        else:
            task.cancel()
            print(f"{name + ':':12} still open after {WAIT:.0f} s")
