from django.urls import path

from baken.signalling import views

app_name = "signalling"

urlpatterns = [
    path("overview/", views.overview_view, name="overview"),
    path("youth/<str:pseudonym>/signal/", views.record_signal_view, name="record"),
    path("youth/<str:pseudonym>/daily-report/", views.daily_report_view, name="daily_report"),
    path("youth/<str:pseudonym>/consult/", views.request_consultation_view, name="consult"),
    path("signal/<int:signal_id>/change/", views.amend_signal_view, name="amend"),
    path("consultation/<int:consultation_id>/", views.consultation_view, name="consultation"),
]
