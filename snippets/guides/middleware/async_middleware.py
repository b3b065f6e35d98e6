"""An async-only middleware class, written the way Django's middleware documentation shows it (with the
helpers from asgiref.sync, which work on every Python; Django's docs import them from `inspect`, Python 3.12+)."""

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

from middleware_probes import record


class AsyncMiddleware:
    async_capable = True
    sync_capable = False

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(self.get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        record("AsyncMiddleware")
        response = await self.get_response(request)
        # Some logic ...
        return response
