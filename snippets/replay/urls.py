from django.urls import path

from . import views

urlpatterns = [
    path("async/", views.slow_async),
    path("sync/", views.plain_sync),
]
