from django.urls import path

from . import views

urlpatterns = [
    path("announce/", views.announce),
    path("announce-async/", views.announce_async),
    path("announce-forgetful/", views.announce_forgetful),
    path("announce-wrapped/", views.announce_wrapped),
    path("announce-via-thread/", views.announce_via_thread),
]
