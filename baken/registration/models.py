"""Registrations on their way from the institution to the registry (the outbox)."""

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedTextField

from baken.accounts.models import Organisation
from baken.cases.models import Youth
from baken.lib.encrypted_json import EncryptedJSONTextField


class Registrar(models.TextChoices):
    DESIGNATED_OFFICER = "designated_officer", _("Designated officer")
    BEHAVIOURAL_SCIENTIST = "behavioural_scientist", _("Behavioural scientist")
    YOUTH_WORKER = "youth_worker", _("Youth worker of the youth's team")


class RegistrationPolicy(models.Model):
    """Per organisation: who registers and by when, consent ages, and (set by the privacy officer)
    whether a pseudonymised statistical registration may follow an objection."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="registration_policy"
    )
    registrar = models.CharField(
        _("who registers"),
        max_length=32,
        choices=Registrar.choices,
        default=Registrar.DESIGNATED_OFFICER,
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        _("working days to decide and register"), default=10
    )
    consent_both_from = models.PositiveSmallIntegerField(
        _("from this age the youth consents too"), default=12
    )
    consent_youth_alone_from = models.PositiveSmallIntegerField(
        _("from this age the youth consents alone"), default=16
    )
    statistical_after_objection = models.BooleanField(
        _("allow the pseudonymised statistical registration after an objection"), default=False
    )

    def __str__(self) -> str:
        return f"{self.organisation}: registration policy"


class Trigger(models.TextChoices):
    CONSULTATION = "consultation", _("Consultation conclusion")
    SCREENING = "screening", _("Elevated or high screening")
    MELDCODE = "meldcode", _("Meldcode decision")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("To decide")
    REGISTERED = "registered", _("Registered")
    NOT_REGISTERED = "not_registered", _("Not registered, with a reason")


class NotRegisteredReason(models.TextChoices):
    NOT_CONFIRMED = "not_confirmed", _("The suspicion was not confirmed")
    SMUGGLING = "smuggling", _("It concerns smuggling, not trafficking")
    ALREADY_REGISTERED = "already_registered", _("Already registered by another organisation")
    OBJECTION = "objection", _("The youth or parents object, and there is no other lawful basis")
    HARM = "harm", _("Registering would harm the youth")
    OTHER = "other", _("Other reason")


class RegistrationTask(models.Model):
    """Once a suspicion is confirmed, the question whether to register stays on the registrar's
    list until a registration is submitted or a reason not to is recorded."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="registration_tasks")
    trigger = models.CharField(max_length=16, choices=Trigger.choices)
    trigger_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField(_("decide by"))
    status = models.CharField(max_length=16, choices=TaskStatus.choices, default=TaskStatus.OPEN)
    reason_not_kind = models.CharField(
        _("kind of reason"), max_length=24, choices=NotRegisteredReason.choices, blank=True
    )
    reason_not = EncryptedTextField(_("why not"), blank=True, null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on"]

    def __str__(self) -> str:
        return f"{self.youth} registration task"

    def is_overdue(self, today: date | None = None) -> bool:
        return self.status == TaskStatus.OPEN and (today or timezone.localdate()) > self.due_on


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    DELIVERED = "delivered", _("Delivered")
    NEEDS_CORRECTION = "needs_correction", _("Needs correction")


class OutboundRegistration(models.Model):
    """One registration and its delivery state. Written in the same transaction as the decision to
    register, so nothing is lost when the registry or the network is down; sent by
    `baken send_registrations` with an idempotency key, so nothing is registered twice."""

    youth = models.ForeignKey(Youth, on_delete=models.PROTECT, related_name="registrations")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    dossier_type = models.CharField(max_length=16)
    payload: Any = (
        EncryptedJSONTextField()
    )  # the request body; may hold contact details (with consent)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    registry_reference = models.CharField(max_length=20, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    # The institution's record of consent and lawful basis (also shown in the youth's file).
    task = models.ForeignKey(
        RegistrationTask, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    age_at_time = models.PositiveSmallIntegerField(null=True, blank=True)
    consent = models.CharField(max_length=16, blank=True)  # given / refused / not_asked
    consent_from = models.JSONField(default=list)  # who had to consent: youth, guardian
    not_asked_reason = models.CharField(max_length=32, blank=True)
    lawful_basis = models.CharField(max_length=32, blank=True)
    justification = EncryptedTextField(blank=True, null=True)
    objection = models.BooleanField(default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.youth} {self.get_status_display()}"


class ProblemKind(models.TextChoices):
    AUTHENTICATION = "authentication", _("The registry refuses this institution's token")
    REDIRECT = "redirect", _("The registry address redirects elsewhere")
    ADDRESS = "address", _("No intake API at the registry address")


class DeliveryProblem(models.Model):
    """A configuration problem that stops every delivery (a rotated or revoked token, a wrong
    registry address). The registrations stay queued; while the problem is open (no
    `resolved_at`) the functional administrators see it on their home page, and they get one
    e-mail when it starts. The first delivery that gets through resolves it."""

    kind = models.CharField(max_length=20, choices=ProblemKind.choices)
    detail = models.CharField(max_length=300)  # the HTTP status, and where a redirect points
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_seen_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} since {self.first_seen_at:%Y-%m-%d %H:%M}"

    def explanation(self) -> str:
        """What is wrong and what the administrator does about it, in the active language."""
        texts = {
            ProblemKind.AUTHENTICATION: _(
                "The registry refused this institution's token (%(detail)s): it was probably "
                "rotated or revoked. Ask the registry for the current token and set "
                "BAKEN_REGISTRY_TOKEN."
            ),
            ProblemKind.REDIRECT: _(
                "The registry address redirects elsewhere (%(detail)s). Redirects are not "
                "followed: set BAKEN_REGISTRY_URL to the registry's own address."
            ),
            ProblemKind.ADDRESS: _(
                "There is no intake API at the registry address (%(detail)s): check "
                "BAKEN_REGISTRY_URL."
            ),
        }
        waiting = _("No registration is lost: they are sent as soon as this is fixed.")
        return f"{texts[ProblemKind(self.kind)] % {'detail': self.detail}} {waiting}"
