import threading

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import JsonResponse

seen = []  # (hook, thread) pairs, in the order they ran


class AsyncHooksMiddleware:
    """Async-only middleware whose three optional hooks are async too."""

    sync_capable = False
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        if iscoroutinefunction(get_response):
            markcoroutinefunction(self)

    async def __call__(self, request):
        seen.append(("__call__", threading.current_thread().name))
        return await self.get_response(request)

    async def process_view(self, request, view_func, view_args, view_kwargs):
        seen.append(("process_view", threading.current_thread().name))
        request.view_name = view_func.__name__
        return None  # go on to the view

    async def process_exception(self, request, exception):
        seen.append(("process_exception", threading.current_thread().name))
        if isinstance(exception, LookupError):
            return JsonResponse({"error": str(exception), "view": request.view_name}, status=404)
        return None  # let Django handle the others

    async def process_template_response(self, request, response):
        seen.append(("process_template_response", threading.current_thread().name))
        response.context_data["view"] = request.view_name
        return response


class SyncHooksMiddleware(AsyncHooksMiddleware):
    """The same middleware with a sync process_view: Django adapts that one hook."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        seen.append(("process_view", threading.current_thread().name))
        request.view_name = view_func.__name__
