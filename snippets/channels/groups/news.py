"""Sending to the group from outside a consumer: every caller below is synchronous code."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def publish(text, sent_via):
    # group_send is a coroutine function: sync code runs it with async_to_sync
    async_to_sync(get_channel_layer().group_send)(
        "news", {"type": "news.message", "text": text, "sent_via": sent_via}
    )
