from asgiref.sync import iscoroutinefunction, markcoroutinefunction


def shout(chunk):
    return chunk.upper()


class ShoutMiddleware:
    """Rewrites every chunk of a streaming response, keeping it sync or async as it was."""

    sync_capable = False
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        response = await self.get_response(request)
        if response.streaming:
            if response.is_async:

                async def wrap(content):
                    async for chunk in content:
                        yield shout(chunk)

            else:

                def wrap(content):
                    for chunk in content:
                        yield shout(chunk)

            response.streaming_content = wrap(response.streaming_content)
        return response


class SyncOnlyWrapMiddleware(ShoutMiddleware):
    """The mistake: a sync generator around whatever the response streams."""

    async def __call__(self, request):
        response = await self.get_response(request)
        if response.streaming:

            def wrap(content):
                for chunk in content:
                    yield shout(chunk)

            response.streaming_content = wrap(response.streaming_content)
        return response
