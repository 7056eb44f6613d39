from django.urls import path

from baken.meldcode import views

app_name = "meldcode"

urlpatterns = [
    path("", views.overview_view, name="overview"),
    path("settings/", views.policy_view, name="policy"),
    path("youth/<str:pseudonym>/start/", views.start_view, name="start"),
    path(
        "screening/<int:screening_id>/start/",
        views.start_from_screening_view,
        name="from_screening",
    ),
    path("youth/<str:pseudonym>/conference/", views.conference_view, name="conference"),
    path("<int:trajectory_id>/", views.trajectory_view, name="trajectory"),
    path("<int:trajectory_id>/step/", views.record_step_view, name="record_step"),
    path("<int:trajectory_id>/decision/", views.decide_view, name="decide"),
    path("<int:trajectory_id>/review/", views.review_view, name="review"),
    path("<int:trajectory_id>/police/", views.police_report_view, name="police_report"),
    path("<int:trajectory_id>/follow-up/", views.follow_up_view, name="follow_up"),
    path("<int:trajectory_id>/close/", views.close_view, name="close"),
    path(
        "consultation/<int:consultation_id>/conclude/",
        views.conclude_consultation_view,
        name="conclude_consultation",
    ),
    path("report/<int:report_id>/feedback/", views.feedback_view, name="feedback"),
    path("report/<int:report_id>/escalate/", views.escalate_view, name="escalate"),
    path("action/<int:action_id>/done/", views.action_done_view, name="action_done"),
]
