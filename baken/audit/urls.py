from django.urls import path

from baken.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.log_view, name="log"),
    path("youth/", views.youth_overview_view, name="youth_overview"),
]
