from django.contrib.auth import aupdate_session_auth_hash
from django.http import HttpResponse
from django.urls import path


async def change_password(request):
    user = await request.auser()  # load (and cache) the user before the password changes
    user.set_password(request.POST["new_password"])
    await user.asave()
    await aupdate_session_auth_hash(request, user)  # compares `user` with `await request.auser()`
    return HttpResponse("Password changed.")


async def whoami(request):
    user = await request.auser()
    return HttpResponse(f"{user.username or 'anonymous'}")


urlpatterns = [path("password/", change_password), path("whoami/", whoami)]
