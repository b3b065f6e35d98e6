import logging
import uuid
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

request_id = ContextVar("request_id", default="-")


class RequestIdMiddleware:
    """Async middleware: gives each request an id, in a context variable and a response header."""

    sync_capable = False
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        token = request_id.set(request.headers.get("X-Request-ID") or uuid.uuid4().hex[:8])
        try:
            response = await self.get_response(request)
            response["X-Request-ID"] = request_id.get()
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds record.request_id, so a format string can use %(request_id)s."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True
