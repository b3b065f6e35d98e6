from django.urls import path

from . import celery_views, views

urlpatterns = [
    path("enqueue/", views.enqueue),
    path("result/<str:result_id>/", views.result),
    path("add-and-wait/", views.add_and_wait),
    path("signup/", views.signup),
    path("contact/", views.contact),
    path("square-blocking/", celery_views.square_blocking),
    path("square/", celery_views.square),
    path("ping/", celery_views.ping),
    path("signup-then-greet/", celery_views.signup_then_greet),
    path("signup-then-greet-on-commit/", celery_views.signup_then_greet_on_commit),
]
