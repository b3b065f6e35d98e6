import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()  # sets Django up: models can be imported after this line

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402 (and keep import sorters off this file)
from django.urls import path  # noqa: E402

from .consumers import EchoConsumer, SlowGoodbyeConsumer  # noqa: E402

application = ProtocolTypeRouter({
    "http": django_application,
    "websocket": URLRouter([
        path("ws/echo/", EchoConsumer.as_asgi()),
        path("ws/goodbye/", SlowGoodbyeConsumer.as_asgi()),
    ]),
})
