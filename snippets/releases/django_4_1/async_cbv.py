import asyncio

from django.http import HttpResponse
from django.urls import path
from django.views import View


class AsyncView(View):
    async def get(self, request, *args, **kwargs):
        # Perform view logic using await.
        await asyncio.sleep(0.2)
        return HttpResponse("Hello async world!")

    async def post(self, request, *args, **kwargs):
        return HttpResponse("Created.", status=201)


urlpatterns = [path("hello/", AsyncView.as_view())]
