from django.urls import path
from rest_framework.routers import SimpleRouter

from snippets.apis.django_rest_framework import async_views

router = SimpleRouter()
router.register("viewset/books", async_views.BookViewSet, basename="book")

urlpatterns = [
    path("lazy/books/", async_views.BooksLazy.as_view()),
    path("books/", async_views.Books.as_view()),
    path("thread/books/", async_views.BooksInThread.as_view()),
    *router.urls,
]
