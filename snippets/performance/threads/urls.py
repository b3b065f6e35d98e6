from django.urls import path

from . import views

urlpatterns = [path("sync/", views.sync_view), path("shared-pool/", views.shared_pool_view)]
