import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from .consumers import WhoAmIConsumer
from .middleware import TicketAuthMiddleware

application = ProtocolTypeRouter({
    "http": django_application,
    "websocket": AllowedHostsOriginValidator(URLRouter([
        path("ws/ticket/me/", TicketAuthMiddleware(WhoAmIConsumer.as_asgi())),  # ?ticket=...
        path("ws/session/me/", AuthMiddlewareStack(WhoAmIConsumer.as_asgi())),  # the session cookie
    ])),
})
