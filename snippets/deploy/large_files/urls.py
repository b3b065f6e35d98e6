from django.urls import path

from . import views

urlpatterns = [
    path("pid/", views.pid),
    path("download/file-response/", views.file_response),
    path("download/async-iterator/", views.async_iterator),
    path("download/x-accel-redirect/", views.x_accel_redirect),
    path("upload/", views.upload),
]
