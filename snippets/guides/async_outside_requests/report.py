"""A management command that runs async code: the report, three queries at once, then a connection count."""

import asyncio
import threading
import time

import psycopg
from asgiref.sync import async_to_sync, sync_to_async
from django.core.management.base import BaseCommand
from django.db import connection, connections

COUNT = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'mysite-command'"


def open_connections():
    """Ask PostgreSQL, over a connection of our own, how many connections the command holds."""
    with psycopg.connect(autocommit=True) as db:  # a fresh pg_stat_activity snapshot per query
        for _ in range(5):  # a closed connection leaves pg_stat_activity a moment after the client hangs up
            count = db.execute(COUNT).fetchone()[0]
            if count == 0:
                break
            time.sleep(0.05)
        return count


def backend_and_thread():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0], threading.current_thread().name


async def main(stdout, close_in_the_loop):
    stdout.write(f"main() runs in {threading.current_thread().name}")
    results = await asyncio.gather(*(sync_to_async(backend_and_thread)() for _ in range(3)))
    stdout.write(f"3 queries on {len({pid for pid, _ in results})} connection, in {sorted({t for _, t in results})}")
    if close_in_the_loop:
        await sync_to_async(connections.close_all)()  # in the thread that opened it


class Command(BaseCommand):
    help = "Run the report's async code, then count the connections it left open."

    def add_arguments(self, parser):
        parser.add_argument("--runner", choices=["async_to_sync", "asyncio.run"], default="async_to_sync")
        parser.add_argument("--close-in-the-loop", action="store_true")

    def handle(self, *args, runner, close_in_the_loop, **options):
        stdout = self.stdout
        if runner == "async_to_sync":
            async_to_sync(main)(stdout, close_in_the_loop)
        else:
            asyncio.run(main(stdout, close_in_the_loop))
        stdout.write(f"open after main(): {open_connections()}")
        connections.close_all()  # what Django does at the end of a request, here in the command's thread
        stdout.write(f"open after connections.close_all(): {open_connections()}")
