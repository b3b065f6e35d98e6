"""Middleware of each kind, and an async view, that record which thread runs them."""

import asyncio
import threading

from django.http import HttpResponse
from django.utils.deprecation import MiddlewareMixin

seen = []  # (who, thread name), in the order they ran


def record(who):
    seen.append((who, threading.current_thread().name))


class SyncOnly:
    """No flags: Django treats it as sync_capable = True, async_capable = False."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        record("SyncOnly")
        return self.get_response(request)


class Hooks(MiddlewareMixin):
    """The base class of Django's own middleware: sync_capable and async_capable are both True."""

    def process_request(self, request):
        record("Hooks.process_request")

    def process_response(self, request, response):
        record("Hooks.process_response")
        return response


async def async_view(request):
    record("async_view")
    return HttpResponse("ok")


slow_views = {"now": 0, "most": 0}  # slow_async_view calls waiting right now, and the most at once


async def slow_async_view(request):
    record("slow_async_view")
    slow_views["now"] += 1
    slow_views["most"] = max(slow_views["most"], slow_views["now"])
    await asyncio.sleep(0.3)  # waiting for an upstream API, a stream, ...
    slow_views["now"] -= 1
    return HttpResponse("ok")
