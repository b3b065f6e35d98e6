from asgiref.sync import sync_to_async
from django.db import transaction

from snippets.bookshop.models import Author, Book, Tag


@transaction.atomic
def publish_series(author_name, titles, first_year, tag_name):
    """Create an author, a tag and a series of tagged books: all of it, or none of it."""
    author = Author.objects.create(name=author_name)
    tag, _ = Tag.objects.get_or_create(name=tag_name)
    for offset, title in enumerate(titles):
        if not title:
            raise ValueError(f"book {offset + 1} of the series has no title")
        book = Book.objects.create(title=title, year=first_year + offset, author=author)
        book.tags.add(tag)
    return author.name


def row_counts():
    return Author.objects.count(), Book.objects.count(), Tag.objects.count()


# Wrapped once, at import time; async code awaits these.
apublish_series = sync_to_async(publish_series)
arow_counts = sync_to_async(row_counts)
