from django.urls import path

from snippets.guides.async_views import class_views, views

urlpatterns = [
    path("dashboard/", views.dashboard),
    path("dashboard/one-by-one/", views.dashboard_one_by_one),
    path("where/", views.where),
    path("report/", class_views.ReportView.as_view()),
]
