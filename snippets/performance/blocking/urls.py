from django.urls import path

from . import views

urlpatterns = [path("blocking/", views.blocking), path("waiting/", views.waiting)]
