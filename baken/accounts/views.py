"""Log-in with a second factor, one's own account, and the functional administrator's screens."""

import time

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import match_token
from django_otp.models import Device

from baken.accounts import demo, services
from baken.accounts.access import (
    acting_user,
    get_user_for_admin,
    role_required,
    teams_managed_by,
    users_managed_by,
)
from baken.accounts.forms import InviteForm, LoginForm, TeamForm, TokenForm, UserAccessForm
from baken.accounts.middleware import mark_renewed
from baken.accounts.models import Role, User
from baken.lib.pagination import paginate

PENDING_SECONDS = 300


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return ""


def _pending_user(request: HttpRequest) -> User | None:
    """The user who gave a correct password in this session and now owes a second factor."""
    user_id = request.session.get("pending_user_id")
    started = request.session.get("pending_at", 0)
    if user_id is None or time.time() - started > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def login_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            request.session.cycle_key()
            request.session["pending_user_id"] = user.pk
            request.session["pending_backend"] = user.backend
            request.session["pending_at"] = time.time()
            request.session["pending_next"] = _safe_next(request)
            if services.has_confirmed_totp(user):
                return redirect("accounts:second_factor")
            return redirect("accounts:enrol")
        services.record_failed_log_in(
            request=request,
            username=request.POST.get("username", ""),
            locked=getattr(request, "axes_locked_out", False),
        )
    context = {"form": form, "next": _safe_next(request), "demo_sign_ins": demo.demo_sign_ins()}
    if context["demo_sign_ins"]:
        context["demo_password"] = demo.DEMO_PASSWORD
    return render(request, "accounts/login.html", context)


def _complete_login(request: HttpRequest, user: User, device: Device) -> HttpResponse:
    backend = request.session.get("pending_backend")
    target = request.session.get("pending_next") or ""
    services.log_in(request=request, user=user, device=device, backend=backend)
    mark_renewed(request.session)
    return redirect(target or "home")


def second_factor_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Please log in again."))
        return redirect("accounts:login")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"])
        if device is not None:
            return _complete_login(request, user, device)
        services.record_failed_second_factor(request=request, user=user)
        form.add_error("token", _("That code is not correct or has expired. Try the next one."))
    context = {"form": form, "demo_code": demo.current_demo_code(user), "pending_user": user}
    return render(request, "accounts/second_factor.html", context)


