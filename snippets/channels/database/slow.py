import asyncio

from channels.generic.websocket import AsyncJsonWebsocketConsumer


async def slow_lookup(word):
    await asyncio.sleep(0.5)  # a slow API, a slow query
    return word.upper()


class SlowConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content):
        if content["action"] == "lookup":
            await self.send_json({"lookup": await slow_lookup(content["word"])})
        else:
            await self.send_json({"pong": True})


class ConcurrentConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.pending = set()  # the loop keeps only weak references to tasks: keep them here
        await self.accept()

    async def disconnect(self, code):
        for task in self.pending:
            task.cancel()

    async def receive_json(self, content):
        if content["action"] == "lookup":
            task = asyncio.create_task(self.lookup(content["word"]))
            self.pending.add(task)
            task.add_done_callback(self.pending.discard)
        else:
            await self.send_json({"pong": True})

    async def lookup(self, word):
        await self.send_json({"lookup": await slow_lookup(word)})
