from debug_toolbar.toolbar import debug_toolbar_urls
from django.http import HttpResponse
from django.urls import path


def home(request):
    return HttpResponse("<html><body><h1>Books</h1></body></html>")


urlpatterns = [path("", home), *debug_toolbar_urls()]
