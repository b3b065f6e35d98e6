from django.urls import path

from . import views

urlpatterns = [path("login/", views.demo_login), path("ws-ticket/", views.websocket_ticket)]
