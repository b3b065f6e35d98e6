from django.http import HttpResponse
from django.urls import path


def home(request):
    return HttpResponse(f"HTTP, served by Django for {request.user}\n", content_type="text/plain")


urlpatterns = [path("", home)]