def enrol_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        messages.info(request, _("Please log in again."))
        return redirect("accounts:login")
    if services.has_confirmed_totp(user):
        return redirect("accounts:second_factor")
    device = services.start_totp_enrolment(user=user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = services.confirm_totp_enrolment(user=user, device=device, request=request)
            response = _complete_login(request, user, device)
            return render(
                request,
                "accounts/recovery_codes.html",
                {"codes": codes, "continue_url": response["Location"]},
            )
        form.add_error("token", _("That code is not correct. Check the time on your phone."))
    import qrcode.image.svg  # with Pillow: loaded by the few who enrol, not by every worker

    qr_svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    context = {
        "form": form,
        "qr_svg": qr_svg.to_string(encoding="unicode"),
        "secret": _base32_secret(device.bin_key),
    }
    return render(request, "accounts/enrol.html", context)


def _base32_secret(key: bytes) -> str:
    from base64 import b32encode

    secret = b32encode(key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    user = acting_user(request) if request.user.is_authenticated else None
    services.log_out(request=request, user=user)
    messages.success(request, _("You have been logged out."))
    return redirect("accounts:login")


@login_required
def password_change_view(request: HttpRequest) -> HttpResponse:
    form = PasswordChangeForm(acting_user(request), request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.change_password(
            request=request, user=form.user, new_password=form.cleaned_data["new_password1"]
        )
        messages.success(
            request,
            _("Your password was changed. All your sessions have ended; please log in again."),
        )
        return redirect("accounts:login")
    return render(request, "accounts/password_change.html", {"form": form})


class SetPasswordView(auth_views.PasswordResetConfirmView):
    """Choosing a password from an invitation or a reset link (Django's token check)."""

    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:set_password_done")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


def set_password_done_view(request: HttpRequest) -> HttpResponse:
    messages.success(request, _("Your password has been set. You can log in now."))
    return redirect("accounts:login")


def password_reset_done_view(request: HttpRequest) -> HttpResponse:
    messages.info(
        request,
        _("If an account exists for that address, we sent a link to choose a new password."),
    )
    return redirect("accounts:login")


# Functional administrator: users and teams of their own organisation.


@role_required(Role.FUNCTIONAL_ADMIN, kind=None)
def user_list_view(request: HttpRequest) -> HttpResponse:
    admin = acting_user(request)
    users = paginate(
        request,
        users_managed_by(admin).prefetch_related("role_grants", "teams").order_by("username"),
    )
    return render(request, "accounts/user_list.html", {"users": users, "page": users})


@role_required(Role.FUNCTIONAL_ADMIN, kind=None)
def user_invite_view(request: HttpRequest) -> HttpResponse:
    admin = acting_user(request)
    form = InviteForm(request.POST or None, admin=admin)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invite_user(
                admin=admin,
                request=request,
                username=form.cleaned_data["username"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                email=form.cleaned_data["email"],
                roles=form.cleaned_data["roles"],
                teams=list(form.cleaned_data["teams"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(name)s has been invited by e-mail.") % {"name": user.username}
            )
            return redirect("accounts:user_list")
    return render(request, "accounts/user_invite.html", {"form": form})


@role_required(Role.FUNCTIONAL_ADMIN, kind=None)
def user_edit_view(request: HttpRequest, user_id: int) -> HttpResponse:
    admin = acting_user(request)
    user = get_user_for_admin(admin, user_id, request=request)
    initial = {"roles": list(user.role_set), "teams": list(user.teams.all())}
    form = UserAccessForm(request.POST or None, admin=admin, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_user_access(
                admin=admin,
                request=request,
                user=user,
                roles=form.cleaned_data["roles"],
                teams=list(form.cleaned_data["teams"]),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("accounts:user_list")
    return render(request, "accounts/user_edit.html", {"form": form, "managed": user})


@role_required(Role.FUNCTIONAL_ADMIN, kind=None)
@require_POST
def user_action_view(request: HttpRequest, user_id: int, action: str) -> HttpResponse:
    admin = acting_user(request)
    user = get_user_for_admin(admin, user_id, request=request)
    try:
        if action == "deactivate":
            services.set_user_active(admin=admin, request=request, user=user, active=False)
            messages.success(request, _("%(name)s has been deactivated.") % {"name": user})
        elif action == "activate":
            services.set_user_active(admin=admin, request=request, user=user, active=True)
            messages.success(request, _("%(name)s has been activated.") % {"name": user})
        elif action == "reset-2fa":
            services.reset_two_factor(admin=admin, request=request, user=user)
            messages.success(
                request,
                _("%(name)s sets up two-factor authentication again at the next log-in.")
                % {"name": user},
            )
        elif action == "unlock":
            services.unlock_user(admin=admin, request=request, user=user)
            messages.success(request, _("%(name)s can log in again.") % {"name": user})
        else:
            return HttpResponse(status=404)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("accounts:user_edit", user_id=user.pk)


@role_required(Role.FUNCTIONAL_ADMIN, kind=None)
def team_list_view(request: HttpRequest) -> HttpResponse:
    admin = acting_user(request)
    form = TeamForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_team(admin=admin, request=request, name=form.cleaned_data["name"])
        except ValidationError:
            form.add_error("name", _("Your organisation already has a team with this name."))
        else:
            messages.success(request, _("The team has been added."))
            return redirect("accounts:team_list")
    teams = paginate(
        request, teams_managed_by(admin).annotate(member_count=Count("members")).order_by("name")
    )
    return render(request, "accounts/team_list.html", {"teams": teams, "page": teams, "form": form})
