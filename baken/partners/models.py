"""Chain partners (ketenpartners) and the reviewed guidance on what may be shared with them."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from baken.accounts.models import Division, Organisation, Region
from baken.lib.text_limits import note_validators


class PartnerKind(models.TextChoices):
    CARE_COORDINATOR = "care_coordinator", _("Zorgcoördinator mensenhandel")
    VEILIG_THUIS = "veilig_thuis", _("Veilig Thuis")
    POLICE = "police", _("Police")
    VEILIGHEIDSHUIS = "veiligheidshuis", _("Veiligheidshuis")
    MUNICIPALITY = "municipality", _("Municipality")
    YOUTH_CARE = "youth_care", _("Specialised youth care")
    SHELTER = "shelter", _("Shelter")
    REGISTRY = "registry", _("Registry (national registration centre)")


# Which division a partner of each kind serves; None: national or per municipality.
KIND_DIVISION: dict[str, str | None] = {
    PartnerKind.CARE_COORDINATOR: Division.SHELTER,
    PartnerKind.VEILIG_THUIS: Division.VEILIG_THUIS,
    PartnerKind.POLICE: Division.POLICE_UNIT,
    PartnerKind.VEILIGHEIDSHUIS: Division.SAFETY_REGION,
    PartnerKind.MUNICIPALITY: Division.MUNICIPALITY,
    PartnerKind.YOUTH_CARE: Division.YOUTH_CARE,
    PartnerKind.SHELTER: Division.SHELTER,
    PartnerKind.REGISTRY: None,
}


class Partner(models.Model):
    """A partner organisation or desk. `region` empty means it serves the whole country.

    `owner` is the institution that keeps this entry (its functional administrator edits it);
    entries without owner are shared reference entries for every institution."""

    kind = models.CharField(_("kind"), max_length=32, choices=PartnerKind.choices)
    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partners",
        verbose_name=_("region served"),
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    working_agreements = models.TextField(
        _("working agreements"), blank=True, validators=note_validators()
    )
    owner = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True, related_name="partners"
    )
    is_demo = models.BooleanField(_("fictional demo entry"), default=False)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("chain partner")
        verbose_name_plural = _("chain partners")

    def __str__(self) -> str:
        return self.name


class Purpose(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation")
    REPORT = "report", _("Report")
    REGISTRATION = "registration", _("Registration")
    CARE_COORDINATION = "care_coordination", _("Care coordination")


class SharingGuidance(models.Model):
    """Reviewed reference data: for a partner kind and purpose, whether consent is needed, on what
    legal ground one may share, and what to record (partners/data/sharing_guidance.json)."""

    kind = models.CharField(max_length=32, choices=PartnerKind.choices)
    purpose = models.CharField(max_length=32, choices=Purpose.choices)
    consent_needed = models.CharField(max_length=16)  # "no", "yes", "depends"
    legal_ground_nl = models.TextField()
    legal_ground_en = models.TextField()
    record_nl = models.TextField()
    record_en = models.TextField()
    # Where the legal ground comes from: [{"title": ..., "url": ...}, ...]
    sources = models.JSONField(default=list, blank=True)
    reviewed_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "purpose"], name="one_guidance_per_kind_purpose"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind}/{self.purpose}"

    @property
    def legal_ground(self) -> str:
        return self.legal_ground_en if get_language() == "en" else self.legal_ground_nl

    @property
    def what_to_record(self) -> str:
        return self.record_en if get_language() == "en" else self.record_nl
