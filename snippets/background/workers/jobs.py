import asyncio
import time

import redis.asyncio as aioredis
from celery import shared_task
from django.conf import settings
from django.contrib.auth.models import User

# BROKEN: one async client for the whole worker process. Its connection belongs to the event loop of the
# first task that used it, and asyncio.run() closes that loop when the task returns.
client = aioredis.Redis.from_url(settings.REDIS_URL)


async def count(page):
    return await client.incr(f"visits:{page}")


@shared_task
def count_visit(page):
    return asyncio.run(count(page))


# BROKEN as well: event loops that are never closed. The next task's loop finds the connection of the last one.
loop_client = aioredis.Redis.from_url(settings.REDIS_URL)


async def count_in_loop(page):
    return await loop_client.incr(f"visits:{page}")


@shared_task
def count_visit_new_loop(page):
    return asyncio.new_event_loop().run_until_complete(count_in_loop(page))


# Fixed: the client lives and dies inside the task's own event loop.
async def count_with_own_client(page):
    async with aioredis.Redis.from_url(settings.REDIS_URL) as own_client:
        return await own_client.incr(f"visits:{page}")


@shared_task
def count_visit_fixed(page):
    return asyncio.run(count_with_own_client(page))


@shared_task
def slow_square(n):
    time.sleep(0.5)
    return n * n


@shared_task
def add(a, b):
    return a + b


@shared_task
def greet(user_id):
    return f"hello {User.objects.get(pk=user_id).username}"
