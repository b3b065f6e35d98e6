from django.urls import path

from . import api

urlpatterns = [
    path("drf/", api.SyncProbe.as_view()),
    path("adrf/", api.AsyncProbe.as_view()),
]
