import asyncio
from functools import partial

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import transaction
from django.http import JsonResponse

from .tasks import add, send_welcome


async def enqueue(request):
    result = await add.aenqueue(int(request.GET["a"]), int(request.GET["b"]))
    return JsonResponse({"id": result.id, "status": result.status})


async def result(request, result_id):
    result = await add.aget_result(result_id)
    data = {"status": result.status}
    if result.is_finished:
        data["return_value"] = result.return_value
    return JsonResponse(data)


async def add_and_wait(request):
    result = await add.aenqueue(int(request.GET["a"]), int(request.GET["b"]))
    for _ in range(100):  # at most 10 s
        if result.is_finished:
            break
        await asyncio.sleep(0.1)  # the event loop serves other requests meanwhile
        await result.arefresh()
    return JsonResponse({"status": result.status, "return_value": result.return_value})


def signup(request):  # sync: the ORM and the transaction
    with transaction.atomic():
        user = User.objects.create_user(request.GET["username"], email=request.GET["email"])
        # Enqueued only if the transaction commits, and only once it has
        transaction.on_commit(partial(send_welcome.enqueue, user.email))
    return JsonResponse({"created": user.username})


async def contact(request):  # send_mail is blocking I/O: in a thread, off the event loop
    await sync_to_async(send_mail)("Contact form", request.GET["text"], None, ["team@example.com"])
    return JsonResponse({"sent": True})
