import asyncio
import threading

from ninja import NinjaAPI

api = NinjaAPI()


@api.get("/hello")
async def hello(request, name: str = "world"):
    await asyncio.sleep(0.1)  # stands for an awaited HTTP call or cache read
    return {"hello": name, "thread": threading.current_thread().name}
