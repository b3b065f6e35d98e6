import asyncio
import os
import signal
import time

import httpx
import websockets

WAIT = 2.0  # seconds we watch after SIGTERM


async def sse_until_end(url, receiving):
    try:
        async with httpx.AsyncClient() as client:
            async with client.stream("GET", url) as response:
                async for _ in response.aiter_lines():
                    receiving.set()
        return "ended cleanly"
    except httpx.HTTPError as error:
        return f"cut ({type(error).__name__})"


async def ws_until_close(url, receiving):
    async with websockets.connect(url) as ws:
        try:
            async for _ in ws:
                receiving.set()
        except websockets.ConnectionClosed:
            pass
        return f"closed, code {ws.close_code}"


async def until_refused(base):
    host, port = base.split(":")
    while True:
        try:
            _, writer = await asyncio.open_connection(host, port)
            writer.close()
            await asyncio.sleep(0.05)
        except OSError:
            return "stopped"


def when(seconds, graceful):
    """Whether the server ended a connection at once or held it until its graceful timeout ran out. The time is
    compared with that timeout, not with a fixed time, so that a busy machine gives the same answer."""
    if graceful and seconds >= graceful:
        return f"after the {graceful} s graceful timeout"
    return "at once"


async def sigterm_with_open_connections(base, pid, graceful=None):
    """Open an SSE stream and a WebSocket to the server at `base` (host:port), send process `pid` SIGTERM, and
    report for WAIT seconds (past the graceful timeout, if any) how each one ended, and when the server stopped
    accepting connections."""
    receiving = [asyncio.Event(), asyncio.Event()]
    watched = {
        "SSE stream": asyncio.create_task(sse_until_end(f"http://{base}/events/", receiving[0])),
        "WebSocket": asyncio.create_task(ws_until_close(f"ws://{base}/ws/", receiving[1])),
    }
    for event in receiving:  # both are open and receiving
        await asyncio.wait_for(event.wait(), timeout=10)
    os.kill(pid, signal.SIGTERM)
    sent = time.perf_counter()
    watched["listener"] = asyncio.create_task(until_refused(base))
    ended = {}
    for task in watched.values():
        task.add_done_callback(lambda _, now=time.perf_counter: ended.setdefault(_, now() - sent))
    watch = WAIT + (graceful or 0)
    await asyncio.wait(watched.values(), timeout=watch)
    for name, task in watched.items():
        if task.done():
            print(f"{name + ':':11} {task.result()} {when(ended[task], graceful)}")
        else:
            print(f"{name + ':':11} still open after {watch} s")
            task.cancel()  # the client gives up: this closes its connection
    await asyncio.gather(*watched.values(), return_exceptions=True)
