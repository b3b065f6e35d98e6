from django.core.management.base import BaseCommand

from mysite.news import publish


class Command(BaseCommand):
    help = "Send a message to every client in the news group."

    def add_arguments(self, parser):
        parser.add_argument("text")

    def handle(self, *args, text, **options):
        publish(text, sent_via="manage.py announce")
        self.stdout.write("published")
