from django.urls import path

from baken.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.youth_list_view, name="list"),
    path("new/", views.youth_create_view, name="create"),
    path(
        "access-overview/",
        views.access_overview_search_view,
        name="access_overview_search",
    ),
    path("emergency-access/", views.emergency_review_list_view, name="emergency_review_list"),
    path(
        "emergency-access/<int:access_id>/review/",
        views.emergency_review_view,
        name="emergency_review",
    ),
    path("<str:pseudonym>/edit/", views.youth_edit_view, name="edit"),
    path("<str:pseudonym>/guardians/new/", views.guardian_add_view, name="guardian_add"),
    path("<str:pseudonym>/break-the-glass/", views.break_the_glass_view, name="break_the_glass"),
]
