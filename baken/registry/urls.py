from django.urls import path

from baken.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.overview_view, name="overview"),
    path("upload/", views.upload_view, name="upload"),
    path("review/", views.review_list_view, name="review"),
    path("review/<int:pair_id>/", views.review_pair_view, name="review_pair"),
]
