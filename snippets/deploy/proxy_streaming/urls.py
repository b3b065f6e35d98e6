from django.urls import path

from . import views

urlpatterns = [
    path("stream/", views.stream),
    path("live/stream/", views.stream),  # nginx: `location /live/ { proxy_buffering off; }`
    path("stream-no-buffering/", views.stream_no_buffering),
    path("events/quiet/", views.quiet_events),
    path("events/heartbeat/", views.events_with_heartbeat),
]
