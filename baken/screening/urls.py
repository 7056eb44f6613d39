from django.urls import path

from baken.screening import views

app_name = "screening"

urlpatterns = [
    path("due/", views.due_view, name="due"),
    path("policy/", views.policy_view, name="policy"),
    path("youth/<str:pseudonym>/start/", views.start_view, name="start"),
    path("youth/<str:pseudonym>/history/", views.history_view, name="history"),
    path("youth/<str:pseudonym>/event/", views.event_view, name="event"),
    path("<int:screening_id>/", views.detail_view, name="detail"),
    path("<int:screening_id>/answers/", views.fill_view, name="fill"),
]
