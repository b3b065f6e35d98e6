import asyncio
import os
import sys
import threading
import weakref

from django.http import HttpResponse

requests_per_loop = weakref.WeakKeyDictionary()  # event loop -> how many requests it has run


async def whoami(request):
    loop = asyncio.get_running_loop()
    requests_per_loop[loop] = requests_per_loop.get(loop, 0) + 1
    if hasattr(request, "scope"):  # an ASGIRequest: the server called Django's ASGI application
        asgi = request.scope["asgi"]
        interface = f"ASGI {asgi['version']}, spec {asgi.get('spec_version', '(not sent)')}"
    else:  # a WSGIRequest
        interface = f"WSGI, {request.META['SERVER_SOFTWARE']}"
    return HttpResponse(
        f"program: {os.path.basename(sys.argv[0])}\n"
        f"interface: {interface}\n"
        f"thread: {threading.current_thread().name}\n"
        f"event loop: request {requests_per_loop[loop]} on this loop\n",
        content_type="text/plain",
    )
