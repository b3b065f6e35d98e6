from django.urls import path

from . import views

urlpatterns = [
    path("pid/", views.pid),
    path("slow/", views.slow),
    path("blocks-the-loop/", views.blocks_the_loop),
    path("stuck/", views.stuck),
    path("events/", views.events),
    path("health/", views.health),
]
