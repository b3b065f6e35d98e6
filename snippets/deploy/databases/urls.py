from django.urls import path

from . import views

urlpatterns = [
    path("users/", views.users),
    path("slow/", views.slow),
    path("gc/", views.collect_garbage),
]
