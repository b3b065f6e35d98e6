"""Background work for a shop: one plain task, one async task (Django's Tasks framework)."""

import asyncio
import threading
import time

from django.tasks import task


@task
def send_receipt(order_id):
    time.sleep(0.2)  # stands in for talking to a mail server
    return {"order": order_id, "receipt": "sent", "thread": threading.current_thread().name}


@task
async def notify_warehouse(order_id):
    await asyncio.sleep(0.2)  # stands in for an HTTP call to the warehouse
    return {"order": order_id, "warehouse": "notified", "thread": threading.current_thread().name}
