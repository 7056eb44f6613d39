from django.urls import path

from baken.insight import views

app_name = "insight"

urlpatterns = [
    path("", views.dashboard_view, name="dashboard"),
    path("export.csv", views.export_view, name="export"),
]
