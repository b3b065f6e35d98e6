from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt  # a demonstration endpoint: curl sends no CSRF token
async def request_info(request):
    return HttpResponse(
        f"is_secure(): {request.is_secure()}\n"
        f"get_host(): {request.get_host()}\n"
        f"REMOTE_ADDR: {request.META['REMOTE_ADDR']}\n"
        f"body: {len(request.body)} bytes\n",
        content_type="text/plain",
    )
