"""Actions on people and teams, and logging in and out. Each writes its audit entry in the same
transaction."""

from collections.abc import Iterable

from axes.utils import reset as reset_lockout
from django.contrib.auth import login, logout
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.models import RoleGrant, Team, User, allowed_roles_for
from baken.audit.models import AuditEvent, AuditOutcome
from baken.audit.services import log_access

RECOVERY_CODE_COUNT = 10


def _check_same_organisation(*, admin: User, teams: Iterable[Team], roles: Iterable[str]) -> None:
    if admin.organisation is None:
        raise ValidationError(_("You do not belong to an organisation."))
    if any(team.organisation_id != admin.organisation_id for team in teams):
        raise ValidationError(_("A team must belong to your own organisation."))
    allowed = allowed_roles_for(admin.organisation.kind)
    if any(role not in allowed for role in roles):
        raise ValidationError(_("That role does not exist at an organisation of this kind."))


def invite_link(*, request: HttpRequest, user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accounts:set_password", kwargs={"uidb64": uid, "token": token})
    return request.build_absolute_uri(path)


@transaction.atomic
def invite_user(
    *,
    admin: User,
    request: HttpRequest,
    username: str,
    first_name: str,
    last_name: str,
    email: str,
    roles: list[str],
    teams: list[Team],
) -> User:
    """Create a user in the admin's organisation and e-mail them a link to choose a password.

    They enrol their second factor at their first log-in."""
    _check_same_organisation(admin=admin, teams=teams, roles=roles)
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        organisation=admin.organisation,
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    user.teams.set(teams)
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in roles])
    log_access(
        event=AuditEvent.CREATE,
        user=admin,
        request=request,
        object_type="user",
        object_id=user.pk,
        detail=f"invited {username} with roles {', '.join(sorted(roles))}",
    )
    link = invite_link(request=request, user=user)
    transaction.on_commit(
        lambda: send_mail(
            subject=_("Your Baken account"),
            message=_(
                "%(admin)s created a Baken account for you (user name: %(username)s).\n"
                "Choose your password here: %(link)s\n"
                "At your first log-in you set up two-factor authentication with an app on "
                "your phone."
            )
            % {
                "admin": admin.get_full_name() or admin.username,
                "username": username,
                "link": link,
            },
            from_email=None,
            recipient_list=[email],
        )
    )
    return user


@transaction.atomic
def change_user_access(
    *, admin: User, request: HttpRequest, user: User, roles: list[str], teams: list[Team]
) -> User:
    _check_same_organisation(admin=admin, teams=teams, roles=roles)
    if user == admin and "functional_admin" not in roles:
        raise ValidationError(_("You cannot take away your own administrator role."))
    user.teams.set(teams)
    RoleGrant.objects.filter(user=user).exclude(role__in=roles).delete()
    existing = set(RoleGrant.objects.filter(user=user).values_list("role", flat=True))
    RoleGrant.objects.bulk_create(
        [RoleGrant(user=user, role=role) for role in roles if role not in existing]
    )
    log_access(
        event=AuditEvent.UPDATE,
        user=admin,
        request=request,
        object_type="user",
        object_id=user.pk,
        detail=f"roles {', '.join(sorted(roles))}; teams {', '.join(t.name for t in teams)}",
    )
    return user


@transaction.atomic
def set_user_active(*, admin: User, request: HttpRequest, user: User, active: bool) -> User:
    if user == admin and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    user.is_active = active
    user.save(update_fields=["is_active"])
    log_access(
        event=AuditEvent.UPDATE,
        user=admin,
        request=request,
        object_type="user",
        object_id=user.pk,
        detail="activated" if active else "deactivated",
    )
    return user


@transaction.atomic
def reset_two_factor(*, admin: User, request: HttpRequest, user: User) -> User:
    """Remove the user's authenticator and recovery codes; they enrol again at next log-in."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    log_access(
        event=AuditEvent.UPDATE,
        user=admin,
        request=request,
        object_type="user",
        object_id=user.pk,
        detail="two-factor authentication reset",
    )
    return user


@transaction.atomic
def unlock_user(*, admin: User, request: HttpRequest, user: User) -> User:
    reset_lockout(username=user.username)
    log_access(
        event=AuditEvent.UPDATE,
        user=admin,
        request=request,
        object_type="user",
        object_id=user.pk,
        detail="lock-out lifted",
    )
    return user


@transaction.atomic
def create_team(*, admin: User, request: HttpRequest, name: str) -> Team:
    team = Team(organisation=admin.organisation, name=name)
    team.full_clean()
    team.save()
    log_access(
        event=AuditEvent.CREATE, user=admin, request=request, object_type="team", object_id=team.pk
    )
    return team


def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator a user is setting up (made once, reused on reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


@transaction.atomic
def confirm_totp_enrolment(*, user: User, device: TOTPDevice, request: HttpRequest) -> list[str]:
    """Confirm the authenticator and issue fresh recovery codes, which are returned once."""
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
    log_access(
        event=AuditEvent.CREATE,
        user=user,
        request=request,
        object_type="second_factor",
        object_id=device.pk,
        detail="authenticator enrolled, recovery codes issued",
    )
    return codes


def has_confirmed_totp(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# Logging in and out. The session work is Django's and django-otp's; these add the audit entry in
# the same transaction.


def record_failed_log_in(*, request: HttpRequest, username: str, locked: bool) -> None:
    log_access(
        event=AuditEvent.LOGIN_FAILED,
        user=None,
        username=username,
        request=request,
        outcome=AuditOutcome.DENIED if locked else AuditOutcome.FAILED,
        detail="account locked" if locked else "wrong user name or password",
    )


def record_failed_second_factor(*, request: HttpRequest, user: User) -> None:
    log_access(
        event=AuditEvent.LOGIN_FAILED,
        user=user,
        request=request,
        outcome=AuditOutcome.FAILED,
        detail="wrong second-factor code",
    )


@transaction.atomic
def log_in(*, request: HttpRequest, user: User, device: Device, backend: str | None) -> None:
    """Both factors passed: start the session."""
    login(request, user, backend=backend)
    otp_login(request, device)
    log_access(event=AuditEvent.LOGIN, user=user, request=request)


@transaction.atomic
def log_out(*, request: HttpRequest, user: User | None) -> None:
    if user is not None:
        log_access(event=AuditEvent.LOGOUT, user=user, request=request)
    logout(request)


@transaction.atomic
def change_password(*, request: HttpRequest, user: User, new_password: str) -> None:
    """One's own password (checked by the form); every session of the user ends."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    log_access(event=AuditEvent.UPDATE, user=user, request=request, object_type="password")
    logout(request)
