import threading
import time

from django.http import HttpResponse
from django.urls import path

from snippets.guides.sync_async_boundary.probes import InFlight

in_view = InFlight()  # requests inside slow_sync_view


def slow_sync_view(request):
    with in_view:
        time.sleep(0.2)  # blocking work: under ASGI, it must not run on the event loop
    return HttpResponse(threading.current_thread().name)


urlpatterns = [path("slow-sync/", slow_sync_view)]
