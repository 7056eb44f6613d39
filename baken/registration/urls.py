from django.urls import path

from baken.registration import views

app_name = "registration"

urlpatterns = [
    path("", views.task_list_view, name="tasks"),
    path("settings/", views.policy_view, name="policy"),
    path("task/<int:task_id>/", views.task_view, name="task"),
    path("<int:outbound_id>/resend/", views.resend_view, name="resend"),
]
