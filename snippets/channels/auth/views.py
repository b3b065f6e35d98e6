from django.contrib.auth import authenticate, login
from django.http import HttpResponseForbidden, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .tokens import ticket_for


@csrf_exempt  # a demo login for scripts; a real site uses its login form
def demo_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return HttpResponseForbidden()
    login(request, user)
    return JsonResponse({"logged in": user.username})


def websocket_ticket(request):  # the page's JavaScript asks for a ticket right before it connects
    if not request.user.is_authenticated:
        return HttpResponseForbidden()
    return JsonResponse({"ticket": ticket_for(request.user)})
