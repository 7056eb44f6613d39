"""Screening instruments (versioned data), each organisation's policy, screenings and the events
that call for an extra screening."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.accounts.models import Organisation
from baken.cases.models import Youth
from baken.lib.text_limits import note_validators
from baken.signalling.models import Consultation

DEFAULT_INTERVAL_DAYS = 91  # about three months


class Instrument(models.Model):
    """One version of the screening instrument; its questions and bands live in `definition`."""

    version = models.CharField(max_length=20, unique=True)
    published_on = models.DateField()
    definition = models.JSONField()

    class Meta:
        ordering = ["-published_on"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"

    @property
    def name(self) -> str:
        key = "name_en" if get_language() == "en" else "name_nl"
        return str(self.definition.get(key, self.version))

    @property
    def notes(self) -> str:
        key = "notes_en" if get_language() == "en" else "notes_nl"
        return str(self.definition.get(key, ""))

    def sections(self) -> list[dict[str, Any]]:
        return list(self.definition["sections"])

    @property
    def validation_status(self) -> str:
        """ "validated", "practice_list" or "unvalidated"; an instrument that does not say (such as
        Baken's own 2026.1) is unvalidated."""
        return str((self.definition.get("validation") or {}).get("status", "unvalidated"))

    @property
    def validation_note(self) -> str:
        validation = self.definition.get("validation")
        if not validation:  # Baken's own instrument, from before instruments said so themselves
            return str(
                _(
                    "This is Baken's own instrument. Your organisation can load the instrument it "
                    "already uses instead (docs/screening.md)."
                )
            )
        key = "note_en" if get_language() == "en" else "note_nl"
        return str(validation.get(key, ""))


class ScreeningPolicy(models.Model):
    """Which instrument an organisation uses and how often it screens."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="screening_policy"
    )
    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, verbose_name=_("instrument version")
    )
    interval_days = models.PositiveSmallIntegerField(
        _("days between screenings"), default=DEFAULT_INTERVAL_DAYS
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(interval_days__gte=7, interval_days__lte=366),
                name="screening_interval_between_a_week_and_a_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.instrument}"


class EventKind(models.TextChoices):
    MISSING_RETURN = "missing_return", _("Returned after a missing episode")
    SUSPICIOUS_CONTACT = "suspicious_contact", _("New suspicious contact")
    PLACEMENT_CHANGE = "placement_change", _("Change of placement")


class ScreeningEvent(models.Model):
    """Something that happened and calls for an extra screening."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="screening_events")
    kind = models.CharField(_("what happened"), max_length=32, choices=EventKind.choices)
    occurred_on = models.DateField(_("when"))
    note = EncryptedTextField(_("note"), blank=True, null=True, validators=note_validators())
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on"]

    def __str__(self) -> str:
        return f"{self.youth} {self.kind} {self.occurred_on}"


class ScreeningReason(models.TextChoices):
    INTAKE = "intake", _("Intake")
    PERIODIC = "periodic", _("Periodic (every few months)")
    MISSING_RETURN = "missing_return", _("Returned after a missing episode")
    SUSPICIOUS_CONTACT = "suspicious_contact", _("New suspicious contact")
    PLACEMENT_CHANGE = "placement_change", _("Change of placement")
    HIGH_CONCERN = "high_concern", _("A signal of high concern")
    OTHER = "other", _("Other reason")


class ScreeningStatus(models.TextChoices):
    DRAFT = "draft", _("Being filled in")
    AWAITING_NEXT_STEP = "awaiting_next_step", _("Needs a next step")
    CLOSED = "closed", _("Closed")


TRANSITIONS: dict[str, frozenset[str]] = {
    ScreeningStatus.DRAFT: frozenset({ScreeningStatus.AWAITING_NEXT_STEP, ScreeningStatus.CLOSED}),
    ScreeningStatus.AWAITING_NEXT_STEP: frozenset({ScreeningStatus.CLOSED}),
    ScreeningStatus.CLOSED: frozenset(),
}


def check_transition(current: str, new: str) -> None:
    if new not in TRANSITIONS[current]:
        raise ValidationError(
            _("A screening cannot go from %(current)s to %(new)s."),
            params={"current": current, "new": new},
        )


class NextStep(models.TextChoices):
    CONSULTATION = "consultation", _("Ask for consultation")
    MELDCODE = "meldcode", _("Start the meldcode")
    NEITHER = "neither", _("Neither, for a recorded reason")


class Level(models.TextChoices):
    NONE = "none", _("No concern")
    SOME = "some", _("Some concern")
    ELEVATED = "elevated", _("Elevated concern")
    HIGH = "high", _("High concern")
    NOT_ASSESSED = "not_assessed", _("Not assessed (all answers unknown)")


class Screening(models.Model):
    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="screenings")
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=32, choices=ScreeningReason.choices)
    status = models.CharField(
        max_length=32, choices=ScreeningStatus.choices, default=ScreeningStatus.DRAFT
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    answers = models.JSONField(default=dict)
    prefilled = models.JSONField(default=dict)
    # Questions pre-marked "yes" from the youth's case file (risk factors, earlier missing
    # episodes): question code -> what in the file, shown as "from the case file" to confirm.
    prefilled_from_file = models.JSONField(default=dict)
    result = models.JSONField(null=True, blank=True)
    overall = models.CharField(max_length=16, choices=Level.choices, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    next_step = models.CharField(max_length=16, choices=NextStep.choices, blank=True)
    next_step_reason = EncryptedTextField(blank=True, null=True, validators=note_validators())
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            # a youth's last closed screening (the screening schedule)
            models.Index(
                fields=["youth", "-started_at"],
                condition=models.Q(status="closed"),
                name="screening_closed_by_youth",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="closed", overall__in=["elevated", "high"])
                | ~models.Q(next_step=""),
                name="elevated_screening_closes_only_with_a_next_step",
            )
        ]

    def __str__(self) -> str:
        return f"{self.youth} {self.started_at:%Y-%m-%d}"

    @property
    def is_draft(self) -> bool:
        return self.status == ScreeningStatus.DRAFT


class ReminderDigest(models.Model):
    """One e-mail digest sent to one user on one day (so `baken remind` can run twice safely)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    items = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "sent_on"], name="one_digest_per_user_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.sent_on}"
