from django.http import JsonResponse


def whoami(request):
    """What Django believes about the request: who sent it, over which scheme, to which host."""
    return JsonResponse({
        "REMOTE_ADDR": request.META["REMOTE_ADDR"],
        "X-Forwarded-For": request.headers.get("X-Forwarded-For"),
        "scheme": request.scheme,
        "is_secure": request.is_secure(),
        "host": request.get_host(),
    })
