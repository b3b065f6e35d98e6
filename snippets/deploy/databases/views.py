from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.db import connection
from django.http import HttpResponse


async def users(request):
    count = await User.objects.acount()
    return HttpResponse(f"users: {count}\n", content_type="text/plain")


def sleep_in_database(seconds):
    """Hold a connection for `seconds` with a query that waits in PostgreSQL; return the backend's PID."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid() FROM pg_sleep(%s)", [seconds])
        return cursor.fetchone()[0]


async def slow(request):
    backend = await sync_to_async(sleep_in_database)(0.3)
    return HttpResponse(f"backend {backend}\n", content_type="text/plain")
