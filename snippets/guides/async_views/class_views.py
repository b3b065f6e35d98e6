import asyncio

from django.http import HttpResponse
from django.views import View


class ReportView(View):
    async def get(self, request):
        await asyncio.sleep(0.3)  # any awaitable: an HTTP call, an async ORM query, ...
        return HttpResponse("report ready")

    async def post(self, request):
        return HttpResponse("report queued", status=202)
