import time
import uuid
from functools import partial

from asgiref.sync import sync_to_async
from django.contrib.auth.models import User
from django.db import transaction
from django.http import JsonResponse

from .jobs import greet, slow_square


async def square_blocking(request):  # BROKEN: .get() blocks the event loop until the worker answers
    result = slow_square.delay(int(request.GET["n"]))
    return JsonResponse({"square": result.get(timeout=10)})


async def square(request):
    result = await sync_to_async(slow_square.delay)(int(request.GET["n"]))  # a Redis round trip: in a thread
    # Waiting in a thread of its own: the event loop and the other sync_to_async calls go on meanwhile
    value = await sync_to_async(result.get, thread_sensitive=False)(timeout=10)
    return JsonResponse({"square": value})


async def ping(request):
    return JsonResponse({"pong": True})


def signup_then_greet(request):  # BROKEN: the task is queued before the user is committed
    with transaction.atomic():
        user = User.objects.create_user(request.GET["username"])
        result = greet.delay(user.pk)
        time.sleep(0.3)  # the rest of the signup
    return JsonResponse({"task": result.id})


def signup_then_greet_on_commit(request):
    task_id = str(uuid.uuid4())  # the id is known now; the task is queued at the commit
    with transaction.atomic():
        user = User.objects.create_user(request.GET["username"])
        transaction.on_commit(partial(greet.apply_async, (user.pk,), task_id=task_id))
        time.sleep(0.3)
    return JsonResponse({"task": task_id})
