"""Organisations, their regions per division, teams, users and roles."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Division(models.TextChoices):
    """The regional divisions of the Netherlands. They do not line up (DOMAIN.md §5)."""

    MUNICIPALITY = "municipality", _("Municipality")
    PROVINCE = "province", _("Province")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis region")
    POLICE_UNIT = "police_unit", _("Police unit")
    SAFETY_REGION = "safety_region", _("Safety region")
    GGD = "ggd", _("GGD region")
    YOUTH_CARE = "youth_care", _("Youth-care region")
    SHELTER = "shelter", _("Shelter region (centrumgemeente vrouwenopvang)")


class Region(models.Model):
    """One region of one division, with its official code (CBS codes where they exist)."""

    division = models.CharField(_("division"), max_length=32, choices=Division.choices)
    code = models.CharField(_("code"), max_length=16)
    name = models.CharField(_("name"), max_length=120)
    containing_regions = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="contained_regions",
        verbose_name=_("lies in"),
        help_text=_("For a municipality: its region in each other division."),
    )

    class Meta:
        ordering = ["division", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "code"], name="region_code_unique_per_division"
            )
        ]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_division_display()})"


class OrganisationKind(models.TextChoices):
    INSTITUTION = "institution", _("Youth-care institution")
    REGISTRY = "registry", _("Registry")
    CHAIN_PARTNER = "chain_partner", _("Other chain partner")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    regions = models.ManyToManyField(Region, blank=True, verbose_name=_("regions"))
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_institution(self) -> bool:
        return self.kind == OrganisationKind.INSTITUTION

    def region_for(self, division: Division) -> Region | None:
        return next((r for r in self.regions.all() if r.division == division), None)


def check_one_region_per_division(regions: Iterable[Region]) -> None:
    """An organisation lies in at most one region of each division."""
    seen: set[str] = set()
    for region in regions:
        if region.division in seen:
            raise ValidationError(
                _("Choose at most one region for %(division)s."),
                params={"division": region.get_division_display()},
            )
        seen.add(region.division)


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="team_name_unique_per_org"
            )
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    DESIGNATED_OFFICER = "designated_officer", _("Designated officer (aandachtfunctionaris)")
    BEHAVIOURAL_SCIENTIST = "behavioural_scientist", _("Behavioural scientist")
    MANAGER = "manager", _("Manager")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    FUNCTIONAL_ADMIN = "functional_admin", _("Functional administrator")
    REGISTRY_ANALYST = "registry_analyst", _("Registry analyst")


INSTITUTION_ROLES = frozenset(
    {
        Role.YOUTH_WORKER,
        Role.DESIGNATED_OFFICER,
        Role.BEHAVIOURAL_SCIENTIST,
        Role.MANAGER,
        Role.PRIVACY_OFFICER,
        Role.FUNCTIONAL_ADMIN,
    }
)
REGISTRY_ROLES = frozenset({Role.REGISTRY_ANALYST, Role.PRIVACY_OFFICER, Role.FUNCTIONAL_ADMIN})


def allowed_roles_for(kind: str) -> frozenset[Role]:
    """Which roles make sense at an organisation of this kind."""
    if kind == OrganisationKind.REGISTRY:
        return REGISTRY_ROLES
    if kind == OrganisationKind.INSTITUTION:
        return INSTITUTION_ROLES
    return frozenset({Role.FUNCTIONAL_ADMIN, Role.PRIVACY_OFFICER})


class User(AbstractUser):
    """A person who logs in. Belongs to one organisation; has one or more roles there."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    teams = models.ManyToManyField(
        Team, blank=True, related_name="members", verbose_name=_("teams")
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The person's name as colleagues know it; the log-in name only when no name is set."""
        return self.get_full_name() or self.username

    @property
    def name_with_roles(self) -> str:
        """ "Sanne de Vries (Youth worker)": for lists where people are chosen or shown."""
        roles = ", ".join(self.role_labels())
        return f"{self.display_name} ({roles})" if roles else self.display_name

    @property
    def role_set(self) -> frozenset[str]:
        cached: frozenset[str] | None = getattr(self, "_role_set", None)
        if cached is None:
            prefetched = getattr(self, "_prefetched_objects_cache", {}).get("role_grants")
            if prefetched is not None:
                cached = frozenset(grant.role for grant in prefetched)
            else:
                cached = frozenset(self.role_grants.values_list("role", flat=True))
            self._role_set = cached
        return cached

    def has_role(self, *roles: str) -> bool:
        return bool(self.role_set.intersection(roles))

    def role_labels(self) -> list[str]:
        return [str(label) for value, label in Role.choices if value in self.role_set]


def role_labels_for(codes: str) -> str:
    """The labels of roles stored as comma-separated codes (as the audit log keeps them)."""
    labels = dict(Role.choices)
    return ", ".join(
        str(labels.get(code.strip(), code.strip())) for code in codes.split(",") if code.strip()
    )


class RoleGrant(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_once_per_user")]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()}"
