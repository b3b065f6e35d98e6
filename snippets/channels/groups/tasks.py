from celery import shared_task

from .news import publish


@shared_task
def announce(text):
    publish(text, sent_via="a Celery task")
