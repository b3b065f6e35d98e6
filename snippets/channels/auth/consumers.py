from channels.generic.websocket import AsyncJsonWebsocketConsumer


class WhoAmIConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        if not self.scope["user"].is_authenticated:
            await self.close()  # before accept(): the handshake is refused with HTTP 403
            return
        await self.accept()
        await self.send_json({"user": self.scope["user"].username})
