from django.urls import path

from . import events, views

urlpatterns = [
    path("async-stream/", views.async_stream),
    path("sync-stream/", views.sync_stream),
    path("events/", events.events),
]
