from django.urls import path

from . import views

urlpatterns = [
    path("io/sync/", views.io_sync),
    path("io/async/", views.io_async),
    path("io/async-client-per-request/", views.io_async_client_per_request),
    path("io/async-blocking/", views.io_async_blocking),
    path("orm/sync/", views.orm_sync),
    path("orm/async/", views.orm_async),
    path("cpu/sync/", views.cpu_sync),
    path("cpu/async/", views.cpu_async),
    path("hello/async/", views.hello_async),
]
