from django.urls import path

from baken.registration import views

app_name = "registration"

urlpatterns = [
    path("", views.task_list_view, name="tasks"),
    path("settings/", views.policy_view, name="policy"),
    path("task/<int:task_id>/", views.task_view, name="task"),
    path("<int:outbound_id>/resend/", views.resend_view, name="resend"),
    path("proposal/<int:disclosure_id>/", views.proposal_view, name="proposal"),
    path("objection/<str:pseudonym>/", views.objection_view, name="objection"),
    path("count/<int:disclosure_id>/replace/", views.replace_count_view, name="replace_count"),
    path("consent/<int:party_id>/withdraw/", views.withdraw_consent_view, name="withdraw_consent"),
]
