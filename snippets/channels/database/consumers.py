import asyncio

from channels.db import aclose_old_connections, database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer, JsonWebsocketConsumer

from .models import Note


@database_sync_to_async
def all_texts():  # sync ORM code, in the thread Django's sync code runs in
    return list(Note.objects.order_by("pk").values_list("text", flat=True))


class NotesConsumer(AsyncJsonWebsocketConsumer):  # async: the ORM's a-methods, or database_sync_to_async
    async def receive_json(self, content):
        note = await Note.objects.acreate(text=content["text"])
        await self.send_json({"added": note.text, "count": await Note.objects.acount(), "all": await all_texts()})


class SyncNotesConsumer(JsonWebsocketConsumer):  # sync: the ORM as in a view
    def receive_json(self, content):
        note = Note.objects.create(text=content["text"])
        self.send_json({"added": note.text, "count": Note.objects.count()})


class WatchConsumer(AsyncJsonWebsocketConsumer):
    """Pushes the number of notes every 0.2 s, for as long as the socket is open."""

    async def connect(self):
        await self.accept()
        self.watcher = asyncio.create_task(self.watch())

    async def disconnect(self, code):
        self.watcher.cancel()

    async def count(self):
        return await Note.objects.acount()

    async def watch(self):
        try:
            while True:
                await self.send_json({"count": await self.count()})
                await asyncio.sleep(0.2)
        except Exception as error:
            await self.send_json({"error": f"{type(error).__module__}.{type(error).__name__}: {error}".strip()})
            await self.close()


class FreshWatchConsumer(WatchConsumer):
    async def count(self):
        # What Django does before each request, and Channels before each message: drop a connection that is
        # broken or past CONN_MAX_AGE. A loop inside one handler has to do it itself.
        await aclose_old_connections()
        return await Note.objects.acount()
