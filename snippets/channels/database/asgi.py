import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter
from django.urls import path

from notes import consumers, slow

# A deployment also wraps the router in AllowedHostsOriginValidator (see the WebSockets page)
application = ProtocolTypeRouter({
    "http": django_application,
    "websocket": URLRouter([
        path("ws/notes/", consumers.NotesConsumer.as_asgi()),
        path("ws/sync-notes/", consumers.SyncNotesConsumer.as_asgi()),
        path("ws/watch/", consumers.WatchConsumer.as_asgi()),
        path("ws/fresh-watch/", consumers.FreshWatchConsumer.as_asgi()),
        path("ws/slow/", slow.SlowConsumer.as_asgi()),
        path("ws/concurrent/", slow.ConcurrentConsumer.as_asgi()),
    ]),
})
