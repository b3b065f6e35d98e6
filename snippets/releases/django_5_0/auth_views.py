from asgiref.sync import sync_to_async
from django.contrib.auth import aauthenticate, aget_user, alogin, alogout, aupdate_session_auth_hash
from django.http import HttpResponse
from django.urls import path


async def log_in(request):
    user = await aauthenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return HttpResponse("Invalid credentials.", status=401)
    await alogin(request, user)
    return HttpResponse(f"Logged in as {user.username}.")


async def whoami(request):
    user = await request.auser()  # added to the request by AuthenticationMiddleware
    return HttpResponse(f"{user.username or 'anonymous'}")


async def change_password(request):
    user = await request.auser()  # load (and cache) the user before the password changes
    # Django 5.0-5.2 compare `user` with the sync request.user: load that one too, in a thread.
    await sync_to_async(lambda: request.user.pk)()
    user.set_password(request.POST["new_password"])
    await user.asave()
    await aupdate_session_auth_hash(request, user)  # keep this session logged in
    return HttpResponse("Password changed.")


async def log_out(request):
    user = await aget_user(request)  # reads the session, without the request's cache
    await alogout(request)
    return HttpResponse(f"Logged out {user.username}.")


urlpatterns = [
    path("login/", log_in),
    path("whoami/", whoami),
    path("password/", change_password),
    path("logout/", log_out),
]
