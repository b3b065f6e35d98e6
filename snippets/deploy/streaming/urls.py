from django.urls import path

from . import views

urlpatterns = [
    path("async-stream/", views.async_stream),
    path("sync-stream/", views.sync_stream),
]
