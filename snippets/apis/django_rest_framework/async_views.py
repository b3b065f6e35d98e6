from adrf.views import APIView
from adrf.viewsets import ViewSet
from asgiref.sync import sync_to_async
from django.shortcuts import aget_object_or_404
from rest_framework.response import Response

from snippets.bookshop.models import Book

from snippets.apis.django_rest_framework.serializers import BookSerializer, NewBookSerializer


class BooksLazy(APIView):
    async def get(self, request):
        books = [book async for book in Book.objects.all()]
        return Response(await BookSerializer(books, many=True).adata)  # book.author: a query


class Books(APIView):
    async def get(self, request):
        books = [book async for book in Book.objects.select_related("author")]
        return Response(await BookSerializer(books, many=True).adata)

    async def post(self, request):
        serializer = NewBookSerializer(data=request.data)
        # is_valid() is sync, and checking `author` runs a query: give it a thread.
        if not await sync_to_async(serializer.is_valid)():
            return Response(serializer.errors, status=400)
        await serializer.asave()
        return Response(await serializer.adata, status=201)


def serialize_books():
    """Sync code, run in a thread: lazy foreign keys are allowed there."""
    return BookSerializer(Book.objects.all(), many=True).data


class BooksInThread(APIView):
    async def get(self, request):
        return Response(await sync_to_async(serialize_books)())


class BookViewSet(ViewSet):
    async def list(self, request):
        books = [book async for book in Book.objects.select_related("author")]
        return Response(await BookSerializer(books, many=True).adata)

    async def retrieve(self, request, pk):
        book = await aget_object_or_404(Book.objects.select_related("author"), pk=pk)
        return Response(await BookSerializer(book).adata)
