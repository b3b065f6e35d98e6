"""Short-lived WebSocket tickets: a signed user id, valid for 60 seconds."""

from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser, User
from django.core import signing

SALT = "websocket-ticket"


def ticket_for(user):
    return signing.dumps({"user": user.pk}, salt=SALT)


@database_sync_to_async
def user_for(ticket):
    try:
        data = signing.loads(ticket, salt=SALT, max_age=60)
    except signing.BadSignature:  # a forged, mangled or expired ticket
        return AnonymousUser()
    return User.objects.filter(pk=data["user"]).first() or AnonymousUser()
