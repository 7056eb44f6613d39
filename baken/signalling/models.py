"""The indicator catalogue (versioned reference data) and what workers record against it."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.cases.models import ExploitationForm, Youth
from baken.lib.text_limits import note_validators

EDIT_WINDOW = timedelta(hours=24)


class IndicatorCatalogue(models.Model):
    version = models.CharField(max_length=20, unique=True)
    published_on = models.DateField()
    is_current = models.BooleanField(default=False)
    guidance_nl = models.TextField(blank=True)
    guidance_en = models.TextField(blank=True)

    class Meta:
        ordering = ["-published_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_catalogue",
            )
        ]

    def __str__(self) -> str:
        return self.version

    @property
    def guidance(self) -> str:
        return self.guidance_en if get_language() == "en" else self.guidance_nl


class IndicatorKind(models.TextChoices):
    SIGNAL = "signal", _("Signal")
    GENERAL = "general", _("General signal")
    RISK_FACTOR = "risk_factor", _("Risk factor")


class Indicator(models.Model):
    catalogue = models.ForeignKey(
        IndicatorCatalogue, on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.SlugField()
    kind = models.CharField(max_length=16, choices=IndicatorKind.choices)
    forms = models.ManyToManyField(ExploitationForm, blank=True, related_name="indicators")
    text_nl = models.CharField(max_length=200)
    text_en = models.CharField(max_length=200)
    example_nl = models.CharField(max_length=300)
    example_en = models.CharField(max_length=300)
    keywords = models.CharField(
        max_length=300,
        blank=True,
        help_text="Words (Dutch and English) that suggest this indicator.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="indicator_code_per_version")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.text_en if get_language() == "en" else self.text_nl

    @property
    def example(self) -> str:
        return self.example_en if get_language() == "en" else self.example_nl


class SignalContext(models.TextChoices):
    INTAKE = "intake", _("Intake")
    LIVING_GROUP = "living_group", _("Living group")
    SCHOOL = "school", _("School or work")
    LEAVE = "leave", _("Leave or home visit")
    THERAPY = "therapy", _("Therapy or conversation")
    ONLINE = "online", _("Online or phone")
    OUTSIDE = "outside", _("Outside, in the neighbourhood")
    OTHER = "other", _("Other")


class SignalSource(models.TextChoices):
    SEEN = "seen", _("Seen or heard myself")
    YOUTH_TOLD = "youth_told", _("The youth told me")
    THIRD_PARTY = "third_party", _("A third party told me")
    ONLINE = "online", _("Online (social media, messages)")


class Concern(models.TextChoices):
    LOW = "low", _("Low: noting it")
    MEDIUM = "medium", _("Medium: keep an eye on it")
    HIGH = "high", _("High: act now")


class Signal(models.Model):
    """One observation in the signal log. Never edited after 24 hours: corrections are new
    entries that refer to the original."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="signals")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    observed_on = models.DateField(_("observed on"))
    context = models.CharField(_("context"), max_length=16, choices=SignalContext.choices)
    source = models.CharField(_("source"), max_length=16, choices=SignalSource.choices)
    concern = models.CharField(_("level of concern"), max_length=8, choices=Concern.choices)
    indicators = models.ManyToManyField(
        Indicator, blank=True, related_name="signals", verbose_name=_("indicators")
    )
    note = EncryptedTextField(
        _("what you noticed"), blank=True, null=True, validators=note_validators()
    )
    is_gut_feeling = models.BooleanField(_("niet-pluis feeling"), default=False)
    corrects = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections"
    )
    daily_report = models.ForeignKey(
        "DailyReport", on_delete=models.PROTECT, null=True, blank=True, related_name="signals"
    )

    class Meta:
        ordering = ["-observed_on", "-recorded_at"]
        verbose_name = _("signal")
        verbose_name_plural = _("signals")

    def __str__(self) -> str:
        return f"{self.youth} {self.observed_on}"

    @property
    def editable_until(self) -> datetime:
        return self.recorded_at + EDIT_WINDOW

    def is_editable(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) < self.editable_until


class DailyReport(models.Model):
    """A daily report (dagrapportage) with its safety section."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="daily_reports")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    report_date = models.DateField(_("date"))
    text = EncryptedTextField(_("report"), validators=note_validators())
    safety_note = EncryptedTextField(
        _("safety"), blank=True, null=True, validators=note_validators()
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-report_date", "-created_at"]
        verbose_name = _("daily report")
        verbose_name_plural = _("daily reports")

    def __str__(self) -> str:
        return f"{self.youth} {self.report_date}"


class NextStep(models.TextChoices):
    MONITOR = "monitor", _("Keep monitoring")
    SCREEN = "screen", _("Do a risk screening")
    MELDCODE = "meldcode", _("Start the meldcode")
    NO_CONCERN = "no_concern", _("No concern")


class Consultation(models.Model):
    """A request to the designated officer or behavioural scientist, and its conclusion."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="consultations")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    addressed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="consultations_addressed",
        verbose_name=_("ask"),
    )
    question = EncryptedTextField(_("question"), validators=note_validators())
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("participants")
    )
    external_participants = models.CharField(
        _("other participants (name, organisation)"), max_length=300, blank=True
    )
    conclusion = EncryptedTextField(
        _("conclusion"), blank=True, null=True, validators=note_validators()
    )
    next_step = models.CharField(
        _("next step"), max_length=16, choices=NextStep.choices, blank=True
    )
    suspicion_confirmed = models.BooleanField(
        _("the designated officer confirms the suspicion of trafficking"), default=False
    )
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    concluded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(concluded_at__isnull=True) | ~models.Q(next_step=""),
                name="concluded_consultation_has_next_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.requested_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.concluded_at is None
