from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers


@require_GET
@cache_control(max_age=60)
@vary_on_headers("Accept-Language")
async def greeting(request):
    return HttpResponse("Hello.")


urlpatterns = [path("greeting/", greeting)]
