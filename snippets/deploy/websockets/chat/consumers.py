from channels.generic.websocket import AsyncJsonWebsocketConsumer


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.room = self.scope["url_route"]["kwargs"]["room"]
        self.group = f"chat_{self.room}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        user = self.scope["user"]  # set by AuthMiddlewareStack from the session cookie
        await self.send_json({"joined": self.room, "as": user.username or "anonymous"})

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content):
        # To every consumer in the group, this one included: each runs chat_message()
        await self.channel_layer.group_send(
            self.group, {"type": "chat.message", "name": content["name"], "text": content["text"]}
        )

    async def chat_message(self, event):
        await self.send_json({"from": event["name"], "text": event["text"]})
