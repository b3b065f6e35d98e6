import os

from channels.routing import ProtocolTypeRouter, URLRouter
from django.core.asgi import get_asgi_application
from django.urls import path

from .consumers import EchoConsumer, SlowGoodbyeConsumer

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")

application = ProtocolTypeRouter({
    "http": get_asgi_application(),
    "websocket": URLRouter([
        path("ws/echo/", EchoConsumer.as_asgi()),
        path("ws/goodbye/", SlowGoodbyeConsumer.as_asgi()),
    ]),
})
