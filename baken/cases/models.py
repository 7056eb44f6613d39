"""The youth and their case file. Identifying fields are encrypted at rest."""

import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedDateField, EncryptedTextField

from baken.accounts.models import Organisation, Region, Team
from baken.lib.text_limits import note_validators

PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_pseudonym() -> str:
    """A random, stable id for logs and URLs: J-XXXX-XXXX, derived from nothing about the youth."""
    body = "".join(secrets.choice(PSEUDONYM_ALPHABET) for _ in range(8))
    return f"J-{body[:4]}-{body[4:]}"


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other / X")
    UNKNOWN = "unknown", _("Unknown")


class CareForm(models.TextChoices):
    RESIDENTIAL = "residential", _("Residential group")
    SECURE = "secure", _("Secure youth care (gesloten jeugdzorg)")
    FOSTER = "foster", _("Foster care")
    FAMILY_HOME = "family_home", _("Family-style home (gezinshuis)")
    AMBULANT = "ambulant", _("Ambulatory care")
    DAY_TREATMENT = "day_treatment", _("Day treatment")
    SHELTER = "shelter", _("Crisis or protected shelter")
    OTHER = "other", _("Other")


class Bilingual:
    """Reference data carries its own Dutch and English text; show the active language."""

    name_nl: str
    name_en: str

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_nl


class ExploitationForm(Bilingual, models.Model):
    """A form of exploitation. Data, not code: the law names forms (for example bill 36 835,
    implementing Directive (EU) 2024/1712, names forced marriage, exploitation in surrogacy and
    illegal adoption, which art. 273f Sr already covers). The vocabulary every institution app
    shares; loaded with the indicator catalogue (signalling)."""

    code = models.SlugField(unique=True)
    name_nl = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)
    in_law_since = models.DateField(null=True, blank=True)
    note_nl = models.TextField(blank=True)
    note_en = models.TextField(blank=True)

    class Meta:
        ordering = ["order"]
        db_table = "signalling_exploitationform"  # its table from when signalling held it

    def __str__(self) -> str:
        return self.name


class RiskFactor(models.Model):
    """Reference data (loaded by migration from cases/data/risk_factors.json)."""

    code = models.SlugField(unique=True)
    name_nl = models.CharField(max_length=120)
    name_en = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        from django.utils.translation import get_language

        return self.name_en if get_language() == "en" else self.name_nl


class Youth(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="youths")
    pseudonym = models.CharField(
        _("pseudonymous id"), max_length=16, unique=True, default=new_pseudonym, editable=False
    )
    given_names = EncryptedCharField(_("given name(s)"), max_length=200)
    family_name = EncryptedCharField(_("family name"), max_length=200)
    date_of_birth = EncryptedDateField(_("date of birth"), null=True, blank=True)
    sex = EncryptedCharField(_("sex"), max_length=16, choices=Sex.choices, default=Sex.UNKNOWN)
    nationality = EncryptedCharField(_("nationality"), max_length=100, blank=True, null=True)
    country_of_birth = EncryptedCharField(
        _("country of birth"), max_length=100, blank=True, null=True
    )
    municipality = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"division": "municipality"},
        related_name="+",
        verbose_name=_("municipality of residence"),
    )
    care_form = models.CharField(
        _("form of care"), max_length=32, choices=CareForm.choices, default=CareForm.RESIDENTIAL
    )
    teams = models.ManyToManyField(Team, related_name="youths", verbose_name=_("teams"))
    care_start = models.DateField(_("start of care"), default=date.today)
    care_end = models.DateField(_("end of care"), null=True, blank=True)
    risk_factors = models.ManyToManyField(RiskFactor, blank=True, verbose_name=_("risk factors"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["pseudonym"]
        verbose_name = _("youth")
        verbose_name_plural = _("youths")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(care_end__isnull=True)
                | models.Q(care_end__gte=models.F("care_start")),
                name="youth_care_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.pseudonym

    def clean(self) -> None:
        if self.date_of_birth is not None and self.date_of_birth > timezone.localdate():
            raise ValidationError(
                {"date_of_birth": _("The date of birth cannot be in the future.")}
            )

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    def age_on(self, day: date) -> int | None:
        born = self.date_of_birth
        if born is None:
            return None
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    @property
    def age(self) -> int | None:
        return self.age_on(timezone.localdate())

    @property
    def in_care(self) -> bool:
        return self.care_end is None or self.care_end >= timezone.localdate()


class Guardian(models.Model):
    """A parent or guardian, with contact details (encrypted)."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="guardians")
    name = EncryptedCharField(_("name"), max_length=200)
    relationship = models.CharField(_("relationship"), max_length=60, blank=True)
    has_parental_authority = models.BooleanField(_("has parental authority (gezag)"), default=True)
    phone = EncryptedCharField(_("telephone"), max_length=40, blank=True, null=True)
    email = EncryptedCharField(_("e-mail address"), max_length=200, blank=True, null=True)

    class Meta:
        verbose_name = _("legal guardian")
        verbose_name_plural = _("legal guardians")

    def __str__(self) -> str:
        return self.name


class YouthNameDigest(models.Model):
    """The keyed blind index over a youth's names (see name_search.py)."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="name_digests")
    digest = models.CharField(max_length=32, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["youth", "digest"], name="name_digest_once_per_youth")
        ]

    def __str__(self) -> str:
        return self.digest


class EmergencyAccess(models.Model):
    """Break-the-glass: a worker opened a youth outside their team, with a reason."""

    youth = models.ForeignKey(Youth, on_delete=models.CASCADE, related_name="emergency_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("reason"), validators=note_validators())
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True, validators=note_validators(500))

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("emergency access")
        verbose_name_plural = _("emergency accesses")

    def __str__(self) -> str:
        return f"{self.user} → {self.youth}"

    @property
    def is_active(self) -> bool:
        return self.expires_at > timezone.now()

    @staticmethod
    def expiry_from(moment: datetime) -> datetime:
        return moment + timedelta(hours=settings.EMERGENCY_ACCESS_HOURS)
