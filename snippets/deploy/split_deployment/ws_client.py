import websockets


async def echo_once(url, text):
    async with websockets.connect(url) as ws:
        await ws.send(text)
        print(await ws.recv())
