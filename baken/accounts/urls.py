from django.urls import path

from baken.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/code/", views.second_factor_view, name="second_factor"),
    path("login/set-up/", views.enrol_view, name="enrol"),
    path("logout/", views.logout_view, name="logout"),
    path("password/", views.password_change_view, name="password_change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.password_reset_done_view, name="password_reset_done"),
    path("password/set/<uidb64>/<token>/", views.SetPasswordView.as_view(), name="set_password"),
    path("password/set/done/", views.set_password_done_view, name="set_password_done"),
    path("users/", views.user_list_view, name="user_list"),
    path("users/invite/", views.user_invite_view, name="user_invite"),
    path("users/<int:user_id>/", views.user_edit_view, name="user_edit"),
    path("users/<int:user_id>/<slug:action>/", views.user_action_view, name="user_action"),
    path("teams/", views.team_list_view, name="team_list"),
]
