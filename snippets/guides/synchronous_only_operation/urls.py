from django.urls import path

from snippets.guides.synchronous_only_operation import views

urlpatterns = [
    path("whoami-broken/", views.whoami_broken),
    path("whoami/", views.whoami),
    path("cart-broken/", views.cart_broken),
    path("cart/", views.cart),
    path("profile-broken/", views.profile_broken),
    path("profile/", views.profile),
    path("profile-in-thread/", views.profile_in_thread),
]
