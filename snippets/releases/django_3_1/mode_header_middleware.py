import asyncio


def mode_header(get_response):
    """Middleware that tells the client whether Django called it in sync or in async mode."""
    if asyncio.iscoroutinefunction(get_response):  # Django passed an async get_response

        async def middleware(request):
            response = await get_response(request)
            response["X-Middleware-Mode"] = "async"
            return response

    else:

        def middleware(request):
            response = get_response(request)
            response["X-Middleware-Mode"] = "sync"
            return response

    return middleware


mode_header.sync_capable = True  # the default
mode_header.async_capable = True  # the default is False
