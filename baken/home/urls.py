from django.urls import path

from baken.home import views

app_name = "home"

# Included under youths/ after cases.urls, so cases' own paths (new/, emergency-access/) win.
urlpatterns = [
    path("signal/<int:signal_id>/next-steps/", views.next_steps_view, name="next_steps"),
    path("<str:pseudonym>/", views.youth_view, name="youth"),
    path("<str:pseudonym>/print/", views.youth_print_view, name="youth_print"),
]
