from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.test import AsyncClient


async def signed_in_client(username):
    """An AsyncClient that carries the session cookie of a new user, as a browser would after logging in."""
    user = await sync_to_async(User.objects.create_user)(username, password="correct horse battery staple")
    client = AsyncClient()
    await sync_to_async(client.force_login)(user)
    return client
