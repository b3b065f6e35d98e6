from django.conf import settings
from django.utils.deprecation import MiddlewareMixin
from django.utils.module_loading import import_string

HOOKS = ("process_request", "process_view", "process_template_response", "process_exception", "process_response")


def audit(middleware_paths):
    """What each middleware costs an async view under ASGI."""
    for path in middleware_paths:
        middleware = import_string(path)
        name = path.rsplit(".", 1)[-1]
        if not getattr(middleware, "async_capable", False):
            verdict = "sync only: the whole chain after it runs through a thread"
        elif issubclass(middleware, MiddlewareMixin):
            hooks = [hook for hook in HOOKS if hasattr(middleware, hook)]
            verdict = f"MiddlewareMixin: a thread hop for each of {', '.join(hooks) or 'no hook'}"
        else:
            verdict = "async: no thread"
        print(f"{name:26} {verdict}")
