"""A checkout view that starts a task and does not keep it: the fire-and-forget pitfall."""

import asyncio

from django.http import HttpResponse
from django.urls import path

events = []


async def send_receipt(order_id):
    events.append(f"receipt {order_id}: started")
    try:
        await asyncio.sleep(0.2)  # stands in for talking to a mail server
    except asyncio.CancelledError:
        events.append(f"receipt {order_id}: cancelled")
        raise
    events.append(f"receipt {order_id}: sent")


async def checkout(request):
    asyncio.create_task(send_receipt(request.GET["order"]))  # nobody keeps the task
    return HttpResponse("thanks for your order")


urlpatterns = [path("checkout/", checkout)]
