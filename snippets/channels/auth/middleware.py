from urllib.parse import parse_qs

from channels.middleware import BaseMiddleware

from .tokens import user_for


class TicketAuthMiddleware(BaseMiddleware):
    """Sets scope["user"] from `?ticket=...`: browsers cannot set an Authorization header on a WebSocket."""

    async def __call__(self, scope, receive, send):
        ticket = parse_qs(scope["query_string"].decode()).get("ticket", [""])[0]
        scope = dict(scope, user=await user_for(ticket))  # a copy: the scope is shared with outer middleware
        return await super().__call__(scope, receive, send)
