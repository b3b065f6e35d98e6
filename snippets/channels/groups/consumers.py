import os

from channels.generic.websocket import AsyncJsonWebsocketConsumer

NODE = os.environ.get("NODE", "?")  # which server process this is: A or B


class NewsConsumer(AsyncJsonWebsocketConsumer):
    group = "news"

    async def connect(self):
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content):
        # Through Redis to every member of the group, in whichever process its socket lives
        await self.channel_layer.group_send(
            self.group, {"type": "news.message", "text": content["text"], "sent_via": NODE}
        )

    async def news_message(self, event):
        await self.send_json({"text": event["text"], "sent_via": event["sent_via"], "delivered_by": NODE})
