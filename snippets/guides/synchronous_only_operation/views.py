from asgiref.sync import sync_to_async
from django.http import HttpResponse
from django.template import engines

PROFILE = engines["django"].from_string("<p>Signed in as {{ user.username }}</p>")


# request.user is a lazy object: reading it loads the session and the user from the database.
async def whoami_broken(request):
    return HttpResponse(request.user.username)


async def whoami(request):
    user = await request.auser()  # the async way to get the user
    return HttpResponse(user.username)


# request.session loads itself from the database on first use.
async def cart_broken(request):
    request.session["cart"] = request.session.get("cart", 0) + 1
    return HttpResponse(request.session["cart"])


async def cart(request):
    count = await request.session.aget("cart", 0) + 1
    await request.session.aset("cart", count)
    return HttpResponse(count)


# The auth context processor puts the lazy request.user into every template as {{ user }}.
async def profile_broken(request):
    return HttpResponse(PROFILE.render({}, request))


async def profile(request):
    user = await request.auser()
    return HttpResponse(PROFILE.render({"user": user}, request))  # the view's value wins


async def profile_in_thread(request):
    html = await sync_to_async(PROFILE.render)({}, request)  # rendering runs in a thread
    return HttpResponse(html)
