"""A middleware that does nothing, written the pre-3.1 way: synchronous only. In front of an async view
under ASGI, Django runs it in a thread and the view back on the event loop, on every request."""


class SyncOnlyMiddleware:
    sync_capable = True
    async_capable = False

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
