import asyncio
import contextvars
import threading

user_local = threading.local()  # what a WSGI-era middleware often uses for "the current user"
user_var = contextvars.ContextVar("user")  # what asyncio keeps per task


async def request(name: str, seen: dict) -> None:
    user_local.name = name
    user_var.set(name)
    await asyncio.sleep(0.01)  # another request runs here, on the same thread
    seen[name] = (user_local.name, user_var.get())


async def two_concurrent_requests() -> dict:
    seen: dict = {}
    await asyncio.gather(asyncio.create_task(request("alice", seen)), asyncio.create_task(request("bob", seen)))
    return seen
