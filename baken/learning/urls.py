from django.urls import path

from baken.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.module_list_view, name="list"),
    path("self-assessment/", views.history_view, name="history"),
    path("policy/", views.policy_view, name="policy"),
    path("attempt/<int:attempt_id>/", views.attempt_view, name="attempt"),
    path("<slug:slug>/", views.module_view, name="module"),
    path("<slug:slug>/before/", views.before_view, name="before"),
]
