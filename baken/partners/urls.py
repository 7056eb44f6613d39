from django.urls import path

from baken.partners import views

app_name = "partners"

urlpatterns = [
    path("", views.directory_view, name="directory"),
    path("sharing/", views.guidance_view, name="guidance"),
    path("new/", views.partner_edit_view, name="create"),
    path("<int:partner_id>/edit/", views.partner_edit_view, name="edit"),
    path("youth/<str:pseudonym>/", views.youth_contacts_view, name="youth"),
]
