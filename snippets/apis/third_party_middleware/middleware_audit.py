"""List how each entry of MIDDLEWARE behaves in front of an async view.

Run it where manage.py is:  DJANGO_SETTINGS_MODULE=mysite.settings python middleware_audit.py
"""

import django
from asgiref.sync import iscoroutinefunction
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.utils.module_loading import import_string

HOOKS = ["process_request", "process_view", "process_template_response", "process_exception", "process_response"]


async def async_view(request):
    """Stands for the rest of an async chain: what the middleware gets as get_response."""


def verdict(path):
    middleware = import_string(path)
    if not getattr(middleware, "async_capable", False):
        return "SYNC-ONLY: Django adapts it, a thread per request"
    try:
        instance = middleware(async_view)
    except MiddlewareNotUsed:
        return "not used (raises MiddlewareNotUsed)"
    except Exception as error:  # a broken __init__ breaks every request: say so
        return f"BROKEN: {type(error).__name__}: {error}"
    if not iscoroutinefunction(instance):
        return "BROKEN: async-capable, but the instance is not a coroutine function"
    sync_hooks = [hook for hook in HOOKS if hasattr(instance, hook) and not iscoroutinefunction(getattr(instance, hook))]
    if sync_hooks:
        return "async, but runs " + ", ".join(sync_hooks) + " in a thread"
    return "async"


if __name__ == "__main__":
    django.setup()
    for path in settings.MIDDLEWARE:
        print(f"{path:55} {verdict(path)}")
