from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path


async def whoami(request):
    user = await request.auser()
    return HttpResponse(f"{user.username or 'anonymous'}")


async def moved(request):
    return redirect("/me/")


urlpatterns = [path("me/", whoami), path("profile/", moved)]
