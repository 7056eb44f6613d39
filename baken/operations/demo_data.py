"""Fictional demo data: the registry, two youth-care institutions with teams, one user per role.

Idempotent: running it again finds what exists and adds only what is missing."""

from dataclasses import dataclass

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from baken.accounts.models import (
    Division,
    Organisation,
    OrganisationKind,
    Region,
    Role,
    RoleGrant,
    Team,
    User,
)

DEMO_PASSWORD = "baken-demo-2026"  # noqa: S105 - fictional demo accounts on a local database


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    organisation: str
    roles: tuple[Role, ...]
    teams: tuple[str, ...] = ()


LINDE = "Jeugdzorg De Linde (fictief)"
HORIZON = "Horizon Jeugdhulp (fictief)"
REGISTRY = "Landelijk registratiecentrum (demo)"

ORGANISATIONS = {
    LINDE: (OrganisationKind.INSTITUTION, "GM0344", ("Woongroep De Boog", "Ambulant Team Oost")),
    HORIZON: (OrganisationKind.INSTITUTION, "GM0599", ("Gesloten Jeugdzorg Zuid",)),
    REGISTRY: (OrganisationKind.REGISTRY, "GM0363", ()),
}

USERS = (
    DemoUser("worker", "Sanne", "de Vries", LINDE, (Role.YOUTH_WORKER,), ("Woongroep De Boog",)),
    DemoUser("officer", "Mehmet", "Yilmaz", LINDE, (Role.DESIGNATED_OFFICER,)),
    DemoUser("scientist", "Eva", "Jansen", LINDE, (Role.BEHAVIOURAL_SCIENTIST,)),
    DemoUser("manager", "Peter", "Bakker", LINDE, (Role.MANAGER,)),
    DemoUser("privacy", "Fatima", "El Amrani", LINDE, (Role.PRIVACY_OFFICER,)),
    DemoUser("admin", "Joost", "Visser", LINDE, (Role.FUNCTIONAL_ADMIN,)),
    DemoUser(
        "worker.b", "Lotte", "Smit", HORIZON, (Role.YOUTH_WORKER,), ("Gesloten Jeugdzorg Zuid",)
    ),
    DemoUser("officer.b", "Daan", "Mulder", HORIZON, (Role.DESIGNATED_OFFICER,)),
    DemoUser("admin.b", "Noor", "Hendriks", HORIZON, (Role.FUNCTIONAL_ADMIN,)),
    DemoUser("analyst", "Iris", "van den Berg", REGISTRY, (Role.REGISTRY_ANALYST,)),
)


def _regions_for_municipality(code: str) -> list[Region]:
    """The municipality plus, from the reference data, its regions in the other divisions."""
    municipality = Region.objects.filter(division=Division.MUNICIPALITY, code=code).first()
    if municipality is None:
        return []
    return [municipality, *municipality.containing_regions.all()]


@transaction.atomic
def load_demo_data() -> list[DemoUser]:
    organisations: dict[str, Organisation] = {}
    for name, (kind, municipality_code, team_names) in ORGANISATIONS.items():
        organisation, created = Organisation.objects.get_or_create(name=name, kind=kind)
        if created:
            regions = _regions_for_municipality(municipality_code)
            organisation.regions.set(r for r in regions if r.division != Division.PROVINCE)
        for team_name in team_names:
            Team.objects.get_or_create(organisation=organisation, name=team_name)
        organisations[name] = organisation

    for spec in USERS:
        user, created = User.objects.get_or_create(
            username=spec.username,
            defaults={
                "first_name": spec.first_name,
                "last_name": spec.last_name,
                "email": f"{spec.username}@demo.baken.invalid",
                "organisation": organisations[spec.organisation],
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.teams.set(Team.objects.filter(name__in=spec.teams))
            RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in spec.roles])
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name="demo authenticator", confirmed=True)
    return list(USERS)
