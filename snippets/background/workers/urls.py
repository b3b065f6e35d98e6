from django.urls import path

from . import views

urlpatterns = [
    path("enqueue/", views.enqueue),
    path("result/<str:result_id>/", views.result),
    path("add-and-wait/", views.add_and_wait),
    path("signup/", views.signup),
    path("contact/", views.contact),
]
