import gc
import threading

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpResponse


async def users(request):
    count = await User.objects.acount()
    return HttpResponse(f"users: {count}\n", content_type="text/plain")


def sleep_in_database(seconds):
    """Hold a connection for `seconds` with a query that waits in PostgreSQL; say which backend and thread."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid() FROM pg_sleep(%s)", [seconds])
        backend = cursor.fetchone()[0]
    return f"backend {backend}, thread {threading.current_thread().name}"


async def slow(request):
    return HttpResponse(await sync_to_async(sleep_in_database)(0.3), content_type="text/plain")


def collect_garbage(request):
    """For this experiment only: run Python's cyclic garbage collector in the server process."""
    return HttpResponse(f"unreachable objects: {gc.collect()}\n", content_type="text/plain")
