from adrf.serializers import ModelSerializer

from snippets.bookshop.models import Author, Book


class AuthorSerializer(ModelSerializer):
    class Meta:
        model = Author
        fields = ["id", "name"]


class BookSerializer(ModelSerializer):
    author = AuthorSerializer()  # nested: reads book.author, a foreign key

    class Meta:
        model = Book
        fields = ["id", "title", "year", "author"]


class NewBookSerializer(ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "year", "author"]  # author as a primary key
