from django.urls import path

from baken.retention import views

app_name = "retention"

# Included under youths/, beside the youth's other pages.
urlpatterns = [
    path(
        "<str:pseudonym>/destroy-on-request/",
        views.destroy_on_request_view,
        name="destroy_on_request",
    ),
]
