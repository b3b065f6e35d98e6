import asyncio
import threading

from adrf.views import APIView as AsyncAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

threads_seen = set()


class SyncProbe(APIView):
    """A plain DRF view: sync, so Django runs it in a worker thread."""

    def get(self, request):
        threads_seen.add(threading.current_thread().name)
        return Response({"view": "DRF", "thread": threading.current_thread().name, "threads so far": len(threads_seen)})


class AsyncProbe(AsyncAPIView):
    """An adrf view: async, so it runs on the server's event loop."""

    async def get(self, request):
        await asyncio.sleep(0)
        return Response({"view": "adrf", "thread": threading.current_thread().name})
