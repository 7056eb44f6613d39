from django.urls import path

from baken.registry import views

app_name = "registry"

urlpatterns = [
    path("upload/", views.upload_view, name="upload"),
]
