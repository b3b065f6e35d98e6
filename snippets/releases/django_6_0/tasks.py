"""Two tasks for the Django 6.0 page: an async one that queries the ORM, and a plain function."""

from django.tasks import task

from snippets.bookshop.models import Book


@task
async def count_books(author_name):
    return await Book.objects.filter(author__name=author_name).acount()


@task(priority=10)
def shout(text):
    return text.upper() + "!"
