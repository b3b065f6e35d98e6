from ninja import ModelSchema

from snippets.bookshop.models import Book


class BookOut(ModelSchema):
    class Meta:
        model = Book
        fields = ["id", "title", "year", "tags"]  # tags: a many-to-many field
