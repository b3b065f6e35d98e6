"""A small async app to test: a view that awaits a price service, and a consumer that reads the database."""

import asyncio

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.http import JsonResponse
from django.urls import path

from snippets.bookshop.models import Book


async def fetch_price(title):
    """Stands for an HTTP call to a price service: slow, and not something a test should depend on."""
    await asyncio.sleep(5)
    raise ConnectionError("the price service is not reachable from tests")


async def price(request, title):
    book = await Book.objects.aget(title=title)
    return JsonResponse({"title": book.title, "price": await fetch_price(book.title)})


async def whoami(request):
    return JsonResponse({"language": request.headers.get("Accept-Language"), "key": request.headers.get("X-Api-Key")})


urlpatterns = [path("price/<str:title>/", price), path("whoami/", whoami)]


class ShelfConsumer(AsyncJsonWebsocketConsumer):
    """Sends the number of books when a client connects."""

    async def connect(self):
        await self.accept()
        await self.send_json({"books": await self.count_books()})

    @database_sync_to_async
    def count_books(self):
        return Book.objects.count()
