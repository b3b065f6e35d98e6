"""A middleware factory that supports both kinds of request, from Django's middleware documentation."""

from inspect import iscoroutinefunction

from django.utils.decorators import sync_and_async_middleware

from middleware_probes import record


@sync_and_async_middleware
def simple_middleware(get_response):
    # One-time configuration and initialization goes here.
    if iscoroutinefunction(get_response):

        async def middleware(request):
            record("simple_middleware (async)")
            response = await get_response(request)
            return response

    else:

        def middleware(request):
            record("simple_middleware (sync)")
            response = get_response(request)
            return response

    return middleware
