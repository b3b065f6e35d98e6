import asyncio

from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth.models import User  # a model: importing it needs Django set up


class EchoConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        await self.send(text_data=f"echo: {text_data}")


class SlowGoodbyeConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        await self.accept()

    async def disconnect(self, code):
        await asyncio.sleep(3)  # cleanup that talks to a slow service
        print("goodbye saved", flush=True)
