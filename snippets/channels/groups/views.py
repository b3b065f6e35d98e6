from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.http import HttpResponse

from .news import publish


def announce(request):  # a sync view
    publish(request.GET["text"], sent_via="a sync view")
    return HttpResponse("published\n")


async def announce_async(request):  # an async view awaits it
    await get_channel_layer().group_send(
        "news", {"type": "news.message", "text": request.GET["text"], "sent_via": "an async view"}
    )
    return HttpResponse("published\n")


def announce_forgetful(request):  # BROKEN: calls the coroutine function and drops the coroutine
    get_channel_layer().group_send("news", {"type": "news.message", "text": request.GET["text"], "sent_via": "?"})
    return HttpResponse("published\n")


async def announce_wrapped(request):  # BROKEN: async_to_sync inside the event loop
    async_to_sync(get_channel_layer().group_send)(
        "news", {"type": "news.message", "text": request.GET["text"], "sent_via": "?"}
    )
    return HttpResponse("published\n")


async def announce_via_thread(request):  # sync-only helper, called from async code through a thread
    await sync_to_async(publish)(request.GET["text"], sent_via="a thread of an async view")
    return HttpResponse("published\n")
