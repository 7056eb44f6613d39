"""The shared cast of test users, built through the real models, and a verified log-in helper."""

from dataclasses import dataclass

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.middleware import mark_renewed
from baken.accounts.models import (
    Organisation,
    OrganisationKind,
    Role,
    RoleGrant,
    Team,
    User,
)

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105


@dataclass(frozen=True)
class Cast:
    institution_a: Organisation
    institution_b: Organisation
    registry: Organisation
    team_a1: Team
    team_a2: Team
    team_b1: Team
    worker_a: User
    worker_a2: User
    officer_a: User
    admin_a: User
    worker_b: User
    admin_b: User
    privacy_officer: User
    analyst: User


def make_user(
    username: str, organisation: Organisation, roles: list[Role], teams: list[Team] | None = None
) -> User:
    user = User.objects.create_user(
        username=username,
        password=TEST_PASSWORD,
        email=f"{username}@example.org",
        first_name=username.split("_")[0].title(),
        organisation=organisation,
    )
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=role) for role in roles])
    user.teams.set(teams or [])
    TOTPDevice.objects.create(user=user, name="test authenticator", confirmed=True)
    return user


def make_cast() -> Cast:
    a = Organisation.objects.create(name="Instelling A", kind=OrganisationKind.INSTITUTION)
    b = Organisation.objects.create(name="Instelling B", kind=OrganisationKind.INSTITUTION)
    registry = Organisation.objects.create(
        name="Registratiecentrum", kind=OrganisationKind.REGISTRY
    )
    team_a1 = Team.objects.create(organisation=a, name="Team A1")
    team_a2 = Team.objects.create(organisation=a, name="Team A2")
    team_b1 = Team.objects.create(organisation=b, name="Team B1")
    return Cast(
        institution_a=a,
        institution_b=b,
        registry=registry,
        team_a1=team_a1,
        team_a2=team_a2,
        team_b1=team_b1,
        worker_a=make_user("worker_a", a, [Role.YOUTH_WORKER], [team_a1]),
        worker_a2=make_user("worker_a2", a, [Role.YOUTH_WORKER], [team_a2]),
        officer_a=make_user("officer_a", a, [Role.DESIGNATED_OFFICER]),
        admin_a=make_user("admin_a", a, [Role.FUNCTIONAL_ADMIN]),
        worker_b=make_user("worker_b", b, [Role.YOUTH_WORKER], [team_b1]),
        admin_b=make_user("admin_b", b, [Role.FUNCTIONAL_ADMIN]),
        privacy_officer=make_user("privacy_a", a, [Role.PRIVACY_OFFICER]),
        analyst=make_user("analyst", registry, [Role.REGISTRY_ANALYST]),
    )


def log_in_verified(client: Client, user: User) -> Client:
    """A session that passed both factors, without going through the log-in screens."""
    client.force_login(user)
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    mark_renewed(session)
    session.save()
    return client
